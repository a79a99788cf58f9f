namespace ShortBreaks.Core.Plans;

/// <summary>One line of the panel's agenda: the case, why it is there, and the figures the panel weighs.</summary>
public sealed record PanelAgendaItem(
    Guid Id, Guid ChildId, string ChildName, string ChildReference, Tier Tier, PanelItemKind Kind, string Summary,
    DateTime AddedAt, DateOnly? MeetingDate, Guid? PlanVersionId, int? PlanNumber, decimal? AnnualCost, decimal? IndicativeBudget, long Version);

public sealed record PanelAgenda(IReadOnlyList<PanelAgendaItem> Items, int Total, int Page, int PageSize);

/// <summary>
/// The panel: entry to Targeted Short Breaks, plans above the indicative budget or above the plan in force, and
/// reconsiderations. The panel records its decision and reasons; an approval puts the plan in force.
/// </summary>
public sealed class PanelService(ShortBreaksDbContext db, PlanService plans, PlanApprovalService approvals, Messenger messenger)
{
    public const int PageSize = 200;

    /// <summary>
    /// Items waiting for the panel, oldest first; optionally only those listed for a meeting. Not narrowed by who sees
    /// which children: the agenda is read by the managers who sit on the panel and by administrators, and every child with
    /// an item awaiting the panel is one a panel member is working on (<see cref="Caseloads.ChildVisibility.BeforeThePanel"/>),
    /// so each item listed is one they may open and must decide.
    /// </summary>
    public async Task<PanelAgenda> AgendaAsync(int page = 1, DateOnly? meeting = null, CancellationToken ct = default)
    {
        var query = db.PanelItems.AsNoTracking().Where(p => p.Status == PanelItemStatus.Awaiting);
        if (meeting is { } day) query = query.Where(p => p.MeetingDate == day);
        var total = await query.CountAsync(ct);
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var items = await (
                from item in query
                join child in db.Children on item.ChildId equals child.Id
                join version in db.PlanVersions on item.PlanVersionId equals version.Id into versions
                from version in versions.DefaultIfEmpty()
                orderby item.AddedAt, item.Id
                select new PanelAgendaItem(item.Id, child.Id, child.FirstName + " " + child.LastName, child.Reference, child.Tier, item.Kind, item.Summary,
                    item.AddedAt, item.MeetingDate, item.PlanVersionId, version == null ? null : version.Number,
                    version == null ? null : version.AnnualCost, version == null ? null : version.IndicativeBudget, item.Version))
            .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return new PanelAgenda(items, total, page, PageSize);
    }

    /// <summary>Lists an item for a meeting.</summary>
    public async Task<CommandResult> ListForMeetingAsync(Guid itemId, DateOnly meeting, long versionSeen, CancellationToken ct = default)
    {
        var item = await db.PanelItems.FirstOrDefaultAsync(p => p.Id == itemId, ct);
        if (item is null) return CommandResult.Fail("", "There is no such item on the agenda.");
        if (item.Status != PanelItemStatus.Awaiting) return CommandResult.Fail("", "This item has been decided.");
        if (meeting < db.Today) return CommandResult.Fail("MeetingDate", "The meeting must be today or later");
        db.ExpectVersion(item, versionSeen);
        item.MeetingDate = meeting;
        return await SaveAsync(ct);
    }

    /// <summary>Records the panel's decision and reasons. Approved puts the plan in force; not approved leaves the plan in force as it was.</summary>
    public async Task<CommandResult> DecideAsync(Guid itemId, PanelOutcome? outcome, string? reasons, long versionSeen, CancellationToken ct = default)
    {
        var item = await db.PanelItems.FirstOrDefaultAsync(p => p.Id == itemId, ct);
        if (item is null) return CommandResult.Fail("", "There is no such item on the agenda.");
        var errors = new List<FieldError>();
        if (item.Status != PanelItemStatus.Awaiting) errors.Add(new("", "This item has already been decided."));
        if (outcome is null || !Enum.IsDefined(outcome.Value)) errors.Add(new("Outcome", "Choose the panel's decision"));
        if (string.IsNullOrWhiteSpace(reasons)) errors.Add(new("Reasons", "Enter the panel's reasons"));
        else if (reasons.Length > RequestRules.TextMaxLength) errors.Add(new("Reasons", $"The reasons must be {RequestRules.TextMaxLength} characters or fewer"));
        if (errors.Count > 0) return CommandResult.Fail(errors);

        PlanVersion? version = null;
        if (item.PlanVersionId is { } versionId && outcome != PanelOutcome.Deferred)
        {
            version = await db.PlanVersions.FirstAsync(v => v.Id == versionId, ct);
            if (version.Status != PlanVersionStatus.AwaitingApproval)
                return CommandResult.Fail("", $"Plan version {version.Number} is no longer waiting for the panel: it was replaced by a later version.");
        }

        db.ExpectVersion(item, versionSeen);
        if (outcome != PanelOutcome.Deferred) await messenger.CompleteTasksAsync(PanelTask(item.Id), ct);
        item.Outcome = outcome;
        item.Reasons = reasons!.Trim();
        item.DecidedAt = db.UtcNow;
        item.DecidedByName = db.Actor.Name;
        item.DecidedByUserId = db.Actor.UserId;
        if (outcome == PanelOutcome.Deferred)
        {
            AddTimeline(item.ChildId, "The panel deferred its decision", item.Reasons);
            return await SaveAsync(ct);
        }

        item.Status = PanelItemStatus.Decided;
        if (version is not null)
        {
            var plan = await db.SupportPlans.FirstAsync(p => p.Id == version.PlanId, ct);
            db.Entry(plan).State = EntityState.Modified;
            await approvals.DecideAsync(plan, version, outcome == PanelOutcome.Approved, $"Panel: {item.Reasons}", ct);
        }
        else if (item.BudgetNoticeId is { } noticeId)
        {
            var notice = await db.BudgetNotices.FirstAsync(n => n.Id == noticeId, ct);
            if (outcome == PanelOutcome.Approved) await UpholdAsync(item, notice, ct);
            else await ConfirmLowerBudgetAsync(item, notice, ct);
        }

        return await SaveAsync(ct);
    }

    /// <summary>The reconsideration is upheld: the lower budget is withdrawn and the plan in force stays.</summary>
    private async Task UpholdAsync(PanelItem item, BudgetNotice notice, CancellationToken ct)
    {
        notice.Status = BudgetNoticeStatus.Withdrawn;
        var lower = await db.PlanVersions.FirstAsync(v => v.PlanId == notice.PlanId && v.Number == notice.ToNumber, ct);
        lower.Status = PlanVersionStatus.NotApproved;
        lower.DecisionReasons = $"Withdrawn on reconsideration: {item.Reasons}";
        var plan = await db.SupportPlans.FirstAsync(p => p.Id == notice.PlanId, ct);
        plan.ApprovedNumber = notice.FromNumber;
        AddTimeline(item.ChildId, "Reconsideration upheld: the budget stays as it was", item.Reasons);
        await LetterAsync(notice, upheld: true, item, ct);
    }

    /// <summary>
    /// Not upheld: the lower budget applies from the later of its notice date and today, never back-dated over the
    /// time the old package carried on while the panel looked again.
    /// </summary>
    private async Task ConfirmLowerBudgetAsync(PanelItem item, BudgetNotice notice, CancellationToken ct)
    {
        var lower = await db.PlanVersions.FirstAsync(v => v.PlanId == notice.PlanId && v.Number == notice.ToNumber, ct);
        var today = db.Today;
        var takesEffect = NoticeDates.AfterReconsideration(notice.TakesEffectOn, today);
        lower.EffectiveFrom = takesEffect;
        notice.TakesEffectOn = takesEffect;
        notice.Status = BudgetNoticeStatus.Confirmed;
        AddTimeline(item.ChildId, $"Reconsideration not upheld: the new budget takes effect on {takesEffect:d MMMM yyyy}", item.Reasons);
        await LetterAsync(notice, upheld: false, item, ct);
        if (takesEffect <= today)
        {
            var plan = await db.SupportPlans.FirstAsync(p => p.Id == notice.PlanId, ct);
            await plans.CameIntoForceAsync(plan, lower, ct);
        }
    }

    /// <summary>The family (or an officer for them) asks for a lower budget to be looked at again; it goes on the agenda.</summary>
    public async Task<CommandResult> RequestReconsiderationAsync(Guid noticeId, string? why, long versionSeen, CancellationToken ct = default)
    {
        var notice = await db.BudgetNotices.FirstOrDefaultAsync(n => n.Id == noticeId, ct);
        if (notice is null) return CommandResult.Fail("", "There is no such notice.");
        if (notice.Status != BudgetNoticeStatus.Running) return CommandResult.Fail("", "This decision is already being looked at again, or has been withdrawn.");
        if (string.IsNullOrWhiteSpace(why)) return CommandResult.Fail("Why", "Tell us why you think the decision is wrong");
        if (why.Length > RequestRules.TextMaxLength) return CommandResult.Fail("Why", $"This must be {RequestRules.TextMaxLength} characters or fewer");

        if (notice.TakesEffectOn <= db.Today)
            return CommandResult.Fail("", $"The new budget took effect on {notice.TakesEffectOn:d MMMM yyyy}: ask your officer for a review of the plan instead.");

        db.ExpectVersion(notice, versionSeen);
        notice.Status = BudgetNoticeStatus.Reconsidering;
        notice.ReconsiderationRequestedAt = db.UtcNow;
        // While the panel looks again the lower version has no date to take effect: the plan in force stays the one before.
        var lower = await db.PlanVersions.FirstAsync(v => v.PlanId == notice.PlanId && v.Number == notice.ToNumber, ct);
        lower.EffectiveFrom = null;
        var item = new PanelItem
        {
            ChildId = notice.ChildId,
            Kind = PanelItemKind.Reconsideration,
            Status = PanelItemStatus.Awaiting,
            BudgetNoticeId = notice.Id,
            Summary = $"Reconsideration of the budget falling from {Money.FormatPence(notice.CurrentAnnualAmount)} to {Money.FormatPence(notice.NewAnnualAmount)} a year: {why.Trim()}",
            AddedAt = db.UtcNow,
            AddedByName = db.Actor.Name,
        };
        db.PanelItems.Add(item);
        await TellManagersAsync(messenger, item, ct);
        AddTimeline(notice.ChildId, "Reconsideration asked for: the current package carries on until the panel decides", why.Trim());
        return await SaveAsync(ct);
    }


    /// <summary>The task on every team manager's list while an item waits for the panel.</summary>
    private static string PanelTask(Guid itemId) => $"panel-item:{itemId}";

    /// <summary>Puts a new agenda item on every team manager's list until the panel decides it.</summary>
    internal static async Task TellManagersAsync(Messenger messenger, PanelItem item, CancellationToken ct) =>
        await messenger.TellRoleAsync(Roles.TeamManager, new Notice("An item is waiting for the panel", ServicePaths.StaffPanelItem(item.Id), item.ChildId,
            item.Summary is { Length: > 300 } summary ? summary[..300] + "…" : item.Summary, TaskKey: PanelTask(item.Id)), ct, everyoneInRole: true);

    /// <summary>The family is told the panel's answer to their reconsideration, with its reasons, as a letter kept on the record.</summary>
    private async Task LetterAsync(BudgetNotice notice, bool upheld, PanelItem item, CancellationToken ct)
    {
        var child = await db.Children.AsNoTracking().FirstAsync(c => c.Id == notice.ChildId, ct);
        var (title, body) = NoticeLetter.Reconsidered(plans.SchemeInForce, child, notice, upheld, item.Reasons!, db.UtcNow, db.Actor.Name);
        db.AddLetter(notice.ChildId, LetterKinds.ReconsiderationDecision, title, body);
    }

    private Task<CommandResult> SaveAsync(CancellationToken ct) => db.SaveOrConflictAsync(
        CommandResult.Conflicted("Someone else recorded something on this item while you were working on it. Check it as it is now and try again."), ct);

    private void AddTimeline(Guid childId, string summary, string? detail) => db.AddTimeline(childId, TimelineKinds.Panel, summary, detail);
}
