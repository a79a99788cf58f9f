using System.Diagnostics;
using System.Threading.Channels;

namespace ShortBreaks.Web.Infrastructure;

/// <summary>
/// Wakes this node's worker when a run is asked for here, so it starts at once. The runs themselves wait in the
/// database, where every node's worker looks for them.
/// </summary>
public sealed class VirtualBudgetQueue
{
    private readonly Channel<Guid> _channel = Channel.CreateBounded<Guid>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public void Enqueue(Guid runId) => _channel.Writer.TryWrite(runId);

    internal ChannelReader<Guid> Reader => _channel.Reader;
}

/// <summary>
/// Runs virtual budgets in the background, one at a time, each in its own scope (its own database context), so
/// the page that asks for one returns at once. Every node runs one: each looks in the database for runs waiting
/// (woken at once for a run asked for on this node, and every few seconds for the rest) and claims a run with a
/// lease before running it, renewing the lease as it goes. Two nodes never run the same run at once, and a run
/// left part way by a node that stopped is taken up by another once its lease has passed.
/// </summary>
public sealed class VirtualBudgetWorker(IServiceScopeFactory scopes, VirtualBudgetQueue queue, NodeOptions options, ILogger<VirtualBudgetWorker> logger) : BackgroundService
{
    /// <summary>This process, as named on the runs it claims.</summary>
    public string Node { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    private TimeSpan Lease => TimeSpan.FromSeconds(Math.Max(1, options.JobLeaseSeconds));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting (and migrating) before touching the database.
        await Task.Yield();
        var poll = TimeSpan.FromSeconds(Math.Max(0.1, options.JobPollSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunWaitingAsync(stoppingToken);
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                wait.CancelAfter(poll);
                try
                {
                    await queue.Reader.WaitToReadAsync(wait.Token);
                    queue.Reader.TryRead(out _);
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                    // The poll interval has passed: look again.
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Stopping: a run cut off part way has been let go (or its lease passes), and another node takes it up.
                return;
            }
            catch (Exception ex)
            {
                // The database may be restarting: look again after the interval.
                logger.LogError(ex, "Could not look for virtual budget runs to run");
                await Task.Delay(poll, stoppingToken);
            }
        }
    }

    private async Task RunWaitingAsync(CancellationToken stoppingToken)
    {
        List<Guid> waiting;
        using (var scope = scopes.CreateScope())
        {
            waiting = await scope.ServiceProvider.GetRequiredService<VirtualBudgetService>().ClaimableAsync(stoppingToken);
        }

        foreach (var runId in waiting)
        {
            bool claimed;
            using (var scope = scopes.CreateScope())
            {
                claimed = await scope.ServiceProvider.GetRequiredService<VirtualBudgetService>().TryClaimAsync(runId, Node, Lease, stoppingToken);
            }

            if (claimed) await RunAsync(runId, stoppingToken);
        }
    }

    private async Task RunAsync(Guid runId, CancellationToken stoppingToken)
    {
        using var held = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var renewing = RenewAsync(runId, held);
        using var activity = Telemetry.Source.StartActivity("virtual budget run");
        activity?.SetTag("shortbreaks.run.id", runId.ToString());
        var started = Stopwatch.GetTimestamp();
        var outcome = "completed";
        try
        {
            using var scope = scopes.CreateScope();
            var actor = scope.ServiceProvider.GetRequiredService<Actor>();
            actor.Name = "Virtual budgets (background)";
            var service = scope.ServiceProvider.GetRequiredService<VirtualBudgetService>();
            if (await service.ExecuteAsync(runId, Node, held.Token))
            {
                logger.LogInformation("Virtual budget run {RunId} finished", runId);
            }
            else
            {
                outcome = "not-run";
            }
        }
        catch (OperationCanceledException) when (held.IsCancellationRequested)
        {
            // Stopping, or the lease was lost: the node holding the run now (or the next to claim it) finishes it.
            outcome = "stopped";
        }
        catch (Exception ex)
        {
            outcome = "failed";
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            logger.LogError(ex, "Virtual budget run {RunId} failed", runId);
            await MarkFailedAsync(runId, stoppingToken);
        }
        finally
        {
            var job = new KeyValuePair<string, object?>("job", "virtual-budget-run");
            Telemetry.BackgroundWork.Add(1, job, new("outcome", outcome));
            Telemetry.BackgroundDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, job, new("outcome", outcome));
            activity?.SetTag("shortbreaks.outcome", outcome);
            await held.CancelAsync();
            await renewing;
            if (stoppingToken.IsCancellationRequested) await ReleaseAsync(runId);
        }
    }

    /// <summary>A node stopping lets its run go, so a node that is up (or this one, restarted) takes it up at once.</summary>
    private async Task ReleaseAsync(Guid runId)
    {
        try
        {
            using var scope = scopes.CreateScope();
            using var briefly = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await scope.ServiceProvider.GetRequiredService<VirtualBudgetService>().ReleaseAsync(runId, Node, briefly.Token);
        }
        catch (Exception ex)
        {
            // The lease passes on its own.
            logger.LogWarning(ex, "Could not let virtual budget run {RunId} go while stopping", runId);
        }
    }

    /// <summary>Renews the lease a third of the way through each; stops the run if this node no longer holds it.</summary>
    private async Task RenewAsync(Guid runId, CancellationTokenSource held)
    {
        try
        {
            using var timer = new PeriodicTimer(Lease / 3);
            while (await timer.WaitForNextTickAsync(held.Token))
            {
                using var scope = scopes.CreateScope();
                if (!await scope.ServiceProvider.GetRequiredService<VirtualBudgetService>().RenewAsync(runId, Node, Lease, held.Token))
                {
                    logger.LogWarning("Virtual budget run {RunId} is no longer held by this node", runId);
                    await held.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The run has ended.
        }
        catch (Exception ex)
        {
            // The next tick cannot come now; if renewals keep failing the lease passes and another node takes the run.
            logger.LogWarning(ex, "Could not renew the lease of virtual budget run {RunId}", runId);
        }
    }

    private async Task MarkFailedAsync(Guid runId, CancellationToken stoppingToken)
    {
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<Core.Data.ShortBreaksDbContext>();
            var run = await db.VirtualBudgetRuns.FindAsync([runId], stoppingToken);
            if (run is null || run.Status is VirtualBudgetRunStatus.Completed || run.ClaimedBy != Node) return;
            run.Status = VirtualBudgetRunStatus.Failed;
            run.Error = "The run stopped with an unexpected error. Start it again; if it fails again, tell the service's support team.";
            run.FinishedAt = db.UtcNow;
            run.LeaseUntil = null;
            await db.SaveChangesAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Could not record that virtual budget run {RunId} failed", runId);
        }
    }
}

public static class VirtualBudgetPolicies
{
    /// <summary>Finance officers and administrators set the service budget.</summary>
    public const string ServiceBudget = "ServiceBudget";
}
