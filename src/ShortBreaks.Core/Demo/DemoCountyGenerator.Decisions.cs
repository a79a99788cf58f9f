namespace ShortBreaks.Core.Demo;

internal sealed partial class DemoCountyGenerator
{
    /// <summary>
    /// The officer's threshold decision, made by the rules the service decides by (<see cref="ThresholdDecisions"/>)
    /// and told to the family in the letter the service writes (<see cref="Letters.DecisionLetter"/>). Written straight
    /// to the database rather than through <see cref="RequestService.DecideAsync"/>: a county is decided in the past,
    /// by many officers, thousands at a time, without an email to each family.
    /// </summary>
    private void AddDecision(Child child, ShortBreakRequest request, Tier tier, List<string> needIds,
        string? evidenceKind, StaffMember decider, DateTime decidedAt)
    {
        // Targeted Short Breaks are never a request's outcome: those children were approved Flexible Short Breaks and stepped up later.
        var outcome = tier switch
        {
            Tier.Universal => DecisionOutcome.Universal,
            Tier.SocialCare => DecisionOutcome.ReferToSocialCare,
            _ => DecisionOutcome.FlexibleShortBreaksApproved,
        };

        var day = UkCalendar.DateOf(decidedAt);
        var facts = new EligibilityFacts(child.DateOfBirth, needIds, evidenceKind is null ? [] : [evidenceKind], child.HasEhcPlan);
        var eligibility = EligibilityCheck.Evaluate(_scheme, facts, day);
        var reasons = Reasons(child, outcome, eligibility);

        // The child was new to the service when the request was decided.
        var errors = ThresholdDecisions.Check(outcome, reasons, request.ChildConfirmed, eligibility, child: null);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(
                $"The demo county would decide request {request.Reference} as the service never would: {string.Join(" ", errors.Select(e => e.Message))}");
        }

        var letterId = _random.Id(decidedAt);
        var by = decider.Actor;
        var decision = ThresholdDecisions.Record(request, child, outcome, reasons, eligibility, _scheme, by, decidedAt);
        decision.Id = _random.Id(decidedAt);
        request.Status = ThresholdDecisions.StatusAfter(outcome);
        _db.Decisions.Add(decision);

        if (ThresholdDecisions.TellsFamily(outcome))
        {
            var (title, body) = Letters.DecisionLetter.Compose(_scheme, request, decision);
            var letter = ChildTimeline.NewLetter(child.Id, LetterKinds.Decision, title, body, request.Id, by, decidedAt);
            letter.Id = letterId;
            decision.LetterId = letterId;
            _db.Letters.Add(letter);
        }

        if (ThresholdDecisions.ReferralFor(outcome) is { } referral)
        {
            var made = ThresholdDecisions.ReferralOf(decision, referral);
            made.Id = _random.Id(decidedAt);
            // Referrals to social care older than a week were passed on two days after the decision; newer ones wait on
            // the managers' list, as they would.
            if (referral == ReferralKind.SocialCare && UkCalendar.DateOf(decidedAt).AddDays(7) < _today)
            {
                made.PassedOnAt = decidedAt.AddDays(2);
                made.PassedOnByUserId = by.UserId;
                made.PassedOnByName = by.Name;
                made.PassedOnHow = "Secure email to the children's social care front door.";
            }

            _db.Referrals.Add(made);
        }

        AddTimeline(child.Id, request.Id, decidedAt, TimelineKinds.Decision, DecisionOutcomes.Name(outcome), reasons, by);
        _decisions++;
    }

    /// <summary>The reasons an officer writes for the outcome, from the criteria as the eligibility check found them.</summary>
    private string Reasons(Child child, DecisionOutcome outcome, EligibilityResult eligibility)
    {
        var needsExplanation = eligibility.Criteria.First(c => c.Id == EligibilityCheck.NeedsCriterion).Explanation;
        return outcome switch
        {
            DecisionOutcome.FlexibleShortBreaksApproved =>
                $"{child.FirstName} meets the criteria for {_scheme.Tiers.FlexibleShortBreaks.Name}. " +
                string.Join(" ", eligibility.Criteria.Select(c => $"{c.Criterion}: {LowerFirst(c.Explanation)}")),
            DecisionOutcome.Universal =>
                $"The needs described do not meet the threshold for {_scheme.Tiers.FlexibleShortBreaks.Name}: {LowerFirst(needsExplanation)} " +
                $"{child.FirstName} can use the activities and support open to all children in the Local Offer.",
            _ =>
                $"{child.FirstName}'s needs are more than short breaks alone can meet: {LowerFirst(needsExplanation)} " +
                "We have asked the children with disabilities social work team to assess them.",
        };
    }

    private static string LowerFirst(string text) =>
        text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;
}
