using ShortBreaks.Core.DirectPayments;

namespace ShortBreaks.Web.Pages.DirectPayments;

/// <summary>
/// Entering the account a direct payment is paid into, for staff and the family alike (their pages differ in who may
/// open them, their addresses and wording): a bank account (sort code and account number, checked for form) or a
/// prepaid card account's reference. What is saved is never shown again in full; it waits for confirmation by a second
/// channel before anything is paid into it.
/// </summary>
public abstract class AccountFormPage(DirectPaymentService payments, DirectPaymentAccounts accounts) : GovukPageModel
{
    [FromRoute] public Guid DirectPaymentId { get; set; }
    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? AccountName { get; set; }
    [BindProperty] public string? SortCode { get; set; }
    [BindProperty] public string? AccountNumber { get; set; }
    [BindProperty] public string? CardReference { get; set; }
    [BindProperty] public long? SeenVersion { get; set; }

    public override string Title => "Where the direct payment is paid";

    public DirectPayment Payment { get; private set; } = null!;
    public MaskedAccount? Current { get; private set; }

    protected abstract string AfterSaved { get; }

    protected abstract string ViewedAs { get; }

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        SeenVersion = Payment.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ClearBindingErrors();
        await LoadAsync();
        if (SeenVersion is not { } seen) return await RefusedAsync([new FieldError("", FormVersion.Missing)], LoadAsync);
        var kind = Enum.TryParse<DirectPaymentAccountKind>(Kind, out var k) && Enum.IsDefined(k) ? k : (DirectPaymentAccountKind?)null;
        var result = await accounts.AddAsync(DirectPaymentId, new AccountInput(kind, AccountName, SortCode, AccountNumber, CardReference), seen, HttpContext.RequestAborted);
        if (result.Succeeded) return Redirect(AfterSaved);
        var page = await RefusedAsync(result.Errors, LoadAsync);
        if (result.Conflict) SeenVersion = Payment.Version;
        return page;
    }

    private async Task LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        Payment = (await payments.FindAsync(DirectPaymentId, ct))!;
        Current = (await accounts.ListAsync(DirectPaymentId, ct)).FirstOrDefault(a => a.Confirmed && a.ReplacedAt is null);
        await payments.RecordViewAsync(Payment, ViewedAs, ct);
    }
}
