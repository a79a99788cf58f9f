using ShortBreaks.Core.Reviews;

namespace ShortBreaks.Web.Infrastructure;

/// <summary>
/// Finds the reviews falling due across the county (<see cref="ReviewScanService"/>) and puts them on the reviewing
/// officers' worklist. Every node looks every few minutes; a review is unique per child and due day, so two nodes, a
/// restart or a second look the same day never make one twice.
/// </summary>
public sealed class ReviewWorker(IServiceScopeFactory scopes, NodeOptions options, ILogger<ReviewWorker> logger)
    : LeasedWatchWorker(scopes, options, logger, new("Reviews falling due", "reviews due", "reviews-due", "reviews falling due"))
{
    protected override Task<int> RunAsync(IServiceProvider services, string node, TimeSpan lease, CancellationToken ct) =>
        services.GetRequiredService<ReviewScanService>().ScanAsync(ct);
}
