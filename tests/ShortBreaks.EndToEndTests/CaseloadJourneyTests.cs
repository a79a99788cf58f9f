using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Identity;
using ShortBreaks.EndToEndTests.Infrastructure;
using ShortBreaks.TestCommon;

namespace ShortBreaks.EndToEndTests;

/// <summary>
/// A team manager reassigns a worker's caseload (one child chosen, then the rest at once, with a mistake on the way) and
/// allocates a child who has no key worker, in Chromium with axe-core checking every page visited (errors included).
/// </summary>
public sealed class CaseloadJourneyTests
{
    [SkippableTheory, AllDatabases]
    public async Task AManagerReassignsACaseload_AndAllocatesAChildWithNoKeyWorker(DatabaseProvider provider)
    {
        await using var browser = await Browser.LaunchAsync();
        await using var server = await LiveServer.StartAsync(provider);
        var manager = await server.CreateUserAsync(Roles.TeamManager, "Grace Manager");
        var leaving = await server.CreateUserAsync(Roles.PersonalisationOfficer, "Leah Leaving");
        var staying = await server.CreateUserAsync(Roles.PersonalisationOfficer, "Sam Staying");
        var (first, second, unallocated) = await ChildrenAsync(server, leaving.Id);
        var page = await browser.NewPageAsync();

        await browser.SignInAsync(page, server.BaseUrl, manager.Email, manager.Password);
        await browser.GoAsync(page, server.BaseUrl + "/staff");
        await browser.FollowAsync(page, "Caseloads");
        await page.GetByLabel("Worker's name starts with").FillAsync("Leah");
        await browser.ClickAsync(page, "Show workers");
        (await page.Locator("#workers").InnerTextAsync()).ShouldContain("Leah Leaving");
        (await page.Locator("#workers").InnerTextAsync()).ShouldNotContain("Sam Staying");
        await browser.FollowAsync(page, "Leah Leaving");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Leah Leaving's caseload");

        await page.GetByLabel(first.FullName).CheckAsync();
        await page.GetByLabel("Allocate to").SelectOptionAsync(staying.Id);
        await browser.ClickAsync(page, "Allocate the selected children");
        (await page.TitleAsync()).ShouldStartWith("Error: ");
        await page.GetByLabel("Why are these children being allocated?").FillAsync("Balancing caseloads before Leah leaves.");
        await browser.ClickAsync(page, "Allocate the selected children");
        (await page.Locator("#moved").InnerTextAsync()).ShouldStartWith("1 child allocated");

        await page.GetByLabel("Move every child on this caseload to").SelectOptionAsync(staying.Id);
        await page.GetByLabel("Why are the children moving?").FillAsync("Leah is leaving the team.");
        await browser.ClickAsync(page, "Move all the children");
        (await page.Locator("#moved").InnerTextAsync()).ShouldStartWith("1 child allocated");

        await browser.FollowAsync(page, "Back to caseloads");
        await browser.FollowAsync(page, page.Locator("#unallocated a"));
        await page.GetByLabel(unallocated.FullName).CheckAsync();
        await page.GetByLabel("Allocate to").SelectOptionAsync(staying.Id);
        await page.GetByLabel("Why are these children being allocated?").FillAsync("New to Flexible Short Breaks.");
        await browser.ClickAsync(page, "Allocate the selected children");
        (await page.Locator("#no-children").InnerTextAsync()).ShouldBe("No children match.");

        await browser.GoAsync(page, server.BaseUrl + $"/staff/children/{second.Id}");
        (await page.Locator("main").InnerTextAsync()).ShouldContain("Reassigned from Leah Leaving to Sam Staying");
        browser.ShouldHaveNoAccessibilityViolations();

        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ShortBreaksDbContext>();
        (await db.Children.Where(c => c.Id == first.Id || c.Id == second.Id || c.Id == unallocated.Id).Select(c => c.KeyWorkerId).ToListAsync())
            .ShouldAllBe(k => k == staying.Id);
        (await db.PersonMessages.CountAsync(m => m.UserId == staying.Id)).ShouldBe(3);
    }

    private static async Task<(Child First, Child Second, Child Unallocated)> ChildrenAsync(LiveServer server, string keyWorkerId)
    {
        using var scope = server.Services.CreateScope();
        var data = new TestData(scope.ServiceProvider.GetRequiredService<ShortBreaksDbContext>());
        var first = await data.CreateChildAsync(firstName: "Ada", lastName: TestData.NewName(), tier: Tier.FlexibleShortBreaks, keyWorkerId: keyWorkerId);
        var second = await data.CreateChildAsync(firstName: "Ben", lastName: TestData.NewName(), tier: Tier.TargetedShortBreaks, keyWorkerId: keyWorkerId);
        var unallocated = await data.CreateChildAsync(firstName: "Cal", lastName: TestData.NewName(), tier: Tier.FlexibleShortBreaks);
        return (first, second, unallocated);
    }
}
