using ShortBreaks.Core.Complaints;

namespace ShortBreaks.Web.Infrastructure;

/// <summary>
/// Finds complaint and appeal stages that have passed their due date unanswered (<see cref="ComplaintService.ScanAsync"/>):
/// every node looks every few minutes, and each stage is marked found by one set-based update, so a stage is found once
/// (until an extension moves its date) however many nodes look, and a restart loses nothing.
/// </summary>
public sealed class ComplaintWorker(IServiceScopeFactory scopes, NodeOptions options, ILogger<ComplaintWorker> logger)
    : LeasedWatchWorker(scopes, options, logger, new("Complaint timescales", "complaint scan", "complaint-scan", "overdue complaint stages"))
{
    protected override async Task<int> RunAsync(IServiceProvider services, string node, TimeSpan lease, CancellationToken ct) =>
        (await services.GetRequiredService<ComplaintService>().ScanAsync(ct)).Count;
}
