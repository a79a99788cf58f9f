using ShortBreaks.Core.DirectPayments;

namespace ShortBreaks.Web.Pages.Finance.DirectPayments;

/// <summary>
/// A recoupment letter as it was sent, for finance (who do not open the child's letters), with its PDF; and withdrawing
/// the recoupment when the family's dispute is upheld. Reading it is a view of the child's record.
/// </summary>
[NoStore]
[ChildAccess(ChildRecordKind.DirectPaymentMoney, "directPaymentId")]
public sealed class LetterModel(ShortBreaksDbContext db, RecoupmentService recoupments, ShortBreaks.Core.Schemes.SchemeCatalog schemes) : GovukPageModel
{
    [FromRoute] public Guid DirectPaymentId { get; set; }
    [FromRoute] public Guid LetterId { get; set; }
    [BindProperty] public string? WithdrawnReason { get; set; }
    [BindProperty] public string? Seen { get; set; }

    public override string Title => Letter.Title;

    public Letter Letter { get; private set; } = null!;
    public Recoupment Recoupment { get; private set; } = null!;
    public bool MayChange => HttpContext.ChildAccess().MayChange;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync("recoupment letter")) return NotFound();
        Seen = Recoupment.Version.ToString(CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnGetPdfAsync()
    {
        if (!await LoadAsync("recoupment letter downloaded as PDF")) return NotFound();
        return LetterFiles.Pdf(Letter, schemes.InForceOn(UkCalendar.DateOf(Letter.CreatedAt)));
    }

    /// <summary>Withdraws the recoupment (the family's dispute was upheld): reduced payments not yet in a run are put back.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        ClearBindingErrors();
        if (!MayChange) return Forbid();
        if (!await LoadAsync(null)) return NotFound();
        if (!long.TryParse(Seen, NumberStyles.None, CultureInfo.InvariantCulture, out var seen))
        {
            AddErrors([new FieldError("", FormVersion.Missing)]);
            return Page();
        }

        var result = await recoupments.WithdrawAsync(Recoupment.Id, WithdrawnReason, seen, HttpContext.RequestAborted);
        if (result.Succeeded) return Redirect(Links.FinanceDirectPayment(DirectPaymentId, "withdrawn"));
        return await RefusedAsync(result.Errors, async () => { await LoadAsync(null); });
    }

    private async Task<bool> LoadAsync(string? viewed)
    {
        var ct = HttpContext.RequestAborted;
        var recoupment = await db.Recoupments.AsNoTracking().FirstOrDefaultAsync(r => r.DirectPaymentId == DirectPaymentId && r.LetterId == LetterId, ct);
        var letter = recoupment is null ? null : await db.Letters.AsNoTracking().FirstOrDefaultAsync(l => l.Id == LetterId, ct);
        if (recoupment is null || letter is null) return false;
        (Recoupment, Letter) = (recoupment, letter);
        if (viewed is not null)
        {
            db.RecordView(nameof(Letter), letter.Id.ToString(), letter.ChildId, viewed);
            await db.SaveChangesAsync(ct);
        }

        return true;
    }
}
