using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using ShortBreaks.Core.Auditing;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.DirectPayments;
using ShortBreaks.Core.Finance;
using ShortBreaks.Core.Ras.VirtualBudgets;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Core.Tests.Finance;

/// <summary>Budget monitoring's figures from payment runs, schedules, invoices, packages and recoupment, on every database.</summary>
public sealed class BudgetMonitoringServiceTests
{
    private static readonly Actor Finance = new() { UserId = "finance-1", Name = "Fran Finance" };

    // 20 November 2026: the financial year 2026 to 2027.
    private static FakeTimeProvider Clock() => new(new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero));

    private static BudgetMonitoringService Service(ShortBreaksDbContext db) => new(db, ShippedSchemes.Catalog);

    private static PaymentRun PaidRun(ShortBreaksDbContext db, DateOnly payOn, int number)
    {
        var run = new PaymentRun
        {
            Reference = $"RUN-{payOn:yyyyMMdd}-{number}", PayOn = payOn, State = PaymentRunState.Paid, PreparedAt = db.UtcNow, PreparedByUserId = "finance-1",
            PreparedByName = "Fran Finance", ApprovedAt = db.UtcNow, ApprovedByUserId = "finance-2", ApprovedByName = "Gus Ledger", PaidAt = db.UtcNow,
        };
        db.PaymentRuns.Add(run);
        return run;
    }

    private static PaymentRunItem Item(ShortBreaksDbContext db, PaymentRun run, SpendingKind kind, Guid sourceId, decimal amount, string head, bool paid = true)
    {
        var item = new PaymentRunItem
        {
            PaymentRunId = run.Id, Kind = kind, SourceId = sourceId, RecordReference = "REF", PaymentReference = run.Reference + "-" + sourceId.ToString("N")[^8..],
            PayeeName = "Payee", Amount = amount, BudgetHead = head, PaidAt = paid ? db.UtcNow : null,
        };
        db.PaymentRunItems.Add(item);
        return item;
    }

    [SkippableTheory, AllDatabases]
    public async Task Each_head_and_month_counts_what_was_paid_recovered_and_is_still_committed_and_the_outturn_is_spent_plus_committed(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var settings = ShippedSchemes.Catalog.InForceOn(new DateOnly(2026, 11, 20)).DirectPaymentRules;
        var dp = settings.HeadFor(SpendingKind.DirectPayment).Code;
        var oneOff = settings.HeadFor(SpendingKind.OneOffPayment).Code;
        var commissioned = settings.HeadFor(SpendingKind.CommissionedServiceInvoice).Code;
        var recoupmentHead = settings.HeadFor(SpendingKind.Recoupment).Code;
        await using (var db = database.NewContext(Finance, Clock()))
        {
            var data = new TestData(db);
            var child = await data.CreateChildAsync(tier: Tier.FlexibleShortBreaks);
            var (payment, _, instalments) = TestData.AddPayableDirectPayment(db, child.Id, [
                (new(2026, 5, 1), 100m), (new(2026, 6, 1), 60m), (new(2026, 12, 22), 199.23m), (new(2027, 4, 5), 199.23m), (new(2026, 3, 30), 80m), (new(2027, 2, 1), 55m),
            ]);
            var (_, _, oneOffs) = TestData.AddPayableDirectPayment(db, child.Id, [(new(2027, 1, 10), 250m)], kind: ScheduledPaymentKind.OneOff);
            var may = PaidRun(db, new DateOnly(2026, 5, 1), 1);
            var june = PaidRun(db, new DateOnly(2026, 6, 1), 1);
            var lastYear = PaidRun(db, new DateOnly(2026, 3, 30), 1);
            var september = PaidRun(db, new DateOnly(2026, 9, 30), 1);
            instalments[0].State = instalments[1].State = instalments[4].State = InstalmentState.Paid;
            instalments[5].State = InstalmentState.Cancelled;
            Item(db, may, SpendingKind.DirectPayment, instalments[0].Id, 100m, dp);
            Item(db, june, SpendingKind.DirectPayment, instalments[1].Id, 60m, dp);
            Item(db, lastYear, SpendingKind.DirectPayment, instalments[4].Id, 80m, dp);
            Item(db, september, SpendingKind.CommissionedServiceInvoice, Guid.CreateVersion7(), 40m, commissioned);
            // An item of a run not yet paid is not spent.
            Item(db, september, SpendingKind.OneOffPayment, Guid.CreateVersion7(), 999m, oneOff, paid: false);
            // June's payment was 100, reduced by 40 by a recoupment.
            var recoupment = new Recoupment { DirectPaymentId = payment.Id, ChildId = child.Id, Amount = 40m, ReducedFromPayments = 40m, LetterDate = new(2026, 5, 1), DisputeBy = new(2026, 5, 29), CreatedAt = db.UtcNow };
            db.Recoupments.Add(recoupment);
            db.RecoupmentDeductions.Add(new RecoupmentDeduction { RecoupmentId = recoupment.Id, InstalmentId = instalments[1].Id, ChildId = child.Id, DueOn = new(2026, 6, 1), AmountBefore = 100m, AmountAfter = 60m, At = db.UtcNow });

            var (organisation, service) = TestData.AddApprovedOrganisation(db, "Oakfield", new DateOnly(2026, 9, 1), hourlyPrice: 16.25m);
            var package = TestData.AddProviderPackage(db, child.Id, organisation, service, new DateOnly(2026, 9, 1), new DateOnly(2027, 3, 31));
            TestData.AddApprovedInvoice(db, package, new DateOnly(2026, 10, 1), 5m, 1);
            var rejected = TestData.AddApprovedInvoice(db, package, new DateOnly(2026, 11, 1), 2m, 2);
            rejected.State = ProviderInvoiceState.Rejected;
            db.ServiceBudgets.Add(new ServiceBudget { FinancialYear = 2026, Amount = 12000m, SetByName = "Fran Finance", SetAt = db.UtcNow });
            await db.SaveChangesAsync();
        }

        await using var read = database.NewContext(Finance, Clock());
        var report = await Service(read).ReportAsync(2026);

        decimal Cell(string head, int year, int month, Func<BudgetCell, decimal> figure) =>
            report.Cells.Where(c => c.Head == head && c.Month == new DateOnly(year, month, 1)).Sum(figure);

        report.FinancialYear.ShouldBe(2026);
        report.AsOf.ShouldBe(new DateOnly(2026, 11, 20));
        Cell(dp, 2026, 5, c => c.Paid).ShouldBe(100m);
        // Paid at its amount before the recoupment's reduction, and the reduction recovered.
        Cell(dp, 2026, 6, c => c.Paid).ShouldBe(100m);
        Cell(recoupmentHead, 2026, 6, c => c.Recovered).ShouldBe(40m);
        Cell(dp, 2026, 12, c => c.Committed).ShouldBe(199.23m);
        Cell(oneOff, 2027, 1, c => c.Committed).ShouldBe(250m);
        Cell(commissioned, 2026, 9, c => c.Paid).ShouldBe(40m);
        // The approved October invoice is committed; the package is committed from November, after the last month
        // invoiced (the rejected November invoice does not count): 80 hours at £16.25 over 212 days, for each month's days.
        Cell(commissioned, 2026, 10, c => c.Committed).ShouldBe(81.25m);
        Cell(commissioned, 2026, 11, c => c.Committed).ShouldBe(183.96m);
        Cell(commissioned, 2026, 12, c => c.Committed).ShouldBe(190.09m);
        Cell(commissioned, 2027, 2, c => c.Committed).ShouldBe(171.70m);
        Cell(commissioned, 2027, 3, c => c.Committed).ShouldBe(190.09m);
        report.Total.Paid.ShouldBe(240m);
        report.Total.Recovered.ShouldBe(40m);
        report.Total.Spent.ShouldBe(200m);
        report.Total.Committed.ShouldBe(199.23m + 250m + 81.25m + 183.96m + 190.09m + 190.09m + 171.70m + 190.09m);
        report.Total.Outturn.ShouldBe(report.Total.Spent + report.Total.Committed);
        report.ServiceBudget.ShouldBe(12000m);
        report.Variance.ShouldBe(12000m - report.Total.Outturn);
        report.ByMonth.Select(m => m.Profile).ShouldAllBe(p => p == 1000m);
        report.ByHead.Sum(h => h.Figures.Outturn).ShouldBe(report.Total.Outturn);
        report.ByMonth.Sum(m => m.Figures.Outturn).ShouldBe(report.Total.Outturn);

        var lastYearReport = await Service(read).ReportAsync(2025);
        lastYearReport.Total.Paid.ShouldBe(80m);
        lastYearReport.ServiceBudget.ShouldBeNull();
        lastYearReport.Variance.ShouldBeNull();
        var nextYear = await Service(read).ReportAsync(2027);
        nextYear.Total.Committed.ShouldBe(199.23m);
    }

    [SkippableTheory, AllDatabases]
    public async Task A_virtual_budget_changes_this_years_outturn_for_its_days_left_and_next_years_for_the_whole_year(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext(Finance, Clock());
        var child = await new TestData(db).CreateChildAsync(tier: Tier.FlexibleShortBreaks);
        TestData.AddPayableDirectPayment(db, child.Id, [(new(2026, 12, 1), 500m), (new(2027, 5, 1), 300m)]);
        db.ServiceBudgets.Add(new ServiceBudget { FinancialYear = 2027, Amount = 1000m, SetByName = "Fran Finance", SetAt = db.UtcNow });
        await db.SaveChangesAsync();
        var runOn = new DateOnly(2026, 11, 20);
        var summary = new VirtualBudgetSummary
        {
            Version = "2027.1", RunOn = runOn, Cases = 2, Up = 1, Down = 1, Same = 0, RoutedToUniversal = 0, RoutedToSocialWork = 0, NotScorable = 0,
            NotScorableReasons = [], CurrentTotal = 3000m, NewTotal = 3000m + 730m - 365m, CarriedAtCurrentTotal = 0m, ByPhase = [], ByTier = [],
            NoticeMonths = 3, FinancialYear = 2026, ServiceBudget = null, Elapsed = TimeSpan.Zero,
        };
        // A rise of £730 a year from 1 March 2027 (31 of the year's 365 days) and a fall of £365 from 1 April 2027 (next year).
        var falls = new List<VirtualBudgetFall>
        {
            new(child.Id, child.Reference, "Ada Brook", null, Tier.FlexibleShortBreaks, "phase", 1365m, 1000m, ShortBreaks.Core.Ras.RasRouting.None, new DateOnly(2027, 4, 1)),
        };

        var effect = await Service(db).VirtualBudgetEffectAsync(summary, falls, new DateOnly(2027, 3, 1));

        effect.ThisYear.FinancialYear.ShouldBe(2026);
        effect.ThisYear.Outturn.ShouldBe(500m);
        effect.ThisYear.Change.ShouldBe(62m);
        effect.ThisYear.WithVersion.ShouldBe(562m);
        effect.ThisYear.Variance.ShouldBeNull();
        effect.NextYear.Outturn.ShouldBe(300m);
        effect.NextYear.Change.ShouldBe(365m);
        effect.NextYear.WithVersion.ShouldBe(665m);
        effect.NextYear.Variance.ShouldBe(335m);
    }

    [SkippableTheory, AllDatabases]
    public async Task Each_heads_budget_is_set_all_or_nothing_shown_against_its_outturn_by_month_and_never_overwritten_unseen(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext(Finance, Clock());
        var child = await new TestData(db).CreateChildAsync(tier: Tier.FlexibleShortBreaks);
        TestData.AddPayableDirectPayment(db, child.Id, [(new(2026, 12, 1), 500m)]);
        db.ServiceBudgets.Add(new ServiceBudget { FinancialYear = 2026, Amount = 100_000m, SetByName = "Fran Finance", SetAt = db.UtcNow });
        await db.SaveChangesAsync();
        var service = Service(db);

        // Bad input: every problem at once, nothing saved.
        var refused = await service.SetHeadBudgetsAsync(2026,
        [
            new("SB-DP", "12,000.005", null), new("SB-COMM", "-5", null), new("SB-ONEOFF", "lots", null), new("NOT-A-HEAD", "10", null),
        ]);
        refused.Errors.Select(e => e.Field).ShouldBe(["amount-SB-DP", "amount-SB-COMM", "amount-SB-ONEOFF", "amount-NOT-A-HEAD"]);
        (await db.HeadBudgets.CountAsync()).ShouldBe(0);
        (await service.SetHeadBudgetsAsync(2040, [new("SB-DP", "1", null)])).Errors.ShouldHaveSingleItem().Field.ShouldBe("year");

        (await service.SetHeadBudgetsAsync(2026, [new("SB-DP", "£60,000.01", null), new("SB-COMM", "30000", null), new("SB-ONEOFF", "", null)])).Succeeded.ShouldBeTrue();
        db.ChangeTracker.Clear();

        var report = await service.ReportAsync(2026);
        var dp = report.ByHead.Single(h => h.Head.Code == "SB-DP");
        dp.Budget.ShouldBe(60_000.01m);
        dp.Variance.ShouldBe(60_000.01m - 500m);
        report.ByHead.Single(h => h.Head.Code == "SB-ONEOFF").Budget.ShouldBeNull();
        report.HeadBudgetsTotal.ShouldBe(90_000.01m);
        report.NotGivenToAHead.ShouldBe(9_999.99m);
        var dpMonths = report.Cells.Where(c => c.Head == "SB-DP").ToList();
        dpMonths.Sum(c => c.Budget!.Value).ShouldBe(60_000.01m, "the twelve months add up to the head's budget to the penny");
        dpMonths.Single(c => c.Month == new DateOnly(2026, 12, 1)).Variance.ShouldBe(5_000m - 500m);
        report.Cells.Where(c => c.Head == "SB-ONEOFF").ShouldAllBe(c => c.Budget == null);

        // Two finance officers: the second saw the budgets before the first changed one, and is refused.
        var seen = await service.HeadBudgetsAsync(2026);
        (await service.SetHeadBudgetsAsync(2026, [new("SB-DP", "61000", seen["SB-DP"].Version), new("SB-COMM", "30000", seen["SB-COMM"].Version)])).Succeeded.ShouldBeTrue();
        db.ChangeTracker.Clear();
        var stale = await service.SetHeadBudgetsAsync(2026, [new("SB-DP", "1", seen["SB-DP"].Version), new("SB-COMM", "2", seen["SB-COMM"].Version)]);
        stale.Conflict.ShouldBeTrue();
        db.ChangeTracker.Clear();
        var now = await service.HeadBudgetsAsync(2026);
        now["SB-DP"].Amount.ShouldBe(61_000m);
        now["SB-COMM"].Amount.ShouldBe(30_000m);
        // A budget made by someone else meanwhile is not overwritten by a form that saw none.
        (await service.SetHeadBudgetsAsync(2026, [new("SB-COMM", "5", null)])).Conflict.ShouldBeTrue();
        db.ChangeTracker.Clear();

        // Emptying a head takes its budget away; each change is audited.
        (await service.SetHeadBudgetsAsync(2026, [new("SB-COMM", " ", now["SB-COMM"].Version)])).Succeeded.ShouldBeTrue();
        db.ChangeTracker.Clear();
        (await service.HeadBudgetsAsync(2026)).Keys.ShouldBe(["SB-DP"]);
        (await db.AuditEntries.Where(a => a.EntityType == nameof(HeadBudget)).Select(a => a.Action).ToListAsync()).Order().ShouldBe(["create", "create", "delete", "update"]);
    }
}
