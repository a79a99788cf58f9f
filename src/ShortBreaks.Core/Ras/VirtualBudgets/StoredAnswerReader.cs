namespace ShortBreaks.Core.Ras.VirtualBudgets;

/// <summary>
/// Reads a stored assessment's answers (the JSON kept in <see cref="RasAssessment.LevelsJson"/> and
/// <see cref="RasAssessment.SupportJson"/>) straight into an answer sheet for one compiled version: no
/// dictionaries and no exceptions per row, so a whole caseload is read in a second or two. The checks and their
/// words are those of <see cref="CompiledRasScheme.Prepare"/>; a row that fails gives its first problem.
/// </summary>
internal sealed class StoredAnswerReader
{
    private readonly CompiledRasScheme _scheme;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>>[] _questions;
    private readonly bool[][] _answered;
    private readonly char[] _key = new char[256];
    private readonly char[] _value = new char[256];

    public StoredAnswerReader(CompiledRasScheme scheme)
    {
        _scheme = scheme;
        _questions = scheme.Phases.Select(p => p.QuestionIndex.GetAlternateLookup<ReadOnlySpan<char>>()).ToArray();
        _answered = scheme.Phases.Select(p => new bool[p.QuestionIds.Length]).ToArray();
    }

    /// <summary>The answer sheet, or null with the first problem that stops the answers being scored.</summary>
    public RasAnswerSheet? Read(int? ageYears, string? phaseId, string levelsJson, string supportJson, out string? problem, string? fundedSupportJson = null)
    {
        problem = null;
        var phases = _scheme.Phases;
        var phaseIndex = -1;
        if (phaseId is not null)
        {
            phaseIndex = Array.FindIndex(phases, p => p.Phase.Id == phaseId);
            if (phaseIndex < 0) problem = $"There is no phase '{phaseId}' in RAS version {_scheme.Version}.";
        }
        else if (ageYears is { } age)
        {
            phaseIndex = Array.FindIndex(phases, p => p.Phase.MinimumAge <= age && age <= p.Phase.MaximumAge);
            if (phaseIndex < 0) problem = $"No phase of RAS version {_scheme.Version} covers a child aged {age}.";
        }
        else
        {
            problem = "Give the child's age or the phase.";
        }

        if (phaseIndex < 0) return null;

        var phase = phases[phaseIndex];
        var steps = new int[phase.QuestionIds.Length];
        var support = new int[phase.DomainIds.Length];
        var answered = _answered[phaseIndex];
        Array.Clear(answered);
        try
        {
            problem = ReadLevels(phase, _questions[phaseIndex], levelsJson, steps, answered) ?? ReadSupport(phase, supportJson, support);
        }
        catch (JsonException)
        {
            problem = "The stored answers cannot be read.";
        }

        if (problem is null)
        {
            var missing = Array.IndexOf(answered, false);
            if (missing >= 0) problem = $"Question '{phase.QuestionIds[missing]}' has no answer.";
        }

        var funded = phase.Funded.Length == 0 ? [] : new decimal[phase.Funded.Length];
        if (problem is null && fundedSupportJson is not null) problem = ReadFunded(phase, fundedSupportJson, funded);
        return problem is null ? new RasAnswerSheet(_scheme, phaseIndex, steps, support, funded) : null;
    }

    // Rare (most families have none), so read simply; the checks are Prepare's.
    private static string? ReadFunded(CompiledRasPhase phase, string json, decimal[] funded)
    {
        Dictionary<string, decimal>? values;
        try
        {
            values = JsonSerializer.Deserialize<Dictionary<string, decimal>>(json);
        }
        catch (JsonException)
        {
            return "The stored answers cannot be read.";
        }

        foreach (var (id, value) in values ?? [])
        {
            var f = Array.FindIndex(phase.Funded, x => x.Id == id);
            if (f < 0) return $"There is no support already funded '{id}' in the {phase.Phase.Name} questionnaire.";
            if (value < 0 || value > CompiledRasScheme.MaxFundedSupport) return $"Support already funded '{id}' must be between 0 and {CompiledRasScheme.MaxFundedSupport:#,0} a year.";
            funded[f] = value;
        }

        return null;
    }

    private string? ReadLevels(CompiledRasPhase phase, Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> questions, string json, int[] steps, bool[] answered)
    {
        var reader = ObjectReader(json);
        while (NextAnswer(ref reader, out var key, out var value))
        {
            if (!questions.TryGetValue(key, out var q))
            {
                return $"There is no question '{key}' in the {phase.Phase.Name} questionnaire.";
            }

            var step = phase.StepOf(q, value, out var error);
            if (error is not null) return error;
            steps[q] = step;
            answered[q] = true;
        }

        return null;
    }

    private string? ReadSupport(CompiledRasPhase phase, string json, int[] support)
    {
        var reader = ObjectReader(json);
        while (NextAnswer(ref reader, out var key, out var value))
        {
            var d = IndexOf(phase.DomainIds, key);
            if (d < 0) return $"There is no domain '{key}' in the {phase.Phase.Name} questionnaire.";
            var s = -1;
            for (var i = 0; i < phase.SupportLevels.Count; i++)
            {
                if (value.SequenceEqual(phase.SupportLevels[i].Id)) { s = i; break; }
            }

            if (s < 0) return $"There is no support level '{value}' (domain '{key}').";
            support[d] = s;
        }

        return null;
    }

    private static int IndexOf(string[] ids, ReadOnlySpan<char> id)
    {
        for (var i = 0; i < ids.Length; i++)
        {
            if (id.SequenceEqual(ids[i])) return i;
        }

        return -1;
    }

    /// <summary>A reader over one JSON object of answers, past its opening brace.</summary>
    private static Utf8JsonReader ObjectReader(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        Expect(ref reader, JsonTokenType.StartObject);
        return reader;
    }

    /// <summary>The object's next <c>"id": "answer"</c> pair, copied into the reused buffers; false at the end of the object.</summary>
    private bool NextAnswer(ref Utf8JsonReader reader, out ReadOnlySpan<char> key, out ReadOnlySpan<char> value)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.PropertyName)
        {
            key = value = default;
            return false;
        }

        key = Copy(ref reader, _key);
        Expect(ref reader, JsonTokenType.String);
        value = Copy(ref reader, _value);
        return true;
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (!reader.Read() || reader.TokenType != type) throw new JsonException($"Expected {type}.");
    }

    private static ReadOnlySpan<char> Copy(ref Utf8JsonReader reader, char[] buffer)
    {
        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (length > buffer.Length) throw new JsonException("An answer id is too long.");
        var written = reader.CopyString(buffer);
        return buffer.AsSpan(0, written);
    }
}
