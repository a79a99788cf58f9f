namespace ShortBreaks.Core.Requests;

/// <summary>
/// The threshold decision rules: which outcomes a request can have, when each is allowed, and what each does to
/// the request and the child's tier. Pure: the pages, the API and <see cref="RequestService.DecideAsync"/> all ask here.
/// </summary>
public static class ThresholdDecisions
{
    /// <summary>
    /// The outcomes of a request, in the order they are offered. Targeted Short Breaks is never one: it is reached
    /// only by a step up from Flexible Short Breaks or a step down from social care.
    /// </summary>
    public static readonly IReadOnlyList<DecisionOutcome> Outcomes =
        [DecisionOutcome.Universal, DecisionOutcome.FlexibleShortBreaksApproved, DecisionOutcome.ReferToSocialCare, DecisionOutcome.Safeguarding];

    /// <summary>An outcome by its name (any case); a number, an unknown name or Targeted Short Breaks is no outcome.</summary>
    public static DecisionOutcome? Parse(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : Outcomes.Cast<DecisionOutcome?>().FirstOrDefault(o => string.Equals(o.ToString(), text.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Why the outcome may not be decided now, field by field, in the order of the decision form: the reasons are
    /// required; the child's record must be confirmed first, except for a safeguarding concern, which must not wait;
    /// Flexible Short Breaks need every criterion met and a child not already on a higher tier.
    /// </summary>
    public static List<FieldError> Check(DecisionOutcome outcome, string? reasons, bool childConfirmed, EligibilityResult eligibility, Child? child)
    {
        var errors = new List<FieldError>();
        if (!Outcomes.Contains(outcome)) return [new("Outcome", "Select a decision")];
        if (string.IsNullOrWhiteSpace(reasons)) errors.Add(new("Reasons", "Enter the reasons for the decision"));
        else if (reasons.Length > RequestRules.TextMaxLength) errors.Add(new("Reasons", $"Reasons must be {RequestRules.TextMaxLength} characters or fewer"));
        if (!childConfirmed && !MayDecideBeforeMatching(outcome))
        {
            errors.Add(new("ChildId", "Confirm which child's record this request is for before deciding"));
        }

        if (outcome == DecisionOutcome.FlexibleShortBreaksApproved)
        {
            var unmet = eligibility.Criteria.Where(c => c.Outcome != CriterionOutcome.Met).ToList();
            if (unmet.Count > 0)
            {
                errors.Add(new("Outcome", "Flexible Short Breaks can only be approved when every criterion is met. Not met: " +
                                          string.Join("; ", unmet.Select(c => c.Criterion.ToLowerInvariant()))));
            }

            if (child?.Tier is Tier.TargetedShortBreaks or Tier.SocialCare)
            {
                errors.Add(new("Outcome", $"{child.FirstName} is already on {Tiers.Name(child.Tier)}: a move to Flexible Short Breaks is a step down, not a new request"));
            }
        }

        return errors;
    }

    /// <summary>A safeguarding concern is decided at once, even before the child's record is confirmed.</summary>
    public static bool MayDecideBeforeMatching(DecisionOutcome outcome) => outcome == DecisionOutcome.Safeguarding;

    /// <summary>
    /// The tier move a decision makes, if any: approving Flexible Short Breaks for a child not yet on them. A
    /// child already on Flexible Short Breaks renews, and stays where they are.
    /// </summary>
    public static TierMove? MoveFor(DecisionOutcome outcome, Tier current) =>
        outcome == DecisionOutcome.FlexibleShortBreaksApproved && current != Tier.FlexibleShortBreaks ? TierMove.FlexibleShortBreaksApproved : null;

    /// <summary>Signposting a child new to the service records them as known to universal services; it is not a tier move.</summary>
    public static Tier? SignpostedTier(DecisionOutcome outcome, Tier current) =>
        outcome == DecisionOutcome.Universal && current == Tier.None ? Tier.Universal : null;

    /// <summary>A safeguarding concern routes the request to the MASH; every other outcome decides it.</summary>
    public static RequestStatus StatusAfter(DecisionOutcome outcome) =>
        outcome == DecisionOutcome.Safeguarding ? RequestStatus.RoutedToMash : RequestStatus.Decided;

    /// <summary>Whether the family is sent a letter with the reasons and an email: never for a safeguarding concern.</summary>
    public static bool TellsFamily(DecisionOutcome outcome) => outcome != DecisionOutcome.Safeguarding;

    /// <summary>The referral out of the short breaks flow a decision makes, if any.</summary>
    public static ReferralKind? ReferralFor(DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.ReferToSocialCare => ReferralKind.SocialCare,
        DecisionOutcome.Safeguarding => ReferralKind.MultiAgencySafeguardingHub,
        _ => null,
    };

    /// <summary>
    /// The decision as it is kept: by whom and when, the criteria as they stood, and the Flexible Short Breaks
    /// allowance of the scheme when approved. The service and the demo county keep their decisions alike this way.
    /// </summary>
    public static RequestDecision Record(ShortBreakRequest request, Child child, DecisionOutcome outcome, string reasons,
        EligibilityResult eligibility, Scheme scheme, Actor by, DateTime at)
    {
        var approved = outcome == DecisionOutcome.FlexibleShortBreaksApproved;
        var fsb = scheme.Tiers.FlexibleShortBreaks;
        return new RequestDecision
        {
            RequestId = request.Id,
            ChildId = child.Id,
            Outcome = outcome,
            Reasons = reasons,
            DecidedAt = at,
            DecidedByUserId = by.UserId ?? "",
            DecidedByName = by.Name,
            SchemeVersion = scheme.Version,
            CriteriaJson = EligibilityJson.Serialize(eligibility.Criteria),
            AllowanceHoursPerYear = approved ? fsb.HoursPerYear : null,
            AllowanceDirectPaymentPerYear = approved ? fsb.DirectPaymentPerYear : null,
            AllowanceProviderPerYear = approved ? fsb.ProviderPerYear : null,
        };
    }

    /// <summary>The referral a decision makes (see <see cref="ReferralFor"/>): with its reasons, by the same person, at the same moment.</summary>
    public static Referral ReferralOf(RequestDecision decision, ReferralKind kind) => new()
    {
        RequestId = decision.RequestId,
        ChildId = decision.ChildId,
        Kind = kind,
        Reasons = decision.Reasons,
        ReferredAt = decision.DecidedAt,
        ReferredByUserId = decision.DecidedByUserId,
        ReferredByName = decision.DecidedByName,
    };
}
