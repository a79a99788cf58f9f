using ShortBreaks.Core.DirectPayments;

namespace ShortBreaks.Web.Pages.Finance.DirectPayments;

/// <summary>
/// A finance officer recovers unspent money: the page shows what would be recovered today (above the contingency, or the
/// whole balance once the direct payment has ended) and how, as the scheme says (which payments are reduced and by how
/// much, and what is invoiced); the officer gives the reasons, which go in the letter to the family. The amount shown is
/// posted back, so a balance that changed meanwhile is never recovered unseen.
/// </summary>
[ChildAccess(ChildRecordKind.DirectPaymentMoney, "directPaymentId")]
public sealed class RecoverModel(ShortBreaksDbContext db, RecoupmentService recoupments) : GovukPageModel
{
    [FromRoute] public Guid DirectPaymentId { get; set; }
    [BindProperty] public string? Reasons { get; set; }
    [BindProperty] public string? AmountSeen { get; set; }

    public override string Title => Proposal.OnEnding ? "Recover the unspent balance" : "Recover unspent money";

    public RecoupmentProposal Proposal { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!HttpContext.ChildAccess().MayChange) return Forbid();
        if (!await LoadAsync()) return NotFound();
        AmountSeen = Proposal.Amount.ToString("0.00", CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ClearBindingErrors();
        if (!HttpContext.ChildAccess().MayChange) return Forbid();
        if (!await LoadAsync()) return NotFound();
        if (!decimal.TryParse(AmountSeen, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seen))
        {
            AddErrors([new FieldError("", FormVersion.Missing)]);
            return Page();
        }

        var (_, result) = await recoupments.RecoverAsync(DirectPaymentId, Reasons, seen, HttpContext.RequestAborted);
        if (result.Succeeded) return Redirect(Links.FinanceDirectPayment(DirectPaymentId, "recovered"));
        return await RefusedAsync(result.Errors, async () =>
        {
            await LoadAsync();
            AmountSeen = Proposal.Amount.ToString("0.00", CultureInfo.InvariantCulture);
        });
    }

    private async Task<bool> LoadAsync()
    {
        var proposal = await recoupments.ProposeAsync(DirectPaymentId, HttpContext.RequestAborted);
        if (proposal is null) return false;
        Proposal = proposal;
        db.RecordView(nameof(DirectPayment), DirectPaymentId.ToString(), proposal.Monitored.Payment.ChildId, "recoupment");
        await db.SaveChangesAsync(HttpContext.RequestAborted);
        return true;
    }
}
