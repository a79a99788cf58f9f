using ShortBreaks.Core.Finance;

namespace ShortBreaks.Web.Pages.Finance.Invoices;

/// <summary>One provider invoice, its lines at the agreed prices, and finance's decision: approve, or reject with the reason.</summary>
public sealed class InvoiceModel(ProviderInvoiceService invoices, ShortBreaksDbContext db) : GovukPageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true, Name = "done")] public string? Done { get; set; }
    [BindProperty] public string? Decision { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public long? SeenVersion { get; set; }

    public override string Title => View is null ? "Invoice" : $"Invoice {View.Invoice.Reference}";

    public InvoiceView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        SeenVersion = View.Invoice.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ClearBindingErrors();
        if (!await LoadAsync()) return NotFound();
        if (SeenVersion is not { } seen) return await RefusedAsync([new FieldError("", FormVersion.Missing)], ReloadAsync);
        if (Decision is not ("approve" or "reject")) return await RefusedAsync([new FieldError("Decision", "Choose whether to approve or reject the invoice")], ReloadAsync);

        var result = await invoices.DecideAsync(Id, Decision == "approve", Reason, seen, HttpContext.RequestAborted);
        if (result.Succeeded) return Redirect(Links.FinanceInvoice(Id, done: Decision == "approve" ? "approved" : "rejected"));
        return await RefusedAsync(result.Errors, ReloadAsync);
    }

    private async Task ReloadAsync()
    {
        db.ChangeTracker.Clear();
        await LoadAsync();
        SeenVersion = View.Invoice.Version;
    }

    private async Task<bool> LoadAsync()
    {
        var view = await invoices.InvoiceAsync(Id, null, HttpContext.RequestAborted);
        if (view is null) return false;
        View = view;
        return true;
    }
}
