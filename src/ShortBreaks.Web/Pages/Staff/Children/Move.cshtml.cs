namespace ShortBreaks.Web.Pages.Staff.Children;

/// <summary>The moves an officer records directly: up to social care, down to Flexible Short Breaks, to adult services, closure.</summary>
[Authorize(Policy = Policies.Decider)]
[ChildAccess(ChildRecordKind.Child, "id")]
public sealed class MoveModel(ShortBreaksDbContext db, TierService tiers) : GovukPageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public string? Move { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public long? SeenVersion { get; set; }

    public override string Title => "Move the child to another tier";

    public string ChildName { get; private set; } = "";
    public Tier ChildTier { get; private set; }
    public IReadOnlyList<TierMove> Moves { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ClearBindingErrors();
        if (!await LoadAsync(keepSeenVersion: true)) return NotFound();
        if (!Enum.TryParse<TierMove>(Move, out var move) || !Moves.Contains(move))
        {
            ModelState.AddModelError(nameof(Move), "Choose the move");
            if (string.IsNullOrWhiteSpace(Reason)) ModelState.AddModelError(nameof(Reason), "Enter why the child is moving");
            return Page();
        }

        if (SeenVersion is not { } seen)
        {
            ModelState.AddModelError("", FormVersion.Missing);
            return Page();
        }

        var result = await tiers.MoveAsync(Id, move, Reason, seen, HttpContext.RequestAborted);
        if (result.Succeeded) return Redirect(Links.StaffChild(Id));
        AddErrors(result.Errors);
        if (result.Conflict)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(keepSeenVersion: false);
        }

        return Page();
    }

    /// <param name="keepSeenVersion">On a post, the version stays the one posted (none if none was): never the current one.</param>
    private async Task<bool> LoadAsync(bool keepSeenVersion = false)
    {
        var child = await db.Children.AsNoTracking().FirstOrDefaultAsync(c => c.Id == Id, HttpContext.RequestAborted);
        if (child is null) return false;
        ChildName = child.FullName;
        ChildTier = child.Tier;
        if (!keepSeenVersion) SeenVersion = child.Version;
        Moves = TierMoves.AllowedFrom(child.Tier).Where(TierService.DirectMoves.Contains).ToList();

        // The page shows the child's name and tier: a view of their record like any other.
        db.RecordView(nameof(Child), child.Id.ToString(), child.Id, "tier move page");
        await db.SaveChangesAsync(HttpContext.RequestAborted);
        return true;
    }
}
