using System.Diagnostics;
using ShortBreaks.Core.Retention;

namespace ShortBreaks.Web.Infrastructure;

/// <summary>
/// Makes the month's retention review on the scheme's day (UK date). Every node runs one: each looks every few
/// minutes whether this month's review is due and not yet made, and claims it in the database with a lease before
/// scanning (renewing the lease as it goes), so two nodes make one review and a scan left by a node that stopped
/// is made by another once its lease has passed.
/// </summary>
public sealed class RetentionWorker(IServiceScopeFactory scopes, NodeOptions options, ILogger<RetentionWorker> logger) : BackgroundService
{
    /// <summary>How often a node looks whether the month's scan is due.</summary>
    public static readonly TimeSpan CheckEvery = TimeSpan.FromMinutes(5);

    /// <summary>This process, as named on the reviews it claims (a manager's "scan now" claims as the node serving them).</summary>
    public static string Node { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Who the scan is, on the reviews it makes and in the audit.</summary>
    public const string ScanName = "Monthly retention scan";

    public static TimeSpan LeaseOf(NodeOptions options) => TimeSpan.FromSeconds(Math.Max(1, options.JobLeaseSeconds));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting (and migrating) before touching the database.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ScanIfDueAsync(stoppingToken);
                await Task.Delay(CheckEvery, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Stopping: a scan cut off part way is taken up by another node once its lease passes.
                return;
            }
            catch (Exception ex)
            {
                // The database may be restarting: look again after the interval.
                logger.LogError(ex, "Could not make this month's retention review");
                await Task.Delay(CheckEvery, stoppingToken);
            }
        }
    }

    private async Task ScanIfDueAsync(CancellationToken stoppingToken)
    {
        var lease = LeaseOf(options);
        Guid? reviewId;
        using (var scope = scopes.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<Actor>().Name = ScanName;
            var service = scope.ServiceProvider.GetRequiredService<RetentionService>();
            if (!await service.MonthlyScanWaitingAsync(stoppingToken)) return;
            reviewId = await service.TryClaimAsync(service.ThisMonth, Node, lease, again: false, stoppingToken);
        }

        if (reviewId is not { } id) return;
        using var held = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var renewing = RenewAsync(id, lease, held);
        using var activity = Telemetry.Source.StartActivity("retention scan");
        var started = Stopwatch.GetTimestamp();
        var outcome = "completed";
        try
        {
            using var scope = scopes.CreateScope();
            scope.ServiceProvider.GetRequiredService<Actor>().Name = ScanName;
            if (!await scope.ServiceProvider.GetRequiredService<RetentionService>().ScanAsync(id, Node, held.Token)) outcome = "not-run";
            else logger.LogInformation("Retention review {ReviewId} made", id);
        }
        catch (OperationCanceledException) when (held.IsCancellationRequested)
        {
            outcome = "stopped";
        }
        finally
        {
            var job = new KeyValuePair<string, object?>("job", "retention-scan");
            Telemetry.BackgroundWork.Add(1, job, new("outcome", outcome));
            Telemetry.BackgroundDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, job, new("outcome", outcome));
            activity?.SetTag("shortbreaks.outcome", outcome);
            await held.CancelAsync();
            await renewing;
        }
    }

    private async Task RenewAsync(Guid reviewId, TimeSpan lease, CancellationTokenSource held)
    {
        try
        {
            using var timer = new PeriodicTimer(lease / 3);
            while (await timer.WaitForNextTickAsync(held.Token))
            {
                using var scope = scopes.CreateScope();
                if (!await scope.ServiceProvider.GetRequiredService<RetentionService>().RenewAsync(reviewId, Node, lease, held.Token))
                {
                    logger.LogWarning("Retention review {ReviewId} is no longer held by this node", reviewId);
                    await held.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The scan has ended.
        }
        catch (Exception ex)
        {
            // If renewals keep failing the lease passes and another node makes the review.
            logger.LogWarning(ex, "Could not renew the lease of retention review {ReviewId}", reviewId);
        }
    }
}
