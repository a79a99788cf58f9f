using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.DirectPayments;
using ShortBreaks.Core.Finance;
using ShortBreaks.Core.Providers;
using ShortBreaks.Core.Schemes;
using Shouldly;

namespace ShortBreaks.Core.Tests.Demo;

/// <summary>
/// What the demo county's year of money must satisfy on any database: every paid run's payment file adds up to its items
/// and its total, each item paid what its instalment or invoice says, once; every schedule sums to what its package
/// allows (less nothing but what a recoupment took off); card statements' balances run line to line and hold what was
/// paid in less what was spent; returns' balances are what was paid less what the returns say was spent.
/// </summary>
public static class DemoMoneyChecks
{
    public static async Task ReconcilesAsync(ShortBreaksDbContext db, Scheme scheme)
    {
        var runs = await db.PaymentRuns.AsNoTracking().ToListAsync();
        var items = await db.PaymentRunItems.AsNoTracking().ToListAsync();
        var instalments = await db.DirectPaymentInstalments.AsNoTracking().ToListAsync();
        var invoices = await db.ProviderInvoices.AsNoTracking().ToListAsync();
        var service = new PaymentRunService(db, new SchemeCatalog([scheme]));

        runs.Count(r => r.State == PaymentRunState.Paid).ShouldBeGreaterThan(6);

        // This year's budgets are set: the service budget above the outturn, and a budget for every head with spending.
        var report = await new BudgetMonitoringService(db, new SchemeCatalog([scheme])).ReportAsync(await db.ServiceBudgets.MaxAsync(b => b.FinancialYear));
        report.ServiceBudget.ShouldNotBeNull();
        report.Variance!.Value.ShouldBeGreaterThan(0m);
        report.ByHead.Where(h => h.Figures.Outturn > 0).ShouldAllBe(h => h.Budget != null);
        report.NotGivenToAHead!.Value.ShouldBeGreaterThanOrEqualTo(0m);
        items.Select(i => i.SourceId).Distinct().Count().ShouldBe(items.Count, "each instalment and invoice is paid once");
        foreach (var run in runs.Where(r => r.State == PaymentRunState.Paid))
        {
            run.ApprovedByUserId.ShouldNotBeNull();
            run.ApprovedByUserId.ShouldNotBe(run.PreparedByUserId, "a run is approved by a second finance officer");
            var own = items.Where(i => i.PaymentRunId == run.Id).ToList();
            own.Count.ShouldBe(run.ItemCount, run.Reference);
            own.Sum(i => i.Amount).ShouldBe(run.Total, run.Reference);
            own.ShouldAllBe(i => i.PaidAt != null);

            var (_, csv) = (await service.PaymentFileAsync(run.Id))!.Value;
            var rows = Read(csv);
            var amount = Array.IndexOf(rows[0], "Amount");
            var data = rows.Skip(1).ToList();
            data.Count.ShouldBe(own.Count, run.Reference);
            data.Sum(r => decimal.Parse(r[amount], CultureInfo.InvariantCulture)).ShouldBe(run.Total, $"{run.Reference}'s file total");

            foreach (var item in own)
            {
                if (item.Kind == SpendingKind.CommissionedServiceInvoice)
                {
                    var invoice = invoices.Single(i => i.Id == item.SourceId);
                    invoice.State.ShouldBe(ProviderInvoiceState.Paid);
                    invoice.PaymentRunId.ShouldBe(run.Id);
                    invoice.Total.ShouldBe(item.Amount);
                }
                else
                {
                    var instalment = instalments.Single(i => i.Id == item.SourceId);
                    instalment.State.ShouldBe(InstalmentState.Paid);
                    instalment.PaymentRunId.ShouldBe(run.Id);
                    instalment.Amount.ShouldBe(item.Amount);
                    instalment.DueOn.ShouldBeLessThanOrEqualTo(run.PayOn);
                }
            }
        }

        // Nothing paid outside a paid run, and nothing due before the last paid run left behind.
        instalments.Where(i => i.State == InstalmentState.Paid).ShouldAllBe(i => runs.Any(r => r.Id == i.PaymentRunId && r.State == PaymentRunState.Paid));
        var lastPaid = runs.Where(r => r.State == PaymentRunState.Paid).Max(r => r.PayOn);
        instalments.Where(i => i.State == InstalmentState.Scheduled).ShouldAllBe(i => i.DueOn > lastPaid);

        // Each invoice's total is its lines; no line invoiced more than was delivered.
        var lines = await db.ProviderInvoiceLines.AsNoTracking().ToListAsync();
        foreach (var invoice in invoices) lines.Where(l => l.InvoiceId == invoice.Id).Sum(l => l.Amount).ShouldBe(invoice.Total, invoice.Reference);
        var delivered = (await db.DeliveredSessions.AsNoTracking().Where(s => s.Cancellation == null).Select(s => new { s.PackageLineId, s.Quantity }).ToListAsync())
            .GroupBy(s => s.PackageLineId).ToDictionary(g => g.Key, g => g.Sum(s => s.Quantity));
        foreach (var line in lines.GroupBy(l => l.PackageLineId)) line.Sum(l => l.Quantity).ShouldBeLessThanOrEqualTo(delivered.GetValueOrDefault(line.Key));

        // Every schedule sums to its package's amount, counting what a recoupment took off its payments.
        var payments = await db.DirectPayments.AsNoTracking().ToListAsync();
        var packages = await db.Packages.AsNoTracking().Where(p => p.Route == PackageRoute.DirectPayment).ToDictionaryAsync(p => p.Id);
        var deductions = await db.RecoupmentDeductions.AsNoTracking().ToListAsync();
        payments.Count(p => p.State == DirectPaymentState.Active).ShouldBeGreaterThan(2);
        foreach (var payment in payments.Where(p => p.State == DirectPaymentState.Active))
        {
            var schedule = instalments.Where(i => i.DirectPaymentId == payment.Id && i.State != InstalmentState.Cancelled && i.Kind != ScheduledPaymentKind.OneOff).ToList();
            var recouped = deductions.Where(d => schedule.Any(i => i.Id == d.InstalmentId)).Sum(d => d.AmountBefore - d.AmountAfter);
            (schedule.Sum(i => i.Amount) + recouped).ShouldBe(packages[payment.PackageId!.Value].DirectPaymentAmount!.Value, payment.Reference);
            payment.AgreementLetterId.ShouldNotBeNull();
            payment.BodyHtml.ShouldNotBeNullOrEmpty();
        }

        // Accounts: each paid direct payment has one confirmed account, confirmed by someone other than who entered it; bank details never masked in the record.
        var accounts = await db.DirectPaymentAccounts.AsNoTracking().ToListAsync();
        foreach (var payment in payments.Where(p => instalments.Any(i => i.DirectPaymentId == p.Id && i.State == InstalmentState.Paid)))
        {
            var account = accounts.Single(a => a.DirectPaymentId == payment.Id && a.ConfirmedAt != null && a.ReplacedAt == null);
            account.ConfirmedByUserId.ShouldNotBe(account.CreatedByUserId);
        }

        accounts.ShouldContain(a => a.Kind == DirectPaymentAccountKind.PrepaidCard);
        accounts.ShouldContain(a => a.Kind == DirectPaymentAccountKind.BankAccount);

        // Card statements: each line's balance follows from the last, and what came in is what the runs paid into the card.
        var statementLines = await db.StatementLines.AsNoTracking().ToListAsync();
        var statements = await db.DirectPaymentStatements.AsNoTracking().ToListAsync();
        statements.ShouldNotBeEmpty();
        foreach (var group in statementLines.GroupBy(l => l.DirectPaymentId))
        {
            var balance = 0m;
            foreach (var line in group.OrderBy(l => l.Date).ThenBy(l => statements.Single(s => s.Id == l.StatementId).ImportedAt).ThenBy(l => l.Order))
            {
                balance += line.AmountIn - line.AmountOut;
                line.Balance.ShouldBe(balance);
                line.Balance.ShouldBeGreaterThanOrEqualTo(0m);
            }

            var to = statements.Where(s => s.DirectPaymentId == group.Key).Max(s => s.LastDate);
            group.Sum(l => l.AmountIn).ShouldBe(instalments.Where(i => i.DirectPaymentId == group.Key && i.State == InstalmentState.Paid && Core.Calendar.UkCalendar.DateOf(i.PaidAt!.Value) <= to).Sum(i => i.Amount));
        }

        // Returns: the balance held is what was paid by the end of the period less everything the returns say was spent.
        var returns = await db.MonitoringReturns.AsNoTracking().ToListAsync();
        returns.ShouldNotBeEmpty();
        foreach (var group in returns.GroupBy(r => r.DirectPaymentId))
        {
            var spent = 0m;
            foreach (var made in group.OrderBy(r => r.PeriodFrom))
            {
                spent += made.Spent;
                var paid = instalments.Where(i => i.DirectPaymentId == group.Key && i.State == InstalmentState.Paid && Core.Calendar.UkCalendar.DateOf(i.PaidAt!.Value) <= made.PeriodTo).Sum(i => i.Amount);
                made.BalanceHeld.ShouldBe(paid - spent);
            }
        }

        // A few accounts hold a surplus; a couple are audited; one surplus is recovered, with its letter.
        var monitored = await new MonitoringService(db, new SchemeCatalog([scheme])).ListAsync(ShortBreaks.Core.Caseloads.StaffViewer.SeeingEveryChild("demo-check"));
        monitored.Count(m => m.Assessment.Flags.Contains(MonitoringFlag.Surplus)).ShouldBeGreaterThan(0);
        (await db.AccountAudits.CountAsync()).ShouldBe(Core.Demo.DemoSupply.Audits);
        var recoupment = await db.Recoupments.AsNoTracking().SingleAsync();
        recoupment.Amount.ShouldBeGreaterThan(0m);
        (recoupment.ReducedFromPayments + recoupment.InvoiceAmount).ShouldBe(recoupment.Amount);
        (await db.Letters.AnyAsync(l => l.Id == recoupment.LetterId && l.Kind == Core.Letters.LetterKinds.Recoupment)).ShouldBeTrue();
    }

    /// <summary>How many rows each money table holds: a second load must change none of them.</summary>
    public static async Task<string> CountsAsync(ShortBreaksDbContext db) =>
        string.Join(", ",
            await db.DirectPayments.CountAsync(), await db.DirectPaymentAccounts.CountAsync(), await db.DirectPaymentInstalments.CountAsync(),
            await db.PaymentRuns.CountAsync(), await db.PaymentRunItems.CountAsync(), await db.ProviderInvoices.CountAsync(), await db.ProviderInvoiceLines.CountAsync(),
            await db.DirectPaymentStatements.CountAsync(), await db.StatementLines.CountAsync(), await db.MonitoringReturns.CountAsync(),
            await db.AccountAudits.CountAsync(), await db.Recoupments.CountAsync());

    private static List<string[]> Read(string csv)
    {
        using var reader = new StringReader(csv);
        using var parser = new CsvHelper.CsvParser(reader, CultureInfo.InvariantCulture);
        var records = new List<string[]>();
        while (parser.Read()) records.Add(parser.Record!);
        return records;
    }
}
