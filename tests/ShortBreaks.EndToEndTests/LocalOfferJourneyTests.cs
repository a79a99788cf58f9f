using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ShortBreaks.Core.Calendar;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Identity;
using ShortBreaks.EndToEndTests.Infrastructure;
using ShortBreaks.TestCommon;

namespace ShortBreaks.EndToEndTests;

/// <summary>
/// A parent on a phone searches the Local Offer directory and opens a service; commissioning imports another
/// council's feed file, with a problem first. In Chromium with axe-core checking every page visited (errors included).
/// </summary>
public sealed class LocalOfferJourneyTests
{
    [SkippableTheory, AllDatabases]
    public async Task A_parent_finds_a_short_break_near_them_and_commissioning_imports_another_councils_services(DatabaseProvider provider)
    {
        await using var browser = await Browser.LaunchAsync();
        await using var server = await LiveServer.StartAsync(provider);
        await DirectoryAsync(server);

        var phone = await browser.NewPageAsync(phone: true);
        await browser.GoAsync(phone, server.BaseUrl + "/");
        await browser.FollowAsync(phone, "Find short breaks near you");
        await phone.GetByLabel("Child's age (optional)").FillAsync("nine");
        await browser.ClickAsync(phone, "Search");
        (await phone.TitleAsync()).ShouldStartWith("Error: ");
        await phone.GetByLabel("Child's age (optional)").FillAsync("9");
        await phone.GetByLabel("Postcode (optional)").FillAsync("dc1 2ab");
        await phone.GetByLabel("Needs catered for").SelectOptionAsync(new SelectOptionValue { Label = "Autism" });
        await browser.ClickAsync(phone, "Search");
        (await phone.Locator("#result-count").InnerTextAsync()).ShouldBe("2 short breaks, nearest first");
        (await phone.Locator("#directory-results h3").First.InnerTextAsync()).ShouldBe("Willow autism swim");
        await browser.FollowAsync(phone, phone.GetByRole(AriaRole.Link, new() { Name = "Willow autism swim" }));
        (await phone.Locator("#service-cost").InnerTextAsync()).ShouldBe("£12 a session");
        (await phone.Locator("#service-details").InnerTextAsync()).ShouldContain("Saturdays, 10am to 3pm");

        var commissioner = await server.CreateUserAsync(Roles.CommissioningOfficer, "Cora Commissioner");
        var office = await browser.NewPageAsync();
        await browser.SignInAsync(office, server.BaseUrl, commissioner.Email, commissioner.Password);
        await browser.GoAsync(office, server.BaseUrl + "/commissioning");
        await browser.FollowAsync(office, "Import services into the Local Offer directory");
        await office.GetByLabel("HSDS-UK feed file").SetInputFilesAsync(new FilePayload { Name = "neighbour.json", MimeType = "application/json", Buffer = Feed("opening soon") });
        await browser.ClickAsync(office, "Check and import");
        (await office.Locator("#problem-table").InnerTextAsync()).ShouldContain("status");
        await office.GetByLabel("HSDS-UK feed file").SetInputFilesAsync(new FilePayload { Name = "neighbour.json", MimeType = "application/json", Buffer = Feed("active") });
        await browser.ClickAsync(office, "Check and import");
        (await office.Locator("#imported").InnerTextAsync()).ShouldBe("1 service added and 0 updated from neighbour.json");

        await browser.GoAsync(phone, server.BaseUrl + "/local-offer?q=neighbouring");
        await browser.FollowAsync(phone, phone.GetByRole(AriaRole.Link, new() { Name = "Neighbouring autism club" }));
        (await phone.Locator("#not-on-framework").InnerTextAsync()).ShouldContain("not on the council's approved provider framework");
        browser.ShouldHaveNoAccessibilityViolations();
    }

    private static async Task DirectoryAsync(LiveServer server)
    {
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ShortBreaksDbContext>();
        var today = UkCalendar.DateOf(DateTime.UtcNow);
        var (willow, _) = TestData.AddApprovedOrganisation(db, "Willow Care", today);
        TestData.AddDirectoryService(db, willow, "Willow autism swim", today, kind: "sport", needs: "need-autism", minimumAge: 6, maximumAge: 12, price: 12m,
            places: new TestPlace("Ashcombe Pool", "DC1 2AB", 53.0, -1.0));
        TestData.AddDirectoryService(db, willow, "Willow autism club", today, needs: "need-autism,need-learning", minimumAge: 8, maximumAge: 16, days: "FR",
            places: new TestPlace("Lowmarsh Hall", "DC16 3AB", Town: "Lowmarsh"));
        TestData.AddDirectoryService(db, willow, "Willow teen club", today, minimumAge: 13, maximumAge: 18, places: new TestPlace("Ashcombe Hall", "DC2 1AB"));
        await db.SaveChangesAsync();
    }

    private static byte[] Feed(string status) => Encoding.UTF8.GetBytes($$"""
        [{
          "id": "neighbour-1", "name": "Neighbouring autism club", "description": "A club over the border.", "status": "{{status}}",
          "organization": { "id": "neighbour-org", "name": "Neighbour Trust", "description": "A charity in the next county." },
          "attributes": [ { "taxonomy_term": { "term": "kind-activities" } }, { "taxonomy_term": { "name": "Autism" } } ],
          "service_at_locations": [ { "location": { "id": "neighbour-hall", "name": "Border Hall",
            "addresses": [ { "address_1": "3 Border Lane", "city": "Elderwick", "postal_code": "DC9 4ZZ", "country": "GB" } ] } } ],
          "cost_options": [ { "amount": 8, "option": "Per session" } ]
        }]
        """);
}
