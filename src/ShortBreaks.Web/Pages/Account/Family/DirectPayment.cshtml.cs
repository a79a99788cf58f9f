using ShortBreaks.Core.DirectPayments;

namespace ShortBreaks.Web.Pages.Account.Family;

/// <summary>
/// The family's own view of their child's direct payment: the agreement to read and agree (the recipient named in it
/// agrees; the agreed copy is kept as a letter), the accounts it is paid into (masked), with details an officer entered
/// waiting for the family to confirm them, and the payments. Only for an account linked to the child.
/// </summary>
[NoStore]
[ChildAccess(ChildRecordKind.DirectPayment, "directPaymentId")]
public sealed class DirectPaymentModel(ShortBreaksDbContext db, DirectPaymentService payments, DirectPaymentAccounts accounts, SchemeCatalog schemes) : GovukPageModel
{
    [FromRoute] public Guid DirectPaymentId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }
    [BindProperty] public long? SeenVersion { get; set; }
    [BindProperty] public Guid? AccountId { get; set; }

    public override string Title => $"{ChildFirstName}'s direct payment";

    public DirectPayment Payment { get; private set; } = null!;
    public string ChildFirstName { get; private set; } = "";
    public IReadOnlyList<MaskedAccount> Accounts { get; private set; } = [];
    public IReadOnlyList<DirectPaymentInstalment> Instalments { get; private set; } = [];

    /// <summary>Whether the signed-in person is the one the agreement names, who agrees it and confirms accounts.</summary>
    public bool IsRecipient => Payment.RecipientUserId is { } id && id == User.UserId();

    /// <summary>Details an officer entered, waiting for the recipient to confirm them here.</summary>
    public IEnumerable<MaskedAccount> ToConfirm => IsRecipient
        ? Accounts.Where(a => !a.Confirmed && a.ReplacedAt is null && a.CreatedByUserId != User.UserId())
        : [];

    public string? DoneText => Done switch
    {
        "agreed" => "You have agreed the direct payment agreement. A copy is in your letters. Payments start once the account is confirmed.",
        "account" => "Your account details are saved. Your officer will call you on the number we hold to confirm them before anything is paid into the account.",
        "confirmed" => "Thank you: the account is confirmed and payments now go to it.",
        _ => null,
    };

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAgreeAsync()
    {
        ClearBindingErrors();
        if (SeenVersion is not { } seen) return await RefusedAsync([new FieldError("", FormVersion.Missing)], LoadAsync);
        var result = await payments.AgreeAsync(DirectPaymentId, seen, HttpContext.RequestAborted);
        if (result.Succeeded) return Redirect(Links.FamilyDirectPayment(DirectPaymentId, done: "agreed"));
        return await RefusedAsync(result.Conflict ? [new FieldError("", "The agreement has changed since you opened this page. Read it again below before you agree it.")] : result.Errors, LoadAsync);
    }

    public async Task<IActionResult> OnPostConfirmAsync()
    {
        ClearBindingErrors();
        if (SeenVersion is not { } seen || AccountId is not { } accountId) return await RefusedAsync([new FieldError("", FormVersion.Missing)], LoadAsync);
        await LoadAsync();
        if (ToConfirm.All(a => a.Id != accountId)) return await RefusedAsync([new FieldError("", "These account details are not waiting for you to confirm them.")], LoadAsync);
        var result = await accounts.ConfirmAsync(accountId, AccountConfirmation.FamilyInAccount, null, seen, HttpContext.RequestAborted);
        if (result.Succeeded) return Redirect(Links.FamilyDirectPayment(DirectPaymentId, done: "confirmed"));
        return await RefusedAsync(result.Errors, LoadAsync);
    }

    /// <summary>The draft agreement as a PDF, to read on paper before agreeing it.</summary>
    public async Task<IActionResult> OnGetPdfAsync()
    {
        var ct = HttpContext.RequestAborted;
        var payment = (await payments.FindAsync(DirectPaymentId, ct))!;
        if (payment.AgreementLetterId is { } letterId) return Redirect(Links.FamilyLetterPdf(letterId));
        await payments.RecordViewAsync(payment, "Draft agreement downloaded by the family", ct);
        return DirectPaymentFiles.DraftPdf(payment, schemes, db.UtcNow);
    }

    private async Task LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        Payment = (await payments.FindAsync(DirectPaymentId, ct))!;
        SeenVersion = Payment.Version;
        ChildFirstName = await db.Children.AsNoTracking().Where(c => c.Id == Payment.ChildId).Select(c => c.FirstName).FirstAsync(ct);
        Accounts = await accounts.ListAsync(DirectPaymentId, ct);
        Instalments = (await payments.InstalmentsAsync(DirectPaymentId, ct)).Where(i => i.State != InstalmentState.Cancelled).ToList();
        await payments.RecordViewAsync(Payment, "Direct payment read by the family", ct);
    }
}
