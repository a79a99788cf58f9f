using ShortBreaks.Core.Retention;

namespace ShortBreaks.Web.Pages.Staff.Retention;

/// <summary>
/// One month's retention review: each record past its retention, why, and the manager's confirmation (one record,
/// or every record shown) or keeping it with a reason. Erasure cannot be undone, so every record is checked again
/// at the moment it is confirmed.
/// </summary>
[Authorize(Policy = Policies.Manager)]
public sealed class ReviewModel(RetentionService retention, ShortBreaksDbContext db) : GovukPageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public List<string> ItemIds { get; set; } = [];
    [BindProperty] public long? SeenVersion { get; set; }

    public override string Title => Review is null ? "Retention review" : $"Retention review: {RetentionDisplay.MonthName(Review.Month)}";

    public RetentionReview Review { get; private set; } = null!;
    public IReadOnlyList<RetentionItem> Proposed { get; private set; } = [];
    public int ProposedTotal { get; private set; }
    public IReadOnlyList<RetentionItem> Decided { get; private set; } = [];

    /// <summary>After a confirmation: how many records were erased, and how many were found no longer due.</summary>
    public (int Erased, int NotDue)? Confirmed { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        SeenVersion = Review.Version;
        if (Count("erased") is { } erased) Confirmed = (erased, Count("notdue") ?? 0);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync()
    {
        ClearBindingErrors();
        var ids = ItemIds.Select(i => Guid.TryParse(i, out var id) ? id : (Guid?)null).ToList();
        if (!await LoadAsync()) return NotFound();
        if (SeenVersion is not { } seen)
        {
            AddErrors([new FieldError("", FormVersion.Missing)]);
            SeenVersion = Review.Version;
            return Page();
        }

        if (ids.Any(i => i is null))
        {
            AddErrors([new FieldError("", "Some of those records are not on this review. Open the review again.")]);
            return Page();
        }

        var (done, result) = await retention.ConfirmAsync(Id, ids.Select(i => i!.Value).ToList(), seen, HttpContext.RequestAborted);
        if (result.Succeeded) return Redirect(Links.StaffRetentionReview(Id, done!.Erased, done.NoLongerDue));
        AddErrors(result.Errors);
        db.ChangeTracker.Clear();
        await LoadAsync();
        if (result.Conflict) SeenVersion = Review.Version;
        return Page();
    }

    private int? Count(string name) =>
        int.TryParse(Request.Query[name], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    private async Task<bool> LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        var review = await retention.FindAsync(Id, ct);
        if (review is null) return false;
        Review = review;
        (var proposed, ProposedTotal, var decided) = await retention.ItemsAsync(Id, ct);
        (Proposed, Decided) = (proposed, decided);

        // The review names children's records by reference: who looked at it is kept like any view of a record.
        db.RecordView(nameof(RetentionReview), Id.ToString(), null, "retention review");
        await db.SaveChangesAsync(ct);
        return true;
    }
}
