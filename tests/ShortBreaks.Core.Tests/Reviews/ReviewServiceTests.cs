using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ShortBreaks.Core.Auditing;
using ShortBreaks.Core.Calendar;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Letters;
using ShortBreaks.Core.Notifications;
using ShortBreaks.Core.Plans;
using ShortBreaks.Core.Ras;
using ShortBreaks.Core.Requests;
using ShortBreaks.Core.Reviews;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Core.Tests.Reviews;

/// <summary>
/// Reviews from the daily scan to the outcome, on every database: made once however often and on however many nodes the
/// scan runs, booked, the family's views, held and recorded, and each outcome carried out through the existing moves,
/// with every refusal and a stale save told.
/// </summary>
public sealed class ReviewServiceTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly Actor Officer = new() { UserId = "ro1", Name = "Rhiannon Reviewer" };

    private static FakeTimeProvider NewClock() => new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));

    private static ReviewService Reviews(ShortBreaksDbContext db) =>
        new(db, ShippedSchemes.Catalog, new WorkingDays([]), new TierService(db, ShippedSchemes.Catalog), new CaseClosureService(db));

    private static ReviewScanService Scan(ShortBreaksDbContext db) => new(db, ShippedSchemes.Catalog, NullLogger<ReviewScanService>.Instance);

    private static readonly SupportLine PaHours = new()
    {
        Description = "Personal assistant", Type = SupportType.PersonalAssistantHours, Quantity = 4, Frequency = SupportFrequency.PerWeek,
        UnitCost = 12m, Route = PaymentRoute.DirectPayment, RateName = "weekday",
    };

    /// <summary>A child stepped down from social care into Targeted Short Breaks with an approved plan, its review due in two weeks.</summary>
    private static async Task<(Child Child, Guid PlanId)> ChildWithPlanDueAsync(ShortBreaksDbContext db)
    {
        var plans = new PlanService(db, ShippedSchemes.Catalog);
        var approvals = new PlanApprovalService(db, ShippedSchemes.Catalog, plans, new TierService(db, ShippedSchemes.Catalog), new Messenger(db));
        var panel = new PanelService(db, plans, approvals, new Messenger(db));
        var child = await new TestData(db).CreateChildAsync(tier: Tier.SocialCare, keyWorkerId: Officer.UserId);
        var content = new PlanContent
        {
            WhatMattersToMe = "Swimming with my friends.", PeriodStart = Today, PeriodEnd = Today.AddYears(1).AddDays(-1),
            Outcomes = [new OutcomeInput("Go swimming once a week", OutcomeTerm.Short, null, "Swimming happens most weeks"), new OutcomeInput("Sleep through", OutcomeTerm.Medium, null, "Fewer wakings")],
            Lines = [PaHours],
        };
        var (plan, started) = await plans.StartAsync(child.Id, PlanPurpose.StepDownFromSocialCare, null, content);
        started.Errors.ShouldBeEmpty();
        var version = await db.PlanVersions.AsNoTracking().SingleAsync(v => v.PlanId == plan!.Id);
        (await approvals.AgreeAsync(version.Id, true, await PlanVersionAsync(db, plan!.Id))).Errors.ShouldBeEmpty();
        (await approvals.AgreeAsync(version.Id, false, await PlanVersionAsync(db, plan.Id))).Errors.ShouldBeEmpty();
        var item = (await panel.AgendaAsync()).Items.Single(i => i.PlanVersionId == version.Id);
        (await panel.DecideAsync(item.Id, PanelOutcome.Approved, "Agreed.", item.Version)).Errors.ShouldBeEmpty();
        await db.SupportPlans.Where(p => p.Id == plan.Id).ExecuteUpdateAsync(u => u.SetProperty(p => p.NextReviewDue, Today.AddDays(14)));
        db.ChangeTracker.Clear();
        return (await db.Children.AsNoTracking().SingleAsync(c => c.Id == child.Id), plan.Id);
    }

    private static Task<long> PlanVersionAsync(ShortBreaksDbContext db, Guid planId) =>
        db.SupportPlans.AsNoTracking().Where(p => p.Id == planId).Select(p => p.Version).SingleAsync();

    private static Task<Review> ReviewAsync(ShortBreaksDbContext db, Guid childId) =>
        db.Reviews.AsNoTracking().OrderByDescending(r => r.DueOn).FirstAsync(r => r.ChildId == childId);

    private static ReviewBooking Booking => new(Today.AddDays(10), "10:30am", ReviewMeeting.InPerson, "The family home", "Mum, Dad, the PA and school");

    private static ReviewRecord Record(DateOnly heldOn) => new(heldOn, "Mum, Dad, the PA", "Loves swimming; does not like the bus.",
        [new ReviewProgressEntry("Go swimming once a week", OutcomeProgress.Achieved, "Swam 20 of 24 weeks"), new ReviewProgressEntry("Sleep through", OutcomeProgress.Partly, "Wakes twice a week, not nightly")],
        "The PA hours at weekends.", "Transport to the pool.", "Four PA hours a week, about £2,500 a year.");

    [SkippableTheory, AllDatabases]
    public async Task Scan_MakesEachReviewFallingDueOnce_HoweverOftenAndOnTwoNodesAtOnce(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = NewClock();
        await using var db = database.NewContext(Officer, clock);
        var (child, planId) = await ChildWithPlanDueAsync(db);
        var later = await new TestData(db).CreateChildAsync(tier: Tier.TargetedShortBreaks);

        await using var one = database.NewContext(new Actor { Name = "Node one" }, clock);
        await using var two = database.NewContext(new Actor { Name = "Node two" }, clock);
        var made = await Task.WhenAll(Scan(one).ScanAsync(), Scan(two).ScanAsync());

        made.Sum().ShouldBeGreaterThanOrEqualTo(1);
        var reviews = await db.Reviews.AsNoTracking().Where(r => r.ChildId == child.Id).ToListAsync();
        reviews.Count.ShouldBe(1);
        reviews[0].DueOn.ShouldBe(Today.AddDays(14));
        reviews[0].PlanId.ShouldBe(planId);
        reviews[0].Kind.ShouldBe(ReviewKind.Annual, "a plan carried over from social care without a RAS assessment is reviewed once a year");
        reviews[0].State.ShouldBe(ReviewState.Due);
        reviews[0].OfficerId.ShouldBe(Officer.UserId, "the key worker holds it");
        (await Scan(db).ScanAsync()).ShouldBe(0, "a second look makes nothing");
        (await db.Reviews.CountAsync(r => r.ChildId == later.Id)).ShouldBe(0, "a child with no plan or package has no schedule");
        (await db.TimelineEvents.CountAsync(e => e.ChildId == child.Id && e.Kind == TimelineKinds.Review)).ShouldBe(1);
    }

    [SkippableTheory, AllDatabases]
    public async Task Scan_FlexibleChildWithAPackageAndNoPlan_IsDueAYearFromTheFirstPackage(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = NewClock();
        await using var db = database.NewContext(Officer, clock);
        var child = await new TestData(db).CreateChildAsync(tier: Tier.FlexibleShortBreaks);
        var package = TestData.AddPackageRows(db, child.Id, "review", Today);
        await db.SaveChangesAsync();

        (await Scan(db).ScanAsync()).ShouldBe(0, "not yet within the look-ahead");
        clock.Advance(TimeSpan.FromDays(300));
        (await Scan(db).ScanAsync()).ShouldBe(1);

        var review = await ReviewAsync(db, child.Id);
        review.DueOn.ShouldBe(ReviewSchedules.ForPackage(package.StartsOn, null).NextDue);
        review.Kind.ShouldBe(ReviewKind.Annual);
        review.PlanId.ShouldBeNull();
    }

    [SkippableTheory, AllDatabases]
    public async Task AReview_BookedViewsHeldAndContinued_SchedulesTheNextAndKeepsTheLetter(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = NewClock();
        await using var db = database.NewContext(Officer, clock);
        var (child, planId) = await ChildWithPlanDueAsync(db);
        await Scan(db).ScanAsync();
        var service = Reviews(db);
        var review = await ReviewAsync(db, child.Id);

        (await service.BookAsync(review.Id, Booking, review.Version)).Errors.ShouldBeEmpty();
        review = await ReviewAsync(db, child.Id);
        review.State.ShouldBe(ReviewState.Booked);
        review.ViewsDueBy.ShouldBe(new WorkingDays([]).Before(Today.AddDays(10), ShippedSchemes.Scheme2026_1.ReviewingRules.ViewsDueWorkingDaysBefore));

        (await service.SendViewsAsync(review.Id, "I like swimming.", "The weekends work well.", review.Version)).Errors.ShouldBeEmpty();
        clock.Advance(TimeSpan.FromDays(10));
        review = await ReviewAsync(db, child.Id);
        (await service.RecordAsync(review.Id, Record(Today.AddDays(10)), review.Version)).Errors.ShouldBeEmpty();
        review = await ReviewAsync(db, child.Id);
        review.State.ShouldBe(ReviewState.Held);
        ReviewProgress.Read(review.ProgressJson).Select(p => p.Progress).ShouldBe([OutcomeProgress.Achieved, OutcomeProgress.Partly]);

        (await service.DecideAsync(review.Id, ReviewDecision.ContinueAsIs, "Going well.", review.Version)).Errors.ShouldBeEmpty();
        review = await ReviewAsync(db, child.Id);
        review.State.ShouldBe(ReviewState.Completed);
        review.NextReviewDue.ShouldBe(Today.AddDays(10).AddMonths(12));
        var plan = await db.SupportPlans.AsNoTracking().SingleAsync(p => p.Id == planId);
        plan.NextReviewDue.ShouldBe(review.NextReviewDue);
        var letter = await db.Letters.AsNoTracking().SingleAsync(l => l.Id == review.LetterId);
        letter.Kind.ShouldBe(LetterKinds.Review);
        letter.VisibleToFamily.ShouldBeTrue();
        letter.BodyHtml.ShouldContain("Loves swimming");
        letter.BodyHtml.ShouldContain("Swam 20 of 24 weeks");
        letter.BodyHtml.ShouldContain("I like swimming.");
        (await db.TimelineEvents.CountAsync(e => e.ChildId == child.Id && e.Kind == TimelineKinds.Review)).ShouldBe(5, "due, booked, views, held, outcome");

        clock.Advance(TimeSpan.FromDays(330));
        (await Scan(db).ScanAsync()).ShouldBe(1, "the next review falls due by the new date");
        (await ReviewAsync(db, child.Id)).DueOn.ShouldBe(review.NextReviewDue!.Value);
    }

    [SkippableTheory, AllDatabases]
    public async Task TheFamilyAndTheOfficer_AreToldWhatNeedsThem_WithTheChangeTheyTellOf(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = NewClock();
        await using var db = database.NewContext(Officer, clock);
        var (child, _) = await ChildWithPlanDueAsync(db);
        var data = new TestData(db);
        var familyUserId = await data.NewFamilyAccountAsync("Pat Parent");
        db.ChildFamilyMembers.Add(new ChildFamilyMember { ChildId = child.Id, UserId = familyUserId, Relationship = "Mother", AddedAt = db.UtcNow });
        await db.SaveChangesAsync();
        await Scan(db).ScanAsync();
        var service = new ReviewService(db, ShippedSchemes.Catalog, new WorkingDays([]), new TierService(db, ShippedSchemes.Catalog), new CaseClosureService(db),
            new ShortBreaks.Core.Notifications.Messenger(db));
        var review = await ReviewAsync(db, child.Id);
        var task = ReviewService.ViewsTask(review.Id);

        (await service.BookAsync(review.Id, Booking with { Invited = "" }, review.Version)).Succeeded.ShouldBeFalse();
        (await db.PersonMessages.CountAsync(m => m.ChildId == child.Id)).ShouldBe(0, "a refused change tells nobody");
        (await service.BookAsync(review.Id, Booking, review.Version)).Errors.ShouldBeEmpty();
        var asked = await db.PersonMessages.AsNoTracking().SingleAsync(m => m.UserId == familyUserId);
        (asked.TaskKey, asked.Link, asked.CompletedAt).ShouldBe((task, $"/account/reviews/{review.Id}", (DateTime?)null));
        asked.Title.ShouldNotContain(child.FirstName, Case.Insensitive, "an email subject never names the child");

        review = await ReviewAsync(db, child.Id);
        (await service.SendViewsAsync(review.Id, null, "All good.", review.Version)).Errors.ShouldBeEmpty();
        (await db.PersonMessages.AsNoTracking().SingleAsync(m => m.Id == asked.Id)).CompletedAt.ShouldNotBeNull("sending the views does the task");
        (await db.PersonMessages.AsNoTracking().SingleAsync(m => m.UserId == Officer.UserId)).Link.ShouldBe($"/staff/reviews/{review.Id}");

        review = await ReviewAsync(db, child.Id);
        (await service.RecordAsync(review.Id, Record(Today), review.Version)).Errors.ShouldBeEmpty();
        review = await ReviewAsync(db, child.Id);
        (await service.DecideAsync(review.Id, ReviewDecision.ContinueAsIs, "Going well.", review.Version)).Errors.ShouldBeEmpty();
        review = await ReviewAsync(db, child.Id);
        var ready = await db.PersonMessages.AsNoTracking().Where(m => m.UserId == familyUserId).OrderByDescending(m => m.CreatedAt).FirstAsync();
        (ready.Title, ready.Link).ShouldBe(("A review record is ready to read", $"/account/letters/{review.LetterId}"));
        (await db.OutboxEmails.AsNoTracking().SingleAsync(e => e.MessageId == ready.Id)).Statutory.ShouldBeTrue();
    }

    [SkippableTheory, AllDatabases]
    public async Task StateMoves_OutOfOrder_AreRefused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext(Officer, NewClock());
        var (child, _) = await ChildWithPlanDueAsync(db);
        await Scan(db).ScanAsync();
        var service = Reviews(db);
        var review = await ReviewAsync(db, child.Id);

        (await service.SendViewsAsync(review.Id, "x", null, review.Version)).Errors.Single().Message.ShouldContain("not booked yet");
        (await service.RecordAsync(review.Id, Record(Today), review.Version)).Errors.Single().Message.ShouldBe("Book the review before recording it.");
        (await service.DecideAsync(review.Id, ReviewDecision.ContinueAsIs, "x", review.Version)).Errors.Single().Message.ShouldBe("Record the review before deciding its outcome.");
        (await service.BookAsync(Guid.NewGuid(), Booking, 0)).Succeeded.ShouldBeFalse();
        (await ReviewAsync(db, child.Id)).State.ShouldBe(ReviewState.Due);
    }

    [SkippableTheory, AllDatabases]
    public async Task GarbageInput_IsRefusedByField_AndNothingSaved(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext(Officer, NewClock());
        var (child, _) = await ChildWithPlanDueAsync(db);
        await Scan(db).ScanAsync();
        var service = Reviews(db);
        var review = await ReviewAsync(db, child.Id);

        var refused = await service.BookAsync(review.Id, new ReviewBooking(Today.AddDays(-1), "", null, "a\u0000b", new string('x', 5000)), review.Version);
        refused.Errors.Select(e => e.Field).ShouldBe(["Date", "Time", "Meeting", "Place", "Invited"]);
        (await service.BookAsync(review.Id, Booking, review.Version)).Errors.ShouldBeEmpty();
        review = await ReviewAsync(db, child.Id);

        var record = Record(Today.AddDays(1)) with { Progress = [new("Go swimming once a week", null, " "), new("Sleep through", OutcomeProgress.Partly, "ok")], ChildVoice = "\u0007" };
        (await service.RecordAsync(review.Id, record, review.Version)).Errors.Select(e => e.Field).ShouldBe(["HeldOn", "ChildVoice", "Progress[0]", "Evidence[0]"]);
        var wrongOutcomes = Record(Today) with { Progress = [new("Something else", OutcomeProgress.Achieved, "x")] };
        (await service.RecordAsync(review.Id, wrongOutcomes, review.Version)).Conflict.ShouldBeTrue();
        (await service.RecordAsync(review.Id, Record(Today), review.Version)).Errors.ShouldBeEmpty();
        review = await ReviewAsync(db, child.Id);
        (await service.DecideAsync(review.Id, null, "", review.Version)).Errors.Select(e => e.Field).ShouldBe(["Decision", "Reasons"]);
        (await ReviewAsync(db, child.Id)).State.ShouldBe(ReviewState.Held);
    }

    [SkippableTheory, AllDatabases]
    public async Task TwoPeopleSavingOneReview_TheSecondIsTold(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = NewClock();
        await using var db = database.NewContext(Officer, clock);
        var (child, _) = await ChildWithPlanDueAsync(db);
        await Scan(db).ScanAsync();
        var review = await ReviewAsync(db, child.Id);

        await using var other = database.NewContext(new Actor { UserId = "ro2", Name = "Another Reviewer" }, clock);
        (await Reviews(other).BookAsync(review.Id, Booking, review.Version)).Errors.ShouldBeEmpty();
        var second = await Reviews(db).BookAsync(review.Id, Booking with { Place = "The school" }, review.Version);

        second.Conflict.ShouldBeTrue();
        (await ReviewAsync(db, child.Id)).Place.ShouldBe("The family home");
    }

    [SkippableTheory, AllDatabases]
    public async Task AStepUpFromTargeted_RefersTheChildToSocialCare_AndEveryManagerIsAskedToPassItOn(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = NewClock();
        await using var db = database.NewContext(Officer, clock);
        var manager = await ShortBreaks.Core.Tests.Notifications.TellingTests.ManagerAsync(db);
        var (child, _) = await ChildWithPlanDueAsync(db);
        await Scan(db).ScanAsync();
        var service = Reviews(db);
        var review = await ReviewAsync(db, child.Id);
        (await service.BookAsync(review.Id, Booking with { Date = Today }, review.Version)).Errors.ShouldBeEmpty();
        review = await ReviewAsync(db, child.Id);
        (await service.RecordAsync(review.Id, Record(Today), review.Version)).Errors.ShouldBeEmpty();
        review = await ReviewAsync(db, child.Id);

        (await service.DecideAsync(review.Id, ReviewDecision.StepUp, "Needs now call for specialist social care.", review.Version)).Errors.ShouldBeEmpty();

        (await db.Children.AsNoTracking().SingleAsync(c => c.Id == child.Id)).Tier.ShouldBe(Tier.SocialCare);
        var referral = await db.Referrals.AsNoTracking().SingleAsync(r => r.ChildId == child.Id);
        (referral.Kind, referral.RequestId, referral.PassedOnAt).ShouldBe((ReferralKind.SocialCare, (Guid?)null, (DateTime?)null));
        referral.Reasons.ShouldContain("Needs now call for specialist social care.");
        var task = await db.PersonMessages.AsNoTracking().SingleAsync(m => m.TaskKey == SocialCareReferrals.TaskKey(referral.Id));
        (task.UserId, task.Link, task.CompletedAt).ShouldBe((manager, ServicePaths.StaffReferral(referral.Id), (DateTime?)null));

        db.ChangeTracker.Clear();
        var referrals = new SocialCareReferrals(db, new Messenger(db));
        (await referrals.PassOnAsync(referral.Id, "  ")).Errors.ShouldHaveSingleItem().Field.ShouldBe("How");
        (await referrals.PassOnAsync(referral.Id, "Secure email to the front door.")).Succeeded.ShouldBeTrue();
        (await db.PersonMessages.AsNoTracking().SingleAsync(m => m.Id == task.Id)).CompletedAt.ShouldNotBeNull();
        var again = await referrals.PassOnAsync(referral.Id, "Phoned them too.");
        again.Conflict.ShouldBeTrue();
        (await db.Referrals.AsNoTracking().SingleAsync(r => r.Id == referral.Id)).PassedOnHow.ShouldBe("Secure email to the front door.");
        (await db.TimelineEvents.AsNoTracking().CountAsync(t => t.ChildId == child.Id && t.Kind == TimelineKinds.Referral)).ShouldBe(1);
    }

    [SkippableTheory, AllDatabases]
    public async Task Outcomes_StepDownAndClose_UseTheExistingMoves_AndOnlyWhereTheyFit(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = NewClock();
        await using var db = database.NewContext(Officer, clock);
        var (stepping, planId) = await ChildWithPlanDueAsync(db);
        var (closing, _) = await ChildWithPlanDueAsync(db);
        await Scan(db).ScanAsync();
        var service = Reviews(db);

        async Task<Review> HeldAsync(Guid childId)
        {
            var review = await ReviewAsync(db, childId);
            (await service.BookAsync(review.Id, Booking with { Date = Today }, review.Version)).Errors.ShouldBeEmpty();
            review = await ReviewAsync(db, childId);
            (await service.RecordAsync(review.Id, Record(Today), review.Version)).Errors.ShouldBeEmpty();
            return await ReviewAsync(db, childId);
        }

        var review = await HeldAsync(stepping.Id);
        (await service.DecideAsync(review.Id, ReviewDecision.StepDown, "Needs are met by Flexible Short Breaks.", review.Version)).Errors.ShouldBeEmpty();
        (await db.Children.AsNoTracking().SingleAsync(c => c.Id == stepping.Id)).Tier.ShouldBe(Tier.FlexibleShortBreaks);
        (await db.SupportPlans.AsNoTracking().SingleAsync(p => p.Id == planId)).EndedAt.ShouldNotBeNull();
        (await db.TierChanges.AsNoTracking().SingleAsync(t => t.ChildId == stepping.Id && t.Move == TierMove.StepDownToFlexible)).Reason.ShouldContain("Review outcome");

        review = await HeldAsync(closing.Id);
        (await service.DecideAsync(review.Id, ReviewDecision.Close, "The family moved away.", review.Version)).Errors.ShouldBeEmpty();
        var closed = await db.Children.AsNoTracking().SingleAsync(c => c.Id == closing.Id);
        closed.Tier.ShouldBe(Tier.None);
        closed.ClosedAt.ShouldNotBeNull();

        ReviewRules.DecisionRefusal(Tier.FlexibleShortBreaks, false, ReviewDecision.StepDown).ShouldNotBeNull();
        ReviewRules.DecisionRefusal(Tier.FlexibleShortBreaks, false, ReviewDecision.ChangePlan).ShouldNotBeNull();
        ReviewRules.DecisionsFor(Tier.TargetedShortBreaks, true).Count.ShouldBe(5);
    }

    [SkippableTheory, AllDatabases]
    public async Task Worklist_FiltersByOfficerKindStateAndWindow_APageAtATime(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = NewClock();
        await using var db = database.NewContext(Officer, clock);
        var data = new TestData(db);
        for (var i = 0; i < 55; i++)
        {
            var child = await data.CreateChildAsync(tier: Tier.TargetedShortBreaks, keyWorkerId: i % 2 == 0 ? Officer.UserId : null);
            db.Reviews.Add(new Review { ChildId = child.Id, Kind = i % 3 == 0 ? ReviewKind.RasPackage : ReviewKind.Annual, DueOn = Today.AddDays(i - 5), State = ReviewState.Due, CreatedAt = db.UtcNow, OfficerId = child.KeyWorkerId });
        }

        await db.SaveChangesAsync();
        var worklist = new ReviewWorklist(db, ShippedSchemes.Catalog, new ReviewCounts());

        var all = await worklist.ListAsync(new ReviewFilter(null, null, null, ReviewWindow.Any, 6), 1);
        all.Total.ShouldBe(55);
        all.Items.Count.ShouldBe(ReviewWorklist.PageSize);
        all.Items.Select(i => i.DueOn).ShouldBeInOrder();
        (await worklist.ListAsync(new ReviewFilter(null, null, null, ReviewWindow.Any, 6), 2)).Items.Count.ShouldBe(5);
        (await worklist.ListAsync(new ReviewFilter(null, null, null, ReviewWindow.Any, 6), 99)).Page.ShouldBe(2, "a page past the end shows the last");
        (await worklist.ListAsync(new ReviewFilter(null, null, null, ReviewWindow.Overdue, 6), 1)).Total.ShouldBe(5);
        (await worklist.ListAsync(new ReviewFilter(null, null, null, ReviewWindow.Weeks, 1), 1)).Total.ShouldBe(13, "five overdue and eight by a week today");
        (await worklist.ListAsync(new ReviewFilter(Officer.UserId, null, null, ReviewWindow.Any, 6), 1)).Total.ShouldBe(28);
        (await worklist.ListAsync(new ReviewFilter("", null, null, ReviewWindow.Any, 6), 1)).Total.ShouldBe(27);
        (await worklist.ListAsync(new ReviewFilter(null, ReviewKind.RasPackage, null, ReviewWindow.Any, 6), 1)).Total.ShouldBe(19);
        (await worklist.ListAsync(new ReviewFilter(null, null, ReviewState.Booked, ReviewWindow.Any, 6), 1)).Total.ShouldBe(0);

        var caseload = await worklist.CaseloadAsync(Officer.UserId!);
        caseload.OpenReviews.ShouldBe(28);
        caseload.Families.ShouldBe(28);
        caseload.ReviewGuide.ShouldBe(ShippedSchemes.Scheme2026_1.Caseloads.ReviewingOfficerReviews);
    }

    private static ReviewService TellingReviews(ShortBreaksDbContext db) =>
        new(db, ShippedSchemes.Catalog, new WorkingDays([]), new TierService(db, ShippedSchemes.Catalog), new CaseClosureService(db), new Messenger(db));

    [SkippableTheory, AllDatabases]
    public async Task ChangeThePlan_StartsARasAssessment_TasksTheKeyWorker_AndTheNewVersionFromItDoesTheTask(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = NewClock();
        await using var db = database.NewContext(Officer, clock);
        var (child, planId) = await ChildWithPlanDueAsync(db);
        await Scan(db).ScanAsync();
        var service = TellingReviews(db);
        var review = await ReviewAsync(db, child.Id);
        (await service.BookAsync(review.Id, Booking with { Date = Today }, review.Version)).Errors.ShouldBeEmpty();
        review = await ReviewAsync(db, child.Id);
        (await service.RecordAsync(review.Id, Record(Today), review.Version)).Errors.ShouldBeEmpty();
        review = await ReviewAsync(db, child.Id);
        (await db.RasAssessments.CountAsync(a => a.ChildId == child.Id)).ShouldBe(0);

        (await service.DecideAsync(review.Id, ReviewDecision.ChangePlan, "Needs have grown: more PA hours.", review.Version)).Errors.ShouldBeEmpty();

        review = await ReviewAsync(db, child.Id);
        review.DecidedByUserId.ShouldBe(Officer.UserId, "an appeal of the outcome goes to someone else");
        var assessment = await db.RasAssessments.AsNoTracking().SingleAsync(a => a.ChildId == child.Id);
        (assessment.Status, review.RasAssessmentId).ShouldBe((RasAssessmentStatus.Draft, (Guid?)assessment.Id), "the letter's new RAS assessment is started");
        var task = await db.PersonMessages.AsNoTracking().SingleAsync(m => m.TaskKey == PlanApprovalService.ChangeTask(child.Id));
        (task.UserId, task.Link, task.CompletedAt).ShouldBe((Officer.UserId!, ServicePaths.StaffRasTasks(child.Id, assessment.Id), (DateTime?)null), "the key worker's task links to the assessment");
        task.Title.ShouldNotContain(child.FirstName, Case.Insensitive);
        (await db.TimelineEvents.AsNoTracking().SingleAsync(e => e.ChildId == child.Id && e.Kind == TimelineKinds.ReviewFollowUp)).Summary
            .ShouldBe("Change of plan started after the review");
        (await db.Letters.AsNoTracking().SingleAsync(l => l.Id == review.LetterId)).BodyHtml.ShouldContain("a new RAS assessment and a new version of the plan follow");

        // The officer completes the assessment with the family (the RAS journey), then makes the new version from it.
        await db.RasAssessments.Where(a => a.Id == assessment.Id).ExecuteUpdateAsync(u => u
            .SetProperty(a => a.Status, RasAssessmentStatus.Completed).SetProperty(a => a.IndicativeAmount, 6400m)
            .SetProperty(a => a.CompletedAt, db.UtcNow.AddMinutes(1)).SetProperty(a => a.RasVersion, "2026.1"));
        clock.Advance(TimeSpan.FromMinutes(5));
        var plans = new PlanService(db, ShippedSchemes.Catalog);
        var approvals = new PlanApprovalService(db, ShippedSchemes.Catalog, plans, new TierService(db, ShippedSchemes.Catalog), new Messenger(db));
        var inForce = (await plans.VersionAsync(planId, 1))!;
        var (changed, made) = await plans.ChangeAsync(planId, 1, PlanContent.Of(inForce) with { Lines = [PaHours with { Quantity = 6 }] },
            "Two more PA hours a week, from the review.", await PlanVersionAsync(db, planId));
        made.Errors.ShouldBeEmpty();
        (changed!.RasAssessmentId, changed.IndicativeBudget).ShouldBe(((Guid?)assessment.Id, (decimal?)6400m), "the new version is costed against the new assessment");
        (await approvals.AgreeAsync(changed.Id, true, await PlanVersionAsync(db, planId))).Errors.ShouldBeEmpty();
        (await db.PersonMessages.AsNoTracking().SingleAsync(m => m.Id == task.Id)).CompletedAt.ShouldBeNull("agreed by the family only: not yet sent on");
        (await approvals.AgreeAsync(changed.Id, false, await PlanVersionAsync(db, planId))).Errors.ShouldBeEmpty();
        (await db.PersonMessages.AsNoTracking().SingleAsync(m => m.Id == task.Id)).CompletedAt.ShouldNotBeNull("the new version is sent for approval: the task is done");
        (await db.PlanVersions.AsNoTracking().SingleAsync(v => v.Id == changed.Id)).Status.ShouldBeOneOf(PlanVersionStatus.AwaitingApproval, PlanVersionStatus.Approved);
    }

    [SkippableTheory, AllDatabases]
    public async Task StepUpFromFlexible_CarriesOnTheAssessmentAlreadyStarted_AndTasksTheKeyWorker(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = NewClock();
        await using var db = database.NewContext(Officer, clock);
        var keyWorker = new Actor { UserId = "kw1", Name = "Kim Keyworker" };
        var child = await new TestData(db).CreateChildAsync(tier: Tier.FlexibleShortBreaks, keyWorkerId: keyWorker.UserId);
        TestData.AddPackageRows(db, child.Id, "review", Today);
        var started = RasAssessmentService.AddDraft(db, child.Id);
        await db.SaveChangesAsync();
        clock.Advance(TimeSpan.FromDays(300));
        (await Scan(db).ScanAsync()).ShouldBe(1);
        var service = TellingReviews(db);
        var today = service.Today;
        var review = await ReviewAsync(db, child.Id);
        (await service.BookAsync(review.Id, Booking with { Date = today }, review.Version)).Errors.ShouldBeEmpty();
        review = await ReviewAsync(db, child.Id);
        (await service.RecordAsync(review.Id, Record(today) with { Progress = [] }, review.Version)).Errors.ShouldBeEmpty();
        review = await ReviewAsync(db, child.Id);

        (await service.DecideAsync(review.Id, ReviewDecision.StepUp, "Needs more than Flexible Short Breaks can meet.", review.Version)).Errors.ShouldBeEmpty();

        review = await ReviewAsync(db, child.Id);
        review.RasAssessmentId.ShouldBe(started.Id, "the assessment already being filled in is carried on, not a second one");
        (await db.RasAssessments.CountAsync(a => a.ChildId == child.Id)).ShouldBe(1);
        (await db.Children.AsNoTracking().SingleAsync(c => c.Id == child.Id)).Tier.ShouldBe(Tier.FlexibleShortBreaks, "the move is made when the plan is approved");
        var task = await db.PersonMessages.AsNoTracking().SingleAsync(m => m.TaskKey == PlanApprovalService.ChangeTask(child.Id));
        (task.UserId, task.Link).ShouldBe((keyWorker.UserId!, ServicePaths.StaffRasTasks(child.Id, started.Id)));
        (await db.Letters.AsNoTracking().SingleAsync(l => l.Id == review.LetterId)).BodyHtml.ShouldContain("a RAS assessment and a support plan follow");
    }

    [SkippableTheory, AllDatabases]
    public async Task ARefusedOrOtherDecision_StartsNoAssessment(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = NewClock();
        await using var db = database.NewContext(Officer, clock);
        var (child, _) = await ChildWithPlanDueAsync(db);
        await Scan(db).ScanAsync();
        var service = TellingReviews(db);
        var review = await ReviewAsync(db, child.Id);
        (await service.BookAsync(review.Id, Booking with { Date = Today }, review.Version)).Errors.ShouldBeEmpty();
        review = await ReviewAsync(db, child.Id);
        (await service.RecordAsync(review.Id, Record(Today), review.Version)).Errors.ShouldBeEmpty();
        review = await ReviewAsync(db, child.Id);
        (await service.DecideAsync(review.Id, ReviewDecision.ChangePlan, "", review.Version)).Succeeded.ShouldBeFalse();
        (await service.DecideAsync(review.Id, ReviewDecision.ChangePlan, "Reasons", review.Version - 1)).Succeeded.ShouldBeFalse();
        db.ChangeTracker.Clear();
        (await db.RasAssessments.CountAsync(a => a.ChildId == child.Id)).ShouldBe(0, "a refused or stale decision starts nothing");
        (await db.PersonMessages.CountAsync(m => m.TaskKey == PlanApprovalService.ChangeTask(child.Id))).ShouldBe(0);
        (await service.DecideAsync(review.Id, ReviewDecision.ContinueAsIs, "Going well.", review.Version)).Errors.ShouldBeEmpty();
        (await db.RasAssessments.CountAsync(a => a.ChildId == child.Id)).ShouldBe(0);
        (await ReviewAsync(db, child.Id)).RasAssessmentId.ShouldBeNull();
    }
}
