using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using MiniExcelLibs;
using ShortBreaks.Core.Calendar;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.DirectPayments;
using ShortBreaks.Core.Finance;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Ras.VirtualBudgets;
using ShortBreaks.EndToEndTests.Infrastructure;
using ShortBreaks.TestCommon;

namespace ShortBreaks.EndToEndTests;

/// <summary>
/// Budget monitoring as a finance officer uses it: from the finance home to the year by head and month, the chart beside
/// the month table (the table being its accessible alternative), another year chosen from the list, a year that is not
/// one refused with an error summary, the CSV and Excel downloads, each reconciling to the page to the penny, and a budget
/// set for a head (a mistake refused first) shown against the head's outturn. In
/// Chromium with axe-core checking every page visited, the error page included.
/// </summary>
public sealed class BudgetMonitoringJourneyTests
{
    private const decimal Paid = 1234.56m;
    private const decimal StillToPay = 789.01m;
    private const decimal ServiceBudget = 2_500_000m;

    [SkippableTheory, AllDatabases]
    public async Task A_finance_officer_sees_the_year_by_head_and_month_with_its_chart_and_downloads_it(DatabaseProvider provider)
    {
        await using var browser = await Browser.LaunchAsync();
        await using var server = await LiveServer.StartAsync(provider);
        var financeLogin = await server.CreateUserAsync(Roles.FinanceOfficer, "Fola Finance");
        var today = UkCalendar.DateOf(DateTime.UtcNow);
        var year = FinancialYears.Of(today);
        await SeedAsync(server.Data, today, year);

        // From the finance home to this year's budget monitoring.
        var finance = await browser.NewPageAsync();
        await browser.SignInAsync(finance, server.BaseUrl, financeLogin.Email, financeLogin.Password);
        await browser.GoAsync(finance, server.BaseUrl + "/finance");
        await browser.FollowAsync(finance, "Budget monitoring");
        (await finance.Locator("#year-heading").InnerTextAsync()).ShouldStartWith(FinancialYears.Name(year));
        var spent = Pounds(await finance.Locator("#total-spent").InnerTextAsync());
        var committed = Pounds(await finance.Locator("#total-committed").InnerTextAsync());
        var outturn = Pounds(await finance.Locator("#total-outturn").InnerTextAsync());
        spent.ShouldBe(Paid);
        committed.ShouldBe(StillToPay);
        outturn.ShouldBe(Paid + StillToPay);
        Pounds(await finance.Locator("#service-budget").InnerTextAsync()).ShouldBe(ServiceBudget);
        var variance = await finance.Locator("#variance").InnerTextAsync();
        variance.ShouldEndWith(" under budget");
        Pounds(variance.Replace(" under budget", "", StringComparison.Ordinal)).ShouldBe(ServiceBudget - outturn);

        // The chart: an image named by its title and description, beside the month table that says the same in words.
        var chart = finance.Locator("#budget-chart");
        (await chart.GetAttributeAsync("role")).ShouldBe("img");
        (await chart.IsVisibleAsync()).ShouldBeTrue();
        (await finance.Locator("#budget-chart-title").TextContentAsync()).ShouldNotBeNullOrWhiteSpace();
        (await chart.Locator("rect").CountAsync()).ShouldBe(24);
        var months = finance.Locator("#by-month tbody tr");
        (await months.CountAsync()).ShouldBe(12);
        var monthOutturns = new List<decimal>();
        foreach (var row in await months.AllAsync()) monthOutturns.Add(Pounds(await row.Locator("td").Nth(3).InnerTextAsync()));
        monthOutturns.Sum().ShouldBe(outturn);

        // Both downloads reconcile with the page.
        var csvRows = await DownloadAsync(finance, "#download-csv", async path =>
            (await File.ReadAllLinesAsync(path, Encoding.UTF8)).Where(l => l.Length > 0).Select(l => l.Split(',')).ToList());
        csvRows[0].ShouldBe(BudgetMonitoringExport.Columns);
        var csvYear = csvRows[^1];
        csvYear[2].ShouldStartWith(BudgetMonitoringExport.Year);
        decimal.Parse(csvYear[6], CultureInfo.InvariantCulture).ShouldBe(spent);
        decimal.Parse(csvYear[8], CultureInfo.InvariantCulture).ShouldBe(outturn);
        csvRows.Skip(1).Where(r => r[0] != BudgetMonitoringExport.AllHeads).Sum(r => decimal.Parse(r[8], CultureInfo.InvariantCulture)).ShouldBe(outturn);

        var sheet = await DownloadAsync(finance, "#download-xlsx", path =>
            Task.FromResult(MiniExcel.Query(path, useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList()));
        sheet.ShouldAllBe(r => r["Forecast outturn"] is double || r["Forecast outturn"] is decimal);
        Convert.ToDecimal(sheet[^1]["Forecast outturn"], CultureInfo.InvariantCulture).ShouldBe(outturn);
        Convert.ToDecimal(sheet[^1]["Budget"], CultureInfo.InvariantCulture).ShouldBe(ServiceBudget);

        // Each head's budget, set by finance: a mistake is refused with the error summary, then the head stands against it.
        await browser.FollowAsync(finance, $"Set the budgets of the heads for {FinancialYears.Name(year)}");
        var dpBudget = finance.GetByLabel("Short breaks direct payments (SB-DP)");
        await dpBudget.FillAsync("ten thousand");
        await browser.ClickAsync(finance, "Save the budgets");
        (await finance.TitleAsync()).ShouldStartWith("Error: ");
        (await finance.Locator(".govuk-error-summary").InnerTextAsync()).ShouldContain("Enter the budget for SB-DP");
        (await dpBudget.InputValueAsync()).ShouldBe("ten thousand");
        await dpBudget.FillAsync("10000");
        await browser.ClickAsync(finance, "Save the budgets");
        (await finance.Locator("#year-heading").InnerTextAsync()).ShouldStartWith(FinancialYears.Name(year));
        var dpRow = finance.Locator("tr[data-head='SB-DP'] td");
        Pounds(await dpRow.Nth(0).InnerTextAsync()).ShouldBe(10_000m);
        Pounds(await dpRow.Nth(6).InnerTextAsync()).ShouldBe(10_000m - outturn);

        // Last year, chosen from the list: nothing was paid then.
        await finance.GetByLabel("Financial year").SelectOptionAsync((year - 1).ToString(CultureInfo.InvariantCulture));
        await browser.ClickAsync(finance, "Show");
        (await finance.Locator("#year-heading").InnerTextAsync()).ShouldStartWith(FinancialYears.Name(year - 1));
        Pounds(await finance.Locator("#total-spent").InnerTextAsync()).ShouldBe(0m);

        // A year that is not one is refused with the error summary, never an error page.
        await browser.GoAsync(finance, server.BaseUrl + "/finance/budget?year=1999");
        (await finance.TitleAsync()).ShouldStartWith("Error: ");
        (await finance.Locator(".govuk-error-summary").InnerTextAsync()).ShouldContain("Choose a financial year from");
        (await finance.Locator("#budget-chart").CountAsync()).ShouldBe(0);
    }

    /// <summary>A direct payment with one instalment paid this month in a paid run and one still to pay before the year ends, and the year's service budget.</summary>
    private static async Task SeedAsync(TestData data, DateOnly today, int year)
    {
        var child = await data.CreateChildAsync();
        await data.WithDbAsync(async db =>
        {
            var thisMonth = new DateOnly(today.Year, today.Month, 1);
            var yearEnd = FinancialYears.Start(year + 1).AddDays(-1);
            var (payment, _, instalments) = TestData.AddPayableDirectPayment(db, child.Id, [(thisMonth, Paid), (yearEnd, StillToPay)]);
            var run = new PaymentRun
            {
                Reference = "RUN-J-" + Guid.NewGuid().ToString("N")[..8], PayOn = thisMonth, State = PaymentRunState.Paid, PreparedAt = db.UtcNow,
                PreparedByUserId = "f1", PreparedByName = "Fran Finance", ApprovedAt = db.UtcNow, ApprovedByUserId = "f2", ApprovedByName = "Kit Checker", PaidAt = db.UtcNow,
            };
            instalments[0].State = InstalmentState.Paid;
            instalments[0].PaymentRunId = run.Id;
            db.PaymentRuns.Add(run);
            db.PaymentRunItems.Add(new PaymentRunItem
            {
                PaymentRunId = run.Id, Kind = SpendingKind.DirectPayment, SourceId = instalments[0].Id, ChildId = child.Id, RecordReference = payment.Reference,
                PaymentReference = run.Reference + "-1", PayeeName = "Pat Parent", Amount = Paid, BudgetHead = "SB-DP", PaidAt = db.UtcNow,
            });
            db.ServiceBudgets.Add(new ServiceBudget { FinancialYear = year, Amount = ServiceBudget, SetByName = "Fran Finance", SetAt = db.UtcNow });
            await db.SaveChangesAsync();
        });
    }

    private static async Task<T> DownloadAsync<T>(IPage page, string link, Func<string, Task<T>> read)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator(link).ClickAsync());
        var path = Path.Combine(Path.GetTempPath(), $"budget-{Guid.NewGuid():N}-{download.SuggestedFilename}");
        await download.SaveAsAsync(path);
        try
        {
            download.SuggestedFilename.ShouldStartWith("budget-monitoring-");
            return await read(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static decimal Pounds(string text) =>
        decimal.Parse(text.Trim().Replace("£", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture);
}
