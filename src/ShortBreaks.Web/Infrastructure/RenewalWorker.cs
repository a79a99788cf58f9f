using ShortBreaks.Core.Providers;

namespace ShortBreaks.Web.Infrastructure;

/// <summary>
/// Opens the annual renewals of Flexible Short Breaks and sends their emails (<see cref="RenewalService"/>): every node
/// looks every few minutes, and each invitation, reminder and overdue notice is claimed in the database with a lease
/// before it is emailed, so two nodes never send the same one and one left by a node that stopped is sent by another
/// once its lease has passed.
/// </summary>
public sealed class RenewalWorker(IServiceScopeFactory scopes, NodeOptions options, ILogger<RenewalWorker> logger)
    : LeasedWatchWorker(scopes, options, logger, new("Flexible Short Breaks renewals", "fsb renewals", "fsb-renewals", "Flexible Short Breaks renewal emails"))
{
    protected override Task<int> RunAsync(IServiceProvider services, string node, TimeSpan lease, CancellationToken ct) =>
        services.GetRequiredService<RenewalService>().RunAsync(node, lease, ct);
}
