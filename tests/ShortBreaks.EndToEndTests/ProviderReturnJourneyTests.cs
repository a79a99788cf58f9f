using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ShortBreaks.Core.Calendar;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Providers;
using ShortBreaks.EndToEndTests.Infrastructure;
using ShortBreaks.TestCommon;

namespace ShortBreaks.EndToEndTests;

/// <summary>
/// An officer records the child's emergency contact and arrangements; a provider worker opens the child they have a
/// package for, sees them, and returns last month's hours with a cancellation; then a manager sees the child's hours in
/// the unused-hours report, as commissioning and as an officer, and offers the unused hours back to the family. In
/// Chromium with axe-core checking every page visited (errors included).
/// </summary>
public sealed class ProviderReturnJourneyTests
{
    [SkippableTheory, AllDatabases]
    public async Task A_provider_worker_opens_a_child_and_returns_a_months_hours_with_a_cancellation(DatabaseProvider provider)
    {
        await using var browser = await Browser.LaunchAsync();
        await using var server = await LiveServer.StartAsync(provider);
        var worker = await server.CreateUserAsync(Roles.Provider, "Jo Worker");
        var today = UkCalendar.DateOf(DateTime.UtcNow);
        var lastMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        var (child, packageId) = await PackageAsync(server, worker.Id, lastMonth.AddMonths(-1), today.AddMonths(6));
        var officer = await server.CreateUserAsync(Roles.PersonalisationOfficer, "Amira Officer");
        var staff = await browser.NewPageAsync();
        await browser.SignInAsync(staff, server.BaseUrl, officer.Email, officer.Password);
        await browser.GoAsync(staff, server.BaseUrl + $"/staff/children/{child.Id}");
        await browser.FollowAsync(staff, "Change emergency contacts and arrangements");
        await browser.ClickAsync(staff, "Save emergency contacts and arrangements");
        (await staff.TitleAsync()).ShouldStartWith("Error: ");
        await staff.GetByLabel("Full name").FillAsync("Grace Okafor");
        await staff.GetByLabel("Who they are to Maya").FillAsync("Mother");
        await staff.GetByLabel("Telephone number").FillAsync("07700 900 982");
        await staff.GetByLabel("What must anyone looking after Maya know and do?").FillAsync("Inhaler before swimming.");
        await browser.ClickAsync(staff, "Save emergency contacts and arrangements");
        (await staff.Locator("#emergency-contacts").InnerTextAsync()).ShouldContain("Grace Okafor");
        var page = await browser.NewPageAsync();

        await browser.SignInAsync(page, server.BaseUrl, worker.Email, worker.Password);
        await browser.GoAsync(page, server.BaseUrl + "/provider");
        await browser.FollowAsync(page, "Children");
        await browser.FollowAsync(page, child.FullName);
        (await page.Locator("#needs").InnerTextAsync()).ShouldContain("Learning, understanding or concentrating");
        (await page.Locator("#contacts").InnerTextAsync()).ShouldContain("Grace Okafor (Mother)");
        (await page.Locator("#arrangements").InnerTextAsync()).ShouldContain("Inhaler before swimming.");
        await browser.FollowAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Returns" }).First);
        await browser.FollowAsync(page, page.Locator("#previous-month"));
        (await page.Locator("h1").InnerTextAsync()).ShouldBe($"Return for {lastMonth.ToString("MMMM yyyy", CultureInfo.InvariantCulture)}");

        await browser.ClickAsync(page, "Add the session");
        (await page.TitleAsync()).ShouldStartWith("Error: ");

        await FillDateAsync(page, lastMonth.AddDays(2));
        await page.GetByLabel("It was delivered").CheckAsync();
        await page.GetByLabel("How much was delivered?").FillAsync("3");
        await page.GetByLabel("Staff", new() { Exact = true }).FillAsync("JW");
        await browser.ClickAsync(page, "Add the session");
        (await page.Locator("#saved").InnerTextAsync()).ShouldBe("The session was returned");

        await FillDateAsync(page, lastMonth.AddDays(9));
        await page.GetByLabel("Family cancelled").CheckAsync();
        await page.GetByLabel("Note about a cancellation (optional)").FillAsync("On holiday");
        await browser.ClickAsync(page, "Add the session");
        await browser.ClickAsync(page, $"Submit the return for {lastMonth.ToString("MMMM yyyy", CultureInfo.InvariantCulture)}");

        (await page.Locator("#saved").InnerTextAsync()).ShouldBe("The return was submitted");
        var sessions = await page.Locator("#sessions").InnerTextAsync();
        sessions.ShouldContain("3 hours");
        sessions.ShouldContain("Family cancelled");
        await browser.FollowAsync(page, "Back to returns");

        var manager = await server.CreateUserAsync(Roles.TeamManager, "Sam Manager");
        var managing = await browser.NewPageAsync();
        await browser.SignInAsync(managing, server.BaseUrl, manager.Email, manager.Password);
        await browser.GoAsync(managing, server.BaseUrl + "/commissioning");
        await browser.FollowAsync(managing, "Unused hours");
        await managing.GetByLabel("Provider").SelectOptionAsync(new SelectOptionValue { Label = "Oakfield Short Breaks" });
        await browser.ClickAsync(managing, "Show");
        (await managing.Locator("#children").InnerTextAsync()).ShouldContain(child.FullName);
        await browser.GoAsync(managing, server.BaseUrl + "/staff/unused-hours?child=" + Uri.EscapeDataString(child.Reference) + "&late=true&year=abc");
        (await managing.TitleAsync()).ShouldStartWith("Error: ");
        await managing.GetByLabel("Year starting in").FillAsync(AllowanceYears.StartOf(today, Core.Schemes.ProviderSettings.Defaults).Year.ToString(CultureInfo.InvariantCulture));
        await managing.GetByLabel("Only packages with late returns").UncheckAsync();
        await browser.ClickAsync(managing, "Show");
        await browser.FollowAsync(managing, managing.Locator("#children a", new() { HasTextString = "Offer back or release" }));
        await browser.ClickAsync(managing, "Save");
        (await managing.TitleAsync()).ShouldStartWith("Error: ");
        await managing.GetByLabel("Offer them back to the family to rebook").CheckAsync();
        await managing.GetByLabel("Why").FillAsync("Missed sessions in the summer");
        await browser.ClickAsync(managing, "Save");
        (await managing.Locator("#done").InnerTextAsync()).ShouldContain("offered back to the family");
        browser.ShouldHaveNoAccessibilityViolations();

        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ShortBreaksDbContext>();
        var stored = await db.DeliveryReturns.Include(r => r.Sessions).SingleAsync(r => r.PackageId == packageId);
        stored.Status.ShouldBe(DeliveryReturnStatus.Submitted);
        stored.Sessions.Select(s => s.Cancellation).ShouldBe([null, CancellationReason.FamilyCancelled], ignoreOrder: true);
    }

    private static async Task FillDateAsync(IPage page, DateOnly day)
    {
        await page.Locator("input[name='Date-day']").FillAsync(day.Day.ToString(CultureInfo.InvariantCulture));
        await page.Locator("input[name='Date-month']").FillAsync(day.Month.ToString(CultureInfo.InvariantCulture));
        await page.Locator("input[name='Date-year']").FillAsync(day.Year.ToString(CultureInfo.InvariantCulture));
    }

    private static async Task<(Core.Children.Child Child, Guid PackageId)> PackageAsync(LiveServer server, string workerId, DateOnly startsOn, DateOnly endsOn)
    {
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ShortBreaksDbContext>();
        var child = await new TestData(db).CreateChildAsync(firstName: "Maya", lastName: "Okafor", tier: Core.Children.Tier.FlexibleShortBreaks);
        var (organisation, service) = TestData.AddApprovedOrganisation(db, "Oakfield Short Breaks", startsOn.AddYears(-1));
        var package = TestData.AddProviderPackage(db, child.Id, organisation, service, startsOn, endsOn, totalUnits: 40);
        package.YearStart = AllowanceYears.StartOf(startsOn, Core.Schemes.ProviderSettings.Defaults);
        TestData.AddOrganisationUser(db, organisation.Id, workerId);
        await db.SaveChangesAsync();
        return (child, package.Id);
    }
}
