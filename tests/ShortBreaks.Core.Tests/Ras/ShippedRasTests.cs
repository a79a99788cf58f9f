using ShortBreaks.Core.Ras;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Core.Tests.Ras;

/// <summary>The shipped children's RAS reproduces the banded funding in the seeds.</summary>
public class ShippedRasTests
{
    private static readonly RasScheme Ras = RasTestSchemes.Shipped;

    /// <summary>Every question at "none", except the first <paramref name="count"/> at <paramref name="level"/>.</summary>
    private static RasAnswers Child(int age, int count, string level, string support = "none")
    {
        var phase = Ras.Phases.Single(p => p.MinimumAge <= age && age <= p.MaximumAge);
        var questions = phase.Questionnaire.Domains.SelectMany(d => d.Questions).ToList();
        return new RasAnswers
        {
            AgeYears = age,
            Levels = questions.Select((q, i) => (q.Id, Level: i < count ? level : "none")).ToDictionary(x => x.Id, x => x.Level),
            Support = phase.Questionnaire.Domains.ToDictionary(d => d.Id, _ => support),
        };
    }

    [Fact]
    public void Shipped_LoadsWithTwoPhasesOfFortyQuestions()
    {
        Ras.Version.ShouldBe("2026.1");
        Ras.Phases.Select(p => (p.Id, p.MinimumAge, p.MaximumAge)).ShouldBe([("primary", 5, 10), ("secondary", 11, 17)]);
        Ras.Phases.ShouldAllBe(p => p.Questionnaire.Domains.Sum(d => d.Questions.Count) == 40);
        Ras.ContentHash.ShouldNotBeEmpty();
    }

    [Fact]
    public void Shipped_FlexibleShortBreaksBand_Records80HoursAndTheProviderFigure()
    {
        var fsb = Ras.Phases[0].Conversion.Bands!.Single(b => b.Amount == 750);
        fsb.Hours.ShouldBe(80);
        fsb.ProviderAmount.ShouldBe(1200);
    }

    [Fact]
    public void Shipped_LowNeedChild_GoesToUniversalServices()
    {
        var result = RasEngine.Score(Ras, Child(age: 7, count: 6, level: "some")); // 12 points
        result.Routing.ShouldBe(RasRouting.Universal);
        result.Amount.ShouldBe(0);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(14)]
    public void Shipped_TypicalFlexibleShortBreaksChild_Gets750(int age)
    {
        var result = RasEngine.Score(Ras, Child(age, count: 15, level: "some")); // 30 points
        result.Routing.ShouldBe(RasRouting.None);
        result.Amount.ShouldBe(750);
        result.Band!.Name.ShouldBe("Flexible Short Breaks");
    }

    [Theory]
    [InlineData(14, 1800)] // 56 points
    [InlineData(20, 2400)] // 80 points
    [InlineData(27, 3000)] // 108 points
    public void Shipped_TargetedShortBreaksChildren_Get1800To3000(int count, decimal amount)
    {
        var result = RasEngine.Score(Ras, Child(age: 12, count, level: "lots"));
        result.Routing.ShouldBe(RasRouting.None);
        result.Amount.ShouldBe(amount);
        result.Band!.Name.ShouldStartWith("Targeted Short Breaks");
    }

    [Fact]
    public void Shipped_VeryHighNeed_GoesToASocialWorkAssessment()
    {
        var result = RasEngine.Score(Ras, Child(age: 9, count: 30, level: "exceptional")); // 180 points
        result.Routing.ShouldBe(RasRouting.SocialWorkAssessment);
    }

    [Fact]
    public void Shipped_SupportAroundTheChild_CanMoveThemDownABand()
    {
        RasEngine.Score(Ras, Child(age: 9, count: 14, level: "lots")).Amount.ShouldBe(1800);
        RasEngine.Score(Ras, Child(age: 9, count: 14, level: "lots", support: "lots")).Amount.ShouldBe(750);
    }

    [Fact]
    public void Shipped_WorkingReadsAsPlainEnglish()
    {
        var working = RasEngine.Explain(Ras, Child(age: 9, count: 15, level: "some"));

        working.Lines[0].Text.ShouldBe("Personal care, Washing and bathing: needs some extra help, 2 points.");
        working.Text.ShouldContain("30 points is in the band \"Flexible Short Breaks\" (from 20 points up to, but not including, 50), which gives £750 a year (about 80 hours of short breaks).");
    }

    [Fact]
    public void SchemeLoader_ReadsOnlyTheTopFolder_SoTheRasFilesDoNotDisturbIt()
    {
        Directory.GetFiles(Path.Combine(ShippedSchemes.Folder, "ras"), "*.json").ShouldNotBeEmpty();
        ShippedSchemes.Catalog.Versions.Select(v => v.Version).ShouldBe(["2026.1"]);
    }
}
