using ShortBreaks.Core.Providers;

namespace ShortBreaks.Web.Pages.Provider.Application;

/// <summary>
/// The whole application to check, and sending it: first time, again after a refusal, or with the more information
/// commissioning asked for. Sent with the version seen, so what is sent is what was checked.
/// </summary>
public sealed class CheckModel(FrameworkService framework, EmailSender email) : FrameworkPageModel(framework)
{
    public override string Title => FrameworkRules.CanSubmit(Record.Organisation.Status) ? "Check your application and send it" : "Your application";

    protected override bool AdministratorsOnly => false;

    [BindProperty] public long? SeenVersion { get; set; }

    public OrganisationFileView View => new(Record, Settings, Today, Links.ProviderApplicationDocument);

    public void OnGet() => SeenVersion = Record.Organisation.Version;

    public async Task<IActionResult> OnPostAsync()
    {
        ClearBindingErrors();
        if (SeenVersion is not { } seen) return await ShowAgainAsync(CommandResult.Fail("", FormVersion.Missing));
        var result = await Framework.SubmitAsync(Member.OrganisationId, seen, email.Options.PublicBaseUrl, HttpContext.RequestAborted);
        if (result.Succeeded) return Redirect(Links.ProviderApplication(saved: "sent"));
        await ShowAgainAsync(CommandResult.Fail(result.Errors.Select(e => e with { Field = "" }).ToList()));
        SeenVersion = Record.Organisation.Version;
        return Page();
    }
}
