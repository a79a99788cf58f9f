using ShortBreaks.Core.Finance;
using ShortBreaks.Core.Providers;

namespace ShortBreaks.Web.Pages.Provider.Invoices;

/// <summary>One line of the invoice form as typed: the package line it is for, the units and the amount.</summary>
public sealed record InvoiceLineRow(string? LineId = null, string? Quantity = null, string? Amount = null);

/// <summary>
/// The organisation sends its own invoice for a month that has ended: its invoice number, and for each package line
/// delivered and not yet invoiced, the units and amount. Checked against what it returned and the agreed prices; every
/// refused line says why, and what was typed is kept.
/// </summary>
public sealed class NewModel(ProviderInvoiceService invoices) : ProviderPageModel
{
    [BindProperty(SupportsGet = true, Name = "month")] public string? MonthKey { get; set; }
    [BindProperty] public string? ProviderReference { get; set; }
    [BindProperty] public List<InvoiceLineRow> Lines { get; set; } = [];

    public override string Title => "Send an invoice";

    public DateOnly? Month => DeliveryRules.ParseMonth(MonthKey);

    /// <summary>The months an invoice can be sent for: the last twelve that have ended, newest first.</summary>
    public IReadOnlyList<DateOnly> Months { get; private set; } = [];

    /// <summary>The month's lines delivered and not yet invoiced, in the order of the form.</summary>
    public IReadOnlyList<InvoiceableLine> Invoiceable { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        ClearBindingErrors();
        await LoadAsync();
        if (Month is not { } month)
        {
            AddErrors([new FieldError("month", "Choose the month the invoice is for")]);
            return Page();
        }

        var errors = new List<FieldError>();
        var lines = Lines.Select((row, i) =>
        {
            decimal? quantity = null, amount = null;
            if (!string.IsNullOrWhiteSpace(row.Quantity))
            {
                if (decimal.TryParse(row.Quantity.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var q)) quantity = q;
                else errors.Add(new FieldError($"Lines[{i}].Quantity", $"Line {i + 1}: enter the units as a number, like 2.5"));
            }

            if (!string.IsNullOrWhiteSpace(row.Amount))
            {
                if (Money.TryParse(row.Amount, out var a)) amount = a;
                else errors.Add(new FieldError($"Lines[{i}].Amount", $"Line {i + 1}: enter the amount in pounds, like 120.50"));
            }

            return new SubmittedInvoiceLine(Guid.TryParse(row.LineId, out var id) ? id : null, quantity, amount);
        }).ToList();
        if (errors.Count > 0)
        {
            AddErrors(errors);
            return Page();
        }

        var (made, result) = await invoices.SubmitAsync(Member.OrganisationId, month, ProviderReference, lines, HttpContext.RequestAborted);
        if (result.Succeeded) return Redirect(Links.ProviderInvoice(made!.Id, done: "sent"));
        AddErrors(result.Errors);
        return Page();
    }

    private async Task LoadAsync()
    {
        var last = DeliveryRules.MonthOf(invoices.Today).AddMonths(-1);
        Months = Enumerable.Range(0, 12).Select(i => last.AddMonths(-i)).ToList();
        if (Month is { } month && InvoiceRules.MonthRefusal(month, invoices.Today) is null)
        {
            Invoiceable = (await invoices.InvoiceableAsync(month, Member.OrganisationId, HttpContext.RequestAborted))
                .Where(l => l.Left > 0).OrderBy(l => l.ServiceName).ThenBy(l => l.PackageLineId).ToList();
        }
    }
}
