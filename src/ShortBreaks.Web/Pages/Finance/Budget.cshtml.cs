using System.Text;
using ShortBreaks.Core.Finance;
using ShortBreaks.Core.Ras.VirtualBudgets;

namespace ShortBreaks.Web.Pages.Finance;

/// <summary>
/// Budget monitoring for finance officers and managers: for a financial year, by budget head and by month, what was paid,
/// recovered, spent and is still committed, the forecast outturn against the service budget and the variance, with a
/// chart (the month table is its accessible alternative) and CSV and Excel downloads. Money by head only: no child is
/// named, so nothing here is a view of a child's record.
/// </summary>
public sealed class BudgetModel(BudgetMonitoringService service, IAuthorizationService authorization) : GovukPageModel
{
    public override string Title => "Budget monitoring";

    [BindProperty(SupportsGet = true, Name = "year")] public string? YearText { get; set; }

    public int Year { get; private set; }
    public int Earliest { get; private set; }
    public int Latest { get; private set; }
    public BudgetMonitoringReport? Report { get; private set; }

    /// <summary>Whether this person may set the heads' budgets (finance officers and administrators, as for the service budget).</summary>
    public bool CanSetHeadBudgets { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!ReadYear()) return Page();
        Report = await service.ReportAsync(Year, HttpContext.RequestAborted);
        CanSetHeadBudgets = (await authorization.AuthorizeAsync(User, VirtualBudgetPolicies.ServiceBudget)).Succeeded;
        return Page();
    }

    public Task<IActionResult> OnGetCsvAsync() =>
        DownloadAsync("csv", "text/csv; charset=utf-8", r => Encoding.UTF8.GetBytes(BudgetMonitoringExport.Csv(r)));

    public Task<IActionResult> OnGetXlsxAsync() =>
        DownloadAsync("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", BudgetMonitoringExport.Xlsx);

    private async Task<IActionResult> DownloadAsync(string extension, string contentType, Func<BudgetMonitoringReport, byte[]> write)
    {
        if (!ReadYear()) return Page();
        var report = await service.ReportAsync(Year, HttpContext.RequestAborted);
        return File(write(report), contentType, BudgetMonitoringExport.FileName(report, extension));
    }

    /// <summary>Reads the year from the query string (this financial year when there is none); false, with the error shown, when it is not one the report is made for.</summary>
    private bool ReadYear()
    {
        ClearBindingErrors();
        (Earliest, Latest) = BudgetMonitoringRules.YearsAround(service.Today);
        Year = FinancialYears.Of(service.Today);
        if (string.IsNullOrWhiteSpace(YearText)) return true;
        if (int.TryParse(YearText.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && service.IsYearShown(year))
        {
            Year = year;
            return true;
        }

        AddErrors([new("year", $"Choose a financial year from {FinancialYears.Name(Earliest)} to {FinancialYears.Name(Latest)}")]);
        return false;
    }
}
