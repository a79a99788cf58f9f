using ShortBreaks.Core.DirectPayments;

namespace ShortBreaks.Web.Infrastructure;

/// <summary>
/// Once a UK day across every node, ends the direct payments of packages whose last day has passed and that have nothing
/// more to pay (<see cref="DirectPaymentEndings"/>). The run is claimed in the database (<see cref="DailyJobWorker"/>), and
/// an ended direct payment is never looked at again, so two nodes or a restart never end one twice.
/// </summary>
public sealed class DirectPaymentEndingWorker(IServiceScopeFactory scopes, NodeOptions options, ILogger<DirectPaymentEndingWorker> logger)
    : DailyJobWorker(scopes, options, logger, "Direct payments ending", "direct-payments-ending")
{
    protected override async Task<string> RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var ended = await services.GetRequiredService<DirectPaymentEndings>().EndFinishedAsync(ct);
        return ended == 1 ? "1 direct payment ended" : $"{ended} direct payments ended";
    }
}
