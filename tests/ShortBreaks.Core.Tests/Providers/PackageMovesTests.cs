using ShortBreaks.Core.Providers;
using ShortBreaks.Core.Schemes;

namespace ShortBreaks.Core.Tests.Providers;

public sealed class PackageMovesTests
{
    public static TheoryData<PackageState, PackageRoute, PackageMove, PackageActor> Allowed => new()
    {
        { PackageState.Draft, PackageRoute.Provider, PackageMove.Send, PackageActor.Officer },
        { PackageState.Draft, PackageRoute.Provider, PackageMove.Send, PackageActor.Family },
        { PackageState.Draft, PackageRoute.DirectPayment, PackageMove.AgreeDirectPayment, PackageActor.Officer },
        { PackageState.Draft, PackageRoute.DirectPayment, PackageMove.AgreeDirectPayment, PackageActor.Family },
        { PackageState.Sent, PackageRoute.Provider, PackageMove.Accept, PackageActor.Provider },
        { PackageState.Sent, PackageRoute.Provider, PackageMove.Decline, PackageActor.Provider },
        { PackageState.Sent, PackageRoute.Provider, PackageMove.Change, PackageActor.Officer },
        { PackageState.Sent, PackageRoute.Provider, PackageMove.End, PackageActor.Commissioning },
        { PackageState.Accepted, PackageRoute.Provider, PackageMove.Change, PackageActor.Officer },
        { PackageState.Accepted, PackageRoute.Provider, PackageMove.End, PackageActor.Officer },
        { PackageState.Accepted, PackageRoute.Provider, PackageMove.End, PackageActor.Provider },
        { PackageState.Accepted, PackageRoute.Provider, PackageMove.End, PackageActor.Commissioning },
        { PackageState.Accepted, PackageRoute.DirectPayment, PackageMove.Change, PackageActor.Officer },
        { PackageState.Accepted, PackageRoute.DirectPayment, PackageMove.End, PackageActor.Officer },
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void Refusal_IsNull_ForEachAllowedMoveByWhoMayMakeIt(PackageState state, PackageRoute route, PackageMove move, PackageActor actor) =>
        PackageMoves.Refusal(state, route, move, actor).ShouldBeNull();

    [Fact]
    public void EveryOtherCombination_IsRefusedWithAReason()
    {
        var allowed = Allowed.Select(row => ((PackageState)row[0], (PackageRoute)row[1], (PackageMove)row[2], (PackageActor)row[3])).ToHashSet();
        var combinations =
            from state in Enum.GetValues<PackageState>()
            from route in Enum.GetValues<PackageRoute>()
            from move in Enum.GetValues<PackageMove>()
            from actor in Enum.GetValues<PackageActor>()
            where !allowed.Contains((state, route, move, actor))
            select (state, route, move, actor);
        var refused = 0;
        foreach (var (state, route, move, actor) in combinations)
        {
            PackageMoves.Refusal(state, route, move, actor).ShouldNotBeNullOrWhiteSpace($"{state} {route} {move} by {actor}");
            refused++;
        }

        refused.ShouldBe(6 * 2 * 6 * 4 - allowed.Count);
    }

    [Theory]
    [InlineData(PackageState.Declined)]
    [InlineData(PackageState.Changed)]
    [InlineData(PackageState.Ended)]
    public void FinalStates_AllowNoMoveByAnyone(PackageState state)
    {
        var combinations = from move in Enum.GetValues<PackageMove>() from actor in Enum.GetValues<PackageActor>() select (move, actor);
        foreach (var (move, actor) in combinations)
        {
            PackageMoves.Refusal(state, PackageRoute.Provider, move, actor).ShouldBe($"A package that is {PackageMoves.Describe(state)} cannot be {Done(move)}.");
        }
    }

    [Fact]
    public void AProviderCannotSendItsOwnPackage_AndAFamilyCannotAcceptOne_SayingWhoCan()
    {
        PackageMoves.Refusal(PackageState.Draft, PackageRoute.Provider, PackageMove.Send, PackageActor.Provider)
            .ShouldBe("Only the child's officer or family can do this to a package that is a draft.");
        PackageMoves.Refusal(PackageState.Sent, PackageRoute.Provider, PackageMove.Accept, PackageActor.Family)
            .ShouldBe("Only the provider can do this to a package that is sent to the provider.");
    }

    [Fact]
    public void ADirectPayment_IsNeverSent_AndAProviderPackageIsNeverAgreedWithoutTheProvider()
    {
        PackageMoves.Refusal(PackageState.Draft, PackageRoute.DirectPayment, PackageMove.Send, PackageActor.Officer).ShouldNotBeNull();
        PackageMoves.Refusal(PackageState.Draft, PackageRoute.Provider, PackageMove.AgreeDirectPayment, PackageActor.Officer).ShouldNotBeNull();
    }

    [Theory]
    [InlineData(PackageMove.Send, PackageState.Sent, false)]
    [InlineData(PackageMove.AgreeDirectPayment, PackageState.Accepted, false)]
    [InlineData(PackageMove.Accept, PackageState.Accepted, false)]
    [InlineData(PackageMove.Decline, PackageState.Declined, true)]
    [InlineData(PackageMove.Change, PackageState.Changed, true)]
    [InlineData(PackageMove.End, PackageState.Ended, true)]
    public void EachMove_LeadsToItsState_AndSaysWhetherItNeedsAReason(PackageMove move, PackageState to, bool reason)
    {
        PackageMoves.To(move).ShouldBe(to);
        PackageMoves.NeedsReason(move).ShouldBe(reason);
    }

    [Fact]
    public void EndingWithNotice_IsTheSchemesNoticeAfterToday_OrTodayWithoutNotice()
    {
        var today = new DateOnly(2026, 10, 25);
        PackageMoves.EarliestEnd(today, ProviderSettings.Defaults).ShouldBe(new DateOnly(2026, 11, 22));
        PackageMoves.EarliestEnd(today, ProviderSettings.Defaults with { PackageEndNoticeDays = 7 }).ShouldBe(new DateOnly(2026, 11, 1));
        PackageMoves.EarliestEnd(today, ProviderSettings.Defaults, withoutNotice: true).ShouldBe(today);
    }

    [Fact]
    public void OnlySentAndAcceptedPackages_CountAgainstTheAllowance() =>
        Enum.GetValues<PackageState>().Where(PackageMoves.CountsAgainstAllowance).ShouldBe([PackageState.Sent, PackageState.Accepted]);

    private static string Done(PackageMove move) => move switch
    {
        PackageMove.Send => "sent",
        PackageMove.AgreeDirectPayment => "agreed as a direct payment",
        PackageMove.Accept => "accepted",
        PackageMove.Decline => "declined",
        PackageMove.Change => "changed",
        _ => "ended",
    };
}
