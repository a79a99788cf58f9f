using ShortBreaks.Core.DirectPayments;

namespace ShortBreaks.Web.Pages.Account.Family.DirectPayments;

/// <summary>
/// The family's own direct payment: the balance held in money and weeks of payments, anything flagged, the next return
/// and a link to send it, the statement lines imported, their returns, the audits' outcomes and any recoupment letters.
/// Only their own child's (the access check); the view is audited.
/// </summary>
[NoStore]
[ChildAccess(ChildRecordKind.DirectPaymentMoney, "directPaymentId")]
public sealed class MonitoringModel(ShortBreaksDbContext db, MonitoringService monitoring) : GovukPageModel
{
    [FromRoute] public Guid DirectPaymentId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    public override string Title => $"{FirstName}'s direct payment";

    public AccountMonitoringView View { get; private set; } = null!;
    public string FirstName => View.Monitored.ChildName.Split(' ')[0];

    /// <summary>Whether the next return's period has begun, so the family may send it.</summary>
    public bool MaySendReturn => View.Monitored.Payment.State == DirectPaymentState.Active && View.Monitored.NextReturn.From <= db.Today;

    public async Task<IActionResult> OnGetAsync()
    {
        var view = await monitoring.ViewAsync(DirectPaymentId, HttpContext.RequestAborted);
        if (view is null || view.Monitored.Payment.State == DirectPaymentState.AwaitingAgreement) return NotFound();
        View = view;
        return Page();
    }
}
