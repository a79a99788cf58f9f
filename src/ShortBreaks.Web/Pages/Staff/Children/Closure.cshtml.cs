namespace ShortBreaks.Web.Pages.Staff.Children;

/// <summary>
/// Closing a child's case when the service has nothing more to do for them, or reopening it. Retention counts from
/// the closure (see <see cref="ShortBreaks.Core.Retention.RetentionService"/>).
/// </summary>
[Authorize(Policy = Policies.Decider)]
[ChildAccess(ChildRecordKind.Child, "id")]
public sealed class ClosureModel(ShortBreaksDbContext db, CaseClosureService closure) : GovukPageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public long? SeenVersion { get; set; }

    public override string Title => Child?.ClosedAt is null ? "Close the case" : "Reopen the case";

    public Child Child { get; private set; } = null!;

    /// <summary>Why the case cannot be closed now, when it is open.</summary>
    public string? NotClosable { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        return Page();
    }

    public Task<IActionResult> OnPostCloseAsync() => PostAsync(closing: true);

    public Task<IActionResult> OnPostReopenAsync() => PostAsync(closing: false);

    private async Task<IActionResult> PostAsync(bool closing)
    {
        ClearBindingErrors();
        if (!await LoadAsync(keepSeenVersion: true)) return NotFound();
        if (SeenVersion is not { } seen)
        {
            AddErrors([new FieldError("", FormVersion.Missing)]);
            return Page();
        }

        var result = closing
            ? await closure.CloseAsync(Id, Reason, seen, HttpContext.RequestAborted)
            : await closure.ReopenAsync(Id, Reason, seen, HttpContext.RequestAborted);
        if (result.Succeeded) return Redirect(Links.StaffChild(Id));
        AddErrors(result.Errors);
        db.ChangeTracker.Clear();
        await LoadAsync(keepSeenVersion: !result.Conflict);
        return Page();
    }

    /// <param name="keepSeenVersion">On a post, the version stays the one posted (none if none was): never the current one.</param>
    private async Task<bool> LoadAsync(bool keepSeenVersion = false)
    {
        var ct = HttpContext.RequestAborted;
        var child = await db.Children.AsNoTracking().FirstOrDefaultAsync(c => c.Id == Id, ct);
        if (child is null) return false;
        Child = child;
        if (!keepSeenVersion) SeenVersion = child.Version;
        NotClosable = child.ClosedAt is null ? await closure.WhyNotClosableAsync(child, ct) : null;

        // The page shows the child's name and case: a view of their record like any other.
        db.RecordView(nameof(Child), child.Id.ToString(), child.Id, "case closure page");
        await db.SaveChangesAsync(ct);
        return true;
    }
}
