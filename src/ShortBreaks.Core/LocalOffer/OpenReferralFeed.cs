using System.Text.Json.Nodes;

namespace ShortBreaks.Core.LocalOffer;

/// <summary>A page of a feed listing: the HSDS-UK pagination envelope's numbers and the items.</summary>
public sealed record FeedPage(int TotalItems, int PageNumber, int PerPage, IReadOnlyList<JsonObject> Contents)
{
    public int TotalPages => TotalItems == 0 ? 0 : (TotalItems + PerPage - 1) / PerPage;

    /// <summary>The envelope as the UK profile's <c>Page</c> schema has it, with the items in <c>contents</c>.</summary>
    public JsonObject ToJson() => new()
    {
        ["total_items"] = TotalItems,
        ["total_pages"] = TotalPages,
        ["page_number"] = PageNumber,
        ["size"] = Contents.Count,
        ["first_page"] = PageNumber == 1,
        ["last_page"] = PageNumber >= TotalPages,
        ["empty"] = Contents.Count == 0,
        ["contents"] = new JsonArray([.. Contents]),
    };
}

/// <summary>
/// The Local Offer as Open Referral UK (HSDS-UK 3.0) objects: services, services at locations, the taxonomy and its
/// terms, from the listed services only (<see cref="DirectoryListing"/>). Ids are the rows' own; the scheme's taxonomy
/// and terms, which are words, get name-based UUIDs (<see cref="StableIds"/>), and so do the few objects that have no
/// row (an address, an organisation identifier, a term on a service). Optional fields with no value are left out.
/// </summary>
public sealed class OpenReferralFeed(ShortBreaksDbContext db, DirectorySearch search, SchemeCatalog schemes)
{
    public const string Version = "HSDS-UK-3.0";

    private ProviderSettings Settings => search.Settings;

    private string Area => schemes.InForceOn(search.Today).Council.Name;

    /// <summary>The scheme's taxonomy term with this feed UUID, or null.</summary>
    public TaxonomyTermSetting? TermByFeedId(Guid id) => Settings.Taxonomy.Terms.FirstOrDefault(t => StableIds.TaxonomyTerm(t.Id) == id);

    /// <summary>The term's id and those of every term under it, so asking for "needs" finds services of any need.</summary>
    public IReadOnlyList<string> WithDescendants(string termId)
    {
        var terms = Settings.Taxonomy.Terms;
        var found = new List<string> { termId };
        for (var i = 0; i < found.Count; i++) found.AddRange(terms.Where(t => t.ParentId == found[i] && !found.Contains(t.Id)).Select(t => t.Id));
        return found;
    }

    /// <summary>Every term of the scheme's taxonomy.</summary>
    public IReadOnlyList<string> AllTermIds() => Settings.Taxonomy.Terms.Select(t => t.Id).ToList();

    /// <summary>Whether <paramref name="id"/> is the feed UUID of the scheme's taxonomy.</summary>
    public bool IsTaxonomy(Guid id) => StableIds.Taxonomy(Settings.Taxonomy.Id) == id;

    /// <summary>The ids of the services matching, in name order, for one page; with the total.</summary>
    private async Task<(int Total, List<Guid> Ids)> PageOfServicesAsync(DirectoryFilter filter, GeoPoint? near, int? withinMetres, int page, int perPage, CancellationToken ct)
    {
        if (near is not null)
        {
            var miles = withinMetres is { } metres ? (int?)Math.Max(0, (int)Math.Ceiling(metres / 1609.344)) : null;
            var results = await search.SearchAsync(new DirectoryQuery(filter, near, miles, page, perPage), ct);
            return (results.Total, results.Hits.Select(h => h.ServiceId).ToList());
        }

        var matching = await search.MatchingAsync(filter, ct);
        return (matching.Count, matching.Skip((page - 1) * perPage).Take(perPage).Select(e => e.Id).ToList());
    }

    /// <summary><c>GET /services</c>: one-to-one fields and the organisation (<c>service_list.json</c>).</summary>
    public async Task<FeedPage> ServicesAsync(DirectoryFilter filter, int page, int perPage, CancellationToken ct = default)
    {
        var (total, ids) = await PageOfServicesAsync(filter, null, null, page, perPage, ct);
        // The list shows no places, so none are read.
        var services = await LoadAsync(ids, full: false, ct, places: false);
        return new FeedPage(total, page, perPage, services.Select(s => ServiceJson(s.Service, s.Organisation, full: false)).ToList());
    }

    /// <summary><c>GET /services/{id}</c>: the service fully nested (<c>service.json</c>); null when not listed.</summary>
    public async Task<JsonObject?> ServiceAsync(Guid id, CancellationToken ct = default)
    {
        var found = await LoadAsync([id], full: true, ct);
        return found.Count == 0 ? null : ServiceJson(found[0].Service, found[0].Organisation, full: true);
    }

    /// <summary><c>GET /service_at_locations</c>: each place a listed service runs at (<c>service_at_location_list.json</c>).</summary>
    public async Task<FeedPage> ServiceAtLocationsAsync(DirectoryFilter filter, GeoPoint? near, int? withinMetres, int page, int perPage, CancellationToken ct = default)
    {
        // Each place of each matching service, by the service's name, then by the link's id.
        var rows = (await search.MatchingAsync(filter, ct)).SelectMany(e => e.Places.Select(p => (p.LinkId, e.Name, p.Point)))
            .OrderBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.LinkId).ToList();
        List<Guid> ids;
        int total;
        if (near is { } from)
        {
            var measured = rows.Select(r => (r.LinkId, r.Name, Miles: r.Point is { } p ? from.MilesTo(p) : double.MaxValue))
                .Where(r => withinMetres is not { } metres || r.Miles * 1609.344 <= metres)
                .OrderBy(r => r.Miles).ThenBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.LinkId).ToList();
            total = measured.Count;
            ids = measured.Skip((page - 1) * perPage).Take(perPage).Select(r => r.LinkId).ToList();
        }
        else
        {
            total = rows.Count;
            ids = rows.Skip((page - 1) * perPage).Take(perPage).Select(r => r.LinkId).ToList();
        }

        return new FeedPage(total, page, perPage, await ServiceAtLocationJsonAsync(ids, full: false, ct));
    }

    /// <summary><c>GET /service_at_locations/{id}</c>, fully nested (<c>service_at_location.json</c>); null when not listed.</summary>
    public async Task<JsonObject?> ServiceAtLocationAsync(Guid id, CancellationToken ct = default) =>
        (await ServiceAtLocationJsonAsync([id], full: true, ct)).FirstOrDefault();

    private async Task<List<JsonObject>> ServiceAtLocationJsonAsync(IReadOnlyList<Guid> ids, bool full, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var index = await search.IndexAsync(ct);
        var links = ids.Select(id => (Id: id, ServiceId: index.ServiceOfLink(id))).Where(l => l.ServiceId is not null).ToDictionary(l => l.Id, l => l.ServiceId!.Value);
        var services = (await LoadAsync(links.Values.Distinct().ToList(), full, ct)).ToDictionary(s => s.Service.Id);
        var result = new List<JsonObject>();
        foreach (var id in ids)
        {
            if (!links.TryGetValue(id, out var serviceId) || !services.TryGetValue(serviceId, out var found)) continue;
            var sal = found.Service.Locations.First(l => l.Id == id);
            var json = SalJson(found.Service, sal, withService: false);
            json["service"] = ServiceJson(found.Service, found.Organisation, full);
            result.Add(json);
        }

        return result;
    }

    /// <summary><c>GET /taxonomies</c>: the scheme's one taxonomy.</summary>
    public FeedPage Taxonomies(int page, int perPage) => Paged([TaxonomyJson()], page, perPage);

    public JsonObject? Taxonomy(Guid id) => IsTaxonomy(id) ? TaxonomyJson() : null;

    /// <summary><c>GET /taxonomy_terms</c>: every term, in the scheme's order.</summary>
    public FeedPage TaxonomyTerms(int page, int perPage) => Paged(Settings.Taxonomy.Terms.Select(TermJson).ToList(), page, perPage);

    public JsonObject? TaxonomyTerm(Guid id) => TermByFeedId(id) is { } term ? TermJson(term) : null;

    private static FeedPage Paged(IReadOnlyList<JsonObject> all, int page, int perPage) =>
        new(all.Count, page, perPage, all.Skip((page - 1) * perPage).Take(perPage).ToList());

    private async Task<List<(Service Service, Organisation Organisation)>> LoadAsync(IReadOnlyList<Guid> ids, bool full, CancellationToken ct, bool places = true)
    {
        if (ids.Count == 0) return [];
        // Read by id, then kept only if listed: with the listing rule in the query too, SQLite chose the status index and
        // read every service instead of the page's.
        var listed = await search.ListedOrganisationIdsAsync(ct);
        var query = db.Services.AsNoTracking().Where(s => ids.Contains(s.Id));
        query = full
            ? query.AsSplitQuery().Include(s => s.Locations).ThenInclude(l => l.Location).Include(s => s.Schedules).Include(s => s.Prices).Include(s => s.TaxonomyTerms)
            : places ? query.AsSplitQuery().Include(s => s.Locations).ThenInclude(l => l.Location) : query;
        var services = (await query.ToListAsync(ct)).Where(s => DirectoryListing.IsPublishedOf(s, listed)).ToList();
        var organisationIds = services.Select(s => s.OrganisationId).Distinct().ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var byId = services.ToDictionary(s => s.Id);
        return ids.Where(byId.ContainsKey).Select(id => (byId[id], organisations[byId[id].OrganisationId])).ToList();
    }

    private JsonObject ServiceJson(Service s, Organisation o, bool full)
    {
        var json = new JsonObject
        {
            ["id"] = s.Id.ToString(),
            ["organization_id"] = o.Id.ToString(),
            ["name"] = s.Name,
            ["description"] = s.Description,
        };
        Put(json, "url", AbsoluteUrl(s.Url));
        Put(json, "email", s.Email);
        json["status"] = Status(s.Status);
        Put(json, "accreditations", s.Accreditations);
        if (s.MinimumAgeYears is { } min) json["minimum_age"] = min;
        if (s.MaximumAgeYears is { } max) json["maximum_age"] = max;
        json["last_modified"] = DateTime.SpecifyKind(s.UpdatedAt, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        json["organization"] = OrganisationJson(o);
        if (!full) return json;

        json["service_at_locations"] = new JsonArray([.. s.Locations.OrderBy(l => l.Location!.Name, StringComparer.Ordinal).Select(l => SalJson(s, l, withService: false))]);
        json["schedules"] = new JsonArray([.. s.Schedules.OrderBy(x => x.Id).Select(ScheduleJson)]);
        json["service_areas"] = string.IsNullOrWhiteSpace(s.AreaServed)
            ? new JsonArray()
            : new JsonArray(new JsonObject { ["id"] = StableIds.From($"service-area:{s.Id}").ToString(), ["service_id"] = s.Id.ToString(), ["name"] = s.AreaServed, ["extent_type"] = "text" });
        json["cost_options"] = new JsonArray([.. s.Prices.OrderBy(p => p.EffectiveFrom).ThenBy(p => p.SetAt).Select(p => CostJson(s, p))]);
        json["attributes"] = new JsonArray([.. DirectorySearch.TermsOf(s, Settings).Select(t => AttributeJson(s, t))]);
        return json;
    }

    private JsonObject OrganisationJson(Organisation o)
    {
        var json = new JsonObject { ["id"] = o.Id.ToString(), ["name"] = o.Name, ["description"] = o.Description ?? "" };
        Put(json, "email", string.IsNullOrWhiteSpace(o.Email) ? null : o.Email);
        Put(json, "website", AbsoluteUrl(o.Website));
        var identifiers = new JsonArray();
        if (!string.IsNullOrWhiteSpace(o.CompaniesHouseNumber))
            identifiers.Add(Identifier(o, "GB-COH", "Company number", o.CompaniesHouseNumber));
        if (!string.IsNullOrWhiteSpace(o.CharityNumber))
            identifiers.Add(Identifier(o, "GB-CHC", "Charity number", o.CharityNumber));
        json["organization_identifiers"] = identifiers;
        return json;
    }

    private static JsonObject Identifier(Organisation o, string scheme, string type, string value) => new()
    {
        ["id"] = StableIds.From($"organisation-identifier:{o.Id}:{scheme}").ToString(),
        ["organization_id"] = o.Id.ToString(),
        ["identifier_scheme"] = scheme,
        ["identifier_type"] = type,
        ["identifier"] = value,
    };

    private JsonObject SalJson(Service s, ServiceAtLocation sal, bool withService)
    {
        var l = sal.Location!;
        var location = new JsonObject { ["id"] = l.Id.ToString(), ["location_type"] = "physical", ["name"] = l.Name };
        Put(location, "description", l.Description);
        if (l.Latitude is { } lat && l.Longitude is { } lon)
        {
            location["latitude"] = lat;
            location["longitude"] = lon;
        }

        location["addresses"] = new JsonArray(new JsonObject
        {
            ["id"] = StableIds.From($"address:{l.Id}").ToString(),
            ["location_id"] = l.Id.ToString(),
            ["address_1"] = l.AddressLine,
            ["city"] = l.Town,
            ["state_province"] = Area,
            ["postal_code"] = l.Postcode,
            ["country"] = "GB",
            ["address_type"] = "physical",
        });
        var json = new JsonObject { ["id"] = sal.Id.ToString(), ["service_id"] = s.Id.ToString(), ["location_id"] = l.Id.ToString(), ["location"] = location };
        if (withService) json["service"] = new JsonObject { ["id"] = s.Id.ToString(), ["name"] = s.Name, ["status"] = Status(s.Status) };
        return json;
    }

    private static JsonObject ScheduleJson(ServiceSchedule x)
    {
        var json = new JsonObject { ["id"] = x.Id.ToString(), ["service_id"] = x.ServiceId.ToString() };
        Put(json, "service_at_location_id", x.ServiceAtLocationId?.ToString());
        Put(json, "valid_from", x.ValidFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Put(json, "valid_to", x.ValidTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json["freq"] = x.Frequency == ScheduleFrequency.Monthly ? "MONTHLY" : "WEEKLY";
        json["interval"] = x.Interval;
        Put(json, "byday", string.IsNullOrEmpty(x.Days) ? null : x.Days);
        Put(json, "bymonthday", x.DaysOfMonth);
        Put(json, "opens_at", x.OpensAt?.ToString("HH:mm", CultureInfo.InvariantCulture));
        Put(json, "closes_at", x.ClosesAt?.ToString("HH:mm", CultureInfo.InvariantCulture));
        Put(json, "description", x.Description);
        return json;
    }

    private static JsonObject CostJson(Service s, ServicePrice p)
    {
        var json = new JsonObject
        {
            ["id"] = p.Id.ToString(),
            ["service_id"] = s.Id.ToString(),
            ["valid_from"] = p.EffectiveFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        Put(json, "valid_to", ServicePrices.ValidTo(s.Prices, p)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json["option"] = UnitOption(p.Unit);
        json["amount"] = p.Amount;
        Put(json, "amount_description", p.Description);
        return json;
    }

    /// <summary>The words a price's unit is written with in <c>cost_option.option</c> (and read back on import).</summary>
    public static string UnitOption(PriceUnit unit) => unit switch
    {
        PriceUnit.Hour => "Per hour",
        PriceUnit.Night => "Per night",
        _ => "Per session",
    };

    private JsonObject AttributeJson(Service s, string termId)
    {
        var term = Settings.Taxonomy.Terms.First(t => t.Id == termId);
        var feedId = StableIds.TaxonomyTerm(term.Id).ToString();
        return new JsonObject
        {
            ["id"] = StableIds.From($"attribute:{s.Id}:{term.Id}").ToString(),
            ["link_id"] = s.Id.ToString(),
            ["taxonomy_term_id"] = feedId,
            ["link_type"] = "service",
            ["taxonomy_term"] = TermJson(term),
        };
    }

    private JsonObject TaxonomyJson()
    {
        var taxonomy = Settings.Taxonomy;
        return new JsonObject
        {
            ["id"] = StableIds.Taxonomy(taxonomy.Id).ToString(),
            ["name"] = taxonomy.Name,
            ["description"] = taxonomy.Description,
            ["version"] = schemes.InForceOn(search.Today).Version,
        };
    }

    private JsonObject TermJson(TaxonomyTermSetting term)
    {
        var taxonomy = Settings.Taxonomy;
        var json = new JsonObject
        {
            ["id"] = StableIds.TaxonomyTerm(term.Id).ToString(),
            ["name"] = term.Name,
            ["description"] = term.Description ?? term.Name,
        };
        Put(json, "parent_id", term.ParentId is null ? null : StableIds.TaxonomyTerm(term.ParentId).ToString());
        json["taxonomy"] = taxonomy.Name;
        json["taxonomy_id"] = StableIds.Taxonomy(taxonomy.Id).ToString();
        json["term"] = term.Id;
        return json;
    }

    /// <summary>HSDS-UK status words.</summary>
    public static string Status(ServiceStatus status) => status switch
    {
        ServiceStatus.Active => "active",
        ServiceStatus.Inactive => "inactive",
        ServiceStatus.Defunct => "defunct",
        _ => "temporarily closed",
    };

    private static string? AbsoluteUrl(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri.ToString() : null;

    private static void Put(JsonObject json, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value)) json[name] = value;
    }
}
