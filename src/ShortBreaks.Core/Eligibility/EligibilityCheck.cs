namespace ShortBreaks.Core.Eligibility;

/// <summary>What the rules know about a request when an officer checks it against the threshold.</summary>
public sealed record EligibilityFacts(
    DateOnly? DateOfBirth,
    IReadOnlyCollection<string> NeedIds,
    IReadOnlyCollection<string> EvidenceKindIds,
    bool HasEhcPlan);

public enum CriterionOutcome
{
    Met,
    NotMet,
    Unknown,
}

public sealed record CriterionResult(string Id, string Criterion, CriterionOutcome Outcome, string Explanation);

public sealed record EligibilityResult(string SchemeVersion, IReadOnlyList<CriterionResult> Criteria)
{
    public bool AllMet => Criteria.All(c => c.Outcome == CriterionOutcome.Met);
}

/// <summary>Checks a request against a scheme version's eligibility criteria. Pure: no clock, no I/O.</summary>
public static class EligibilityCheck
{
    public const string AgeCriterion = "age";
    public const string NeedsCriterion = "needs";
    public const string EvidenceCriterion = "evidence";

    public static EligibilityResult Evaluate(Scheme scheme, EligibilityFacts facts, DateOnly onDay)
    {
        var criteria = new List<CriterionResult>
        {
            Age(scheme.Ages, facts.DateOfBirth, onDay),
            Needs(scheme.Eligibility, facts.NeedIds),
        };

        if (scheme.Eligibility.EvidenceRequired)
        {
            criteria.Add(Evidence(scheme.Eligibility, facts));
        }

        return new EligibilityResult(scheme.Version, criteria);
    }

    /// <summary>Age in whole years on a day.</summary>
    public static int AgeOn(DateOnly dateOfBirth, DateOnly day)
    {
        var age = day.Year - dateOfBirth.Year;
        if (dateOfBirth.AddYears(age) > day) age--;
        return age;
    }

    private static CriterionResult Age(AgeSettings ages, DateOnly? dob, DateOnly onDay)
    {
        var text = $"Aged {ages.MinimumAgeYears} to {ages.MaximumAgeYearsExclusive - 1}";
        if (dob is null)
        {
            return new(AgeCriterion, text, CriterionOutcome.Unknown, "The date of birth is not known.");
        }

        var age = AgeOn(dob.Value, onDay);
        if (age < ages.MinimumAgeYears)
        {
            var from = dob.Value.AddYears(ages.MinimumAgeYears);
            return new(AgeCriterion, text, CriterionOutcome.NotMet, $"Aged {age}: the offer starts at {ages.MinimumAgeYears}, on {from:d MMMM yyyy}.");
        }

        if (age >= ages.MaximumAgeYearsExclusive)
        {
            return new(AgeCriterion, text, CriterionOutcome.NotMet, $"Aged {age}: children's short breaks end at {ages.MaximumAgeYearsExclusive}.");
        }

        return new(AgeCriterion, text, CriterionOutcome.Met, $"Aged {age}.");
    }

    private static CriterionResult Needs(EligibilityCriteria criteria, IReadOnlyCollection<string> needIds)
    {
        var thresholdNeeds = criteria.Needs.Where(n => n.MeetsThreshold && needIds.Contains(n.Id)).ToList();
        var text = criteria.MinimumThresholdNeeds == 1
            ? "At least one need that meets the threshold"
            : $"At least {criteria.MinimumThresholdNeeds} needs that meet the threshold";

        if (thresholdNeeds.Count >= criteria.MinimumThresholdNeeds)
        {
            return new(NeedsCriterion, text, CriterionOutcome.Met,
                string.Join("; ", thresholdNeeds.Select(n => n.Question)) + ".");
        }

        var explanation = thresholdNeeds.Count == 0
            ? "None of the needs given meets the threshold."
            : $"{thresholdNeeds.Count} of the needs given meets the threshold: {string.Join("; ", thresholdNeeds.Select(n => n.Question))}.";
        return new(NeedsCriterion, text, CriterionOutcome.NotMet, explanation);
    }

    private static CriterionResult Evidence(EligibilityCriteria criteria, EligibilityFacts facts)
    {
        const string text = "Evidence of the child's disability";
        var accepted = criteria.Evidence.Where(k => facts.EvidenceKindIds.Contains(k.Id)).Select(k => k.Label).ToList();
        var ehcAccepted = facts.HasEhcPlan && criteria.Evidence.Any(k => k.Id == "ehc-plan");
        if (accepted.Count > 0)
        {
            return new(EvidenceCriterion, text, CriterionOutcome.Met, string.Join("; ", accepted) + ".");
        }

        if (ehcAccepted)
        {
            return new(EvidenceCriterion, text, CriterionOutcome.Unknown,
                "The family says the child has an EHC plan, but no copy is with the request: check it with the SEND team.");
        }

        return new(EvidenceCriterion, text, CriterionOutcome.NotMet, "No accepted evidence is with the request.");
    }
}

/// <summary>How eligibility results are stored with a decision: camelCase, outcomes as words.</summary>
public static class EligibilityJson
{
    public static readonly System.Text.Json.JsonSerializerOptions Options = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static string Serialize(IReadOnlyList<CriterionResult> criteria) => System.Text.Json.JsonSerializer.Serialize(criteria, Options);

    public static IReadOnlyList<CriterionResult> Deserialize(string json) =>
        System.Text.Json.JsonSerializer.Deserialize<List<CriterionResult>>(json, Options) ?? [];
}
