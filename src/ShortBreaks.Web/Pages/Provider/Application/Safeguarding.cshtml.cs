using ShortBreaks.Core.Providers;

namespace ShortBreaks.Web.Pages.Provider.Application;

/// <summary>The organisation's safeguarding lead and its DBS policy, saved with the version the administrator saw.</summary>
public sealed class SafeguardingModel(FrameworkService framework) : FrameworkPageModel(framework)
{
    public override string Title => "Safeguarding lead and DBS policy";

    [BindProperty] public string? LeadName { get; set; }
    [BindProperty] public string? LeadEmail { get; set; }
    [BindProperty] public string? LeadPhone { get; set; }
    [BindProperty] public string? DbsPolicy { get; set; }
    [BindProperty] public long? SeenVersion { get; set; }

    public void OnGet()
    {
        var o = Record.Organisation;
        (LeadName, LeadEmail, LeadPhone, DbsPolicy, SeenVersion) = (o.SafeguardingLeadName, o.SafeguardingLeadEmail, o.SafeguardingLeadPhone, o.DbsPolicy, o.Version);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ClearBindingErrors();
        if (SeenVersion is not { } seen) return await ShowAgainAsync(CommandResult.Fail("", FormVersion.Missing));
        var result = await Framework.SaveSafeguardingAsync(Member.OrganisationId, new SafeguardingDetails(LeadName, LeadEmail, LeadPhone, DbsPolicy), seen, HttpContext.RequestAborted);
        if (result.Succeeded) return Redirect(Links.ProviderApplication(saved: "safeguarding"));
        await ShowAgainAsync(result);
        if (result.Conflict) SeenVersion = Record.Organisation.Version;
        return Page();
    }
}
