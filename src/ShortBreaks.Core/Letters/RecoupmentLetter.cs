using ShortBreaks.Core.DirectPayments;

namespace ShortBreaks.Core.Letters;

/// <summary>
/// The letter that tells a family money will be recovered from their direct payment: the reasons, the balance, what
/// they may keep, the amount, how it is recovered (which payments are reduced, and by how much, and what is invoiced),
/// and how to dispute it and by when. Pure.
/// </summary>
public static class RecoupmentLetter
{
    public static (string Title, string BodyHtml) Compose(Scheme scheme, Child child, DirectPayment payment, Recoupment recoupment,
        IReadOnlyList<(DateOnly DueOn, decimal Before, decimal After)> reductions, DateTime writtenAt, string byName)
    {
        var html = LetterHtml.Begin(writtenAt, payment.RecipientName.Length > 0 ? payment.RecipientName : "parent or carer");
        var name = Encode(child.FirstName);
        html.P($"We are writing about the direct payment for {name} (reference <strong>{Encode(payment.Reference)}</strong>). " +
               "A direct payment is public money: what is not needed for the support it pays for is paid back.");
        html.Heading("How much we will recover");
        html.P(recoupment.OnEnding
            ? $"The direct payment has ended. The account held <strong>{Money.FormatPence(recoupment.BalanceHeld)}</strong> that was not spent, and we will recover all of it: <strong>{Money.FormatPence(recoupment.Amount)}</strong>."
            : $"The account held <strong>{Money.FormatPence(recoupment.BalanceHeld)}</strong>. You may keep <strong>{Money.FormatPence(recoupment.Contingency)}</strong> " +
              $"({scheme.DirectPaymentRules.ContingencyWeeks} weeks of payments) for costs that come up. We will recover the rest: <strong>{Money.FormatPence(recoupment.Amount)}</strong>.");
        html.Heading("Why");
        html.Paragraphs(recoupment.Reasons);
        html.Heading("How it will be recovered");
        if (reductions.Count > 0)
        {
            html.P($"We will pay less into the account, starting with the first payment after {LetterHtml.Day(recoupment.DisputeBy)}:");
            html.Raw("<ul class=\"govuk-list govuk-list--bullet\">\n" + string.Concat(reductions.Select(r =>
                $"<li>the payment due on {LetterHtml.Day(r.DueOn)} will be {Money.FormatPence(r.After)} instead of {Money.FormatPence(r.Before)}</li>\n")) + "</ul>\n");
        }

        if (recoupment.InvoiceAmount > 0)
        {
            html.P(reductions.Count > 0
                ? $"The payments still to come do not cover all of it, so we will send you an invoice for the remaining <strong>{Money.FormatPence(recoupment.InvoiceAmount)}</strong> after {LetterHtml.Day(recoupment.DisputeBy)}. Please pay it from the direct payment account."
                : $"We will send you an invoice for <strong>{Money.FormatPence(recoupment.InvoiceAmount)}</strong> after {LetterHtml.Day(recoupment.DisputeBy)}. Please pay it from the direct payment account.");
        }

        html.Heading("If you disagree");
        html.P($"If you think this is wrong (for example, the money is already promised for support you have booked), tell us by <strong>{LetterHtml.Day(recoupment.DisputeBy)}</strong>. " +
               $"Reply from your account, email {Encode(scheme.Council.ContactEmail)} or call {Encode(scheme.Council.ContactPhone)}, quoting {Encode(payment.Reference)}, and say why. " +
               "Nothing is recovered before that day. We will look at what you tell us and write to you; if we agree, we will cancel the recovery and put back any payment we reduced.");
        html.SignOff(byName, scheme.Council);
        return ($"Unspent direct payment money for {child.FirstName}: {Money.FormatPence(recoupment.Amount)} to recover", html.ToString());
    }

    private static string Encode(string? text) => LetterHtml.Encode(text);
}
