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
}

/// <summary>Answers that cannot be scored with the scheme, each problem listed.</summary>
public sealed class RasAnswersException(IReadOnlyList<string> errors)
    : Exception("The RAS answers cannot be scored:" + Environment.NewLine +
                string.Join(Environment.NewLine, errors.Select(e => "  - " + e)))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}

/// <summary>
/// Answers checked against one compiled scheme and held as indexes, so scoring needs no look-ups. Make it once
/// with <see cref="CompiledRasScheme.Prepare"/> and score it as often as needed.
/// </summary>
public sealed class RasAnswerSheet
{
    internal RasAnswerSheet(CompiledRasScheme scheme, int phase, int[] steps, int[] support)
    {
        Scheme = scheme;
        Phase = phase;
        Steps = steps;
        Support = support;
    }

    internal CompiledRasScheme Scheme { get; }
    internal int Phase { get; }

    /// <summary>Per question: twice the level index, plus one for a half level above it.</summary>
    internal int[] Steps { get; }

    /// <summary>Per domain: the support level index.</summary>
    internal int[] Support { get; }
}
