using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Ras;
using ShortBreaks.EndToEndTests.Infrastructure;
using ShortBreaks.TestCommon;

namespace ShortBreaks.EndToEndTests;

/// <summary>
/// A finance officer sets the service budget, tries the RAS version over the caseload and reads the result, in
/// Chromium with axe-core checking every page visited (the errors, the waiting page and the result included).
/// </summary>
public sealed class VirtualBudgetJourneyTests
{
    [SkippableTheory, AllDatabases]
    public async Task Finance_SetsTheServiceBudget_StartsARun_AndSeesItComplete(DatabaseProvider provider)
    {
        await using var browser = await Browser.LaunchAsync();
        await using var server = await LiveServer.StartAsync(provider);
        var finance = await server.CreateUserAsync(Roles.FinanceOfficer, "Helen Finance");
        var child = await AddCaseAsync(server);
        var page = await browser.NewPageAsync();

        await browser.SignInAsync(page, server.BaseUrl, finance.Email, finance.Password);

        await browser.GoAsync(page, server.BaseUrl + "/rates/virtual-budgets");
        await browser.ClickAsync(page, () => page.GetByRole(AriaRole.Link, new() { Name = "Set the service budget for a year" }).ClickAsync());
        await page.GetByLabel("Service budget for the year").FillAsync("");
        await browser.ClickAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Save the service budget" }).ClickAsync());
        (await page.TitleAsync()).ShouldStartWith("Error: ");
        await page.GetByLabel("Service budget for the year").FillAsync("4,500,000");
        await browser.ClickAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Save the service budget" }).ClickAsync());
        (await page.Locator(".govuk-summary-list").InnerTextAsync()).ShouldContain("£4,500,000");

        await browser.ClickAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Start a virtual budget run" }).ClickAsync());
        await browser.ClickAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Start the run" }).ClickAsync());
        (await page.TitleAsync()).ShouldStartWith("Error: ");
        await page.GetByLabel("2026.1").CheckAsync();
        await browser.ClickAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Start the run" }).ClickAsync());

        await Eventually.UntilAsync(
            async () =>
            {
                var checkAgain = page.GetByRole(AriaRole.Link, new() { Name = "Check again" });
                var waiting = await checkAgain.CountAsync() > 0;
                if (waiting) await browser.ClickAsync(page, () => checkAgain.ClickAsync());
                return waiting;
            },
            waiting => !waiting,
            "the run finished");

        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Virtual budgets under RAS version 2026.1");
        var text = await page.Locator("main").InnerTextAsync();
        text.ShouldContain("£4,500,000");
        text.ShouldContain(child.FullName);
        text.ShouldContain("sent to universal services");
        browser.ShouldHaveNoAccessibilityViolations();
    }

    /// <summary>A child on Flexible Short Breaks whose answers the shipped RAS sends to universal services: their £750 would fall.</summary>
    private static async Task<Child> AddCaseAsync(LiveServer server)
    {
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ShortBreaksDbContext>();
        var child = await new TestData(db).CreateChildAsync(tier: Tier.FlexibleShortBreaks);
        var phase = scope.ServiceProvider.GetRequiredService<RasSchemeCatalog>().Find("2026.1")!.Phases.Single(p => p.Id == "primary");
        db.RasAssessments.Add(new RasAssessment
        {
            ChildId = child.Id,
            Status = RasAssessmentStatus.Completed,
            AgeYears = 8,
            PhaseId = "primary",
            LevelsJson = JsonSerializer.Serialize(phase.Questionnaire.Domains.SelectMany(d => d.Questions).ToDictionary(q => q.Id, _ => "none")),
            CreatedAt = DateTime.UtcNow.AddDays(-20),
            CompletedAt = DateTime.UtcNow.AddDays(-19),
            RasVersion = "2026.1",
            IndicativeAmount = 750m,
        });
        await db.SaveChangesAsync();
        return child;
    }
}
