using ShortBreaks.Core.Children;
using ShortBreaks.Core.Plans;

namespace ShortBreaks.Core.Tests.Plans;

/// <summary>Every allowed and every refused move between the tiers.</summary>
public sealed class TierMovesTests
{
    /// <summary>The whole table: from each tier, each move, where it leads (null when refused).</summary>
    private static readonly Dictionary<(Tier, TierMove), Tier?> Expected = new()
    {
        [(Tier.None, TierMove.FlexibleShortBreaksApproved)] = Tier.FlexibleShortBreaks,
        [(Tier.Universal, TierMove.FlexibleShortBreaksApproved)] = Tier.FlexibleShortBreaks,
        [(Tier.FlexibleShortBreaks, TierMove.StepUpToTargeted)] = Tier.TargetedShortBreaks,
        [(Tier.SocialCare, TierMove.StepDownFromSocialCare)] = Tier.TargetedShortBreaks,
        [(Tier.FlexibleShortBreaks, TierMove.StepUpToSocialCare)] = Tier.SocialCare,
        [(Tier.TargetedShortBreaks, TierMove.StepUpToSocialCare)] = Tier.SocialCare,
        [(Tier.TargetedShortBreaks, TierMove.StepDownToFlexible)] = Tier.FlexibleShortBreaks,
        [(Tier.FlexibleShortBreaks, TierMove.TransferToAdultServices)] = Tier.None,
        [(Tier.TargetedShortBreaks, TierMove.TransferToAdultServices)] = Tier.None,
        [(Tier.SocialCare, TierMove.TransferToAdultServices)] = Tier.None,
        [(Tier.Universal, TierMove.Closure)] = Tier.None,
        [(Tier.FlexibleShortBreaks, TierMove.Closure)] = Tier.None,
        [(Tier.TargetedShortBreaks, TierMove.Closure)] = Tier.None,
        [(Tier.SocialCare, TierMove.Closure)] = Tier.None,
    };

    public static TheoryData<Tier, TierMove> EveryPair()
    {
        var data = new TheoryData<Tier, TierMove>();
        foreach (var tier in Enum.GetValues<Tier>())
        {
            foreach (var move in Enum.GetValues<TierMove>())
                data.Add(tier, move);
        }

        return data;
    }

    [Theory, MemberData(nameof(EveryPair))]
    public void EachMove_FromEachTier_IsAllowedOrRefusedWithAReason(Tier from, TierMove move)
    {
        var (to, refusal) = TierMoves.Apply(from, move);
        if (Expected.TryGetValue((from, move), out var expected))
        {
            to.ShouldBe(expected);
            refusal.ShouldBeNull();
        }
        else
        {
            to.ShouldBeNull();
            refusal.ShouldNotBeNullOrWhiteSpace();
        }
    }

    [Fact]
    public void TargetedShortBreaks_AreEnteredOnlyByAStepUpFromFlexibleOrAStepDownFromSocialCare()
    {
        var ways = from tier in Enum.GetValues<Tier>()
                   from move in Enum.GetValues<TierMove>()
                   where tier != Tier.TargetedShortBreaks && TierMoves.Apply(tier, move).To == Tier.TargetedShortBreaks
                   select (tier, move);
        ways.ShouldBe([(Tier.FlexibleShortBreaks, TierMove.StepUpToTargeted), (Tier.SocialCare, TierMove.StepDownFromSocialCare)], ignoreOrder: true);

        TierMoves.Apply(Tier.Universal, TierMove.StepUpToTargeted).Refusal!.ShouldContain("only by a step up from Flexible Short Breaks or a step down from social care");
    }

    [Fact]
    public void AllowedFrom_ListsTheMovesOnOffer()
    {
        TierMoves.AllowedFrom(Tier.FlexibleShortBreaks).ShouldBe(
            [TierMove.StepUpToTargeted, TierMove.StepUpToSocialCare, TierMove.TransferToAdultServices, TierMove.Closure]);
        TierMoves.AllowedFrom(Tier.None).ShouldBe([TierMove.FlexibleShortBreaksApproved]);
    }

    [Theory]
    [InlineData("2009-06-15", "2026-06-14", false)]
    [InlineData("2009-06-15", "2026-06-15", true)]
    [InlineData("2009-06-15", "2027-06-15", true)]
    public void AdultTransfer_IsOnTheEighteenthBirthday_AndPlanningStartsTheSchemesMonthsBefore(string born, string today, bool inWindow)
    {
        var (date, window) = TierMoves.AdultTransfer(DateOnly.Parse(born), 18, 12, DateOnly.Parse(today));
        date.ShouldBe(new DateOnly(2027, 6, 15));
        window.ShouldBe(inWindow);
    }
}
