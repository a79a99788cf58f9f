using ShortBreaks.Core.DirectPayments;

namespace ShortBreaks.Web.Pages.DirectPayments;

/// <summary>An officer or a finance officer enters the account a direct payment is paid into; someone else confirms it.</summary>
[ChildAccess(ChildRecordKind.DirectPayment, "directPaymentId")]
public sealed class AccountModel(DirectPaymentService payments, DirectPaymentAccounts accounts) : AccountFormPage(payments, accounts)
{
    protected override string AfterSaved => Links.DirectPayment(DirectPaymentId, done: "account");

    protected override string ViewedAs => "Entering a direct payment's account";

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (!ChildAccessHandler.IsAssessor(User) && !User.IsInRole(Roles.FinanceOfficer)) context.Result = Forbid();
    }
}
