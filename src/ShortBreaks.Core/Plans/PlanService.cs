namespace ShortBreaks.Core.Plans;

/// <summary>
/// Support plans: started for a step up (from a RAS assessment) or a step down (the social care package carried
/// over), changed only by making new versions, and the version in force. Agreeing and approving a version is
/// <see cref="PlanApprovalService"/>.
/// </summary>
public sealed class PlanService(ShortBreaksDbContext db, SchemeCatalog schemes)
{
    public const int MaxOutcomes = 30;
    public const int ChangeSummaryMaxLength = 500;

    public DateOnly Today => db.Today;
    private Scheme Scheme => schemes.InForceOn(Today);

    /// <summary>The scheme in force today, for the letters the panel sends.</summary>
    internal Scheme SchemeInForce => Scheme;

    /// <summary>The conventions plans are costed under today.</summary>
    public CostingRules CostingRules(Tier tier)
    {
        var scheme = Scheme;
        var (min, max, hours) = tier == Tier.FlexibleShortBreaks
            ? (scheme.Tiers.FlexibleShortBreaks.HourlyRateMinimum, scheme.Tiers.FlexibleShortBreaks.HourlyRateMaximum, (int?)scheme.Tiers.FlexibleShortBreaks.HoursPerYear)
            : (scheme.Tiers.TargetedShortBreaks.HourlyRateMinimum, scheme.Tiers.TargetedShortBreaks.HourlyRateMaximum, scheme.Tiers.TargetedShortBreaks.MaximumHoursPerYear);
        return new CostingRules
        {
            WeeksPerYear = scheme.PlanRules.WeeksPerYear,
            HourlyRateMinimum = min,
            HourlyRateMaximum = max,
            MaximumHoursPerYear = hours,
            ResidentialNightMaximum = scheme.OvernightRates.ResidentialUnitMaximum,
            NightAtHomeMaximum = scheme.OvernightRates.AtHome,
            CollegeNightMaximum = scheme.OvernightRates.CollegeNight,
        };
    }

    /// <summary>Problems with a version's content; <paramref name="forAgreement"/> also asks for at least one outcome and one line.</summary>
    public List<FieldError> Check(PlanContent content, bool forAgreement = false) =>
        PlanContentRules.Check(content, Scheme.PlanRules.MaximumPlanMonths, Today, forAgreement);

    /// <summary>Starts a child's plan with its first version, as a draft.</summary>
    public async Task<(SupportPlan? Plan, CommandResult Result)> StartAsync(Guid childId, PlanPurpose purpose, Guid? rasAssessmentId, PlanContent content, CancellationToken ct = default)
    {
        var child = await db.Children.FirstOrDefaultAsync(c => c.Id == childId, ct);
        if (child is null) return (null, CommandResult.Fail("", "There is no record for this child."));
        var (errors, assessment) = await CheckStartAsync(child, purpose, rasAssessmentId, ct);
        errors.AddRange(Check(content));
        if (errors.Count > 0) return (null, CommandResult.Fail(errors));

        var plan = new SupportPlan
        {
            ChildId = childId,
            CreatedAt = db.UtcNow,
            CreatedByName = db.Actor.Name,
            LatestNumber = 1,
            PendingMove = PlanPurposes.PendingMove(purpose),
        };
        // Until a version is in force, the schedule is the first version's, counted from the day the plan starts.
        SetReviewSchedule(plan, ReviewScheduleOf(content, rasAssessmentId is not null, child.Tier, content.PeriodStart!.Value, child.EhcPlanReviewDate));
        db.SupportPlans.Add(plan);

        AddVersion(plan, child, 1, content, PlanPurposes.Origin(purpose), assessment?.Id, assessment is null ? null : assessment.OverrideAmount ?? assessment.IndicativeAmount);
        db.AddTimeline(childId, TimelineKinds.Plan, PlanPurposes.Started(purpose), null);
        var result = await SaveAsync(ct);
        return (result.Succeeded ? plan : null, result);
    }

    /// <summary>Why a plan for this purpose cannot start for the child, and the RAS assessment it starts from.</summary>
    private async Task<(List<FieldError> Errors, RasAssessment? Assessment)> CheckStartAsync(Child child, PlanPurpose purpose, Guid? rasAssessmentId, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (await db.SupportPlans.AnyAsync(p => p.ChildId == child.Id && p.EndedAt == null, ct))
            errors.Add(new("", $"{child.FirstName} already has a plan: change it by making a new version."));
        if (child.Tier != PlanPurposes.RequiredTier(purpose)) errors.Add(new("", PlanPurposes.WrongTier(purpose, child)));

        RasAssessment? assessment = null;
        if (rasAssessmentId is { } assessmentId)
        {
            assessment = await db.RasAssessments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == assessmentId && a.ChildId == child.Id, ct);
            if (assessment is not { Status: RasAssessmentStatus.Completed })
                errors.Add(new("RasAssessmentId", "Choose a completed RAS assessment of this child"));
        }
        else if (purpose == PlanPurpose.StepUp)
        {
            errors.Add(new("RasAssessmentId", "A step up starts with a completed RAS assessment"));
        }

        return (errors, assessment);
    }

    /// <summary>
    /// Saves a change as a new version made from <paramref name="basedOnNumber"/>. If someone else has made a
    /// version since, nothing is saved and the caller is told (it still holds what was typed).
    /// </summary>
    public async Task<(PlanVersion? Version, CommandResult Result)> ChangeAsync(Guid planId, int basedOnNumber, PlanContent content, string? changeSummary, long planVersionSeen, CancellationToken ct = default)
    {
        var plan = await db.SupportPlans.FirstOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null) return (null, CommandResult.Fail("", "There is no such plan."));
        if (plan.EndedAt is not null) return (null, CommandResult.Fail("", "This plan has ended and cannot be changed."));
        var errors = Check(content);
        if (string.IsNullOrWhiteSpace(changeSummary)) errors.Add(new("ChangeSummary", "Say what you changed, so the family and the panel can see it"));
        else if (changeSummary.Length > ChangeSummaryMaxLength) errors.Add(new("ChangeSummary", $"What changed must be {ChangeSummaryMaxLength} characters or fewer"));
        if (errors.Count > 0) return (null, CommandResult.Fail(errors));
        if (plan.LatestNumber != basedOnNumber || plan.Version != planVersionSeen) return (null, Conflict());

        var child = await db.Children.FirstAsync(c => c.Id == plan.ChildId, ct);
        var previous = await db.PlanVersions.AsNoTracking().FirstAsync(v => v.PlanId == planId && v.Number == basedOnNumber, ct);
        db.ExpectVersion(plan, planVersionSeen);
        await SupersedeOpenVersionsAsync(plan, ct);
        plan.LatestNumber++;
        // A RAS assessment completed since the version it is made from (after a review decided to change the plan) is
        // the child's needs as they are now: the new version's indicative budget is that assessment's.
        var reassessed = await db.RasAssessments.AsNoTracking()
            .Where(a => a.ChildId == plan.ChildId && a.Status == RasAssessmentStatus.Completed && a.CompletedAt > previous.CreatedAt)
            .OrderByDescending(a => a.CompletedAt).FirstOrDefaultAsync(ct);
        var version = reassessed is null
            ? AddVersion(plan, child, plan.LatestNumber, content, null, previous.RasAssessmentId, previous.IndicativeBudget)
            : AddVersion(plan, child, plan.LatestNumber, content, null, reassessed.Id, reassessed.OverrideAmount ?? reassessed.IndicativeAmount);
        version.ChangeSummary = changeSummary!.Trim();
        var result = await SaveAsync(ct);
        return (result.Succeeded ? version : null, result);
    }

    /// <summary>Versions not yet approved are replaced by the new one, and taken off the panel's agenda.</summary>
    private async Task SupersedeOpenVersionsAsync(SupportPlan plan, CancellationToken ct)
    {
        foreach (var open in await db.PlanVersions.Where(v => v.PlanId == plan.Id && (v.Status == PlanVersionStatus.Draft || v.Status == PlanVersionStatus.AwaitingApproval)).ToListAsync(ct))
        {
            open.Status = PlanVersionStatus.Superseded;
            foreach (var item in await db.PanelItems.Where(p => p.PlanVersionId == open.Id && p.Status == PanelItemStatus.Awaiting).ToListAsync(ct))
            {
                item.Status = PanelItemStatus.Withdrawn;
                item.Reasons = $"Replaced by version {plan.LatestNumber + 1} of the plan";
            }
        }
    }

    /// <summary>A saved version's costing, worked out again from its lines as the plan pages show it.</summary>
    public PlanCost CostOf(PlanVersion version, Tier tier) =>
        PlanCosting.Cost(version.Lines.OrderBy(l => l.Order).Select(l => l.ToLine()).ToList(), version.OnCosts.OrderBy(o => o.Order).Select(o => o.ToOnCost()).ToList(),
            version.PeriodStart, version.PeriodEnd, CostingRules(tier), version.IndicativeBudget);

    /// <summary>
    /// The version in force on a day (<see cref="PlanInForce"/>): the newest approved version that has taken effect by
    /// then. A lower version waiting on a reconsideration has no <see cref="PlanVersion.EffectiveFrom"/> until the panel
    /// decides, so the version before it stays in force meanwhile.
    /// </summary>
    public Task<PlanVersion?> InForceAsync(Guid planId, DateOnly day, CancellationToken ct = default) =>
        db.PlanVersions.AsNoTracking()
            .Where(v => v.PlanId == planId)
            .Where(PlanInForce.TakenEffectBy(day))
            .OrderByDescending(v => v.Number)
            .FirstOrDefaultAsync(ct);

    /// <summary>
    /// The review schedule of a version (with its lines and on-costs loaded), counted from <paramref name="from"/>: the
    /// day it came into force, or the day a plan not yet in force starts.
    /// </summary>
    public ReviewSchedule ReviewScheduleOf(PlanVersion version, DateOnly from, DateOnly? ehcPlanReviewDate) =>
        ReviewScheduleOf(PlanContent.Of(version), version.RasAssessmentId is not null, Tier.TargetedShortBreaks, from, ehcPlanReviewDate);

    private ReviewSchedule ReviewScheduleOf(PlanContent content, bool rasPackage, Tier tier, DateOnly from, DateOnly? ehcPlanReviewDate)
    {
        var residentialNights = PlanCosting.Cost(content.Lines, content.OnCosts, content.PeriodStart!.Value, content.PeriodEnd!.Value, CostingRules(tier))
            .Lines.Where(l => l.Line.Type == SupportType.ResidentialNight).Sum(l => l.UnitsPerYear);
        return ReviewSchedules.For(Scheme.Reviews, Scheme.OvernightRates.Section17_6MaximumNightsPerYear, residentialNights, rasPackage, from, ehcPlanReviewDate);
    }

    private static void SetReviewSchedule(SupportPlan plan, ReviewSchedule schedule)
    {
        plan.NextReviewDue = schedule.NextDue;
        plan.NextReviewKind = schedule.Kind;
        plan.ReviewSchedule = schedule.Description;
    }

    /// <summary>Loads a tracked version's lines, on-costs and outcomes, if they are not loaded already.</summary>
    internal async Task LoadContentAsync(PlanVersion version, CancellationToken ct)
    {
        var entry = db.Entry(version);
        foreach (var collection in new[] { entry.Collection(v => v.Lines), (Microsoft.EntityFrameworkCore.ChangeTracking.CollectionEntry)entry.Collection(v => v.OnCosts), entry.Collection(v => v.Outcomes) })
            if (!collection.IsLoaded) await collection.LoadAsync(ct);
    }

    /// <summary>A version has come into force today: the plan's review schedule follows it.</summary>
    internal async Task CameIntoForceAsync(SupportPlan plan, PlanVersion version, CancellationToken ct)
    {
        await LoadContentAsync(version, ct);
        var ehc = await db.Children.AsNoTracking().Where(c => c.Id == plan.ChildId).Select(c => c.EhcPlanReviewDate).FirstAsync(ct);
        SetReviewSchedule(plan, ReviewScheduleOf(version, version.EffectiveFrom ?? Today, ehc));
    }

    /// <summary>The child's open plan, if any.</summary>
    public Task<SupportPlan?> OpenPlanAsync(Guid childId, CancellationToken ct = default) =>
        db.SupportPlans.AsNoTracking().FirstOrDefaultAsync(p => p.ChildId == childId && p.EndedAt == null, ct);

    /// <summary>One version with everything it says.</summary>
    public Task<PlanVersion?> VersionAsync(Guid planId, int number, CancellationToken ct = default) =>
        db.PlanVersions.AsNoTracking().AsSplitQuery()
            .Include(v => v.Outcomes).Include(v => v.Lines).Include(v => v.OnCosts)
            .FirstOrDefaultAsync(v => v.PlanId == planId && v.Number == number, ct);

    private PlanVersion AddVersion(SupportPlan plan, Child child, int number, PlanContent content, string? origin, Guid? rasAssessmentId, decimal? indicative)
    {
        var cost = PlanCosting.Cost(content.Lines, content.OnCosts, content.PeriodStart!.Value, content.PeriodEnd!.Value, CostingRules(child.Tier), indicative);
        var version = new PlanVersion
        {
            PlanId = plan.Id,
            ChildId = plan.ChildId,
            Number = number,
            Status = PlanVersionStatus.Draft,
            Origin = origin,
            WhatMattersToMe = Trim(content.WhatMattersToMe),
            HowBestToSupportMe = Trim(content.HowBestToSupportMe),
            MyCommunication = Trim(content.MyCommunication),
            PeriodStart = content.PeriodStart!.Value,
            PeriodEnd = content.PeriodEnd!.Value,
            RasAssessmentId = rasAssessmentId,
            IndicativeBudget = indicative,
            AnnualCost = cost.AnnualTotal,
            PeriodCost = cost.PeriodTotal,
            CreatedAt = db.UtcNow,
            CreatedByUserId = db.Actor.UserId ?? "",
            CreatedByName = db.Actor.Name,
        };
        version.Outcomes = content.Outcomes.Select((o, i) => new PlanOutcome
        {
            PlanVersionId = version.Id, Order = i, What = o.What!.Trim(), Term = o.Term, ByWhen = o.ByWhen, HowWeWillKnow = o.HowWeWillKnow!.Trim(),
        }).ToList();
        version.Lines = content.Lines.Select((l, i) => new PlanSupportLine
        {
            PlanVersionId = version.Id, Order = i, Description = l.Description.Trim(), Type = l.Type, Quantity = l.Quantity, Frequency = l.Frequency,
            UnitCost = l.UnitCost, Route = l.Route, RateName = Trim(l.RateName), ProviderId = l.ProviderId, ProvidedBy = Trim(l.ProvidedBy),
        }).ToList();
        version.OnCosts = content.OnCosts.Select((o, i) => new PlanOnCost
        {
            PlanVersionId = version.Id, Order = i, Description = o.Description.Trim(), MonthlyAmount = o.MonthlyAmount, Route = o.Route,
        }).ToList();
        db.PlanVersions.Add(version);
        return version;
    }

    internal static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Someone else changed the plan first: the answer of every plan command that loses the race.</summary>
    internal static CommandResult Conflict() => CommandResult.Conflicted(
        "Someone else changed this plan while you were working on it. Nothing you entered has been lost: check the plan as it is now and save your change again.");

    internal Task<CommandResult> SaveAsync(CancellationToken ct) => db.SaveOrConflictAsync(Conflict(), ct);
}
