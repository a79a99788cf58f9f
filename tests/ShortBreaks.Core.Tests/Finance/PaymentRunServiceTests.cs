using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using ShortBreaks.Core.Auditing;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.DirectPayments;
using ShortBreaks.Core.Finance;
using ShortBreaks.Core.Providers;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Core.Tests.Finance;

/// <summary>Payment runs prepared, approved by a second officer, paid once and only once, and exported, on every database.</summary>
public sealed class PaymentRunServiceTests
{
    private static readonly Actor Preparer = new() { UserId = "finance-1", Name = "Fran Finance" };
    private static readonly Actor Approver = new() { UserId = "finance-2", Name = "Gus Ledger" };
    private static readonly DateOnly PayOn = new(2026, 11, 30);

    private static FakeTimeProvider Clock() => new(new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero));

    private static PaymentRunService Runs(ShortBreaksDbContext db) => new(db, ShippedSchemes.Catalog);

    private sealed record Setup(Guid DueInstalmentId, Guid OneOffId, Guid LaterId, Guid UnconfirmedId, Guid AwaitingId, Guid ApprovedInvoiceId, Guid SubmittedInvoiceId);

    /// <summary>
    /// What a run for 30 November takes: a regular instalment and a one-off due by then on an active direct payment with a
    /// confirmed account, and an approved invoice. What it leaves: an instalment due later, one whose account is not
    /// confirmed, one of a direct payment not yet agreed, and an invoice not yet approved.
    /// </summary>
    private static async Task<Setup> SetUpAsync(TestDatabase database)
    {
        await using var db = database.NewContext(Preparer, Clock());
        var data = new TestData(db);
        var child = await data.CreateChildAsync(firstName: "Ada", lastName: "Brook", tier: Tier.FlexibleShortBreaks);
        var other = await data.CreateChildAsync(firstName: "Ben", lastName: "Carter", tier: Tier.FlexibleShortBreaks);
        var (_, _, due) = TestData.AddPayableDirectPayment(db, child.Id, [(new(2026, 11, 24), 199.23m), (new(2026, 12, 22), 199.23m)]);
        var (_, _, oneOff) = TestData.AddPayableDirectPayment(db, child.Id, [(new(2026, 11, 30), 250m)], kind: ScheduledPaymentKind.OneOff);
        var (_, _, unconfirmed) = TestData.AddPayableDirectPayment(db, other.Id, [(new(2026, 11, 10), 100m)], confirmed: false);
        var (_, _, awaiting) = TestData.AddPayableDirectPayment(db, other.Id, [(new(2026, 11, 10), 100m)], state: DirectPaymentState.AwaitingAgreement);
        var (organisation, service) = TestData.AddApprovedOrganisation(db, "Oakfield", new DateOnly(2026, 9, 1), hourlyPrice: 16.25m);
        var package = TestData.AddProviderPackage(db, child.Id, organisation, service, new DateOnly(2026, 9, 1), new DateOnly(2027, 3, 31));
        var approved = TestData.AddApprovedInvoice(db, package, new DateOnly(2026, 10, 1), 5m, 1);
        var submitted = TestData.AddApprovedInvoice(db, package, new DateOnly(2026, 10, 1), 1m, 2);
        submitted.State = ProviderInvoiceState.Submitted;
        await db.SaveChangesAsync();
        return new Setup(due[0].Id, oneOff[0].Id, due[1].Id, unconfirmed[0].Id, awaiting[0].Id, approved.Id, submitted.Id);
    }

    [SkippableTheory, AllDatabases]
    public async Task A_run_takes_everything_due_by_its_day_with_budget_heads_and_totals_and_preparing_again_takes_nothing_twice(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await SetUpAsync(database);
        await using var db = database.NewContext(Preparer, Clock());
        var runs = Runs(db);

        var (run, result) = await runs.PrepareAsync(PayOn);
        var (_, again) = await runs.PrepareAsync(PayOn);
        var (_, past) = await runs.PrepareAsync(new DateOnly(2026, 11, 19));

        result.Succeeded.ShouldBeTrue();
        run!.Reference.ShouldBe("RUN-20261130-1");
        var items = await db.PaymentRunItems.AsNoTracking().Where(i => i.PaymentRunId == run.Id).OrderBy(i => i.PaymentReference).ToListAsync();
        items.Select(i => i.SourceId).ShouldBe([s.DueInstalmentId, s.OneOffId, s.ApprovedInvoiceId], ignoreOrder: true);
        items.Select(i => i.PaymentReference).ShouldBe(["RUN-20261130-1-00001", "RUN-20261130-1-00002", "RUN-20261130-1-00003"]);
        var settings = ShippedSchemes.Catalog.InForceOn(PayOn).DirectPaymentRules;
        items.Single(i => i.SourceId == s.DueInstalmentId).BudgetHead.ShouldBe(settings.HeadFor(SpendingKind.DirectPayment).Code);
        items.Single(i => i.SourceId == s.OneOffId).Kind.ShouldBe(SpendingKind.OneOffPayment);
        var invoiceItem = items.Single(i => i.SourceId == s.ApprovedInvoiceId);
        invoiceItem.Kind.ShouldBe(SpendingKind.CommissionedServiceInvoice);
        invoiceItem.BudgetHead.ShouldBe(settings.HeadFor(SpendingKind.CommissionedServiceInvoice).Code);
        invoiceItem.Amount.ShouldBe(81.25m);
        invoiceItem.PayeeName.ShouldBe("Oakfield");
        run.ItemCount.ShouldBe(3);
        run.Total.ShouldBe(199.23m + 250m + 81.25m);
        (await db.DirectPaymentInstalments.AsNoTracking().SingleAsync(i => i.Id == s.DueInstalmentId)).State.ShouldBe(InstalmentState.InRun);
        (await db.ProviderInvoices.AsNoTracking().SingleAsync(i => i.Id == s.ApprovedInvoiceId)).State.ShouldBe(ProviderInvoiceState.InRun);
        foreach (var left in new[] { s.LaterId, s.UnconfirmedId, s.AwaitingId })
        {
            (await db.DirectPaymentInstalments.AsNoTracking().SingleAsync(i => i.Id == left)).State.ShouldBe(InstalmentState.Scheduled);
        }

        again.Errors.ShouldHaveSingleItem().Message.ShouldBe("Nothing is due to be paid on or before 30 November 2026");
        past.Errors.ShouldHaveSingleItem().Field.ShouldBe("PayOn");

        var view = await runs.RunAsync(run.Id, 1);
        view!.Totals.Sum(t => t.Amount).ShouldBe(run.Total);
        view.Totals.Select(t => t.Kind).ShouldBe([SpendingKind.DirectPayment, SpendingKind.CommissionedServiceInvoice, SpendingKind.OneOffPayment]);
        view.Items.Select(i => i.AccountShown).ShouldContain("**-**-30 ****3445");
        view.Items.ShouldAllBe(i => !i.AccountShown.Contains("309430") && !i.AccountShown.Contains("00733445"));
    }

    [SkippableTheory, AllDatabases]
    public async Task The_officer_who_prepared_a_run_cannot_approve_it_and_a_stale_approval_or_cancel_is_refused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SetUpAsync(database);
        PaymentRun run;
        await using (var db = database.NewContext(Preparer, Clock()))
        {
            run = (await Runs(db).PrepareAsync(PayOn)).Made!;
            var own = await Runs(db).ApproveAsync(run.Id, run.Version);
            own.Errors.ShouldHaveSingleItem().Message.ShouldStartWith("You prepared this run, so another finance officer must approve it");
        }

        await using var second = database.NewContext(Approver, Clock());
        var approved = await Runs(second).ApproveAsync(run.Id, run.Version);
        var stale = await Runs(second).CancelAsync(run.Id, run.Version);
        var current = await second.PaymentRuns.AsNoTracking().SingleAsync(r => r.Id == run.Id);
        var late = await Runs(second).CancelAsync(run.Id, current.Version);

        approved.Succeeded.ShouldBeTrue();
        stale.Conflict.ShouldBeTrue();
        late.Errors.ShouldHaveSingleItem().Message.ShouldBe("Only a run not yet approved can be cancelled.");
        current.State.ShouldBe(PaymentRunState.Approved);
        current.ApprovedByName.ShouldBe("Gus Ledger");
    }

    [SkippableTheory, AllDatabases]
    public async Task A_cancelled_run_frees_its_items_for_the_next_run(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await SetUpAsync(database);
        await using var db = database.NewContext(Preparer, Clock());
        var runs = Runs(db);
        var first = (await runs.PrepareAsync(PayOn)).Made!;

        var cancelled = await runs.CancelAsync(first.Id, first.Version);
        var (second, result) = await runs.PrepareAsync(PayOn);

        cancelled.Succeeded.ShouldBeTrue();
        (await db.PaymentRuns.AsNoTracking().SingleAsync(r => r.Id == first.Id)).State.ShouldBe(PaymentRunState.Cancelled);
        result.Succeeded.ShouldBeTrue();
        second!.Reference.ShouldBe("RUN-20261130-2");
        second.ItemCount.ShouldBe(3);
        (await db.PaymentRunItems.CountAsync(i => i.PaymentRunId == first.Id)).ShouldBe(0);
        (await db.DirectPaymentInstalments.AsNoTracking().SingleAsync(i => i.Id == s.DueInstalmentId)).PaymentRunId.ShouldBe(second.Id);
    }

    [SkippableTheory, AllDatabases]
    public async Task Paying_marks_every_item_and_its_source_paid_once_and_paying_again_does_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await SetUpAsync(database);
        var run = await PreparedAndApprovedAsync(database);
        await using var db = database.NewContext(Approver, Clock());

        var unapproved = await Runs(db).PayAsync(Guid.NewGuid());
        var first = await Runs(db).PayAsync(run.Id, batchSize: 2);
        var again = await Runs(db).PayAsync(run.Id, batchSize: 2);

        unapproved.Result.Succeeded.ShouldBeFalse();
        first.Paid.ShouldBe(3);
        again.Paid.ShouldBe(0);
        again.Result.Succeeded.ShouldBeTrue();
        var paid = await db.PaymentRuns.AsNoTracking().SingleAsync(r => r.Id == run.Id);
        paid.State.ShouldBe(PaymentRunState.Paid);
        (await db.PaymentRunItems.CountAsync(i => i.PaymentRunId == run.Id && i.PaidAt == null)).ShouldBe(0);
        (await db.DirectPaymentInstalments.AsNoTracking().SingleAsync(i => i.Id == s.DueInstalmentId)).State.ShouldBe(InstalmentState.Paid);
        (await db.DirectPaymentInstalments.AsNoTracking().SingleAsync(i => i.Id == s.OneOffId)).State.ShouldBe(InstalmentState.Paid);
        var invoice = await db.ProviderInvoices.AsNoTracking().SingleAsync(i => i.Id == s.ApprovedInvoiceId);
        invoice.State.ShouldBe(ProviderInvoiceState.Paid);
        invoice.PaidAt.ShouldNotBeNull();
        (await PaidInAuditAsync(db, run.Id)).ShouldBe(3);
    }

    [SkippableTheory, AllDatabases]
    public async Task Two_nodes_paying_the_same_run_at_once_pay_each_item_once(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext(Preparer, Clock()))
        {
            var child = await new TestData(db).CreateChildAsync(tier: Tier.FlexibleShortBreaks);
            TestData.AddPayableDirectPayment(db, child.Id, Enumerable.Range(0, 60).Select(d => (new DateOnly(2026, 9, 1).AddDays(d), 10.01m + d)));
            await db.SaveChangesAsync();
        }

        var run = await PreparedAndApprovedAsync(database);
        await using var nodeA = database.NewContext(new Actor { Name = "Node A" }, Clock());
        await using var nodeB = database.NewContext(new Actor { Name = "Node B" }, Clock());

        var outcomes = await Task.WhenAll(Runs(nodeA).PayAsync(run.Id, batchSize: 3), Runs(nodeB).PayAsync(run.Id, batchSize: 3));

        outcomes.ShouldAllBe(o => o.Result.Succeeded);
        outcomes.Sum(o => o.Paid).ShouldBe(60);
        await using var db2 = database.NewContext(Preparer, Clock());
        (await PaidInAuditAsync(db2, run.Id)).ShouldBe(60);
        (await db2.DirectPaymentInstalments.CountAsync(i => i.PaymentRunId == run.Id && i.State == InstalmentState.Paid)).ShouldBe(60);
        (await db2.PaymentRuns.AsNoTracking().SingleAsync(r => r.Id == run.Id)).State.ShouldBe(PaymentRunState.Paid);
    }

    [SkippableTheory, AllDatabases]
    public async Task The_payment_file_is_in_the_schemes_layout_with_bank_details_and_adds_up_to_the_run(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SetUpAsync(database);
        await using var db = database.NewContext(Preparer, Clock());
        var prepared = (await Runs(db).PrepareAsync(PayOn)).Made!;

        var tooEarly = await Runs(db).PaymentFileAsync(prepared.Id);
        await using var second = database.NewContext(Approver, Clock());
        await Runs(second).ApproveAsync(prepared.Id, prepared.Version);
        var (name, csv) = (await Runs(second).PaymentFileAsync(prepared.Id))!.Value;

        tooEarly.ShouldBeNull();
        name.ShouldBe("RUN-20261130-1.csv");
        var lines = csv.TrimEnd('\n').Split('\n');
        lines[0].ShouldBe("Payment reference,Payment date,Payee,Sort code,Account number,Card account reference,Amount,Cost centre,Kind");
        lines.Length.ShouldBe(4);
        lines[1].ShouldContain(",30/11/2026,");
        lines[1].ShouldContain(",309430,00733445,,");
        lines.Skip(1).Sum(l => decimal.Parse(l.Split(',')[6], System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(prepared.Total);
        (await second.AuditEntries.CountAsync(a => a.Action == "export" && a.EntityId == prepared.Id.ToString())).ShouldBe(1);
    }

    /// <summary>The items marked paid, as the audit of each batch counts them: more than the run holds would be a payment made twice.</summary>
    internal static async Task<int> PaidInAuditAsync(ShortBreaksDbContext db, Guid runId)
    {
        var id = runId.ToString();
        var details = await db.AuditEntries.AsNoTracking().Where(a => a.Action == "pay" && a.EntityId == id).Select(a => a.Details!).ToListAsync();
        return details.Sum(d => System.Text.Json.JsonDocument.Parse(d).RootElement.GetProperty("Items").GetInt32());
    }

    /// <summary>A run for 30 November prepared by one officer and approved by another.</summary>
    internal static async Task<PaymentRun> PreparedAndApprovedAsync(TestDatabase database)
    {
        PaymentRun run;
        await using (var db = database.NewContext(Preparer, Clock()))
        {
            run = (await Runs(db).PrepareAsync(PayOn)).Made!;
        }

        await using var second = database.NewContext(Approver, Clock());
        (await Runs(second).ApproveAsync(run.Id, run.Version)).Succeeded.ShouldBeTrue();
        return await second.PaymentRuns.AsNoTracking().SingleAsync(r => r.Id == run.Id);
    }
}
