namespace ShortBreaks.Core.LocalOffer;

/// <summary>A search of the directory: the filter, and a place to measure from.</summary>
/// <param name="From">Where the family is (from their postcode), for distances and order; null to order by name.</param>
/// <param name="WithinMiles">With <paramref name="From"/>: only services with a place this near (services that come to the family are always kept).</param>
public sealed record DirectoryQuery(DirectoryFilter Filter, GeoPoint? From, int? WithinMiles, int Page, int PageSize);

/// <summary>One service in the results.</summary>
/// <param name="Miles">To its nearest place from the searched postcode; null without a postcode or without a place.</param>
public sealed record DirectoryHit(
    Guid ServiceId, string Name, string Description, string OrganisationName, string Kind, ServiceStatus Status,
    int? MinimumAgeYears, int? MaximumAgeYears, string? AreaServed, string? NearestPlace, double? Miles);

public sealed record DirectoryResults(IReadOnlyList<DirectoryHit> Hits, int Total, int Page, int PageSize)
{
    public int TotalPages => Total == 0 ? 0 : (Total + PageSize - 1) / PageSize;
}

/// <summary>A listed service with everything its page shows.</summary>
public sealed record DirectoryService(Service Service, Organisation Organisation, IReadOnlyList<Location> Places, ServicePrice? Price, DateOnly Today);

/// <summary>
/// Finds listed services for the Local Offer pages and the feed (<see cref="DirectoryListing"/> decides what is
/// listed; <see cref="DirectoryFilter"/> narrows it), from this node's <see cref="DirectoryIndex"/> of the listed
/// services, which is read again whenever the directory changes (<see cref="ChangeStamp.Directory"/>). With a postcode,
/// results are sorted by the distance to the service's nearest place: a location's own coordinates, else the centre of
/// its postcode district.
/// </summary>
public sealed class DirectorySearch(ShortBreaksDbContext db, SchemeCatalog schemes, PostcodeDistricts districts, DirectoryIndexCache cache)
{
    public DateOnly Today => UkCalendar.DateOf(db.UtcNow);

    public ProviderSettings Settings => schemes.InForceOn(Today).ProviderRules;

    private DirectoryIndex? _index;

    /// <summary>The services listed today, as this node holds them (checked against the database's stamp once per request).</summary>
    public async Task<DirectoryIndex> IndexAsync(CancellationToken ct = default)
    {
        var today = Today;
        if (_index is { } index && index.Day == today) return index;
        return _index = await cache.GetAsync(db, schemes.InForceOn(today), districts, today, ct);
    }

    /// <summary>The listed services, today, as a query (for reading one service in full).</summary>
    public async Task<IQueryable<Service>> ListedAsync(CancellationToken ct = default) =>
        db.Services.PublishedOf(await ListedOrganisationIdsAsync(ct));

    /// <summary>The ids of the organisations listed today.</summary>
    public async Task<IReadOnlyCollection<Guid>> ListedOrganisationIdsAsync(CancellationToken ct = default) =>
        (await IndexAsync(ct)).ListedOrganisationIds;

    /// <summary>The listed services matching <paramref name="filter"/>, in name order.</summary>
    public async Task<IReadOnlyList<DirectoryEntry>> MatchingAsync(DirectoryFilter filter, CancellationToken ct = default)
    {
        var matches = filter.Matcher(Settings);
        return (await IndexAsync(ct)).Entries.Where(matches).ToList();
    }

    /// <summary>
    /// Where <paramref name="postcode"/> is: the coordinates a listed location at that postcode has, else the centre of
    /// its district from the bundled districts file, else the middle of the listed locations in that district; null
    /// when none of those knows it.
    /// </summary>
    public async Task<GeoPoint?> LocateAsync(string postcode, CancellationToken ct = default)
    {
        var key = MatchKeys.Postcode(postcode);
        var exact = await db.Locations.Where(l => l.PostcodeKey == key && l.Latitude != null && l.Longitude != null)
            .Select(l => new { l.Latitude, l.Longitude }).FirstOrDefaultAsync(ct);
        if (exact is not null) return new GeoPoint(exact.Latitude!.Value, exact.Longitude!.Value);
        if (districts.CentreOf(key) is { } centre) return centre;

        var outcode = PostcodeDistricts.Outcode(key);
        if (outcode is null) return null;
        var inDistrict = await db.Locations.Where(l => l.PostcodeKey.StartsWith(outcode) && l.Latitude != null && l.Longitude != null)
            .Select(l => new { l.PostcodeKey, l.Latitude, l.Longitude }).ToListAsync(ct);
        var same = inDistrict.Where(l => PostcodeDistricts.Outcode(l.PostcodeKey) == outcode).ToList();
        return same.Count == 0 ? null : new GeoPoint(same.Average(l => l.Latitude!.Value), same.Average(l => l.Longitude!.Value));
    }

    public async Task<DirectoryResults> SearchAsync(DirectoryQuery query, CancellationToken ct = default)
    {
        var matching = await MatchingAsync(query.Filter, ct);
        var page = Math.Max(1, query.Page);
        if (query.From is not { } from)
        {
            var onPage = matching.Skip((page - 1) * query.PageSize).Take(query.PageSize).Select(e => Hit(e, null)).ToList();
            return new DirectoryResults(onPage, matching.Count, page, query.PageSize);
        }

        // Each service measured to its nearest place. A service with no place comes last (it comes to the family, so a
        // distance does not leave it out); one whose places cannot be placed, or are all further than the distance, is
        // left out.
        // The matching entries are in name order, so their position breaks ties of distance as the name (then id) would.
        var measured = new List<(double Miles, int Position)>(matching.Count);
        for (var position = 0; position < matching.Count; position++)
        {
            var entry = matching[position];
            if (entry.Places.Count == 0)
            {
                measured.Add((double.MaxValue, position));
                continue;
            }

            var nearest = double.MaxValue;
            var placed = false;
            foreach (var place in entry.Places)
            {
                if (place.Point is not { } point) continue;
                placed = true;
                nearest = Math.Min(nearest, from.MilesTo(point));
            }

            if (placed && (query.WithinMiles is not { } within || nearest <= within)) measured.Add((nearest, position));
        }

        measured.Sort();
        var ordered = measured.Skip((page - 1) * query.PageSize).Take(query.PageSize).Select(m => Hit(matching[m.Position], from)).ToList();
        return new DirectoryResults(ordered, measured.Count, page, query.PageSize);
    }

    private static DirectoryHit Hit(DirectoryEntry e, GeoPoint? from)
    {
        var nearest = e.Places
            .Select(p => (Place: $"{p.Name}, {p.Town}", Miles: from is { } f && p.Point is { } point ? f.MilesTo(point) : (double?)null))
            .OrderBy(p => p.Miles ?? double.MaxValue).ThenBy(p => p.Place, StringComparer.Ordinal).FirstOrDefault();
        return new DirectoryHit(e.Id, e.Name, e.Description, e.OrganisationName, e.Kind, e.Status, e.MinimumAgeYears, e.MaximumAgeYears, e.AreaServed,
            nearest.Place, nearest.Miles);
    }

    /// <summary>A listed service with its organisation, places, schedules, prices and terms; null when it is not listed.</summary>
    public async Task<DirectoryService?> FindAsync(Guid id, CancellationToken ct = default)
    {
        var service = await (await ListedAsync(ct)).AsNoTracking().AsSplitQuery()
            .Include(s => s.Locations).ThenInclude(l => l.Location).Include(s => s.Schedules).Include(s => s.Prices).Include(s => s.TaxonomyTerms)
            .FirstOrDefaultAsync(s => s.Id == id, ct);
        if (service is null) return null;
        var organisation = await db.Organisations.AsNoTracking().FirstAsync(o => o.Id == service.OrganisationId, ct);
        var today = Today;
        return new DirectoryService(service, organisation, service.Locations.Select(l => l.Location!).OrderBy(l => l.Name, StringComparer.Ordinal).ToList(),
            ServicePrices.InForce(service.Prices, today), today);
    }

    /// <summary>The scheme's taxonomy term ids a service is classed under: its kind's term, its needs and its own terms.</summary>
    public static IReadOnlyList<string> TermsOf(Service service, ProviderSettings settings)
    {
        var terms = new List<string>();
        if (settings.Kinds.FirstOrDefault(k => k.Id == service.Kind) is { } kind) terms.Add(kind.TermId);
        terms.AddRange(service.Needs.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        terms.AddRange(service.TaxonomyTerms.Select(t => t.TermId));
        var known = settings.Taxonomy.Terms.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        return terms.Where(known.Contains).Distinct(StringComparer.Ordinal).ToList();
    }
}
