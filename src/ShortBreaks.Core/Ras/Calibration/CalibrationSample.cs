namespace ShortBreaks.Core.Ras.Calibration;

/// <summary>
/// Synthetic packages for trying a calibration and for tests: made-up children (references only) with answers
/// spread from little to great need, and costs from a rule the caller gives. The same seed always gives the same
/// file. Never real data.
/// </summary>
public static class CalibrationSample
{
    /// <summary>
    /// <paramref name="count"/> packages under <paramref name="scheme"/>. <paramref name="cost"/> gives each package's
    /// actual cost from its phase id and points (after support); return null to leave a child out (for example below
    /// a threshold), and another is drawn in its place.
    /// </summary>
    public static IReadOnlyList<CalibrationPackage> Generate(RasScheme scheme, int count, int seed, Func<string, decimal, Random, decimal?> cost)
    {
        var random = new Random(seed);
        var compiled = CompiledRasScheme.For(scheme);
        var packages = new List<CalibrationPackage>(count);
        var attempts = 0;
        while (packages.Count < count)
        {
            if (++attempts > count * 100) throw new InvalidOperationException("The cost rule leaves out almost every child: no sample can be made.");
            var phase = scheme.Phases[random.Next(scheme.Phases.Count)];
            var age = random.Next(phase.MinimumAge, phase.MaximumAge + 1);
            // Most children in the middle, fewer at either end: the mean of two draws.
            var need = (random.NextDouble() + random.NextDouble()) / 2;
            var levels = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var question in phase.Questionnaire.Domains.SelectMany(d => d.Questions))
            {
                var top = question.Levels.Count - 1;
                var position = Math.Clamp(need * top + (random.NextDouble() - 0.5) * 2, 0, top);
                var lower = (int)Math.Floor(position);
                levels[question.Id] = phase.Questionnaire.AllowHalfLevels && lower < top && random.Next(10) == 0
                    ? $"{question.Levels[lower].Id}/{question.Levels[lower + 1].Id}"
                    : question.Levels[(int)Math.Round(position)].Id;
            }

            var support = phase.Questionnaire.Domains.ToDictionary(
                d => d.Id,
                _ => phase.SupportRules.Levels[random.Next(10) < 6 ? 0 : random.Next(phase.SupportRules.Levels.Count)].Id,
                StringComparer.Ordinal);
            var answers = new RasAnswers { AgeYears = age, PhaseId = phase.Id, Levels = levels, Support = support };
            var points = RasEngine.Score(compiled, compiled.Prepare(answers)).TotalPoints;
            if (cost(phase.Id, points, random) is not { } actual) continue;
            var reference = $"SYN-{seed % 10000:0000}-{packages.Count + 1:00000}";
            packages.Add(new CalibrationPackage(packages.Count + 2, reference, age, phase.Id, actual, answers));
        }

        return packages;
    }

    /// <summary>
    /// The shipped sample's cost rule: about £28 a point above 15 points, at least £150, with up to 20% either way for
    /// the differences between real packages, in pence.
    /// </summary>
    public static decimal? RealisticCost(string phaseId, decimal points, Random random)
    {
        var line = Math.Max(150m, (points - 15m) * 28m);
        var noise = 1m + (decimal)((random.NextDouble() - 0.5) * 0.4);
        return Math.Round(line * noise, 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>The packages as a calibration file giving the answers (the format the template shows).</summary>
    public static string ToCsv(RasScheme scheme, IReadOnlyList<CalibrationPackage> packages)
    {
        var questions = new List<string>();
        var domains = new List<string>();
        foreach (var domain in scheme.Phases.SelectMany(p => p.Questionnaire.Domains))
        {
            if (!domains.Contains(domain.Id)) domains.Add(domain.Id);
            foreach (var q in domain.Questions.Where(q => !questions.Contains(q.Id))) questions.Add(q.Id);
        }

        string[] header = [CalibrationCsv.ChildReferenceColumn, CalibrationCsv.AgeColumn, .. questions, .. domains.Select(d => CalibrationCsv.SupportPrefix + d), CalibrationCsv.CostColumn];
        return SpreadsheetCsv.Write(header, csv =>
        {
            foreach (var p in packages)
            {
                var answers = p.Answers ?? throw new ArgumentException("Only packages with answers can be written as answers.", nameof(packages));
                csv.Text(p.ChildReference).Number(p.AgeYears);
                foreach (var q in questions) csv.Text(answers.Levels.GetValueOrDefault(q, ""));
                foreach (var d in domains) csv.Text(answers.Support.GetValueOrDefault(d, ""));
                csv.Number(p.ActualAnnualCost).EndRow();
            }
        });
    }
}
