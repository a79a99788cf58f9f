namespace ShortBreaks.Core.Plans;

/// <summary>
/// Agreeing and approving a plan version: the family and the officer agree it (or an officer records the family's
/// agreement for them), then a manager or the panel approves it when the scheme says so (<see cref="PlanApproval"/>),
/// and it comes into force from approval, or after notice when the budget falls.
/// </summary>
public sealed class PlanApprovalService(ShortBreaksDbContext db, SchemeCatalog schemes, PlanService plans, TierService tiers, Messenger messenger)
{
    private DateOnly Today => db.Today;
    private Scheme Scheme => schemes.InForceOn(Today);

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

            RecordOnBehalf(plan, version, input);
            return [];
        }, ct);

    /// <summary>Problems with an agreement recorded on the family's behalf, in the order of the page's fields.</summary>
    public List<FieldError> CheckAgreementOnBehalf(AgreementOnBehalfInput input, PlanVersion version) => input.Check(version, Today);

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

    private void RecordOnBehalf(SupportPlan plan, PlanVersion version, AgreementOnBehalfInput input)
    {
        var agreedOn = input.AgreedOn!.Value;
        var agreement = new FamilyAgreementOnBehalf
        {
            PlanVersionId = version.Id,
            ChildId = plan.ChildId,
            AgreedByName = input.AgreedByName!.Trim(),
            Relationship = input.Relationship!.Trim(),
            Method = input.Method!.Value,
            AgreedOn = agreedOn,
            Comments = PlanService.Trim(input.Comments),
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
        db.AddTimeline(plan.ChildId, TimelineKinds.Plan, $"The family's agreement to plan version {version.Number} recorded on their behalf",
            agreement.Describe() + (agreement.Comments is null ? "" : $". {agreement.Comments}"));
    }

    /// <summary>
    /// Records one side's agreement to the newest draft (by <paramref name="record"/>, which returns any problems); once
    /// the family and the officer have both agreed, it goes to whoever the scheme says approves it.
    /// </summary>
    private async Task<CommandResult> AgreeAsync(Guid versionId, long planVersionSeen, Func<SupportPlan, PlanVersion, List<FieldError>> record, CancellationToken ct)
    {
        var version = await db.PlanVersions.Include(v => v.Outcomes).Include(v => v.Lines).Include(v => v.OnCosts).FirstOrDefaultAsync(v => v.Id == versionId, ct);
        if (version is null) return CommandResult.Fail("", "There is no such plan version.");
        var plan = await db.SupportPlans.FirstAsync(p => p.Id == version.PlanId, ct);
        if (plan.Version != planVersionSeen || plan.LatestNumber != version.Number) return PlanService.Conflict();
        if (version.Status != PlanVersionStatus.Draft) return CommandResult.Fail("", "Only a draft version is agreed.");
        var errors = plans.Check(PlanContent.Of(version), forAgreement: true);
        if (errors.Count > 0) return CommandResult.Fail(errors);
        var familyHadAgreed = version.FamilyAgreedAt is not null;
        errors = record(plan, version);
        if (errors.Count > 0) return CommandResult.Fail(errors);
        if (!familyHadAgreed && version.FamilyAgreedAt is not null) await TellKeyWorkerAsync(plan.ChildId, "A family agreed a support plan", $"Plan version {version.Number}", ct);

        db.ExpectVersion(plan, planVersionSeen);
        db.Entry(plan).State = EntityState.Modified; // agreement changes what the next person sees

        if (version is { FamilyAgreedAt: not null, OfficerAgreedAt: not null }) await SendForApprovalAsync(plan, version, ct);
        return await plans.SaveAsync(ct);
    }

    /// <summary>Agreed by both: to whoever the scheme says approves it (the panel's agenda, a manager), or approved at once.</summary>
    private async Task SendForApprovalAsync(SupportPlan plan, PlanVersion version, CancellationToken ct)
    {
        var inForce = await plans.InForceAsync(plan.Id, Today, ct);
        var route = PlanApproval.For(Scheme.PlanRules, plan.PendingMove, version.AnnualCost, version.IndicativeBudget, inForce?.AnnualCost);
        version.ApprovalRoute = route.By;
        version.ApprovalReason = route.Reason;
        await messenger.CompleteTasksAsync(ChangeTask(plan.ChildId), ct);
        if (route.By == PlanApprovalRoute.None)
        {
            await ApproveAsync(plan, version, "Agreed by the family and the officer", ct);
        }
        else
        {
            version.Status = PlanVersionStatus.AwaitingApproval;
            if (route.By == PlanApprovalRoute.Panel)
            {
                var item = new PanelItem
                {
                    ChildId = plan.ChildId,
                    Kind = route.PanelKind!.Value,
                    Status = PanelItemStatus.Awaiting,
                    PlanVersionId = version.Id,
                    Summary = route.Reason,
                    AddedAt = db.UtcNow,
                    AddedByName = db.Actor.Name,
                };
                db.PanelItems.Add(item);
                await PanelService.TellManagersAsync(messenger, item, ct);
            }
            else
            {
                await messenger.TellRoleAsync(Roles.TeamManager, new Notice("A support plan is waiting for a manager's approval", ServicePaths.StaffPlan(plan.ChildId),
                    plan.ChildId, $"Plan version {version.Number}: {route.Reason}", TaskKey: ApprovalTask(version.Id)), ct);
            }

            db.AddTimeline(plan.ChildId, TimelineKinds.Plan, $"Plan version {version.Number} agreed; waiting for {(route.By == PlanApprovalRoute.Panel ? "the panel" : "a manager")}", route.Reason);
        }
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
        if (plan.Version != planVersionSeen) return PlanService.Conflict();
        db.ExpectVersion(plan, planVersionSeen);
        db.Entry(plan).State = EntityState.Modified;
        await DecideAsync(plan, version, approve, reasons.Trim(), ct);
        return await plans.SaveAsync(ct);
    }

    /// <summary>
    /// The key worker's task when a review decides to change the plan or step up to Targeted Short Breaks: done when a new
    /// version is agreed by the family and the officer and sent for approval (or approved at once).
    /// </summary>
    public static string ChangeTask(Guid childId) => $"plan-change:{childId}";

    /// <summary>The task on managers' lists while a version waits for a manager.</summary>
    private static string ApprovalTask(Guid versionId) => $"plan-approval:{versionId}";

    /// <summary>Tells the child's key worker, unless they are the one who did it.</summary>
    private async Task TellKeyWorkerAsync(Guid childId, string title, string detail, CancellationToken ct)
    {
        var keyWorker = await db.Children.AsNoTracking().Where(c => c.Id == childId).Select(c => c.KeyWorkerId).FirstOrDefaultAsync(ct);
        if (keyWorker is null || keyWorker == db.Actor.UserId) return;
        messenger.Tell(keyWorker, new Notice(title, ServicePaths.StaffPlan(childId), childId, detail));
    }

    /// <summary>Records an approval decision (by a manager or the panel) in the current unit of work, without saving.</summary>
    internal async Task DecideAsync(SupportPlan plan, PlanVersion version, bool approve, string reasons, CancellationToken ct)
    {
        await messenger.CompleteTasksAsync(ApprovalTask(version.Id), ct);
        if (approve)
        {
            await ApproveAsync(plan, version, reasons, ct);
            return;
        }

        version.Status = PlanVersionStatus.NotApproved;
        version.DecidedAt = db.UtcNow;
        version.DecidedByName = db.Actor.Name;
        version.DecisionReasons = reasons;
        db.AddTimeline(plan.ChildId, TimelineKinds.Plan, $"Plan version {version.Number} not approved", reasons);
        var child = await db.Children.AsNoTracking().FirstAsync(c => c.Id == plan.ChildId, ct);
        var (title, body) = PlanDecisionLetter.NotApproved(Scheme, child, version, reasons, plan.ApprovedNumber is not null);
        db.AddLetter(plan.ChildId, LetterKinds.PlanDecision, title, body);
    }

    /// <summary>
    /// Puts a version in force: today, or when the budget falls, after the notice period with a letter giving the
    /// reasons and how to ask for reconsideration (the old package continues until then). A pending step up or
    /// step down moves the child's tier.
    /// </summary>
    private async Task ApproveAsync(SupportPlan plan, PlanVersion version, string reasons, CancellationToken ct)
    {
        await plans.LoadContentAsync(version, ct);
        var inForce = await plans.InForceAsync(plan.Id, Today, ct);
        version.Status = PlanVersionStatus.Approved;
        version.DecidedAt = db.UtcNow;
        version.DecidedByName = db.Actor.Name;
        version.DecisionReasons = reasons;
        version.EffectiveFrom = Today;
        plan.ApprovedNumber = version.Number;

        if (inForce is not null && version.AnnualCost < inForce.AnnualCost) await GiveNoticeAsync(plan, version, inForce, reasons, ct);
        db.AddTimeline(plan.ChildId, TimelineKinds.Plan, $"Plan version {version.Number} approved, in force from {version.EffectiveFrom:d MMMM yyyy}", reasons);
        if (version.EffectiveFrom <= Today) await plans.CameIntoForceAsync(plan, version, ct);
        await PlanPackages.FromApprovedPlanAsync(db, Scheme, version, ct);
        await DirectPayments.PlanDirectPayments.FromApprovedPlanAsync(db, schemes, version, plans.CostOf(version, Tier.TargetedShortBreaks), ct);
        await KeepPlanLetterAsync(plan, version, reasons, ct);
        if (plan.PendingMove is { } move)
        {
            var child = await db.Children.FirstAsync(c => c.Id == plan.ChildId, ct);
            await tiers.ApplyAsync(child, move, $"Plan version {version.Number} approved: {reasons}", ct);
            plan.PendingMove = null;
        }
    }

    /// <summary>
    /// A lower budget takes effect after the notice period, with a letter giving the reasons and how to ask for
    /// reconsideration; the old package continues until then.
    /// </summary>
    private async Task GiveNoticeAsync(SupportPlan plan, PlanVersion version, PlanVersion inForce, string reasons, CancellationToken ct)
    {
        var scheme = Scheme;
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
        var letter = db.AddLetter(plan.ChildId, LetterKinds.NoticeOfChange, title, body);
        notice.LetterId = letter.Id;
        db.BudgetNotices.Add(notice);
        db.AddTimeline(plan.ChildId, TimelineKinds.Plan,
            $"Notice given: the budget falls from {Money.FormatPence(notice.CurrentAnnualAmount)} to {Money.FormatPence(notice.NewAnnualAmount)} a year on {takesEffect:d MMMM yyyy}", notice.Reasons);
    }

    /// <summary>The approved plan, as a letter to the family kept on the record.</summary>
    private async Task KeepPlanLetterAsync(SupportPlan plan, PlanVersion version, string reasons, CancellationToken ct)
    {
        var scheme = Scheme;
        var planChild = await db.Children.AsNoTracking().FirstAsync(c => c.Id == plan.ChildId, ct);
        var (planTitle, planBody) = PlanDocument.Compose(scheme, planChild.FirstName, version, plans.CostOf(version, Tier.TargetedShortBreaks),
            $"This plan was approved on {Today:d MMMM yyyy} and is in force from {version.EffectiveFrom:d MMMM yyyy}. {reasons}" +
            ((db.FamilyAgreementsOnBehalf.Local.FirstOrDefault(a => a.PlanVersionId == version.Id) ?? await AgreementOnBehalfAsync(version.Id, ct)) is { } onBehalf ? $" The family's agreement was recorded on their behalf: {onBehalf.Describe()}." : ""));
        db.AddLetter(plan.ChildId, LetterKinds.PlanDecision, planTitle, planBody);
    }
}
