using ShortBreaks.Core.DirectPayments;
using ShortBreaks.Web.Pages.DirectPayments;

namespace ShortBreaks.Web.Pages.Account.Family;

/// <summary>The person receiving a direct payment enters the account it is paid into; an officer confirms it by calling them back.</summary>
[ChildAccess(ChildRecordKind.DirectPayment, "directPaymentId")]
public sealed class DirectPaymentAccountModel(DirectPaymentService payments, DirectPaymentAccounts accounts) : AccountFormPage(payments, accounts)
{
    protected override string AfterSaved => Links.FamilyDirectPayment(DirectPaymentId, done: "account");

    protected override string ViewedAs => "Direct payment account entered by the family";

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        // Only the person the agreement names changes where the money goes.
        var recipient = await HttpContext.RequestServices.GetRequiredService<ShortBreaksDbContext>().DirectPayments.AsNoTracking()
            .Where(d => d.Id == DirectPaymentId).Select(d => d.RecipientUserId).FirstOrDefaultAsync(HttpContext.RequestAborted);
        if (recipient is null || recipient != User.UserId())
        {
            context.Result = NotFound();
            return;
        }

        await next();
    }
}
