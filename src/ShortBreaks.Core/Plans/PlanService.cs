using Microsoft.EntityFrameworkCore;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Letters;
using ShortBreaks.Core.Ras;
using ShortBreaks.Core.Requests;
using ShortBreaks.Core.Schemes;

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

/// <summary>
/// Support plans: started for a step up (from a RAS assessment) or a step down (the social care package carried
/// over), changed only by making new versions, agreed by the family and the officer, approved by a manager or
/// the panel when the scheme says so, and in force from approval, or after notice when the budget falls.
/// </summary>
public sealed class PlanService(ShortBreaksDbContext db, SchemeCatalog schemes, TierService tiers)
{
    public const int MaxOutcomes = 30;
    public const int ChangeSummaryMaxLength = 500;

    public DateOnly Today => DateOnly.FromDateTime(db.UtcNow);
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
    public List<FieldError> Check(PlanContent content, bool forAgreement = false)
    {
        var errors = new List<FieldError>();
        var max = RequestRules.TextMaxLength;
        foreach (var (field, text) in new[] { ("WhatMattersToMe", content.WhatMattersToMe), ("HowBestToSupportMe", content.HowBestToSupportMe), ("MyCommunication", content.MyCommunication) })
            if (text?.Length > max) errors.Add(new(field, $"This must be {max} characters or fewer"));

        if (content.PeriodStart is null) errors.Add(new("PeriodStart", "Enter the date the plan starts"));
        if (content.PeriodEnd is null) errors.Add(new("PeriodEnd", "Enter the date the plan ends"));
        if (content.PeriodStart is { } start && content.PeriodEnd is { } end)
        {
            var months = Scheme.PlanRules.MaximumPlanMonths;
            if (end < start) errors.Add(new("PeriodEnd", "The plan must end on or after the day it starts"));
            else if (end >= start.AddMonths(months)) errors.Add(new("PeriodEnd", $"A plan can run for at most {months} months before it is renewed"));
        }

        if (content.Outcomes.Count > MaxOutcomes) errors.Add(new("Outcomes", $"A plan can have at most {MaxOutcomes} outcomes"));
        for (var i = 0; i < content.Outcomes.Count; i++)
        {
            var o = content.Outcomes[i];
            if (string.IsNullOrWhiteSpace(o.What)) errors.Add(new($"outcome-{i}-what", $"Outcome {i + 1}: say what the child wants to achieve"));
            else if (o.What.Length > max) errors.Add(new($"outcome-{i}-what", $"Outcome {i + 1} must be {max} characters or fewer"));
            if (string.IsNullOrWhiteSpace(o.HowWeWillKnow)) errors.Add(new($"outcome-{i}-how", $"Outcome {i + 1}: say how everyone will know it has been achieved"));
            else if (o.HowWeWillKnow.Length > max) errors.Add(new($"outcome-{i}-how", $"Outcome {i + 1}: how you will know must be {max} characters or fewer"));
            if (!Enum.IsDefined(o.Term)) errors.Add(new($"outcome-{i}-term", $"Outcome {i + 1}: choose short, medium or long term"));
        }

        errors.AddRange(PlanCosting.Check(content.Lines, content.OnCosts, content.PeriodStart ?? Today, content.PeriodEnd ?? content.PeriodStart ?? Today)
            .Where(e => !e.StartsWith("The plan must end", StringComparison.Ordinal) && !e.StartsWith("A plan can run", StringComparison.Ordinal))
            .Select(e => new FieldError("Lines", e)));

        if (forAgreement)
        {
            if (content.Outcomes.Count == 0) errors.Add(new("Outcomes", "Add at least one outcome before the plan is agreed"));
            if (content.Lines.Count == 0) errors.Add(new("Lines", "Add at least one line of support before the plan is agreed"));
        }

        return errors;
    }

    /// <summary>Starts a child's plan with its first version, as a draft.</summary>
    public async Task<(SupportPlan? Plan, CommandResult Result)> StartAsync(Guid childId, PlanPurpose purpose, Guid? rasAssessmentId, PlanContent content, CancellationToken ct = default)
    {
        var child = await db.Children.FirstOrDefaultAsync(c => c.Id == childId, ct);
        if (child is null) return (null, CommandResult.Fail("", "There is no record for this child."));
        var errors = new List<FieldError>();
        if (await db.SupportPlans.AnyAsync(p => p.ChildId == childId && p.EndedAt == null, ct))
            errors.Add(new("", $"{child.FirstName} already has a plan: change it by making a new version."));

        var required = purpose switch
        {
            PlanPurpose.StepUp => Tier.FlexibleShortBreaks,
            PlanPurpose.StepDownFromSocialCare => Tier.SocialCare,
            _ => Tier.TargetedShortBreaks,
        };
        if (child.Tier != required)
        {
            errors.Add(new("", purpose switch
            {
                PlanPurpose.StepUp => $"A step up to Targeted Short Breaks is from Flexible Short Breaks; {child.FirstName} is on {Tiers.Name(child.Tier)}.",
                PlanPurpose.StepDownFromSocialCare => $"A step down from social care is for a child on specialist social care; {child.FirstName} is on {Tiers.Name(child.Tier)}.",
                _ => $"{child.FirstName} is on {Tiers.Name(child.Tier)}: Targeted Short Breaks are reached by a step up from Flexible Short Breaks or a step down from social care.",
            }));
        }

        RasAssessment? assessment = null;
        if (rasAssessmentId is { } assessmentId)
        {
            assessment = await db.RasAssessments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == assessmentId && a.ChildId == childId, ct);
            if (assessment is not { Status: RasAssessmentStatus.Completed })
                errors.Add(new("RasAssessmentId", "Choose a completed RAS assessment of this child"));
        }
        else if (purpose == PlanPurpose.StepUp)
        {
            errors.Add(new("RasAssessmentId", "A step up starts with a completed RAS assessment"));
        }

        errors.AddRange(Check(content));
        if (errors.Count > 0) return (null, CommandResult.Fail(errors));

        var plan = new SupportPlan
        {
            ChildId = childId,
            CreatedAt = db.UtcNow,
            CreatedByName = db.Actor.Name,
            LatestNumber = 1,
            PendingMove = purpose switch
            {
                PlanPurpose.StepUp => TierMove.StepUpToTargeted,
                PlanPurpose.StepDownFromSocialCare => TierMove.StepDownFromSocialCare,
                _ => null,
            },
        };
        // Until a version is in force, the schedule is the first version's, counted from the day the plan starts.
        SetReviewSchedule(plan, ReviewScheduleOf(content, rasAssessmentId is not null, child.Tier, content.PeriodStart!.Value, child.EhcPlanReviewDate));
        db.SupportPlans.Add(plan);

        var origin = purpose == PlanPurpose.StepDownFromSocialCare ? "Carried over from social care as it was" : "First version";
        AddVersion(plan, child, 1, content, origin, assessment?.Id, assessment is null ? null : assessment.OverrideAmount ?? assessment.IndicativeAmount);
        db.TimelineEvents.Add(Timeline(childId, purpose switch
        {
            PlanPurpose.StepUp => "Step up to Targeted Short Breaks started: plan written from the RAS assessment",
            PlanPurpose.StepDownFromSocialCare => "Step down from social care started: package carried into a plan",
            _ => "Support plan started",
        }, null));
        var result = await SaveAsync(ct);
        return (result.Succeeded ? plan : null, result);
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
        foreach (var open in await db.PlanVersions.Where(v => v.PlanId == planId && (v.Status == PlanVersionStatus.Draft || v.Status == PlanVersionStatus.AwaitingApproval)).ToListAsync(ct))
        {
            open.Status = PlanVersionStatus.Superseded;
            foreach (var item in await db.PanelItems.Where(p => p.PlanVersionId == open.Id && p.Status == PanelItemStatus.Awaiting).ToListAsync(ct))
            {
                item.Status = PanelItemStatus.Withdrawn;
                item.Reasons = $"Replaced by version {plan.LatestNumber + 1} of the plan";
            }
        }

        plan.LatestNumber++;
        var version = AddVersion(plan, child, plan.LatestNumber, content, null, previous.RasAssessmentId, previous.IndicativeBudget);
        version.ChangeSummary = changeSummary!.Trim();
        var result = await SaveAsync(ct);
        return (result.Succeeded ? version : null, result);
    }

    /// <summary>
    /// The family or the officer agrees the newest version. Once both have, it goes to whoever the scheme says
    /// approves it, or is approved at once when the scheme needs nobody else.
    /// </summary>
    public Task<CommandResult> AgreeAsync(Guid versionId, bool asFamily, long planVersionSeen, CancellationToken ct = default) =>
        AgreeAsync(versionId, planVersionSeen, (_, version) =>
        {
            if (asFamily)
            {
                version.FamilyAgreedAt = db.UtcNow;
                version.FamilyAgreedByName = db.Actor.Name;
            }
            else
            {
                version.OfficerAgreedAt = db.UtcNow;
                version.OfficerAgreedByName = db.Actor.Name;
            }

            return [];
        }, ct);

    public const int AgreedByNameMaxLength = 200;
    public const int RelationshipMaxLength = 100;

    /// <summary>
    /// An officer records that the family agreed the newest version, for a family with no online account: who agreed
    /// (name, relationship), how (in person, by phone, a signed paper copy uploaded as evidence), when, and any comments.
    /// It counts as the family's agreement, is shown on the plan and in the approval, and is audited like any change.
    /// </summary>
    public Task<CommandResult> AgreeOnBehalfOfFamilyAsync(Guid versionId, AgreementOnBehalfInput input, long planVersionSeen, CancellationToken ct = default) =>
        AgreeAsync(versionId, planVersionSeen, (plan, version) =>
        {
            var errors = CheckAgreementOnBehalf(input, version);
            if (version.FamilyAgreedAt is not null) errors.Insert(0, new("", "The family's agreement to this version is already recorded."));
            if (errors.Count > 0) return errors;

            var agreedOn = input.AgreedOn!.Value;
            var agreement = new FamilyAgreementOnBehalf
            {
                PlanVersionId = version.Id,
                ChildId = plan.ChildId,
                AgreedByName = input.AgreedByName!.Trim(),
                Relationship = input.Relationship!.Trim(),
                Method = input.Method!.Value,
                AgreedOn = agreedOn,
                Comments = Trim(input.Comments),
                RecordedAt = db.UtcNow,
                RecordedByUserId = db.Actor.UserId ?? "",
                RecordedByName = db.Actor.Name,
                FileName = input.File?.FileName,
                ContentType = input.File?.ContentType,
                SizeBytes = input.File?.Content.LongLength,
                Content = input.File?.Content,
            };
            db.FamilyAgreementsOnBehalf.Add(agreement);
            version.FamilyAgreedAt = agreedOn == Today ? db.UtcNow : agreedOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            version.FamilyAgreedByName = $"{agreement.AgreedByName} ({agreement.Relationship})";
            db.TimelineEvents.Add(Timeline(plan.ChildId, $"The family's agreement to plan version {version.Number} recorded on their behalf",
                agreement.Describe() + (agreement.Comments is null ? "" : $". {agreement.Comments}")));
            return [];
        }, ct);

    /// <summary>Problems with an agreement recorded on the family's behalf, in the order of the page's fields.</summary>
    public List<FieldError> CheckAgreementOnBehalf(AgreementOnBehalfInput input, PlanVersion version)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(input.AgreedByName)) errors.Add(new("AgreedByName", "Enter the name of the person who agreed the plan"));
        else if (input.AgreedByName.Trim().Length > AgreedByNameMaxLength) errors.Add(new("AgreedByName", $"The name must be {AgreedByNameMaxLength} characters or fewer"));
        if (string.IsNullOrWhiteSpace(input.Relationship)) errors.Add(new("Relationship", "Enter how they are related to the child"));
        else if (input.Relationship.Trim().Length > RelationshipMaxLength) errors.Add(new("Relationship", $"The relationship must be {RelationshipMaxLength} characters or fewer"));
        if (input.Method is not { } method || !Enum.IsDefined(method)) errors.Add(new("Method", "Choose how they agreed the plan"));
        var made = DateOnly.FromDateTime(version.CreatedAt);
        if (input.AgreedOn is not { } agreedOn) errors.Add(new("AgreedOn", "Enter the date they agreed the plan"));
        else if (agreedOn > Today) errors.Add(new("AgreedOn", "The date they agreed the plan must be today or in the past"));
        else if (agreedOn < made) errors.Add(new("AgreedOn", $"The date they agreed the plan must be on or after {made:d MMMM yyyy}, when version {version.Number} was made"));
        if (input.Method == AgreementMethod.SignedPaperCopy && input.File is null) errors.Add(new("SignedCopy", "Upload the signed copy of the plan"));
        if (input.Comments?.Length > RequestRules.TextMaxLength) errors.Add(new("Comments", $"Comments must be {RequestRules.TextMaxLength} characters or fewer"));
        return errors;
    }

    /// <summary>The family's agreement recorded on their behalf for a version, if it was (without the file's bytes).</summary>
    public Task<FamilyAgreementOnBehalf?> AgreementOnBehalfAsync(Guid versionId, CancellationToken ct = default) =>
        db.FamilyAgreementsOnBehalf.AsNoTracking().Where(a => a.PlanVersionId == versionId)
            .Select(a => new FamilyAgreementOnBehalf
            {
                Id = a.Id, PlanVersionId = a.PlanVersionId, ChildId = a.ChildId, AgreedByName = a.AgreedByName, Relationship = a.Relationship,
                Method = a.Method, AgreedOn = a.AgreedOn, Comments = a.Comments, RecordedAt = a.RecordedAt, RecordedByUserId = a.RecordedByUserId,
                RecordedByName = a.RecordedByName, FileName = a.FileName, ContentType = a.ContentType, SizeBytes = a.SizeBytes,
            })
            .FirstOrDefaultAsync(ct);

    /// <summary>
    /// Records one side's agreement to the newest draft (by <paramref name="record"/>, which returns any problems); once
    /// the family and the officer have both agreed, it goes to whoever the scheme says approves it.
    /// </summary>
    private async Task<CommandResult> AgreeAsync(Guid versionId, long planVersionSeen, Func<SupportPlan, PlanVersion, List<FieldError>> record, CancellationToken ct)
    {
        var version = await db.PlanVersions.Include(v => v.Outcomes).Include(v => v.Lines).Include(v => v.OnCosts).FirstOrDefaultAsync(v => v.Id == versionId, ct);
        if (version is null) return CommandResult.Fail("", "There is no such plan version.");
        var plan = await db.SupportPlans.FirstAsync(p => p.Id == version.PlanId, ct);
        if (plan.Version != planVersionSeen || plan.LatestNumber != version.Number) return Conflict();
        if (version.Status != PlanVersionStatus.Draft) return CommandResult.Fail("", "Only a draft version is agreed.");
        var errors = Check(PlanContent.Of(version), forAgreement: true);
        if (errors.Count > 0) return CommandResult.Fail(errors);
        errors = record(plan, version);
        if (errors.Count > 0) return CommandResult.Fail(errors);

        db.ExpectVersion(plan, planVersionSeen);
        db.Entry(plan).State = EntityState.Modified; // agreement changes what the next person sees

        if (version is { FamilyAgreedAt: not null, OfficerAgreedAt: not null })
        {
            var inForce = await InForceAsync(plan.Id, Today, ct);
            var route = PlanApproval.For(Scheme.PlanRules, plan.PendingMove, version.AnnualCost, version.IndicativeBudget, inForce?.AnnualCost);
            version.ApprovalRoute = route.By;
            version.ApprovalReason = route.Reason;
            if (route.By == PlanApprovalRoute.None)
            {
                await ApproveAsync(plan, version, "Agreed by the family and the officer", ct);
            }
            else
            {
                version.Status = PlanVersionStatus.AwaitingApproval;
                if (route.By == PlanApprovalRoute.Panel)
                {
                    db.PanelItems.Add(new PanelItem
                    {
                        ChildId = plan.ChildId,
                        Kind = route.PanelKind!.Value,
                        Status = PanelItemStatus.Awaiting,
                        PlanVersionId = version.Id,
                        Summary = route.Reason,
                        AddedAt = db.UtcNow,
                        AddedByName = db.Actor.Name,
                    });
                }

                db.TimelineEvents.Add(Timeline(plan.ChildId, $"Plan version {version.Number} agreed; waiting for {(route.By == PlanApprovalRoute.Panel ? "the panel" : "a manager")}", route.Reason));
            }
        }

        return await SaveAsync(ct);
    }

    /// <summary>A manager approves or does not approve a version waiting for a manager.</summary>
    public async Task<CommandResult> ManagerDecideAsync(Guid versionId, bool approve, string? reasons, long planVersionSeen, CancellationToken ct = default)
    {
        var version = await db.PlanVersions.FirstOrDefaultAsync(v => v.Id == versionId, ct);
        if (version is null) return CommandResult.Fail("", "There is no such plan version.");
        if (version is not { Status: PlanVersionStatus.AwaitingApproval, ApprovalRoute: PlanApprovalRoute.Manager })
            return CommandResult.Fail("", "This version is not waiting for a manager.");
        if (string.IsNullOrWhiteSpace(reasons)) return CommandResult.Fail("Reasons", "Enter the reasons for the decision");
        if (reasons.Length > RequestRules.TextMaxLength) return CommandResult.Fail("Reasons", $"The reasons must be {RequestRules.TextMaxLength} characters or fewer");
        var plan = await db.SupportPlans.FirstAsync(p => p.Id == version.PlanId, ct);
        if (plan.Version != planVersionSeen) return Conflict();
        db.ExpectVersion(plan, planVersionSeen);
        db.Entry(plan).State = EntityState.Modified;
        await DecideAsync(plan, version, approve, reasons.Trim(), ct);
        return await SaveAsync(ct);
    }

    /// <summary>Records an approval decision (by a manager or the panel) in the current unit of work, without saving.</summary>
    internal async Task DecideAsync(SupportPlan plan, PlanVersion version, bool approve, string reasons, CancellationToken ct)
    {
        if (approve)
        {
            await ApproveAsync(plan, version, reasons, ct);
            return;
        }

        version.Status = PlanVersionStatus.NotApproved;
        version.DecidedAt = db.UtcNow;
        version.DecidedByName = db.Actor.Name;
        version.DecisionReasons = reasons;
        db.TimelineEvents.Add(Timeline(plan.ChildId, $"Plan version {version.Number} not approved", reasons));
        var child = await db.Children.AsNoTracking().FirstAsync(c => c.Id == plan.ChildId, ct);
        var (title, body) = PlanDecisionLetter.NotApproved(Scheme, child, version, reasons, plan.ApprovedNumber is not null);
        AddFamilyLetter(plan.ChildId, LetterKinds.PlanDecision, title, body);
    }

    /// <summary>
    /// Puts a version in force: today, or when the budget falls, after the notice period with a letter giving the
    /// reasons and how to ask for reconsideration (the old package continues until then). A pending step up or
    /// step down moves the child's tier.
    /// </summary>
    private async Task ApproveAsync(SupportPlan plan, PlanVersion version, string reasons, CancellationToken ct)
    {
        var scheme = Scheme;
        var entry = db.Entry(version);
        foreach (var collection in new[] { entry.Collection(v => v.Lines), (Microsoft.EntityFrameworkCore.ChangeTracking.CollectionEntry)entry.Collection(v => v.OnCosts), entry.Collection(v => v.Outcomes) })
            if (!collection.IsLoaded) await collection.LoadAsync(ct);
        var inForce = await InForceAsync(plan.Id, Today, ct);
        version.Status = PlanVersionStatus.Approved;
        version.DecidedAt = db.UtcNow;
        version.DecidedByName = db.Actor.Name;
        version.DecisionReasons = reasons;
        version.EffectiveFrom = Today;
        plan.ApprovedNumber = version.Number;

        if (inForce is not null && version.AnnualCost < inForce.AnnualCost)
        {
            var takesEffect = NoticeDates.LowerBudgetFrom(Today, scheme.Reviews.ReductionNoticeMonths);
            version.EffectiveFrom = takesEffect;
            var child = await db.Children.AsNoTracking().FirstAsync(c => c.Id == plan.ChildId, ct);
            var notice = new BudgetNotice
            {
                ChildId = plan.ChildId,
                PlanId = plan.Id,
                FromNumber = inForce.Number,
                ToNumber = version.Number,
                CurrentAnnualAmount = inForce.AnnualCost,
                NewAnnualAmount = version.AnnualCost,
                Reasons = string.IsNullOrWhiteSpace(version.ChangeSummary) ? reasons : $"{version.ChangeSummary}\n{reasons}",
                GivenAt = db.UtcNow,
                GivenByName = db.Actor.Name,
                TakesEffectOn = takesEffect,
                Status = BudgetNoticeStatus.Running,
            };
            var (title, body) = NoticeLetter.Compose(scheme, child, notice);
            var letter = AddFamilyLetter(plan.ChildId, LetterKinds.NoticeOfChange, title, body);
            notice.LetterId = letter.Id;
            db.BudgetNotices.Add(notice);
            db.TimelineEvents.Add(Timeline(plan.ChildId,
                $"Notice given: the budget falls from {Money.FormatPence(notice.CurrentAnnualAmount)} to {Money.FormatPence(notice.NewAnnualAmount)} a year on {takesEffect:d MMMM yyyy}", notice.Reasons));
        }

        db.TimelineEvents.Add(Timeline(plan.ChildId, $"Plan version {version.Number} approved, in force from {version.EffectiveFrom:d MMMM yyyy}", reasons));
        if (version.EffectiveFrom <= Today) await CameIntoForceAsync(plan, version, ct);
        var planChild = await db.Children.AsNoTracking().FirstAsync(c => c.Id == plan.ChildId, ct);
        var (planTitle, planBody) = PlanDocument.Compose(scheme, planChild.FirstName, version, CostOf(version, Tier.TargetedShortBreaks),
            $"This plan was approved on {Today:d MMMM yyyy} and is in force from {version.EffectiveFrom:d MMMM yyyy}. {reasons}" +
            ((db.FamilyAgreementsOnBehalf.Local.FirstOrDefault(a => a.PlanVersionId == version.Id) ?? await AgreementOnBehalfAsync(version.Id, ct)) is { } onBehalf ? $" The family's agreement was recorded on their behalf: {onBehalf.Describe()}." : ""));
        AddFamilyLetter(plan.ChildId, LetterKinds.PlanDecision, planTitle, planBody);
        if (plan.PendingMove is { } move)
        {
            var child = await db.Children.FirstAsync(c => c.Id == plan.ChildId, ct);
            await tiers.ApplyAsync(child, move, $"Plan version {version.Number} approved: {reasons}", ct);
            plan.PendingMove = null;
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
        plan.ReviewSchedule = schedule.Description;
    }

    /// <summary>A version has come into force today: the plan's review schedule follows it.</summary>
    internal async Task CameIntoForceAsync(SupportPlan plan, PlanVersion version, CancellationToken ct)
    {
        var entry = db.Entry(version);
        foreach (var collection in new[] { entry.Collection(v => v.Lines), (Microsoft.EntityFrameworkCore.ChangeTracking.CollectionEntry)entry.Collection(v => v.OnCosts), entry.Collection(v => v.Outcomes) })
            if (!collection.IsLoaded) await collection.LoadAsync(ct);
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


    private static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static CommandResult Conflict() => CommandResult.Concurrent with
    {
        Errors = [new FieldError("", "Someone else changed this plan while you were working on it. Nothing you entered has been lost: check the plan as it is now and save your change again.")],
    };

    private async Task<CommandResult> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return CommandResult.Ok;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Conflict();
        }
    }

    /// <summary>A letter to the family, kept on the record exactly as sent.</summary>
    internal Letter AddFamilyLetter(Guid childId, string kind, string title, string bodyHtml)
    {
        var letter = new Letter
        {
            ChildId = childId,
            Kind = kind,
            Title = title,
            BodyHtml = bodyHtml,
            CreatedAt = db.UtcNow,
            CreatedByUserId = db.Actor.UserId ?? "",
            VisibleToFamily = true,
        };
        db.Letters.Add(letter);
        return letter;
    }

    private TimelineEvent Timeline(Guid childId, string summary, string? detail) => db.NewTimelineEvent(childId, "plan", summary, detail);
}
