using ShortBreaks.Core.Retention;

namespace ShortBreaks.Web.Pages.Staff.Retention;

/// <summary>
/// Keeping a record past its retention, with the reason (a legal hold, a complaint open) and, if known, the day it
/// may be proposed again; or releasing a record kept until released.
/// </summary>
[Authorize(Policy = Policies.Manager)]
public sealed class KeepModel(RetentionService retention, ShortBreaksDbContext db) : GovukPageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public Guid ItemId { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty(Name = "KeepUntil")] public DateBoxes KeepUntil { get; set; } = new();
    [BindProperty] public long? SeenVersion { get; set; }

    public override string Title => Item?.Status == RetentionItemStatus.Kept ? "Release a kept record" : "Keep a record past its retention";

    public RetentionItem Item { get; private set; } = null!;

    public DateInput KeepUntilInput => new("KeepUntil", "Keep it until (optional)", KeepUntil.Day, KeepUntil.Month, KeepUntil.Year)
    {
        Hint = "It will not be listed again before this day. Leave it empty to keep it until a manager releases it. For example, 31 3 2027",
        ErrorParts = KeepUntil.ErrorParts,
    };

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostKeepAsync()
    {
        ClearBindingErrors();
        if (!await LoadAsync(keepSeenVersion: true)) return NotFound();
        var (until, dateError) = KeepUntil.Read("KeepUntil", "The date to keep it until");
        if (SeenVersion is not { } seen)
        {
            AddErrors([new FieldError("", FormVersion.Missing)]);
            return Page();
        }

        if (dateError is not null)
        {
            if (string.IsNullOrWhiteSpace(Reason)) AddErrors([new FieldError("Reason", "Enter why this record is being kept")]);
            AddErrors([dateError]);
            return Page();
        }

        var result = await retention.KeepAsync(Id, ItemId, Reason, until, seen, HttpContext.RequestAborted);
        return await AfterAsync(result, KeepUntil.KeyRuleErrors(result.Errors, "KeepUntil"));
    }

    public async Task<IActionResult> OnPostReleaseAsync()
    {
        ClearBindingErrors();
        if (!await LoadAsync(keepSeenVersion: true)) return NotFound();
        if (SeenVersion is not { } seen)
        {
            AddErrors([new FieldError("", FormVersion.Missing)]);
            return Page();
        }

        var result = await retention.ReleaseAsync(Id, ItemId, seen, HttpContext.RequestAborted);
        return await AfterAsync(result, result.Errors);
    }

    private async Task<IActionResult> AfterAsync(CommandResult result, IEnumerable<FieldError> errors)
    {
        if (result.Succeeded) return Redirect(Links.StaffRetentionReview(Id));
        AddErrors(errors);
        db.ChangeTracker.Clear();
        await LoadAsync(keepSeenVersion: !result.Conflict);
        return Page();
    }

    private async Task<bool> LoadAsync(bool keepSeenVersion = false)
    {
        var ct = HttpContext.RequestAborted;
        var review = await retention.FindAsync(Id, ct);
        var item = review is null ? null : await retention.ItemAsync(Id, ItemId, ct);
        if (item is null || item.Status is RetentionItemStatus.Erased or RetentionItemStatus.NoLongerDue || (item.Status == RetentionItemStatus.Kept && item.ReleasedAt is not null)) return false;
        Item = item;
        if (!keepSeenVersion) SeenVersion = review!.Version;
        return true;
    }
}
