using ShortBreaks.Core.Providers;

namespace ShortBreaks.Web.Infrastructure;

/// <summary>
/// Watches the expiry of providers' insurance and registrations (<see cref="ExpiryWatch"/>): every node looks every
/// few minutes, and each warning due is claimed in the database with a lease before it is emailed, so two nodes never
/// send the same one and a warning left by a node that stopped is sent by another once its lease has passed.
/// </summary>
public sealed class ExpiryWorker(IServiceScopeFactory scopes, NodeOptions options, ILogger<ExpiryWorker> logger)
    : LeasedWatchWorker(scopes, options, logger, new("Provider expiry watch", "provider expiry watch", "provider-expiry-watch", "provider expiry warnings"))
{
    protected override Task<int> RunAsync(IServiceProvider services, string node, TimeSpan lease, CancellationToken ct) =>
        services.GetRequiredService<ExpiryWatch>().RunAsync(node, lease, ct);
}
