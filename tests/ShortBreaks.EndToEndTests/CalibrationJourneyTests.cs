using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Ras;
using ShortBreaks.Core.Ras.Calibration;
using ShortBreaks.EndToEndTests.Infrastructure;
using ShortBreaks.TestCommon;

namespace ShortBreaks.EndToEndTests;

/// <summary>
/// A finance officer uploads last year's packages, first with a mistake and then correctly, reads the report and
/// saves the fitted rates as a draft: in Debian's Chromium, with axe-core checking every page visited.
/// </summary>
public sealed class CalibrationJourneyTests
{
    [SkippableTheory, AllDatabases]
    public async Task FinanceOfficer_UploadsPackages_ReadsTheReport_SavesADraft(DatabaseProvider provider)
    {
        await using var browser = await Browser.LaunchAsync();
        await using var server = await LiveServer.StartAsync(provider);
        var finance = await server.CreateUserAsync(Roles.FinanceOfficer, "Fola Finance");
        var shipped = RasSchemeCatalog.LoadFrom(Path.Combine(AppContext.BaseDirectory, "schemes", "ras")).Find("2026.1")!;
        var csv = CalibrationSample.ToCsv(shipped, CalibrationSample.Generate(shipped, 120, 2025, CalibrationSample.RealisticCost));
        var lines = csv.Split('\n');
        for (var i = 1; i <= 60; i++) lines[i] = lines[i][..lines[i].LastIndexOf(',')] + ",£-12";
        var bad = string.Join('\n', lines);

        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, server.BaseUrl, finance.Email, finance.Password);
        await page.WaitForURLAsync(new Regex("/finance$"));
        await browser.GoAsync(page, server.BaseUrl + "/rates");

        await browser.ClickAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Calibrate from last year's packages" }));
        await browser.ClickAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Start a calibration" }));
        await page.WaitForURLAsync(new Regex("/rates/calibration/new$"));

        // A file with 60 bad rows: each problem is listed by row, in pages, and nothing is kept.
        await page.Locator("#Upload").SetInputFilesAsync(new FilePayload { Name = "packages.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(bad) });
        await browser.ClickAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Upload and fit the rates" }));
        (await page.TitleAsync()).ShouldStartWith("Error: ");
        (await page.Locator(".govuk-error-summary").InnerTextAsync()).ShouldContain("The file has 60 problems");
        (await page.Locator("table.govuk-table tbody tr").CountAsync()).ShouldBe(50);
        await browser.ClickAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Problems page 2" }));
        (await page.Locator("table.govuk-table tbody tr").CountAsync()).ShouldBe(10);

        await page.Locator("#Upload").SetInputFilesAsync(new FilePayload { Name = "packages.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.GetByLabel("Bands").CheckAsync();
        await browser.ClickAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Upload and fit the rates" }));
        await page.WaitForURLAsync(new Regex("/rates/calibration/[0-9a-f-]{36}$"));
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Calibration report");
        (await page.Locator("main").InnerTextAsync()).ShouldContain("Who would gain or lose against version 2026.1");

        await page.GetByLabel("Version label").FillAsync("2027.1");
        await page.GetByLabel("Day").FillAsync("1");
        await page.GetByLabel("Month").FillAsync("4");
        await page.GetByLabel("Year").FillAsync("2030");
        await page.GetByLabel("Notes (optional)").FillAsync("Fitted on last year's packages");
        await browser.ClickAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Save as a draft version" }));
        (await page.Locator(".govuk-notification-banner").InnerTextAsync()).ShouldContain("draft RAS version 2027.1");

        browser.ShouldHaveNoAccessibilityViolations();
    }
}
