using ShortBreaks.Core.DirectPayments;
using ShortBreaks.Core.Schemes;

namespace ShortBreaks.Core.Tests.DirectPayments;

public sealed class DirectPaymentBalancesTests
{
    private static readonly DirectPaymentSettings Settings = DirectPaymentSettings.Defaults;

    [Fact]
    public void ABalance_IsShownInWeeksOfPayments_RoundedDown()
    {
        DirectPaymentBalances.WeeklyAmount(1560m, 52m).ShouldBe(30m);
        DirectPaymentBalances.WeeksHeld(245m, 1560m, 52m).ShouldBe(8.1m);
        DirectPaymentBalances.WeeksHeld(239.99m, 1560m, 52m).ShouldBe(7.9m);
        DirectPaymentBalances.WeeksHeld(100m, 0m, 52m).ShouldBeNull();
    }

    [Theory]
    [InlineData(240.00, false)]
    [InlineData(240.01, true)]
    public void AnAccount_HoldsASurplus_WhenItHoldsMoreThanTheThresholdsWeeks(decimal balance, bool surplus)
    {
        DirectPaymentBalances.SurplusThreshold(1560m, 52m, Settings).ShouldBe(240m);
        DirectPaymentBalances.HoldsSurplus(balance, 1560m, 52m, Settings).ShouldBe(surplus);
    }

    [Fact]
    public void Recoupment_RecoversWhatIsAboveTheContingency_OrTheWholeBalanceWhenThePaymentsHaveEnded()
    {
        DirectPaymentBalances.Contingency(1560m, 52m, Settings).ShouldBe(120m);
        DirectPaymentBalances.Recoverable(300m, 1560m, 52m, Settings).ShouldBe(180m);
        DirectPaymentBalances.Recoverable(100m, 1560m, 52m, Settings).ShouldBe(0m);
        DirectPaymentBalances.Recoverable(300m, 0m, 52m, Settings).ShouldBe(300m);
        DirectPaymentBalances.Recoverable(300m, 1560m, 52m, Settings with { ContingencyWeeks = 0 }).ShouldBe(300m);
    }

    [Fact]
    public void ReturnsAuditsAndDisputes_AreDueByTheSchemesIntervals()
    {
        DirectPaymentBalances.ReturnDue(new DateOnly(2026, 4, 1), Settings).ShouldBe(new DateOnly(2026, 10, 1));
        DirectPaymentBalances.AuditDue(new DateOnly(2026, 4, 1), Settings).ShouldBe(new DateOnly(2027, 4, 1));
        DirectPaymentBalances.AuditDue(new DateOnly(2028, 2, 29), Settings).ShouldBe(new DateOnly(2029, 2, 28));
        DirectPaymentBalances.DisputeBy(new DateOnly(2026, 4, 1), Settings).ShouldBe(new DateOnly(2026, 4, 29));
    }
}
