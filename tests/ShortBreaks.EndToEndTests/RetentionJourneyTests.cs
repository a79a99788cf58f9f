using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Identity;
using ShortBreaks.EndToEndTests.Infrastructure;
using ShortBreaks.TestCommon;

namespace ShortBreaks.EndToEndTests;

/// <summary>
/// An officer closes a child's case; a manager scans for records past their retention, keeps one with a reason and
/// erases another, in Chromium with axe-core checking every page visited (errors included).
/// </summary>
public sealed class RetentionJourneyTests
{
    [SkippableTheory, AllDatabases]
    public async Task AnOfficerClosesACase_AndAManagerKeepsOneRecordAndErasesAnother(DatabaseProvider provider)
    {
        await using var browser = await Browser.LaunchAsync();
        await using var server = await LiveServer.StartAsync(provider);
        var officer = await server.CreateUserAsync(Roles.PersonalisationOfficer, "Amira Officer");
        var manager = await server.CreateUserAsync(Roles.TeamManager, "Grace Manager");
        var (open, kept, erased) = await CasesAsync(server);
        var page = await browser.NewPageAsync();

        await browser.SignInAsync(page, server.BaseUrl, officer.Email, officer.Password);
        await browser.GoAsync(page, server.BaseUrl + $"/staff/children/{open.Id}");
        await browser.FollowAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Close the case" }));
        await browser.ClickAsync(page, "Close the case");
        (await page.TitleAsync()).ShouldStartWith("Error: ");
        await page.GetByLabel("Why is the case being closed?").FillAsync("The family moved out of the county.");
        await browser.ClickAsync(page, "Close the case");
        (await page.Locator("#case-status").InnerTextAsync()).ShouldContain("The family moved out of the county.");

        var managing = await browser.NewPageAsync();
        await browser.SignInAsync(managing, server.BaseUrl, manager.Email, manager.Password);
        await browser.GoAsync(managing, server.BaseUrl + "/staff");
        await browser.FollowAsync(managing, "Retention reviews");
        await browser.ClickAsync(managing, "Look for records past their retention now");
        var proposed = await managing.Locator("#proposed").InnerTextAsync();
        proposed.ShouldContain(kept.Reference);
        proposed.ShouldContain(erased.Reference);
        proposed.ShouldNotContain(open.Reference);

        await browser.FollowAsync(managing, managing.GetByRole(AriaRole.Link, new() { Name = $"Keep {kept.Reference}" }));
        await browser.ClickAsync(managing, "Keep the record");
        (await managing.TitleAsync()).ShouldStartWith("Error: ");
        await managing.GetByLabel("Why is it being kept?").FillAsync("A complaint is open.");
        await browser.ClickAsync(managing, "Keep the record");
        (await managing.Locator("#decided").InnerTextAsync()).ShouldContain("A complaint is open.");

        await browser.ClickAsync(managing, managing.GetByRole(AriaRole.Button, new() { Name = $"Erase {erased.Reference}" }));
        (await managing.Locator("#confirmed").InnerTextAsync()).ShouldBe("1 record erased");
        browser.ShouldHaveNoAccessibilityViolations();

        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ShortBreaksDbContext>();
        (await db.Children.AnyAsync(c => c.Id == erased.Id)).ShouldBeFalse();
        (await db.Children.AnyAsync(c => c.Id == kept.Id)).ShouldBeTrue();
    }

    private static async Task<(Core.Children.Child Open, Core.Children.Child Kept, Core.Children.Child Erased)> CasesAsync(LiveServer server)
    {
        using var scope = server.Services.CreateScope();
        var data = new TestData(scope.ServiceProvider.GetRequiredService<ShortBreaksDbContext>());
        var open = await data.CreateChildAsync();
        var (kept, _, _) = await data.CreateClosedCaseAsync(DateTime.UtcNow.AddYears(-9), new DateOnly(1996, 2, 29));
        var (erased, _, _) = await data.CreateClosedCaseAsync(DateTime.UtcNow.AddYears(-8), new DateOnly(1997, 7, 1));
        return (open, kept, erased);
    }
}
