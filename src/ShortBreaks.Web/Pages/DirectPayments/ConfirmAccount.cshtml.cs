using ShortBreaks.Core.DirectPayments;

namespace ShortBreaks.Web.Pages.DirectPayments;

/// <summary>
/// An officer or finance officer records that they called the family back on the number already on file and the family
/// confirmed new account details; refused to whoever entered them.
/// </summary>
[ChildAccess(ChildRecordKind.DirectPayment, "directPaymentId")]
public sealed class ConfirmAccountModel(DirectPaymentService payments, DirectPaymentAccounts accounts) : GovukPageModel
{
    [FromRoute] public Guid DirectPaymentId { get; set; }
    [FromRoute] public Guid AccountId { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public long? SeenVersion { get; set; }

    public override string Title => "Record a call-back confirming the account";

    public DirectPayment Payment { get; private set; } = null!;
    public MaskedAccount Account { get; private set; } = null!;

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (!ChildAccessHandler.IsAssessor(User) && !User.IsInRole(Roles.FinanceOfficer)) context.Result = Forbid();
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        SeenVersion = Account.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ClearBindingErrors();
        if (!await LoadAsync()) return NotFound();
        if (SeenVersion is not { } seen) return await RefusedAsync([new FieldError("", FormVersion.Missing)], async () => await LoadAsync());
        var result = await accounts.ConfirmAsync(AccountId, AccountConfirmation.CallBackToNumberOnFile, Note, seen, HttpContext.RequestAborted);
        if (result.Succeeded) return Redirect(Links.DirectPayment(DirectPaymentId, done: "confirmed"));
        var page = await RefusedAsync(result.Errors, async () => await LoadAsync());
        if (result.Conflict) SeenVersion = Account.Version;
        return page;
    }

    private async Task<bool> LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        Payment = (await payments.FindAsync(DirectPaymentId, ct))!;
        var account = (await accounts.ListAsync(DirectPaymentId, ct)).FirstOrDefault(a => a.Id == AccountId);
        if (account is null) return false;
        Account = account;
        await payments.RecordViewAsync(Payment, "Confirming a direct payment's account", ct);
        return true;
    }
}
