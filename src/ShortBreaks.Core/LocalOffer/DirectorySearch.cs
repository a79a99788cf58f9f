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
/// listed; <see cref="DirectoryFilter"/> narrows it). With a postcode, results are sorted by the distance to the
/// service's nearest place: a location's own coordinates, else the centre of its postcode district.
/// </summary>
public sealed class DirectorySearch(ShortBreaksDbContext db, SchemeCatalog schemes, PostcodeDistricts districts)
{
    public DateOnly Today => Retention.RetentionRules.UkDate(db.UtcNow);

    public ProviderSettings Settings => schemes.InForceOn(Today).ProviderRules;

    private List<Guid>? _listedOrganisations;

    /// <summary>The listed services, today (the listed organisations are read once per request).</summary>
    public async Task<IQueryable<Service>> ListedAsync(CancellationToken ct = default) =>
        db.Services.PublishedOf(await ListedOrganisationIdsAsync(ct));

    /// <summary>The ids of the organisations listed today, read once per request.</summary>
    public async Task<IReadOnlyCollection<Guid>> ListedOrganisationIdsAsync(CancellationToken ct = default) =>
        _listedOrganisations ??= await db.ListedOrganisations(schemes, Today).Select(o => o.Id).ToListAsync(ct);

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

    /// <summary>Where a location is: its own coordinates, else the centre of its postcode district.</summary>
    public GeoPoint? PointOf(double? latitude, double? longitude, string postcode) =>
        latitude is { } lat && longitude is { } lon ? new GeoPoint(lat, lon) : districts.CentreOf(postcode);

    public async Task<DirectoryResults> SearchAsync(DirectoryQuery query, CancellationToken ct = default)
    {
        var settings = Settings;
        var matching = query.Filter.Apply(await ListedAsync(ct), db, settings);
        var page = Math.Max(1, query.Page);

        if (query.From is not { } from)
        {
            var total = await matching.CountAsync(ct);
            var ids = await matching.OrderBy(s => s.Name).ThenBy(s => s.Id).Skip((page - 1) * query.PageSize).Take(query.PageSize).Select(s => s.Id).ToListAsync(ct);
            return new DirectoryResults(await HitsAsync(ids, null, ct), total, page, query.PageSize);
        }

        // Each matching service with its places, in one query (a service with none comes once, with no place). Within a
        // distance, only places in a box around the postcode (read on the latitude and longitude index) and places
        // without coordinates (measured from their district's centre) are read: a service whose places are all outside
        // the box is further than the distance, and one with a place inside has its nearest there.
        var rows = from s in matching
                   join sal in db.Set<ServiceAtLocation>() on s.Id equals sal.ServiceId into links
                   from sal in links.DefaultIfEmpty()
                   join l in db.Locations on sal!.LocationId equals l.Id into places
                   from l in places.DefaultIfEmpty()
                   select new { s.Id, s.Name, LocationId = (Guid?)l!.Id, l.Latitude, l.Longitude, l.Postcode };
        if (query.WithinMiles is { } within)
        {
            var box = from.BoxAround(within);
            var near = db.Locations.Where(l => l.Latitude >= box.South && l.Latitude <= box.North);
            if (box is { West: { } west, East: { } east }) near = near.Where(l => l.Longitude >= west && l.Longitude <= east);
            var nearIds = near.Select(l => l.Id);
            rows = rows.Where(r => r.LocationId == null || r.Latitude == null || r.Longitude == null || nearIds.Contains(r.LocationId.Value));
        }

        var found = await rows.ToListAsync(ct);
        var nearest = new Dictionary<Guid, double>();
        var withPlace = new HashSet<Guid>();
        foreach (var row in found.Where(r => r.LocationId is not null))
        {
            withPlace.Add(row.Id);
            if (PointOf(row.Latitude, row.Longitude, row.Postcode) is not { } point) continue;
            var miles = from.MilesTo(point);
            if (!nearest.TryGetValue(row.Id, out var best) || miles < best) nearest[row.Id] = miles;
        }

        var ordered = found.DistinctBy(r => r.Id)
            .Where(n => !withPlace.Contains(n.Id) || (nearest.TryGetValue(n.Id, out var miles) && (query.WithinMiles is not { } within || miles <= within)))
            .OrderBy(n => nearest.TryGetValue(n.Id, out var miles) ? miles : double.MaxValue).ThenBy(n => n.Name, StringComparer.Ordinal).ThenBy(n => n.Id)
            .ToList();
        var pageIds = ordered.Skip((page - 1) * query.PageSize).Take(query.PageSize).Select(n => n.Id).ToList();
        return new DirectoryResults(await HitsAsync(pageIds, from, ct), ordered.Count, page, query.PageSize);
    }

    private async Task<IReadOnlyList<DirectoryHit>> HitsAsync(IReadOnlyList<Guid> ids, GeoPoint? from, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        // The page's services, then their places on the service's index: as one query with the places as a collection,
        // SQLite joined every service's places before picking the page's.
        var rows = await db.Services.AsNoTracking().Where(s => ids.Contains(s.Id))
            .Select(s => new
            {
                s.Id, s.Name, s.Description, s.Kind, s.Status, s.MinimumAgeYears, s.MaximumAgeYears, s.AreaServed,
                Organisation = db.Organisations.Where(o => o.Id == s.OrganisationId).Select(o => o.Name).First(),
            }).ToListAsync(ct);
        var places = (await db.Set<ServiceAtLocation>().AsNoTracking().Where(sal => ids.Contains(sal.ServiceId))
                .Select(sal => new { sal.ServiceId, sal.Location!.Name, sal.Location.Town, sal.Location.Latitude, sal.Location.Longitude, sal.Location.Postcode })
                .ToListAsync(ct))
            .ToLookup(p => p.ServiceId);
        var byId = rows.ToDictionary(r => r.Id);
        return ids.Where(byId.ContainsKey).Select(id =>
        {
            var r = byId[id];
            var measured = places[id].Select(p => (Place: $"{p.Name}, {p.Town}", Miles: from is { } f && PointOf(p.Latitude, p.Longitude, p.Postcode) is { } point ? f.MilesTo(point) : (double?)null))
                .OrderBy(p => p.Miles ?? double.MaxValue).ThenBy(p => p.Place, StringComparer.Ordinal).ToList();
            return new DirectoryHit(r.Id, r.Name, r.Description, r.Organisation, r.Kind, r.Status, r.MinimumAgeYears, r.MaximumAgeYears, r.AreaServed,
                measured.FirstOrDefault().Place, measured.FirstOrDefault().Miles);
        }).ToList();
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
