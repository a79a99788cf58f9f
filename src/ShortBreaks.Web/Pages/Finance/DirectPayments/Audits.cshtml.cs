using ShortBreaks.Core.Caseloads;
using ShortBreaks.Core.DirectPayments;

namespace ShortBreaks.Web.Pages.Finance.DirectPayments;

/// <summary>
/// The annual audit worklist: every direct payment account whose audit is overdue or due this month (or every account),
/// with when it is due, its balance and flags. Each account listed is a view of a child's financial data, audited.
/// </summary>
public sealed class AuditsModel(ShortBreaksDbContext db, AccountAuditService audits, StaffVisibility visibility) : GovukPageModel
{
    [BindProperty(SupportsGet = true, Name = "all")] public bool All { get; set; }

    public override string Title => "Direct payment audits";

    public IReadOnlyList<AuditWorkItem> Items { get; private set; } = [];

    public async Task OnGetAsync()
    {
        // Case staff see only the accounts of the children they see; finance officers every account.
        var viewer = await visibility.ForMoneyAsync(User, HttpContext.RequestAborted);
        Items = viewer is null ? [] : await audits.WorklistAsync(dueOnly: !All, viewer, HttpContext.RequestAborted);
        foreach (var item in Items) db.RecordView(nameof(DirectPayment), item.Monitored.Payment.Id.ToString(), item.Monitored.Payment.ChildId, "direct payment audit worklist");
        await db.SaveChangesAsync(HttpContext.RequestAborted);
    }
}
