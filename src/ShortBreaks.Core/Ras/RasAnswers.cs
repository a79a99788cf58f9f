namespace ShortBreaks.Core.Ras;

/// <summary>
/// A child's answers to the RAS questionnaire, by id, as a page or an import gives them. Give the phase by
/// <see cref="PhaseId"/> or let <see cref="AgeYears"/> choose it.
/// </summary>
public sealed record RasAnswers
{
    /// <summary>The child's age in whole years; chooses the phase when <see cref="PhaseId"/> is not given.</summary>
    public int? AgeYears { get; init; }

    public string? PhaseId { get; init; }

    /// <summary>
    /// Question id to level id, for every question in the phase. A half level is written "some/lots": half way
    /// between two adjacent levels, scoring their mean, where the questionnaire allows half levels.
    /// </summary>
    public required IReadOnlyDictionary<string, string> Levels { get; init; }

    /// <summary>Domain id to support level id. A domain not listed has the first support level (usually none).</summary>
    public IReadOnlyDictionary<string, string> Support { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Support already funded, by the id of the phase's funded support item: pounds a year for an item in money,
    /// hours a year for an item in hours. An item not listed is 0.
    /// </summary>
    public IReadOnlyDictionary<string, decimal> FundedSupport { get; init; } = new Dictionary<string, decimal>();
}

/// <summary>One problem with answers, with the field it is about: "ageYears", "levels.{question id}", "support.{domain id}", "fundedSupport.{item id}".</summary>
public sealed record RasAnswerError(string Field, string Message);

/// <summary>Answers that cannot be scored with the scheme, each problem listed with its field.</summary>
public sealed class RasAnswersException(IReadOnlyList<RasAnswerError> problems)
    : Exception("The RAS answers cannot be scored:" + Environment.NewLine +
                string.Join(Environment.NewLine, problems.Select(e => "  - " + e.Message)))
{
    public IReadOnlyList<RasAnswerError> Problems { get; } = problems;

    public IReadOnlyList<string> Errors { get; } = problems.Select(p => p.Message).ToList();

    /// <summary>The messages by field, in the order found, for a validation problem.</summary>
    public IDictionary<string, string[]> ByField() =>
        Problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray());
}

/// <summary>
/// Answers checked against one compiled scheme and held as indexes, so scoring needs no look-ups. Make it once
/// with <see cref="CompiledRasScheme.Prepare"/> and score it as often as needed.
/// </summary>
public sealed class RasAnswerSheet
{
    internal RasAnswerSheet(CompiledRasScheme scheme, int phase, int[] steps, int[] support, decimal[] funded)
    {
        Scheme = scheme;
        Phase = phase;
        Steps = steps;
        Support = support;
        Funded = funded;
    }

    internal CompiledRasScheme Scheme { get; }
    internal int Phase { get; }

    /// <summary>Per question: twice the level index, plus one for a half level above it.</summary>
    internal int[] Steps { get; }

    /// <summary>Per domain: the support level index.</summary>
    internal int[] Support { get; }

    /// <summary>Per funded support item of the phase: the pounds or hours a year entered (0 when none).</summary>
    internal decimal[] Funded { get; }
}
