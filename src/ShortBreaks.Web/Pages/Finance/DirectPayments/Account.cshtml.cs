using ShortBreaks.Core.DirectPayments;

namespace ShortBreaks.Web.Pages.Finance.DirectPayments;

/// <summary>
/// A direct payment account's monitoring page: its balance held in money and weeks, threshold and flags, its statements
/// and their lines, the family's returns with their evidence, audits and recoupments. Finance officers act from here
/// (import a statement, mark a line, audit, recover); case staff read it. Opening it, and each evidence file, is audited.
/// </summary>
[NoStore]
[ChildAccess(ChildRecordKind.DirectPaymentMoney, "directPaymentId")]
public sealed class AccountModel(MonitoringService monitoring, MonitoringReturnService returns) : GovukPageModel
{
    [FromRoute] public Guid DirectPaymentId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    public override string Title => $"Direct payment {View.Monitored.Payment.Reference}";

    public AccountMonitoringView View { get; private set; } = null!;
    public IReadOnlyList<MonitoringReturnEvidence> Evidence { get; private set; } = [];
    public bool MayChange => HttpContext.ChildAccess().MayChange;

    public string? DoneText => Done switch
    {
        "imported" => "The statement is imported.",
        "marked" => "The statement line is saved.",
        "audited" => "The audit is recorded.",
        "recovered" => "The recoupment is made and its letter is on the family's account.",
        "withdrawn" => "The recoupment is withdrawn and any reduced payments are put back.",
        _ => null,
    };

    public async Task<IActionResult> OnGetAsync()
    {
        var view = await monitoring.ViewAsync(DirectPaymentId, HttpContext.RequestAborted);
        if (view is null) return NotFound();
        View = view;
        Evidence = await returns.EvidenceListAsync(DirectPaymentId, HttpContext.RequestAborted);
        return Page();
    }

    /// <summary>An evidence file of one of the family's returns, as a download typed by its bytes.</summary>
    public async Task<IActionResult> OnGetEvidenceAsync(Guid evidenceId)
    {
        var file = await returns.EvidenceAsync(DirectPaymentId, evidenceId, HttpContext.RequestAborted);
        return file is null ? NotFound() : EvidenceFiles.Download(file.Content, file.FileName);
    }
}
