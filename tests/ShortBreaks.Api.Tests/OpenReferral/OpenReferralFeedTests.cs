extern alias JsonEverything;
using System.Net;
using System.Text.Json.Nodes;
using ShortBreaks.Api.Tests.Infrastructure;
using ShortBreaks.Core.LocalOffer;
using JsonSchema = JsonEverything::Json.Schema.JsonSchema;

namespace ShortBreaks.Api.Tests.OpenReferral;

/// <summary>
/// The Local Offer's Open Referral UK feed: every endpoint's answers, at the first, a middle and the last page, are
/// valid by the standard's own JSON Schemas; the profile's query parameters, envelope, openness and errors.
/// </summary>
public sealed class OpenReferralFeedTests(DirectoryFeedFixture directory) : IClassFixture<DirectoryFeedFixture>
{
    private readonly HttpClient _anyone = directory.Factory.Anonymous();

    private async Task<JsonNode> GetJsonAsync(string path)
    {
        var response = await _anyone.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{path}: {body}");
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/json");
        response.Headers.GetValues("Access-Control-Allow-Origin").ShouldBe(["*"], path);
        return JsonNode.Parse(body)!;
    }

    private static void ShouldBeValid(JsonSchema schema, JsonNode document, string what) =>
        OpenReferralSchemas.Problems(schema, document).ShouldBeEmpty($"{what} is not valid by the standard's schema: {document.ToJsonString()[..Math.Min(600, document.ToJsonString().Length)]}");

    [Fact]
    public async Task The_root_says_the_version_is_HSDS_UK_3_0_to_anyone_without_a_key()
    {
        var root = await GetJsonAsync("/oruk/");

        root["version"]!.GetValue<string>().ShouldBe("HSDS-UK-3.0");
        Uri.IsWellFormedUriString(root["openapi_url"]!.GetValue<string>(), UriKind.Absolute).ShouldBeTrue();
    }

    public static TheoryData<string, string, int> Listings() => new()
    {
        { "/oruk/services", "service_list", 10 },
        { "/oruk/service_at_locations", "service_at_location_list", 5 },
        { "/oruk/taxonomies", "taxonomy", 1 },
        { "/oruk/taxonomy_terms", "taxonomy_term", 5 },
    };

    [Theory]
    [MemberData(nameof(Listings))]
    public async Task Every_listing_at_its_first_a_middle_and_its_last_page_is_valid_by_the_standards_schemas(string path, string itemSchema, int perPage)
    {
        var schema = SchemaNamed(itemSchema);
        var first = await GetJsonAsync($"{path}?per_page={perPage}");
        var totalPages = first["total_pages"]!.GetValue<int>();
        var totalItems = first["total_items"]!.GetValue<int>();
        totalItems.ShouldBeGreaterThan(0);
        totalPages.ShouldBe((totalItems + perPage - 1) / perPage);
        var pages = new[] { 1, (totalPages + 1) / 2, totalPages }.Distinct().ToList();
        var seen = 0;

        foreach (var number in pages)
        {
            var page = number == 1 ? first : await GetJsonAsync($"{path}?per_page={perPage}&page={number}");

            ShouldBeValid(OpenReferralSchemas.Page, page, $"{path} page {number}'s envelope");
            page["page_number"]!.GetValue<int>().ShouldBe(number);
            page["first_page"]!.GetValue<bool>().ShouldBe(number == 1);
            page["last_page"]!.GetValue<bool>().ShouldBe(number == totalPages);
            page["empty"]!.GetValue<bool>().ShouldBeFalse();
            var contents = page["contents"]!.AsArray();
            page["size"]!.GetValue<int>().ShouldBe(contents.Count);
            contents.Count.ShouldBe(number < totalPages ? perPage : totalItems - (totalPages - 1) * perPage);
            foreach (var item in contents) ShouldBeValid(schema, item!, $"{path} page {number} item {item!["id"]}");
            seen += contents.Count;
        }

        if (pages.Count == 3 && totalPages == 3) seen.ShouldBe(totalItems);
    }

    [Fact]
    public async Task Every_listed_service_and_service_at_a_location_is_valid_fully_nested_by_its_schema()
    {
        var services = (await GetJsonAsync("/oruk/services?per_page=200"))["contents"]!.AsArray();
        services.Count.ShouldBe(DirectoryFeedFixture.Listed);
        foreach (var listed in services)
        {
            var id = listed!["id"]!.GetValue<string>();
            var service = await GetJsonAsync($"/oruk/services/{id}");
            ShouldBeValid(OpenReferralSchemas.Service, service, $"service {id}");
            service["id"]!.GetValue<string>().ShouldBe(id);
            service["organization"]!["name"]!.GetValue<string>().ShouldBe(listed["organization"]!["name"]!.GetValue<string>());
        }

        var places = (await GetJsonAsync("/oruk/service_at_locations?per_page=200"))["contents"]!.AsArray();
        places.Count.ShouldBeGreaterThan(10);
        foreach (var listed in places)
        {
            var id = listed!["id"]!.GetValue<string>();
            var place = await GetJsonAsync($"/oruk/service_at_locations/{id}");
            // The standard's slip: its OpenAPI says compiled/service.json here; the object is a service at a location.
            ShouldBeValid(OpenReferralSchemas.ServiceAtLocation, place, $"service at location {id}");
            place["location"]!["addresses"]![0]!["postal_code"]!.GetValue<string>().ShouldStartWith("DC");
        }
    }

    [Fact]
    public async Task Every_taxonomy_and_term_is_valid_by_its_schema_with_ids_that_never_change()
    {
        var taxonomies = (await GetJsonAsync("/oruk/taxonomies"))["contents"]!.AsArray();
        taxonomies.Count.ShouldBe(1);
        var taxonomy = await GetJsonAsync($"/oruk/taxonomies/{taxonomies[0]!["id"]}");
        ShouldBeValid(OpenReferralSchemas.Taxonomy, taxonomy, "the taxonomy");

        var terms = (await GetJsonAsync("/oruk/taxonomy_terms?per_page=200"))["contents"]!.AsArray();
        terms.Count.ShouldBe(19);
        foreach (var listed in terms)
        {
            var term = await GetJsonAsync($"/oruk/taxonomy_terms/{listed!["id"]}");
            ShouldBeValid(OpenReferralSchemas.TaxonomyTerm, term, $"term {listed["term"]}");
            term["id"]!.GetValue<string>().ShouldBe(StableIds.TaxonomyTerm(term["term"]!.GetValue<string>()).ToString());
        }

        // Written down once: a term's feed id is the same in every version and on every node.
        terms.Single(t => t!["term"]!.GetValue<string>() == "need-autism")!["id"]!.GetValue<string>().ShouldBe(StableIds.From("taxonomy-term:need-autism").ToString());
        // The same UUID any RFC 9562 version 5 implementation gives for the name in the service's namespace.
        StableIds.TaxonomyTerm("need-autism").ShouldBe(Guid.Parse("51ea27ac-39a5-5384-a6c4-46e63d82f7f2"));
    }

    [Fact]
    public void A_document_that_breaks_the_standard_is_rejected_by_the_schemas()
    {
        var broken = new JsonObject
        {
            ["id"] = "not-a-uuid",
            ["status"] = "open",
            ["email"] = "nobody",
            ["service_at_locations"] = new JsonArray(new JsonObject { ["location"] = new JsonObject { ["id"] = Guid.NewGuid().ToString() } }),
        };

        var problems = OpenReferralSchemas.Problems(OpenReferralSchemas.Service, broken);

        problems.ShouldNotBeEmpty();
        string.Join("\n", problems).ShouldContain("required");
        OpenReferralSchemas.Problems(OpenReferralSchemas.Page, new JsonObject { ["total_items"] = "many" }).ShouldNotBeEmpty();
        OpenReferralSchemas.Problems(OpenReferralSchemas.TaxonomyTerm, new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["name"] = "A term" }).ShouldNotBeEmpty();
        // Formats are checked too: only the id's form is wrong here.
        var term = new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["name"] = "A term", ["description"] = "A term" };
        OpenReferralSchemas.Problems(OpenReferralSchemas.TaxonomyTerm, term).ShouldBeEmpty();
        term["id"] = "term-1";
        OpenReferralSchemas.Problems(OpenReferralSchemas.TaxonomyTerm, term).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Services_that_are_not_listed_are_neither_served_nor_counted()
    {
        var all = (await GetJsonAsync("/oruk/services?per_page=200"))["contents"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()).ToList();

        foreach (var hidden in new[] { directory.SuspendedServiceId, directory.ExpiredServiceId, directory.DefunctServiceId })
        {
            all.ShouldNotContain(hidden.ToString());
            await (await _anyone.GetAsync($"/oruk/services/{hidden}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        }

        all.ShouldContain(directory.ImportedServiceId.ToString(), "an imported organisation's services are listed");
    }

    [Theory]
    [InlineData("/oruk/services/{0}")]
    [InlineData("/oruk/service_at_locations/{0}")]
    [InlineData("/oruk/taxonomies/{0}")]
    [InlineData("/oruk/taxonomy_terms/{0}")]
    public async Task An_id_that_is_not_listed_is_404_problem_details_readable_from_any_site(string path)
    {
        foreach (var id in new[] { Guid.NewGuid().ToString(), "not-a-uuid", "%20%3Cscript%3E", new string('9', 300) })
        {
            var response = await _anyone.GetAsync(string.Format(path, id));

            await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
            response.Headers.GetValues("Access-Control-Allow-Origin").ShouldBe(["*"]);
        }
    }

    [Theory]
    [InlineData("/oruk/services?page=0")]
    [InlineData("/oruk/services?page=abc")]
    [InlineData("/oruk/services?page=1&page=2")]
    [InlineData("/oruk/services?per_page=0")]
    [InlineData("/oruk/services?per_page=100000")]
    [InlineData("/oruk/services?per_page=-5")]
    [InlineData("/oruk/services?taxonomy_term_id=zzz")]
    [InlineData("/oruk/services?taxonomy_term_id=00000000-0000-0000-0000-000000000001")]
    [InlineData("/oruk/services?taxonomy_id=nope")]
    [InlineData("/oruk/services?minimum_age=old")]
    [InlineData("/oruk/services?maximum_age=NaN")]
    [InlineData("/oruk/services?day=Funday")]
    [InlineData("/oruk/services?start_time=25:00")]
    [InlineData("/oruk/services?end_time=noon")]
    [InlineData("/oruk/services?organization_id=123")]
    [InlineData("/oruk/services?modified_after=yesterday")]
    [InlineData("/oruk/services?search=%00")]
    [InlineData("/oruk/service_at_locations?postcode=NOT+A+POSTCODE")]
    [InlineData("/oruk/service_at_locations?postcode=ZZ9+9ZZ")]
    [InlineData("/oruk/service_at_locations?postcode=DC1+2AB&proximity=-1")]
    [InlineData("/oruk/service_at_locations?proximity=500")]
    [InlineData("/oruk/taxonomies?page=x")]
    [InlineData("/oruk/taxonomy_terms?per_page=0")]
    public async Task A_parameter_that_cannot_be_read_is_a_400_problem(string path)
    {
        var response = await _anyone.GetAsync(path);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        response.Headers.GetValues("Access-Control-Allow-Origin").ShouldBe(["*"]);
    }

    [Fact]
    public async Task Writing_to_the_feed_is_405_problem_details()
    {
        var response = await _anyone.PostAsync("/oruk/services", new StringContent("{}"));

        await response.ShouldBeProblemAsync(HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task The_profiles_filters_narrow_the_services()
    {
        var autism = StableIds.TaxonomyTerm("need-autism");
        var byTerm = await ServiceNamesAsync($"/oruk/services?taxonomy_term_id={autism}");
        byTerm.ShouldBe(["Alder autism club"]);

        var needs = StableIds.TaxonomyTerm("needs");
        (await ServiceNamesAsync($"/oruk/services?taxonomy_term_id={needs}")).ShouldBe(["Alder autism club", "Birch sitting", "Cedar holiday scheme"], ignoreOrder: true);
        var taxonomy = StableIds.Taxonomy("short-breaks");
        (await ServiceNamesAsync($"/oruk/services?taxonomy_id={taxonomy}")).Count.ShouldBe(DirectoryFeedFixture.Listed);

        (await ServiceNamesAsync("/oruk/services?search=AUTISM")).ShouldBe(["Alder autism club"]);
        (await ServiceNamesAsync("/oruk/services?text=cedar")).Count.ShouldBe(7, "Cedar holiday scheme and the six clubs of Cedar Youth");
        (await ServiceNamesAsync("/oruk/services?day=WE")).ShouldBe(["Birch far swim", "Cedar holiday scheme"], ignoreOrder: true);
        (await ServiceNamesAsync("/oruk/services?day=sunday")).ShouldBe(["Alder autism club"]);
        (await ServiceNamesAsync("/oruk/services?minimum_age=8")).ShouldBe(["Birch far swim"]);
        (await ServiceNamesAsync("/oruk/services?maximum_age=10")).ShouldAllBe(n => n.StartsWith("Club ") || n == "Alder autism club");
        (await ServiceNamesAsync($"/oruk/services?organization_id={Guid.NewGuid()}")).ShouldBeEmpty();
        (await ServiceNamesAsync("/oruk/services?start_time=09:00&end_time=16:00")).Count.ShouldBe(DirectoryFeedFixture.Listed - 2, "the two sitting services have no schedule");
        (await ServiceNamesAsync("/oruk/services?modified_after=2999-01-01T00:00:00Z")).ShouldBeEmpty();

        var empty = await GetJsonAsync("/oruk/services?search=nothing-matches-this");
        ShouldBeValid(OpenReferralSchemas.Page, empty, "an empty page");
        empty["empty"]!.GetValue<bool>().ShouldBeTrue();
        empty["total_pages"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task Services_at_locations_near_a_postcode_come_nearest_first_and_proximity_keeps_those_within_it()
    {
        var near = (await GetJsonAsync("/oruk/service_at_locations?postcode=DC1+2AB&per_page=200"))["contents"]!.AsArray();
        near[0]!["service"]!["id"]!.GetValue<string>().ShouldBe(directory.NearServiceId.ToString());
        near.Select(p => p!["service"]!["id"]!.GetValue<string>()).ShouldContain(directory.FarServiceId.ToString());

        var within = (await GetJsonAsync("/oruk/service_at_locations?postcode=DC1+2AB&proximity=5000&per_page=200"))["contents"]!.AsArray();
        within.Select(p => p!["service"]!["id"]!.GetValue<string>()).ShouldContain(directory.NearServiceId.ToString());
        within.Select(p => p!["service"]!["id"]!.GetValue<string>()).ShouldNotContain(directory.FarServiceId.ToString(), "Lowmarsh is about 14 miles from Ashcombe Vale");
        within.Count.ShouldBeLessThan(near.Count);
    }

    [Fact]
    public async Task A_page_past_the_last_is_empty_but_still_an_envelope()
    {
        var page = await GetJsonAsync("/oruk/services?page=99&per_page=10");

        ShouldBeValid(OpenReferralSchemas.Page, page, "a page past the last");
        page["contents"]!.AsArray().ShouldBeEmpty();
        page["page_number"]!.GetValue<int>().ShouldBe(99);
        page["last_page"]!.GetValue<bool>().ShouldBeTrue();
    }

    private async Task<List<string>> ServiceNamesAsync(string path) =>
        (await GetJsonAsync(path + (path.Contains('?') ? "&" : "?") + "per_page=200"))["contents"]!.AsArray().Select(s => s!["name"]!.GetValue<string>()).ToList();

    private static JsonSchema SchemaNamed(string name) => name switch
    {
        "service_list" => OpenReferralSchemas.ServiceList,
        "service_at_location_list" => OpenReferralSchemas.ServiceAtLocationList,
        "taxonomy" => OpenReferralSchemas.Taxonomy,
        _ => OpenReferralSchemas.TaxonomyTerm,
    };
}
