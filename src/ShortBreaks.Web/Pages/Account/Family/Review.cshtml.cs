using ShortBreaks.Core.Reviews;

namespace ShortBreaks.Web.Pages.Account.Family;

/// <summary>
/// A review for the family: when and where it is, who is invited, the form for the child's and the family's views
/// before it (answered from their account, changeable until the review is held), and once decided, the record and
/// outcome as a letter. Only for an account linked to the child; anyone else gets "not found".
/// </summary>
[ChildAccess(ChildRecordKind.Review, "reviewId")]
public sealed class ReviewModel(ShortBreaksDbContext db, ReviewService reviews) : GovukPageModel
{
    [BindProperty(SupportsGet = true)] public Guid ReviewId { get; set; }
    [BindProperty(SupportsGet = true)] public bool Sent { get; set; }
    [BindProperty] public long? SeenVersion { get; set; }
    [BindProperty] public string? ChildViews { get; set; }
    [BindProperty] public string? FamilyViews { get; set; }

    public ReviewView View { get; private set; } = null!;

    public override string Title => $"{View.Child.FirstName}'s review";

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync(view: true)) return NotFound();
        SeenVersion = View.Review.Version;
        (ChildViews, FamilyViews) = (View.Review.ChildViews, View.Review.FamilyViews);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ClearBindingErrors();
        if (!await LoadAsync(view: false)) return NotFound();
        if (!HttpContext.ChildAccess().MayChange) return NotFound();
        List<FieldError> errors = [new("", FormVersion.Missing)];
        if (SeenVersion is { } seen)
        {
            var result = await reviews.SendViewsAsync(ReviewId, ChildViews, FamilyViews, seen, HttpContext.RequestAborted);
            if (result.Succeeded) return Redirect(Links.FamilyReview(ReviewId, sent: true));
            errors = [.. result.Errors];
        }

        return await RefusedAsync(errors, () => LoadAsync(view: false));
    }

    private async Task<bool> LoadAsync(bool view)
    {
        var ct = HttpContext.RequestAborted;
        var found = await reviews.FindAsync(ReviewId, ct);
        if (found is null) return false;
        View = found;
        if (view)
        {
            db.RecordView(nameof(Review), ReviewId.ToString(), found.Child.Id, "review read by the family");
            await db.SaveChangesAsync(ct);
        }

        return true;
    }
}
