using System.Diagnostics;
using ShortBreaks.Core.Providers;

namespace ShortBreaks.Web.Infrastructure;

/// <summary>
/// Opens the annual renewals of Flexible Short Breaks and sends their emails (<see cref="RenewalService"/>): every node
/// looks every few minutes, and each invitation, reminder and overdue notice is claimed in the database with a lease
/// before it is emailed, so two nodes never send the same one and one left by a node that stopped is sent by another
/// once its lease has passed.
/// </summary>
public sealed class RenewalWorker(IServiceScopeFactory scopes, NodeOptions options, ILogger<RenewalWorker> logger) : BackgroundService
{
    /// <summary>How often a node looks for renewals to open and emails due.</summary>
    public static readonly TimeSpan CheckEvery = TimeSpan.FromMinutes(10);

    /// <summary>This process, as named on the emails it claims.</summary>
    public static string Node { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    public const string WatchName = "Flexible Short Breaks renewals";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting (and migrating) before touching the database.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
                await Task.Delay(CheckEvery, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Stopping: an email claimed and not sent is sent by another node once its lease passes.
                return;
            }
            catch (Exception ex)
            {
                // The database may be restarting: look again after the interval.
                logger.LogError(ex, "Could not look for Flexible Short Breaks renewals");
                await Task.Delay(CheckEvery, stoppingToken);
            }
        }
    }

    private async Task RunOnceAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        scope.ServiceProvider.GetRequiredService<Actor>().Name = WatchName;
        using var activity = Telemetry.Source.StartActivity("fsb renewals");
        var started = Stopwatch.GetTimestamp();
        var sent = await scope.ServiceProvider.GetRequiredService<RenewalService>().RunAsync(Node, RetentionWorker.LeaseOf(options), ct);
        var job = new KeyValuePair<string, object?>("job", "fsb-renewals");
        Telemetry.BackgroundWork.Add(1, job, new("outcome", "completed"));
        Telemetry.BackgroundDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, job, new("outcome", "completed"));
        if (sent > 0) logger.LogInformation("Sent {Count} Flexible Short Breaks renewal emails", sent);
    }
}
