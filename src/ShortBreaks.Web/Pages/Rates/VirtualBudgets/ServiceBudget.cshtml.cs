namespace ShortBreaks.Web.Pages.Rates.VirtualBudgets;

/// <summary>Finance officers and administrators set the service budget for a financial year.</summary>
[Authorize(Policy = VirtualBudgetPolicies.ServiceBudget)]
public sealed class ServiceBudgetModel(VirtualBudgetService service) : GovukPageModel
{
    public override string Title => "Set the service budget";

    // Bound as text so that anything typed gets a plain-English error rather than a binding failure.
    [BindProperty] public string? FinancialYear { get; set; }
    [BindProperty] public string? Amount { get; set; }
    [BindProperty] public long? VersionSeen { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var year = int.TryParse(Request.Query["year"], NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : FinancialYears.Of(service.Today);
        FinancialYear = year.ToString(CultureInfo.InvariantCulture);
        if (await service.ServiceBudgetAsync(year, ct) is { } budget)
        {
            Amount = budget.Amount.ToString("0.##", CultureInfo.InvariantCulture);
            VersionSeen = budget.Version;
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ClearBindingErrors();
        var errors = new List<FieldError>();
        int? year = null;
        if (!string.IsNullOrWhiteSpace(FinancialYear))
        {
            if (int.TryParse(FinancialYear.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y)) year = y;
            else errors.Add(new("FinancialYear", "Enter the year the financial year starts as 4 numbers, like " + FinancialYears.Of(service.Today)));
        }

        decimal? amount = null;
        if (!string.IsNullOrWhiteSpace(Amount))
        {
            if (Money.TryParse(Amount, out var a) && a >= 0) amount = a;
            else errors.Add(new("Amount", "Enter the service budget as an amount in pounds, like 4500000"));
        }

        if (errors.Count == 0)
        {
            var result = await service.SetServiceBudgetAsync(year, amount, VersionSeen, ct);
            if (result.Succeeded) return Redirect(Links.RatesVirtualBudgets());
            errors.AddRange(result.Errors);
            if (result.Conflict && year is not null)
            {
                VersionSeen = (await service.ServiceBudgetAsync(year.Value, ct))?.Version;
            }
        }
        else
        {
            // Keep the other field's own check too, so every problem shows at once.
            if (year is null && !errors.Any(e => e.Field == "FinancialYear")) errors.Insert(0, new("FinancialYear", "Enter the year the financial year starts, like " + FinancialYears.Of(service.Today)));
            if (amount is null && !errors.Any(e => e.Field == "Amount")) errors.Add(new("Amount", "Enter the service budget for the year, in pounds"));
        }

        AddErrors(errors);
        return Page();
    }
}
