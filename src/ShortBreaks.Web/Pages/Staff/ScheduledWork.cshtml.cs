namespace ShortBreaks.Web.Pages.Staff;

/// <summary>
/// For administrators: each scheduled job's last run (when, on which node, what it did, its last failure) and the outbox
/// (emails waiting, sent, not sent by choice, and given up), so work that has stopped is seen, not discovered.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class ScheduledWorkModel(ScheduledJobs jobs, OutboxService outbox, ShortBreaksDbContext db) : GovukPageModel
{
    public override string Title => "Scheduled work";

    public IReadOnlyList<ScheduledJob> Jobs { get; private set; } = [];
    public OutboxSummary Outbox { get; private set; } = new(0, 0, 0, 0, null);
    public DateOnly Today => db.Today;
    public DateTime Now => db.UtcNow;

    /// <summary>A daily job that has not completed today or yesterday (UK dates) has missed a day.</summary>
    public bool IsLate(ScheduledJob job) => job.LastDay is { } day && day < Today.AddDays(-1);

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        Jobs = await jobs.ListAsync(ct);
        Outbox = await outbox.SummaryAsync(ct);
    }
}
