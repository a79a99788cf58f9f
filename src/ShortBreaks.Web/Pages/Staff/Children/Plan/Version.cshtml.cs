namespace ShortBreaks.Web.Pages.Staff.Children.Plan;

/// <summary>Any earlier version of a plan, exactly as it was.</summary>
[ChildAccess(ChildRecordKind.Child, "childId")]
public sealed class VersionModel(ShortBreaksDbContext db, PlanService plans) : GovukPageModel
{
    [BindProperty(SupportsGet = true)] public Guid ChildId { get; set; }
    [BindProperty(SupportsGet = true)] public int Number { get; set; }

    public override string Title => $"Version {Number}";

    public string ChildName { get; private set; } = "";
    public PlanVersion Version { get; private set; } = null!;
    public PlanCost Cost { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        var child = await db.Children.AsNoTracking().FirstOrDefaultAsync(c => c.Id == ChildId, ct);
        var plan = await db.SupportPlans.AsNoTracking().Where(p => p.ChildId == ChildId).OrderByDescending(p => p.CreatedAt).FirstOrDefaultAsync(ct);
        if (child is null || plan is null || await plans.VersionAsync(plan.Id, Number, ct) is not { } version) return NotFound();
        ChildName = child.FullName;
        Version = version;
        Cost = plans.CostOf(version, Tier.TargetedShortBreaks);
        db.RecordView(nameof(SupportPlan), ChildId.ToString(), ChildId, $"Plan version {Number}");
        await db.SaveChangesAsync(ct);
        return Page();
    }
}
