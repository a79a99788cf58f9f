using System.Globalization;
using System.Net;
using MiniExcelLibs;
using ShortBreaks.Core.Calendar;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.DirectPayments;
using ShortBreaks.Core.Finance;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Ras.VirtualBudgets;
using ShortBreaks.Core.Retention;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Staff.Tests.Finance;

/// <summary>Budget monitoring's page, chart and downloads, and who may open them.</summary>
public class BudgetPageTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private static DateOnly Today => UkCalendar.DateOf(DateTime.UtcNow);

    private static decimal Pounds(string text) =>
        decimal.Parse(text.Trim().Replace("£", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal), NumberStyles.Number | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    /// <summary>A payment paid this month and one still to come at the end of the financial year.</summary>
    private async Task SeedAsync()
    {
        var child = await factory.Data.CreateChildAsync(tier: Tier.FlexibleShortBreaks);
        var thisMonth = new DateOnly(Today.Year, Today.Month, 1);
        var yearEnd = FinancialYears.Start(FinancialYears.Of(Today) + 1).AddDays(-1);
        await factory.Data.WithDbAsync(async db =>
        {
            var (_, _, instalments) = TestData.AddPayableDirectPayment(db, child.Id, [(thisMonth, 123.45m), (yearEnd, 67.89m)]);
            var run = new PaymentRun
            {
                Reference = "RUN-B-" + Guid.NewGuid().ToString("N")[..8], PayOn = thisMonth, State = PaymentRunState.Paid, PreparedAt = db.UtcNow,
                PreparedByUserId = "f1", PreparedByName = "Fran Finance", PaidAt = db.UtcNow,
            };
            instalments[0].State = InstalmentState.Paid;
            instalments[0].PaymentRunId = run.Id;
            db.PaymentRuns.Add(run);
            db.PaymentRunItems.Add(new PaymentRunItem
            {
                PaymentRunId = run.Id, Kind = SpendingKind.DirectPayment, SourceId = instalments[0].Id, ChildId = child.Id, RecordReference = "DP-1",
                PaymentReference = run.Reference + "-1", PayeeName = "Pat", Amount = 123.45m, BudgetHead = "SB-DP", PaidAt = db.UtcNow,
            });
            if (!db.ServiceBudgets.Any(b => b.FinancialYear == FinancialYears.Of(Today)))
                db.ServiceBudgets.Add(new ServiceBudget { FinancialYear = FinancialYears.Of(Today), Amount = 1_200_000m, SetByName = "Fran Finance", SetAt = db.UtcNow });
            await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task Finance_sees_the_year_by_head_and_month_with_a_chart_and_downloads_that_add_up_to_the_page()
    {
        await SeedAsync();
        var (finance, _) = await factory.SignedInAsAsync(Roles.FinanceOfficer);

        var home = await finance.GetPageAsync("/finance");
        var page = await finance.GetPageAsync(home.Get("a[href='/finance/budget']").GetAttribute("href")!);

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Get("#year-heading").TextContent.ShouldStartWith(FinancialYears.Name(FinancialYears.Of(Today)));
        var spent = Pounds(page.Get("#total-spent").TextContent);
        var committed = Pounds(page.Get("#total-committed").TextContent);
        var outturn = Pounds(page.Get("#total-outturn").TextContent);
        spent.ShouldBeGreaterThanOrEqualTo(123.45m);
        committed.ShouldBeGreaterThanOrEqualTo(67.89m);
        outturn.ShouldBe(spent + committed);
        Pounds(page.Get("#service-budget").TextContent).ShouldBe(1_200_000m);
        page.Get("#variance").TextContent.ShouldContain("under budget");
        page.Get("#by-month").QuerySelectorAll("tbody tr").Length.ShouldBe(12);
        page.Get("#by-month").QuerySelectorAll("tbody tr").Sum(r => Pounds(r.QuerySelectorAll("td")[3].TextContent)).ShouldBe(outturn);
        page.Get("#by-head").QuerySelector("tr[data-head='SB-DP']").ShouldNotBeNull();

        var chart = page.Get("#budget-chart");
        chart.GetAttribute("role").ShouldBe("img");
        chart.GetAttribute("aria-labelledby").ShouldBe("budget-chart-title budget-chart-desc");
        page.Get("#budget-chart-title").TextContent.ShouldContain("by month");
        chart.QuerySelectorAll("rect").Length.ShouldBe(24);
        chart.QuerySelector("polyline").ShouldNotBeNull();

        var csvResponse = await finance.GetAsync(page.Get("#download-csv").GetAttribute("href")!);
        csvResponse.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var csv = (await csvResponse.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',')).ToList();
        csv[0].ShouldBe(BudgetMonitoringExport.Columns);
        csv.Skip(1).Where(l => l[0] != BudgetMonitoringExport.AllHeads).Sum(l => decimal.Parse(l[8], CultureInfo.InvariantCulture)).ShouldBe(outturn);
        var csvYear = csv[^1];
        decimal.Parse(csvYear[6], CultureInfo.InvariantCulture).ShouldBe(spent);
        decimal.Parse(csvYear[7], CultureInfo.InvariantCulture).ShouldBe(committed);
        decimal.Parse(csvYear[8], CultureInfo.InvariantCulture).ShouldBe(outturn);

        var xlsxResponse = await finance.GetAsync(page.Get("#download-xlsx").GetAttribute("href")!);
        xlsxResponse.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        xlsxResponse.Content.Headers.ContentDisposition!.FileName!.ShouldEndWith(".xlsx");
        using var stream = new MemoryStream(await xlsxResponse.Content.ReadAsByteArrayAsync());
        var sheet = stream.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        // Amounts are numbers in the workbook, not text.
        sheet.ShouldAllBe(r => r["Forecast outturn"] is double || r["Forecast outturn"] is decimal);
        sheet.Where(r => (string)r["Budget head"]! != BudgetMonitoringExport.AllHeads).Sum(r => Convert.ToDecimal(r["Forecast outturn"], CultureInfo.InvariantCulture)).ShouldBe(outturn);
        Convert.ToDecimal(sheet[^1]["Spent"], CultureInfo.InvariantCulture).ShouldBe(spent);
    }

    [Fact]
    public async Task Team_managers_reach_it_from_their_menu_and_another_year_is_chosen_from_the_list()
    {
        var (manager, _) = await factory.SignedInAsAsync(Roles.TeamManager);
        var home = await manager.GetPageAsync("/staff");
        var link = home.Html.QuerySelectorAll("nav[aria-label='Menu'] a").Single(a => a.TextContent == "Budget monitoring");
        var page = await manager.GetPageAsync(link.GetAttribute("href")!);
        page.Status.ShouldBe(HttpStatusCode.OK);
        var lastYear = FinancialYears.Of(Today) - 1;
        var chosen = await manager.SubmitAsync(page, "#year-chooser", new() { ["year"] = lastYear.ToString(CultureInfo.InvariantCulture) });
        chosen.Status.ShouldBe(HttpStatusCode.OK);
        chosen.Get("#year-heading").TextContent.ShouldStartWith(FinancialYears.Name(lastYear));
        chosen.Get("#service-budget").TextContent.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Finance_sets_each_heads_budget_with_every_problem_shown_and_what_was_typed_kept_and_sees_each_head_against_it()
    {
        var year = FinancialYears.Of(Today) + 1;
        var (finance, _) = await factory.SignedInAsAsync(Roles.FinanceOfficer);
        var budget = await finance.GetPageAsync($"/finance/budget?year={year}");
        var form = await finance.GetPageAsync(budget.Get("#set-head-budgets").GetAttribute("href")!);
        form.Status.ShouldBe(HttpStatusCode.OK);

        var refused = await finance.SubmitAsync(form, "#head-budgets", new() { ["amount-SB-DP"] = "12,000", ["amount-SB-COMM"] = "ten pounds", ["amount-SB-ONEOFF"] = "" });

        refused.Status.ShouldBe(HttpStatusCode.OK);
        refused.ErrorSummary().ShouldBe(["Enter the budget for SB-COMM in pounds, like 250000 or 250000.50, or leave it empty"]);
        refused.Get(".govuk-error-summary a").GetAttribute("href").ShouldBe("#amount-SB-COMM");
        refused.Get("#amount-SB-COMM-error").TextContent.ShouldContain("Enter the budget for SB-COMM");
        refused.Get("#amount-SB-DP").GetAttribute("value").ShouldBe("12,000");
        refused.Get("#amount-SB-COMM").GetAttribute("value").ShouldBe("ten pounds");

        var saved = await finance.SubmitAsync(refused, "#head-budgets", new() { ["amount-SB-COMM"] = "8000.50" });
        saved.RedirectPath.ShouldBe($"/finance/budget?year={year}");
        var shown = await finance.GetPageAsync(saved.RedirectPath!);
        shown.Get("tr[data-head='SB-DP'] td").TextContent.Trim().ShouldBe("£12,000.00");
        shown.Get("tr[data-head='SB-ONEOFF'] td").TextContent.Trim().ShouldBe("Not set");
        shown.Get("#head-budgets-total").TextContent.Trim().ShouldBe("£20,000.50");

        // Saved again from the form as it now is: the versions it carries are current, so nothing is refused.
        var again = await finance.GetPageAsync($"/finance/budget/heads?year={year}");
        again.Get("#amount-SB-COMM").GetAttribute("value").ShouldBe("8000.50");
        (await finance.SubmitAsync(again, "#head-budgets", new() { ["amount-SB-COMM"] = "" })).RedirectPath.ShouldBe($"/finance/budget?year={year}");
        (await finance.GetPageAsync($"/finance/budget?year={year}")).Get("#head-budgets-total").TextContent.Trim().ShouldBe("£12,000.00");
    }

    [Fact]
    public async Task Team_managers_see_the_heads_budgets_but_do_not_set_them()
    {
        var (manager, _) = await factory.SignedInAsAsync(Roles.TeamManager);
        (await manager.GetPageAsync("/finance/budget")).Find("#set-head-budgets").ShouldBeNull();
        var browser = await factory.SignInAsNewUserAsync(Roles.TeamManager);
        using var response = await browser.GetAsync("/finance/budget/heads");
        response.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
        if (response.StatusCode == HttpStatusCode.Redirect) response.Headers.Location!.PathAndQuery().ShouldStartWith("/access-denied");
    }

    [Fact]
    public async Task A_year_that_is_not_one_is_refused_with_a_message_never_an_error()
    {
        var (finance, _) = await factory.SignedInAsAsync(Roles.FinanceOfficer);
        foreach (var year in new[] { "abc", "1999", "99999999999", "-1", "2026.5", FinancialYears.Of(Today) + 2 + "" })
        {
            foreach (var handler in new[] { "", "&handler=Csv", "&handler=Xlsx" })
            {
                var page = await finance.GetPageAsync($"/finance/budget?year={Uri.EscapeDataString(year)}{handler}");
                page.Status.ShouldBe(HttpStatusCode.OK, year + handler);
                page.ErrorSummary().ShouldHaveSingleItem().ShouldStartWith("Choose a financial year from");
                page.Html.QuerySelector("#budget-chart").ShouldBeNull();
            }
        }
    }

    [Theory]
    [InlineData(Roles.Family)]
    [InlineData(Roles.Provider)]
    [InlineData(Roles.PersonalisationOfficer)]
    [InlineData(Roles.CommissioningOfficer)]
    public async Task Families_providers_and_officers_without_the_finance_or_manager_role_are_kept_out(string role)
    {
        var browser = await factory.SignInAsNewUserAsync(role);
        foreach (var path in new[] { "/finance/budget", "/finance/budget?handler=Csv", "/finance/budget?handler=Xlsx", "/finance/budget/heads" })
        {
            using var response = await browser.GetAsync(path);
            response.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
            if (response.StatusCode == HttpStatusCode.Redirect) response.Headers.Location!.PathAndQuery().ShouldStartWith("/access-denied");
        }
    }
}
