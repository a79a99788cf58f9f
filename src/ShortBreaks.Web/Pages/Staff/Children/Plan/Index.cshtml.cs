namespace ShortBreaks.Web.Pages.Staff.Children.Plan;

/// <summary>A child's plan: the newest version, the one in force, notice of a lower budget, agreement, a manager's decision, every version.</summary>
[ChildAccess(ChildRecordKind.Child, "childId")]
public sealed class IndexModel(ShortBreaksDbContext db, PlanService plans, PlanApprovalService approvals, SchemeCatalog schemes, PlanContentCache contents) : GovukPageModel
{
    [BindProperty(SupportsGet = true)] public Guid ChildId { get; set; }
    [BindProperty(SupportsGet = true)] public bool Saved { get; set; }
    [BindProperty] public long? SeenVersion { get; set; }
    [BindProperty] public int? Number { get; set; }
    [BindProperty] public string? Approve { get; set; }
    [BindProperty] public string? Reasons { get; set; }

    public override string Title => "Support plan";

    public string ChildName { get; private set; } = "";
    public string ChildReference { get; private set; } = "";
    public Tier ChildTier { get; private set; }
    public SupportPlan? Plan { get; private set; }
    public PlanVersion? Latest { get; private set; }
    public PlanCost? LatestCost { get; private set; }
    public PlanVersion? InForce { get; private set; }
    public PlanCost? InForceCost { get; private set; }
    public IReadOnlyList<PlanVersion> Versions { get; private set; } = [];
    public IReadOnlyList<BudgetNotice> Notices { get; private set; } = [];
    public TimelineEvent? FamilyAskedForChange { get; private set; }

    /// <summary>The family's agreement to the newest version, when an officer recorded it for them.</summary>
    public FamilyAgreementOnBehalf? AgreedOnBehalf { get; private set; }

    /// <summary>The review schedule of the version in force (or, before one is, of the newest version from the day it starts).</summary>
    public ReviewSchedule? Review { get; private set; }

    public bool MayAgree => User.IsInRole(Roles.PersonalisationOfficer) || IsManager;
    public bool IsManager => User.IsInRole(Roles.TeamManager) || User.IsInRole(Roles.Admin);

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    /// <summary>A version as a PDF document, for the family or the file.</summary>
    public async Task<IActionResult> OnGetPdfAsync(int version)
    {
        if (!await LoadAsync(version)) return NotFound();
        if (Latest is null) return NotFound();
        var scheme = schemes.InForceOn(plans.Today);
        var (title, body) = PlanDocument.Compose(scheme, ChildName.Split(' ')[0], Latest, LatestCost!);
        return LetterFiles.Pdf(new Letter { Id = Latest.Id, Title = title, BodyHtml = body, CreatedAt = Latest.CreatedAt }, scheme);
    }

    /// <summary>The signed paper copy of a version the family agreed on paper, always as a download.</summary>
    public async Task<IActionResult> OnGetSignedCopyAsync(int version)
    {
        var ct = HttpContext.RequestAborted;
        var file = await (
                from agreement in db.FamilyAgreementsOnBehalf.AsNoTracking()
                join v in db.PlanVersions on agreement.PlanVersionId equals v.Id
                join p in db.SupportPlans on v.PlanId equals p.Id
                where p.ChildId == ChildId && v.Number == version && agreement.Content != null
                orderby p.CreatedAt descending
                select new { agreement.Id, agreement.FileName, agreement.ContentType, agreement.Content })
            .FirstOrDefaultAsync(ct);
        if (file is null) return NotFound();
        db.RecordView(nameof(FamilyAgreementOnBehalf), file.Id.ToString(), ChildId, $"Signed copy of plan version {version}");
        await db.SaveChangesAsync(ct);
        return File(file.Content!, file.ContentType ?? "application/octet-stream", file.FileName ?? "signed-plan");
    }

    public async Task<IActionResult> OnPostAgreeAsync()
    {
        ClearBindingErrors();
        if (!User.IsInRole(Roles.PersonalisationOfficer) && !IsManager) return Forbid();
        if (!await LoadAsync()) return NotFound();
        if (SeenVersion is not { } seen) return VersionMissing();
        if (Latest is null || Latest.Number != Number) return ChangedMeanwhile();
        var result = await approvals.AgreeAsync(Latest.Id, asFamily: false, seen, HttpContext.RequestAborted);
        return await AfterAsync(result);
    }

    public async Task<IActionResult> OnPostDecideAsync()
    {
        ClearBindingErrors();
        if (!IsManager) return Forbid();
        if (!await LoadAsync()) return NotFound();
        if (SeenVersion is not { } seen) return VersionMissing();
        if (Latest is null || Latest.Number != Number) return ChangedMeanwhile();
        if (!bool.TryParse(Approve, out var approve))
        {
            ModelState.AddModelError(nameof(Approve), "Choose whether to approve the plan");
            if (string.IsNullOrWhiteSpace(Reasons)) ModelState.AddModelError(nameof(Reasons), "Enter the reasons for the decision");
            return Page();
        }

        var result = await approvals.ManagerDecideAsync(Latest.Id, approve, Reasons, seen, HttpContext.RequestAborted);
        return await AfterAsync(result);
    }

    private async Task<IActionResult> AfterAsync(Core.CommandResult result)
    {
        if (result.Succeeded) return Redirect(Links.StaffPlan(ChildId));
        AddErrors(result.Errors);
        db.ChangeTracker.Clear();
        await LoadAsync();
        return Page();
    }

    private IActionResult VersionMissing()
    {
        ModelState.AddModelError("", FormVersion.Missing);
        return Page();
    }

    private IActionResult ChangedMeanwhile()
    {
        ModelState.AddModelError("", "The plan has changed since you opened it: check the newest version before you agree or decide.");
        return Page();
    }

    private async Task<bool> LoadAsync(int? number = null)
    {
        var ct = HttpContext.RequestAborted;
        var child = await db.Children.AsNoTracking().FirstOrDefaultAsync(c => c.Id == ChildId, ct);
        if (child is null) return false;
        (ChildName, ChildReference, ChildTier) = (child.FullName, child.Reference, child.Tier);
        Plan = await db.SupportPlans.AsNoTracking().Where(p => p.ChildId == ChildId).OrderByDescending(p => p.CreatedAt).FirstOrDefaultAsync(ct);
        if (Plan is not null)
        {
            // One query for every version; the content of the one or two shown in full comes from memory when it can
            // (a saved version's content never changes).
            Versions = await db.PlanVersions.AsNoTracking().Where(v => v.PlanId == Plan.Id).OrderByDescending(v => v.Number).ToListAsync(ct);
            var latestNumber = number ?? Plan.LatestNumber;
            var inForceNumber = PlanInForce.Of(Versions, plans.Today)?.Number;
            int[] wanted = inForceNumber is { } n && n != latestNumber ? [latestNumber, n] : [latestNumber];
            var full = Versions.Where(v => wanted.Contains(v.Number)).ToList();
            await contents.FillAsync(db, full, ct);
            Latest = full.FirstOrDefault(v => v.Number == latestNumber);
            if (Latest is not null) LatestCost = plans.CostOf(Latest, Tier.TargetedShortBreaks);
            if (inForceNumber == latestNumber)
            {
                InForce = Latest;
            }
            else if (inForceNumber is not null)
            {
                InForce = full.First(v => v.Number == inForceNumber);
                InForceCost = plans.CostOf(InForce, Tier.TargetedShortBreaks);
            }

            if (Latest is not null) AgreedOnBehalf = await approvals.AgreementOnBehalfAsync(Latest.Id, ct);
            Review = InForce is not null ? plans.ReviewScheduleOf(InForce, InForce.EffectiveFrom!.Value, child.EhcPlanReviewDate)
                : Latest is not null ? plans.ReviewScheduleOf(Latest, Latest.PeriodStart, child.EhcPlanReviewDate)
                : null;
            Notices = await db.BudgetNotices.AsNoTracking()
                .Where(n => n.PlanId == Plan.Id && (n.Status == BudgetNoticeStatus.Reconsidering || (n.Status != BudgetNoticeStatus.Withdrawn && n.TakesEffectOn > plans.Today))).ToListAsync(ct);
            FamilyAskedForChange = await db.TimelineEvents.AsNoTracking()
                .Where(t => t.ChildId == ChildId && t.Kind == TimelineKinds.PlanChangeAsked && t.At >= Plan.CreatedAt)
                .OrderByDescending(t => t.At).FirstOrDefaultAsync(ct);
        }

        db.RecordView(nameof(SupportPlan), ChildId.ToString(), ChildId, number is null ? "Plan" : $"Plan version {number}");
        await db.SaveChangesAsync(ct);
        return true;
    }

    public static string StatusText(PlanVersion v) => v.Status switch
    {
        PlanVersionStatus.Draft => (v.FamilyAgreedAt, v.OfficerAgreedAt) switch
        {
            (null, null) => "Draft, not yet agreed",
            (not null, null) => "Agreed by the family, not yet by the officer",
            (null, not null) => "Agreed by the officer, not yet by the family",
            _ => "Agreed",
        },
        PlanVersionStatus.AwaitingApproval => v.ApprovalRoute == PlanApprovalRoute.Panel ? $"Waiting for the panel ({v.ApprovalReason})" : "Waiting for a manager",
        PlanVersionStatus.Approved when v.EffectiveFrom is null => $"Approved by {v.DecidedByName}; not in force while the panel looks at the lower budget again",
        PlanVersionStatus.Approved => $"Approved by {v.DecidedByName}, in force from {v.EffectiveFrom?.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}",
        PlanVersionStatus.NotApproved => $"Not approved: {v.DecisionReasons}",
        _ => "Replaced by a later version before approval",
    };
}
