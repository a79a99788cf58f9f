namespace ShortBreaks.Web.Pages.Account.Family.Plan;

/// <summary>
/// The family's own copy of their child's plan: the version to agree or the one in force, print or download it,
/// agree it, ask for a review or a change, and ask for a lower budget to be looked at again. Only for an account
/// linked to the child; anyone else gets "not found".
/// </summary>
[ChildAccess(ChildRecordKind.Child, "childId")]
public sealed class IndexModel(ShortBreaksDbContext db, PlanService plans, PlanApprovalService approvals, PanelService panel, PlanRequests asks, SchemeCatalog schemes) : GovukPageModel
{
    [BindProperty(SupportsGet = true)] public Guid ChildId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sent { get; set; }
    [BindProperty] public long? SeenVersion { get; set; }
    [BindProperty] public int? Number { get; set; }
    [BindProperty] public string? What { get; set; }
    [BindProperty] public string? Why { get; set; }
    [BindProperty] public Guid? NoticeId { get; set; }
    [BindProperty] public long? NoticeVersion { get; set; }

    public override string Title => $"{FirstName}'s support plan";

    public string FirstName { get; private set; } = "";
    public PlanVersion? Shown { get; private set; }
    public PlanCost? Cost { get; private set; }
    public long PlanVersion { get; private set; }
    public bool CanAgree { get; private set; }
    public string StatusForFamily { get; private set; } = "";
    public IReadOnlyList<BudgetNotice> Notices { get; private set; } = [];

    public string? Done => Sent switch
    {
        "agreed" => "Thank you: you have agreed the plan.",
        "asked" => "We have sent your request to your officer, who will contact you.",
        "reconsider" => "We will look at the decision again. Support carries on as it is meanwhile.",
        _ => null,
    };

    public async Task<IActionResult> OnGetAsync() => await LoadAsync("Plan read by the family") ? Page() : NotFound();

    public async Task<IActionResult> OnGetPdfAsync()
    {
        if (!await LoadAsync("Plan downloaded as PDF by the family") || Shown is null) return NotFound();
        var scheme = schemes.InForceOn(plans.Today);
        var (title, body) = PlanDocument.Compose(scheme, FirstName, Shown, Cost!);
        return LetterFiles.Pdf(new Letter { Id = Shown.Id, Title = title, BodyHtml = body, CreatedAt = Shown.CreatedAt }, scheme);
    }

    public async Task<IActionResult> OnPostAgreeAsync()
    {
        ClearBindingErrors();
        if (!await LoadAsync(null)) return NotFound();
        if (!CanAgree || Shown?.Number != Number)
        {
            ModelState.AddModelError("", "The plan has changed since you opened it. Read it again before you agree.");
            return Page();
        }

        if (SeenVersion is not { } seen)
        {
            ModelState.AddModelError("", FormVersion.Missing);
            return Page();
        }

        var result = await approvals.AgreeAsync(Shown!.Id, asFamily: true, seen, HttpContext.RequestAborted);
        if (result.Succeeded) return Redirect(Links.FamilyPlan(ChildId, sent: "agreed"));
        AddErrors(result.Errors.Select(e => e with { Field = "" }));
        return await AgainAsync();
    }

    public async Task<IActionResult> OnPostAskAsync()
    {
        ClearBindingErrors();
        if (!await LoadAsync(null)) return NotFound();
        var result = await asks.AskForChangeAsync(ChildId, What, HttpContext.RequestAborted);
        if (result.Succeeded) return Redirect(Links.FamilyPlan(ChildId, sent: "asked"));
        AddErrors(result.Errors);
        return Page();
    }

    public async Task<IActionResult> OnPostReconsiderAsync()
    {
        ClearBindingErrors();
        if (!await LoadAsync(null)) return NotFound();
        if (NoticeId is not { } noticeId || Notices.All(n => n.Id != noticeId)) return NotFound();
        if (NoticeVersion is not { } noticeSeen)
        {
            ModelState.AddModelError("", FormVersion.Missing);
            return Page();
        }

        var result = await panel.RequestReconsiderationAsync(noticeId, Why, noticeSeen, HttpContext.RequestAborted);
        if (result.Succeeded) return Redirect(Links.FamilyPlan(ChildId, sent: "reconsider"));
        AddErrors(result.Errors);
        return await AgainAsync();
    }

    private async Task<IActionResult> AgainAsync()
    {
        db.ChangeTracker.Clear();
        await LoadAsync(null);
        return Page();
    }

    private async Task<bool> LoadAsync(string? view)
    {
        var ct = HttpContext.RequestAborted;
        var child = await db.Children.AsNoTracking().FirstAsync(c => c.Id == ChildId, ct);
        FirstName = child.FirstName;
        var plan = await db.SupportPlans.AsNoTracking().Where(p => p.ChildId == ChildId).OrderByDescending(p => p.CreatedAt).FirstOrDefaultAsync(ct);
        if (plan is not null)
        {
            PlanVersion = plan.Version;
            var latest = await plans.VersionAsync(plan.Id, plan.LatestNumber, ct);
            var inForce = await plans.InForceAsync(plan.Id, plans.Today, ct);
            // A family sees the version being agreed with them, or else the one in force; never a version the manager or panel turned down.
            Shown = latest is { Status: PlanVersionStatus.Draft or PlanVersionStatus.AwaitingApproval or PlanVersionStatus.Approved }
                ? latest
                : inForce is null ? null : await plans.VersionAsync(plan.Id, inForce.Number, ct);
            if (Shown is not null)
            {
                Cost = plans.CostOf(Shown, Tier.TargetedShortBreaks);
                var onBehalf = Shown.FamilyAgreedAt is null ? null : await approvals.AgreementOnBehalfAsync(Shown.Id, ct);
                var agreedBy = onBehalf is null ? null : $"{onBehalf.AgreedByName} ({onBehalf.Relationship}) agreed this plan {FamilyAgreementOnBehalf.MethodText(onBehalf.Method)}; your officer recorded it.";
                CanAgree = plan.EndedAt is null && Shown.Status == PlanVersionStatus.Draft && Shown.FamilyAgreedAt is null;
                StatusForFamily = Shown.Status switch
                {
                    PlanVersionStatus.Draft when Shown.FamilyAgreedAt is null => "This plan is waiting for you to agree it.",
                    PlanVersionStatus.Draft when onBehalf is not null => $"{agreedBy} It is waiting for your officer.",
                    PlanVersionStatus.Draft => $"You agreed this plan on {UkCalendar.Day(Shown.FamilyAgreedAt)}. It is waiting for your officer.",
                    PlanVersionStatus.AwaitingApproval => (onBehalf is null ? "You and your officer have agreed this plan." : agreedBy) + " It is waiting for " + (Shown.ApprovalRoute == PlanApprovalRoute.Panel ? "the panel." : "a manager."),
                    _ when Shown.EffectiveFrom is null => "This plan was approved, but you asked us to look at the lower budget again: the plan you have now carries on until we decide.",
                    _ => Shown.EffectiveFrom > plans.Today
                        ? $"This plan was approved and starts on {Shown.EffectiveFrom:d MMMM yyyy}."
                        : $"This is the plan in force, approved on {UkCalendar.Day(Shown.DecidedAt)}.",
                };
                if (agreedBy is not null && Shown.Status == PlanVersionStatus.Approved) StatusForFamily += " " + agreedBy;
            }

            Notices = await db.BudgetNotices.AsNoTracking()
                .Where(n => n.PlanId == plan.Id && (n.Status == BudgetNoticeStatus.Reconsidering || (n.TakesEffectOn > plans.Today && (n.Status == BudgetNoticeStatus.Running || n.Status == BudgetNoticeStatus.Confirmed))))
                .ToListAsync(ct);
        }

        if (view is not null)
        {
            db.RecordView(nameof(SupportPlan), ChildId.ToString(), ChildId, view);
            await db.SaveChangesAsync(ct);
        }

        return true;
    }
}
