using System.Diagnostics;

namespace ShortBreaks.Web.Infrastructure;

/// <summary>What a watch is called: who acts on the record, its telemetry activity and job, and what it sends, in words.</summary>
/// <param name="ActorName">Who acts on the record (the audit's actor name).</param>
/// <param name="Activity">The telemetry activity's name.</param>
/// <param name="Job">The <c>job</c> tag of its telemetry counters.</param>
/// <param name="Emails">What it sends, in words, as logged: "Sent 3 {Emails}" and "Could not look for {Emails}".</param>
public sealed record WatchNames(string ActorName, string Activity, string Job, string Emails);

/// <summary>
/// A watch every node runs every few minutes: each turn, in a scope of its own, the watch claims each item due in the
/// database with a lease before it acts on it (<see cref="RunAsync"/>), so two nodes never act on the same item and
/// one left by a node that stopped is taken up by another once its lease has passed. A turn that fails (the database
/// restarting, say) is logged and tried again after the interval.
/// </summary>
public abstract class LeasedWatchWorker(IServiceScopeFactory scopes, NodeOptions options, ILogger logger, WatchNames names) : BackgroundService
{
    /// <summary>How often a node looks for items due.</summary>
    public static readonly TimeSpan CheckEvery = TimeSpan.FromMinutes(10);

    /// <summary>This process, as named on the items it claims.</summary>
    public static string Node { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>The node's settings (lease, poll intervals).</summary>
    protected NodeOptions Options => options;

    /// <summary>How often this watch looks: <see cref="CheckEvery"/> unless the watch needs to be quicker (the outbox).</summary>
    protected virtual TimeSpan Interval => CheckEvery;

    /// <summary>Claims and acts on each item due; returns how many were sent.</summary>
    protected abstract Task<int> RunAsync(IServiceProvider services, string node, TimeSpan lease, CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting (and migrating) before touching the database.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
                await Task.Delay(Interval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Stopping: an item claimed and not sent is sent by another node once its lease passes.
                return;
            }
            catch (Exception ex)
            {
                // The database may be restarting: look again after the interval.
                logger.LogError(ex, "Could not look for {Emails}", names.Emails);
                await RecordAsync(DateTime.UtcNow, "failed", null, ex.GetType().Name);
                await Task.Delay(Interval, stoppingToken);
            }
        }
    }

    private async Task RunOnceAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        scope.ServiceProvider.GetRequiredService<Actor>().Name = names.ActorName;
        using var activity = Telemetry.Source.StartActivity(names.Activity);
        var started = Stopwatch.GetTimestamp();
        var startedAt = scope.ServiceProvider.GetRequiredService<ShortBreaksDbContext>().UtcNow;
        var sent = await RunAsync(scope.ServiceProvider, Node, RetentionWorker.LeaseOf(options), ct);
        await scope.ServiceProvider.GetRequiredService<ScheduledJobs>().RecordTurnAsync(names.ActorName, Node, startedAt, "completed", $"{sent} {names.Emails}", null, ct);
        var job = new KeyValuePair<string, object?>("job", names.Job);
        Telemetry.BackgroundWork.Add(1, job, new("outcome", "completed"));
        Telemetry.BackgroundDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, job, new("outcome", "completed"));
        if (sent > 0) logger.LogInformation("Sent {Count} {Emails}", sent, names.Emails);
    }

    /// <summary>Records a failed turn for administrators, if the database will take it (it may be what failed).</summary>
    private async Task RecordAsync(DateTime startedAt, string outcome, string? result, string? failure)
    {
        try
        {
            using var scope = scopes.CreateScope();
            await scope.ServiceProvider.GetRequiredService<ScheduledJobs>().RecordTurnAsync(names.ActorName, Node, startedAt, outcome, result, failure, CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not record the failed turn of {Job}", names.ActorName);
        }
    }
}
