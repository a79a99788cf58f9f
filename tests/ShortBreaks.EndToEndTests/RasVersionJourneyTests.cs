using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Identity;
using ShortBreaks.EndToEndTests.Infrastructure;
using ShortBreaks.TestCommon;

namespace ShortBreaks.EndToEndTests;

/// <summary>
/// An administrator makes a new RAS version from the shipped one, changes a band and a question's points,
/// and publishes it: in Chromium, with axe-core checking every page for WCAG 2.2 A and AA.
/// </summary>
public sealed class RasVersionJourneyTests
{
    [SkippableTheory, AllDatabases]
    public async Task Administrator_MakesChangesAndPublishesANewVersion(DatabaseProvider provider)
    {
        await using var browser = await Browser.LaunchAsync();
        await using var server = await LiveServer.StartAsync(provider);
        var admin = await server.CreateUserAsync(Roles.Admin, "Alex Admin");
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, server.BaseUrl, admin.Email, admin.Password);

        await browser.GoAsync(page, server.BaseUrl + "/rates");
        await browser.FollowAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "RAS versions", Exact = true }).First);
        await browser.FollowAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "2026.1", Exact = true }));
        await page.GetByText("Personal care").First.ClickAsync();
        await browser.CheckAccessibilityAsync(page);
        await browser.FollowAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Make a new version from this one" }));

        // An error first: the summary is accessible too.
        await browser.ClickAsync(page, "Make the draft");
        (await page.TitleAsync()).ShouldStartWith("Error: ");
        var effective = DateTime.UtcNow.AddYears(2);
        await page.GetByLabel("Label for the new version").FillAsync("2028.1");
        await page.GetByLabel("Day").FillAsync("1");
        await page.GetByLabel("Month").FillAsync("4");
        await page.GetByLabel("Year").FillAsync(effective.Year.ToString());
        await page.GetByLabel("Why is this version needed?").FillAsync("Level 3 amounts up after the year's calibration.");
        await browser.ClickAsync(page, "Make the draft");
        await page.WaitForURLAsync(new Regex("/rates/versions/2028.1"));

        await browser.FollowAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Change how points become money for Primary school age" }));
        await page.GetByLabel("Amount a year in pounds, band 3").FillAsync("1850");
        await browser.ClickAsync(page, "Save the draft");
        (await page.Locator("#changes").InnerTextAsync()).ShouldContain("£1,850 a year (was £1,800)");

        await page.GetByText("Personal care").First.ClickAsync();
        await browser.FollowAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Change the questions and points for Personal care, Primary school age" }));
        await browser.ClickAsync(page, "Save the draft");

        await browser.FollowAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Change the label, date, notes or rounding" }));
        await browser.ClickAsync(page, "Save the draft");

        await browser.FollowAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Publish this version" }));
        await browser.ClickAsync(page, "Publish version 2028.1");
        (await page.Locator("main").InnerTextAsync()).ShouldContain("Version 2028.1 is published");

        browser.ShouldHaveNoAccessibilityViolations();
    }
}
