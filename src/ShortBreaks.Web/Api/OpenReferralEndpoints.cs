using System.Text.Json.Nodes;
using ShortBreaks.Core.LocalOffer;

namespace ShortBreaks.Web.Api;

/// <summary>
/// The Local Offer as an Open Referral UK (HSDS-UK 3.0) feed: the UK profile's nine read endpoints under one stub,
/// <c>/oruk</c>, open to anyone without a key, with <c>Access-Control-Allow-Origin: *</c> on every answer
/// (<see cref="OpenReferralCors"/>). Listings are paged with the profile's envelope; a query value that cannot be read
/// is a 400 and an id that is not listed a 404, both as problem details. Only listed services are served
/// (<see cref="DirectoryListing"/>).
/// </summary>
public static class OpenReferralEndpoints
{
    public const string Stub = "/oruk";

    /// <summary>Items a page has when <c>per_page</c> is not given.</summary>
    public const int DefaultPerPage = 50;

    /// <summary>The most items one page may have.</summary>
    public const int MaxPerPage = 200;

    private const string ProfileUrl = "https://github.com/openreferral/uk-profile";
    private const string OpenApiUrl = "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/openapi.json";

    public static IEndpointRouteBuilder MapOpenReferralFeed(this IEndpointRouteBuilder app)
    {
        // The feed is described by the standard's own OpenAPI document (openapi_url on its root), not by this service's.
        var feed = app.MapGroup(Stub).WithTags("Open Referral UK feed").AllowAnonymous()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ExcludeFromDescription();
        feed.MapGet("/", () => TypedResults.Json(new JsonObject { ["version"] = OpenReferralFeed.Version, ["profile"] = ProfileUrl, ["openapi_url"] = OpenApiUrl }))
            .Describe("OrukRoot", "About this feed", "The HSDS version of the feed (HSDS-UK-3.0), the profile and its OpenAPI document.");
        feed.MapGet("/services", ServicesAsync)
            .Describe("OrukServices", "Listed services", "A page of listed services with their one-to-one fields and organisation.");
        feed.MapGet("/services/{id}", ServiceAsync).ProducesProblem(StatusCodes.Status404NotFound)
            .Describe("OrukService", "A service", "A listed service, fully nested.");
        feed.MapGet("/service_at_locations", ServiceAtLocationsAsync)
            .Describe("OrukServiceAtLocations", "Services at locations", "A page of the places listed services run at; with postcode, nearest first.");
        feed.MapGet("/service_at_locations/{id}", ServiceAtLocationAsync).ProducesProblem(StatusCodes.Status404NotFound)
            .Describe("OrukServiceAtLocation", "A service at a location", "A service at a location, fully nested.");
        feed.MapGet("/taxonomies", (HttpContext context, OpenReferralFeed oruk) => Paged(context, (page, perPage) => Task.FromResult(oruk.Taxonomies(page, perPage))))
            .Describe("OrukTaxonomies", "Taxonomies", "The scheme's taxonomy of kinds of short break and needs.");
        feed.MapGet("/taxonomies/{id}", (string id, OpenReferralFeed oruk) => One(Guid.TryParse(id, out var g) ? oruk.Taxonomy(g) : null, "taxonomy", id))
            .ProducesProblem(StatusCodes.Status404NotFound).Describe("OrukTaxonomy", "A taxonomy", "The taxonomy with this id.");
        feed.MapGet("/taxonomy_terms", (HttpContext context, OpenReferralFeed oruk) => Paged(context, (page, perPage) => Task.FromResult(oruk.TaxonomyTerms(page, perPage))))
            .Describe("OrukTaxonomyTerms", "Taxonomy terms", "Every term of the taxonomy.");
        feed.MapGet("/taxonomy_terms/{id}", (string id, OpenReferralFeed oruk) => One(Guid.TryParse(id, out var g) ? oruk.TaxonomyTerm(g) : null, "taxonomy term", id))
            .ProducesProblem(StatusCodes.Status404NotFound).Describe("OrukTaxonomyTerm", "A taxonomy term", "The taxonomy term with this id.");
        return app;
    }

    private static async Task<IResult> ServicesAsync(HttpContext context, OpenReferralFeed oruk)
    {
        var query = new FeedQuery(context.Request.Query, oruk);
        var filter = query.Filter();
        var (page, perPage) = query.Paging();
        if (query.Problem is { } problem) return problem;
        return TypedResults.Json((await oruk.ServicesAsync(filter, page, perPage, context.RequestAborted)).ToJson());
    }

    private static async Task<IResult> ServiceAtLocationsAsync(HttpContext context, OpenReferralFeed oruk, DirectorySearch search)
    {
        var query = new FeedQuery(context.Request.Query, oruk);
        var filter = query.Filter();
        var (page, perPage) = query.Paging();
        var postcode = query.Single("postcode");
        var proximity = query.Single("proximity");
        int? metres = null;
        if (proximity is not null)
        {
            if (!double.TryParse(proximity, NumberStyles.Float, CultureInfo.InvariantCulture, out var m) || !double.IsFinite(m) || m < 0 || m > 1_000_000)
                query.Bad("proximity", "proximity must be a distance in metres from 0 to 1,000,000.");
            else metres = (int)Math.Ceiling(m);
            if (postcode is null) query.Bad("proximity", "proximity needs a postcode to measure from.");
        }

        GeoPoint? near = null;
        if (postcode is not null && query.Problem is null)
        {
            if (!Postcodes.LooksLikePostcode(postcode)) query.Bad("postcode", $"'{Shorten(postcode)}' is not a UK postcode or postcode district.");
            else if ((near = await search.LocateAsync(postcode, context.RequestAborted)) is null)
                query.Bad("postcode", $"The postcode {Postcodes.Format(postcode)} is not in the area this feed covers.");
        }

        if (query.Problem is { } problem) return problem;
        return TypedResults.Json((await oruk.ServiceAtLocationsAsync(filter, near, metres, page, perPage, context.RequestAborted)).ToJson());
    }

    private static async Task<IResult> ServiceAsync(string id, OpenReferralFeed oruk, HttpContext context) =>
        One(Guid.TryParse(id, out var g) ? await oruk.ServiceAsync(g, context.RequestAborted) : null, "service", id);

    private static async Task<IResult> ServiceAtLocationAsync(string id, OpenReferralFeed oruk, HttpContext context) =>
        One(Guid.TryParse(id, out var g) ? await oruk.ServiceAtLocationAsync(g, context.RequestAborted) : null, "service at a location", id);

    private static async Task<IResult> Paged(HttpContext context, Func<int, int, Task<FeedPage>> read)
    {
        var query = new FeedQuery(context.Request.Query, null);
        var (page, perPage) = query.Paging();
        if (query.Problem is { } problem) return problem;
        return TypedResults.Json((await read(page, perPage)).ToJson());
    }

    private static IResult One(JsonObject? found, string what, string id) => found is not null
        ? TypedResults.Json(found)
        : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"There is no listed {what} with id '{Shorten(id)}'.");

    private static string Shorten(string text) => text.Length > 60 ? text[..60] + "…" : text;

    /// <summary>Reads the profile's query parameters, keeping the first problem as a 400.</summary>
    private sealed class FeedQuery(IQueryCollection query, OpenReferralFeed? oruk)
    {
        private static readonly string[] TimeFormats = ["HH:mm", "H:mm", "HH:mm:ss", "H:mm:ss"];

        private static readonly Dictionary<string, string> DayWords = new(StringComparer.OrdinalIgnoreCase)
        {
            ["MO"] = "MO", ["MONDAY"] = "MO", ["TU"] = "TU", ["TUESDAY"] = "TU", ["WE"] = "WE", ["WEDNESDAY"] = "WE", ["TH"] = "TH", ["THURSDAY"] = "TH",
            ["FR"] = "FR", ["FRIDAY"] = "FR", ["SA"] = "SA", ["SATURDAY"] = "SA", ["SU"] = "SU", ["SUNDAY"] = "SU",
        };

        public IResult? Problem { get; private set; }

        public void Bad(string parameter, string detail) =>
            Problem ??= TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"The {parameter} parameter could not be read", detail: detail);

        public string? Single(string name)
        {
            if (!query.TryGetValue(name, out var values)) return null;
            if (values.Count > 1)
            {
                Bad(name, $"Give {name} once.");
                return null;
            }

            var value = values[0];
            if (value is not null && value.Any(char.IsControl))
            {
                Bad(name, $"{name} has characters that cannot be read.");
                return null;
            }

            return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        }

        public (int Page, int PerPage) Paging()
        {
            var page = Whole("page", 1, 1, 1_000_000);
            var perPage = Whole("per_page", DefaultPerPage, 1, MaxPerPage);
            return (page, perPage);
        }

        private int Whole(string name, int fallback, int least, int most)
        {
            var text = Single(name);
            if (text is null) return fallback;
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= least && value <= most) return value;
            Bad(name, $"{name} must be a whole number from {least:N0} to {most:N0}.");
            return fallback;
        }

        public DirectoryFilter Filter()
        {
            var text = Single("search") ?? Single("text");
            if (text is { Length: > 200 }) Bad("search", "search must be 200 characters or fewer.");
            var terms = new List<string>();
            if (Single("taxonomy_term_id") is { } termId)
            {
                var term = Guid.TryParse(termId, out var g) ? oruk!.TermByFeedId(g) : null;
                if (term is null) Bad("taxonomy_term_id", $"There is no taxonomy term with id '{Shorten(termId)}'. GET {Stub}/taxonomy_terms lists them.");
                else terms.AddRange(oruk!.WithDescendants(term.Id));
            }

            var anyTerm = false;
            if (Single("taxonomy_id") is { } taxonomyId)
            {
                if (!Guid.TryParse(taxonomyId, out var g) || !oruk!.IsTaxonomy(g)) Bad("taxonomy_id", $"There is no taxonomy with id '{Shorten(taxonomyId)}'. GET {Stub}/taxonomies lists it.");
                else anyTerm = true;
            }

            Guid? organisation = null;
            if (Single("organization_id") is { } organisationId)
            {
                if (Guid.TryParse(organisationId, out var g)) organisation = g;
                else Bad("organization_id", "organization_id must be a UUID.");
            }

            DateTime? modifiedAfter = null;
            if (Single("modified_after") is { } modified)
            {
                if (DateTimeOffset.TryParse(modified, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var moment)) modifiedAfter = moment.UtcDateTime;
                else Bad("modified_after", "modified_after must be a date and time like 2026-04-01T00:00:00Z.");
            }

            string? day = null;
            if (Single("day") is { } dayText)
            {
                if (DayWords.TryGetValue(dayText, out var code)) day = code;
                else Bad("day", "day must be a day of the week, as MO to SU or its name.");
            }

            var filter = new DirectoryFilter
            {
                Text = text,
                TermIds = terms,
                MinimumAgeAtLeast = Age("minimum_age"),
                MaximumAgeAtMost = Age("maximum_age"),
                Day = day,
                OpensFrom = Time("start_time"),
                ClosesBy = Time("end_time"),
                OrganisationId = organisation,
                ModifiedAfter = modifiedAfter,
            };
            // Asking for the taxonomy finds services classed under any of its terms.
            return anyTerm && terms.Count == 0 ? filter with { TermIds = oruk!.AllTermIds() } : filter;
        }

        private decimal? Age(string name)
        {
            var text = Single(name);
            if (text is null) return null;
            if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var age) && age is >= 0 and <= 150) return age;
            Bad(name, $"{name} must be a number of years from 0 to 150.");
            return null;
        }

        private TimeOnly? Time(string name)
        {
            var text = Single(name);
            if (text is null) return null;
            if (TimeOnly.TryParseExact(text.TrimEnd('Z', 'z'), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)) return time;
            Bad(name, $"{name} must be a time like 09:30.");
            return null;
        }
    }
}

/// <summary>Every answer under the feed's stub may be read by a page on any site (the UK profile's openness rule).</summary>
public sealed class OpenReferralCors(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments(OpenReferralEndpoints.Stub))
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.AccessControlAllowOrigin = "*";
                return Task.CompletedTask;
            });
        }

        return next(context);
    }
}
