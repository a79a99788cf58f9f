using ShortBreaks.Core.Finance;
using ShortBreaks.Core.Providers;

namespace ShortBreaks.Web.Pages.Finance.Invoices;

/// <summary>Every provider's invoices, by state, and making a month's invoices from what was delivered.</summary>
public sealed class IndexModel(ProviderInvoiceService invoices) : GovukPageModel
{
    [BindProperty(SupportsGet = true, Name = "state")] public string? State { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public string? PageNumber { get; set; }
    [BindProperty(SupportsGet = true, Name = "made")] public int? Made { get; set; }
    [BindProperty] public string? Month { get; set; }

    public override string Title => "Provider invoices";

    public InvoiceList List { get; private set; } = null!;

    /// <summary>The months that can be invoiced: the last twelve that have ended, newest first.</summary>
    public IReadOnlyList<DateOnly> Months { get; private set; } = [];

    public ProviderInvoiceState? Filter => Enum.TryParse<ProviderInvoiceState>(State, out var s) && Enum.IsDefined(s) ? s : null;

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostMakeAsync()
    {
        ClearBindingErrors();
        var month = DeliveryRules.ParseMonth(Month);
        if (month is null)
        {
            AddErrors([new FieldError("Month", "Choose the month to invoice")]);
            await LoadAsync();
            return Page();
        }

        var (made, result) = await invoices.MakeMonthAsync(month.Value, HttpContext.RequestAborted);
        if (result.Succeeded) return Redirect(Links.FinanceInvoices(made: made));
        AddErrors(result.Errors);
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        List = await invoices.ListAsync(null, Filter, FinanceDisplay.PageNumber(PageNumber), HttpContext.RequestAborted);
        var last = DeliveryRules.MonthOf(invoices.Today).AddMonths(-1);
        Months = Enumerable.Range(0, 12).Select(i => last.AddMonths(-i)).ToList();
        Month ??= DeliveryRules.MonthKey(last);
    }
}
