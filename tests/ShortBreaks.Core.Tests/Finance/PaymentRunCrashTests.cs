using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using ShortBreaks.Core.Auditing;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.DirectPayments;
using ShortBreaks.Core.Finance;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Core.Tests.Finance;

/// <summary>
/// A payment run paid by the command line, the process killed part way, and the run finished by running the command again:
/// every item paid exactly once and the totals unchanged, on every database.
/// </summary>
public sealed class PaymentRunCrashTests
{
    private const int Instalments = 48;

    [SkippableTheory, AllDatabases]
    public async Task A_run_killed_part_way_is_finished_by_paying_it_again_and_nothing_is_paid_twice(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero));
        await using (var db = database.NewContext(new Actor { UserId = "finance-1", Name = "Fran Finance" }, clock))
        {
            var child = await new TestData(db).CreateChildAsync(tier: Tier.FlexibleShortBreaks);
            TestData.AddPayableDirectPayment(db, child.Id, Enumerable.Range(0, Instalments).Select(d => (new DateOnly(2026, 9, 1).AddDays(d), 20.17m + d)));
            await db.SaveChangesAsync();
        }

        var run = await PaymentRunServiceTests.PreparedAndApprovedAsync(database);

        // Four at a time, a little apart: killed once some batches are paid and before the last.
        using (var paying = StartPaying(database, run.Reference, "--batch-size", "4", "--pause", "250"))
        {
            await Eventually.UntilAsync(() => PaidCountAsync(database, run.Id), paid => paid >= 8, "some batches of the run to be paid");
            paying.Kill(entireProcessTree: true);
            await paying.WaitForExitAsync();
        }

        await using (var db = database.NewContext(Actor.System, clock))
        {
            var items = await db.PaymentRunItems.AsNoTracking().Where(i => i.PaymentRunId == run.Id).ToListAsync();
            var instalments = await db.DirectPaymentInstalments.AsNoTracking().Where(i => i.PaymentRunId == run.Id).ToDictionaryAsync(i => i.Id);
            items.Count(i => i.PaidAt is not null).ShouldBeInRange(8, Instalments - 1);
            (await db.PaymentRuns.AsNoTracking().SingleAsync(r => r.Id == run.Id)).State.ShouldBe(PaymentRunState.Approved);
            // Each batch is whole: an item is paid exactly when its instalment is.
            items.ShouldAllBe(i => (i.PaidAt != null) == (instalments[i.SourceId].State == InstalmentState.Paid));
        }

        using (var finishing = StartPaying(database, run.Reference, "--batch-size", "4"))
        {
            await finishing.WaitForExitAsync();
            var output = await finishing.StandardOutput.ReadToEndAsync();
            finishing.ExitCode.ShouldBe(0, output + await finishing.StandardError.ReadToEndAsync());
            output.ShouldContain($"{run.Reference} is paid");
        }

        using (var again = StartPaying(database, run.Reference))
        {
            await again.WaitForExitAsync();
            (await again.StandardOutput.ReadToEndAsync()).ShouldContain($"0 of its {Instalments} payments marked paid now");
        }

        await using (var db = database.NewContext(Actor.System, clock))
        {
            var finished = await db.PaymentRuns.AsNoTracking().SingleAsync(r => r.Id == run.Id);
            var items = await db.PaymentRunItems.AsNoTracking().Where(i => i.PaymentRunId == run.Id).ToListAsync();
            var instalments = await db.DirectPaymentInstalments.AsNoTracking().Where(i => i.PaymentRunId == run.Id).ToListAsync();
            finished.State.ShouldBe(PaymentRunState.Paid);
            items.Count.ShouldBe(Instalments);
            items.ShouldAllBe(i => i.PaidAt != null);
            instalments.Count(i => i.State == InstalmentState.Paid).ShouldBe(Instalments);
            items.Sum(i => i.Amount).ShouldBe(finished.Total);
            instalments.Sum(i => i.Amount).ShouldBe(finished.Total);
            (await PaymentRunServiceTests.PaidInAuditAsync(db, run.Id)).ShouldBe(Instalments);
        }
    }

    private static async Task<int> PaidCountAsync(TestDatabase database, Guid runId)
    {
        await using var db = database.NewContext(Actor.System, TimeProvider.System);
        return await db.PaymentRunItems.CountAsync(i => i.PaymentRunId == runId && i.PaidAt != null);
    }

    /// <summary>The command line tool as a process of its own, paying the run.</summary>
    private static Process StartPaying(TestDatabase database, string reference, params string[] more)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])
                 [
                     typeof(ShortBreaks.Cli.CommandLine).Assembly.Location, "payment-run-pay", "--run", reference, "--schemes", ShippedSchemes.Folder,
                     "--provider", database.Provider.ToString(), "--connection", database.ConnectionString, .. more,
                 ])
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("The command line tool did not start.");
    }
}
