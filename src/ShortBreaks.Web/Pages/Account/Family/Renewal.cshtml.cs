using ShortBreaks.Core.Providers;
using ShortBreaks.Web.Pages.Renewals;

namespace ShortBreaks.Web.Pages.Account.Family;

/// <summary>
/// The family renews their child's Flexible Short Breaks: each answer they gave last year is shown to confirm or change,
/// and the renewal goes to the officer (or is approved at once when the scheme approves unchanged renewals). After
/// sending, the page shows where it stands. Only for an account linked to the child; anyone else gets "not found".
/// </summary>
[ChildAccess(ChildRecordKind.Child, "childId")]
public sealed class RenewalModel(ShortBreaksDbContext db, RenewalService renewals) : GovukPageModel
{
    [BindProperty(SupportsGet = true)] public Guid ChildId { get; set; }
    [BindProperty] public RenewalForm Form { get; set; } = new();
    [BindProperty] public long? SeenVersion { get; set; }

    public override string Title => $"Renew {Child.FirstName}'s Flexible Short Breaks";

    public Child Child { get; private set; } = null!;
    public RenewalView? View { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync(view: true)) return NotFound();
        SeenVersion = View?.Renewal.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ClearBindingErrors();
        if (!await LoadAsync(view: false)) return NotFound();
        if (View is not { Renewal.Status: RenewalStatus.Invited } open) return Redirect(Links.FamilyRenewal(ChildId));
        List<FieldError> errors = [new("", FormVersion.Missing)];
        if (SeenVersion is { } seen)
        {
            var result = await renewals.SubmitAsync(open.Renewal.Id, Form.Read(open.Answers), takenByPhone: false, seen, HttpContext.RequestAborted);
            if (result.Succeeded) return Redirect(Links.FamilyRenewal(ChildId));
            errors = [.. result.Errors];
        }

        return await RefusedAsync(errors, () => LoadAsync(view: false));
    }

    private async Task<bool> LoadAsync(bool view)
    {
        var ct = HttpContext.RequestAborted;
        var child = await db.Children.AsNoTracking().FirstOrDefaultAsync(c => c.Id == ChildId, ct);
        if (child is null) return false;
        Child = child;
        View = await renewals.LatestForChildAsync(ChildId, ct);
        if (view)
        {
            db.RecordView(nameof(FsbRenewal), View?.Renewal.Id.ToString() ?? ChildId.ToString(), ChildId, "renewal read by the family");
            await db.SaveChangesAsync(ct);
        }

        return true;
    }
}
