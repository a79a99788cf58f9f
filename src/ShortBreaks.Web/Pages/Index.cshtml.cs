using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Schemes;

namespace ShortBreaks.Web.Pages;

public class IndexModel(SchemeCatalog schemes, TimeProvider clock) : PageModel
{
    public string ServiceName { get; private set; } = "";

    public IActionResult OnGet()
    {
        if (Roles.CaseStaff.Any(User.IsInRole)) return Redirect("/staff");
        if (User.IsInRole(Roles.Family)) return Redirect("/account");
        if (Roles.RatesStaff.Any(User.IsInRole)) return Redirect("/rates");
        ServiceName = schemes.InForceOn(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).Council.ServiceName;
        return Page();
    }
}
