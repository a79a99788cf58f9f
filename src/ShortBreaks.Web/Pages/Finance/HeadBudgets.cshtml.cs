using ShortBreaks.Core.Finance;
using ShortBreaks.Core.Ras.VirtualBudgets;
using ShortBreaks.Core.Schemes;

namespace ShortBreaks.Web.Pages.Finance;

/// <summary>
/// Finance officers and administrators set each budget head's budget for a financial year, all at once; budget
/// monitoring shows each head against its budget. Money by head only: no child is named.
/// </summary>
[Authorize(Policy = VirtualBudgetPolicies.ServiceBudget)]
public sealed class HeadBudgetsModel(BudgetMonitoringService service, VirtualBudgetService serviceBudgets) : GovukPageModel
{
    public override string Title => "Set the budgets of the heads";

    public int Year { get; private set; }
    public decimal? ServiceBudget { get; private set; }
    public IReadOnlyList<BudgetHead> Heads { get; private set; } = [];

    private readonly Dictionary<string, string?> _amounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long?> _versions = new(StringComparer.Ordinal);

    public string? AmountOf(string code) => _amounts.GetValueOrDefault(code);

    public string? VersionOf(string code) => _versions.GetValueOrDefault(code)?.ToString(CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetAsync(string? year)
    {
        if (!ReadYear(year)) return NotFound();
        var budgets = await LoadAsync();
        foreach (var head in Heads)
        {
            if (budgets.TryGetValue(head.Code, out var budget))
            {
                _amounts[head.Code] = budget.Amount.ToString("0.00", CultureInfo.InvariantCulture);
                _versions[head.Code] = budget.Version;
            }
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? year)
    {
        ClearBindingErrors();
        if (!ReadYear(year)) return NotFound();
        var budgets = await LoadAsync();
        var inputs = Heads.Select(h => new HeadBudgetInput(h.Code, Request.Form[HeadBudgetInput.FieldOf(h.Code)].ToString(),
            long.TryParse(Request.Form["version-" + h.Code].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null)).ToList();
        var result = await service.SetHeadBudgetsAsync(Year, inputs, HttpContext.RequestAborted);
        if (result.Succeeded) return Redirect(Links.FinanceBudget(Year));

        // Keep what was typed; after a conflict, the versions are the ones there now, so saving again is a choice made seeing them.
        foreach (var input in inputs)
        {
            _amounts[input.Code] = input.Amount;
            _versions[input.Code] = result.Conflict ? budgets.GetValueOrDefault(input.Code)?.Version : input.VersionSeen;
        }

        AddErrors(result.Errors);
        return Page();
    }

    private bool ReadYear(string? year)
    {
        Year = FinancialYears.Of(service.Today);
        if (string.IsNullOrWhiteSpace(year)) return true;
        if (!int.TryParse(year.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y) || !service.IsYearShown(y)) return false;
        Year = y;
        return true;
    }

    /// <summary>The year's heads (configured, then any other that has a budget) and their budgets as they are now.</summary>
    private async Task<Dictionary<string, HeadBudget>> LoadAsync()
    {
        var budgets = await service.HeadBudgetsAsync(Year, HttpContext.RequestAborted);
        var heads = service.SettingsFor(Year).BudgetHeads.ToList();
        heads.AddRange(budgets.Keys.Where(code => heads.All(h => h.Code != code)).Order(StringComparer.Ordinal).Select(code => new BudgetHead(code, "Not a budget head now")));
        Heads = heads;
        ServiceBudget = (await serviceBudgets.ServiceBudgetAsync(Year, HttpContext.RequestAborted))?.Amount;
        return budgets;
    }
}
