using System.Diagnostics;

namespace ShortBreaks.Web.Infrastructure;

/// <summary>
/// A job that runs once a UK day across every node (a scan for reviews falling due, for stages overdue): each node
/// looks every few minutes whether today's run is due and not yet made, and claims it in the database
/// (<see cref="ScheduledJobs.TryClaimDailyAsync"/>) with a lease it renews while it runs. So two nodes make one run,
/// a run left by a node that stopped is made by another once its lease has passed, and a restart does not run it
/// again the same day. Its last run, outcome and failure are shown to administrators on the scheduled work page.
/// </summary>
/// <param name="name">The job's name: its key, its actor name in the audit, and how administrators see it.</param>
/// <param name="job">The <c>job</c> tag of its telemetry counters.</param>
public abstract class DailyJobWorker(IServiceScopeFactory scopes, NodeOptions options, ILogger logger, string name, string job) : BackgroundService
{
    /// <summary>Runs the job over the whole county in a scope of its own; returns what it did, in words ("12 reviews added").</summary>
    protected abstract Task<string> RunAsync(IServiceProvider services, CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting (and migrating) before touching the database.
        await Task.Yield();
        var every = TimeSpan.FromSeconds(Math.Max(1, options.DailyJobPollSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunIfDueAsync(stoppingToken);
                await Task.Delay(every, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Stopping: a run cut off part way is made by another node once its lease passes.
                return;
            }
            catch (Exception ex)
            {
                // The database may be restarting: look again after the interval.
                logger.LogError(ex, "Could not run {Job}", name);
                await Task.Delay(every, stoppingToken);
            }
        }
    }

    /// <summary>Claims today's run and makes it if this node won it; true when it ran (the tests call this directly).</summary>
    public async Task<bool> RunIfDueAsync(CancellationToken stoppingToken)
    {
        var lease = RetentionWorker.LeaseOf(options);
        var node = LeasedWatchWorker.Node;
        using (var scope = scopes.CreateScope())
        {
            if (!await scope.ServiceProvider.GetRequiredService<ScheduledJobs>().TryClaimDailyAsync(name, node, lease, stoppingToken)) return false;
        }

        using var held = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var renewing = RenewAsync(node, lease, held);
        using var activity = Telemetry.Source.StartActivity(job);
        var started = Stopwatch.GetTimestamp();
        var outcome = "completed";
        string? failure = null;
        try
        {
            using var scope = scopes.CreateScope();
            scope.ServiceProvider.GetRequiredService<Actor>().Name = name;
            var day = scope.ServiceProvider.GetRequiredService<ShortBreaksDbContext>().Today;
            var result = await RunAsync(scope.ServiceProvider, held.Token);
            await scope.ServiceProvider.GetRequiredService<ScheduledJobs>().CompleteDailyAsync(name, node, day, result, CancellationToken.None);
            logger.LogInformation("{Job}: {Result}", name, result);
            return true;
        }
        catch (OperationCanceledException) when (held.IsCancellationRequested)
        {
            outcome = "stopped";
            throw;
        }
        catch (Exception ex)
        {
            outcome = "failed";
            failure = ex.GetType().Name;
            throw;
        }
        finally
        {
            var tag = new KeyValuePair<string, object?>("job", job);
            Telemetry.BackgroundWork.Add(1, tag, new("outcome", outcome));
            Telemetry.BackgroundDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tag, new("outcome", outcome));
            activity?.SetTag("shortbreaks.outcome", outcome);
            await held.CancelAsync();
            await renewing;
            if (outcome != "completed") await ReleaseAsync(node, outcome, failure);
        }
    }

    private async Task ReleaseAsync(string node, string outcome, string? failure)
    {
        try
        {
            using var scope = scopes.CreateScope();
            await scope.ServiceProvider.GetRequiredService<ScheduledJobs>().ReleaseDailyAsync(name, node, outcome, failure, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // The lease passes on its own and another node (or this one) runs the job.
            logger.LogWarning(ex, "Could not let go of {Job}", name);
        }
    }

    private async Task RenewAsync(string node, TimeSpan lease, CancellationTokenSource held)
    {
        try
        {
            using var timer = new PeriodicTimer(lease / 3);
            while (await timer.WaitForNextTickAsync(held.Token))
            {
                using var scope = scopes.CreateScope();
                if (!await scope.ServiceProvider.GetRequiredService<ScheduledJobs>().RenewAsync(name, node, lease, held.Token))
                {
                    logger.LogWarning("{Job} is no longer held by this node", name);
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
            // If renewals keep failing the lease passes and another node runs the job.
            logger.LogWarning(ex, "Could not renew the lease of {Job}", name);
        }
    }
}
