using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using ShortBreaks.Core.Auditing;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Finance;
using ShortBreaks.Core.Providers;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Core.Tests.Finance;

/// <summary>Provider invoices made from delivered sessions, sent by providers and decided by finance, on every database.</summary>
public sealed class ProviderInvoiceServiceTests
{
    private static readonly Actor Finance = new() { UserId = "finance-1", Name = "Fran Finance" };
    private static readonly DateOnly StartsOn = new(2026, 9, 1);
    private static readonly DateOnly October = new(2026, 10, 1);

    private static FakeTimeProvider Clock(int month = 11, int day = 12) => new(new DateTimeOffset(2026, month, day, 10, 0, 0, TimeSpan.Zero));

    private sealed record Setup(Guid OakfieldId, Guid ElmtreeId, Package Oakfield, Package Elmtree, Guid ChildId);

    /// <summary>Two providers with a package each (£16.25 and £15.50 an hour) and sessions in October, one cancelled.</summary>
    private static async Task<Setup> SetUpAsync(TestDatabase database)
    {
        await using var db = database.NewContext(Finance, Clock());
        var data = new TestData(db);
        var child = await data.CreateChildAsync(firstName: "Ada", lastName: "Brook", tier: Tier.FlexibleShortBreaks);
        var (oakfield, oakService) = TestData.AddApprovedOrganisation(db, "Oakfield", StartsOn, hourlyPrice: 16.25m);
        var (elmtree, elmService) = TestData.AddApprovedOrganisation(db, "Elmtree", StartsOn, hourlyPrice: 15.50m);
        var mine = TestData.AddProviderPackage(db, child.Id, oakfield, oakService, StartsOn, new DateOnly(2027, 3, 31), totalUnits: 100);
        var theirs = TestData.AddProviderPackage(db, child.Id, elmtree, elmService, StartsOn, new DateOnly(2027, 3, 31), totalUnits: 100);
        await db.SaveChangesAsync();
        TestData.AddDeliveredSessions(db, mine, [new(2026, 10, 3), new(2026, 10, 10)], 2.5m);
        TestData.AddDeliveredSessions(db, mine, [new(2026, 10, 17)], 0, CancellationReason.ChildUnwell);
        TestData.AddDeliveredSessions(db, mine, [new(2026, 9, 20)], 4m);
        TestData.AddDeliveredSessions(db, theirs, [new(2026, 10, 5)], 3.25m);
        await db.SaveChangesAsync();
        return new Setup(oakfield.Id, elmtree.Id, mine, theirs, child.Id);
    }

    [SkippableTheory, AllDatabases]
    public async Task Making_a_month_invoices_each_provider_once_at_the_agreed_prices_to_the_penny_and_again_makes_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await SetUpAsync(database);
        await using var db = database.NewContext(Finance, Clock());
        var invoices = new ProviderInvoiceService(db);

        var (made, result) = await invoices.MakeMonthAsync(October);
        var (again, secondResult) = await invoices.MakeMonthAsync(October);

        result.Succeeded.ShouldBeTrue();
        made.ShouldBe(2);
        secondResult.Succeeded.ShouldBeTrue();
        again.ShouldBe(0);
        var all = await db.ProviderInvoices.AsNoTracking().Include(i => i.Lines).OrderBy(i => i.Reference).ToListAsync();
        all.Select(i => i.Reference).ShouldBe(["INV-202610-0001", "INV-202610-0002"]);
        var oak = all.Single(i => i.OrganisationId == s.OakfieldId);
        oak.Lines.ShouldHaveSingleItem().Quantity.ShouldBe(5m);
        oak.Lines[0].Amount.ShouldBe(81.25m);
        oak.Total.ShouldBe(81.25m);
        oak.State.ShouldBe(ProviderInvoiceState.Submitted);
        var elm = all.Single(i => i.OrganisationId == s.ElmtreeId);
        // 3.25 hours at £15.50 is £50.375: rounded half away from zero to the penny.
        elm.Lines.ShouldHaveSingleItem().Amount.ShouldBe(50.38m);
        elm.Total.ShouldBe(elm.Lines.Sum(l => l.Amount));
        oak.Month.ShouldBe(October);
    }

    [SkippableTheory, AllDatabases]
    public async Task Sessions_returned_after_their_month_was_invoiced_go_on_a_supplementary_invoice_and_a_month_not_ended_is_refused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await SetUpAsync(database);
        await using (var db = database.NewContext(Finance, Clock()))
        {
            await new ProviderInvoiceService(db).MakeMonthAsync(October);
            TestData.AddDeliveredSessions(db, await db.Packages.Include(p => p.Lines).FirstAsync(p => p.Id == s.Oakfield.Id), [new(2026, 10, 24)], 1.5m);
            await db.SaveChangesAsync();
        }

        await using var later = database.NewContext(Finance, Clock(11, 20));
        var invoices = new ProviderInvoiceService(later);
        var (made, _) = await invoices.MakeMonthAsync(October);
        var (_, early) = await invoices.MakeMonthAsync(new DateOnly(2026, 11, 1));

        made.ShouldBe(1);
        var supplementary = await later.ProviderInvoices.AsNoTracking().Include(i => i.Lines).SingleAsync(i => i.Reference == "INV-202610-0003");
        supplementary.OrganisationId.ShouldBe(s.OakfieldId);
        supplementary.Lines.ShouldHaveSingleItem().Quantity.ShouldBe(1.5m);
        supplementary.Total.ShouldBe(24.38m);
        early.Errors.ShouldHaveSingleItem().Message.ShouldBe("November 2026 has not ended yet: invoices are made for a month once it has ended.");
    }

    [SkippableTheory, AllDatabases]
    public async Task A_providers_own_invoice_over_what_was_delivered_or_over_the_agreed_price_is_refused_line_by_line(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await SetUpAsync(database);
        await using var db = database.NewContext(new Actor { UserId = "worker-1", Name = "Jo Worker" }, Clock());
        var invoices = new ProviderInvoiceService(db);
        var lineId = s.Oakfield.Lines[0].Id;

        var (_, over) = await invoices.SubmitAsync(s.OakfieldId, October, "OAK-17", [new SubmittedInvoiceLine(lineId, 6m, 90m)]);
        var (_, dear) = await invoices.SubmitAsync(s.OakfieldId, October, "OAK-17", [new SubmittedInvoiceLine(lineId, 4m, 65.01m)]);
        var (_, theirs) = await invoices.SubmitAsync(s.OakfieldId, October, "", [new SubmittedInvoiceLine(s.Elmtree.Lines[0].Id, 1m, 10m)]);
        var (made, ok) = await invoices.SubmitAsync(s.OakfieldId, October, " OAK-17 ", [new SubmittedInvoiceLine(lineId, 4m, 64m)]);
        var (generated, _) = await invoices.MakeMonthAsync(October);

        over.Errors.ShouldHaveSingleItem().Field.ShouldBe("Lines[0].Quantity");
        over.Errors[0].Message.ShouldBe("Line 1: 6 hours of Oakfield sitting service is more than delivered: 5 delivered in October 2026, 0 already invoiced, so 5 can be invoiced");
        dear.Errors.ShouldHaveSingleItem().Message.ShouldBe("Line 1: £65.01 is more than the agreed price: 4 hours at £16.25 is £65.00");
        theirs.Errors.Select(e => e.Field).ShouldBe(["ProviderReference", "Lines[0].Quantity"]);
        ok.Succeeded.ShouldBeTrue();
        made!.ProviderReference.ShouldBe("OAK-17");
        made.Total.ShouldBe(64m);
        made.Reference.ShouldBe("INV-202610-0001");
        // The month made afterwards invoices only the hour left for Oakfield, and Elmtree's hours.
        generated.ShouldBe(2);
        var oakLines = await db.ProviderInvoiceLines.AsNoTracking().Where(l => l.PackageLineId == lineId).Select(l => l.Quantity).ToListAsync();
        oakLines.Order().ShouldBe([1m, 4m]);
    }

    [SkippableTheory, AllDatabases]
    public async Task Finance_approves_or_rejects_with_a_reason_a_stale_decision_is_refused_and_a_provider_lists_only_its_own(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await SetUpAsync(database);
        await using var db = database.NewContext(Finance, Clock());
        var invoices = new ProviderInvoiceService(db);
        await invoices.MakeMonthAsync(October);
        var oak = await db.ProviderInvoices.AsNoTracking().SingleAsync(i => i.OrganisationId == s.OakfieldId);
        var elm = await db.ProviderInvoices.AsNoTracking().SingleAsync(i => i.OrganisationId == s.ElmtreeId);

        var noReason = await invoices.DecideAsync(elm.Id, approve: false, "  ", elm.Version);
        var approved = await invoices.DecideAsync(oak.Id, approve: true, null, oak.Version);
        var stale = await invoices.DecideAsync(oak.Id, approve: false, "Wrong hours", oak.Version);
        var rejected = await invoices.DecideAsync(elm.Id, approve: false, "The 5 October session was a cancelled one", elm.Version);
        var mine = await invoices.ListAsync(s.OakfieldId, null, 1);
        var theirsAsMine = await invoices.InvoiceAsync(elm.Id, s.OakfieldId);
        var view = await invoices.InvoiceAsync(oak.Id, s.OakfieldId);

        noReason.Errors.ShouldHaveSingleItem().Field.ShouldBe("Reason");
        approved.Succeeded.ShouldBeTrue();
        stale.Conflict.ShouldBeTrue();
        rejected.Succeeded.ShouldBeTrue();
        (await db.ProviderInvoices.AsNoTracking().SingleAsync(i => i.Id == oak.Id)).State.ShouldBe(ProviderInvoiceState.Approved);
        var elmNow = await db.ProviderInvoices.AsNoTracking().SingleAsync(i => i.Id == elm.Id);
        elmNow.State.ShouldBe(ProviderInvoiceState.Rejected);
        elmNow.RejectedReason.ShouldBe("The 5 October session was a cancelled one");
        elmNow.DecidedByName.ShouldBe("Fran Finance");
        mine.Rows.ShouldHaveSingleItem().Id.ShouldBe(oak.Id);
        (await invoices.ListAsync(null, null, 1)).Total.ShouldBe(2);
        theirsAsMine.ShouldBeNull();
        view!.Lines.ShouldHaveSingleItem().ChildName.ShouldBe("Ada Brook");
        (await db.AuditEntries.AnyAsync(a => a.Action == "view" && a.EntityType == nameof(ProviderInvoice) && a.ChildId == s.ChildId)).ShouldBeTrue();

        // A rejected invoice frees its hours: the month made again invoices them afresh.
        var (remade, _) = await invoices.MakeMonthAsync(October);
        remade.ShouldBe(1);
    }
}
