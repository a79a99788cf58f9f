using ShortBreaks.Core.Finance;

namespace ShortBreaks.Web.Pages.Finance;

/// <summary>How invoices and payment runs are written on finance's and providers' pages.</summary>
public static class FinanceDisplay
{
    /// <summary>An invoice's state as a tag: what a provider reads as its payment status.</summary>
    public static (string Text, string CssClass) InvoiceState(ProviderInvoiceState state) => state switch
    {
        ProviderInvoiceState.Submitted => ("Waiting for approval", "govuk-tag--blue"),
        ProviderInvoiceState.Approved => ("Approved, to be paid", "govuk-tag--turquoise"),
        ProviderInvoiceState.Rejected => ("Rejected", "govuk-tag--red"),
        ProviderInvoiceState.InRun => ("In a payment run", "govuk-tag--purple"),
        _ => ("Paid", "govuk-tag--green"),
    };

    public static (string Text, string CssClass) RunState(PaymentRunState state) => state switch
    {
        PaymentRunState.Prepared => ("Waiting for approval", "govuk-tag--blue"),
        PaymentRunState.Approved => ("Approved, to be paid", "govuk-tag--turquoise"),
        PaymentRunState.Paid => ("Paid", "govuk-tag--green"),
        _ => ("Cancelled", "govuk-tag--grey"),
    };

    /// <summary>The page number in the query string ("p"), 1 when missing or not a number.</summary>
    public static int PageNumber(string? text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 1;
}
