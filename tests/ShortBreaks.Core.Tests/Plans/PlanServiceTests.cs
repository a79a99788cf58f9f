using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using ShortBreaks.Core.Auditing;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Letters;
using ShortBreaks.Core.Notifications;
using ShortBreaks.Core.Plans;
using ShortBreaks.Core.Ras;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Core.Tests.Plans;

/// <summary>A child's journey through plans and panel, on every database.</summary>
public sealed class PlanServiceTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
    private static readonly Actor Officer = new() { UserId = "o1", Name = "Amira Hughes" };

    private sealed record Services(ShortBreaksDbContext Db, TierService Tiers, PlanService Plans, PlanApprovalService Approvals, PanelService Panel);

    private static Services For(ShortBreaksDbContext db)
    {
        var tiers = new TierService(db, ShippedSchemes.Catalog);
        var plans = new PlanService(db, ShippedSchemes.Catalog);
        var approvals = new PlanApprovalService(db, ShippedSchemes.Catalog, plans, tiers, new Messenger(db));
        return new Services(db, tiers, plans, approvals, new PanelService(db, plans, approvals, new Messenger(db)));
    }

    private static SupportLine PaHours(decimal perWeek, decimal rate = 12m) => new()
    {
        Description = "Personal assistant", Type = SupportType.PersonalAssistantHours, Quantity = perWeek, Frequency = SupportFrequency.PerWeek,
        UnitCost = rate, Route = PaymentRoute.DirectPayment, RateName = "weekday",
    };

    private static PlanContent Content(params SupportLine[] lines) => new()
    {
        WhatMattersToMe = "Swimming with my friends, and my dog.",
        HowBestToSupportMe = "Tell me what is happening next, with pictures.",
        MyCommunication = "I use Makaton and some words.",
        PeriodStart = Today,
        PeriodEnd = Today.AddYears(1).AddDays(-1),
        Outcomes = [new OutcomeInput("Go swimming once a week with a friend", OutcomeTerm.Short, Today.AddMonths(3), "Swimming happens most weeks")],
        Lines = lines,
    };

    private static async Task<Guid> CompletedAssessmentAsync(ShortBreaksDbContext db, Guid childId, decimal amount)
    {
        var assessment = new RasAssessment
        {
            ChildId = childId, Status = RasAssessmentStatus.Completed, AgeYears = 10, PhaseId = "primary", RasVersion = "2026.1",
            TotalPoints = 80, IndicativeAmount = amount, Band = "Targeted", CreatedAt = db.UtcNow, CompletedAt = db.UtcNow, CompletedByName = Officer.Name,
        };
        db.RasAssessments.Add(assessment);
        await db.SaveChangesAsync();
        return assessment.Id;
    }

    private static async Task<PlanVersion> AgreeBothAsync(Services s, Guid planId, int number)
    {
        var version = await s.Db.PlanVersions.AsNoTracking().SingleAsync(v => v.PlanId == planId && v.Number == number);
        var plan = await s.Db.SupportPlans.AsNoTracking().SingleAsync(p => p.Id == planId);
        (await s.Approvals.AgreeAsync(version.Id, asFamily: true, plan.Version)).Succeeded.ShouldBeTrue();
        plan = await s.Db.SupportPlans.AsNoTracking().SingleAsync(p => p.Id == planId);
        var agreed = await s.Approvals.AgreeAsync(version.Id, asFamily: false, plan.Version);
        agreed.Errors.ShouldBeEmpty();
        return await s.Db.PlanVersions.AsNoTracking().SingleAsync(v => v.Id == version.Id);
    }

    /// <summary>Agrees a version as both sides and approves it by whichever route the scheme gives it (manager or panel).</summary>
    private static async Task<PlanVersion> ApproveAsync(Services s, Guid planId, int number, string reasons)
    {
        var agreed = await AgreeBothAsync(s, planId, number);
        if (agreed.ApprovalRoute == PlanApprovalRoute.Panel)
        {
            var item = (await s.Panel.AgendaAsync()).Items.Single(i => i.PlanVersionId == agreed.Id);
            (await s.Panel.DecideAsync(item.Id, PanelOutcome.Approved, reasons, item.Version)).Errors.ShouldBeEmpty();
        }
        else if (agreed.ApprovalRoute == PlanApprovalRoute.Manager)
        {
            var seen = (await s.Db.SupportPlans.AsNoTracking().SingleAsync(p => p.Id == planId)).Version;
            (await s.Approvals.ManagerDecideAsync(agreed.Id, true, reasons, seen)).Errors.ShouldBeEmpty();
        }

        return await s.Db.PlanVersions.AsNoTracking().SingleAsync(v => v.Id == agreed.Id);
    }

    [SkippableTheory, AllDatabases]
    public async Task StepUp_RasThenPlanThenPanel_MovesTheChildToTargeted(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext(Officer, Clock);
        var s = For(db);
        var managers = new[] { await Notifications.TellingTests.ManagerAsync(db), await Notifications.TellingTests.ManagerAsync(db) };
        var keyWorker = await Notifications.TellingTests.ManagerAsync(db);
        var child = await new TestData(db).CreateChildAsync(tier: Tier.FlexibleShortBreaks, keyWorkerId: keyWorker);
        var assessment = await CompletedAssessmentAsync(db, child.Id, 2400m);

        var (plan, started) = await s.Plans.StartAsync(child.Id, PlanPurpose.StepUp, assessment, Content(PaHours(3), PaHours(0.5m, 14m) with { RateName = "weekend" }));
        started.Errors.ShouldBeEmpty();
        var version = await AgreeBothAsync(s, plan!.Id, 1);

        version.Status.ShouldBe(PlanVersionStatus.AwaitingApproval);
        version.ApprovalRoute.ShouldBe(PlanApprovalRoute.Panel);
        version.IndicativeBudget.ShouldBe(2400m);
        version.AnnualCost.ShouldBe(3 * 52 * 12m + 0.5m * 52 * 14m);
        var agenda = await s.Panel.AgendaAsync();
        var item = agenda.Items.ShouldHaveSingleItem();
        item.Kind.ShouldBe(PanelItemKind.EntryToTargeted);
        item.ChildReference.ShouldBe(child.Reference);
        item.AnnualCost.ShouldBe(version.AnnualCost);
        (await db.Children.AsNoTracking().SingleAsync(c => c.Id == child.Id)).Tier.ShouldBe(Tier.FlexibleShortBreaks, "nothing moves before the panel approves");
        // Every manager (the key worker here is one too) has the item to do; the key worker heard the family agree.
        var tasks = await db.PersonMessages.AsNoTracking().Where(m => m.TaskKey == $"panel-item:{item.Id}").ToListAsync();
        tasks.Select(t => t.UserId).Order().ShouldBe(managers.Append(keyWorker).Order());
        tasks.ShouldAllBe(t => t.Title == "An item is waiting for the panel" && t.Link == $"/staff/panel/{item.Id}" && t.CompletedAt == null);
        (await db.PersonMessages.AsNoTracking().SingleAsync(m => m.UserId == keyWorker && m.TaskKey == null)).Title.ShouldBe("A family agreed a support plan");

        (await s.Panel.DecideAsync(item.Id, PanelOutcome.Approved, "Needs are well evidenced; the plan is within the indicative budget.", item.Version)).Errors.ShouldBeEmpty();
        (await db.PersonMessages.AsNoTracking().Where(m => m.TaskKey == $"panel-item:{item.Id}").Select(m => m.CompletedAt).ToListAsync())
            .ShouldAllBe(done => done == Clock.GetUtcNow().UtcDateTime);

        (await db.Children.AsNoTracking().SingleAsync(c => c.Id == child.Id)).Tier.ShouldBe(Tier.TargetedShortBreaks);
        var change = await db.TierChanges.AsNoTracking().SingleAsync(t => t.ChildId == child.Id);
        change.Move.ShouldBe(TierMove.StepUpToTargeted);
        change.ByName.ShouldBe(Officer.Name);
        change.Reason.ShouldContain("Needs are well evidenced");
        var inForce = (await s.Plans.InForceAsync(plan.Id, Today)).ShouldNotBeNull();
        inForce.Number.ShouldBe(1);
        (await s.Panel.AgendaAsync()).Total.ShouldBe(0);
        (await db.TimelineEvents.AsNoTracking().Where(t => t.ChildId == child.Id).Select(t => t.Summary).ToListAsync())
            .ShouldContain(t => t.StartsWith("Step up to Targeted Short Breaks: Flexible Short Breaks to Targeted Short Breaks"));
    }

    [SkippableTheory, AllDatabases]
    public async Task RefusedRoutesIntoTargeted_AreExplained(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext(Officer, Clock);
        var s = For(db);
        var universal = await new TestData(db).CreateChildAsync(tier: Tier.Universal);
        var fsb = await new TestData(db).CreateChildAsync(tier: Tier.FlexibleShortBreaks);

        var (_, notFsb) = await s.Plans.StartAsync(universal.Id, PlanPurpose.StepUp, null, Content(PaHours(2)));
        notFsb.Errors.ShouldContain(e => e.Message.Contains("A step up to Targeted Short Breaks is from Flexible Short Breaks"));
        var (_, noRas) = await s.Plans.StartAsync(fsb.Id, PlanPurpose.StepUp, null, Content(PaHours(2)));
        noRas.Errors.ShouldContain(e => e.Field == "RasAssessmentId");
        var (_, direct) = await s.Plans.StartAsync(fsb.Id, PlanPurpose.Targeted, null, Content(PaHours(2)));
        direct.Errors.ShouldContain(e => e.Message.Contains("reached by a step up from Flexible Short Breaks or a step down from social care"));
        var move = await s.Tiers.MoveAsync(fsb.Id, TierMove.StepUpToTargeted, "Because", fsb.Version);
        move.Errors.ShouldContain(e => e.Message.Contains("the child moves when the plan is approved"));
        (await db.SupportPlans.CountAsync()).ShouldBe(0);
    }

    [SkippableTheory, AllDatabases]
    public async Task ALowerBudget_TakesEffectAfterNotice_WithALetter_AndTheOldPackageContinues(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext(Officer, Clock);
        var s = For(db);
        var child = await new TestData(db).CreateChildAsync(tier: Tier.SocialCare);
        var (plan, _) = await s.Plans.StartAsync(child.Id, PlanPurpose.StepDownFromSocialCare, null, Content(PaHours(4)));
        var first = await ApproveAsync(s, plan!.Id, 1, "Package carried over as it was.");
        first.ApprovalRoute.ShouldBe(PlanApprovalRoute.Panel);
        (await db.Children.AsNoTracking().SingleAsync(c => c.Id == child.Id)).Tier.ShouldBe(Tier.TargetedShortBreaks);

        var seen = (await db.SupportPlans.AsNoTracking().SingleAsync(p => p.Id == plan.Id)).Version;
        var (second, changed) = await s.Plans.ChangeAsync(plan.Id, 1, Content(PaHours(2)), "Two hours a week: Maya now goes to an after-school club.", seen);
        changed.Errors.ShouldBeEmpty();
        var agreed = await AgreeBothAsync(s, plan.Id, 2);
        seen = (await db.SupportPlans.AsNoTracking().SingleAsync(p => p.Id == plan.Id)).Version;
        (await s.Approvals.ManagerDecideAsync(agreed.Id, true, "Agreed at review.", seen)).Errors.ShouldBeEmpty();

        var notice = await db.BudgetNotices.AsNoTracking().SingleAsync(n => n.ChildId == child.Id);
        notice.CurrentAnnualAmount.ShouldBe(4 * 52 * 12m);
        notice.NewAnnualAmount.ShouldBe(2 * 52 * 12m);
        notice.TakesEffectOn.ShouldBe(Today.AddMonths(3));
        (await s.Plans.InForceAsync(plan.Id, Today))!.Number.ShouldBe(1, "the old package continues during the notice");
        (await s.Plans.InForceAsync(plan.Id, Today.AddMonths(3).AddDays(-1)))!.Number.ShouldBe(1);
        (await s.Plans.InForceAsync(plan.Id, Today.AddMonths(3)))!.Number.ShouldBe(2);

        var letter = await db.Letters.AsNoTracking().SingleAsync(l => l.Id == notice.LetterId);
        letter.Kind.ShouldBe(LetterKinds.NoticeOfChange);
        letter.VisibleToFamily.ShouldBeTrue();
        letter.BodyHtml.ShouldContain("£2,496");
        letter.BodyHtml.ShouldContain("£1,248");
        letter.BodyHtml.ShouldContain("23 February 2027");
        letter.BodyHtml.ShouldContain("after-school club");
        letter.BodyHtml.ShouldContain("look at this decision again");
    }

    [SkippableTheory, AllDatabases]
    public async Task AReconsiderationUpheld_WithdrawsTheLowerBudget(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext(Officer, Clock);
        var s = For(db);
        var child = await new TestData(db).CreateChildAsync(tier: Tier.SocialCare);
        var (plan, _) = await s.Plans.StartAsync(child.Id, PlanPurpose.StepDownFromSocialCare, null, Content(PaHours(4)));
        await ApproveAsync(s, plan!.Id, 1, "Carried over.");
        await s.Plans.ChangeAsync(plan.Id, 1, Content(PaHours(1)), "One hour a week.", (await db.SupportPlans.AsNoTracking().SingleAsync()).Version);
        var lower = await AgreeBothAsync(s, plan.Id, 2);
        await s.Approvals.ManagerDecideAsync(lower.Id, true, "Review.", (await db.SupportPlans.AsNoTracking().SingleAsync()).Version);
        var notice = await db.BudgetNotices.AsNoTracking().SingleAsync();

        (await s.Panel.RequestReconsiderationAsync(notice.Id, "", notice.Version)).Errors.ShouldContain(e => e.Field == "Why");
        (await s.Panel.RequestReconsiderationAsync(notice.Id, "The review missed that Maya's nights got worse.", notice.Version)).Errors.ShouldBeEmpty();
        var item = (await s.Panel.AgendaAsync()).Items.ShouldHaveSingleItem();
        item.Kind.ShouldBe(PanelItemKind.Reconsideration);
        (await s.Panel.DecideAsync(item.Id, PanelOutcome.Approved, "Nights have got worse; the support stays.", item.Version)).Errors.ShouldBeEmpty();

        (await db.BudgetNotices.AsNoTracking().SingleAsync()).Status.ShouldBe(BudgetNoticeStatus.Withdrawn);
        (await s.Plans.InForceAsync(plan.Id, Today.AddYears(1)))!.Number.ShouldBe(1, "the lower budget never takes effect");
    }

    [SkippableTheory, AllDatabases]
    public async Task AHigherBudget_GoesToThePanel(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext(Officer, Clock);
        var s = For(db);
        var child = await new TestData(db).CreateChildAsync(tier: Tier.SocialCare);
        var (plan, _) = await s.Plans.StartAsync(child.Id, PlanPurpose.StepDownFromSocialCare, null, Content(PaHours(2)));
        await ApproveAsync(s, plan!.Id, 1, "Carried over.");
        await s.Plans.ChangeAsync(plan.Id, 1, Content(PaHours(3)), "Three hours a week.", (await db.SupportPlans.AsNoTracking().SingleAsync()).Version);

        var higher = await AgreeBothAsync(s, plan.Id, 2);

        higher.ApprovalRoute.ShouldBe(PlanApprovalRoute.Panel);
        higher.ApprovalReason.ShouldBe("Costs £624.00 a year more than the plan in force (£1,248.00)");
        (await s.Panel.AgendaAsync()).Items.ShouldHaveSingleItem().Kind.ShouldBe(PanelItemKind.HigherBudget);
    }

    [SkippableTheory, AllDatabases]
    public async Task TwoPeopleChangingTheSameVersion_OneWins_TheOtherIsTold(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Guid planId;
        long seen;
        await using (var db = database.NewContext(Officer, Clock))
        {
            var child = await new TestData(db).CreateChildAsync(tier: Tier.SocialCare);
            var (plan, _) = await For(db).Plans.StartAsync(child.Id, PlanPurpose.StepDownFromSocialCare, null, Content(PaHours(2)));
            planId = plan!.Id;
            seen = plan.Version;
        }

        await using (var first = database.NewContext(Officer, Clock))
            (await For(first).Plans.ChangeAsync(planId, 1, Content(PaHours(3)), "Three hours", seen)).Result.Succeeded.ShouldBeTrue();
        await using (var second = database.NewContext(new Actor { UserId = "o2", Name = "Tom Barker" }, Clock))
        {
            var (_, result) = await For(second).Plans.ChangeAsync(planId, 1, Content(PaHours(5)), "Five hours", seen);
            result.Conflict.ShouldBeTrue();
            result.Errors.ShouldContain(e => e.Message.Contains("Nothing you entered has been lost"));
        }

        await using var check = database.NewContext();
        var versions = await check.PlanVersions.AsNoTracking().Where(v => v.PlanId == planId).OrderBy(v => v.Number).ToListAsync();
        versions.Select(v => (v.Number, v.Status)).ShouldBe([(1, PlanVersionStatus.Superseded), (2, PlanVersionStatus.Draft)]);
        versions[1].ChangeSummary.ShouldBe("Three hours");
    }

    [SkippableTheory, AllDatabases]
    public async Task StepDown_WithResidentialNights_StartsTheSixMonthlyReviews_AndStepDownToFlexibleEndsThePlan(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext(Officer, Clock);
        var s = For(db);
        var child = await new TestData(db).CreateChildAsync(tier: Tier.SocialCare);
        var nights = new SupportLine
        {
            Description = "Overnights at Willow House", Type = SupportType.ResidentialNight, Quantity = 24, Frequency = SupportFrequency.PerYear,
            UnitCost = 535m, Route = PaymentRoute.CommissionedFromProvider, ProvidedBy = "Willow House",
        };
        var (plan, started) = await s.Plans.StartAsync(child.Id, PlanPurpose.StepDownFromSocialCare, null, Content(nights, PaHours(2)));
        started.Errors.ShouldBeEmpty();
        plan!.NextReviewDue.ShouldBe(Today.AddMonths(6));
        plan.ReviewSchedule!.ShouldContain("section 17(6)");
        var version = await s.Plans.VersionAsync(plan.Id, 1);
        version!.Origin.ShouldBe("Carried over from social care as it was");
        version.Lines.Single(l => l.Type == SupportType.ResidentialNight).ProvidedBy.ShouldBe("Willow House");

        await ApproveAsync(s, plan.Id, 1, "Carried over.");
        var tsb = await db.Children.AsNoTracking().SingleAsync(c => c.Id == child.Id);
        tsb.Tier.ShouldBe(Tier.TargetedShortBreaks);

        (await s.Tiers.MoveAsync(child.Id, TierMove.StepDownToFlexible, "Needs met by the core offer now.", tsb.Version)).Errors.ShouldBeEmpty();
        (await db.SupportPlans.AsNoTracking().SingleAsync()).EndedAt.ShouldNotBeNull();
        (await db.TierChanges.AsNoTracking().OrderBy(t => t.At).Select(t => t.Move).ToListAsync())
            .ShouldBe([TierMove.StepDownFromSocialCare, TierMove.StepDownToFlexible]);
    }

    [SkippableTheory, AllDatabases]
    public async Task AdultTransfer_IsRecordedOnlyInThePlanningWindow_AndListed(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext(Officer, Clock);
        var s = For(db);
        var soon = await new TestData(db).CreateChildAsync(tier: Tier.TargetedShortBreaks, dateOfBirth: Today.AddYears(-18).AddMonths(6));
        var later = await new TestData(db).CreateChildAsync(tier: Tier.TargetedShortBreaks, dateOfBirth: Today.AddYears(-16));

        (await s.Tiers.AdultTransfersDueAsync()).Select(x => x.Child.Id).ShouldBe([soon.Id]);
        (await s.Tiers.MoveAsync(later.Id, TierMove.TransferToAdultServices, "Handover", later.Version)).Errors
            .ShouldContain(e => e.Message.Contains("moves to adult services on"));
        (await s.Tiers.MoveAsync(soon.Id, TierMove.TransferToAdultServices, "Handed over to the adult disability team.", soon.Version)).Errors.ShouldBeEmpty();
        (await db.Children.AsNoTracking().SingleAsync(c => c.Id == soon.Id)).Tier.ShouldBe(Tier.None);
    }

    [SkippableTheory, AllDatabases]
    public async Task APlanNotApproved_StaysOutOfForce_AndTheFamilyGetsALetterWithTheReasons(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext(Officer, Clock);
        var s = For(db);
        var child = await new TestData(db).CreateChildAsync(tier: Tier.FlexibleShortBreaks);
        var assessment = await CompletedAssessmentAsync(db, child.Id, 1800m);
        var (plan, _) = await s.Plans.StartAsync(child.Id, PlanPurpose.StepUp, assessment, Content(PaHours(4)));
        await AgreeBothAsync(s, plan!.Id, 1);
        var item = (await s.Panel.AgendaAsync()).Items.Single();
        item.Summary.ShouldBe("Entry to Targeted Short Breaks");

        (await s.Panel.DecideAsync(item.Id, PanelOutcome.NotApproved, "The needs can be met within Flexible Short Breaks with a provider.", item.Version)).Errors.ShouldBeEmpty();

        (await db.Children.AsNoTracking().SingleAsync(c => c.Id == child.Id)).Tier.ShouldBe(Tier.FlexibleShortBreaks);
        (await s.Plans.InForceAsync(plan.Id, Today.AddYears(1))).ShouldBeNull();
        var letter = await db.Letters.AsNoTracking().SingleAsync(l => l.ChildId == child.Id);
        letter.Title.ShouldBe($"{child.FirstName}'s support plan was not approved");
        letter.BodyHtml.ShouldContain("can be met within Flexible Short Breaks");
        letter.BodyHtml.ShouldContain("look at this decision again");
    }

    [SkippableTheory, AllDatabases]
    public async Task SeventyFiveResidentialNightsOrMore_AreNotASection17_6Package(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext(Officer, Clock);
        var s = For(db);
        var child = await new TestData(db).CreateChildAsync(tier: Tier.SocialCare);
        var nights = new SupportLine
        {
            Description = "Overnights", Type = SupportType.ResidentialNight, Quantity = 75, Frequency = SupportFrequency.PerYear,
            UnitCost = 500m, Route = PaymentRoute.CommissionedFromProvider,
        };
        var (plan, result) = await s.Plans.StartAsync(child.Id, PlanPurpose.StepDownFromSocialCare, null, Content(nights));
        result.Errors.ShouldBeEmpty();
        plan!.ReviewSchedule!.ShouldStartWith("Annual review", Case.Sensitive, "a package carried over from social care without a RAS assessment is reviewed once a year");
    }

    [SkippableTheory, AllDatabases]
    public async Task AgreeingNeedsAnOutcomeAndALine(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext(Officer, Clock);
        var s = For(db);
        var child = await new TestData(db).CreateChildAsync(tier: Tier.SocialCare);
        var (plan, _) = await s.Plans.StartAsync(child.Id, PlanPurpose.StepDownFromSocialCare, null, Content() with { Outcomes = [] });
        var version = await s.Plans.VersionAsync(plan!.Id, 1);
        var result = await s.Approvals.AgreeAsync(version!.Id, asFamily: true, plan.Version);
        result.Errors.Select(e => e.Message).ShouldBe(["Add at least one outcome before the plan is agreed", "Add at least one line of support before the plan is agreed"], ignoreOrder: true);
    }
}
