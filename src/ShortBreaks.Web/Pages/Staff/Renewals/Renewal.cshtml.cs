using ShortBreaks.Core.Providers;
using ShortBreaks.Web.Pages.Renewals;

namespace ShortBreaks.Web.Pages.Staff.Renewals;

/// <summary>
/// One renewal for the officer: last year's answers and this year's, changes marked; approve it or refer it for a fresh
/// threshold decision with reasons; or, while the family has not sent it, record their answers taken by phone. Every move
/// is checked by <see cref="RenewalService"/>; two officers at once: the second is told and nothing is saved over the first.
/// </summary>
[ChildAccess(ChildRecordKind.Renewal, "renewalId")]
public sealed class RenewalModel(ShortBreaksDbContext db, RenewalService renewals) : GovukPageModel
{
    [BindProperty(SupportsGet = true)] public Guid RenewalId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }
    [BindProperty] public RenewalForm Form { get; set; } = new();
    [BindProperty] public string? Decision { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public long? SeenVersion { get; set; }

    public override string Title => $"Renewal of Flexible Short Breaks for the year from {RenewalRules.Day(View.Renewal.YearStart)}";

    public RenewalView View { get; private set; } = null!;

    public string? DoneText => Done switch
    {
        "phone" => View.Renewal.Status == RenewalStatus.Approved
            ? "The renewal taken by phone is recorded, and approved automatically under the scheme."
            : "The renewal taken by phone is recorded. It is waiting for a decision.",
        "decided" => View.Renewal.Status == RenewalStatus.Approved ? "The renewal is approved. The family is told." : "The renewal is referred for a threshold decision. The family is told.",
        _ => null,
    };

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync(view: true)) return NotFound();
        SeenVersion = View.Renewal.Version;
        return Page();
    }

    public Task<IActionResult> OnPostPhoneAsync() => PostAsync(async seen =>
    {
        var result = await renewals.SubmitAsync(RenewalId, Form.Read(View.Answers), takenByPhone: true, seen, HttpContext.RequestAborted);
        return result.Succeeded ? ("phone", []) : (null, [.. result.Errors]);
    });

    public Task<IActionResult> OnPostDecideAsync() => PostAsync(async seen =>
    {
        RenewalDecision? decision = Decision switch { "Approve" => RenewalDecision.Approve, "Refer" => RenewalDecision.Refer, _ => null };
        var result = await renewals.DecideAsync(RenewalId, decision, Reason, seen, HttpContext.RequestAborted);
        return result.Succeeded ? ("decided", []) : (null, [.. result.Errors]);
    });

    private async Task<IActionResult> PostAsync(Func<long, Task<(string? Done, List<FieldError> Errors)>> act)
    {
        ClearBindingErrors();
        if (!await LoadAsync(view: false)) return NotFound();
        List<FieldError> errors = [new("", FormVersion.Missing)];
        if (SeenVersion is { } seen)
        {
            var (done, problems) = await act(seen);
            if (done is not null) return Redirect(Links.StaffRenewal(RenewalId, done));
            errors = problems;
        }

        return await RefusedAsync(errors, () => LoadAsync(view: false));
    }

    private async Task<bool> LoadAsync(bool view)
    {
        var ct = HttpContext.RequestAborted;
        var found = await renewals.FindAsync(RenewalId, ct);
        if (found is null) return false;
        View = found;
        if (view)
        {
            db.RecordView(nameof(FsbRenewal), RenewalId.ToString(), found.Child.Id, "renewal read by staff");
            await db.SaveChangesAsync(ct);
        }

        return true;
    }
}
