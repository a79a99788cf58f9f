using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using ShortBreaks.Core.Auditing;
using ShortBreaks.Core.Calendar;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Letters;
using ShortBreaks.Core.Notifications;
using ShortBreaks.Core.Plans;
using ShortBreaks.Core.Ras;
using ShortBreaks.Core.Ras.VirtualBudgets;
using ShortBreaks.Core.Tests.Ras;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Core.Tests.Plans;

/// <summary>
/// A reconsideration holds the old package, the review schedule follows the plan in force, and a family without an
/// account agrees through their officer: on every database, with a clock of each test's own.
/// </summary>
public sealed class ReconsiderationAndReviewTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly Actor Officer = new() { UserId = "o1", Name = "Amira Hughes" };

    private sealed record Services(ShortBreaksDbContext Db, PlanService Plans, PlanApprovalService Approvals, PanelService Panel, FakeTimeProvider Clock);

    private static Services For(ShortBreaksDbContext db, FakeTimeProvider clock)
    {
        var plans = new PlanService(db, ShippedSchemes.Catalog);
        var approvals = new PlanApprovalService(db, ShippedSchemes.Catalog, plans, new TierService(db, ShippedSchemes.Catalog), new Messenger(db));
        return new Services(db, plans, approvals, new PanelService(db, plans, approvals, new Messenger(db)), clock);
    }

    private static FakeTimeProvider NewClock() => new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));

    private static SupportLine PaHours(decimal perWeek) => new()
    {
        Description = "Personal assistant", Type = SupportType.PersonalAssistantHours, Quantity = perWeek, Frequency = SupportFrequency.PerWeek,
        UnitCost = 12m, Route = PaymentRoute.DirectPayment, RateName = "weekday",
    };

    private static SupportLine ResidentialNights(int perYear) => new()
    {
        Description = "Overnights at Willow House", Type = SupportType.ResidentialNight, Quantity = perYear, Frequency = SupportFrequency.PerYear,
        UnitCost = 500m, Route = PaymentRoute.CommissionedFromProvider, ProvidedBy = "Willow House",
    };

    private static PlanContent Content(DateOnly start, params SupportLine[] lines) => new()
    {
        WhatMattersToMe = "Swimming with my friends.",
        PeriodStart = start,
        PeriodEnd = start.AddYears(1).AddDays(-1),
        Outcomes = [new OutcomeInput("Go swimming once a week", OutcomeTerm.Short, null, "Swimming happens most weeks")],
        Lines = lines,
    };

    private static Task<long> SeenAsync(Services s, Guid planId) =>
        s.Db.SupportPlans.AsNoTracking().Where(p => p.Id == planId).Select(p => p.Version).SingleAsync();

    /// <summary>Agrees a version as both sides and approves it by its route.</summary>
    private static async Task ApproveAsync(Services s, Guid planId, int number)
    {
        var version = await s.Db.PlanVersions.AsNoTracking().SingleAsync(v => v.PlanId == planId && v.Number == number);
        (await s.Approvals.AgreeAsync(version.Id, true, await SeenAsync(s, planId))).Errors.ShouldBeEmpty();
        (await s.Approvals.AgreeAsync(version.Id, false, await SeenAsync(s, planId))).Errors.ShouldBeEmpty();
        version = await s.Db.PlanVersions.AsNoTracking().SingleAsync(v => v.Id == version.Id);
        if (version.ApprovalRoute == PlanApprovalRoute.Panel)
        {
            var item = (await s.Panel.AgendaAsync()).Items.Single(i => i.PlanVersionId == version.Id);
            (await s.Panel.DecideAsync(item.Id, PanelOutcome.Approved, "Agreed.", item.Version)).Errors.ShouldBeEmpty();
        }
        else if (version.ApprovalRoute == PlanApprovalRoute.Manager)
        {
            (await s.Approvals.ManagerDecideAsync(version.Id, true, "Agreed.", await SeenAsync(s, planId))).Errors.ShouldBeEmpty();
        }
    }

    /// <summary>A child stepped down from social care with four hours a week, then given notice of two.</summary>
    private static async Task<(Child Child, Guid PlanId, BudgetNotice Notice)> LowerBudgetUnderNoticeAsync(Services s)
    {
        var child = await new TestData(s.Db).CreateChildAsync(tier: Tier.SocialCare);
        var (plan, started) = await s.Plans.StartAsync(child.Id, PlanPurpose.StepDownFromSocialCare, null, Content(Today, PaHours(4)));
        started.Errors.ShouldBeEmpty();
        await ApproveAsync(s, plan!.Id, 1);
        (await s.Plans.ChangeAsync(plan.Id, 1, Content(Today, PaHours(2)), "Two hours a week.", await SeenAsync(s, plan.Id))).Result.Errors.ShouldBeEmpty();
        await ApproveAsync(s, plan.Id, 2);
        return (child, plan.Id, await s.Db.BudgetNotices.AsNoTracking().SingleAsync(n => n.PlanId == plan.Id));
    }

    private static async Task<PanelAgendaItem> AskForReconsiderationAsync(Services s, BudgetNotice notice)
    {
        (await s.Panel.RequestReconsiderationAsync(notice.Id, "The club is only in term time.", notice.Version)).Errors.ShouldBeEmpty();
        return (await s.Panel.AgendaAsync()).Items.Single(i => i.Kind == PanelItemKind.Reconsideration);
    }

    [SkippableTheory, AllDatabases]
    public async Task WhileAReconsiderationIsOpen_TheOldPlanStaysInForce_PastTheNoticeDate(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = NewClock();
        await using var db = database.NewContext(Officer, clock);
        var s = For(db, clock);
        var (_, planId, notice) = await LowerBudgetUnderNoticeAsync(s);
        (await s.Plans.InForceAsync(planId, notice.TakesEffectOn))!.Number.ShouldBe(2, "without a reconsideration the lower plan applies on its notice date");

        await AskForReconsiderationAsync(s, notice);

        (await s.Plans.InForceAsync(planId, notice.TakesEffectOn))!.Number.ShouldBe(1);
        (await s.Plans.InForceAsync(planId, notice.TakesEffectOn.AddYears(1)))!.Number.ShouldBe(1, "nothing falls until the panel decides");
        var versions = await db.PlanVersions.AsNoTracking().Where(v => v.PlanId == planId).ToListAsync();
        PlanInForce.Of(versions, notice.TakesEffectOn.AddMonths(1))!.Number.ShouldBe(1, "the pages holding every version agree with the query");
    }

    [SkippableTheory, AllDatabases]
    public async Task VirtualBudgets_CountTodaysBudgetAsThePlanInForce_HoldingTheOldPackageWhileAReconsiderationIsOpen(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = NewClock();
        await using var db = database.NewContext(Officer, clock);
        var s = For(db, clock);
        var (child, planId, notice) = await LowerBudgetUnderNoticeAsync(s);
        db.RasAssessments.Add(new RasAssessment
        {
            ChildId = child.Id,
            Status = RasAssessmentStatus.Completed,
            PhaseId = "primary",
            AgeYears = 8,
            LevelsJson = """{"wash":"some","dress":"some","settle":"some"}""",
            SupportJson = """{"care":"none","sleep":"none"}""",
            CreatedAt = db.UtcNow.AddDays(-2),
            CompletedAt = db.UtcNow.AddDays(-1),
            RasVersion = "2026.1",
            IndicativeAmount = 750m,
        });
        await db.SaveChangesAsync();
        var costs = await db.PlanVersions.AsNoTracking().Where(v => v.PlanId == planId).ToDictionaryAsync(v => v.Number, v => v.AnnualCost);
        costs[1].ShouldBeGreaterThan(costs[2]);

        async Task<decimal> TodaysBudgetOn(DateOnly day)
        {
            decimal? current = null;
            await VirtualBudgetSimulation.RunAsync(db, RasTestSchemes.With(), day, 3, eachCase: c => { if (c.ChildId == child.Id) current = c.Current; });
            return current.ShouldNotBeNull();
        }

        var afterNotice = notice.TakesEffectOn.AddDays(1);
        (await TodaysBudgetOn(Today)).ShouldBe(costs[1], "the plan in force, not the assessment's amount");
        (await TodaysBudgetOn(afterNotice)).ShouldBe(costs[2], "the lower plan once its notice has run");

        await AskForReconsiderationAsync(s, notice);

        (await TodaysBudgetOn(afterNotice)).ShouldBe(costs[1], "the old package holds while the panel looks again");
        var versions = await db.PlanVersions.AsNoTracking().Where(v => v.PlanId == planId).ToListAsync();
        PlanInForce.Of(versions, afterNotice)!.AnnualCost.ShouldBe(await TodaysBudgetOn(afterNotice), "the plan pages and virtual budgets agree");
    }

    [SkippableTheory, AllDatabases]
    public async Task AReconsiderationNotUpheld_AfterTheNoticeDate_TakesEffectFromTheDecision_NotBackdated(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = NewClock();
        await using var db = database.NewContext(Officer, clock);
        var s = For(db, clock);
        var (child, planId, notice) = await LowerBudgetUnderNoticeAsync(s);
        var item = await AskForReconsiderationAsync(s, notice);

        clock.Advance(TimeSpan.FromDays(120)); // the panel meets after the notice date
        var decidedOn = UkCalendar.Today(clock);
        (await s.Panel.DecideAsync(item.Id, PanelOutcome.NotApproved, "The support is still right for the need.", item.Version)).Errors.ShouldBeEmpty();

        (await s.Plans.InForceAsync(planId, decidedOn.AddDays(-1)))!.Number.ShouldBe(1, "the old package carried on until the decision");
        (await s.Plans.InForceAsync(planId, decidedOn))!.Number.ShouldBe(2);
        var after = await db.BudgetNotices.AsNoTracking().SingleAsync(n => n.Id == notice.Id);
        after.TakesEffectOn.ShouldBe(decidedOn);
        after.Status.ShouldBe(BudgetNoticeStatus.Confirmed);
        (await db.TimelineEvents.AsNoTracking().Where(t => t.ChildId == child.Id).Select(t => t.Summary).ToListAsync())
            .ShouldContain($"Reconsideration not upheld: the new budget takes effect on {decidedOn:d MMMM yyyy}");
        (await s.Panel.RequestReconsiderationAsync(notice.Id, "Again", after.Version)).Succeeded.ShouldBeFalse("a decided reconsideration is not asked for again");
        var letter = await db.Letters.AsNoTracking().SingleAsync(l => l.ChildId == child.Id && l.Kind == LetterKinds.ReconsiderationDecision);
        letter.VisibleToFamily.ShouldBeTrue();
        letter.BodyHtml.ShouldContain($"from <strong>{decidedOn:d MMMM yyyy}</strong>");
        letter.BodyHtml.ShouldContain("The support is still right for the need.");
    }

    [SkippableTheory, AllDatabases]
    public async Task AReconsiderationNotUpheld_BeforeTheNoticeDate_KeepsTheNoticeDate(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = NewClock();
        await using var db = database.NewContext(Officer, clock);
        var s = For(db, clock);
        var (_, planId, notice) = await LowerBudgetUnderNoticeAsync(s);
        var item = await AskForReconsiderationAsync(s, notice);

        clock.Advance(TimeSpan.FromDays(14));
        (await s.Panel.DecideAsync(item.Id, PanelOutcome.NotApproved, "The support is still right for the need.", item.Version)).Errors.ShouldBeEmpty();

        (await s.Plans.InForceAsync(planId, notice.TakesEffectOn.AddDays(-1)))!.Number.ShouldBe(1);
        (await s.Plans.InForceAsync(planId, notice.TakesEffectOn))!.Number.ShouldBe(2);
    }

    [SkippableTheory, AllDatabases]
    public async Task AReconsiderationUpheld_KeepsTheOldPlanForGood(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = NewClock();
        await using var db = database.NewContext(Officer, clock);
        var s = For(db, clock);
        var (_, planId, notice) = await LowerBudgetUnderNoticeAsync(s);
        var item = await AskForReconsiderationAsync(s, notice);

        clock.Advance(TimeSpan.FromDays(120));
        (await s.Panel.DecideAsync(item.Id, PanelOutcome.Approved, "Term time only: the hours stay.", item.Version)).Errors.ShouldBeEmpty();

        (await s.Plans.InForceAsync(planId, Today.AddYears(2)))!.Number.ShouldBe(1);
        (await db.PlanVersions.AsNoTracking().SingleAsync(v => v.PlanId == planId && v.Number == 2)).Status.ShouldBe(PlanVersionStatus.NotApproved);
        (await db.Letters.AsNoTracking().SingleAsync(l => l.Kind == LetterKinds.ReconsiderationDecision)).BodyHtml.ShouldContain("The panel agreed with you");
    }

    [SkippableTheory, AllDatabases]
    public async Task AReconsideration_IsNotOpenedOnceTheLowerBudgetHasTakenEffect(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = NewClock();
        await using var db = database.NewContext(Officer, clock);
        var s = For(db, clock);
        var (_, planId, notice) = await LowerBudgetUnderNoticeAsync(s);

        clock.Advance(TimeSpan.FromDays(100));
        var result = await s.Panel.RequestReconsiderationAsync(notice.Id, "Too late?", notice.Version);

        result.Errors.ShouldContain(e => e.Message.Contains("took effect on"));
        (await s.Plans.InForceAsync(planId, UkCalendar.Today(clock)))!.Number.ShouldBe(2, "history is not rewritten");
    }

    [SkippableTheory, AllDatabases]
    public async Task AStepDownFromSocialCare_GoesToThePanelAsEntryToTargeted(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = NewClock();
        await using var db = database.NewContext(Officer, clock);
        var s = For(db, clock);
        var child = await new TestData(db).CreateChildAsync(tier: Tier.SocialCare);
        var (plan, _) = await s.Plans.StartAsync(child.Id, PlanPurpose.StepDownFromSocialCare, null, Content(Today, PaHours(3)));
        var version = await db.PlanVersions.AsNoTracking().SingleAsync(v => v.PlanId == plan!.Id);
        (await s.Approvals.AgreeAsync(version.Id, true, await SeenAsync(s, plan!.Id))).Errors.ShouldBeEmpty();
        (await s.Approvals.AgreeAsync(version.Id, false, await SeenAsync(s, plan.Id))).Errors.ShouldBeEmpty();

        var item = (await s.Panel.AgendaAsync()).Items.ShouldHaveSingleItem();
        item.Kind.ShouldBe(PanelItemKind.EntryToTargeted);
        item.Summary.ShouldContain("step down from social care");
        (await s.Approvals.ManagerDecideAsync(version.Id, true, "A manager alone", await SeenAsync(s, plan.Id))).Succeeded.ShouldBeFalse();
        (await db.Children.AsNoTracking().SingleAsync(c => c.Id == child.Id)).Tier.ShouldBe(Tier.SocialCare);
    }

    [SkippableTheory, AllDatabases]
    public async Task TheReviewSchedule_IsWorkedOutAgain_WhenEachVersionComesIntoForce(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = NewClock();
        await using var db = database.NewContext(Officer, clock);
        var s = For(db, clock);
        var child = await new TestData(db).CreateChildAsync(tier: Tier.SocialCare);
        var (plan, _) = await s.Plans.StartAsync(child.Id, PlanPurpose.StepDownFromSocialCare, null, Content(Today, PaHours(3)));
        await ApproveAsync(s, plan!.Id, 1);
        var first = await db.SupportPlans.AsNoTracking().SingleAsync(p => p.Id == plan.Id);
        first.ReviewSchedule!.ShouldStartWith("Annual review");
        first.NextReviewDue.ShouldBe(Today.AddYears(1));

        clock.Advance(TimeSpan.FromDays(30));
        var later = UkCalendar.Today(clock);
        (await s.Plans.ChangeAsync(plan.Id, 1, Content(Today, PaHours(3), ResidentialNights(24)), "Overnights at Willow House.", await SeenAsync(s, plan.Id))).Result.Errors.ShouldBeEmpty();
        await ApproveAsync(s, plan.Id, 2);

        var second = await db.SupportPlans.AsNoTracking().SingleAsync(p => p.Id == plan.Id);
        second.ReviewSchedule!.ShouldContain("section 17(6)");
        second.NextReviewDue.ShouldBe(later.AddMonths(ShippedSchemes.Scheme2026_1.Reviews.Section17_6ReviewMonths), "counted from the day the version came into force");
    }

    [SkippableTheory, AllDatabases]
    public async Task TheReviewSchedule_AlignsWithTheEhcPlanReview(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = NewClock();
        await using var db = database.NewContext(Officer, clock);
        var s = For(db, clock);
        var child = await new TestData(db).CreateChildAsync(tier: Tier.SocialCare, hasEhcPlan: true);
        var ehc = Today.AddMonths(4);
        await db.Children.Where(c => c.Id == child.Id).ExecuteUpdateAsync(u => u.SetProperty(c => c.EhcPlanReviewDate, ehc));
        var (plan, _) = await s.Plans.StartAsync(child.Id, PlanPurpose.StepDownFromSocialCare, null, Content(Today, PaHours(3)));
        await ApproveAsync(s, plan!.Id, 1);

        var approved = await db.SupportPlans.AsNoTracking().SingleAsync(p => p.Id == plan.Id);
        approved.NextReviewDue.ShouldBe(ehc);
        approved.ReviewSchedule!.ShouldContain("EHC plan review");
    }

    [SkippableTheory, AllDatabases]
    public async Task AnOfficer_RecordsTheFamilysAgreementOnTheirBehalf_AndItIsShownInTheApproval(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = NewClock();
        await using var db = database.NewContext(Officer, clock);
        var s = For(db, clock);
        var child = await new TestData(db).CreateChildAsync(tier: Tier.SocialCare);
        var (plan, _) = await s.Plans.StartAsync(child.Id, PlanPurpose.StepDownFromSocialCare, null, Content(Today, PaHours(3)));
        var version = await db.PlanVersions.AsNoTracking().SingleAsync(v => v.PlanId == plan!.Id);
        var signed = new AgreementFile("signed.pdf", "application/pdf", "%PDF-1.4 signed"u8.ToArray());
        var input = new AgreementOnBehalfInput
        {
            AgreedByName = "Sam Patel", Relationship = "Mother", Method = AgreementMethod.SignedPaperCopy, AgreedOn = Today,
            Comments = "Happy with the weekend hours.", File = signed,
        };

        (await s.Approvals.AgreeOnBehalfOfFamilyAsync(version.Id, input, await SeenAsync(s, plan!.Id))).Errors.ShouldBeEmpty();
        (await s.Approvals.AgreeAsync(version.Id, false, await SeenAsync(s, plan.Id))).Errors.ShouldBeEmpty();
        var item = (await s.Panel.AgendaAsync()).Items.Single();
        (await s.Panel.DecideAsync(item.Id, PanelOutcome.Approved, "Carried over.", item.Version)).Errors.ShouldBeEmpty();

        var agreed = await db.PlanVersions.AsNoTracking().SingleAsync(v => v.Id == version.Id);
        agreed.Status.ShouldBe(PlanVersionStatus.Approved);
        agreed.FamilyAgreedByName.ShouldBe("Sam Patel (Mother)");
        var record = (await s.Approvals.AgreementOnBehalfAsync(version.Id)).ShouldNotBeNull();
        record.Describe().ShouldBe($"Sam Patel (Mother), by signing a paper copy on {Today:d MMMM yyyy}, recorded by Amira Hughes");
        record.FileName.ShouldBe("signed.pdf");
        (await db.FamilyAgreementsOnBehalf.AsNoTracking().SingleAsync()).Content.ShouldBe(signed.Content);
        var letter = await db.Letters.AsNoTracking().SingleAsync(l => l.ChildId == child.Id && l.Kind == LetterKinds.PlanDecision);
        letter.BodyHtml.ShouldContain("recorded on their behalf");
        letter.BodyHtml.ShouldContain("Sam Patel (Mother)");
        var audit = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityType == nameof(FamilyAgreementOnBehalf));
        audit.ChildId.ShouldBe(child.Id);
        audit.UserName.ShouldBe(Officer.Name);
        var details = audit.Details.ShouldNotBeNull();
        details.ShouldContain("Sam Patel");
        details.ShouldContain("\"Content\":\"(set)\"", Case.Sensitive, "a file's bytes never go in the audit");
    }

    [SkippableTheory, AllDatabases]
    public async Task AnAgreementOnBehalf_WithoutItsDetails_IsRefusedField_ByField(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = NewClock();
        await using var db = database.NewContext(Officer, clock);
        var s = For(db, clock);
        var child = await new TestData(db).CreateChildAsync(tier: Tier.SocialCare);
        var (plan, _) = await s.Plans.StartAsync(child.Id, PlanPurpose.StepDownFromSocialCare, null, Content(Today, PaHours(3)));
        var version = await db.PlanVersions.AsNoTracking().SingleAsync(v => v.PlanId == plan!.Id);

        var empty = await s.Approvals.AgreeOnBehalfOfFamilyAsync(version.Id, new AgreementOnBehalfInput(), await SeenAsync(s, plan!.Id));
        empty.Errors.Select(e => e.Field).ShouldBe(["AgreedByName", "Relationship", "Method", "AgreedOn"]);
        var paper = await s.Approvals.AgreeOnBehalfOfFamilyAsync(version.Id,
            new AgreementOnBehalfInput { AgreedByName = "Sam", Relationship = "Father", Method = AgreementMethod.SignedPaperCopy, AgreedOn = Today.AddDays(1) }, await SeenAsync(s, plan.Id));
        paper.Errors.Select(e => e.Message).ShouldBe(["The date they agreed the plan must be today or in the past", "Upload the signed copy of the plan"]);
        var stale = await s.Approvals.AgreeOnBehalfOfFamilyAsync(version.Id,
            new AgreementOnBehalfInput { AgreedByName = "Sam", Relationship = "Father", Method = AgreementMethod.ByPhone, AgreedOn = Today }, await SeenAsync(s, plan.Id) - 1);
        stale.Conflict.ShouldBeTrue();
        (await db.FamilyAgreementsOnBehalf.CountAsync()).ShouldBe(0);
        (await db.PlanVersions.AsNoTracking().SingleAsync(v => v.Id == version.Id)).FamilyAgreedAt.ShouldBeNull();
    }
}
