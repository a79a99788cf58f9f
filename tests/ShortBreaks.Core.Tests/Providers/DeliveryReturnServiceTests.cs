using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using ShortBreaks.Core.Auditing;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Providers;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Core.Tests.Providers;

/// <summary>Which children a provider sees, and its delivery returns, on every database.</summary>
public sealed class DeliveryReturnServiceTests
{
    private static readonly Actor Worker = new() { UserId = "worker-1", Name = "Jo Worker" };
    private static readonly DateOnly StartsOn = new(2026, 9, 1);
    private static readonly DateOnly EndsOn = new(2027, 3, 31);

    private static FakeTimeProvider ClockAt(int year, int month, int day, int hour = 10, int minute = 0) =>
        new(new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.Zero));

    private sealed record Setup(Guid OrganisationId, Guid OtherOrganisationId, Guid ChildId, Guid PackageId, Guid LineId, Guid OtherChildId, Guid OtherPackageId, Guid LonelyChildId);

    /// <summary>Two organisations, each with a child on an agreed package, and a child with no package at all.</summary>
    private static async Task<Setup> SetUpAsync(TestDatabase database)
    {
        await using var db = database.NewContext(Worker, ClockAt(2026, 11, 23));
        var data = new TestData(db);
        var child = await data.CreateChildAsync(firstName: "Ada", lastName: "Brook", tier: Tier.FlexibleShortBreaks);
        var other = await data.CreateChildAsync(firstName: "Ben", lastName: "Carter", tier: Tier.FlexibleShortBreaks);
        var lonely = await data.CreateChildAsync(firstName: "Cal", lastName: "Dunn", tier: Tier.FlexibleShortBreaks);
        var (mine, myService) = TestData.AddApprovedOrganisation(db, "Oakfield", StartsOn);
        var (theirs, theirService) = TestData.AddApprovedOrganisation(db, "Elmtree", StartsOn);
        var package = TestData.AddProviderPackage(db, child.Id, mine, myService, StartsOn, EndsOn, totalUnits: 10);
        var otherPackage = TestData.AddProviderPackage(db, other.Id, theirs, theirService, StartsOn, EndsOn);
        await db.SaveChangesAsync();
        return new Setup(mine.Id, theirs.Id, child.Id, package.Id, package.Lines[0].Id, other.Id, otherPackage.Id, lonely.Id);
    }

    private static DeliveryReturnService Returns(ShortBreaksDbContext db) => new(db, ShippedSchemes.Catalog);

    private static ProviderChildren Children(ShortBreaksDbContext db) => new(db, ShippedSchemes.Catalog, Returns(db));

    private static SessionInput Hours(Guid lineId, DateOnly date, decimal hours) => new(lineId, date, hours, "JW", null, null);

    [SkippableTheory, AllDatabases]
    public async Task An_organisation_lists_and_opens_only_children_with_its_own_package_and_each_view_is_audited(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await SetUpAsync(database);
        await using var db = database.NewContext(Worker, ClockAt(2026, 11, 23));
        var children = Children(db);

        var list = await children.ListAsync(s.OrganisationId, null, 1);
        var view = await children.ViewAsync(s.OrganisationId, s.ChildId);

        list.Rows.Select(r => r.ChildId).ShouldBe([s.ChildId]);
        (await children.ListAsync(s.OrganisationId, "  BROOK ", 1)).Total.ShouldBe(1);
        (await children.ListAsync(s.OrganisationId, "carter", 1)).Total.ShouldBe(0);
        view!.FullName.ShouldBe("Ada Brook");
        view.Packages.ShouldHaveSingleItem().PackageId.ShouldBe(s.PackageId);
        (await children.ViewAsync(s.OrganisationId, s.OtherChildId)).ShouldBeNull();
        (await children.ViewAsync(s.OrganisationId, s.LonelyChildId)).ShouldBeNull();
        (await children.ViewAsync(s.OrganisationId, Guid.NewGuid())).ShouldBeNull();
        var audit = await db.AuditEntries.Where(a => a.Action == "view" && a.UserId == Worker.UserId).ToListAsync();
        audit.ShouldHaveSingleItem().ChildId.ShouldBe(s.ChildId);
        audit[0].Details.ShouldBe($"provider: {s.OrganisationId}");
    }

    [SkippableTheory, AllDatabases]
    public async Task A_child_stays_seen_for_the_schemes_days_after_an_agreed_package_ends_and_not_a_day_longer(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await SetUpAsync(database);
        var lastDay = EndsOn.AddDays(ShortBreaks.Core.Schemes.ProviderSettings.Defaults.ReturnsOpenDaysAfterPackageEnds);

        await using (var db = database.NewContext(Worker, ClockAt(lastDay.Year, lastDay.Month, lastDay.Day, 12)))
        {
            (await Children(db).SeesAsync(s.OrganisationId, s.ChildId)).ShouldBeTrue();
        }

        // Just after midnight in the UK on the next day (BST is over by then, so 00:30 UTC is 00:30 UK).
        var next = lastDay.AddDays(1);
        await using (var db = database.NewContext(Worker, ClockAt(next.Year, next.Month, next.Day, 0, 30)))
        {
            (await Children(db).SeesAsync(s.OrganisationId, s.ChildId)).ShouldBeFalse();
            (await Returns(db).AddSessionAsync(s.OrganisationId, s.PackageId, Hours(s.LineId, EndsOn, 1), null, null, versionGiven: false)).NotFound.ShouldBeTrue();
        }
    }

    [SkippableTheory, AllDatabases]
    public async Task Sessions_are_returned_into_their_months_return_and_delivery_past_the_agreed_total_is_refused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await SetUpAsync(database);
        await using var db = database.NewContext(Worker, ClockAt(2026, 11, 23));
        var returns = Returns(db);

        var first = await returns.AddSessionAsync(s.OrganisationId, s.PackageId, Hours(s.LineId, new DateOnly(2026, 10, 3), 6), null, null, versionGiven: true);
        var cancelled = await returns.AddSessionAsync(s.OrganisationId, s.PackageId,
            new SessionInput(s.LineId, new DateOnly(2026, 10, 10), null, null, CancellationReason.FamilyCancelled, "Away"), first.Return!.Version, null, versionGiven: true);
        var over = await returns.AddSessionAsync(s.OrganisationId, s.PackageId, Hours(s.LineId, new DateOnly(2026, 11, 3), 5), null, null, versionGiven: false);

        first.Result.Succeeded.ShouldBeTrue();
        cancelled.Result.Succeeded.ShouldBeTrue();
        over.Result.Errors.ShouldHaveSingleItem().Message.ShouldContain("4 hours can be returned");
        var october = await returns.MonthAsync(s.OrganisationId, s.PackageId, new DateOnly(2026, 10, 1));
        october!.Return!.Sessions.Select(x => x.Cancellation).ShouldBe([null, CancellationReason.FamilyCancelled]);
        october.Return.DueOn.ShouldBe(new DateOnly(2026, 11, 10));
        october.Lines.ShouldHaveSingleItem().Delivered.ShouldBe(6);
        october.Lines[0].Cancelled.ShouldBe(1);
        (await db.DeliveryReturns.CountAsync(r => r.PackageId == s.PackageId)).ShouldBe(1);
        var summary = (await returns.DeliveredAgainstAgreedAsync(s.ChildId, null)).ShouldHaveSingleItem();
        summary.OrganisationName.ShouldBe("Oakfield");
        summary.Lines.ShouldHaveSingleItem().Left.ShouldBe(4);
        summary.ReturnsOverdue.ShouldBe(2, "September and October were due on 10 October and 10 November and are not submitted");
    }

    [SkippableTheory, AllDatabases]
    public async Task Another_organisations_package_is_not_found_for_every_change_and_view(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await SetUpAsync(database);
        await using var db = database.NewContext(Worker, ClockAt(2026, 11, 23));
        var returns = Returns(db);

        (await returns.AddSessionAsync(s.OrganisationId, s.OtherPackageId, Hours(Guid.NewGuid(), new DateOnly(2026, 10, 3), 1), null, null, false)).NotFound.ShouldBeTrue();
        (await returns.SubmitAsync(s.OrganisationId, s.OtherPackageId, new DateOnly(2026, 10, 1), null, false)).NotFound.ShouldBeTrue();
        (await returns.MonthAsync(s.OrganisationId, s.OtherPackageId, new DateOnly(2026, 10, 1))).ShouldBeNull();
        (await returns.MonthAsync(s.OrganisationId, s.PackageId, new DateOnly(2027, 4, 1))).ShouldBeNull();
        (await returns.RemoveSessionAsync(s.OrganisationId, s.PackageId, Guid.NewGuid(), null, null)).NotFound.ShouldBeTrue();
        (await returns.DeliveredAgainstAgreedAsync(s.OtherChildId, s.OrganisationId)).ShouldBeEmpty();
        (await db.DeliveredSessions.CountAsync()).ShouldBe(0);
    }

    [SkippableTheory, AllDatabases]
    public async Task A_return_submitted_after_its_due_day_in_the_uk_is_late_even_when_it_is_still_the_due_day_in_utc(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await SetUpAsync(database);
        var june = new DateOnly(2026, 6, 1);
        await using (var db = database.NewContext(Worker, ClockAt(2026, 7, 1)))
        {
            var summer = await db.Packages.SingleAsync(p => p.Id == s.PackageId);
            summer.StartsOn = june;
            await db.SaveChangesAsync();
        }

        // 23:30 UTC on 10 July is 00:30 on 11 July in the UK: a day after the due day.
        await using var late = database.NewContext(Worker, ClockAt(2026, 7, 10, 23, 30));
        var result = await Returns(late).SubmitAsync(s.OrganisationId, s.PackageId, june, null, versionGiven: false);

        result.Result.Succeeded.ShouldBeTrue();
        var view = await Returns(late).MonthAsync(s.OrganisationId, s.PackageId, june);
        view!.Return!.Status.ShouldBe(DeliveryReturnStatus.Submitted);
        view.DueOn.ShouldBe(new DateOnly(2026, 7, 10));
        view.Late.ShouldBeTrue();
        view.Return.Sessions.ShouldBeEmpty();
    }

    [SkippableTheory, AllDatabases]
    public async Task A_month_is_not_submitted_before_its_last_day_nor_twice(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await SetUpAsync(database);
        await using var db = database.NewContext(Worker, ClockAt(2026, 11, 23));
        var returns = Returns(db);

        var early = await returns.SubmitAsync(s.OrganisationId, s.PackageId, new DateOnly(2026, 11, 1), null, false);
        var october = await returns.SubmitAsync(s.OrganisationId, s.PackageId, new DateOnly(2026, 10, 1), null, false);
        var again = await returns.SubmitAsync(s.OrganisationId, s.PackageId, new DateOnly(2026, 10, 1), null, false);

        early.Result.Errors.ShouldHaveSingleItem().Message.ShouldBe("The return for November 2026 can be submitted from its last day, 30 November 2026.");
        october.Result.Succeeded.ShouldBeTrue();
        again.Result.Errors.ShouldHaveSingleItem().Message.ShouldContain("already submitted");
    }

    [SkippableTheory, AllDatabases]
    public async Task A_submitted_return_is_corrected_only_with_a_reason_which_is_kept_with_the_change(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await SetUpAsync(database);
        await using var db = database.NewContext(Worker, ClockAt(2026, 11, 23));
        var returns = Returns(db);
        var added = await returns.AddSessionAsync(s.OrganisationId, s.PackageId, Hours(s.LineId, new DateOnly(2026, 10, 3), 2), null, null, false);
        await returns.SubmitAsync(s.OrganisationId, s.PackageId, new DateOnly(2026, 10, 1), null, false);

        var noReason = await returns.RemoveSessionAsync(s.OrganisationId, s.PackageId, added.Session!.Id, null, " ");
        var removed = await returns.RemoveSessionAsync(s.OrganisationId, s.PackageId, added.Session.Id, null, "Returned against the wrong child");
        var readded = await returns.AddSessionAsync(s.OrganisationId, s.PackageId, Hours(s.LineId, new DateOnly(2026, 10, 4), 2), null, "It was the Sunday", false);

        noReason.Result.Errors.ShouldHaveSingleItem().Field.ShouldBe("Reason");
        removed.Result.Succeeded.ShouldBeTrue();
        readded.Result.Succeeded.ShouldBeTrue();
        var view = await returns.MonthAsync(s.OrganisationId, s.PackageId, new DateOnly(2026, 10, 1));
        view!.Return!.Status.ShouldBe(DeliveryReturnStatus.Submitted);
        view.Corrections.Select(c => (c.Reason, c.Change, c.ByName)).ShouldBe([
            ("Returned against the wrong child", "Removed 3 October 2026: 2 hours", "Jo Worker"),
            ("It was the Sunday", "Added 4 October 2026: 2 hours", "Jo Worker"),
        ]);
    }

    [SkippableTheory, AllDatabases]
    public async Task Two_workers_returning_on_one_return_from_the_same_version_the_second_is_told_and_nothing_is_lost(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await SetUpAsync(database);
        long version;
        await using (var db = database.NewContext(Worker, ClockAt(2026, 11, 23)))
        {
            version = (await Returns(db).AddSessionAsync(s.OrganisationId, s.PackageId, Hours(s.LineId, new DateOnly(2026, 10, 3), 2), null, null, false)).Return!.Version;
        }

        await using var first = database.NewContext(Worker, ClockAt(2026, 11, 23));
        await using var second = database.NewContext(Worker, ClockAt(2026, 11, 23));
        var a = await Returns(first).AddSessionAsync(s.OrganisationId, s.PackageId, Hours(s.LineId, new DateOnly(2026, 10, 4), 4), version, null, versionGiven: true);
        var b = await Returns(second).AddSessionAsync(s.OrganisationId, s.PackageId, Hours(s.LineId, new DateOnly(2026, 10, 5), 4), version, null, versionGiven: true);

        a.Result.Succeeded.ShouldBeTrue();
        b.Result.Conflict.ShouldBeTrue();
        await using var check = database.NewContext();
        (await check.DeliveredSessions.Where(x => x.PackageId == s.PackageId).Select(x => x.Date).ToListAsync()).Order()
            .ShouldBe([new DateOnly(2026, 10, 3), new DateOnly(2026, 10, 4)]);
    }
}
