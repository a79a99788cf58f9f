namespace ShortBreaks.Core.Plans;

/// <summary>Moves a child between tiers by the named moves only, each on the timeline with who, when and why.</summary>
public sealed class TierService(ShortBreaksDbContext db, SchemeCatalog schemes)
{
    /// <summary>Moves an officer makes directly. Entry to Targeted Short Breaks happens when the plan is approved.</summary>
    public static readonly IReadOnlySet<TierMove> DirectMoves = new HashSet<TierMove>
    {
        TierMove.StepUpToSocialCare, TierMove.StepDownToFlexible, TierMove.TransferToAdultServices, TierMove.Closure,
    };

    public DateOnly Today => db.Today;

    public async Task<CommandResult> MoveAsync(Guid childId, TierMove move, string? reason, long childVersionSeen, CancellationToken ct = default)
    {
        var child = await db.Children.FirstOrDefaultAsync(c => c.Id == childId, ct);
        if (child is null) return CommandResult.Fail("", "There is no record for this child.");
        if (!DirectMoves.Contains(move))
        {
            return CommandResult.Fail("Move", move switch
            {
                TierMove.StepUpToTargeted => "A step up to Targeted Short Breaks starts with a RAS assessment and a plan: the child moves when the plan is approved.",
                TierMove.StepDownFromSocialCare => "A step down from social care starts by carrying the package into a plan: the child moves when the plan is approved.",
                TierMove.FlexibleShortBreaksApproved => "Flexible Short Breaks are approved by deciding a request.",
                _ => "Choose a move.",
            });
        }

        var errors = Check(child, move, reason);
        if (errors.Count > 0) return CommandResult.Fail(errors);

        db.ExpectVersion(child, childVersionSeen);
        await ApplyAsync(child, move, reason!, ct);
        return await db.SaveOrConflictAsync(
            CommandResult.Conflicted("Someone else changed this child's record while you were working on it. Check it as it is now and try again."), ct);
    }

    /// <summary>Whether a move may be made now, with the reasons it may not.</summary>
    public List<FieldError> Check(Child child, TierMove move, string? reason)
    {
        var errors = new List<FieldError>();
        var (to, refusal) = TierMoves.Apply(child.Tier, move);
        if (to is null) errors.Add(new("Move", refusal!));
        if (string.IsNullOrWhiteSpace(reason)) errors.Add(new("Reason", "Enter why the child is moving"));
        else if (reason.Length > RequestRules.TextMaxLength) errors.Add(new("Reason", $"The reason must be {RequestRules.TextMaxLength} characters or fewer"));
        if (move == TierMove.TransferToAdultServices && to is not null)
        {
            var ages = schemes.InForceOn(Today).Ages;
            var (date, inWindow) = TierMoves.AdultTransfer(child.DateOfBirth, ages.MaximumAgeYearsExclusive, ages.AdultTransferPlanningMonths, Today);
            if (!inWindow)
                errors.Add(new("Move", $"{child.FirstName} moves to adult services on {date:d MMMM yyyy}: the handover can be recorded from {date.AddMonths(-ages.AdultTransferPlanningMonths):d MMMM yyyy}."));
        }

        return errors;
    }

    /// <summary>
    /// Records a checked move in the current unit of work, without saving: the child's tier, the change, the
    /// timeline, and the end of a plan the child no longer needs.
    /// </summary>
    public async Task ApplyAsync(Child child, TierMove move, string reason, CancellationToken ct)
    {
        var (to, refusal) = TierMoves.Apply(child.Tier, move);
        if (to is null) throw new InvalidOperationException(refusal);
        var change = new TierChange
        {
            ChildId = child.Id,
            Move = move,
            From = child.Tier,
            To = to.Value,
            At = db.UtcNow,
            ByUserId = db.Actor.UserId,
            ByName = db.Actor.Name,
            Reason = reason.Trim(),
        };
        db.TierChanges.Add(change);
        db.AddTimeline(child.Id, TimelineKinds.TierChange,
            $"{TierMoves.Name(move)}: {Tiers.Name(change.From)} to {(to == Tier.None ? "no service" : Tiers.Name(to.Value))}", change.Reason);
        child.Tier = to.Value;

        if (to is Tier.None or Tier.FlexibleShortBreaks or Tier.SocialCare)
        {
            foreach (var plan in await db.SupportPlans.Where(p => p.ChildId == child.Id && p.EndedAt == null).ToListAsync(ct))
                plan.EndedAt = db.UtcNow;
        }

        // A step up is a referral to social care, which works outside this service: the managers pass it on.
        if (move == TierMove.StepUpToSocialCare) await new SocialCareReferrals(db, new Messenger(db, schemes)).ReferAsync(child.Id, null, change.Reason, ct);
    }

    /// <summary>
    /// Children whose move to adult services is within the planning window, soonest first: of the children
    /// <paramref name="viewer"/> sees (<see cref="Caseloads.ChildVisibility"/>), every one when null.
    /// </summary>
    public async Task<List<(Child Child, DateOnly TransferDate)>> AdultTransfersDueAsync(Caseloads.StaffViewer? viewer = null, CancellationToken ct = default)
    {
        var ages = schemes.InForceOn(Today).Ages;
        // Born on or before this day: the eighteenth birthday is within the planning window.
        var bornBy = Today.AddMonths(ages.AdultTransferPlanningMonths).AddYears(-ages.MaximumAgeYearsExclusive);
        var children = await (viewer is null ? db.Children : Caseloads.ChildVisibility.VisibleTo(db.Children, db, viewer)).AsNoTracking()
            .Where(c => c.MergedIntoChildId == null && c.DateOfBirth <= bornBy
                        && (c.Tier == Tier.FlexibleShortBreaks || c.Tier == Tier.TargetedShortBreaks || c.Tier == Tier.SocialCare))
            .OrderBy(c => c.DateOfBirth).ToListAsync(ct);
        return children.Select(c => (c, c.DateOfBirth.AddYears(ages.MaximumAgeYearsExclusive))).ToList();
    }
}
