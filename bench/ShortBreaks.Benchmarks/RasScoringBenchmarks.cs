using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using ShortBreaks.Core.Ras;

namespace ShortBreaks.Benchmarks;

/// <summary>
/// Scoring 40-question assessments (the primary phase of the shipped children's RAS) from the compiled scheme,
/// cycling through pre-generated answer sets so the branch predictor cannot learn one child.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(OpsPerSecondConfig))]
public class RasScoringBenchmarks
{
    private const int AnswerSets = 1024;

    private CompiledRasScheme _compiled = null!;
    private RasAnswers[] _answers = null!;
    private RasAnswerSheet[] _sheets = null!;

    [GlobalSetup]
    public void Setup()
    {
        var scheme = RasSchemeCatalog.LoadFrom(FindRasFolder()).Find("2026.1")!;
        _compiled = CompiledRasScheme.For(scheme);
        var phase = scheme.Phases.Single(p => p.Id == "primary");
        var random = new Random(2026);
        _answers = new RasAnswers[AnswerSets];
        for (var i = 0; i < AnswerSets; i++)
        {
            var levels = new Dictionary<string, string>();
            foreach (var q in phase.Questionnaire.Domains.SelectMany(d => d.Questions))
            {
                var step = random.Next(q.Levels.Count * 2 - 1);
                levels[q.Id] = step % 2 == 0 ? q.Levels[step / 2].Id : $"{q.Levels[step / 2].Id}/{q.Levels[step / 2 + 1].Id}";
            }

            var support = phase.Questionnaire.Domains.ToDictionary(d => d.Id, _ => phase.SupportRules.Levels[random.Next(phase.SupportRules.Levels.Count)].Id);
            _answers[i] = new RasAnswers { PhaseId = phase.Id, Levels = levels, Support = support };
        }

        _sheets = _answers.Select(_compiled.Prepare).ToArray();
    }

    /// <summary>The hot path: answers already prepared as indexes (as when re-scoring a caseload).</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = AnswerSets)]
    public decimal Score()
    {
        var sum = 0m;
        foreach (var sheet in _sheets) sum += RasEngine.Score(_compiled, sheet).Amount;
        return sum;
    }

    /// <summary>From answers by id: checking them against the scheme costs more than scoring them.</summary>
    [Benchmark(OperationsPerInvoke = AnswerSets)]
    public decimal PrepareAndScore()
    {
        var sum = 0m;
        foreach (var answers in _answers) sum += RasEngine.Score(_compiled, _compiled.Prepare(answers)).Amount;
        return sum;
    }

    /// <summary>The full working in words, as shown to a family.</summary>
    [Benchmark(OperationsPerInvoke = AnswerSets)]
    public int Explain()
    {
        var lines = 0;
        foreach (var sheet in _sheets) lines += RasEngine.Explain(_compiled, sheet).Lines.Count;
        return lines;
    }

    private static string FindRasFolder()
    {
        // BenchmarkDotNet runs each benchmark from a generated project under bin/, still inside the repository.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "schemes", "ras");
            if (Directory.Exists(candidate)) return candidate;
        }

        throw new DirectoryNotFoundException("schemes/ras was not found above " + AppContext.BaseDirectory);
    }

    private sealed class OpsPerSecondConfig : ManualConfig
    {
        public OpsPerSecondConfig() => AddColumn(StatisticColumn.OperationsPerSecond);
    }
}
