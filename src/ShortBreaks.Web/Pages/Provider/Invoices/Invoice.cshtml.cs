using ShortBreaks.Core.Finance;

namespace ShortBreaks.Web.Pages.Provider.Invoices;

/// <summary>One of the organisation's own invoices, its lines and its payment status; another organisation's is not found.</summary>
public sealed class InvoiceModel(ProviderInvoiceService invoices) : ProviderPageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true, Name = "done")] public string? Done { get; set; }

    public override string Title => View is null ? "Invoice" : $"Invoice {View.Invoice.Reference}";

    public InvoiceView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        var view = await invoices.InvoiceAsync(Id, Member.OrganisationId, HttpContext.RequestAborted);
        if (view is null) return NotFound();
        View = view;
        return Page();
    }
}
