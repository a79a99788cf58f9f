namespace ShortBreaks.Core.LocalOffer;

/// <summary>A place a listed service runs at, as the search measures it.</summary>
/// <param name="LinkId">The service-at-location id (the feed's <c>service_at_location</c> id).</param>
/// <param name="Point">Its own coordinates, else the centre of its postcode district; null when neither is known.</param>
public sealed record DirectoryPlace(Guid LinkId, Guid LocationId, string Name, string Town, GeoPoint? Point);

/// <summary>When a listed service runs, as the filters read it.</summary>
public sealed record DirectorySchedule(string Days, TimeOnly? OpensAt, TimeOnly? ClosesAt);

/// <summary>A listed service with what the search filters on, orders by and shows in a list.</summary>
public sealed record DirectoryEntry(
    Guid Id, string Name, string Description, Guid OrganisationId, string OrganisationName, string Kind, ServiceStatus Status,
    int? MinimumAgeYears, int? MaximumAgeYears, string? AreaServed, DateTime UpdatedAt,
    IReadOnlyList<string> Needs, IReadOnlyList<string> TermRows, IReadOnlyList<DirectorySchedule> Schedules, IReadOnlyList<DirectoryPlace> Places)
{
    /// <summary>Name, description and organisation name in lower case, for word searches.</summary>
    internal string NameLower { get; } = Name.ToLowerInvariant();

    internal string DescriptionLower { get; } = Description.ToLowerInvariant();

    internal string OrganisationLower { get; } = OrganisationName.ToLowerInvariant();
}

/// <summary>
/// Every service listed on one UK day (by <see cref="DirectoryListing"/>), in name order, held in memory: the directory
/// is a few thousand rows that change when a provider or commissioning changes something, and are searched on every
/// request, so the search filters, measures and pages this and reads from the database only the page it shows.
/// </summary>
public sealed class DirectoryIndex
{
    private readonly Dictionary<Guid, DirectoryEntry> _byId;
    private readonly Dictionary<Guid, Guid> _serviceOfLink;

    public DirectoryIndex(DateOnly day, IReadOnlyCollection<Guid> listedOrganisationIds, IEnumerable<DirectoryEntry> entries)
    {
        Day = day;
        ListedOrganisationIds = listedOrganisationIds;
        Entries = entries.OrderBy(e => e.Name, StringComparer.Ordinal).ThenBy(e => e.Id).ToList();
        _byId = Entries.ToDictionary(e => e.Id);
        _serviceOfLink = Entries.SelectMany(e => e.Places.Select(p => (p.LinkId, e.Id))).ToDictionary(p => p.LinkId, p => p.Id);
    }

    /// <summary>The UK day the listing rule was judged on.</summary>
    public DateOnly Day { get; }

    public IReadOnlyCollection<Guid> ListedOrganisationIds { get; }

    /// <summary>The listed services, by name (ordinal) then id.</summary>
    public IReadOnlyList<DirectoryEntry> Entries { get; }

    public DirectoryEntry? Find(Guid serviceId) => _byId.GetValueOrDefault(serviceId);

    /// <summary>The listed service a service-at-location belongs to; null when it is not listed.</summary>
    public Guid? ServiceOfLink(Guid linkId) => _serviceOfLink.TryGetValue(linkId, out var id) ? id : null;

    /// <summary>Reads the services listed on <paramref name="day"/> by the scheme in force then.</summary>
    public static async Task<DirectoryIndex> ReadAsync(ShortBreaksDbContext db, ProviderSettings settings, PostcodeDistricts districts, DateOnly day, CancellationToken ct)
    {
        var organisations = await db.Organisations.AsNoTracking().Listed(settings, day).Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        var listed = organisations.Select(o => o.Id).ToList();
        var names = organisations.ToDictionary(o => o.Id, o => o.Name);
        var services = await db.Services.AsNoTracking().PublishedOf(listed)
            .Select(s => new { s.Id, s.Name, s.Description, s.OrganisationId, s.Kind, s.Status, s.MinimumAgeYears, s.MaximumAgeYears, s.AreaServed, s.UpdatedAt, s.Needs })
            .ToListAsync(ct);

        // The rest by service, each in one query over its own table: joined to the services, the listing rule is applied
        // again for nothing; rows of services not listed are few and dropped here.
        var schedules = (await db.Set<ServiceSchedule>().AsNoTracking().Select(x => new { x.ServiceId, x.Days, x.OpensAt, x.ClosesAt }).ToListAsync(ct))
            .ToLookup(x => x.ServiceId, x => new DirectorySchedule(x.Days, x.OpensAt, x.ClosesAt));
        var terms = (await db.Set<ServiceTaxonomyTerm>().AsNoTracking().Select(t => new { t.ServiceId, t.TermId }).ToListAsync(ct))
            .ToLookup(t => t.ServiceId, t => t.TermId);
        var places = (await db.Set<ServiceAtLocation>().AsNoTracking()
                .Select(sal => new { sal.Id, sal.ServiceId, sal.LocationId, sal.Location!.Name, sal.Location.Town, sal.Location.Latitude, sal.Location.Longitude, sal.Location.Postcode })
                .ToListAsync(ct))
            .ToLookup(p => p.ServiceId, p => new DirectoryPlace(p.Id, p.LocationId, p.Name, p.Town, PointOf(districts, p.Latitude, p.Longitude, p.Postcode)));

        var entries = services.Select(s => new DirectoryEntry(
            s.Id, s.Name, s.Description, s.OrganisationId, names[s.OrganisationId], s.Kind, s.Status, s.MinimumAgeYears, s.MaximumAgeYears, s.AreaServed, s.UpdatedAt,
            NeedsOf(s.Needs), terms[s.Id].ToList(), schedules[s.Id].ToList(), places[s.Id].ToList()));
        return new DirectoryIndex(day, listed, entries);
    }

    /// <summary>Where a place is: its own coordinates, else the centre of its postcode district.</summary>
    public static GeoPoint? PointOf(PostcodeDistricts districts, double? latitude, double? longitude, string postcode) =>
        latitude is { } lat && longitude is { } lon ? new GeoPoint(lat, lon) : districts.CentreOf(postcode);

    /// <summary>The term ids in a service's comma-separated needs (spaces ignored).</summary>
    public static IReadOnlyList<string> NeedsOf(string needs) =>
        needs.Replace(" ", "", StringComparison.Ordinal).Split(',', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>
/// Each node's <see cref="DirectoryIndex"/>, rebuilt when the database's <see cref="ChangeStamp.Directory"/> change stamp moves, the UK day
/// changes (an insurance or registration may have run out) or another scheme version comes into force. One reader at
/// a time rebuilds it; the others wait for that one and use it.
/// </summary>
public sealed class DirectoryIndexCache
{
    private readonly SemaphoreSlim _rebuilding = new(1, 1);
    private Held? _held;

    private sealed record Held(string Database, Guid Stamp, DateOnly Day, string SchemeVersion, DirectoryIndex Index);

    /// <summary>How many times an index has been read from the database (for tests and diagnostics).</summary>
    public int Rebuilds { get; private set; }

    public async Task<DirectoryIndex> GetAsync(ShortBreaksDbContext db, Scheme scheme, PostcodeDistricts districts, DateOnly day, CancellationToken ct)
    {
        var database = db.Database.GetConnectionString() ?? "";
        var stamp = await db.ChangeStamps.AsNoTracking().Where(s => s.Area == ChangeStamp.Directory).Select(s => (Guid?)s.Stamp).FirstOrDefaultAsync(ct);
        if (stamp is null)
        {
            // No mark (a database restored from before it existed): nothing says when the directory changed, so read it.
            return await DirectoryIndex.ReadAsync(db, scheme.ProviderRules, districts, day, ct);
        }

        if (Current(database, stamp.Value, day, scheme.Version) is { } index) return index;
        await _rebuilding.WaitAsync(ct);
        try
        {
            if (Current(database, stamp.Value, day, scheme.Version) is { } built) return built;
            var read = await DirectoryIndex.ReadAsync(db, scheme.ProviderRules, districts, day, ct);
            _held = new Held(database, stamp.Value, day, scheme.Version, read);
            Rebuilds++;
            return read;
        }
        finally
        {
            _rebuilding.Release();
        }
    }

    private DirectoryIndex? Current(string database, Guid stamp, DateOnly day, string schemeVersion) =>
        _held is { } held && held.Stamp == stamp && held.Day == day && held.SchemeVersion == schemeVersion && held.Database == database ? held.Index : null;
}
