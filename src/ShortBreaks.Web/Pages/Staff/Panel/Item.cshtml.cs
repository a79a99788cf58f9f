namespace ShortBreaks.Web.Pages.Staff.Panel;

/// <summary>One case before the panel: why it is there, the RAS working, the plan, and the panel's decision.</summary>
[Authorize(Policy = Policies.Manager)]
[ChildAccess(ChildRecordKind.PanelItem, "id")]
public sealed class ItemModel(ShortBreaksDbContext db, PanelService panel, PlanService plans, PlanApprovalService approvals, RasAssessmentService assessments) : GovukPageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public string? Outcome { get; set; }
    [BindProperty] public string? Reasons { get; set; }
    [BindProperty] public long? SeenVersion { get; set; }

    public override string Title => $"Panel: {ChildName}";

    public PanelItem Item { get; private set; } = null!;
    public string ChildName { get; private set; } = "";
    public string ChildReference { get; private set; } = "";
    public Tier ChildTier { get; private set; }
    public PlanVersion? Version { get; private set; }
    public PlanCost? Cost { get; private set; }
    public RasWorking? Working { get; private set; }
    public string? OverrideText { get; private set; }
    public BudgetNotice? Notice { get; private set; }

    /// <summary>The family's agreement to the version, when an officer recorded it for them.</summary>
    public FamilyAgreementOnBehalf? AgreedOnBehalf { get; private set; }

    public IReadOnlyList<(PanelOutcome Value, string Text)> Outcomes =>
        Item.Kind == PanelItemKind.Reconsideration
            ? [(PanelOutcome.Approved, "Upheld: the budget stays as it was"), (PanelOutcome.NotApproved, "Not upheld: the new budget takes effect"), (PanelOutcome.Deferred, "Deferred: the panel needs more before it decides")]
            : [(PanelOutcome.Approved, "Approved"), (PanelOutcome.NotApproved, "Not approved"), (PanelOutcome.Deferred, "Deferred: the panel needs more before it decides")];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        SeenVersion = Item.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostDecideAsync()
    {
        ClearBindingErrors();
        PanelOutcome? outcome = Enum.TryParse<PanelOutcome>(Outcome, out var o) && Enum.IsDefined(o) ? o : null;
        if (SeenVersion is not { } seen)
        {
            if (!await LoadAsync()) return NotFound();
            AddErrors([new FieldError("", FormVersion.Missing)]);
            return Page();
        }

        var result = await panel.DecideAsync(Id, outcome, Reasons, seen, HttpContext.RequestAborted);
        if (result.Succeeded) return Redirect(Links.StaffPanelItem(Id));
        AddErrors(result.Errors);
        db.ChangeTracker.Clear();
        if (!await LoadAsync()) return NotFound();
        if (result.Conflict) SeenVersion = Item.Version;
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        var item = await db.PanelItems.AsNoTracking().FirstOrDefaultAsync(p => p.Id == Id, ct);
        if (item is null) return false;
        Item = item;
        var child = await db.Children.AsNoTracking().FirstAsync(c => c.Id == item.ChildId, ct);
        (ChildName, ChildReference, ChildTier) = (child.FullName, child.Reference, child.Tier);

        if (item.PlanVersionId is { } versionId)
        {
            var number = await db.PlanVersions.AsNoTracking().Where(v => v.Id == versionId).Select(v => new { v.PlanId, v.Number }).FirstAsync(ct);
            Version = await plans.VersionAsync(number.PlanId, number.Number, ct);
            Cost = plans.CostOf(Version!, Tier.TargetedShortBreaks);
            AgreedOnBehalf = await approvals.AgreementOnBehalfAsync(versionId, ct);
            if (Version!.RasAssessmentId is { } assessmentId && await db.RasAssessments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == assessmentId, ct) is { RasVersion: not null } assessment)
            {
                Working = assessments.Recompute(assessment);
                if (assessment.OverrideAmount is { } amount)
                    OverrideText = $"{ShortBreaks.Core.Money.FormatPence(amount)} a year was agreed instead by {assessment.OverrideAgreedBy}: {assessment.OverrideReason}";
            }
        }

        if (item.BudgetNoticeId is { } noticeId)
            Notice = await db.BudgetNotices.AsNoTracking().FirstOrDefaultAsync(n => n.Id == noticeId, ct);

        db.RecordView(nameof(PanelItem), item.Id.ToString(), item.ChildId, "Panel item");
        await db.SaveChangesAsync(ct);
        return true;
    }
}
