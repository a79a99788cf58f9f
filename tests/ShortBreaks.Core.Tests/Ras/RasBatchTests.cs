using ShortBreaks.Core.Ras;

namespace ShortBreaks.Core.Tests.Ras;

public sealed class RasBatchTests
{
    private static readonly RasScheme Ras = RasTestSchemes.Shipped;

    private static RasBatchRow Row(string reference, int lots, string level = "lots") => new()
    {
        Reference = reference,
        AgeYears = 9,
        Levels = Ras.Phases.Single(p => p.Id == "primary").Questionnaire.Domains.SelectMany(d => d.Questions)
            .Select((q, i) => (q.Id, Level: i < lots ? level : "none")).ToDictionary(x => x.Id, x => x.Level),
    };

    [Fact]
    public void Score_GoodFile_ScoresEveryRowWithItsWorking()
    {
        var (results, errors) = RasBatch.Score(Ras, [Row("C-AAAA-BBBB", 8), Row("C-CCCC-DDDD", 10, "exceptional")]);

        errors.ShouldBeEmpty();
        results.Select(r => r.Reference).ShouldBe(["C-AAAA-BBBB", "C-CCCC-DDDD"]);
        results[0].Result.Amount.ShouldBe(750m);
        results[1].Result.Amount.ShouldBe(RasEngine.Score(Ras, new RasAnswers { AgeYears = 9, Levels = Row("x", 10, "exceptional").Levels! }).Amount);
        results[0].Working.Where(l => l.Kind is RasWorkingKind.Answer or RasWorkingKind.Deduction).Sum(l => l.Points ?? 0).ShouldBe(results[0].Result.TotalPoints);
    }

    [Fact]
    public void Score_FileWithABadRow_GivesEveryBadRowsProblemsAndNoResults()
    {
        var bad = Row("C-EEEE-FFFF", 0) with { Levels = new Dictionary<string, string> { ["nope"] = "lots" } };
        var noAge = Row("C-GGGG-HHHH", 3) with { AgeYears = 30 };

        var (results, errors) = RasBatch.Score(Ras, [Row("C-AAAA-BBBB", 8), bad, noAge]);

        results.ShouldBeEmpty();
        errors.ShouldContain(e => e.StartsWith("Row 2 (C-EEEE-FFFF): ") && e.Contains("nope"));
        errors.ShouldContain(e => e.StartsWith("Row 3 (C-GGGG-HHHH): "));
        errors.ShouldNotContain(e => e.StartsWith("Row 1 "));
    }

    [Fact]
    public void ToCsv_QuotesNamesWithCommas()
    {
        var (results, _) = RasBatch.Score(Ras, [Row("C-AAAA-BBBB", 8), Row("C-CCCC-DDDD", 10, "exceptional")]);

        var lines = RasBatch.ToCsv(results).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        lines[0].ShouldBe("reference,version,phase,total_points,amount,band,routing,hours,flagged_for_assessment,funded_support_deducted");
        lines[1].ShouldBe("C-AAAA-BBBB,2026.1,primary,32,750.00,Flexible Short Breaks,None,,no,0.00");
        lines.Length.ShouldBe(3);
    }

    [Fact]
    public void ReadJson_ReadsTheDocumentedShape()
    {
        var rows = RasBatch.ReadJson("""[{ "reference": "C-AAAA-BBBB", "ageYears": 9, "levels": { "a": "lots" }, "support": { "sleep": "some" } }]""");

        rows.ShouldHaveSingleItem().Support!["sleep"].ShouldBe("some");
    }
}
