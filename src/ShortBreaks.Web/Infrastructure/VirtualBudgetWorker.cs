using System.Threading.Channels;

namespace ShortBreaks.Web.Infrastructure;

/// <summary>The runs waiting to be run in this process, by id; the database holds the runs themselves.</summary>
public sealed class VirtualBudgetQueue
{
    private readonly Channel<Guid> _channel = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(Guid runId) => _channel.Writer.TryWrite(runId);

    internal ChannelReader<Guid> Reader => _channel.Reader;
}

/// <summary>
/// Runs virtual budgets in the background, one at a time, each in its own scope (its own database context), so
/// the page that asks for one returns at once. On start it picks up runs left queued or running when the service
/// last stopped.
/// </summary>
public sealed class VirtualBudgetWorker(IServiceScopeFactory scopes, VirtualBudgetQueue queue, ILogger<VirtualBudgetWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting (and migrating) before touching the database.
        await Task.Yield();
        try
        {
            using var scope = scopes.CreateScope();
            foreach (var id in await scope.ServiceProvider.GetRequiredService<VirtualBudgetService>().UnfinishedAsync(stoppingToken))
            {
                queue.Enqueue(id);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Could not look for unfinished virtual budget runs");
        }

        try
        {
            await foreach (var runId in queue.Reader.ReadAllAsync(stoppingToken))
            {
                await RunAsync(runId, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: a run cut off part way stays Running and is picked up on the next start.
        }
    }

    private async Task RunAsync(Guid runId, CancellationToken stoppingToken)
    {
        try
        {
            using var scope = scopes.CreateScope();
            var actor = scope.ServiceProvider.GetRequiredService<Actor>();
            actor.Name = "Virtual budgets (background)";
            var service = scope.ServiceProvider.GetRequiredService<VirtualBudgetService>();
            if (await service.ExecuteAsync(runId, stoppingToken))
            {
                logger.LogInformation("Virtual budget run {RunId} finished", runId);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Left Running: picked up again when the service starts.
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Virtual budget run {RunId} failed", runId);
            await MarkFailedAsync(runId, stoppingToken);
        }
    }

    private async Task MarkFailedAsync(Guid runId, CancellationToken stoppingToken)
    {
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<Core.Data.ShortBreaksDbContext>();
            var run = await db.VirtualBudgetRuns.FindAsync([runId], stoppingToken);
            if (run is null || run.Status is VirtualBudgetRunStatus.Completed) return;
            run.Status = VirtualBudgetRunStatus.Failed;
            run.Error = "The run stopped with an unexpected error. Start it again; if it fails again, tell the service's support team.";
            run.FinishedAt = db.UtcNow;
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
