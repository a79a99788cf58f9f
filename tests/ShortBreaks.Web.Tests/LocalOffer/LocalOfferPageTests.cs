using System.Net;
using ShortBreaks.Core.Calendar;
using ShortBreaks.Core.Providers;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Web.Tests.LocalOffer;

/// <summary>A directory of known services, on a host of its own so counts are exact.</summary>
public sealed class LocalOfferDirectory : IAsyncLifetime
{
    public WebAppFactory Factory { get; } = new();

    public Guid SwimId { get; private set; }
    public Guid ImportedId { get; private set; }
    public Guid SuspendedId { get; private set; }
    public Guid ClosedId { get; private set; }

    public async Task InitializeAsync()
    {
        var today = UkCalendar.DateOf(DateTime.UtcNow);
        await Factory.Data.WithDbAsync(async db =>
        {
            var (maple, sitting) = TestData.AddApprovedOrganisation(db, "Maple Care", today, hourlyPrice: 16.5m);
            sitting.Name = "Maple sitting";
            sitting.Needs = "need-complex-health";
            var swim = TestData.AddDirectoryService(db, maple, "Maple autism swim", today, kind: "sport", needs: "need-autism", minimumAge: 6, maximumAge: 12, days: "SA",
                price: 12m, places: new TestPlace("Ashcombe Pool", "DC1 2AB", 53.0, -1.0));
            SwimId = swim.Id;
            TestData.AddDirectoryService(db, maple, "Maple far club", today, kind: "youth-club", minimumAge: 11, maximumAge: 18, days: "FR",
                places: new TestPlace("Lowmarsh Hall", "DC16 3AB", Town: "Lowmarsh"));
            ClosedId = TestData.AddDirectoryService(db, maple, "Maple paused club", today, status: ServiceStatus.TemporarilyClosed, days: "WE",
                places: new TestPlace("Cottersby Hall", "DC6 1AB", Town: "Cottersby")).Id;
            var imported = new Organisation { Name = "Rowan Trust", LegalName = "Rowan Trust", ImportedId = "rowan", Status = FrameworkStatus.Registered, RegisteredAt = db.UtcNow };
            db.Organisations.Add(imported);
            ImportedId = TestData.AddDirectoryService(db, imported, "Rowan holiday scheme", today, kind: "holiday-scheme", days: "MO,TU,WE,TH,FR",
                places: new TestPlace("Rowan Centre", "DC4 1AA", 53.1, -1.05, "Brindlemoor")).Id;
            var (suspended, hidden) = TestData.AddApprovedOrganisation(db, "Hawthorn Suspended", today);
            suspended.Status = FrameworkStatus.Suspended;
            SuspendedId = hidden.Id;
            for (var i = 0; i < 23; i++)
                TestData.AddDirectoryService(db, maple, $"Maple club {i:00}", today, days: "SU", places: new TestPlace($"Venue {i}", $"DC{i % 16 + 1} 1AB"));
            await db.SaveChangesAsync();
        });
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

/// <summary>The public Local Offer pages: search by each filter, distance order, paging, a service's page, and errors for bad input.</summary>
public sealed class LocalOfferPageTests(LocalOfferDirectory directory) : IClassFixture<LocalOfferDirectory>
{
    private readonly PageClient _anyone = directory.Factory.NewBrowser();

    private async Task<List<string>> NamesAsync(string query)
    {
        var page = await _anyone.GetPageAsync("/local-offer?" + query);
        page.Status.ShouldBe(HttpStatusCode.OK, query);
        page.ErrorSummary().ShouldBeEmpty(query);
        return page.Html.QuerySelectorAll("#directory-results h3 a").Select(a => a.TextContent.Trim()).ToList();
    }

    [Fact]
    public async Task Anyone_without_signing_in_sees_the_listed_short_breaks_twenty_a_page()
    {
        var page = await _anyone.GetPageAsync("/local-offer");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Get("h1").TextContent.ShouldBe("Find short breaks");
        Page.Normalise(page.Get("#result-count").TextContent).ShouldBe("28 short breaks");
        page.Html.QuerySelectorAll("#directory-results > li").Length.ShouldBe(20);
        page.Get(".govuk-pagination").ShouldNotBeNull();

        var second = await _anyone.GetPageAsync("/local-offer?p=2");
        second.Html.QuerySelectorAll("#directory-results > li").Length.ShouldBe(8);
    }

    [Fact]
    public async Task Services_not_listed_are_not_found_by_search_or_by_address()
    {
        (await NamesAsync("q=hawthorn")).ShouldBeEmpty();
        (await _anyone.GetAsync($"/local-offer/services/{directory.SuspendedId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await _anyone.GetAsync($"/local-offer/services/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await _anyone.GetAsync("/local-offer/services/not-a-guid")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Each_filter_narrows_the_results()
    {
        (await NamesAsync("need=need-autism")).ShouldBe(["Maple autism swim"]);
        (await NamesAsync("need=need-complex-health")).ShouldBe(["Maple sitting"]);
        (await NamesAsync("kind=holiday-scheme")).ShouldBe(["Rowan holiday scheme"]);
        (await NamesAsync("q=AUTISM+swim")).ShouldBe(["Maple autism swim"]);
        (await NamesAsync("q=rowan")).ShouldBe(["Rowan holiday scheme"], "by the organisation's name too");
        (await NamesAsync("day=friday")).ShouldBe(["Maple far club", "Rowan holiday scheme"]);
        (await NamesAsync("age=17&day=friday")).ShouldBe(["Maple far club", "Rowan holiday scheme"], "a service with no ages takes any");
        (await NamesAsync("age=5&kind=sport")).ShouldBeEmpty();
        (await NamesAsync("age=6&kind=sport")).ShouldBe(["Maple autism swim"]);
    }

    [Fact]
    public async Task With_a_postcode_the_nearest_come_first_with_their_distance_and_a_distance_keeps_those_within_it()
    {
        var page = await _anyone.GetPageAsync("/local-offer?postcode=dc12ab&day=saturday");
        Page.Normalise(page.Get("#result-count").TextContent).ShouldBe("1 short break, nearest first");
        page.Get("#directory-results").TextContent.ShouldContain("Ashcombe Pool, Ashcombe Vale (0 miles away)");

        var friday = await NamesAsync("postcode=DC1+2AB&day=friday");
        friday.ShouldBe(["Rowan holiday scheme", "Maple far club"], "Brindlemoor is nearer Ashcombe Vale than Lowmarsh");
        (await NamesAsync("postcode=DC1+2AB&day=friday&within=10")).ShouldBe(["Rowan holiday scheme"]);
        (await NamesAsync("postcode=DC4&day=friday&within=5")).ShouldBe(["Rowan holiday scheme"], "a postcode district is enough");
        (await NamesAsync("postcode=DC1+2AB&need=need-complex-health&within=1")).ShouldBe(["Maple sitting"], "a service that comes to the family is always kept");
    }

    [Fact]
    public async Task A_services_page_says_what_who_where_when_for_whom_what_it_costs_and_how_to_get_in_touch()
    {
        var page = await _anyone.GetPageAsync($"/local-offer/services/{directory.SwimId}");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Get("h1").TextContent.ShouldBe("Maple autism swim");
        var details = Page.Normalise(page.Get("#service-details").TextContent);
        details.ShouldContain("Provided by Maple Care");
        details.ShouldContain("Kind of short break Sport and leisure");
        details.ShouldContain("Ages 6 to 12");
        details.ShouldContain("Needs catered for Autism");
        details.ShouldContain("Ashcombe Pool 1 High Street Ashcombe Vale DC1 2AB");
        details.ShouldContain("Saturdays, 10am to 3pm");
        details.ShouldContain("Cost £12 a session");
        details.ShouldContain("bookings@provider.example");
        page.Find("#not-on-framework").ShouldBeNull();

        var sitting = await _anyone.GetPageAsync("/local-offer?q=maple+sitting");
        var sittingLink = sitting.Get("#directory-results h3 a").GetAttribute("href")!;
        Page.Normalise((await _anyone.GetPageAsync(sittingLink)).Get("#service-cost").TextContent).ShouldBe("£16.50 an hour");
    }

    [Fact]
    public async Task An_imported_providers_service_says_it_is_not_on_the_framework_and_a_closed_one_says_so()
    {
        var imported = await _anyone.GetPageAsync($"/local-offer/services/{directory.ImportedId}");
        imported.Get("#not-on-framework").TextContent.ShouldContain("not on the council's approved provider framework");

        var closed = await _anyone.GetPageAsync($"/local-offer/services/{directory.ClosedId}");
        closed.Get(".govuk-warning-text").TextContent.ShouldContain("closed for now");
    }

    [Theory]
    [InlineData("age=abc", "age", "Enter the child's age in whole years, like 9")]
    [InlineData("age=-1", "age", "Enter the child's age in whole years, like 9")]
    [InlineData("age=99", "age", "Age must be 25 or under")]
    [InlineData("need=zzz", "need", "Choose a need from the list")]
    [InlineData("need=kinds", "need", "Choose a need from the list")]
    [InlineData("kind=spaceflight", "kind", "Choose a kind of short break from the list")]
    [InlineData("day=funday", "day", "Choose a day from the list")]
    [InlineData("day=7", "day", "Choose a day from the list")]
    [InlineData("postcode=not+a+postcode", "postcode", "Enter a real postcode, like DC1 2AB")]
    [InlineData("postcode=ZZ9+9ZZ", "postcode", "We cannot find ZZ9 9ZZ. Enter a postcode in the council's area, like DC1 2AB")]
    [InlineData("within=7&postcode=DC1+2AB", "within", "Choose a distance from the list")]
    [InlineData("within=5", "postcode", "Enter a postcode to search within a distance of it")]
    public async Task A_filter_that_cannot_be_used_is_a_govuk_error_by_its_field(string query, string field, string message)
    {
        var page = await _anyone.GetPageAsync("/local-offer?" + query);

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Html.Title.ShouldNotBeNull().ShouldStartWith("Error: ");
        page.ErrorSummary().ShouldBe([message]);
        page.Get(".govuk-error-summary a").GetAttribute("href").ShouldBe("#" + field);
        page.Find($"#{field}").ShouldNotBeNull();
        page.Find("#directory-results").ShouldBeNull();
    }

    [Fact]
    public async Task Junk_in_any_part_of_the_query_never_gives_a_500()
    {
        string[] junk = ["<script>alert(1)</script>", "%00", "１２", new string('9', 5000), "💥", "' OR 1=1 --", "%", "_", "\\", "NaN"];
        string[] names = ["q", "need", "kind", "age", "day", "postcode", "within", "p", "page", "handler"];
        foreach (var name in names)
        {
            foreach (var value in junk)
            {
                var response = await _anyone.GetAsync($"/local-offer?{name}={Uri.EscapeDataString(value)}&{name}=again");
                ((int)response.StatusCode).ShouldBeLessThan(500, $"{name}={value}");
            }
        }

        (await NamesAsync("q=%25")).ShouldBeEmpty("a % is a character searched for, not a wildcard");
        (await NamesAsync("p=abc")).Count.ShouldBe(20);
        (await NamesAsync("p=999")).ShouldBeEmpty();
    }
}
