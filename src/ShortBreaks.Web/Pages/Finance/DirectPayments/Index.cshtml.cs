using ShortBreaks.Core.Caseloads;
using ShortBreaks.Core.DirectPayments;

namespace ShortBreaks.Web.Pages.Finance.DirectPayments;

/// <summary>
/// Every direct payment account with its balance held, in money and weeks of payments, and its flags: the finance
/// officers' list, flagged accounts first. Case staff see only the accounts of the children they see. Each account shown
/// is a view of a child's financial data, audited.
/// </summary>
public sealed class IndexModel(ShortBreaksDbContext db, MonitoringService monitoring, StaffVisibility visibility) : GovukPageModel
{
    [BindProperty(SupportsGet = true, Name = "flagged")] public bool FlaggedOnly { get; set; }

    public override string Title => "Direct payment monitoring";

    public IReadOnlyList<MonitoredPayment> Accounts { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var viewer = await visibility.ForMoneyAsync(User, HttpContext.RequestAborted);
        var all = viewer is null ? [] : await monitoring.ListAsync(viewer, HttpContext.RequestAborted);
        Accounts = FlaggedOnly ? all.Where(a => a.Assessment.Flags.Count > 0).ToList() : all;
        foreach (var account in Accounts) db.RecordView(nameof(DirectPayment), account.Payment.Id.ToString(), account.Payment.ChildId, "direct payment monitoring list");
        await db.SaveChangesAsync(HttpContext.RequestAborted);
    }
}
