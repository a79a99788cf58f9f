using ShortBreaks.Core.Caseloads;
using ShortBreaks.Core.Providers;

namespace ShortBreaks.Web.Pages.Staff.Renewals;

/// <summary>
/// The renewal queue: renewals of Flexible Short Breaks waiting for an officer's decision, and those the family has not
/// sent, with any not renewed by the end of the year first and marked overdue, of the children the officer sees
/// (<see cref="ChildVisibility"/>). Case staff only (the Staff folder).
/// </summary>
public sealed class IndexModel(RenewalService renewals, StaffVisibility visibility) : GovukPageModel
{
    public override string Title => "Renewals of Flexible Short Breaks";

    public IReadOnlyList<RenewalQueueItem> Queue { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        var viewer = await visibility.ForAsync(User, ct) ?? throw new InvalidOperationException("Only case staff reach the renewal queue.");
        Queue = await renewals.QueueAsync(viewer, ct);
    }
}
