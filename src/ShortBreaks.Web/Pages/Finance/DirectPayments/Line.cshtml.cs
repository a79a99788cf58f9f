using ShortBreaks.Core.DirectPayments;

namespace ShortBreaks.Web.Pages.Finance.DirectPayments;

/// <summary>
/// A finance officer marks a statement line as spending outside the plan (with the reason, and the agreement's
/// may-not-buy item it falls under, if one), or clears the mark. Two officers marking the same line: the second is told.
/// </summary>
[ChildAccess(ChildRecordKind.DirectPaymentMoney, "directPaymentId")]
public sealed class LineModel(ShortBreaksDbContext db, StatementImportService imports, MonitoringService monitoring) : GovukPageModel
{
    [FromRoute] public Guid DirectPaymentId { get; set; }
    [FromRoute] public Guid LineId { get; set; }
    [BindProperty] public string? OutsidePlan { get; set; }
    [BindProperty] public string? MayNotBuyId { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Seen { get; set; }

    public override string Title => "Is this spending outside the plan?";

    public StatementLine Line { get; private set; } = null!;
    public IReadOnlyList<AgreementItem> MayNotBuy { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!HttpContext.ChildAccess().MayChange) return Forbid();
        if (!await LoadAsync()) return NotFound();
        (OutsidePlan, MayNotBuyId, Reason, Seen) = (Line.OutsidePlan ? "yes" : "no", Line.MayNotBuyId, Line.OutsidePlanReason, Line.Version.ToString(CultureInfo.InvariantCulture));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ClearBindingErrors();
        if (!HttpContext.ChildAccess().MayChange) return Forbid();
        if (!await LoadAsync()) return NotFound();
        if (!long.TryParse(Seen, NumberStyles.None, CultureInfo.InvariantCulture, out var seen))
        {
            AddErrors([new FieldError("", FormVersion.Missing)]);
            return Page();
        }

        if (OutsidePlan is not ("yes" or "no"))
        {
            AddErrors([new FieldError("OutsidePlan", "Select whether this spending is outside the plan")]);
            return Page();
        }

        var result = await imports.MarkLineAsync(LineId, OutsidePlan == "yes", Reason, MayNotBuyId, seen, HttpContext.RequestAborted);
        if (result.Succeeded) return Redirect(Links.FinanceDirectPayment(DirectPaymentId, "marked"));
        return await RefusedAsync(result.Errors, async () => { await LoadAsync(); });
    }

    private async Task<bool> LoadAsync()
    {
        var line = await db.StatementLines.AsNoTracking().FirstOrDefaultAsync(l => l.Id == LineId && l.DirectPaymentId == DirectPaymentId, HttpContext.RequestAborted);
        var payment = await db.DirectPayments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == DirectPaymentId, HttpContext.RequestAborted);
        if (line is null || payment is null) return false;
        Line = line;
        MayNotBuy = monitoring.SchemeOf(payment).DirectPaymentRules.Agreement.MayNotBuy;
        return true;
    }
}
