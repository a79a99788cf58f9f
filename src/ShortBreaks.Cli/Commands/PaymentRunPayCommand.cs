using Microsoft.EntityFrameworkCore;
using ShortBreaks.Core.Finance;

namespace ShortBreaks.Cli.Commands;

/// <summary>
/// Pays an approved payment run, or finishes one that stopped part way: the same as the run page's "Pay" button, for a
/// run paid by a scheduled job or finished after a failure.
/// </summary>
internal static class PaymentRunPayCommand
{
    public static Command Create() => CommandLine.Create(
        "payment-run-pay",
        "Pays an approved payment run, or finishes one that stopped part way.",
        [
            CommandLine.Option("--run", "reference", "the run's reference, for example RUN-20261130-1 (required)"),
            CommandLine.Option("--batch-size", "number", $"how many payments each transaction marks paid (default {PaymentRunService.DefaultBatchSize})"),
            CommandLine.Option("--pause", "milliseconds", "a wait between batches, to pay beside the day's work (default 0)"),
            CommandLine.Option("--schemes", "folder", "the scheme files (default the schemes folder beside the tool)"),
            .. DatabaseArguments.Options(),
        ],
        RunAsync,
        "Each batch is one transaction: a run stopped part way (a crash, Ctrl+C) is finished by running this again, and nothing is " +
        "ever paid twice, even when two nodes pay the same run at once. A paid run is left as it is.");

    private static async Task<int> RunAsync(CommandOptions options, CancellationToken ct)
    {
        var reference = options.String("run")?.Trim();
        var batchSize = options.Int("batch-size", PaymentRunService.DefaultBatchSize, 1, 100_000);
        var pause = options.Int("pause", 0, 0, 600_000);
        var schemesFolder = options.String("schemes") ?? Path.Combine(AppContext.BaseDirectory, "schemes");
        var database = DatabaseArguments.Read(options);
        options.ThrowIfAnyUnread();
        if (string.IsNullOrEmpty(reference)) throw new UsageException("Give the run to pay: --run RUN-20261130-1.");

        SchemeCatalog catalog;
        try
        {
            catalog = SchemeCatalog.LoadFrom(schemesFolder);
        }
        catch (SchemeValidationException ex)
        {
            throw new UsageException(ex.Message);
        }

        await using var core = CoreScope.Open(new CoreOptions { Database = database, Schemes = catalog }, "payment-run-pay");
        var run = await core.Db.PaymentRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Reference == reference, ct);
        if (run is null)
        {
            Console.Error.WriteLine($"There is no payment run {reference}.");
            return 1;
        }

        var stopwatch = Stopwatch.StartNew();
        var outcome = await core.Get<PaymentRunService>().PayAsync(run.Id, batchSize, pause > 0 ? TimeSpan.FromMilliseconds(pause) : null, ct);
        if (!outcome.Result.Succeeded)
        {
            Console.Error.WriteLine(string.Join(" ", outcome.Result.Errors.Select(e => e.Message)));
            return 1;
        }

        Console.WriteLine($"{run.Reference} is paid: {outcome.Paid:N0} of its {run.ItemCount:N0} payments marked paid now ({stopwatch.Elapsed.TotalSeconds:0.0} s).");
        return 0;
    }
}
