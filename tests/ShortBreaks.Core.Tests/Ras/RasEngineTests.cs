using ShortBreaks.Core.Ras;
using static ShortBreaks.Core.Tests.Ras.RasTestSchemes;

namespace ShortBreaks.Core.Tests.Ras;

public class RasEngineTests
{
    private static RasResult Score(RasScheme scheme, RasAnswers answers) => RasEngine.Score(scheme, answers);

    [Fact]
    public void Score_AddsEachAnswersLevelPoints()
    {
        var result = Score(With(), Answers("some", "lots", "exceptional"));

        result.TotalPoints.ShouldBe(2 + 5 + 9);
        result.Version.ShouldBe("test.1");
        result.PhaseId.ShouldBe("primary");
    }

    [Theory]
    [InlineData("none/some", 1)]
    [InlineData("some/lots", 3.5)]
    [InlineData("lots/exceptional", 7)]
    public void Score_HalfLevel_ScoresTheMeanOfTheTwoLevels(string half, decimal expected)
    {
        Score(With(), Answers(half, "none", "none")).TotalPoints.ShouldBe(expected);
    }

    [Fact]
    public void Score_HalfLevelWhenNotAllowed_IsRefused()
    {
        var ex = Should.Throw<RasAnswersException>(() => Score(With(allowHalfLevels: false), Answers("some/lots", "none", "none")));
        ex.Errors.ShouldHaveSingleItem().ShouldContain("half levels ('some/lots') are not allowed");
    }

    [Theory]
    [InlineData("some/exceptional")]
    [InlineData("lots/some")]
    public void Score_HalfLevelBetweenLevelsThatAreNotAdjacent_IsRefused(string half)
    {
        var ex = Should.Throw<RasAnswersException>(() => Score(With(), Answers(half, "none", "none")));
        ex.Errors.ShouldHaveSingleItem().ShouldContain("must be between two adjacent levels");
    }

    [Fact]
    public void Score_PointsOffSupport_TakesPointsOffTheDomain()
    {
        // care: 5 + 5 = 10, some support takes off 3.
        Score(With(), Answers("lots", "lots", "none", careSupport: "some")).TotalPoints.ShouldBe(7);
    }

    [Fact]
    public void Score_PercentOffSupport_TakesAShareOfTheDomain()
    {
        // sleep: 5, some support takes off 25%.
        Score(With(), Answers("none", "none", "lots", sleepSupport: "some")).TotalPoints.ShouldBe(3.75m);
    }

    [Fact]
    public void Score_SupportNeverTakesADomainBelowZero()
    {
        var working = RasEngine.Explain(With(), Answers("some", "none", "lots", careSupport: "lots"));

        working.Result.TotalPoints.ShouldBe(5); // care 2 - 10 floors at 0; sleep 5
        var deduction = working.Lines.Single(l => l.Kind == RasWorkingKind.Deduction);
        deduction.Points.ShouldBe(-2);
        deduction.Text.ShouldBe("Personal care: lots of support from family takes off 10 points, but a domain never goes below 0, so 2 points come off.");
    }

    [Fact]
    public void Score_FullPercentOff_LeavesZero()
    {
        Score(With(), Answers("none", "none", "exceptional", sleepSupport: "lots")).TotalPoints.ShouldBe(0);
    }

    // Standard bands: [0,5) universal, [5,10) £750, [10,20) £1,800, [20,27] social work.
    [Theory]
    [InlineData(0, RasRouting.Universal, 0, "Universal")]
    [InlineData(4.5, RasRouting.Universal, 0, "Universal")]
    [InlineData(5, RasRouting.None, 750, "Flexible")]
    [InlineData(5.5, RasRouting.None, 750, "Flexible")]
    [InlineData(9.5, RasRouting.None, 750, "Flexible")]
    [InlineData(10, RasRouting.None, 1800, "Targeted")]
    [InlineData(10.5, RasRouting.None, 1800, "Targeted")]
    [InlineData(19.5, RasRouting.None, 1800, "Targeted")]
    [InlineData(20, RasRouting.SocialWorkAssessment, 0, "Social work")]
    [InlineData(27, RasRouting.SocialWorkAssessment, 0, "Social work")]
    public void Score_Bands_HoldFromIncludedAndToExcluded(decimal points, RasRouting routing, decimal amount, string band)
    {
        var result = Score(With(), AnswersScoring(points));

        result.TotalPoints.ShouldBe(points);
        result.Routing.ShouldBe(routing);
        result.Amount.ShouldBe(amount);
        result.Band!.Name.ShouldBe(band);
    }

    [Theory]
    [InlineData(4, 0)]      // at the threshold: nothing
    [InlineData(4.5, 300)]  // just above: (0.5 x 100) = 50, raised to the floor
    [InlineData(7, 300)]    // exactly the floor
    [InlineData(8, 400)]
    [InlineData(14, 1000)]  // exactly the cap
    [InlineData(14.5, 1000)]
    [InlineData(27, 1000)]
    public void Score_PricePerPoint_ClampsToFloorAndCapAboveTheThreshold(decimal points, decimal amount)
    {
        var result = Score(With(Price(threshold: 4, price: 100, floor: 300, cap: 1000)), AnswersScoring(points));

        result.Amount.ShouldBe(amount);
        result.Routing.ShouldBe(RasRouting.None);
        result.Band.ShouldBeNull();
    }

    [Theory]
    [InlineData(2, RasRouting.Universal)]
    [InlineData(3, RasRouting.None)]
    [InlineData(20, RasRouting.None)]
    [InlineData(21, RasRouting.SocialWorkAssessment)]
    public void Score_RoutingThresholds_SendResultsElsewhereInsteadOfMoney(decimal points, RasRouting routing)
    {
        var result = Score(With(Price(0, 100, 0, 5000), new RasRoutingThresholds(UniversalBelow: 3, SocialWorkAssessmentAbove: 20)), AnswersScoring(points));

        result.Routing.ShouldBe(routing);
        if (routing != RasRouting.None) result.Amount.ShouldBe(0);
        else result.Amount.ShouldBe(points * 100);
    }

    [Theory]
    [InlineData(RasRoundingMode.ToEven, "1", 12.5, 12)]
    [InlineData(RasRoundingMode.ToEven, "1", 13.5, 14)]
    [InlineData(RasRoundingMode.AwayFromZero, "1", 12.5, 13)]
    [InlineData(RasRoundingMode.Up, "1", 12.01, 13)]
    [InlineData(RasRoundingMode.Down, "1", 12.99, 12)]
    [InlineData(RasRoundingMode.Up, "10", 1201, 1210)]
    [InlineData(RasRoundingMode.Down, "10", 1209, 1200)]
    [InlineData(RasRoundingMode.ToEven, "0.01", 1.005, 1.00)]
    [InlineData(RasRoundingMode.AwayFromZero, "0.01", 1.005, 1.01)]
    public void Round_RoundsToAMultipleOfTheStep(RasRoundingMode mode, string to, decimal amount, decimal expected)
    {
        RasEngine.Round(amount, new RasRounding(Mode: mode, To: decimal.Parse(to, System.Globalization.CultureInfo.InvariantCulture))).ShouldBe(expected);
    }

    [Fact]
    public void Score_RoundsThePricePerPointAmountByTheSchemesRule()
    {
        // 3.5 points x £33.33 = £116.655
        var scheme = With(Price(0, 33.33m, 0, 5000), rounding: new RasRounding(Mode: RasRoundingMode.Down, To: 10));
        var working = RasEngine.Explain(scheme, Answers("some/lots", "none", "none"));

        working.Result.Amount.ShouldBe(110);
        working.Lines.ShouldContain(l => l.Kind == RasWorkingKind.Rounding && l.Text == "Before rounding the amount is £116.655; rounded down to a multiple of £10 it is £110.");
    }

    [Theory]
    [InlineData(5, "primary")]
    [InlineData(10, "primary")]
    [InlineData(11, "secondary")]
    [InlineData(17, "secondary")]
    public void Score_ChoosesThePhaseByAgeAtBothEnds(int age, string phase)
    {
        Score(With(), Answers("none", "none", "none", age: age)).PhaseId.ShouldBe(phase);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(18)]
    public void Score_AgeOutsideEveryPhase_IsRefused(int age)
    {
        var ex = Should.Throw<RasAnswersException>(() => Score(With(), Answers("none", "none", "none", age: age)));
        ex.Errors.ShouldBe([$"No phase of RAS version test.1 covers a child aged {age}."]);
    }

    [Fact]
    public void Score_PhaseIdGiven_UsesThatPhase()
    {
        var answers = Answers("none", "none", "none", age: 8) with { PhaseId = "secondary" };
        Score(With(), answers).PhaseId.ShouldBe("secondary");
    }

    [Fact]
    public void Score_UnknownIds_AreRefusedWithEveryProblemListed()
    {
        var answers = new RasAnswers
        {
            AgeYears = 8,
            Levels = new Dictionary<string, string> { ["wash"] = "loads", ["swim"] = "some", ["settle"] = "none" },
            Support = new Dictionary<string, string> { ["care"] = "heaps", ["school"] = "some" },
        };

        var ex = Should.Throw<RasAnswersException>(() => Score(With(), answers));

        ex.Errors.ShouldBe(
        [
            "Question 'wash' has no level 'loads'.",
            "There is no question 'swim' in the Primary school age questionnaire.",
            "Question 'dress' has no answer.",
            "There is no support level 'heaps' (domain 'care').",
            "There is no domain 'school' in the Primary school age questionnaire.",
        ]);
        ex.Message.ShouldContain("Question 'dress' has no answer.");
    }

    [Fact]
    public void Score_AnswersPreparedForAnotherVersion_AreRefused()
    {
        var one = CompiledRasScheme.For(With());
        var other = CompiledRasScheme.For(With() with { Version = "test.2" });
        var sheet = one.Prepare(Answers("none", "none", "none"));

        Should.Throw<ArgumentException>(() => RasEngine.Score(other, sheet)).Message.ShouldContain("prepared for RAS version test.1, not test.2");
    }

    [Fact]
    public void For_CachesTheCompiledSchemePerSchemeInstance()
    {
        var scheme = With();
        CompiledRasScheme.For(scheme).ShouldBeSameAs(CompiledRasScheme.For(scheme));
    }

    [Fact]
    public void Explain_WritesTheWorkingInPlainEnglish()
    {
        var working = RasEngine.Explain(With(), Answers("lots", "some/lots", "lots", careSupport: "some", sleepSupport: "some"));

        working.Lines.Select(l => l.Text).ShouldBe(
        [
            "Personal care, Washing: needs lots of help, 5 points.",
            "Personal care, Dressing: between needs some help and needs lots of help, 3.5 points.",
            "Personal care: some support from family takes off 3 points.",
            "Personal care comes to 5.5 points.",
            "Sleep, Settling to sleep: needs lots of help, 5 points.",
            "Sleep: some support from family takes off 25% of 5 points, that is 1.25 points.",
            "Sleep comes to 3.75 points.",
            "In all, the answers come to 9.25 points.",
            "9.25 points is in the band \"Flexible\" (from 5 points up to, but not including, 10), which gives £750 a year (about 80 hours of short breaks).",
            "Before rounding the amount is £750; rounded up to a multiple of £1 it stays £750.",
            "Your child's indicative budget is £750 a year. It is a starting point for the plan, not the final word.",
        ]);
        working.Result.ShouldBe(RasEngine.Score(With(), Answers("lots", "some/lots", "lots", careSupport: "some", sleepSupport: "some")));
    }

    /// <summary>Answers that score exactly <paramref name="points"/> (0 to 27 in halves) with no support.</summary>
    internal static RasAnswers AnswersScoring(decimal points)
    {
        // Steps per question: none 0, half 1, some 2, half 3.5, lots 5, half 7, exceptional 9.
        string[] ids = ["none", "none/some", "some", "some/lots", "lots", "lots/exceptional", "exceptional"];
        decimal[] values = [0, 1, 2, 3.5m, 5, 7, 9];
        for (var a = 0; a < ids.Length; a++)
        {
            for (var b = 0; b < ids.Length; b++)
            {
                for (var c = 0; c < ids.Length; c++)
                {
                    if (values[a] + values[b] + values[c] == points) return Answers(ids[a], ids[b], ids[c]);
                }
            }
        }

        throw new ArgumentException($"No answers score {points}.");
    }
}
