using ShortBreaks.Core.Providers;

namespace ShortBreaks.Web.Pages.Staff.Renewals;

/// <summary>
/// The renewal queue: renewals of Flexible Short Breaks waiting for an officer's decision, and those the family has not
/// sent, with any not renewed by the end of the year first and marked overdue. Case staff only (the Staff folder).
/// </summary>
public sealed class IndexModel(RenewalService renewals) : GovukPageModel
{
    public override string Title => "Renewals of Flexible Short Breaks";

    public IReadOnlyList<RenewalQueueItem> Queue { get; private set; } = [];

    public async Task OnGetAsync() => Queue = await renewals.QueueAsync(HttpContext.RequestAborted);
}
