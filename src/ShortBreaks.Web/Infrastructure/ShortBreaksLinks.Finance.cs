namespace ShortBreaks.Web.Infrastructure;

// Finance: provider invoices and payment runs for finance officers, and a provider's own invoices.
public sealed partial class ShortBreaksLinks
{
    public string Finance() => Page("/Finance/Index");

    /// <summary>Invoices, all or in one state ("Submitted", "Approved", ...); <paramref name="made"/> says how many were just made.</summary>
    public string FinanceInvoices(string? state = null, int? page = null, int? made = null) =>
        Page("/Finance/Invoices/Index") + Query(("state", state), ("p", PageValue(page)), ("made", made?.ToString(CultureInfo.InvariantCulture)));

    public string FinanceInvoice(Guid id, string? done = null) => Page("/Finance/Invoices/Invoice", new { id }) + Query(("done", done));

    /// <summary>Budget monitoring for the financial year starting in <paramref name="year"/> (this year's when null), or its download.</summary>
    public string FinanceBudget(int? year = null, string? handler = null) =>
        Page("/Finance/Budget") + Query(("year", year?.ToString(CultureInfo.InvariantCulture)), ("handler", handler));

    public string FinanceHeadBudgets(int year) => Page("/Finance/HeadBudgets") + Query(("year", year.ToString(CultureInfo.InvariantCulture)));

    public string FinancePaymentRuns(int? page = null) => Page("/Finance/PaymentRuns/Index") + Query(("p", PageValue(page)));

    public string FinancePaymentRun(Guid id, int? page = null, string? done = null) =>
        Page("/Finance/PaymentRuns/Run", new { id }) + Query(("p", PageValue(page)), ("done", done));

    /// <summary>The run's payment file, as CSV for finance's system.</summary>
    public string FinancePaymentRunFile(Guid id) => Page("/Finance/PaymentRuns/File", new { id });

    public string ProviderInvoices(int? page = null) => Page("/Provider/Invoices/Index") + Query(("p", PageValue(page)));

    public string ProviderInvoice(Guid id, string? done = null) => Page("/Provider/Invoices/Invoice", new { id }) + Query(("done", done));

    /// <summary>Sending an invoice for a month (the month chosen, when it is).</summary>
    public string ProviderInvoiceNew(DateOnly? month = null) =>
        Page("/Provider/Invoices/New") + Query(("month", month is { } m ? ShortBreaks.Core.Providers.DeliveryRules.MonthKey(m) : null));

    private static string? PageValue(int? page) => page > 1 ? page.Value.ToString(CultureInfo.InvariantCulture) : null;
}
