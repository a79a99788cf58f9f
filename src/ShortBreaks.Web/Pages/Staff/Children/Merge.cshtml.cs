namespace ShortBreaks.Web.Pages.Staff.Children;

/// <summary>
/// Joins a duplicate record into this one. The officer finds the duplicate by its reference, sees both records
/// side by side, and gives a reason; both records' versions are carried so a change made meanwhile is not lost.
/// </summary>
[Authorize(Policy = Policies.Decider)]
[ChildAccess(ChildRecordKind.Child, "id")]
public class MergeModel(ShortBreaksDbContext db, ChildService children) : GovukPageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    /// <summary>The duplicate's reference as typed.</summary>
    [BindProperty(SupportsGet = true)] public string? DuplicateReference { get; set; }

    [BindProperty] public string? DuplicateId { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? SurvivingVersion { get; set; }
    [BindProperty] public string? DuplicateVersion { get; set; }

    public override string Title => "Merge a duplicate record";

    public RecordSide Surviving { get; private set; } = null!;
    public RecordSide? Duplicate { get; private set; }

    /// <summary>One record as shown for comparison.</summary>
    public sealed record RecordSide(Child Child, string? KeyWorker, int Requests);

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadSurvivingAsync() is not { } surviving) return NotFound();
        Surviving = surviving;
        // The lookup form was sent when its field is in the address, even empty.
        if (!Request.Query.ContainsKey(nameof(DuplicateReference)) || Surviving.Child.MergedIntoChildId is not null)
        {
            await RecordSurvivingViewAsync();
            return Page();
        }

        return await ShowAsync(await FindDuplicateAsync(), takeVersions: true);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ClearBindingErrors();
        var ct = HttpContext.RequestAborted;
        if (!Guid.TryParse(DuplicateId, out var duplicateId))
        {
            ModelState.AddModelError(nameof(DuplicateReference), "Enter the reference of the duplicate record");
            return await ShowAgainAsync(conflict: false);
        }

        var duplicateReference = await db.Children.AsNoTracking().Where(c => c.Id == duplicateId).Select(c => c.Reference).FirstOrDefaultAsync(ct);
        var result = await children.MergeAsync(Id, duplicateId, Reason,
            long.TryParse(SurvivingVersion, out var sv) ? sv : -1, long.TryParse(DuplicateVersion, out var dv) ? dv : -1, ct);
        if (result.Succeeded) return Redirect(Links.StaffChild(Id, merged: duplicateReference));

        // The service names the duplicate's id; on this page the officer typed a reference, so the error points there.
        AddErrors(result.Errors.Select(e => e.Field == nameof(DuplicateId) ? e with { Field = nameof(DuplicateReference) } : e));
        return await ShowAgainAsync(result.Conflict);
    }

    private async Task<IActionResult> ShowAgainAsync(bool conflict)
    {
        db.ChangeTracker.Clear();
        if (await LoadSurvivingAsync() is not { } surviving) return NotFound();
        Surviving = surviving;
        var duplicate = Guid.TryParse(DuplicateId, out var duplicateId) ? await LoadSideAsync(duplicateId) : null;
        if (duplicate is not null) DuplicateReference = duplicate.Child.Reference;

        // After a conflict the officer is now looking at both records as they are.
        return await ShowAsync(duplicate, takeVersions: conflict);
    }

    /// <summary>
    /// The page with the duplicate beside the surviving record, or the surviving record alone, audited as viewed;
    /// <paramref name="takeVersions"/> carries both records' versions as they are now, for the merge to check.
    /// </summary>
    private async Task<IActionResult> ShowAsync(RecordSide? duplicate, bool takeVersions)
    {
        if (duplicate is null)
        {
            await RecordSurvivingViewAsync();
            return Page();
        }

        Duplicate = duplicate;
        if (takeVersions)
        {
            SurvivingVersion = Surviving.Child.Version.ToString();
            DuplicateVersion = duplicate.Child.Version.ToString();
        }

        await RecordComparisonAsync();
        return Page();
    }

    private async Task<RecordSide?> FindDuplicateAsync()
    {
        var reference = References.Normalise(DuplicateReference);
        if (string.IsNullOrWhiteSpace(DuplicateReference))
        {
            ModelState.AddModelError(nameof(DuplicateReference), "Enter the reference of the duplicate record");
            return null;
        }

        if (reference is null || !reference.StartsWith('C'))
        {
            ModelState.AddModelError(nameof(DuplicateReference), "Enter a child's record reference, like C-7KQ2-M9XD");
            return null;
        }

        DuplicateReference = reference;
        var id = await db.Children.AsNoTracking().Where(c => c.Reference == reference).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(HttpContext.RequestAborted);
        if (id is null)
        {
            ModelState.AddModelError(nameof(DuplicateReference), $"No child's record has the reference {reference}");
            return null;
        }

        if (id == Id)
        {
            ModelState.AddModelError(nameof(DuplicateReference), "Enter the reference of a different record: this is the record the duplicate will be merged into");
            return null;
        }

        var duplicate = await LoadSideAsync(id.Value);
        if (duplicate!.Child.MergedIntoChildId is not null)
        {
            ModelState.AddModelError(nameof(DuplicateReference), $"Record {reference} has already been merged into another record");
            return null;
        }

        DuplicateId = id.ToString();
        return duplicate;
    }

    private Task<RecordSide?> LoadSurvivingAsync() => LoadSideAsync(Id);

    private async Task<RecordSide?> LoadSideAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        var child = await db.Children.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (child is null) return null;
        var keyWorker = child.KeyWorkerId is null ? null
            : await db.Users.AsNoTracking().Where(u => u.Id == child.KeyWorkerId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        var requests = await db.Requests.CountAsync(r => r.ChildId == id, ct);
        return new RecordSide(child, keyWorker, requests);
    }

    /// <summary>The record that stays is shown on its own until a duplicate is found: still a view of it.</summary>
    private async Task RecordSurvivingViewAsync()
    {
        db.RecordView(nameof(Child), Surviving.Child.Id.ToString(), Surviving.Child.Id, "merge page");
        await db.SaveChangesAsync(HttpContext.RequestAborted);
    }

    /// <summary>Showing two records side by side is a view of both, and is audited as one.</summary>
    private async Task RecordComparisonAsync()
    {
        db.RecordView(nameof(Child), Surviving.Child.Id.ToString(), Surviving.Child.Id, "merge comparison");
        db.RecordView(nameof(Child), Duplicate!.Child.Id.ToString(), Duplicate.Child.Id, "merge comparison");
        await db.SaveChangesAsync(HttpContext.RequestAborted);
    }
}
