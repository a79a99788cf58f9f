using ShortBreaks.Core.DirectPayments;

namespace ShortBreaks.Web.Pages.Finance.DirectPayments;

/// <summary>
/// The annual audit worklist: every direct payment account whose audit is overdue or due this month (or every account),
/// with when it is due, its balance and flags. Each account listed is a view of a child's financial data, audited.
/// </summary>
public sealed class AuditsModel(ShortBreaksDbContext db, AccountAuditService audits) : GovukPageModel
{
    [BindProperty(SupportsGet = true, Name = "all")] public bool All { get; set; }

    public override string Title => "Direct payment audits";

    public IReadOnlyList<AuditWorkItem> Items { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Items = await audits.WorklistAsync(dueOnly: !All, HttpContext.RequestAborted);
        foreach (var item in Items) db.RecordView(nameof(DirectPayment), item.Monitored.Payment.Id.ToString(), item.Monitored.Payment.ChildId, "direct payment audit worklist");
        await db.SaveChangesAsync(HttpContext.RequestAborted);
    }
}
