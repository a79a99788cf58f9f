namespace ShortBreaks.Web.Pages;

public class IndexModel(SchemeCatalog schemes, TimeProvider clock, ShortBreaksLinks links) : PageModel
{
    public string ServiceName { get; private set; } = "";

    public IActionResult OnGet()
    {
        if (Roles.CaseStaff.Any(User.IsInRole)) return Redirect(links.StaffHome());
        if (User.IsInRole(Roles.Family)) return Redirect(links.FamilyAccount());
        if (Roles.RatesStaff.Any(User.IsInRole)) return Redirect(links.Rates());
        ServiceName = schemes.InForceOn(UkCalendar.Today(clock)).Council.ServiceName;
        return Page();
    }
}
