using ShortBreaks.Core.Providers;

namespace ShortBreaks.Web.Pages.Provider.Application;

/// <summary>
/// The organisation's details: its names, Companies House or charity number, contact details and address. Saved with
/// the version the administrator saw, so a second administrator saving at the same time is told and loses nothing.
/// </summary>
public sealed class OrganisationModel(FrameworkService framework) : FrameworkPageModel(framework)
{
    public override string Title => "Organisation details";

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? LegalName { get; set; }
    [BindProperty] public string? CompaniesHouseNumber { get; set; }
    [BindProperty] public string? CharityNumber { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? Website { get; set; }
    [BindProperty] public string? AddressLine { get; set; }
    [BindProperty] public string? Town { get; set; }
    [BindProperty] public string? Postcode { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public long? SeenVersion { get; set; }

    public void OnGet()
    {
        var o = Record.Organisation;
        (Name, LegalName, CompaniesHouseNumber, CharityNumber, Email, Phone) = (o.Name, o.LegalName, o.CompaniesHouseNumber, o.CharityNumber, o.Email, o.Phone);
        (Website, AddressLine, Town, Postcode, Description) = (o.Website, o.AddressLine, o.Town, o.Postcode, o.Description);
        SeenVersion = o.Version;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ClearBindingErrors();
        if (SeenVersion is not { } seen) return await ShowAgainAsync(CommandResult.Fail("", FormVersion.Missing));
        var result = await Framework.SaveDetailsAsync(Member.OrganisationId,
            new OrganisationDetails(Name, LegalName, CompaniesHouseNumber, CharityNumber, Email, Phone, Website, AddressLine, Town, Postcode, Description),
            seen, HttpContext.RequestAborted);
        if (result.Succeeded) return Redirect(Links.ProviderApplication(saved: "organisation"));
        await ShowAgainAsync(result);
        // What was typed stays on the page; saving again saves it over the change now seen.
        if (result.Conflict) SeenVersion = Record.Organisation.Version;
        return Page();
    }
}
