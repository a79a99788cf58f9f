namespace ShortBreaks.Web.Pages.Staff.Referrals;

/// <summary>
/// One referral to social care: the child, who referred them and why, and, while it waits, the form a team manager uses
/// to record how it was passed on (it goes on the child's timeline and closes every manager's task). Two managers at
/// once: the second is told who recorded it first, and nothing is written over it. Opening it is an audited view.
/// </summary>
[Authorize(Policy = Policies.Manager)]
[ChildAccess(ChildRecordKind.Referral, "referralId")]
public sealed class ReferralModel(ShortBreaksDbContext db, SocialCareReferrals referrals) : GovukPageModel
{
    [FromRoute] public Guid ReferralId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }
    [BindProperty] public string? How { get; set; }

    public override string Title => "Referral to social care";

    public SocialCareReferralView View { get; private set; } = null!;

    public string? DoneText => Done == "passed-on" ? "The referral is recorded as passed on to social care. Every manager's task for it is done." : null;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        db.RecordView(nameof(Referral), ReferralId.ToString(), View.Referral.ChildId, "referral to social care read by staff");
        await db.SaveChangesAsync(HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ClearBindingErrors();
        if (!await LoadAsync()) return NotFound();
        var result = await referrals.PassOnAsync(ReferralId, How, HttpContext.RequestAborted);
        if (result.Succeeded) return Redirect(Links.StaffReferral(ReferralId, "passed-on"));
        return await RefusedAsync(result.Errors, async () => await LoadAsync());
    }

    private async Task<bool> LoadAsync()
    {
        var found = await referrals.FindAsync(ReferralId, HttpContext.RequestAborted);
        if (found is null) return false;
        View = found;
        return true;
    }
}
