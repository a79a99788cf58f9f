using ShortBreaks.Core.DirectPayments;

namespace ShortBreaks.Web.Pages.DirectPayments;

/// <summary>
/// A child's direct payment for staff: where it stands, its agreement (the draft, or the agreed letter), its accounts
/// (masked) and its payments. Finance officers see the money (accounts and payments) and not the agreement, which
/// carries the plan's outcomes. Every view is audited.
/// </summary>
[NoStore]
[ChildAccess(ChildRecordKind.DirectPayment, "directPaymentId")]
public sealed class PaymentModel(ShortBreaksDbContext db, DirectPaymentService payments, DirectPaymentAccounts accounts, SchemeCatalog schemes) : GovukPageModel
{
    [FromRoute] public Guid DirectPaymentId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    public override string Title => $"Direct payment {Payment.Reference}";

    public DirectPayment Payment { get; private set; } = null!;
    public string ChildName { get; private set; } = "";
    public IReadOnlyList<MaskedAccount> Accounts { get; private set; } = [];
    public IReadOnlyList<DirectPaymentInstalment> Instalments { get; private set; } = [];

    /// <summary>Case staff read the agreement; finance officers only its money.</summary>
    public bool SeesAgreement => User.IsCaseStaff();

    /// <summary>Who sets up, records agreement and adds one-off payments: the officers who assess.</summary>
    public bool MayManage => ChildAccessHandler.IsAssessor(User);

    /// <summary>Who enters and confirms accounts: the officers who assess, and finance.</summary>
    public bool MayChangeAccount => MayManage || User.IsInRole(Roles.FinanceOfficer);

    public string? DoneText => Done switch
    {
        "set-up" => "The direct payment is set up and its agreement drafted. The family can now read and agree it in their account.",
        "agreed" => "The family's agreement is recorded and the payments are scheduled.",
        "account" => "The account is entered. It is paid only once it is confirmed with the family by a second channel, by someone else.",
        "confirmed" => "The account is confirmed: payments now go to it.",
        "one-off" => "The one-off payment is scheduled.",
        _ => null,
    };

    public async Task<IActionResult> OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        Payment = (await payments.FindAsync(DirectPaymentId, ct))!;
        ChildName = await db.Children.AsNoTracking().Where(c => c.Id == Payment.ChildId).Select(c => c.FirstName + " " + c.LastName).FirstAsync(ct);
        Accounts = await accounts.ListAsync(DirectPaymentId, ct);
        Instalments = await payments.InstalmentsAsync(DirectPaymentId, ct);
        await payments.RecordViewAsync(Payment, SeesAgreement ? "Direct payment read by staff" : "Direct payment's money read by finance", ct);
        return Page();
    }

    /// <summary>The draft agreement as a PDF, for a family to read on paper before they agree it.</summary>
    public async Task<IActionResult> OnGetPdfAsync()
    {
        if (!SeesAgreement) return NotFound();
        var ct = HttpContext.RequestAborted;
        var payment = (await payments.FindAsync(DirectPaymentId, ct))!;
        if (payment.AgreementLetterId is { } letterId) return Redirect(Links.StaffLetterPdf(letterId));
        await payments.RecordViewAsync(payment, "Draft agreement downloaded as PDF", ct);
        return DirectPaymentFiles.DraftPdf(payment, schemes, db.UtcNow);
    }
}
