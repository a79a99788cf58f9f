namespace ShortBreaks.Core.Requests;

/// <summary>
/// The officer's threshold decision on a sent request, applying the rules of <see cref="ThresholdDecisions"/>: the
/// eligibility check it is made against, the decision with its letter and timeline, the tier, and who is told.
/// </summary>
public sealed class ThresholdDecisionService(
    ShortBreaksDbContext db,
    SchemeCatalog schemes,
    RequestMatching matching,
    TierService tiers,
    SocialCareReferrals referrals,
    EmailSender email,
    ILogger<ThresholdDecisionService> logger)
{
    private Scheme SchemeInForce => schemes.InForceOn(db.Today);

    /// <summary>The request checked against the eligibility criteria in force on the day of the check.</summary>
    public async Task<EligibilityResult> CheckEligibilityAsync(ShortBreakRequest request, CancellationToken ct = default)
    {
        var evidenceKinds = await db.EvidenceDocuments.Where(d => d.RequestId == request.Id).Select(d => d.KindId).Distinct().ToListAsync(ct);
        return EligibilityCheck.Evaluate(SchemeInForce, FactsOf(request, evidenceKinds), db.Today);
    }

    public static EligibilityFacts FactsOf(ShortBreakRequest request, IReadOnlyCollection<string> evidenceKinds) =>
        new(request.ChildDateOfBirth, request.NeedIdList, evidenceKinds, request.HasEhcPlan == true);

    /// <summary>
    /// Records the officer's threshold decision, updates the child's tier, writes the letter and tells the
    /// family. A safeguarding concern goes to the MASH at once and the family is not sent the reasons.
    /// </summary>
    public async Task<CommandResult> DecideAsync(ShortBreakRequest request, DecisionOutcome outcome, string? reasons, long versionSeen, CancellationToken ct = default)
    {
        if (Refusal(request, outcome, versionSeen) is { } refused) return refused;

        var eligibility = await CheckEligibilityAsync(request, ct);
        var child = request.ChildId is { } childId ? await db.Children.FirstAsync(c => c.Id == childId, ct) : null;
        var errors = ThresholdDecisions.Check(outcome, reasons, request.ChildConfirmed, eligibility, child);
        if (errors.Count > 0) return CommandResult.Fail(errors);

        if (child is null)
        {
            // A safeguarding concern may be raised before the record is confirmed: it must not wait.
            var matches = await matching.PossibleMatchesAsync(request, ct);
            var confirm = await matching.ConfirmChildAsync(request, matches.Count == 1 ? matches[0].Id : null, request.Version, ct);
            if (!confirm.Succeeded) return confirm;
            versionSeen = request.Version;
            child = await db.Children.FirstAsync(c => c.Id == request.ChildId, ct);
        }

        var scheme = SchemeInForce;
        db.ExpectVersion(request, versionSeen);
        var decision = NewDecision(request, child, outcome, reasons!.Trim(), scheme, eligibility);
        await ApplyAsync(request, child, decision, ct);
        KeepLetterAndTimeline(request, child, decision, scheme);

        var saved = await db.SaveOrConflictAsync(CommandResult.Concurrent, _ => FirstDecisionKeptAsync(request, ct), ct);
        if (!saved.Succeeded) return saved;

        await TellAsync(request, child, outcome, scheme, ct);
        return CommandResult.Ok;
    }

    /// <summary>Why no decision can be recorded on the request as the officer saw it, if there is a reason.</summary>
    private static CommandResult? Refusal(ShortBreakRequest request, DecisionOutcome outcome, long versionSeen)
    {
        if (!ThresholdDecisions.Outcomes.Contains(outcome))
        {
            return CommandResult.Fail("Outcome", "Select a decision");
        }

        if (request.Status != RequestStatus.Submitted)
        {
            return request.Status is RequestStatus.Decided or RequestStatus.RoutedToMash
                ? CommandResult.Conflicted("A decision has already been made on this request.")
                : CommandResult.Fail("", "Only a request that has been sent can be decided.");
        }

        return request.Version != versionSeen ? CommandResult.Concurrent : null;
    }

    private RequestDecision NewDecision(ShortBreakRequest request, Child child, DecisionOutcome outcome, string reasons, Scheme scheme, EligibilityResult eligibility)
    {
        var decision = ThresholdDecisions.Record(request, child, outcome, reasons, eligibility, scheme, db.Actor, db.UtcNow);
        if (outcome == DecisionOutcome.FlexibleShortBreaksApproved) child.KeyWorkerId ??= db.Actor.UserId;
        return decision;
    }

    /// <summary>What the decision does to the child and the request: the tier, a referral, the request's status.</summary>
    private async Task ApplyAsync(ShortBreakRequest request, Child child, RequestDecision decision, CancellationToken ct)
    {
        var outcome = decision.Outcome;
        // The tier changes only by the named move, on the timeline like every other move.
        if (ThresholdDecisions.MoveFor(outcome, child.Tier) is { } move)
        {
            await tiers.ApplyAsync(child, move, decision.Reasons, ct);
        }

        if (ThresholdDecisions.SignpostedTier(outcome, child.Tier) is { } signposted) child.Tier = signposted;
        if (ThresholdDecisions.ReferralFor(outcome) is { } referral)
        {
            var made = db.Referrals.Add(ThresholdDecisions.ReferralOf(decision, referral)).Entity;
            // A referral to social care waits on the managers' lists until one of them passes it on (the MASH is emailed below).
            if (referral == ReferralKind.SocialCare) await referrals.TellManagersAsync(made, ct);
        }

        request.Status = ThresholdDecisions.StatusAfter(outcome);
        request.UpdatedAt = db.UtcNow;
        db.Decisions.Add(decision);
    }

    /// <summary>The decision letter (never for a safeguarding concern) and the decision on the child's timeline.</summary>
    private void KeepLetterAndTimeline(ShortBreakRequest request, Child child, RequestDecision decision, Scheme scheme)
    {
        if (ThresholdDecisions.TellsFamily(decision.Outcome))
        {
            var (title, body) = DecisionLetter.Compose(scheme, request, decision);
            decision.LetterId = db.AddLetter(child.Id, LetterKinds.Decision, title, body, request.Id).Id;
        }

        db.AddTimeline(child.Id,
            decision.Outcome == DecisionOutcome.Safeguarding ? TimelineKinds.Safeguarding : TimelineKinds.Decision,
            DecisionOutcomes.Name(decision.Outcome), decision.Reasons, request.Id);
    }

    /// <summary>Two officers decided at the same moment: the unique index kept the first decision only.</summary>
    private async Task<CommandResult?> FirstDecisionKeptAsync(ShortBreakRequest request, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return await db.Decisions.AnyAsync(d => d.RequestId == request.Id, ct) ? CommandResult.Concurrent : null;
    }

    /// <summary>Once saved: the MASH for a safeguarding concern, otherwise the person who sent the request.</summary>
    private async Task TellAsync(ShortBreakRequest request, Child child, DecisionOutcome outcome, Scheme scheme, CancellationToken ct)
    {
        if (!ThresholdDecisions.TellsFamily(outcome))
        {
            await email.TrySendAsync(db, logger, scheme.Council.MashEmail, child.Id, Emails.SafeguardingReferral(request, child, db.Actor.Name, db.UtcNow), ct);
        }
        else if (!string.IsNullOrWhiteSpace(request.ContactEmail))
        {
            await email.TrySendAsync(db, logger, request.ContactEmail, child.Id, Emails.DecisionWaiting(request, scheme, email.Options.PublicBaseUrl), ct);
        }
    }
}
