using ShortBreaks.Core.Children;
using ShortBreaks.Core.Eligibility;
using ShortBreaks.Core.Plans;
using ShortBreaks.Core.Requests;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Core.Tests.Requests;

/// <summary>The pure rules of requests: threshold decisions, the decide-by date, and what a family may see.</summary>
public sealed class DecisionRulesTests
{
    private static readonly EligibilityResult AllMet = new("2026.1",
        [new("age", "Aged 5 to 17", CriterionOutcome.Met, "Aged 9."), new("evidence", "Evidence of the child's disability", CriterionOutcome.Met, "A letter.")]);

    private static readonly EligibilityResult EvidenceUnknown = new("2026.1",
        [new("age", "Aged 5 to 17", CriterionOutcome.Met, "Aged 9."), new("evidence", "Evidence of the child's disability", CriterionOutcome.Unknown, "Check it.")]);

    private static Child On(Tier tier) => new() { FirstName = "Maya", Tier = tier };

    [Theory]
    [InlineData("Universal", DecisionOutcome.Universal)]
    [InlineData("flexibleshortbreaksapproved", DecisionOutcome.FlexibleShortBreaksApproved)]
    [InlineData(" ReferToSocialCare ", DecisionOutcome.ReferToSocialCare)]
    [InlineData("SAFEGUARDING", DecisionOutcome.Safeguarding)]
    [InlineData("TargetedShortBreaks", null)]
    [InlineData("1", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Parse_AcceptsOnlyTheOutcomesOfARequestByName(string? text, DecisionOutcome? expected) =>
        ThresholdDecisions.Parse(text).ShouldBe(expected);

    [Fact]
    public void Check_AnOutcomeThatIsNotOne_IsRefused() =>
        ThresholdDecisions.Check((DecisionOutcome)99, "Reasons.", true, AllMet, On(Tier.None)).ShouldBe([new FieldError("Outcome", "Select a decision")]);

    [Fact]
    public void Check_FlexibleShortBreaks_NeedsEveryCriterionMet_AndAChildNotAlreadyHigher()
    {
        ThresholdDecisions.Check(DecisionOutcome.FlexibleShortBreaksApproved, "Reasons.", true, AllMet, On(Tier.Universal)).ShouldBeEmpty();
        ThresholdDecisions.Check(DecisionOutcome.FlexibleShortBreaksApproved, "Reasons.", true, EvidenceUnknown, On(Tier.None)).ShouldHaveSingleItem()
            .Message.ShouldEndWith("Not met: evidence of the child's disability");
        ThresholdDecisions.Check(DecisionOutcome.FlexibleShortBreaksApproved, "Reasons.", true, AllMet, On(Tier.TargetedShortBreaks)).ShouldHaveSingleItem()
            .Message.ShouldBe("Maya is already on Targeted Short Breaks: a move to Flexible Short Breaks is a step down, not a new request");
    }

    [Fact]
    public void Check_OnlyASafeguardingConcernMayBeDecidedBeforeTheChildIsConfirmed_AndReasonsAreAlwaysNeeded()
    {
        ThresholdDecisions.Check(DecisionOutcome.Safeguarding, "An injury.", false, EvidenceUnknown, null).ShouldBeEmpty();
        ThresholdDecisions.Check(DecisionOutcome.Universal, " ", false, EvidenceUnknown, null).Select(e => e.Field).ShouldBe(["Reasons", "ChildId"]);
    }

    [Theory]
    [InlineData(DecisionOutcome.FlexibleShortBreaksApproved, Tier.None, TierMove.FlexibleShortBreaksApproved)]
    [InlineData(DecisionOutcome.FlexibleShortBreaksApproved, Tier.Universal, TierMove.FlexibleShortBreaksApproved)]
    [InlineData(DecisionOutcome.FlexibleShortBreaksApproved, Tier.FlexibleShortBreaks, null)]
    [InlineData(DecisionOutcome.Universal, Tier.None, null)]
    [InlineData(DecisionOutcome.ReferToSocialCare, Tier.FlexibleShortBreaks, null)]
    public void MoveFor_OnlyApprovingFlexibleShortBreaksForAChildNotOnThemMovesTheTier(DecisionOutcome outcome, Tier from, TierMove? move)
    {
        ThresholdDecisions.MoveFor(outcome, from).ShouldBe(move);
        if (move is { } m) TierMoves.Apply(from, m).To.ShouldBe(Tier.FlexibleShortBreaks);
    }

    [Fact]
    public void ASafeguardingConcern_RoutesToTheMashAndTellsTheFamilyNothing()
    {
        ThresholdDecisions.StatusAfter(DecisionOutcome.Safeguarding).ShouldBe(RequestStatus.RoutedToMash);
        ThresholdDecisions.TellsFamily(DecisionOutcome.Safeguarding).ShouldBeFalse();
        ThresholdDecisions.ReferralFor(DecisionOutcome.Safeguarding).ShouldBe(ReferralKind.MultiAgencySafeguardingHub);
        ThresholdDecisions.Outcomes.Where(o => o != DecisionOutcome.Safeguarding).ShouldAllBe(o => ThresholdDecisions.StatusAfter(o) == RequestStatus.Decided && ThresholdDecisions.TellsFamily(o));
    }

    [Fact]
    public void DecideBy_CountsWorkingDaysFromTheDaySent_SkippingWeekendsAndBankHolidays()
    {
        var triage = ShippedSchemes.Scheme2026_1.Triage with { DecisionTargetWorkingDays = 3, DueSoonWorkingDays = 1 };

        // Sent on Wednesday 23 December 2026: Christmas Day and the Boxing Day holiday (Monday 28th) are not counted.
        var sent = new DateTime(2026, 12, 23, 16, 0, 0, DateTimeKind.Utc);
        DecisionTarget.DueBy(sent, triage, ShippedSchemes.WorkingDays).ShouldBe(new DateOnly(2026, 12, 30));
        DecisionTarget.Waiting(sent, new DateOnly(2026, 12, 29), triage, ShippedSchemes.WorkingDays)
            .ShouldBe(new WaitingTime(2, 3, new DateOnly(2026, 12, 30), WaitingState.DueSoon));
        DecisionTarget.Waiting(sent, new DateOnly(2026, 12, 31), triage, ShippedSchemes.WorkingDays).State.ShouldBe(WaitingState.Overdue);
    }

    [Fact]
    public void AFamily_NeverSeesASafeguardingReferral()
    {
        FamilyView.Status(RequestStatus.RoutedToMash).ShouldBe(RequestStatus.Submitted);
        FamilyView.Waiting(RequestStatus.RoutedToMash).ShouldBeTrue();
        FamilyView.SeesDecision(RequestStatus.RoutedToMash, DecisionOutcome.Safeguarding).ShouldBeFalse();
        FamilyView.SeesDecision(RequestStatus.Decided, DecisionOutcome.Universal).ShouldBeTrue();
        FamilyView.SeesDecision(RequestStatus.Submitted, null).ShouldBeFalse();

        var mashRequest = Guid.NewGuid();
        var routed = new HashSet<Guid> { mashRequest };
        FamilyView.SeesTimelineEvent(new TimelineEvent { Kind = TimelineKinds.Safeguarding }, routed).ShouldBeFalse();
        FamilyView.SeesTimelineEvent(new TimelineEvent { Kind = TimelineKinds.RequestMatched, RequestId = mashRequest }, routed).ShouldBeFalse();
        FamilyView.SeesTimelineEvent(new TimelineEvent { Kind = TimelineKinds.RequestSubmitted, RequestId = mashRequest }, routed).ShouldBeTrue();
        FamilyView.SeesTimelineEvent(new TimelineEvent { Kind = TimelineKinds.FamilyLinked }, routed).ShouldBeTrue();
    }

    [Fact]
    public void AFamily_OwnsOnlyTheRequestsTheirAccountSent()
    {
        var request = new ShortBreakRequest { FamilyUserId = "family-1" };
        FamilyView.OwnsRequest("family-1", request).ShouldBeTrue();
        FamilyView.OwnsRequest("family-2", request).ShouldBeFalse();
        FamilyView.OwnsRequest(null, new ShortBreakRequest()).ShouldBeFalse();
    }
}
