using Microsoft.EntityFrameworkCore;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Plans;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Staff.Tests.Plans;

/// <summary>The plan page's next review, after a plan is changed: worked out by the schedule of the version in force.</summary>
public sealed class ReviewDatePagesTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task NextReview_AfterAChangedVersionComesIntoForce_FollowsTheScheduleOfThatVersion()
    {
        var (child, planId) = await factory.StepDownDraftAsync();
        await factory.ApproveVersionAsync(planId, 1);
        var (officer, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);
        var first = await officer.GetPageAsync($"/staff/children/{child.Id}/plan");
        var firstPlan = await factory.Data.WithDbAsync(db => db.SupportPlans.AsNoTracking().SingleAsync(p => p.Id == planId));
        firstPlan.ReviewSchedule!.ShouldStartWith("Annual review");
        Page.Normalise(first.Get("#next-review").TextContent).ShouldBe($"{firstPlan.NextReviewDue:d MMMM yyyy} ({firstPlan.ReviewSchedule})");

        var threeHours = PlanSteps.Content(3);
        var overnights = threeHours with
        {
            Lines =
            [
                .. threeHours.Lines,
                new SupportLine
                {
                    Description = "Overnights at Willow House", Type = SupportType.ResidentialNight, Quantity = 24, Frequency = SupportFrequency.PerYear,
                    UnitCost = 500m, Route = PaymentRoute.CommissionedFromProvider, ProvidedBy = "Willow House",
                },
            ],
        };
        await factory.ChangePlanAsync(planId, 1, overnights, "Overnights at Willow House.");
        await factory.ApproveVersionAsync(planId, 2);

        var changed = await factory.Data.WithDbAsync(db => db.SupportPlans.AsNoTracking().SingleAsync(p => p.Id == planId));
        var inForce = await factory.Data.WithDbAsync(db => db.PlanVersions.AsNoTracking().SingleAsync(v => v.PlanId == planId && v.Number == 2));
        inForce.EffectiveFrom.ShouldNotBeNull("a higher budget comes into force when it is approved");
        changed.ReviewSchedule!.ShouldContain("section 17(6)");
        changed.NextReviewDue.ShouldBe(inForce.EffectiveFrom.Value.AddMonths(ShippedSchemes.Scheme2026_1.Reviews.Section17_6ReviewMonths),
            "counted from the day the changed version came into force");
        var page = await officer.GetPageAsync($"/staff/children/{child.Id}/plan");
        Page.Normalise(page.Get("#next-review").TextContent).ShouldBe($"{changed.NextReviewDue:d MMMM yyyy} ({changed.ReviewSchedule})");
    }
}
