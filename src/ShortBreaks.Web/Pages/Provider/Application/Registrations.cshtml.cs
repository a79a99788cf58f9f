using ShortBreaks.Core.Providers;

namespace ShortBreaks.Web.Pages.Provider.Application;

/// <summary>The organisation's registrations with Ofsted or the CQC, where the law asks for one, with their expiry.</summary>
public sealed class RegistrationsModel(FrameworkService framework) : FrameworkPageModel(framework)
{
    public override string Title => "Ofsted or CQC registration";

    [BindProperty] public string? Regulator { get; set; }
    [BindProperty] public string? Number { get; set; }
    [BindProperty(Name = "ExpiresOn")] public DateBoxes ExpiresOn { get; set; } = new();
    [BindProperty] public Guid? RegistrationId { get; set; }

    public DateInput ExpiresOnInput => new("ExpiresOn", "When does it run out? (optional)", ExpiresOn.Day, ExpiresOn.Month, ExpiresOn.Year)
    {
        Hint = "Leave it empty if the registration has no end date. For example, 31 3 2027",
        ErrorParts = ExpiresOn.ErrorParts,
    };

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAddAsync()
    {
        ClearBindingErrors();
        var (expires, dateError) = ExpiresOn.Read("ExpiresOn", "The date it runs out");
        var regulator = Enum.TryParse<Regulator>(Regulator, out var r) && Enum.IsDefined(r) ? r : (Regulator?)null;
        var result = await Framework.AddRegistrationAsync(Member.OrganisationId, new RegistrationDetails(regulator, Number, expires), HttpContext.RequestAborted);
        if (dateError is not null) result = CommandResult.Fail([.. result.Errors.Where(e => e.Field != "ExpiresOn"), dateError]);
        if (result.Succeeded) return Redirect(Links.ProviderApplicationRegistrations());
        return await ShowAgainAsync(CommandResult.Fail(ExpiresOn.KeyRuleErrors(result.Errors, "ExpiresOn")));
    }

    public async Task<IActionResult> OnPostRemoveAsync()
    {
        ClearBindingErrors();
        if (RegistrationId is not { } id) return Redirect(Links.ProviderApplicationRegistrations());
        var result = await Framework.RemoveRegistrationAsync(Member.OrganisationId, id, HttpContext.RequestAborted);
        return result.Succeeded ? Redirect(Links.ProviderApplicationRegistrations()) : await ShowAgainAsync(result);
    }
}
