using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using ShortBreaks.Core.Auditing;
using ShortBreaks.Core.Caseloads;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.DirectPayments;
using ShortBreaks.Core.Letters;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Core.Tests.DirectPayments;

/// <summary>Statements, returns, balances and flags, audits and recoupment, on every database.</summary>
public sealed class MonitoringServiceTests
{
    /// <summary>A finance officer looking at the audit worklist: every account.</summary>
    private static readonly StaffViewer EveryAccount = StaffViewer.SeeingEveryChild("finance-officer");

    private static readonly Actor Finance = new() { UserId = "finance-1", Name = "Fin Officer" };
    private static readonly DateOnly Today = new(2026, 12, 5);

    private static FakeTimeProvider Clock() => new(new DateTimeOffset(2026, 12, 5, 10, 0, 0, TimeSpan.Zero));

    private const string Statement = "Date,Details,Paid in,Paid out,Balance\n" +
        "01/11/2026,Council payment,200.00,,300.00\n" +
        "10/11/2026,Swim club,,40.00,260.00\n" +
        "01/12/2026,Council payment,200.00,,460.00\n";

    private static readonly StatementColumns Columns = new("Date", "Details", "Paid in", "Paid out", "Balance", "dd/MM/yyyy");

    private static MonitoringService Monitoring(ShortBreaksDbContext db) => new(db, ShippedSchemes.Catalog);

    private static async Task<DirectPayment> PaymentAsync(ShortBreaksDbContext db, DirectPaymentAccountKind kind = DirectPaymentAccountKind.BankAccount)
    {
        var child = await new TestData(db).CreateChildAsync();
        var payment = TestData.AddDirectPayment(db, child.Id, Today.AddMonths(-3), annualAmount: 2600m, paid: 4, scheduled: 9, kind: kind);
        await db.SaveChangesAsync();
        return payment;
    }

    [SkippableTheory, AllDatabases]
    public async Task AStatement_IsImportedByAMappingRememberedForItsSource_AndAgainIsRecognised(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext(Finance, Clock());
        var payment = await PaymentAsync(db);
        var other = await PaymentAsync(db);
        var import = new StatementImportService(db, Monitoring(db));

        var unmapped = await import.ImportAsync(payment.Id, "nov.csv", Statement, null, null);
        var first = await import.ImportAsync(payment.Id, "nov.csv", Statement, Columns, null);
        var again = await import.ImportAsync(payment.Id, "nov.csv", Statement, null, null);
        var overlapping = await import.ImportAsync(payment.Id, "dec.csv", Statement + "03/12/2026,Cinema,,20.00,440.00\n", null, null);
        var otherChild = await import.ImportAsync(other.Id, "theirs.csv", Statement, null, null);

        unmapped.Result.Errors.ShouldHaveSingleItem().Message.ShouldBe("Say which columns of the bank's statement hold what: this is its first import");
        first.Result.Succeeded.ShouldBeTrue();
        first.Statement!.LinesAdded.ShouldBe(3);
        first.Statement.ClosingBalance.ShouldBe(460m);
        again.Result.Errors.ShouldHaveSingleItem().Message.ShouldBe("Every line of this statement has already been imported for this direct payment: nothing was added");
        overlapping.Statement!.LinesAdded.ShouldBe(1);
        overlapping.Statement.LinesAlreadyImported.ShouldBe(3);
        otherChild.Result.Succeeded.ShouldBeTrue("the mapping is remembered for every bank statement");
        (await db.StatementLines.CountAsync(l => l.DirectPaymentId == payment.Id)).ShouldBe(4);
        (await db.StatementColumnMappings.CountAsync()).ShouldBe(1);
    }

    [SkippableTheory, AllDatabases]
    public async Task AStatementWithProblems_KeepsNothing_AndListsEachByRow(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext(Finance, Clock());
        var payment = await PaymentAsync(db);
        var import = new StatementImportService(db, Monitoring(db));

        var outcome = await import.ImportAsync(payment.Id, "bad.csv", Statement + "99/12/2026,Cinema,,20.00,440.00\n04/12/2026,Cafe,,x,1\n", Columns, null);

        outcome.Result.Succeeded.ShouldBeFalse();
        outcome.RowErrors.Select(e => e.Row).ShouldBe([5, 6]);
        db.ChangeTracker.Clear();
        (await db.StatementLines.AnyAsync()).ShouldBeFalse();
        (await db.DirectPaymentStatements.AnyAsync()).ShouldBeFalse();
    }

    [SkippableTheory, AllDatabases]
    public async Task TheBalance_ComesFromTheLatestStatement_InMoneyAndWeeks_AndALineMarkedOutsideThePlanFlagsTheAccount(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext(Finance, Clock());
        var payment = await PaymentAsync(db);
        var import = new StatementImportService(db, Monitoring(db));
        await import.ImportAsync(payment.Id, "nov.csv", Statement, Columns, null);
        var swim = await db.StatementLines.AsNoTracking().SingleAsync(l => l.Description == "Swim club");

        var refused = await import.MarkLineAsync(swim.Id, true, "", "not-a-thing", swim.Version);
        var marked = await import.MarkLineAsync(swim.Id, true, "A school trip", "school-place", swim.Version);
        db.ChangeTracker.Clear();
        var stale = await import.MarkLineAsync(swim.Id, false, null, null, swim.Version);
        db.ChangeTracker.Clear();
        var view = await Monitoring(db).ViewAsync(payment.Id);

        refused.Errors.Select(e => e.Field).ShouldBe(["MayNotBuyId", "Reason"]);
        marked.Succeeded.ShouldBeTrue();
        stale.Conflict.ShouldBeTrue();
        view!.Monitored.Assessment.Balance.ShouldBe(460m);
        view.Monitored.Assessment.Source.ShouldBe(BalanceSource.Statement);
        view.Monitored.Assessment.WeeksHeld.ShouldBe(9.2m);
        view.Monitored.Assessment.Flags.ShouldBe([MonitoringFlag.Surplus, MonitoringFlag.SpendingOutsidePlan]);
        view.Monitored.MaskedAccount.ShouldBe("Bank account **-**-30 ****3445");
        (await db.AuditEntries.CountAsync(a => a.Action == "view" && a.ChildId == payment.ChildId)).ShouldBe(1);
    }

    [SkippableTheory, AllDatabases]
    public async Task TheList_KeepsEachAccountsFiguresToItself_AndOnASharedDayTheLaterImportedStatementGivesTheBalance(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = Clock();
        await using var db = database.NewContext(Finance, clock);
        var marked = await PaymentAsync(db);
        var plain = await PaymentAsync(db);
        var import = new StatementImportService(db, Monitoring(db));
        await import.ImportAsync(marked.Id, "nov.csv", Statement, Columns, null);
        clock.Advance(TimeSpan.FromHours(1));
        await import.ImportAsync(marked.Id, "refund.csv", "Date,Details,Paid in,Paid out,Balance\n01/12/2026,Refund,10.00,,470.00\n", Columns, null);
        var swim = await db.StatementLines.AsNoTracking().SingleAsync(l => l.Description == "Swim club");
        (await import.MarkLineAsync(swim.Id, true, "A school trip", "school-place", swim.Version)).Succeeded.ShouldBeTrue();
        db.ChangeTracker.Clear();

        var list = await Monitoring(db).ListAsync(EveryAccount);

        list.Select(m => m.Payment.Id).ShouldBe([marked.Id, plain.Id], "flagged accounts first");
        var first = list[0].Assessment;
        first.Balance.ShouldBe(470m);
        first.Source.ShouldBe(BalanceSource.Statement);
        first.Flags.ShouldContain(MonitoringFlag.SpendingOutsidePlan);
        list[1].Assessment.Flags.ShouldNotContain(MonitoringFlag.SpendingOutsidePlan);
        list[1].Assessment.Source.ShouldNotBe(BalanceSource.Statement);
        foreach (var listed in list)
        {
            var alone = (await Monitoring(db).ViewAsync(listed.Payment.Id))!.Monitored;
            alone.Assessment.ShouldBeEquivalentTo(listed.Assessment);
            alone.ChildName.ShouldBe(listed.ChildName);
            alone.NextReturn.ShouldBe(listed.NextReturn);
            alone.AuditDue.ShouldBe(listed.AuditDue);
        }
    }

    [SkippableTheory, AllDatabases]
    public async Task AFamilysReturn_CoversTheNextPeriod_WithEvidence_AndWithoutAStatementGivesTheBalance(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext(Finance, Clock());
        var child = await new TestData(db).CreateChildAsync();
        var payment = TestData.AddDirectPayment(db, child.Id, Today.AddMonths(-7), annualAmount: 2600m, paid: 8, scheduled: 5);
        await db.SaveChangesAsync();
        var returns = new MonitoringReturnService(db, Monitoring(db));
        ReturnEvidenceFile Receipt(string kind = "receipts") => new(kind, "receipt.pdf", "application/pdf", "%PDF-1.4 receipt"u8.ToArray());

        var refused = await returns.SubmitAsync(payment.Id, new ReturnForm("lots", "-1", null), []);
        var wrongKind = await returns.SubmitAsync(payment.Id, new ReturnForm("1200", "400", null), [Receipt("photos")]);
        var (made, result) = await returns.SubmitAsync(payment.Id, new ReturnForm("£1,200.00", "400", "Holiday club"), [Receipt(), Receipt("timesheets")]);
        var next = await returns.NextAsync(payment.Id);
        var monitored = (await Monitoring(db).ListAsync(EveryAccount)).Single();

        refused.Result.Errors.Select(e => e.Field).ShouldBe(["Spent", "BalanceHeld", "Upload"]);
        wrongKind.Result.Errors.ShouldHaveSingleItem().Message.ShouldBe("Choose what each file is");
        result.Succeeded.ShouldBeTrue();
        made!.PeriodFrom.ShouldBe(payment.StartsOn);
        made.PeriodTo.ShouldBe(payment.StartsOn.AddMonths(6).AddDays(-1));
        next!.Value.From.ShouldBe(payment.StartsOn.AddMonths(6));
        (await returns.EvidenceListAsync(payment.Id)).Count.ShouldBe(2);
        // Eight payments of £200 less £1,200 spent.
        monitored.Assessment.Balance.ShouldBe(400m);
        monitored.Assessment.Source.ShouldBe(BalanceSource.PaymentsLessReturns);
        monitored.Assessment.Flags.ShouldBeEmpty();
    }

    [SkippableTheory, AllDatabases]
    public async Task TheAuditWorklist_ShowsOverdueAndDueAccounts_AndAnAuditMovesTheNextOneAYearOn(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext(Finance, Clock());
        var data = new TestData(db);
        var overdue = TestData.AddDirectPayment(db, (await data.CreateChildAsync()).Id, Today.AddMonths(-13));
        var due = TestData.AddDirectPayment(db, (await data.CreateChildAsync()).Id, new DateOnly(2025, 12, 20));
        var notYet = TestData.AddDirectPayment(db, (await data.CreateChildAsync()).Id, Today.AddMonths(-2));
        await db.SaveChangesAsync();
        var audits = new AccountAuditService(db, Monitoring(db));

        var worklist = await audits.WorklistAsync(dueOnly: true, EveryAccount);
        var refused = await audits.RecordAsync(overdue.Id, new AuditForm(new DateOnly(2026, 12, 1), new DateOnly(2026, 11, 1), [], "12.345", "Maybe", ""));
        var (audit, result) = await audits.RecordAsync(overdue.Id, new AuditForm(overdue.StartsOn, new DateOnly(2026, 11, 30), ["receipts", "statements"], "410", "SurplusToRecover", "Receipts in order; £410 held."));
        var after = await audits.WorklistAsync(dueOnly: false, EveryAccount);

        worklist.Select(w => (w.Monitored.Payment.Id, w.Standing)).ShouldBe([(overdue.Id, AuditStanding.Overdue), (due.Id, AuditStanding.Due)]);
        refused.Result.Errors.Select(e => e.Field).ShouldBe(["PeriodTo", "Checked", "BalanceFound", "Outcome", "Findings"]);
        result.Succeeded.ShouldBeTrue();
        audit!.AuditedOn.ShouldBe(Today);
        after.Single(w => w.Monitored.Payment.Id == overdue.Id).ShouldSatisfyAllConditions(
            w => w.Due.ShouldBe(Today.AddMonths(12)), w => w.Standing.ShouldBe(AuditStanding.NotYetDue));
        after.Single(w => w.Monitored.Payment.Id == notYet.Id).Standing.ShouldBe(AuditStanding.NotYetDue);
    }

    [SkippableTheory, AllDatabases]
    public async Task Recoupment_RecoversAboveTheContingency_FromPaymentsAfterTheDisputeDay_WithALetterTheFamilySees(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext(Finance, Clock());
        var payment = await PaymentAsync(db);
        await new StatementImportService(db, Monitoring(db)).ImportAsync(payment.Id, "nov.csv", Statement, Columns, null);
        var recoupments = new RecoupmentService(db, Monitoring(db), ShippedSchemes.Catalog);
        var before = await db.DirectPaymentInstalments.AsNoTracking().Where(i => i.DirectPaymentId == payment.Id).ToDictionaryAsync(i => i.Id, i => i.Amount);

        var proposal = await recoupments.ProposeAsync(payment.Id);
        var stale = await recoupments.RecoverAsync(payment.Id, "Surplus held", 1m);
        var noReasons = await recoupments.RecoverAsync(payment.Id, " ", proposal!.Amount);
        var (made, result) = await recoupments.RecoverAsync(payment.Id, "The account held more than eight weeks of payments at the audit.", proposal.Amount);

        // £460 held; £200 (four weeks of £2,600 a year) kept.
        proposal.Amount.ShouldBe(260m);
        proposal.DisputeBy.ShouldBe(Today.AddDays(28));
        stale.Result.Conflict.ShouldBeTrue();
        noReasons.Result.Errors.ShouldHaveSingleItem().Field.ShouldBe("Reasons");
        result.Succeeded.ShouldBeTrue();
        made!.ReducedFromPayments.ShouldBe(260m);
        made.InvoiceAmount.ShouldBe(0m);
        var deductions = await db.RecoupmentDeductions.Where(d => d.RecoupmentId == made.Id).OrderBy(d => d.DueOn).ToListAsync();
        deductions.Sum(d => d.AmountBefore - d.AmountAfter).ShouldBe(260m);
        deductions.ShouldAllBe(d => d.DueOn > made.DisputeBy && d.AmountAfter >= 0);
        deductions[0].AmountAfter.ShouldBe(0m);
        var after = await db.DirectPaymentInstalments.AsNoTracking().Where(i => i.DirectPaymentId == payment.Id).ToDictionaryAsync(i => i.Id, i => i.Amount);
        (before.Values.Sum() - after.Values.Sum()).ShouldBe(260m);
        var letter = await db.Letters.SingleAsync(l => l.Id == made.LetterId);
        letter.Kind.ShouldBe(LetterKinds.Recoupment);
        letter.VisibleToFamily.ShouldBeTrue();
        letter.BodyHtml.ShouldContain("£260.00");
        letter.BodyHtml.ShouldContain("tell us by <strong>2 January 2027</strong>");
        letter.BodyHtml.ShouldContain("The account held more than eight weeks of payments at the audit.");

        var recoupment = await db.Recoupments.SingleAsync(r => r.Id == made.Id);
        (await recoupments.WithdrawAsync(made.Id, "The family had booked a holiday scheme.", recoupment.Version)).Succeeded.ShouldBeTrue();
        (await db.DirectPaymentInstalments.AsNoTracking().Where(i => i.DirectPaymentId == payment.Id).ToDictionaryAsync(i => i.Id, i => i.Amount)).ShouldBe(before);
    }

    [SkippableTheory, AllDatabases]
    public async Task AnEndedDirectPayment_HasItsWholeUnspentBalanceRecovered_ByInvoiceWhenNoPaymentsAreLeft(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext(Finance, Clock());
        var payment = await PaymentAsync(db, DirectPaymentAccountKind.PrepaidCard);
        await new StatementImportService(db, Monitoring(db)).ImportAsync(payment.Id, "card.csv", Statement, Columns, null);
        var tracked = await db.DirectPayments.SingleAsync(d => d.Id == payment.Id);
        tracked.State = DirectPaymentState.Ended;
        tracked.EndsOn = Today.AddDays(-1);
        foreach (var instalment in db.DirectPaymentInstalments.Where(i => i.DirectPaymentId == payment.Id && i.State == InstalmentState.Scheduled)) instalment.State = InstalmentState.Cancelled;
        await db.SaveChangesAsync();
        var recoupments = new RecoupmentService(db, Monitoring(db), ShippedSchemes.Catalog);

        var proposal = await recoupments.ProposeAsync(payment.Id);
        var (made, result) = await recoupments.RecoverAsync(payment.Id, "The direct payment ended on 4 December 2026.", proposal!.Amount);

        result.Succeeded.ShouldBeTrue();
        proposal.OnEnding.ShouldBeTrue();
        made!.Amount.ShouldBe(460m);
        made.Contingency.ShouldBe(0m);
        made.InvoiceAmount.ShouldBe(460m);
        (await db.Letters.SingleAsync(l => l.Id == made.LetterId)).BodyHtml.ShouldContain("we will recover all of it");
        (await recoupments.ProposeAsync(payment.Id))!.Amount.ShouldBe(460m, "the statement still says £460 until the family pays the invoice");
    }

    [SkippableTheory, AllDatabases]
    public async Task HalfPastMidnightOnASummerNight_TheLetterAndTheAudit_AreDatedByTheUkDay_NotTheUtcDate(DatabaseProvider provider)
    {
        // 23:30 UTC on 14 August is 00:30 on 15 August in the UK, where the family reads the letter.
        var summerNight = new FakeTimeProvider(new DateTimeOffset(2026, 8, 14, 23, 30, 0, TimeSpan.Zero));
        var ukDay = new DateOnly(2026, 8, 15);
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext(Finance, summerNight);
        var child = await new TestData(db).CreateChildAsync();
        var payment = TestData.AddDirectPayment(db, child.Id, new DateOnly(2025, 8, 1), annualAmount: 2600m, paid: 13, scheduled: 13);
        await db.SaveChangesAsync();
        var summerStatement = "Date,Details,Paid in,Paid out,Balance\n" +
            "01/08/2026,Council payment,200.00,,900.00\n" +
            "14/08/2026,Swim club,,40.00,860.00\n";
        (await new StatementImportService(db, Monitoring(db)).ImportAsync(payment.Id, "aug.csv", summerStatement, Columns, null)).Result.Succeeded.ShouldBeTrue();
        var audits = new AccountAuditService(db, Monitoring(db));
        var recoupments = new RecoupmentService(db, Monitoring(db), ShippedSchemes.Catalog);

        db.Today.ShouldBe(ukDay);
        var due = (await audits.WorklistAsync(dueOnly: false, EveryAccount)).Single(w => w.Monitored.Payment.Id == payment.Id);
        var (audit, audited) = await audits.RecordAsync(payment.Id, new AuditForm(payment.StartsOn, new DateOnly(2026, 7, 31), ["statements"], "860", "SurplusToRecover", "Statements in order; £860 held."));
        var proposal = await recoupments.ProposeAsync(payment.Id);
        var (made, recovered) = await recoupments.RecoverAsync(payment.Id, "The account held more than eight weeks of payments at the audit.", proposal!.Amount);

        due.Due.ShouldBe(new DateOnly(2026, 8, 1), "a year after the direct payment started");
        due.Standing.ShouldBe(AuditStanding.Overdue, "1 August has passed on 15 August");
        audited.Succeeded.ShouldBeTrue();
        audit!.AuditedOn.ShouldBe(ukDay);
        recovered.Succeeded.ShouldBeTrue();
        made!.LetterDate.ShouldBe(ukDay);
        made.DisputeBy.ShouldBe(ukDay.AddDays(28));
        var letter = await db.Letters.SingleAsync(l => l.Id == made.LetterId);
        letter.BodyHtml.ShouldContain("tell us by <strong>12 September 2026</strong>");
        (await db.RecoupmentDeductions.Where(d => d.RecoupmentId == made.Id).ToListAsync()).ShouldAllBe(d => d.DueOn > new DateOnly(2026, 9, 12));
    }
}
