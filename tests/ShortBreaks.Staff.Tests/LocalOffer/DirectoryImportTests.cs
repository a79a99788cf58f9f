using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ShortBreaks.Core.Calendar;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.LocalOffer;
using ShortBreaks.Core.Providers;
using ShortBreaks.Core.Schemes;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Staff.Tests.LocalOffer;

/// <summary>
/// Commissioning imports an HSDS-UK feed file into the Local Offer directory: all or nothing, every problem by service
/// and field, matched on the file's ids so a second import updates, and never a 500 whatever the file.
/// </summary>
public sealed class DirectoryImportTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private static JsonObject FeedService(string tag, int n, string? kindTerm = "kind-sport") => new()
    {
        ["id"] = $"svc-{tag}-{n}",
        ["name"] = $"Imported club {tag} {n}",
        ["description"] = "Saturday club for disabled children.",
        ["status"] = "active",
        ["email"] = "club@elsewhere.example",
        ["url"] = "https://elsewhere.example/club",
        ["minimum_age"] = 5,
        ["maximum_age"] = 12,
        ["organization"] = new JsonObject
        {
            ["id"] = $"org-{tag}", ["name"] = $"Elsewhere Trust {tag}", ["description"] = "A charity next door.",
            ["organization_identifiers"] = new JsonArray(new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["identifier_scheme"] = "GB-CHC", ["identifier_type"] = "Charity number", ["identifier"] = "1200001" }),
        },
        ["attributes"] = new JsonArray(
            kindTerm is null ? new JsonObject { ["taxonomy_term"] = new JsonObject { ["name"] = "Something else" } } : new JsonObject { ["taxonomy_term"] = new JsonObject { ["term"] = kindTerm } },
            new JsonObject { ["taxonomy_term_id"] = StableIds.TaxonomyTerm("need-autism").ToString() }),
        ["service_at_locations"] = new JsonArray(new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["location"] = new JsonObject
            {
                ["id"] = $"loc-{tag}", ["location_type"] = "physical", ["name"] = $"Elsewhere Hall {tag}", ["latitude"] = 53.0, ["longitude"] = -1.0,
                ["addresses"] = new JsonArray(new JsonObject { ["address_1"] = "2 Low Road", ["city"] = "Ashcombe Vale", ["postal_code"] = "dc1 2ab", ["country"] = "GB" }),
            },
        }),
        ["schedules"] = new JsonArray(new JsonObject { ["freq"] = "WEEKLY", ["byday"] = "SA", ["opens_at"] = "10:00", ["closes_at"] = "15:00:00" }),
        ["cost_options"] = new JsonArray(new JsonObject { ["amount"] = 12.5, ["option"] = "Per hour", ["valid_from"] = "2026-04-01" }),
    };

    private static JsonObject Envelope(params JsonNode[] services) => new()
    {
        ["total_items"] = services.Length, ["total_pages"] = 1, ["page_number"] = 1, ["size"] = services.Length,
        ["first_page"] = true, ["last_page"] = true, ["empty"] = services.Length == 0, ["contents"] = new JsonArray(services),
    };

    private static async Task<Page> UploadAsync(PageClient browser, byte[] file, string defaultKind = "", string fileName = "feed.json")
    {
        var form = await browser.GetPageAsync("/commissioning/directory/import");
        form.Status.ShouldBe(HttpStatusCode.OK);
        var token = form.Get("main form[enctype='multipart/form-data'] input[name=__RequestVerificationToken]").GetAttribute("value")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(defaultKind), "DefaultKind" },
        };
        var upload = new ByteArrayContent(file);
        upload.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Add(upload, "Upload", fileName);
        var response = await browser.PostAsync("/commissioning/directory/import", content);
        return new Page("/commissioning/directory/import", response.StatusCode,
            new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()), response);
    }

    private static Task<Page> UploadAsync(PageClient browser, JsonNode file, string defaultKind = "") =>
        UploadAsync(browser, Encoding.UTF8.GetBytes(file.ToJsonString()), defaultKind);

    private static string Tag() => Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task An_imported_feed_is_listed_in_the_directory_but_its_organisations_take_no_packages_until_they_apply()
    {
        var commissioner = await factory.SignInAsNewUserAsync(Roles.CommissioningOfficer);
        var tag = Tag();

        var page = await UploadAsync(commissioner, Envelope(FeedService(tag, 1), FeedService(tag, 2)));

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.ErrorSummary().ShouldBeEmpty();
        Page.Normalise(page.Get("#imported").TextContent).ShouldBe("2 services added and 0 updated from feed.json");
        var (organisation, services) = await factory.Data.WithDbAsync(async db =>
        {
            var o = await db.Organisations.Include(x => x.Insurances).Include(x => x.Registrations).SingleAsync(x => x.ImportedId == $"org-{tag}");
            var s = await db.Services.Include(x => x.Prices).Include(x => x.Schedules).Include(x => x.Locations).ThenInclude(l => l.Location)
                .Where(x => x.OrganisationId == o.Id).OrderBy(x => x.Name).ToListAsync();
            return (o, s);
        });
        organisation.Name.ShouldBe($"Elsewhere Trust {tag}");
        organisation.CharityNumber.ShouldBe("1200001");
        organisation.Status.ShouldBe(FrameworkStatus.Registered);
        OrganisationRules.NewPackageRefusal(organisation, ProviderSettings.Defaults, UkCalendar.DateOf(DateTime.UtcNow)).ShouldNotBeNull();
        services.Select(s => s.ImportedId).ShouldBe([$"svc-{tag}-1", $"svc-{tag}-2"]);
        var first = services[0];
        (first.Kind, first.Needs, first.MinimumAgeYears, first.MaximumAgeYears).ShouldBe(("sport", "need-autism", 5, 12));
        first.Prices.ShouldHaveSingleItem().ShouldSatisfyAllConditions(p => p.Unit.ShouldBe(PriceUnit.Hour), p => p.Amount.ShouldBe(12.5m), p => p.EffectiveFrom.ShouldBe(new DateOnly(2026, 4, 1)));
        first.Schedules.ShouldHaveSingleItem().ShouldSatisfyAllConditions(s => s.Days.ShouldBe("SA"), s => s.ClosesAt.ShouldBe(new TimeOnly(15, 0)));
        first.Locations.ShouldHaveSingleItem().Location!.Postcode.ShouldBe("DC1 2AB");
        services[1].Locations.Single().LocationId.ShouldBe(first.Locations.Single().LocationId, "one location, found by its feed id");

        var anyone = factory.NewBrowser();
        var listed = await anyone.GetPageAsync($"/local-offer/services/{first.Id}");
        listed.Status.ShouldBe(HttpStatusCode.OK);
        listed.Get("#not-on-framework").ShouldNotBeNull();
        (await anyone.GetPageAsync($"/local-offer?q={tag}")).Html.QuerySelectorAll("#directory-results > li").Length.ShouldBe(2);
    }

    [Fact]
    public async Task Importing_the_same_file_again_updates_and_adds_nothing()
    {
        var commissioner = await factory.SignInAsNewUserAsync(Roles.CommissioningOfficer);
        var tag = Tag();
        var file = new JsonArray(FeedService(tag, 1), FeedService(tag, 2));
        (await UploadAsync(commissioner, file)).ErrorSummary().ShouldBeEmpty();
        file[0]!["name"] = $"Renamed club {tag}";

        var again = await UploadAsync(commissioner, file);

        Page.Normalise(again.Get("#imported").TextContent).ShouldBe("0 services added and 2 updated from feed.json");
        await factory.Data.WithDbAsync(async db =>
        {
            var organisations = await db.Organisations.Where(o => o.ImportedId == $"org-{tag}").Select(o => o.Id).ToListAsync();
            organisations.Count.ShouldBe(1);
            (await db.Services.CountAsync(s => organisations.Contains(s.OrganisationId))).ShouldBe(2);
            (await db.Locations.CountAsync(l => organisations.Contains(l.OrganisationId))).ShouldBe(1);
            (await db.Services.Where(s => organisations.Contains(s.OrganisationId)).SelectMany(s => s.Prices).CountAsync()).ShouldBe(2, "the same price is not added twice");
            (await db.Services.SingleAsync(s => s.ImportedId == $"svc-{tag}-1")).Name.ShouldBe($"Renamed club {tag}");
        });
    }

    [Fact]
    public async Task A_file_with_problems_lists_each_by_service_and_field_and_imports_nothing()
    {
        var commissioner = await factory.SignInAsNewUserAsync(Roles.CommissioningOfficer);
        var tag = Tag();
        var good = FeedService(tag, 1);
        var badStatus = FeedService(tag, 2);
        badStatus["status"] = "open";
        var noName = FeedService(tag, 3);
        noName.Remove("name");
        var badPostcode = FeedService(tag, 4);
        badPostcode["service_at_locations"]![0]!["location"]!["addresses"]![0]!["postal_code"] = "XX";
        var badDays = FeedService(tag, 5);
        badDays["schedules"]![0]!["byday"] = "XY";
        var noKind = FeedService(tag, 6, kindTerm: null);
        var ages = FeedService(tag, 7);
        ages["minimum_age"] = 14;
        var twice = FeedService(tag, 1);

        var page = await UploadAsync(commissioner, Envelope(good, badStatus, noName, badPostcode, badDays, noKind, ages, twice));

        page.ErrorSummary().ShouldBe(["The file has 7 problems, listed below. Nothing has been imported"]);
        var rows = page.Html.QuerySelectorAll("#problem-table tbody tr")
            .Select(r => r.QuerySelectorAll("td").Select(td => Page.Normalise(td.TextContent)).ToArray()).Select(c => (c[0], c[1])).ToList();
        rows.ShouldBe([
            ("2", "status"), ("3", "name"), ("4", "service_at_locations[0].location.addresses[0].postal_code"), ("5", "schedules[0].byday"),
            ("6", "attributes"), ("7", "maximum_age"), ("8", "id"),
        ]);
        (await factory.Data.WithDbAsync(db => db.Organisations.AnyAsync(o => o.ImportedId == $"org-{tag}"))).ShouldBeFalse();
    }

    [Fact]
    public async Task Services_the_file_does_not_class_take_the_kind_chosen_for_them()
    {
        var commissioner = await factory.SignInAsNewUserAsync(Roles.CommissioningOfficer);
        var tag = Tag();

        var page = await UploadAsync(commissioner, new JsonArray(FeedService(tag, 1, kindTerm: null)), defaultKind: "activities");

        page.ErrorSummary().ShouldBeEmpty();
        (await factory.Data.WithDbAsync(db => db.Services.SingleAsync(s => s.ImportedId == $"svc-{tag}-1"))).Kind.ShouldBe("activities");
        (await UploadAsync(commissioner, new JsonArray(FeedService(Tag(), 1)), defaultKind: "zzz")).ErrorSummary().ShouldBe(["Choose a kind of short break from the list"]);
    }

    [Fact]
    public async Task A_service_as_the_feed_gives_it_imports_with_its_details_and_the_councils_own_are_refused()
    {
        var commissioner = await factory.SignInAsNewUserAsync(Roles.CommissioningOfficer);
        var today = UkCalendar.DateOf(DateTime.UtcNow);
        var tag = Tag();
        var ownId = await factory.Data.WithDbAsync(async db =>
        {
            var (organisation, _) = TestData.AddApprovedOrganisation(db, $"Own Provider {tag}", today);
            var service = TestData.AddDirectoryService(db, organisation, $"Own club {tag}", today, kind: "youth-club", needs: "need-sensory", minimumAge: 10, maximumAge: 17,
                days: "TU,TH", unit: PriceUnit.Night, price: 95m, places: new TestPlace($"Own Hall {tag}", "DC4 1AA", 53.15, -1.1, "Brindlemoor"));
            await db.SaveChangesAsync();
            return service.Id;
        });
        var anyone = factory.Anonymous();
        var exported = JsonNode.Parse(await anyone.GetStringAsync($"/oruk/services/{ownId}"))!.AsObject();

        var refused = await UploadAsync(commissioner, new JsonArray(exported.DeepClone()));
        refused.ErrorSummary().ShouldBe(["The file has 1 problem, listed below. Nothing has been imported"]);

        // As another council's feed would have it: the same service under ids of its own.
        exported["id"] = Guid.NewGuid().ToString();
        exported["organization"]!["id"] = Guid.NewGuid().ToString();
        exported["name"] = $"Copied club {tag}";
        var imported = await UploadAsync(commissioner, new JsonArray(exported));

        imported.ErrorSummary().ShouldBeEmpty();
        var copy = await factory.Data.WithDbAsync(db => db.Services.Include(s => s.Prices).Include(s => s.Schedules).Include(s => s.Locations).ThenInclude(l => l.Location)
            .SingleAsync(s => s.ImportedId == exported["id"]!.GetValue<string>()));
        (copy.Kind, copy.Needs, copy.MinimumAgeYears, copy.MaximumAgeYears).ShouldBe(("youth-club", "need-sensory", 10, 17));
        copy.Prices.Single().ShouldSatisfyAllConditions(p => p.Unit.ShouldBe(PriceUnit.Night), p => p.Amount.ShouldBe(95m));
        copy.Schedules.Single().Days.ShouldBe("TU,TH");
        copy.Locations.Single().Location!.ShouldSatisfyAllConditions(l => l.Postcode.ShouldBe("DC4 1AA"), l => l.Latitude.ShouldBe(53.15));
    }

    public static TheoryData<string, byte[]> Garbage() => new()
    {
        { "not JSON", Encoding.UTF8.GetBytes("this is not json {") },
        { "an empty list", Encoding.UTF8.GetBytes("[]") },
        { "a number", Encoding.UTF8.GetBytes("42") },
        { "binary", [0xFF, 0xD8, 0x00, 0x01, 0x02, 0xFE] },
        { "nested too deep", Encoding.UTF8.GetBytes(new string('[', 5000) + new string(']', 5000)) },
        { "a list of numbers", Encoding.UTF8.GetBytes("[" + string.Join(',', Enumerable.Range(0, 2000)) + "]") },
        { "wrong types everywhere", Encoding.UTF8.GetBytes("[{\"id\":1,\"name\":[],\"status\":{},\"organization\":\"x\",\"minimum_age\":\"old\",\"service_at_locations\":[1,null,{\"location\":[]}],\"schedules\":{},\"cost_options\":[{\"amount\":1e400}],\"attributes\":[null]}]") },
        { "an envelope with no contents", Encoding.UTF8.GetBytes("{\"total_items\":1}") },
        { "huge numbers", Encoding.UTF8.GetBytes("[{\"id\":\"a\",\"name\":\"b\",\"status\":\"active\",\"organization\":{\"id\":\"o\",\"name\":\"O\"},\"minimum_age\":1e308,\"maximum_age\":-1e308,\"cost_options\":[{\"amount\":99999999999999999999999999999}],\"schedules\":[{\"interval\":1e300,\"bymonthday\":\"99999999999\"}]}]") },
    };

    [Theory]
    [MemberData(nameof(Garbage))]
    public async Task Any_file_at_all_gets_a_govuk_error_and_never_a_500(string what, byte[] file)
    {
        var commissioner = await factory.SignInAsNewUserAsync(Roles.CommissioningOfficer);

        var page = await UploadAsync(commissioner, file, fileName: "<script>.json");

        page.Status.ShouldBe(HttpStatusCode.OK, what);
        page.ErrorSummary().ShouldNotBeEmpty(what);
        page.Html.Title.ShouldNotBeNull().ShouldStartWith("Error: ");
    }

    [Fact]
    public async Task A_form_without_a_file_or_with_junk_fields_is_a_govuk_error()
    {
        var commissioner = await factory.SignInAsNewUserAsync(Roles.CommissioningOfficer);
        var form = await commissioner.GetPageAsync("/commissioning/directory/import");
        var token = form.Get("main form[enctype='multipart/form-data'] input[name=__RequestVerificationToken]").GetAttribute("value")!;

        using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new StringContent("💥"), "DefaultKind" } };
        var response = await commissioner.PostAsync("/commissioning/directory/import", content);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await PageClient.ParseAsync(response);
        page.QuerySelectorAll(".govuk-error-summary__list li").Select(li => Page.Normalise(li.TextContent))
            .ShouldBe(["Choose a kind of short break from the list", "Select an HSDS-UK feed file (JSON)"]);
    }

    [Theory]
    [InlineData(Roles.Family)]
    [InlineData(Roles.Provider)]
    [InlineData(Roles.PersonalisationOfficer)]
    public async Task Only_commissioners_open_the_import(string role)
    {
        var browser = await factory.SignInAsNewUserAsync(role);

        var response = await browser.GetAsync("/commissioning/directory/import");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.PathAndQuery().ShouldStartWith("/access-denied");
    }

    [Fact]
    public async Task Commissionings_home_links_to_the_import()
    {
        var commissioner = await factory.SignInAsNewUserAsync(Roles.CommissioningOfficer);

        var home = await commissioner.GetPageAsync("/commissioning");

        home.Get("#commissioning-tasks a[href='/commissioning/directory/import']").TextContent.ShouldBe("Import services into the Local Offer directory");
    }
}
