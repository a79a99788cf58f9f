using ShortBreaks.Core.Providers;
using ShortBreaks.Web.Pages.UnusedHours;

namespace ShortBreaks.Web.Pages.Staff;

/// <summary>Officers' unused-hours report: the same as commissioning's, each child linked to their packages and to the decision on their unused hours.</summary>
public sealed class UnusedHoursModel(ShortBreaksDbContext db, UnusedHoursService service) : UnusedHoursReportPage(db, service)
{
    public override bool LinksToChildren => true;

    public override string Link(UnusedHoursQuery query, string? handler = null) => Links.StaffUnusedHours(query, handler);
}
