using ShortBreaks.Core.Children;
using ShortBreaks.Core.Plans;
using ShortBreaks.Core.Schemes;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Core.Tests.Plans;

/// <summary>The pure rules for when a lower budget applies, who approves a step down, and when a plan is reviewed.</summary>
public sealed class NoticeAndReviewRulesTests
{
    private static readonly Scheme Scheme = ShippedSchemes.Scheme2026_1;
    private static readonly DateOnly Day = new(2026, 11, 23);

    [Fact]
    public void ALowerBudget_AppliesAfterTheNoticePeriod_OrWhenTheRasVersionStartsIfLater()
    {
        NoticeDates.LowerBudgetFrom(Day, Scheme.Reviews.ReductionNoticeMonths).ShouldBe(new DateOnly(2027, 2, 23));
        NoticeDates.LowerBudgetFrom(Day, 3, notBefore: new DateOnly(2027, 4, 1)).ShouldBe(new DateOnly(2027, 4, 1));
        NoticeDates.LowerBudgetFrom(Day, 3, notBefore: new DateOnly(2026, 12, 1)).ShouldBe(new DateOnly(2027, 2, 23));
        NoticeDates.LowerBudgetFrom(new DateOnly(2026, 11, 30), 3).ShouldBe(new DateOnly(2027, 2, 28), "the end of a shorter month");
    }

    [Fact]
    public void AfterAReconsiderationNotUpheld_TheLowerBudgetAppliesOnTheLaterOfItsNoticeDateAndTheDecision()
    {
        var noticeDate = new DateOnly(2027, 2, 23);
        NoticeDates.AfterReconsideration(noticeDate, new DateOnly(2027, 1, 10)).ShouldBe(noticeDate);
        NoticeDates.AfterReconsideration(noticeDate, new DateOnly(2027, 3, 15)).ShouldBe(new DateOnly(2027, 3, 15));
    }

    [Fact]
    public void AStepDownFromSocialCare_GoesToThePanel_UnlessTheSchemeSaysOtherwise()
    {
        var route = PlanApproval.For(PlanSettings.Defaults, TierMove.StepDownFromSocialCare, 2400m, null, null);
        route.By.ShouldBe(PlanApprovalRoute.Panel);
        route.PanelKind.ShouldBe(PanelItemKind.EntryToTargeted);

        PlanApproval.For(PlanSettings.Defaults with { PanelForEntryToTargeted = false }, TierMove.StepDownFromSocialCare, 2400m, null, null).By
            .ShouldBe(PlanApprovalRoute.Manager, "it follows entry to Targeted Short Breaks when the scheme does not set it");
        PlanApproval.For(PlanSettings.Defaults with { PanelForStepDownFromSocialCare = false }, TierMove.StepDownFromSocialCare, 2400m, null, null).By
            .ShouldBe(PlanApprovalRoute.Manager);
        PlanApproval.For(PlanSettings.Defaults with { PanelForEntryToTargeted = false, PanelForStepDownFromSocialCare = true }, TierMove.StepDownFromSocialCare, 2400m, null, null).By
            .ShouldBe(PlanApprovalRoute.Panel);
    }

    [Theory]
    [InlineData(24, false, ReviewKind.Section17_6)]
    [InlineData(74, true, ReviewKind.Section17_6)]
    [InlineData(75, true, ReviewKind.RasPackage)]
    [InlineData(0, true, ReviewKind.RasPackage)]
    [InlineData(75, false, ReviewKind.Annual)]
    [InlineData(0, false, ReviewKind.Annual)]
    public void TheReviewSchedule_FollowsWhatThePlanBuys(int residentialNights, bool rasPackage, ReviewKind expected)
    {
        var schedule = ReviewSchedules.For(Scheme.Reviews, Scheme.OvernightRates.Section17_6MaximumNightsPerYear, residentialNights, rasPackage, Day, null);

        schedule.Kind.ShouldBe(expected);
        var months = expected switch
        {
            ReviewKind.Section17_6 => Scheme.Reviews.Section17_6ReviewMonths,
            ReviewKind.RasPackage => Scheme.Reviews.RasPackageReviewMonths,
            _ => 12,
        };
        schedule.NextDue.ShouldBe(Day.AddMonths(months));
        schedule.EveryMonths.ShouldBe(months);
    }

    [Fact]
    public void TheAnnualReview_IsHeldWithTheEhcPlanReview_WhenThatComesFirst()
    {
        var limit = Scheme.OvernightRates.Section17_6MaximumNightsPerYear;
        var annual = ReviewSchedules.For(Scheme.Reviews, limit, 0, false, Day, new DateOnly(2025, 3, 10));
        annual.NextDue.ShouldBe(new DateOnly(2027, 3, 10), "last year's EHC review date comes round again in March");
        annual.Description.ShouldContain("EHC plan review");

        var sixMonthly = ReviewSchedules.For(Scheme.Reviews, limit, 0, true, Day, new DateOnly(2027, 1, 15));
        sixMonthly.NextDue.ShouldBe(new DateOnly(2027, 1, 15));

        var later = ReviewSchedules.For(Scheme.Reviews, limit, 0, true, Day, new DateOnly(2027, 9, 1));
        later.NextDue.ShouldBe(Day.AddMonths(Scheme.Reviews.RasPackageReviewMonths), "an EHC review after the next six-monthly review does not delay it");
        later.Description.ShouldNotContain("EHC");
    }
}
