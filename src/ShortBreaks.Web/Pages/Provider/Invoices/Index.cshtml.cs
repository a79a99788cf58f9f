using ShortBreaks.Core.Finance;

namespace ShortBreaks.Web.Pages.Provider.Invoices;

/// <summary>The organisation's own invoices, made by the council or sent by it, with where each stands and whether it is paid.</summary>
public sealed class IndexModel(ProviderInvoiceService invoices) : ProviderPageModel
{
    [BindProperty(SupportsGet = true, Name = "p")] public string? PageNumber { get; set; }

    public override string Title => "Invoices";

    public InvoiceList List { get; private set; } = null!;

    public async Task OnGetAsync() =>
        List = await invoices.ListAsync(Member.OrganisationId, null, Finance.FinanceDisplay.PageNumber(PageNumber), HttpContext.RequestAborted);
}
