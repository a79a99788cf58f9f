using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ShortBreaks.Core.Calendar;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Providers;
using ShortBreaks.EndToEndTests.Infrastructure;
using ShortBreaks.TestCommon;

namespace ShortBreaks.EndToEndTests;

/// <summary>
/// An officer brokers a Flexible Short Breaks package from the menu (over the allowance first, refused), the provider
/// accepts the service agreement, and the officer sees it agreed on the child's timeline, in Chromium with axe-core
/// checking every page visited (errors included).
/// </summary>
public sealed class BrokerageJourneyTests
{
    [SkippableTheory, AllDatabases]
    public async Task AnOfficerBrokersAPackage_AndTheProviderAcceptsIt(DatabaseProvider provider)
    {
        await using var browser = await Browser.LaunchAsync();
        await using var server = await LiveServer.StartAsync(provider);
        var officer = await server.CreateUserAsync(Roles.PersonalisationOfficer, "Amira Officer");
        var worker = await server.CreateUserAsync(Roles.Provider, "Pat Provider");
        var (child, organisation, service) = await RecordsAsync(server, officer.Id, worker.Id);
        var page = await browser.NewPageAsync();

        await browser.SignInAsync(page, server.BaseUrl, officer.Email, officer.Password);
        await browser.GoAsync(page, server.BaseUrl + $"/staff/children/{child.Id}");
        await browser.FollowAsync(page, "Packages and service agreements");
        (await page.Locator("#hours-left").InnerTextAsync()).ShouldEndWith("hours");
        await page.GetByLabel("A service from the menu of approved providers").CheckAsync();
        await page.GetByLabel("Service", new() { Exact = true }).SelectOptionAsync(service.Id.ToString());
        await page.GetByLabel("How many hours, nights or sessions").FillAsync("40");
        await browser.ClickAsync(page, "Build the package");
        (await page.TitleAsync()).ShouldStartWith("Error: ");
        (await page.Locator(".govuk-error-summary").InnerTextAsync()).ShouldContain("more than the");
        await page.GetByLabel("How many hours, nights or sessions").FillAsync("2");
        await browser.ClickAsync(page, "Build the package");
        (await page.Locator("#done").InnerTextAsync()).ShouldBe("The package is sent to the provider as a service agreement.");

        var providing = await browser.NewPageAsync();
        await browser.SignInAsync(providing, server.BaseUrl, worker.Email, worker.Password);
        await browser.GoAsync(providing, server.BaseUrl + "/provider");
        await browser.FollowAsync(providing, "Service agreements");
        await browser.FollowAsync(providing, providing.GetByRole(AriaRole.Link, new() { Name = child.FullName }));
        (await providing.Locator("#agreement").InnerTextAsync()).ShouldContain($"{service.Name}: 2 hours a week");
        await browser.ClickAsync(providing, "Accept the agreement");
        (await providing.Locator("#done").InnerTextAsync()).ShouldBe("You have accepted the service agreement.");

        await browser.GoAsync(page, server.BaseUrl + $"/staff/children/{child.Id}");
        (await page.Locator("#timeline").InnerTextAsync()).ShouldContain($"Package with {organisation.Name} ({service.Name}) accepted by the provider");
        browser.ShouldHaveNoAccessibilityViolations();

        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ShortBreaksDbContext>();
        (await db.Packages.SingleAsync(p => p.ChildId == child.Id)).State.ShouldBe(PackageState.Accepted);
    }

    private static async Task<(Child Child, Organisation Organisation, Service Service)> RecordsAsync(LiveServer server, string officerId, string workerId)
    {
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ShortBreaksDbContext>();
        var child = await new TestData(db).CreateChildAsync(tier: Tier.FlexibleShortBreaks, keyWorkerId: officerId);
        var (organisation, service) = TestData.AddApprovedOrganisation(db, "Sunflower Short Breaks", UkCalendar.DateOf(DateTime.UtcNow));
        db.OrganisationUsers.Add(new OrganisationUser { OrganisationId = organisation.Id, UserId = workerId, IsAdministrator = true, AddedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
        return (child, organisation, service);
    }
}
