using ShortBreaks.Core.DirectPayments;

namespace ShortBreaks.Web.Pages.Finance.DirectPayments;

/// <summary>
/// The auditor records an audit of a direct payment account: the period looked at, which of the agreement's records
/// they checked, the balance the account held, the outcome and what they found. The family sees the outcome.
/// </summary>
[ChildAccess(ChildRecordKind.DirectPaymentMoney, "directPaymentId")]
public sealed class AuditModel(ShortBreaksDbContext db, AccountAuditService audits, MonitoringService monitoring) : GovukPageModel
{
    private static readonly string[] FieldOrder = ["", "PeriodFrom-day", "PeriodFrom-month", "PeriodFrom-year", "PeriodTo-day", "PeriodTo-month", "PeriodTo-year", "Checked", "BalanceFound", "Outcome", "Findings"];

    [FromRoute] public Guid DirectPaymentId { get; set; }
    [BindProperty(Name = "PeriodFrom")] public DateBoxes PeriodFrom { get; set; } = new();
    [BindProperty(Name = "PeriodTo")] public DateBoxes PeriodTo { get; set; } = new();
    [BindProperty] public List<string> Checked { get; set; } = [];
    [BindProperty] public string? BalanceFound { get; set; }
    [BindProperty] public string? Outcome { get; set; }
    [BindProperty] public string? Findings { get; set; }

    public override string Title => "Record an audit";

    public MonitoredPayment Monitored { get; private set; } = null!;
    public IReadOnlyList<AgreementItem> RecordsToKeep { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!HttpContext.ChildAccess().MayChange) return Forbid();
        if (!await LoadAsync()) return NotFound();
        PeriodFrom = DateBoxes.Of(Monitored.LastAudited ?? Monitored.Payment.StartsOn);
        PeriodTo = DateBoxes.Of(db.Today);
        BalanceFound = Monitored.Assessment.Balance.ToString("0.00", CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ClearBindingErrors();
        if (!HttpContext.ChildAccess().MayChange) return Forbid();
        if (!await LoadAsync()) return NotFound();
        var (from, fromError) = PeriodFrom.Read("PeriodFrom", "The first day the audit looked at");
        var (to, toError) = PeriodTo.Read("PeriodTo", "The last day the audit looked at");
        var (made, result) = await audits.RecordAsync(DirectPaymentId, new AuditForm(from, to, Checked, BalanceFound, Outcome, Findings), HttpContext.RequestAborted);
        if (result.Succeeded) return Redirect(Links.FinanceDirectPayment(DirectPaymentId, "audited"));

        var errors = new List<FieldError>();
        if (fromError is { } f) errors.Add(f);
        if (toError is { } t) errors.Add(t);
        var rules = result.Errors.Where(e => !(e.Field == "PeriodFrom" && fromError is not null) && !(e.Field == "PeriodTo" && toError is not null)).ToList();
        errors.AddRange(PeriodTo.KeyRuleErrors(PeriodFrom.KeyRuleErrors(rules, "PeriodFrom"), "PeriodTo"));
        AddErrors(errors.OrderBy(e => Array.IndexOf(FieldOrder, e.Field)));
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        var monitored = (await monitoring.MonitorAsync(db.DirectPayments.Where(d => d.Id == DirectPaymentId), HttpContext.RequestAborted)).FirstOrDefault();
        if (monitored is null) return false;
        Monitored = monitored;
        RecordsToKeep = monitoring.SchemeOf(monitored.Payment).DirectPaymentRules.Agreement.RecordsToKeep;
        return true;
    }
}
