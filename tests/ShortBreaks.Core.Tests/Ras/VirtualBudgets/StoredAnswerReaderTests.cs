using System.Text.Json;
using ShortBreaks.Core.Ras;
using ShortBreaks.Core.Ras.VirtualBudgets;

namespace ShortBreaks.Core.Tests.Ras.VirtualBudgets;

/// <summary>The fast reader of stored answers scores exactly as the engine's own preparation, and refuses with its words.</summary>
public sealed class StoredAnswerReaderTests
{
    [Fact]
    public void Read_GivesTheSameScoreAsPrepare_ForManyShippedAnswerSets()
    {
        var scheme = RasTestSchemes.Shipped;
        var compiled = CompiledRasScheme.For(scheme);
        var reader = new StoredAnswerReader(compiled);
        var random = new Random(7);
        var supportIds = scheme.Phases[0].SupportRules.Levels.Select(l => l.Id).ToArray();
        for (var i = 0; i < 500; i++)
        {
            var phase = scheme.Phases[random.Next(scheme.Phases.Count)];
            var levels = phase.Questionnaire.Domains.SelectMany(d => d.Questions).ToDictionary(q => q.Id, q =>
            {
                var l = random.Next(q.Levels.Count);
                return phase.Questionnaire.AllowHalfLevels && l + 1 < q.Levels.Count && random.Next(4) == 0 ? $"{q.Levels[l].Id}/{q.Levels[l + 1].Id}" : q.Levels[l].Id;
            });
            var support = phase.Questionnaire.Domains.Where(_ => random.Next(3) == 0).ToDictionary(d => d.Id, _ => supportIds[random.Next(supportIds.Length)]);
            var answers = new RasAnswers { PhaseId = i % 2 == 0 ? phase.Id : null, AgeYears = phase.MinimumAge, Levels = levels, Support = support };

            var sheet = reader.Read(answers.AgeYears, answers.PhaseId, JsonSerializer.Serialize(levels), JsonSerializer.Serialize(support), out var problem);

            problem.ShouldBeNull();
            RasEngine.Score(compiled, sheet!).ShouldBe(RasEngine.Score(compiled, compiled.Prepare(answers)));
        }
    }

    [Fact]
    public void Read_TakesOffSupportAlreadyFunded_AsPrepareDoes()
    {
        var scheme = ShortBreaks.TestCommon.RasCouncilForms.From(RasTestSchemes.Shipped, new DateOnly(2026, 4, 2));
        var compiled = CompiledRasScheme.For(scheme);
        var levels = ShortBreaks.TestCommon.RasCouncilForms.PrimaryLevels(scheme, lots: 28);
        var funded = new Dictionary<string, decimal> { ["equipment"] = 250.50m, ["holiday-club"] = 10.6m };
        var answers = new RasAnswers { PhaseId = "primary", Levels = levels, FundedSupport = funded };

        var sheet = new StoredAnswerReader(compiled).Read(null, "primary", JsonSerializer.Serialize(levels), "{}", out var problem, JsonSerializer.Serialize(funded));

        problem.ShouldBeNull();
        var result = RasEngine.Score(compiled, sheet!);
        result.ShouldBe(RasEngine.Score(compiled, compiled.Prepare(answers)));
        (result.Amount, result.FundedSupportDeducted, result.Hours, result.FlaggedForAssessment).ShouldBe((2600m, 400.50m, 173m, true));
        new StoredAnswerReader(compiled).Read(null, "primary", JsonSerializer.Serialize(levels), "{}", out var unknown, """{"bus-pass": 5}""").ShouldBeNull();
        unknown.ShouldBe("There is no support already funded 'bus-pass' in the Primary school age questionnaire.");
    }

    [Theory]
    [InlineData("""{"wash":"some","dress":"some","settle":"some","swim":"none"}""", "{}", "There is no question 'swim' in the Primary school age questionnaire.")]
    [InlineData("""{"wash":"some","dress":"loads","settle":"some"}""", "{}", "Question 'dress' has no level 'loads'.")]
    [InlineData("""{"wash":"some/exceptional","dress":"some","settle":"some"}""", "{}", "Question 'wash': a half level must be between two adjacent levels, lower first; 'some/exceptional' is not.")]
    [InlineData("""{"wash":"some","dress":"some"}""", "{}", "Question 'settle' has no answer.")]
    [InlineData("""{"wash":"some","dress":"some","settle":"some"}""", """{"care":"plenty"}""", "There is no support level 'plenty' (domain 'care').")]
    [InlineData("""{"wash":"some","dress":"some","settle":"some"}""", """{"travel":"none"}""", "There is no domain 'travel' in the Primary school age questionnaire.")]
    public void Read_RefusesWithTheFirstProblemPrepareGives(string levels, string support, string expected)
    {
        var compiled = CompiledRasScheme.For(RasTestSchemes.With());
        var prepared = Should.Throw<RasAnswersException>(() => compiled.Prepare(new RasAnswers
        {
            AgeYears = 8,
            Levels = JsonSerializer.Deserialize<Dictionary<string, string>>(levels)!,
            Support = JsonSerializer.Deserialize<Dictionary<string, string>>(support)!,
        }));

        var sheet = new StoredAnswerReader(compiled).Read(8, null, levels, support, out var problem);

        sheet.ShouldBeNull();
        problem.ShouldBe(expected);
        prepared.Errors.ShouldContain(expected);
    }

    [Fact]
    public void Read_OfAPhaseTheVersionLacks_OrUnreadableJson_SaysSo()
    {
        var compiled = CompiledRasScheme.For(RasTestSchemes.With());
        var reader = new StoredAnswerReader(compiled);

        reader.Read(8, "early-years", "{}", "{}", out var phase).ShouldBeNull();
        phase.ShouldBe("There is no phase 'early-years' in RAS version test.1.");
        reader.Read(8, null, "not json", "{}", out var broken).ShouldBeNull();
        broken.ShouldBe("The stored answers cannot be read.");
        reader.Read(3, null, "{}", "{}", out var young).ShouldBeNull();
        young.ShouldBe("No phase of RAS version test.1 covers a child aged 3.");
    }
}
