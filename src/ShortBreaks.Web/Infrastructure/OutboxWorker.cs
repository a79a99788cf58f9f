using ShortBreaks.Core.Notifications;

namespace ShortBreaks.Web.Infrastructure;

/// <summary>
/// Sends the emails the services put in the outbox (<see cref="OutboxService"/>): every node looks every few seconds,
/// and each email is claimed in the database with a lease before it is sent, so two nodes never send the same one.
/// </summary>
public sealed class OutboxWorker(IServiceScopeFactory scopes, NodeOptions options, ILogger<OutboxWorker> logger)
    : LeasedWatchWorker(scopes, options, logger, new("Outbox", "outbox", "outbox", "emails from the outbox"))
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(Math.Max(1, Options.OutboxPollSeconds));

    protected override Task<int> RunAsync(IServiceProvider services, string node, TimeSpan lease, CancellationToken ct) =>
        services.GetRequiredService<OutboxService>().SendWaitingAsync(node, lease, ct);
}
