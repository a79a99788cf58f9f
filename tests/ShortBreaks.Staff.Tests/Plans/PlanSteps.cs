using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShortBreaks.Core.Auditing;
using ShortBreaks.Core.Calendar;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Plans;
using ShortBreaks.Core.Ras;
using ShortBreaks.Staff.Tests.Infrastructure;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Staff.Tests.Plans;

/// <summary>Children part way through a step up, made through the real services as an officer and a family would.</summary>
public static class PlanSteps
{
    public sealed record StepUp(Child Child, Guid PlanId, Guid AssessmentId, Guid? PanelItemId);

    public static PlanContent Content(decimal hoursPerWeek, DateOnly? start = null)
    {
        var from = start ?? UkCalendar.DateOf(DateTime.UtcNow);
        return new PlanContent
        {
            WhatMattersToMe = "Swimming with my friends, and my dog Biscuit.",
            HowBestToSupportMe = "Tell me what is happening next, with pictures.",
            MyCommunication = "I use Makaton and some words.",
            PeriodStart = from,
            PeriodEnd = from.AddYears(1).AddDays(-1),
            Outcomes = [new OutcomeInput("Go swimming once a week with a friend", OutcomeTerm.Short, from.AddMonths(3), "Swimming happens most weeks")],
            Lines =
            [
                new SupportLine { Description = "Personal assistant", Type = SupportType.PersonalAssistantHours, Quantity = hoursPerWeek, Frequency = SupportFrequency.PerWeek, UnitCost = 12m, Route = PaymentRoute.DirectPayment, RateName = "weekday" },
                new SupportLine { Description = "Personal assistant", Type = SupportType.PersonalAssistantHours, Quantity = 1, Frequency = SupportFrequency.PerMonth, UnitCost = 14m, Route = PaymentRoute.DirectPayment, RateName = "weekend" },
            ],
            OnCosts = [new OnCost { Description = "Payroll service", MonthlyAmount = 10m, Route = PaymentRoute.DirectPayment }],
        };
    }

    /// <summary>A child on a tier with a completed RAS assessment scored by the engine.</summary>
    public static async Task<(Child Child, Guid AssessmentId)> AssessedChildAsync(this WebAppFactory factory, Tier tier = Tier.FlexibleShortBreaks)
    {
        var child = await factory.Data.ChildAsync(c => { c.Tier = tier; c.DateOfBirth = UkCalendar.DateOf(DateTime.UtcNow).AddYears(-10).AddDays(-30); });
        using var scope = factory.Services.CreateScope();
        var actor = scope.ServiceProvider.GetRequiredService<Actor>();
        actor.UserId = "officer-1";
        actor.Name = "Amira Hughes";
        return (child, await CompleteRasAsync(scope.ServiceProvider, child.Id));
    }

    private static async Task<Guid> CompleteRasAsync(IServiceProvider services, Guid childId)
    {
        var assessments = services.GetRequiredService<RasAssessmentService>();
        var catalog = services.GetRequiredService<RasSchemeCatalog>();
        var phase = catalog.InForceOn(UkCalendar.DateOf(DateTime.UtcNow)).Phases.Single(p => p.Id == "primary");
        var assessment = await assessments.StartAsync(childId);
        var answers = new RasAnswers
        {
            PhaseId = "primary",
            AgeYears = 10,
            Levels = phase.Questionnaire.Domains.SelectMany(d => d.Questions).Select((q, i) => (q.Id, Level: i < 20 ? "lots" : "some")).ToDictionary(x => x.Id, x => x.Level),
        };
        (await assessments.SaveAnswersAsync(assessment, answers, assessment.Version)).Succeeded.ShouldBeTrue();
        (await assessments.CompleteAsync(assessment, assessment.Version)).Errors.ShouldBeEmpty();
        return assessment.Id;
    }

    /// <summary>A child on Flexible Short Breaks with a completed RAS, a step-up plan agreed by both, waiting for the panel.</summary>
    public static async Task<StepUp> StepUpAwaitingPanelAsync(this WebAppFactory factory, decimal hoursPerWeek = 3)
    {
        var child = await factory.Data.ChildAsync(c => { c.Tier = Tier.FlexibleShortBreaks; c.DateOfBirth = UkCalendar.DateOf(DateTime.UtcNow).AddYears(-10).AddDays(-30); });
        using var scope = factory.Services.CreateScope();
        var actor = scope.ServiceProvider.GetRequiredService<Actor>();
        actor.UserId = "officer-1";
        actor.Name = "Amira Hughes";
        var assessments = scope.ServiceProvider.GetRequiredService<RasAssessmentService>();
        var catalog = scope.ServiceProvider.GetRequiredService<RasSchemeCatalog>();
        var phase = catalog.InForceOn(UkCalendar.DateOf(DateTime.UtcNow)).Phases.Single(p => p.Id == "primary");
        var assessment = await assessments.StartAsync(child.Id);
        var answers = new RasAnswers
        {
            PhaseId = "primary",
            AgeYears = 10,
            Levels = phase.Questionnaire.Domains.SelectMany(d => d.Questions).Select((q, i) => (q.Id, Level: i < 20 ? "lots" : "some")).ToDictionary(x => x.Id, x => x.Level),
        };
        (await assessments.SaveAnswersAsync(assessment, answers, assessment.Version)).Succeeded.ShouldBeTrue();
        var completed = await assessments.CompleteAsync(assessment, assessment.Version);
        completed.Errors.ShouldBeEmpty();

        var plans = scope.ServiceProvider.GetRequiredService<PlanService>();
        var (plan, started) = await plans.StartAsync(child.Id, PlanPurpose.StepUp, assessment.Id, Content(hoursPerWeek));
        started.Errors.ShouldBeEmpty();
        var db = scope.ServiceProvider.GetRequiredService<Core.Data.ShortBreaksDbContext>();
        var version = await db.PlanVersions.AsNoTracking().SingleAsync(v => v.PlanId == plan!.Id);
        var approvals = scope.ServiceProvider.GetRequiredService<PlanApprovalService>();
        (await approvals.AgreeAsync(version.Id, asFamily: true, await db.SupportPlans.AsNoTracking().Where(p => p.Id == plan!.Id).Select(p => p.Version).SingleAsync())).Errors.ShouldBeEmpty();
        (await approvals.AgreeAsync(version.Id, asFamily: false, await db.SupportPlans.AsNoTracking().Where(p => p.Id == plan!.Id).Select(p => p.Version).SingleAsync())).Errors.ShouldBeEmpty();
        var item = await db.PanelItems.AsNoTracking().Where(p => p.PlanVersionId == version.Id).Select(p => (Guid?)p.Id).SingleOrDefaultAsync();
        return new StepUp(child, plan!.Id, assessment.Id, item);
    }

    /// <summary>A child on social care with a step-down plan whose first version is a draft nobody has agreed yet.</summary>
    public static async Task<(Child Child, Guid PlanId)> StepDownDraftAsync(this WebAppFactory factory, decimal hoursPerWeek = 3)
    {
        var child = await factory.Data.ChildAsync(c => c.Tier = Tier.SocialCare);
        using var scope = factory.Services.CreateScope();
        var actor = scope.ServiceProvider.GetRequiredService<Actor>();
        actor.UserId = "officer-1";
        actor.Name = "Amira Hughes";
        var (plan, started) = await scope.ServiceProvider.GetRequiredService<PlanService>().StartAsync(child.Id, PlanPurpose.StepDownFromSocialCare, null, Content(hoursPerWeek));
        started.Errors.ShouldBeEmpty();
        return (child, plan!.Id);
    }

    /// <summary>Agrees a version as the family and the officer, and approves it by its route (a manager or the panel).</summary>
    public static async Task ApproveVersionAsync(this WebAppFactory factory, Guid planId, int number)
    {
        using var scope = factory.Services.CreateScope();
        var actor = scope.ServiceProvider.GetRequiredService<Actor>();
        actor.UserId = "manager-1";
        actor.Name = "Grace Okafor";
        var plans = scope.ServiceProvider.GetRequiredService<PlanApprovalService>();
        var db = scope.ServiceProvider.GetRequiredService<ShortBreaks.Core.Data.ShortBreaksDbContext>();
        Task<long> SeenAsync() => db.SupportPlans.AsNoTracking().Where(p => p.Id == planId).Select(p => p.Version).SingleAsync();
        var version = await db.PlanVersions.AsNoTracking().SingleAsync(v => v.PlanId == planId && v.Number == number);
        (await plans.AgreeAsync(version.Id, true, await SeenAsync())).Errors.ShouldBeEmpty();
        (await plans.AgreeAsync(version.Id, false, await SeenAsync())).Errors.ShouldBeEmpty();
        version = await db.PlanVersions.AsNoTracking().SingleAsync(v => v.Id == version.Id);
        if (version.ApprovalRoute == PlanApprovalRoute.Panel)
        {
            var panel = scope.ServiceProvider.GetRequiredService<PanelService>();
            var item = (await panel.AgendaAsync()).Items.Single(i => i.PlanVersionId == version.Id);
            (await panel.DecideAsync(item.Id, PanelOutcome.Approved, "Agreed.", item.Version)).Errors.ShouldBeEmpty();
        }
        else if (version.ApprovalRoute == PlanApprovalRoute.Manager)
        {
            (await plans.ManagerDecideAsync(version.Id, true, "Agreed.", await SeenAsync())).Errors.ShouldBeEmpty();
        }
    }

    /// <summary>Changes a plan as an officer would: a new version from the one seen, with what changed.</summary>
    public static async Task ChangePlanAsync(this WebAppFactory factory, Guid planId, int fromNumber, PlanContent content, string summary)
    {
        using var scope = factory.Services.CreateScope();
        var actor = scope.ServiceProvider.GetRequiredService<Actor>();
        actor.UserId = "officer-1";
        actor.Name = "Amira Hughes";
        var db = scope.ServiceProvider.GetRequiredService<ShortBreaks.Core.Data.ShortBreaksDbContext>();
        var seen = await db.SupportPlans.AsNoTracking().Where(p => p.Id == planId).Select(p => p.Version).SingleAsync();
        var changed = await scope.ServiceProvider.GetRequiredService<PlanService>().ChangeAsync(planId, fromNumber, content, summary, seen);
        changed.Result.Errors.ShouldBeEmpty();
    }
}
