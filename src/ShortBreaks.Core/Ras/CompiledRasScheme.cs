using System.Runtime.CompilerServices;

namespace ShortBreaks.Core.Ras;

/// <summary>
/// A RAS version laid out as arrays for fast scoring. Build it once per version (<see cref="For"/> caches it)
/// and score prepared answers from it.
/// </summary>
public sealed class CompiledRasScheme
{
    private static readonly ConditionalWeakTable<RasScheme, CompiledRasScheme> Cache = new();

    internal CompiledRasScheme(RasScheme scheme)
    {
        var errors = RasSchemeValidator.Validate(scheme);
        if (errors.Count > 0)
        {
            throw new RasSchemeValidationException(errors);
        }

        Scheme = scheme;
        Phases = scheme.Phases.Select(p => new CompiledRasPhase(p)).ToArray();
    }

    public RasScheme Scheme { get; }
    public string Version => Scheme.Version;
    internal CompiledRasPhase[] Phases { get; }

    /// <summary>The compiled form of a scheme, built on first use and kept while the scheme is.</summary>
    public static CompiledRasScheme For(RasScheme scheme) => Cache.GetValue(scheme, s => new CompiledRasScheme(s));

    /// <summary>The most pounds or hours a year of one item of support already funded: more is a typing mistake.</summary>
    public const decimal MaxFundedSupport = 1_000_000m;

    /// <summary>Checks answers against this scheme and holds them as indexes. Throws <see cref="RasAnswersException"/> listing every problem.</summary>
    public RasAnswerSheet Prepare(RasAnswers answers)
    {
        var errors = new List<RasAnswerError>();
        var phaseIndex = -1;
        if (answers.PhaseId is not null)
        {
            phaseIndex = Array.FindIndex(Phases, p => p.Phase.Id == answers.PhaseId);
            if (phaseIndex < 0) errors.Add(new("phaseId", $"There is no phase '{answers.PhaseId}' in RAS version {Version}."));
        }
        else if (answers.AgeYears is { } age)
        {
            phaseIndex = Array.FindIndex(Phases, p => p.Phase.MinimumAge <= age && age <= p.Phase.MaximumAge);
            if (phaseIndex < 0) errors.Add(new("ageYears", $"No phase of RAS version {Version} covers a child aged {age}."));
        }
        else
        {
            errors.Add(new("ageYears", "Give the child's age or the phase."));
        }

        if (phaseIndex < 0)
        {
            throw new RasAnswersException(errors);
        }

        var phase = Phases[phaseIndex];
        var steps = new int[phase.QuestionIds.Length];
        var answered = new bool[phase.QuestionIds.Length];
        foreach (var (questionId, levelId) in answers.Levels ?? new Dictionary<string, string>())
        {
            if (!phase.QuestionIndex.TryGetValue(questionId, out var q))
            {
                errors.Add(new($"levels.{questionId}", $"There is no question '{questionId}' in the {phase.Phase.Name} questionnaire."));
                continue;
            }

            if (string.IsNullOrWhiteSpace(levelId))
            {
                errors.Add(new($"levels.{questionId}", $"Question '{questionId}' has no answer: give a level, like '{phase.Questions[q].Levels[0].Id}'."));
                answered[q] = true;
                continue;
            }

            var step = phase.StepOf(q, levelId, out var error);
            if (error is not null) errors.Add(new($"levels.{questionId}", error));
            steps[q] = step;
            answered[q] = true;
        }

        for (var q = 0; q < answered.Length; q++)
        {
            if (!answered[q]) errors.Add(new($"levels.{phase.QuestionIds[q]}", $"Question '{phase.QuestionIds[q]}' has no answer."));
        }

        var support = new int[phase.DomainIds.Length];
        foreach (var (domainId, levelId) in answers.Support ?? new Dictionary<string, string>())
        {
            var d = Array.IndexOf(phase.DomainIds, domainId);
            if (d < 0) { errors.Add(new($"support.{domainId}", $"There is no domain '{domainId}' in the {phase.Phase.Name} questionnaire.")); continue; }
            if (string.IsNullOrWhiteSpace(levelId)) { errors.Add(new($"support.{domainId}", $"Support for domain '{domainId}' has no level: give one, like '{phase.SupportLevels[0].Id}', or leave the domain out.")); continue; }
            var s = phase.SupportLevels.FindIndex(l => l.Id == levelId);
            if (s < 0) { errors.Add(new($"support.{domainId}", $"There is no support level '{levelId}' (domain '{domainId}').")); continue; }
            support[d] = s;
        }

        var funded = new decimal[phase.Funded.Length];
        foreach (var (itemId, value) in answers.FundedSupport ?? new Dictionary<string, decimal>())
        {
            var f = Array.FindIndex(phase.Funded, x => x.Id == itemId);
            if (f < 0)
            {
                errors.Add(new($"fundedSupport.{itemId}", phase.Funded.Length == 0
                    ? $"The {phase.Phase.Name} questionnaire takes no support already funded ('{itemId}')."
                    : $"There is no support already funded '{itemId}' in the {phase.Phase.Name} questionnaire: use one of {string.Join(", ", phase.Funded.Select(x => x.Id))}."));
                continue;
            }

            var unit = phase.Funded[f].Unit == RasFundedSupportUnit.Hours ? "hours" : "pounds";
            if (value < 0) errors.Add(new($"fundedSupport.{itemId}", $"Support already funded '{itemId}' must be 0 or more {unit} a year."));
            else if (value > MaxFundedSupport) errors.Add(new($"fundedSupport.{itemId}", $"Support already funded '{itemId}' must be no more than {MaxFundedSupport:#,0} {unit} a year."));
            else if (phase.Funded[f].Unit == RasFundedSupportUnit.Money && !Money.IsWholePence(value)) errors.Add(new($"fundedSupport.{itemId}", $"Support already funded '{itemId}' must be in pounds and pence."));
            else funded[f] = value;
        }

        if (errors.Count > 0)
        {
            throw new RasAnswersException(errors);
        }

        return new RasAnswerSheet(this, phaseIndex, steps, support, funded);
    }
}

internal sealed class CompiledRasPhase
{
    public CompiledRasPhase(RasPhase phase)
    {
        Phase = phase;
        var domains = phase.Questionnaire.Domains;
        DomainIds = domains.Select(d => d.Id).ToArray();
        Questions = domains.SelectMany(d => d.Questions).ToArray();
        QuestionIds = Questions.Select(q => q.Id).ToArray();
        QuestionIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < QuestionIds.Length; i++) QuestionIndex[QuestionIds[i]] = i;
        QuestionDomain = domains.SelectMany((d, i) => d.Questions.Select(_ => i)).ToArray();

        DomainStart = new int[domains.Count + 1];
        for (var d = 0; d < domains.Count; d++) DomainStart[d + 1] = DomainStart[d] + domains[d].Questions.Count;

        StepOffset = new int[Questions.Length];
        var points = new List<decimal>();
        for (var q = 0; q < Questions.Length; q++)
        {
            StepOffset[q] = points.Count;
            var levels = Questions[q].Levels;
            for (var l = 0; l < levels.Count; l++)
            {
                points.Add(levels[l].Points);
                if (l + 1 < levels.Count) points.Add((levels[l].Points + levels[l + 1].Points) / 2);
            }
        }

        StepPoints = points.ToArray();

        SupportLevels = phase.SupportRules.Levels.ToList();
        var s = SupportLevels.Count;
        SupportKind = new SupportKind[domains.Count];
        Reduction = new decimal[domains.Count * s];
        foreach (var rule in phase.SupportRules.Domains)
        {
            var d = Array.IndexOf(DomainIds, rule.DomainId);
            SupportKind[d] = rule.PointsOff is not null ? Ras.SupportKind.PointsOff : Ras.SupportKind.PercentOff;
            var values = rule.PointsOff ?? rule.PercentOff!;
            for (var i = 0; i < s; i++) Reduction[d * s + i] = values[SupportLevels[i].Id];
        }

        var c = phase.Conversion;
        IsBands = c.Method == "bands";
        Bands = c.Bands?.ToArray() ?? [];
        BandTo = Bands.Select(b => b.To).ToArray();
        Threshold = c.Threshold ?? 0;
        PricePerPoint = c.PricePerPoint ?? 0;
        Floor = c.Floor ?? 0;
        Cap = c.Cap ?? 0;
        HasUniversalBelow = phase.Routing?.UniversalBelow is not null;
        UniversalBelow = phase.Routing?.UniversalBelow ?? 0;
        // Inclusive whole-point bands ("0–69", "70–115") hold totals below the next band's start.
        if (c.BandEdges == RasBandEdges.Inclusive) BandTo = Bands.Select(b => b.To + 1).ToArray();
        Inclusive = c.BandEdges == RasBandEdges.Inclusive;
        HoursAt = c.HoursAt;
        Funded = phase.FundedSupport?.ToArray() ?? [];
        HasSocialWorkAbove = phase.Routing?.SocialWorkAssessmentAbove is not null;
        SocialWorkAbove = phase.Routing?.SocialWorkAssessmentAbove ?? 0;
    }

    public RasPhase Phase { get; }
    public string[] DomainIds { get; }
    public RasQuestion[] Questions { get; }
    public string[] QuestionIds { get; }
    public Dictionary<string, int> QuestionIndex { get; }
    public int[] QuestionDomain { get; }
    public int[] DomainStart { get; }
    public int[] StepOffset { get; }
    public decimal[] StepPoints { get; }
    public List<RasSupportLevel> SupportLevels { get; }
    public SupportKind[] SupportKind { get; }
    public decimal[] Reduction { get; }
    public bool IsBands { get; }
    public RasBand[] Bands { get; }
    public decimal[] BandTo { get; }
    public bool Inclusive { get; }
    public RasHoursConversion? HoursAt { get; }
    public RasFundedSupport[] Funded { get; }
    public decimal Threshold { get; }
    public decimal PricePerPoint { get; }
    public decimal Floor { get; }
    public decimal Cap { get; }
    public bool HasUniversalBelow { get; }
    public decimal UniversalBelow { get; }
    public bool HasSocialWorkAbove { get; }
    public decimal SocialWorkAbove { get; }

    /// <summary>The step of a level id ("b", or a half level "b/c"); over a span, so stored answers are read without copying.</summary>
    public int StepOf(int question, ReadOnlySpan<char> levelId, out string? error)
    {
        error = null;
        var q = Questions[question];
        var slash = levelId.IndexOf('/');
        if (slash < 0)
        {
            var l = IndexOfLevel(q, levelId);
            if (l < 0) error = $"Question '{q.Id}' has no level '{levelId}'.";
            return Math.Max(l, 0) * 2;
        }

        if (!Phase.Questionnaire.AllowHalfLevels)
        {
            error = $"Question '{q.Id}': half levels ('{levelId}') are not allowed in the {Phase.Name} questionnaire.";
            return 0;
        }

        var lower = IndexOfLevel(q, levelId[..slash]);
        var upper = IndexOfLevel(q, levelId[(slash + 1)..]);
        if (lower < 0 || upper < 0)
        {
            error = $"Question '{q.Id}' has no level '{(lower < 0 ? levelId[..slash] : levelId[(slash + 1)..])}' (in half level '{levelId}').";
            return 0;
        }

        if (upper != lower + 1)
        {
            error = $"Question '{q.Id}': a half level must be between two adjacent levels, lower first; '{levelId}' is not.";
            return 0;
        }

        return lower * 2 + 1;
    }

    public string StepLabel(int question, int step)
    {
        var levels = Questions[question].Levels;
        return step % 2 == 0
            ? levels[step / 2].Label
            : $"between {levels[step / 2].Label} and {levels[step / 2 + 1].Label}";
    }

    private static int IndexOfLevel(RasQuestion q, ReadOnlySpan<char> id)
    {
        for (var i = 0; i < q.Levels.Count; i++)
        {
            if (id.SequenceEqual(q.Levels[i].Id)) return i;
        }

        return -1;
    }
}

internal enum SupportKind : byte
{
    None,
    PointsOff,
    PercentOff,
}
