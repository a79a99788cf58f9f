using ShortBreaks.Core.Caseloads;

namespace ShortBreaks.Web.Pages.Staff.Referrals;

/// <summary>
/// The team managers' list of referrals to social care: every one waiting to be passed on, oldest first, then the most
/// recently passed on, of the children the manager sees (<see cref="ChildVisibility"/>). Each child named is an audited view.
/// </summary>
[Authorize(Policy = Policies.Manager)]
public sealed class IndexModel(ShortBreaksDbContext db, SocialCareReferrals referrals, StaffVisibility visibility) : GovukPageModel
{
    public override string Title => "Referrals to social care";

    public IReadOnlyList<SocialCareReferralView> Waiting { get; private set; } = [];
    public IReadOnlyList<SocialCareReferralView> PassedOn { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        var viewer = await visibility.ForAsync(User, ct) ?? throw new InvalidOperationException("Only team managers and administrators reach the referrals list.");
        (Waiting, PassedOn) = await referrals.ListAsync(viewer, SocialCareReferrals.RecentPassedOn, ct);
        foreach (var childId in Waiting.Concat(PassedOn).Select(r => r.Referral.ChildId).Distinct())
            db.RecordView(nameof(Referral), "list", childId, "listed among the referrals to social care");
        await db.SaveChangesAsync(ct);
    }
}
