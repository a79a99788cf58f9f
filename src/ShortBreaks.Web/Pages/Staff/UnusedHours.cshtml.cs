using ShortBreaks.Core.Caseloads;
using ShortBreaks.Core.Providers;
using ShortBreaks.Web.Pages.UnusedHours;

namespace ShortBreaks.Web.Pages.Staff;

/// <summary>
/// Officers' unused-hours report: the same as commissioning's, each child linked to their packages and to the decision on
/// their unused hours, of the children the officer sees (<see cref="StaffVisibility"/>), the providers' totals included.
/// </summary>
public sealed class UnusedHoursModel(ShortBreaksDbContext db, UnusedHoursService service, StaffVisibility visibility) : UnusedHoursReportPage(db, service)
{
    public override bool LinksToChildren => true;

    protected override async Task<StaffViewer?> ViewerAsync() =>
        await visibility.ForAsync(User, HttpContext.RequestAborted) ?? throw new InvalidOperationException("Only case staff reach the officers' unused-hours report.");

    public override string Link(UnusedHoursQuery query, string? handler = null) => Links.StaffUnusedHours(query, handler);
}
