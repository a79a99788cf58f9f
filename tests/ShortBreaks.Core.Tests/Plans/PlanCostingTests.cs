using ShortBreaks.Core.Plans;

namespace ShortBreaks.Core.Tests.Plans;

/// <summary>Costing a plan at its edges: rates, on-costs, part years and rounding.</summary>
public sealed class PlanCostingTests
{
    private static readonly DateOnly Start = new(2026, 12, 1);
    private static readonly DateOnly YearEnd = new(2027, 11, 30);

    /// <summary>The Targeted Short Breaks figures in the shipped scheme.</summary>
    private static readonly CostingRules Rules = new()
    {
        HourlyRateMinimum = 9.00m,
        HourlyRateMaximum = 15.00m,
        MaximumHoursPerYear = 200,
        ResidentialNightMaximum = 535m,
        NightAtHomeMaximum = 150m,
        CollegeNightMaximum = 115m,
    };

    private static SupportLine Line(decimal quantity, SupportFrequency frequency, decimal unitCost, SupportType type = SupportType.PersonalAssistantHours,
        PaymentRoute route = PaymentRoute.DirectPayment, string? rate = null) => new()
        {
            Description = "Personal assistant",
            Type = type,
            Quantity = quantity,
            Frequency = frequency,
            UnitCost = unitCost,
            Route = route,
            RateName = rate,
        };

    [Fact]
    public void WeekdayAndWeekendRates_AreCostedSeparately_OverFiftyTwoWeeks()
    {
        var cost = PlanCosting.Cost(
            [Line(2, SupportFrequency.PerWeek, 12.50m, rate: "weekday"), Line(1, SupportFrequency.PerWeek, 14.00m, rate: "weekend")],
            [], Start, YearEnd, Rules);

        cost.Lines[0].AnnualCost.ShouldBe(1300.00m);
        cost.Lines[1].AnnualCost.ShouldBe(728.00m);
        cost.AnnualTotal.ShouldBe(2028.00m);
        cost.HoursPerYear.ShouldBe(156m);
        cost.PeriodDays.ShouldBe(365);
        cost.PeriodTotal.ShouldBe(cost.AnnualTotal, "a whole year costs the annual figure exactly");
        cost.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void MonthlyOnCosts_AddTwelveMonthsAYear_ToTheirRoute()
    {
        var cost = PlanCosting.Cost(
            [Line(10, SupportFrequency.PerMonth, 12m), Line(4, SupportFrequency.PerYear, 150m, SupportType.NightAtHome, PaymentRoute.CommissionedFromProvider)],
            [new OnCost { Description = "Payroll service", MonthlyAmount = 12.50m, Route = PaymentRoute.DirectPayment },
             new OnCost { Description = "Employer's liability insurance", MonthlyAmount = 8.25m, Route = PaymentRoute.DirectPayment }],
            Start, YearEnd, Rules, indicativeBudget: 2400m);

        cost.OnCosts.Sum(o => o.AnnualCost).ShouldBe(249.00m);
        cost.AnnualByRoute[PaymentRoute.DirectPayment].ShouldBe(1440m + 249m);
        cost.AnnualByRoute[PaymentRoute.CommissionedFromProvider].ShouldBe(600m);
        cost.AnnualByRoute[PaymentRoute.ManagedByCouncil].ShouldBe(0m);
        cost.AnnualTotal.ShouldBe(2289.00m);
        cost.AboveIndicativeBudget.ShouldBe(-111.00m);
        cost.NightsPerYear.ShouldBe(4m);
    }

    [Fact]
    public void APartYear_IsCostedProRataByDays_ButAOneOffTripIsWhole()
    {
        var end = Start.AddDays(90); // 91 days, both ends counted
        var cost = PlanCosting.Cost(
            [Line(3, SupportFrequency.PerWeek, 10m), Line(1, SupportFrequency.Once, 320m, SupportType.Trip)],
            [new OnCost { Description = "Payroll", MonthlyAmount = 10m, Route = PaymentRoute.DirectPayment }],
            Start, end, Rules);

        cost.PeriodDays.ShouldBe(91);
        cost.YearDays.ShouldBe(365);
        cost.Lines[0].PeriodCost.ShouldBe(decimal.Round(1560m * 91 / 365, 2, MidpointRounding.AwayFromZero)); // 388.93
        cost.Lines[0].PeriodCost.ShouldBe(388.93m);
        cost.Lines[1].PeriodCost.ShouldBe(320m);
        cost.OnCosts[0].PeriodCost.ShouldBe(29.92m);
        cost.PeriodTotal.ShouldBe(388.93m + 320m + 29.92m);
    }

    [Fact]
    public void AYearThatHoldsTheTwentyNinthOfFebruary_Has366Days_AndStillCostsTheAnnualFigure()
    {
        var start = new DateOnly(2027, 3, 1);
        var cost = PlanCosting.Cost([Line(2, SupportFrequency.PerWeek, 12m)], [], start, start.AddYears(1).AddDays(-1), Rules);
        cost.YearDays.ShouldBe(366);
        cost.PeriodTotal.ShouldBe(1248m);
    }

    [Fact]
    public void Rounding_IsToThePennyPerLine_HalvesUp_AndTheTotalIsTheSumOfTheLines()
    {
        // 1.5 hours a week at £9.33 = £727.74 a year; three such lines must total three times the rounded line.
        var line = Line(1.5m, SupportFrequency.PerWeek, 9.33m);
        var cost = PlanCosting.Cost([line, line, line], [], Start, YearEnd, Rules);
        cost.Lines[0].AnnualCost.ShouldBe(727.74m);
        cost.AnnualTotal.ShouldBe(3 * 727.74m);

        PlanCosting.Pence(0.005m).ShouldBe(0.01m);
        PlanCosting.Pence(2.675m).ShouldBe(2.68m);
        PlanCosting.Pence(2.665m).ShouldBe(2.67m, "half a penny always goes up, never to even");
    }

    [Fact]
    public void RatesOutsideTheScheme_AndTooManyHours_AreFlagged_NotRefused()
    {
        var cost = PlanCosting.Cost(
            [Line(4, SupportFrequency.PerWeek, 8.50m, rate: "weekday"), Line(1, SupportFrequency.PerMonth, 16m, rate: "bank holiday"),
             Line(2, SupportFrequency.PerYear, 600m, SupportType.ResidentialNight, PaymentRoute.CommissionedFromProvider)],
            [], Start, YearEnd, Rules);

        cost.HoursPerYear.ShouldBe(208m + 12m);
        cost.Warnings.Count.ShouldBe(4);
        cost.Warnings.ShouldContain("Personal assistant (weekday): £8.50 an hour is below the scheme's least hourly rate of £9.00.");
        cost.Warnings.ShouldContain("Personal assistant (bank holiday): £16.00 an hour is above the scheme's highest hourly rate of £15.00.");
        cost.Warnings.ShouldContain(w => w.Contains("£600.00 a night is above the scheme's £535.00"));
        cost.Warnings.ShouldContain("The plan has 220 hours a year, more than the 200 the tier reckons on.");
    }

    [Fact]
    public void EdgesOfTheRates_AreNotFlagged()
    {
        var cost = PlanCosting.Cost(
            [Line(1, SupportFrequency.PerWeek, 9.00m), Line(1, SupportFrequency.PerWeek, 15.00m), Line(1, SupportFrequency.PerYear, 535m, SupportType.ResidentialNight)],
            [], Start, YearEnd, Rules);
        cost.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void BadLines_AreEachNamed_AndCostingRefuses()
    {
        SupportLine[] lines =
        [
            Line(0, SupportFrequency.PerWeek, 10m),
            Line(1.234m, SupportFrequency.PerWeek, 10m),
            Line(1, SupportFrequency.PerWeek, -1m),
            Line(1, SupportFrequency.PerWeek, 10.001m) with { Description = " " },
        ];
        var errors = PlanCosting.Check(lines, [new OnCost { Description = "", MonthlyAmount = -5m, Route = PaymentRoute.DirectPayment }], Start, Start.AddDays(-1));

        errors.ShouldContain("The plan must end on or after the day it starts.");
        errors.ShouldContain(e => e.StartsWith("Line 1 (Personal assistant): the quantity must be more than 0"));
        errors.ShouldContain("Line 2 (Personal assistant): the quantity can have at most two decimal places.");
        errors.ShouldContain(e => e.StartsWith("Line 3 (Personal assistant): the unit cost must be between £0"));
        errors.ShouldContain("Line 4: describe the support.");
        errors.ShouldContain("Line 4: the unit cost must be in pounds and pence.");
        errors.ShouldContain("On-cost 1: describe it, for example payroll or insurance.");
        errors.ShouldContain(e => e.StartsWith("On-cost 1: the amount a month"));
        Should.Throw<ArgumentException>(() => PlanCosting.Cost(lines, [], Start, YearEnd, Rules));
    }

    [Fact]
    public void AnEmptyPlan_CostsNothing()
    {
        var cost = PlanCosting.Cost([], [], Start, YearEnd, Rules, indicativeBudget: 1800m);
        cost.AnnualTotal.ShouldBe(0m);
        cost.AboveIndicativeBudget.ShouldBe(-1800m);
    }
}
