using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using ShortBreaks.Core.Auditing;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Ras;
using ShortBreaks.Core.Ras.VirtualBudgets;
using ShortBreaks.Core.Requests;
using ShortBreaks.Core.Retention;
using ShortBreaks.Core.SubjectAccess;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Core.Tests.Retention;

/// <summary>The monthly scan, confirming and keeping, on every database.</summary>
public sealed class RetentionServiceTests
{
    private static readonly Actor Manager = new() { UserId = "manager-1", Name = "Priya Manager" };
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    // 5 December 2026: a case closed on 5 December 2020 is past six years today, one closed a day later is not.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 5, 10, 0, 0, TimeSpan.Zero));

    private static DateTime Utc(int year, int month, int day) => new(year, month, day, 12, 0, 0, DateTimeKind.Utc);

    private ShortBreaksDbContext Context(TestDatabase database, Actor? actor = null) => database.NewContext(actor ?? Manager, _clock);

    private static RetentionService Service(ShortBreaksDbContext db) => new(db, ShippedSchemes.Catalog);

    private static async Task<RetentionReview> ScanAsync(ShortBreaksDbContext db, string node = "node-a")
    {
        (await Service(db).ScanNowAsync(node, Lease)).ShouldBeTrue();
        return await db.RetentionReviews.AsNoTracking().SingleAsync(r => r.Month == "2026-12");
    }

    private static async Task<ShortBreakRequest> DecidedAsync(TestData data, ShortBreaksDbContext db, Child child, DecisionOutcome outcome, DateTime decidedAt)
    {
        var request = await data.CreateSubmittedRequestAsync(child, submittedAt: decidedAt.AddDays(-20));
        var tracked = await db.Requests.FirstAsync(r => r.Id == request.Id);
        tracked.Status = RequestStatus.Decided;
        db.Decisions.Add(new RequestDecision { RequestId = request.Id, ChildId = child.Id, Outcome = outcome, Reasons = "Reasons", DecidedAt = decidedAt, SchemeVersion = TestData.SchemeVersion });
        await db.SaveChangesAsync();
        return request;
    }

    [SkippableTheory, AllDatabases]
    public async Task Scan_ListsExactlyTheRecordsPastTheirRetention(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = Context(database);
        var data = new TestData(db);

        var due = await data.CreateChildAsync(dateOfBirth: new(2000, 1, 1), configure: c => c.ClosedAt = Utc(2019, 1, 10));
        var under25 = await data.CreateChildAsync(dateOfBirth: new(2005, 1, 1), configure: c => c.ClosedAt = Utc(2019, 1, 10));
        await data.CreateChildAsync(dateOfBirth: new(1990, 1, 1));
        var sixYearsToday = await data.CreateChildAsync(dateOfBirth: new(1990, 1, 1), configure: c => c.ClosedAt = Utc(2020, 12, 5));
        await data.CreateChildAsync(dateOfBirth: new(1990, 1, 1), configure: c => c.ClosedAt = Utc(2020, 12, 6));
        await data.CreateChildAsync(dateOfBirth: new(1990, 1, 1), configure: c => { c.ClosedAt = Utc(2010, 1, 1); c.MergedIntoChildId = due.Id; });

        var open = await data.CreateChildAsync();
        var refusedLongAgo = await DecidedAsync(data, db, open, DecisionOutcome.Universal, Utc(2025, 12, 4));
        await DecidedAsync(data, db, open, DecisionOutcome.Universal, Utc(2025, 12, 6));
        await DecidedAsync(data, db, open, DecisionOutcome.FlexibleShortBreaksApproved, Utc(2020, 1, 1));
        await DecidedAsync(data, db, open, DecisionOutcome.ReferToSocialCare, Utc(2020, 1, 1));
        await DecidedAsync(data, db, open, DecisionOutcome.Safeguarding, Utc(2020, 1, 1));
        // A refused request of a case record that is itself due is erased with the record, not listed twice.
        await DecidedAsync(data, db, due, DecisionOutcome.Universal, Utc(2018, 6, 1));

        db.AuditEntries.AddRange(
            new AuditEntry { At = Utc(2019, 10, 15), Action = "view", EntityType = "Child", EntityId = "x" },
            new AuditEntry { At = new DateTime(2019, 11, 30, 23, 30, 0, DateTimeKind.Utc), Action = "view", EntityType = "Child", EntityId = "x" },
            new AuditEntry { At = Utc(2019, 11, 1), Action = "update", EntityType = "Child", EntityId = "x" },
            new AuditEntry { At = Utc(2019, 12, 1), Action = "view", EntityType = "Child", EntityId = "x" },
            new AuditEntry { At = Utc(2018, 1, 1), Action = RetentionService.EraseAction, EntityType = "Child", EntityId = "y" });
        await db.SaveChangesAsync();

        var review = await ScanAsync(db);

        review.Status.ShouldBe(RetentionReviewStatus.Ready);
        var items = await db.RetentionItems.AsNoTracking().Where(i => i.ReviewId == review.Id).ToListAsync();
        items.Select(i => (i.Kind, i.Reference, i.Count)).OrderBy(i => i.Kind).ThenBy(i => i.Reference).ShouldBe(new[]
        {
            (RetentionItemKind.CaseRecord, due.Reference, 1),
            (RetentionItemKind.CaseRecord, sixYearsToday.Reference, 1),
            (RetentionItemKind.RequestEvidence, refusedLongAgo.Reference, 1),
            (RetentionItemKind.AuditEntries, "2019-10", 1),
            (RetentionItemKind.AuditEntries, "2019-11", 2),
        }.OrderBy(i => i.Item1).ThenBy(i => i.Item2));
        under25.ClosedAt.ShouldNotBeNull();
        var record = items.Single(i => i.Reference == due.Reference);
        (record.From, record.RetentionEnds).ShouldBe((new DateOnly(2019, 1, 10), new DateOnly(2025, 1, 10)));
        record.Rule.ShouldStartWith("6 years after the case closed");
        items.Single(i => i.Kind == RetentionItemKind.RequestEvidence).RetentionEnds.ShouldBe(new DateOnly(2026, 12, 4));
    }

    [SkippableTheory, AllDatabases]
    public async Task Scan_Again_AddsOnlyWhatIsNew(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = Context(database);
        var data = new TestData(db);
        await data.CreateChildAsync(dateOfBirth: new(1990, 1, 1), configure: c => c.ClosedAt = Utc(2019, 1, 10));
        var first = await ScanAsync(db);

        await ScanAsync(db);
        (await db.RetentionItems.CountAsync()).ShouldBe(1);

        await data.CreateChildAsync(dateOfBirth: new(1990, 1, 1), configure: c => c.ClosedAt = Utc(2018, 1, 10));
        var again = await ScanAsync(db);

        again.Id.ShouldBe(first.Id);
        (await db.RetentionReviews.CountAsync()).ShouldBe(1);
        (await db.RetentionItems.CountAsync()).ShouldBe(2);
    }

    [SkippableTheory, AllDatabases]
    public async Task TwoNodesScanningAtOnce_MakeOneReview(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var setup = Context(database))
        {
            var data = new TestData(setup);
            for (var i = 0; i < 5; i++) await data.CreateChildAsync(dateOfBirth: new(1990, 1, 1), configure: c => c.ClosedAt = Utc(2019, 1, 10));
        }

        await using var a = Context(database, Actor.System);
        await using var b = Context(database, Actor.System);
        async Task<bool> Monthly(ShortBreaksDbContext db, string node)
        {
            var service = Service(db);
            if (!await service.MonthlyScanWaitingAsync()) return false;
            return await service.TryClaimAsync(service.ThisMonth, node, Lease, again: false) is { } id && await service.ScanAsync(id, node);
        }

        var scanned = await Task.WhenAll(Monthly(a, "node-a"), Monthly(b, "node-b"));

        scanned.Count(s => s).ShouldBe(1);
        await using var check = Context(database);
        (await check.RetentionReviews.CountAsync()).ShouldBe(1);
        (await check.RetentionItems.CountAsync()).ShouldBe(5);
        (await Service(check).MonthlyScanWaitingAsync()).ShouldBeFalse();
    }

    [SkippableTheory, AllDatabases]
    public async Task ANodeThatStopsMidScan_LeavesItToAnotherOnceItsLeasePasses(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = Context(database, Actor.System);
        await new TestData(db).CreateChildAsync(dateOfBirth: new(1990, 1, 1), configure: c => c.ClosedAt = Utc(2019, 1, 10));
        var service = Service(db);

        var claimed = await service.TryClaimAsync("2026-12", "node-a", Lease, again: false);
        claimed.ShouldNotBeNull();
        (await service.TryClaimAsync("2026-12", "node-b", Lease, again: false)).ShouldBeNull();
        (await service.MonthlyScanWaitingAsync()).ShouldBeFalse();

        _clock.Advance(TimeSpan.FromMinutes(2));
        (await service.MonthlyScanWaitingAsync()).ShouldBeTrue();
        var taken = await service.TryClaimAsync("2026-12", "node-b", Lease, again: false);

        taken.ShouldBe(claimed);
        (await service.ScanAsync(taken!.Value, "node-a")).ShouldBeFalse();
        (await service.ScanAsync(taken.Value, "node-b")).ShouldBeTrue();
        var review = await db.RetentionReviews.AsNoTracking().SingleAsync();
        (review.Status, review.Attempts).ShouldBe((RetentionReviewStatus.Ready, 2));
    }

    [SkippableTheory, AllDatabases]
    public async Task Confirm_ErasesEveryRowOfTheCaseRecord_AndLeavesATombstone(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = Context(database);
        var data = new TestData(db);
        var (child, duplicate, familyUserId) = await data.CreateClosedCaseAsync(Utc(2019, 1, 10), new DateOnly(1999, 3, 3));
        var (other, otherDuplicate, _) = await data.CreateClosedCaseAsync(Utc(2024, 1, 10), new DateOnly(2010, 3, 3));
        var before = await TestData.RowsAboutAsync(db, [child.Id, duplicate.Id]);
        before.Where(t => t.Value == 0).Select(t => t.Key).ShouldBeEmpty();
        var otherBefore = await TestData.RowsAboutAsync(db, [other.Id, otherDuplicate.Id]);
        var review = await ScanAsync(db);
        var item = await db.RetentionItems.AsNoTracking().SingleAsync(i => i.Kind == RetentionItemKind.CaseRecord);
        var reviewsStamp = await db.ChangeStamps.AsNoTracking().Where(s => s.Area == ChangeStamp.Reviews).Select(s => s.Stamp).SingleAsync();

        var (done, result) = await Service(db).ConfirmAsync(review.Id, [item.Id], review.Version);

        result.Succeeded.ShouldBeTrue();
        done.ShouldBe(new RetentionConfirmation(1, 0));
        await using var check = Context(database);
        (await TestData.RowsAboutAsync(check, [child.Id, duplicate.Id])).Where(t => t.Value > 0).ShouldBeEmpty();
        (await check.ChangeStamps.AsNoTracking().Where(s => s.Area == ChangeStamp.Reviews).Select(s => s.Stamp).SingleAsync())
            .ShouldNotBe(reviewsStamp, "the child's reviews went by a bulk delete, and the worklist's kept counts with them");
        (await TestData.RowsAboutAsync(check, [other.Id, otherDuplicate.Id])).ShouldBe(otherBefore);
        (await check.Users.AnyAsync(u => u.Id == familyUserId)).ShouldBeTrue();

        var tombstone = await check.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == "erase");
        (tombstone.EntityType, tombstone.EntityId, tombstone.ChildId, tombstone.UserName).ShouldBe(("Child", child.Id.ToString(), null, Manager.Name));
        tombstone.Details.ShouldNotBeNull();
        tombstone.Details.ShouldContain(child.Reference);
        tombstone.Details.ShouldContain(duplicate.Reference);
        tombstone.Details.ShouldContain("6 years after the case closed");
        tombstone.Details.ShouldNotContain(child.FirstName);
        tombstone.Details.ShouldNotContain(child.LastName);
        tombstone.Details.ShouldNotContain(child.Postcode);
        (await check.RetentionItems.AsNoTracking().SingleAsync(i => i.Id == item.Id)).Status.ShouldBe(RetentionItemStatus.Erased);
    }

    [SkippableTheory, AllDatabases]
    public async Task Confirm_TakesTheErasedChildOutOfVirtualBudgetRunsListsOfFalls_AndLeavesOtherFamilies(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = Context(database);
        var data = new TestData(db);
        // Names of their own, so the other family's entry cannot contain the erased child's name by chance.
        var erased = await data.CreateChildAsync(lastName: "Erased" + TestData.NewName(), dateOfBirth: new(1990, 1, 1), configure: c => c.ClosedAt = Utc(2019, 1, 10));
        var other = await data.CreateChildAsync(lastName: "Kept" + TestData.NewName(), dateOfBirth: new(2012, 1, 1));
        VirtualBudgetFall Fall(Child c) => new(c.Id, c.Reference, c.FullName, null, Tier.TargetedShortBreaks, "5-11", 2400m, 1800m, RasRouting.None, new DateOnly(2019, 4, 1));
        db.VirtualBudgetRuns.Add(new VirtualBudgetRun
        {
            VersionLabel = "2018.2",
            RequestedByName = "Priya Manager",
            RequestedAt = Utc(2019, 1, 2),
            Status = VirtualBudgetRunStatus.Completed,
            FallsJson = JsonSerializer.Serialize(new List<VirtualBudgetFall> { Fall(erased), Fall(other) }, VirtualBudgetSimulation.JsonOptions),
        });
        await db.SaveChangesAsync();
        var review = await ScanAsync(db);
        var item = await db.RetentionItems.AsNoTracking().SingleAsync(i => i.Kind == RetentionItemKind.CaseRecord);

        (await Service(db).ConfirmAsync(review.Id, [item.Id], review.Version)).Result.Succeeded.ShouldBeTrue();

        await using var check = Context(database);
        var run = await check.VirtualBudgetRuns.AsNoTracking().SingleAsync();
        run.FallsJson.ShouldNotBeNull();
        run.FallsJson.ShouldNotContain(erased.LastName);
        run.FallsJson.ShouldNotContain(erased.Reference);
        JsonSerializer.Deserialize<List<VirtualBudgetFall>>(run.FallsJson!, VirtualBudgetSimulation.JsonOptions)!.Single().ChildId.ShouldBe(other.Id);
        (await check.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == "erase")).Details!.ShouldContain("\"VirtualBudgetRunFalls\":1");
    }

    [SkippableTheory, AllDatabases]
    public async Task Confirm_ARecordWithASubjectAccessRequestBeingAnswered_IsNotErasedUntilTheAnswerIsReleased(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = Context(database);
        var child = await new TestData(db).CreateChildAsync(dateOfBirth: new(1990, 1, 1), configure: c => c.ClosedAt = Utc(2019, 1, 10));
        var request = new SubjectAccessRequest
        {
            SubjectKind = SubjectKind.Child, ChildId = child.Id, SubjectName = child.FullName, SubjectReference = child.Reference,
            RequestedBy = "The young person", IdentityCheck = "Passport seen", ReceivedOn = new DateOnly(2026, 12, 1), DueOn = new DateOnly(2027, 1, 1),
            LoggedAt = Utc(2026, 12, 1), LoggedByUserId = "admin", LoggedByName = "An administrator",
        };
        db.SubjectAccessRequests.Add(request);
        await db.SaveChangesAsync();
        var review = await ScanAsync(db);
        var item = await db.RetentionItems.AsNoTracking().SingleAsync();

        var (done, result) = await Service(db).ConfirmAsync(review.Id, [item.Id], review.Version);

        result.Succeeded.ShouldBeTrue();
        done.ShouldBe(new RetentionConfirmation(0, 1));
        (await db.Children.AnyAsync(c => c.Id == child.Id)).ShouldBeTrue();
        (await db.RetentionItems.AsNoTracking().SingleAsync()).Reason.ShouldBe(
            "A subject access request about the record is being answered (due 1 January 2027): release it before the record is erased.");

        // Once the answer is released, the next month's review erases it.
        await db.SubjectAccessRequests.Where(s => s.Id == request.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, SubjectAccessStatus.Released));
        (await Service(db).CaseRecordNotDueAsync(child.Id, ShippedSchemes.Scheme2026_1.RetentionPeriods, new DateOnly(2027, 1, 2))).ShouldBeNull();
    }

    [SkippableTheory, AllDatabases]
    public async Task Confirm_ACaseReopenedSinceTheScan_IsNotErased(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = Context(database);
        var child = await new TestData(db).CreateChildAsync(dateOfBirth: new(1990, 1, 1), configure: c => c.ClosedAt = Utc(2019, 1, 10));
        var review = await ScanAsync(db);
        var item = await db.RetentionItems.AsNoTracking().SingleAsync();
        var version = (await db.Children.AsNoTracking().SingleAsync(c => c.Id == child.Id)).Version;
        (await new CaseClosureService(db).ReopenAsync(child.Id, "The family asked for help again.", version)).Succeeded.ShouldBeTrue();

        var (done, result) = await Service(db).ConfirmAsync(review.Id, [item.Id], review.Version);

        result.Succeeded.ShouldBeTrue();
        done.ShouldBe(new RetentionConfirmation(0, 1));
        (await db.Children.AnyAsync(c => c.Id == child.Id)).ShouldBeTrue();
        var after = await db.RetentionItems.AsNoTracking().SingleAsync();
        (after.Status, after.Reason).ShouldBe((RetentionItemStatus.NoLongerDue, "The case has been reopened since the scan."));
        (await db.AuditEntries.CountAsync(a => a.Action == "erase")).ShouldBe(0);
    }

    [SkippableTheory, AllDatabases]
    public async Task TwoManagersConfirmingTheSameReview_TheSecondIsTold(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var setup = Context(database);
        await new TestData(setup).CreateChildAsync(dateOfBirth: new(1990, 1, 1), configure: c => c.ClosedAt = Utc(2019, 1, 10));
        var review = await ScanAsync(setup);
        var item = await setup.RetentionItems.AsNoTracking().SingleAsync();

        await using var first = Context(database);
        await using var second = Context(database, new Actor { UserId = "manager-2", Name = "Second Manager" });
        var (_, firstResult) = await Service(first).ConfirmAsync(review.Id, [item.Id], review.Version);
        var (done, secondResult) = await Service(second).ConfirmAsync(review.Id, [item.Id], review.Version);

        firstResult.Succeeded.ShouldBeTrue();
        secondResult.Conflict.ShouldBeTrue();
        done.ShouldBeNull();
        (await setup.AuditEntries.CountAsync(a => a.Action == "erase")).ShouldBe(1);
    }

    [SkippableTheory, AllDatabases]
    public async Task Keep_WithAReason_IsNotProposedAgainUntilItsDate_OrUntilReleased(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = Context(database);
        var data = new TestData(db);
        await data.CreateChildAsync(dateOfBirth: new(1990, 1, 1), configure: c => c.ClosedAt = Utc(2019, 1, 10));
        var held = await data.CreateChildAsync(dateOfBirth: new(1990, 1, 1), configure: c => c.ClosedAt = Utc(2018, 1, 10));
        var review = await ScanAsync(db);
        var items = await db.RetentionItems.AsNoTracking().ToListAsync();
        var dated = items.Single(i => i.Reference != held.Reference);
        var untilReleased = items.Single(i => i.Reference == held.Reference);
        var service = Service(db);

        (await service.KeepAsync(review.Id, dated.Id, "A complaint is open.", new DateOnly(2027, 3, 1), review.Version)).Succeeded.ShouldBeTrue();
        var version = (await service.FindAsync(review.Id))!.Version;
        (await service.KeepAsync(review.Id, untilReleased.Id, "Legal hold: court proceedings.", null, version)).Succeeded.ShouldBeTrue();

        // Next month, both are still held; in March the dated one comes back; released, the other does too.
        _clock.Advance(TimeSpan.FromDays(31));
        (await service.ScanNowAsync("node-a", Lease)).ShouldBeTrue();
        (await db.RetentionItems.CountAsync(i => i.Status == RetentionItemStatus.Proposed)).ShouldBe(0);

        _clock.SetUtcNow(new DateTimeOffset(2027, 3, 1, 10, 0, 0, TimeSpan.Zero));
        (await service.ScanNowAsync("node-a", Lease)).ShouldBeTrue();
        (await db.RetentionItems.Where(i => i.Status == RetentionItemStatus.Proposed).Select(i => i.Reference).ToListAsync()).ShouldBe([dated.Reference]);

        version = (await service.FindAsync(review.Id))!.Version;
        (await service.ReleaseAsync(review.Id, untilReleased.Id, version)).Succeeded.ShouldBeTrue();
        (await service.ScanNowAsync("node-a", Lease)).ShouldBeTrue();
        (await db.RetentionItems.Where(i => i.Status == RetentionItemStatus.Proposed).Select(i => i.Reference).OrderBy(r => r).ToListAsync())
            .ShouldBe(new[] { dated.Reference, held.Reference }.Order());
        (await db.AuditEntries.CountAsync(a => a.Action == "retention-keep")).ShouldBe(2);
    }

    [SkippableTheory, AllDatabases]
    public async Task Keep_WithoutAReason_OrWithAPastDate_IsRefused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = Context(database);
        await new TestData(db).CreateChildAsync(dateOfBirth: new(1990, 1, 1), configure: c => c.ClosedAt = Utc(2019, 1, 10));
        var review = await ScanAsync(db);
        var item = await db.RetentionItems.AsNoTracking().SingleAsync();

        var result = await Service(db).KeepAsync(review.Id, item.Id, " ", new DateOnly(2026, 12, 5), review.Version);

        result.Errors.Select(e => (e.Field, e.Message)).ShouldBe([
            ("Reason", "Enter why this record is being kept"),
            ("KeepUntil", "The date to keep it until must be in the future"),
        ]);
        (await db.RetentionItems.AsNoTracking().SingleAsync()).Status.ShouldBe(RetentionItemStatus.Proposed);
    }

    [SkippableTheory, AllDatabases]
    public async Task Confirm_RefusedRequestsEvidence_ErasesTheFilesOnly(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = Context(database);
        var data = new TestData(db);
        var child = await data.CreateChildAsync();
        var request = await DecidedAsync(data, db, child, DecisionOutcome.Universal, Utc(2025, 6, 1));
        var review = await ScanAsync(db);
        var item = await db.RetentionItems.AsNoTracking().SingleAsync();

        var (done, result) = await Service(db).ConfirmAsync(review.Id, [item.Id], review.Version);

        result.Succeeded.ShouldBeTrue();
        done.ShouldBe(new RetentionConfirmation(1, 0));
        (await db.EvidenceDocuments.CountAsync(e => e.RequestId == request.Id)).ShouldBe(0);
        (await db.Requests.CountAsync(r => r.Id == request.Id)).ShouldBe(1);
        (await db.Decisions.CountAsync(d => d.RequestId == request.Id)).ShouldBe(1);
        (await db.TimelineEvents.CountAsync(e => e.ChildId == child.Id && e.Kind == TimelineKinds.EvidenceErased)).ShouldBe(1);
        var tombstone = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == "erase");
        (tombstone.EntityType, tombstone.EntityId).ShouldBe(("ShortBreakRequest", request.Id.ToString()));
        tombstone.Details!.ShouldContain("12 months after the request was refused");
    }

    [SkippableTheory, AllDatabases]
    public async Task Confirm_AMonthOfAudit_ErasesItsEntries_AndKeepsTombstones(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = Context(database);
        db.AuditEntries.AddRange(
            new AuditEntry { At = Utc(2019, 3, 1), Action = "view", EntityType = "Child", EntityId = "x" },
            new AuditEntry { At = Utc(2019, 3, 31), Action = "update", EntityType = "Child", EntityId = "x" },
            new AuditEntry { At = Utc(2019, 3, 15), Action = RetentionService.EraseAction, EntityType = "Child", EntityId = "old-tombstone" },
            new AuditEntry { At = Utc(2019, 4, 1), Action = "view", EntityType = "Child", EntityId = "x" });
        await db.SaveChangesAsync();
        var review = await ScanAsync(db);
        var march = await db.RetentionItems.AsNoTracking().SingleAsync(i => i.TargetKey == "2019-03");

        var (_, result) = await Service(db).ConfirmAsync(review.Id, [march.Id], review.Version);

        result.Succeeded.ShouldBeTrue();
        (await db.AuditEntries.CountAsync(a => a.At >= Utc(2019, 3, 1).Date && a.At < Utc(2019, 4, 1).Date)).ShouldBe(1);
        (await db.AuditEntries.CountAsync(a => a.EntityId == "old-tombstone")).ShouldBe(1);
        (await db.AuditEntries.CountAsync(a => a.At.Year == 2019 && a.At.Month == 4)).ShouldBe(1);
        var tombstone = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == "erase" && a.EntityId == "2019-03");
        tombstone.Details!.ShouldContain("\"entries\":2");
    }
}
