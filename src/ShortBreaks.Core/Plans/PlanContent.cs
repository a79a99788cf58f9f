namespace ShortBreaks.Core.Plans;

/// <summary>What a plan version says, as written on the plan pages or carried over from social care.</summary>
public sealed record PlanContent
{
    public string? WhatMattersToMe { get; init; }
    public string? HowBestToSupportMe { get; init; }
    public string? MyCommunication { get; init; }
    public DateOnly? PeriodStart { get; init; }
    public DateOnly? PeriodEnd { get; init; }
    public IReadOnlyList<OutcomeInput> Outcomes { get; init; } = [];
    public IReadOnlyList<SupportLine> Lines { get; init; } = [];
    public IReadOnlyList<OnCost> OnCosts { get; init; } = [];

    public static PlanContent Of(PlanVersion v) => new()
    {
        WhatMattersToMe = v.WhatMattersToMe,
        HowBestToSupportMe = v.HowBestToSupportMe,
        MyCommunication = v.MyCommunication,
        PeriodStart = v.PeriodStart,
        PeriodEnd = v.PeriodEnd,
        Outcomes = v.Outcomes.OrderBy(o => o.Order).Select(o => new OutcomeInput(o.What, o.Term, o.ByWhen, o.HowWeWillKnow)).ToList(),
        Lines = v.Lines.OrderBy(l => l.Order).Select(l => l.ToLine()).ToList(),
        OnCosts = v.OnCosts.OrderBy(o => o.Order).Select(o => o.ToOnCost()).ToList(),
    };
}

public sealed record OutcomeInput(string? What, OutcomeTerm Term, DateOnly? ByWhen, string? HowWeWillKnow);

public enum PlanPurpose
{
    /// <summary>A plan for a child already on Targeted Short Breaks.</summary>
    Targeted,

    /// <summary>A step up from Flexible Short Breaks: the child moves when the plan is approved.</summary>
    StepUp,

    /// <summary>A step down from social care: the package is carried across as it is.</summary>
    StepDownFromSocialCare,
}

/// <summary>What a plan's purpose means for starting it: the tier the child must be on, the move it makes, its words.</summary>
public static class PlanPurposes
{
    public static Tier RequiredTier(PlanPurpose purpose) => purpose switch
    {
        PlanPurpose.StepUp => Tier.FlexibleShortBreaks,
        PlanPurpose.StepDownFromSocialCare => Tier.SocialCare,
        _ => Tier.TargetedShortBreaks,
    };

    public static string WrongTier(PlanPurpose purpose, Child child) => purpose switch
    {
        PlanPurpose.StepUp => $"A step up to Targeted Short Breaks is from Flexible Short Breaks; {child.FirstName} is on {Tiers.Name(child.Tier)}.",
        PlanPurpose.StepDownFromSocialCare => $"A step down from social care is for a child on specialist social care; {child.FirstName} is on {Tiers.Name(child.Tier)}.",
        _ => $"{child.FirstName} is on {Tiers.Name(child.Tier)}: Targeted Short Breaks are reached by a step up from Flexible Short Breaks or a step down from social care.",
    };

    /// <summary>The tier move made when the plan is first approved, if any.</summary>
    public static TierMove? PendingMove(PlanPurpose purpose) => purpose switch
    {
        PlanPurpose.StepUp => TierMove.StepUpToTargeted,
        PlanPurpose.StepDownFromSocialCare => TierMove.StepDownFromSocialCare,
        _ => null,
    };

    public static string Origin(PlanPurpose purpose) =>
        purpose == PlanPurpose.StepDownFromSocialCare ? "Carried over from social care as it was" : "First version";

    public static string Started(PlanPurpose purpose) => purpose switch
    {
        PlanPurpose.StepUp => "Step up to Targeted Short Breaks started: plan written from the RAS assessment",
        PlanPurpose.StepDownFromSocialCare => "Step down from social care started: package carried into a plan",
        _ => "Support plan started",
    };
}

/// <summary>The rules a plan version's content must meet (pure): lengths, the plan period, outcomes and costing.</summary>
public static class PlanContentRules
{
    /// <summary>Problems with a version's content; <paramref name="forAgreement"/> also asks for at least one outcome and one line.</summary>
    public static List<FieldError> Check(PlanContent content, int maximumPlanMonths, DateOnly today, bool forAgreement)
    {
        var errors = new List<FieldError>();
        var max = RequestRules.TextMaxLength;
        foreach (var (field, text) in new[] { ("WhatMattersToMe", content.WhatMattersToMe), ("HowBestToSupportMe", content.HowBestToSupportMe), ("MyCommunication", content.MyCommunication) })
            if (text?.Length > max) errors.Add(new(field, $"This must be {max} characters or fewer"));

        if (content.PeriodStart is null) errors.Add(new("PeriodStart", "Enter the date the plan starts"));
        if (content.PeriodEnd is null) errors.Add(new("PeriodEnd", "Enter the date the plan ends"));
        if (content.PeriodStart is { } start && content.PeriodEnd is { } end)
        {
            if (end < start) errors.Add(new("PeriodEnd", "The plan must end on or after the day it starts"));
            else if (end >= start.AddMonths(maximumPlanMonths)) errors.Add(new("PeriodEnd", $"A plan can run for at most {maximumPlanMonths} months before it is renewed"));
        }

        if (content.Outcomes.Count > PlanService.MaxOutcomes) errors.Add(new("Outcomes", $"A plan can have at most {PlanService.MaxOutcomes} outcomes"));
        for (var i = 0; i < content.Outcomes.Count; i++) CheckOutcome(content.Outcomes[i], i, errors);

        errors.AddRange(PlanCosting.Check(content.Lines, content.OnCosts, content.PeriodStart ?? today, content.PeriodEnd ?? content.PeriodStart ?? today)
            .Where(e => !e.StartsWith("The plan must end", StringComparison.Ordinal) && !e.StartsWith("A plan can run", StringComparison.Ordinal))
            .Select(e => new FieldError("Lines", e)));

        if (forAgreement)
        {
            if (content.Outcomes.Count == 0) errors.Add(new("Outcomes", "Add at least one outcome before the plan is agreed"));
            if (content.Lines.Count == 0) errors.Add(new("Lines", "Add at least one line of support before the plan is agreed"));
        }

        return errors;
    }

    private static void CheckOutcome(OutcomeInput o, int i, List<FieldError> errors)
    {
        var max = RequestRules.TextMaxLength;
        if (string.IsNullOrWhiteSpace(o.What)) errors.Add(new($"outcome-{i}-what", $"Outcome {i + 1}: say what the child wants to achieve"));
        else if (o.What.Length > max) errors.Add(new($"outcome-{i}-what", $"Outcome {i + 1} must be {max} characters or fewer"));
        if (string.IsNullOrWhiteSpace(o.HowWeWillKnow)) errors.Add(new($"outcome-{i}-how", $"Outcome {i + 1}: say how everyone will know it has been achieved"));
        else if (o.HowWeWillKnow.Length > max) errors.Add(new($"outcome-{i}-how", $"Outcome {i + 1}: how you will know must be {max} characters or fewer"));
        if (!Enum.IsDefined(o.Term)) errors.Add(new($"outcome-{i}-term", $"Outcome {i + 1}: choose short, medium or long term"));
    }
}
