using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using ShortBreaks.Core.Auditing;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Plans;
using ShortBreaks.Core.Requests;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Core.Tests.Retention;

/// <summary>Closing and reopening a child's case, on every database.</summary>
public sealed class CaseClosureTests
{
    private static readonly Actor Officer = new() { UserId = "officer-1", Name = "Amira Hughes" };
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 5, 10, 0, 0, TimeSpan.Zero));

    [SkippableTheory, AllDatabases]
    public async Task Close_RecordsWhoWhenAndWhy_OnTheRecordTimelineAndAudit(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext(Officer, _clock);
        var child = await new TestData(db).CreateChildAsync();

        var result = await new CaseClosureService(db).CloseAsync(child.Id, " The family moved away. ", child.Version);

        result.Succeeded.ShouldBeTrue();
        var closed = await db.Children.AsNoTracking().SingleAsync(c => c.Id == child.Id);
        (closed.ClosedAt, closed.ClosedByName, closed.ClosedByUserId, closed.ClosureReason).ShouldBe((_clock.GetUtcNow().UtcDateTime, "Amira Hughes", "officer-1", "The family moved away."));
        (await db.TimelineEvents.CountAsync(e => e.ChildId == child.Id && e.Kind == TimelineKinds.CaseClosed)).ShouldBe(1);
        (await db.AuditEntries.CountAsync(a => a.ChildId == child.Id && a.Action == "update" && a.Details!.Contains("ClosureReason"))).ShouldBe(1);
    }

    [SkippableTheory, AllDatabases]
    public async Task Close_WithARequestWaiting_IsRefusedWithTheReason(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext(Officer, _clock);
        var data = new TestData(db);
        var child = await data.CreateChildAsync();
        var request = await data.CreateSubmittedRequestAsync(child);

        var result = await new CaseClosureService(db).CloseAsync(child.Id, "Moved away", child.Version);

        result.Errors.ShouldHaveSingleItem().ShouldBe(new FieldError("Reason", $"Request {request.Reference} is waiting for a decision: decide it before closing the case."));
        (await db.Children.AsNoTracking().SingleAsync(c => c.Id == child.Id)).ClosedAt.ShouldBeNull();
    }

    [SkippableTheory, AllDatabases]
    public async Task Close_WithAPlanInForce_IsRefusedWithTheReason(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext(Officer, _clock);
        var child = await new TestData(db).CreateChildAsync(tier: Tier.FlexibleShortBreaks);
        var plan = new SupportPlan { ChildId = child.Id, CreatedAt = db.UtcNow, LatestNumber = 1, ApprovedNumber = 1 };
        db.SupportPlans.Add(plan);
        db.PlanVersions.Add(new PlanVersion
        {
            PlanId = plan.Id, ChildId = child.Id, Number = 1, Status = PlanVersionStatus.Approved, PeriodStart = new(2026, 6, 1), PeriodEnd = new(2027, 5, 31),
            EffectiveFrom = new(2026, 6, 1), CreatedAt = db.UtcNow,
        });
        await db.SaveChangesAsync();

        var result = await new CaseClosureService(db).CloseAsync(child.Id, "Moved away", child.Version);

        result.Errors.ShouldHaveSingleItem().Message.ShouldStartWith("A support plan is in force until 31 May 2027");
    }

    [SkippableTheory, AllDatabases]
    public async Task Close_AMergedDuplicate_IsRefused_ItFollowsItsRecord(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext(Officer, _clock);
        var data = new TestData(db);
        var surviving = await data.CreateChildAsync();
        var duplicate = await data.CreateChildAsync(configure: c => c.MergedIntoChildId = surviving.Id);

        var result = await new CaseClosureService(db).CloseAsync(duplicate.Id, "Moved away", duplicate.Version);

        result.Errors.ShouldHaveSingleItem().Message.ShouldStartWith("This record was merged into another");
    }

    [SkippableTheory, AllDatabases]
    public async Task Reopen_ClearsTheClosure_AndAnOldVersionIsTold(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext(Officer, _clock);
        var child = await new TestData(db).CreateChildAsync();
        var service = new CaseClosureService(db);
        var seenBeforeClosing = child.Version;
        (await service.CloseAsync(child.Id, "Moved away", seenBeforeClosing)).Succeeded.ShouldBeTrue();

        db.ChangeTracker.Clear();
        (await service.ReopenAsync(child.Id, "Back in the county", seenBeforeClosing)).Conflict.ShouldBeTrue();
        db.ChangeTracker.Clear();
        var closed = await db.Children.AsNoTracking().SingleAsync(c => c.Id == child.Id);
        (await service.ReopenAsync(child.Id, "", closed.Version)).Errors.ShouldHaveSingleItem().ShouldBe(new FieldError("Reason", "Enter why the case is being reopened"));
        (await service.ReopenAsync(child.Id, "Back in the county", closed.Version)).Succeeded.ShouldBeTrue();

        var reopened = await db.Children.AsNoTracking().SingleAsync(c => c.Id == child.Id);
        (reopened.ClosedAt, reopened.ClosureReason).ShouldBe((null, null));
        (await db.TimelineEvents.CountAsync(e => e.ChildId == child.Id && e.Kind == TimelineKinds.CaseReopened)).ShouldBe(1);
    }

    [SkippableTheory, AllDatabases]
    public async Task ANewRequestMatchedToAClosedCase_ReopensIt(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext(Officer, _clock);
        var data = new TestData(db);
        var child = await data.CreateChildAsync(configure: c => c.ClosedAt = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var request = await data.CreateSubmittedRequestAsync(childFirstName: child.FirstName, childLastName: child.LastName, childDateOfBirth: child.DateOfBirth);

        var result = await new RequestMatching(db).ConfirmChildAsync(request, child.Id, request.Version);

        result.Succeeded.ShouldBeTrue();
        (await db.Children.AsNoTracking().SingleAsync(c => c.Id == child.Id)).ClosedAt.ShouldBeNull();
        var reopened = await db.TimelineEvents.AsNoTracking().SingleAsync(e => e.ChildId == child.Id && e.Kind == TimelineKinds.CaseReopened);
        (reopened.Summary, reopened.RequestId).ShouldBe(("Case reopened by a new request", request.Id));
    }
}
