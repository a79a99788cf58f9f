using ShortBreaks.Core.Calendar;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Plans;

namespace ShortBreaks.TestCommon;

public sealed partial class TestData
{
    /// <summary>
    /// A child on Targeted Short Breaks with an approved plan, in force from today for a year, whose direct payment line
    /// costs <paramref name="annual"/> a year (and a provider line that is not paid directly), linked to
    /// <paramref name="familyUserId"/> as their mother when given: what a direct payment is set up from.
    /// </summary>
    public async Task<(Child Child, Guid PlanId)> ChildWithDirectPaymentPlanAsync(string? familyUserId = null, decimal annual = 2808m)
    {
        var child = await ChildAsync(c => c.Tier = Tier.TargetedShortBreaks);
        var planId = await WithDbAsync(async db =>
        {
            var now = db.UtcNow;
            var today = db.Today;
            if (familyUserId is not null) db.ChildFamilyMembers.Add(new ChildFamilyMember { ChildId = child.Id, UserId = familyUserId, Relationship = "Mother", AddedAt = now });
            var plan = new SupportPlan { ChildId = child.Id, CreatedAt = now, CreatedByName = "Amira Hughes", LatestNumber = 1, ApprovedNumber = 1 };
            var version = new PlanVersion
            {
                PlanId = plan.Id, ChildId = child.Id, Number = 1, Status = PlanVersionStatus.Approved, PeriodStart = today, PeriodEnd = today.AddYears(1).AddDays(-1),
                AnnualCost = annual + 500m, PeriodCost = annual + 500m, CreatedAt = now, CreatedByName = "Amira Hughes", EffectiveFrom = today, DecidedAt = now, DecidedByName = "Team Manager",
            };
            version.Outcomes.Add(new PlanOutcome { PlanVersionId = version.Id, Order = 1, What = "Go swimming once a week with a friend", Term = OutcomeTerm.Short, HowWeWillKnow = "Swimming happens" });
            version.Lines.Add(new PlanSupportLine { PlanVersionId = version.Id, Order = 1, Description = "Personal assistant", Type = SupportType.Activity, Quantity = 1, Frequency = SupportFrequency.PerYear, UnitCost = annual, Route = PaymentRoute.DirectPayment });
            version.Lines.Add(new PlanSupportLine { PlanVersionId = version.Id, Order = 2, Description = "Youth club", Type = SupportType.Activity, Quantity = 1, Frequency = SupportFrequency.PerYear, UnitCost = 500m, Route = PaymentRoute.CommissionedFromProvider });
            db.SupportPlans.Add(plan);
            db.PlanVersions.Add(version);
            await db.SaveChangesAsync();
            return plan.Id;
        });
        return (child, planId);
    }
}
