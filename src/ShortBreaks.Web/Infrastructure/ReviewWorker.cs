using ShortBreaks.Core.Reviews;

namespace ShortBreaks.Web.Infrastructure;

/// <summary>
/// Once a UK day across every node, finds the reviews falling due over the county (<see cref="ReviewScanService"/>) and
/// puts them on the reviewing officers' worklist. The run is claimed in the database (<see cref="DailyJobWorker"/>), and
/// a review is unique per child and due day, so two nodes or a restart never make one twice.
/// </summary>
public sealed class ReviewWorker(IServiceScopeFactory scopes, NodeOptions options, ILogger<ReviewWorker> logger)
    : DailyJobWorker(scopes, options, logger, "Reviews falling due", "reviews-due")
{
    protected override async Task<string> RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var made = await services.GetRequiredService<ReviewScanService>().ScanAsync(ct);
        return made == 1 ? "1 review added" : $"{made} reviews added";
    }
}
