namespace ShortBreaks.Core.LocalOffer;

/// <summary>A problem with one item of an imported file: the item's place (1 for the first), the field, and what is wrong.</summary>
public sealed record ImportProblem(int Item, string Field, string Message)
{
    public override string ToString() => Item == 0 ? Message : $"Service {Item}, {Field}: {Message}";
}

/// <summary>What an import did, or why it did nothing.</summary>
public sealed record ImportOutcome(IReadOnlyList<ImportProblem> Problems, int ServicesAdded, int ServicesUpdated, int OrganisationsAdded, int OrganisationsUpdated)
{
    public bool Succeeded => Problems.Count == 0;

    public static ImportOutcome Refused(IReadOnlyList<ImportProblem> problems) => new(problems, 0, 0, 0, 0);
}

/// <summary>
/// Imports services from an HSDS-UK feed file (another council's Local Offer, or a directory being replaced): a
/// <c>/services</c> page envelope (<c>contents</c>) or a list of services as <c>/services/{id}</c> gives them. Every
/// item is checked before anything is saved; any problem refuses the whole file, with each problem by item and field.
/// Otherwise everything is saved in one transaction. Organisations, services and locations remember their feed id
/// (<c>ImportedId</c>), so importing the same file again updates them and adds nothing. An imported organisation is
/// listed in the directory (<see cref="DirectoryListing"/>) but is not on the framework: it takes no packages until it
/// applies and is approved. A price is added only when the file has one the service does not have yet (prices are a
/// history, never changed).
/// </summary>
public sealed class DirectoryImport(ShortBreaksDbContext db, SchemeCatalog schemes, ILogger<DirectoryImport> logger)
{
    /// <summary>The most services one file may hold.</summary>
    public const int MaxServices = 10_000;

    /// <summary>The largest file read, in bytes.</summary>
    public const long MaxFileBytes = 20 * 1024 * 1024;


    /// <param name="defaultKind">The kind (<c>ProviderSettings.Kinds</c> id) for services the file classes under none of the scheme's kinds; null to refuse them.</param>
    public async Task<ImportOutcome> ImportAsync(Stream file, string? defaultKind, string importedByName, CancellationToken ct = default)
    {
        var today = UkCalendar.DateOf(db.UtcNow);
        var settings = schemes.InForceOn(today).ProviderRules;
        if (defaultKind is not null && settings.Kinds.All(k => k.Id != defaultKind))
            return ImportOutcome.Refused([new ImportProblem(0, "kind", "Choose a kind of short break from the list")]);

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(file, new JsonDocumentOptions { MaxDepth = 64 }, ct);
        }
        catch (JsonException ex)
        {
            logger.LogInformation("An imported directory file is not JSON: {Message}", ex.Message);
            return ImportOutcome.Refused([new ImportProblem(0, "file", $"The file is not JSON (line {ex.LineNumber + 1}). Upload an HSDS-UK feed file: a page of /services or a list of services.")]);
        }

        using (document)
        {
            var items = Items(document.RootElement);
            if (items is null)
                return ImportOutcome.Refused([new ImportProblem(0, "file", "The file is not an HSDS-UK services feed: it must be a page of services (with \"contents\") or a list of services.")]);
            if (items.Count == 0) return ImportOutcome.Refused([new ImportProblem(0, "file", "The file has no services in it.")]);
            if (items.Count > MaxServices) return ImportOutcome.Refused([new ImportProblem(0, "file", $"The file has {items.Count:N0} services; import at most {MaxServices:N0} at a time.")]);

            var reader = new FeedReader(settings, defaultKind, today);
            var parsed = items.Select((item, i) => reader.Read(item, i + 1)).ToList();
            var problems = reader.Problems;
            CheckAcrossItems(parsed, problems);
            if (problems.Count == 0) await CheckAgainstDirectoryAsync(parsed, problems, ct);
            if (problems.Count > 0) return ImportOutcome.Refused(problems.OrderBy(p => p.Item).ToList());

            return await SaveAsync(parsed.OfType<ImportedService>().ToList(), importedByName, today, ct);
        }
    }

    private static List<JsonElement>? Items(JsonElement root) => root.ValueKind switch
    {
        JsonValueKind.Array => root.EnumerateArray().ToList(),
        JsonValueKind.Object when root.TryGetProperty("contents", out var contents) && contents.ValueKind == JsonValueKind.Array => contents.EnumerateArray().ToList(),
        JsonValueKind.Object when root.TryGetProperty("id", out _) && root.TryGetProperty("name", out _) => [root],
        _ => null,
    };

    private static void CheckAcrossItems(List<ImportedService?> parsed, List<ImportProblem> problems)
    {
        foreach (var twice in parsed.OfType<ImportedService>().GroupBy(s => s.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            foreach (var s in twice.Skip(1)) problems.Add(new ImportProblem(s.Item, "id", $"Service {twice.First().Item} has the same id ({s.Id})"));
        }

        foreach (var byOrganisation in parsed.OfType<ImportedService>().GroupBy(s => s.Organisation.Id, StringComparer.Ordinal))
        {
            var first = byOrganisation.First();
            foreach (var s in byOrganisation.Where(s => s.Organisation.Name != first.Organisation.Name))
                problems.Add(new ImportProblem(s.Item, "organization.name", $"Service {first.Item} names organisation {first.Organisation.Id} ‘{first.Organisation.Name}’, this one ‘{s.Organisation.Name}’"));
        }
    }

    // A file exported from this service's own feed would copy the council's own services: refuse those items.
    private async Task CheckAgainstDirectoryAsync(List<ImportedService?> parsed, List<ImportProblem> problems, CancellationToken ct)
    {
        var guids = parsed.OfType<ImportedService>().Select(s => Guid.TryParse(s.Id, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).ToList();
        var own = new HashSet<Guid>();
        foreach (var chunk in guids.Chunk(500))
            own.UnionWith(await db.Services.Where(s => chunk.Contains(s.Id) && s.ImportedId == null).Select(s => s.Id).ToListAsync(ct));
        foreach (var s in parsed.OfType<ImportedService>().Where(s => Guid.TryParse(s.Id, out var g) && own.Contains(g)))
            problems.Add(new ImportProblem(s.Item, "id", "This is one of the council's own services already in the directory: leave it out of the file"));
    }

    private async Task<ImportOutcome> SaveAsync(List<ImportedService> services, string importedByName, DateOnly today, CancellationToken ct)
    {
        var now = db.UtcNow;
        var organisationIds = services.Select(s => s.Organisation.Id).Distinct().ToList();
        var serviceIds = services.Select(s => s.Id).ToList();
        var organisations = new Dictionary<string, Organisation>(StringComparer.Ordinal);
        foreach (var chunk in organisationIds.Chunk(500))
            foreach (var o in await db.Organisations.Where(o => o.ImportedId != null && chunk.Contains(o.ImportedId)).ToListAsync(ct)) organisations[o.ImportedId!] = o;
        var existing = new Dictionary<string, Service>(StringComparer.Ordinal);
        foreach (var chunk in serviceIds.Chunk(500))
        {
            var found = await db.Services.AsSplitQuery().Include(s => s.Locations).Include(s => s.Schedules).Include(s => s.Prices).Include(s => s.TaxonomyTerms)
                .Where(s => s.ImportedId != null && chunk.Contains(s.ImportedId)).ToListAsync(ct);
            foreach (var s in found) existing[s.ImportedId!] = s;
        }

        var organisationGuids = organisations.Values.Select(o => o.Id).ToList();
        var locations = (await db.Locations.Where(l => l.ImportedId != null && organisationGuids.Contains(l.OrganisationId)).ToListAsync(ct))
            .ToDictionary(l => (l.OrganisationId, l.ImportedId!));

        int servicesAdded = 0, servicesUpdated = 0, organisationsAdded = 0, organisationsUpdated = 0;
        foreach (var feedOrganisation in services.Select(s => s.Organisation).DistinctBy(o => o.Id))
        {
            if (!organisations.TryGetValue(feedOrganisation.Id, out var organisation))
            {
                organisation = new Organisation { ImportedId = feedOrganisation.Id, Status = FrameworkStatus.Registered, RegisteredAt = now };
                db.Organisations.Add(organisation);
                organisations[feedOrganisation.Id] = organisation;
                organisationsAdded++;
            }
            else
            {
                organisationsUpdated++;
            }

            organisation.Name = feedOrganisation.Name;
            organisation.LegalName = feedOrganisation.Name;
            organisation.Description = feedOrganisation.Description;
            organisation.Email = feedOrganisation.Email ?? organisation.Email;
            organisation.Website = feedOrganisation.Website ?? organisation.Website;
            organisation.CompaniesHouseNumber = feedOrganisation.CompaniesHouseNumber ?? organisation.CompaniesHouseNumber;
            organisation.CharityNumber = feedOrganisation.CharityNumber ?? organisation.CharityNumber;
            organisation.Town = organisation.Town.Length == 0 ? services.First(s => s.Organisation.Id == feedOrganisation.Id).Places.Select(p => p.Town).FirstOrDefault() ?? "" : organisation.Town;
        }

        foreach (var feed in services)
        {
            var organisation = organisations[feed.Organisation.Id];
            if (!existing.TryGetValue(feed.Id, out var service))
            {
                service = new Service { ImportedId = feed.Id, OrganisationId = organisation.Id };
                db.Services.Add(service);
                servicesAdded++;
            }
            else
            {
                servicesUpdated++;
            }

            service.OrganisationId = organisation.Id;
            service.Name = feed.Name;
            service.Description = feed.Description;
            service.Kind = feed.Kind;
            service.Status = feed.Status;
            service.Needs = string.Join(',', feed.Needs);
            service.MinimumAgeYears = feed.MinimumAge;
            service.MaximumAgeYears = feed.MaximumAge;
            service.AreaServed = feed.AreaServed;
            service.Email = feed.Email;
            service.Url = feed.Url;
            service.Accreditations = feed.Accreditations;
            service.UpdatedAt = now;

            // Places: each feed location is one of the organisation's locations, found again by its feed id.
            var kept = new HashSet<Guid>();
            foreach (var place in feed.Places)
            {
                if (!locations.TryGetValue((organisation.Id, place.Id), out var location))
                {
                    location = new Location { OrganisationId = organisation.Id, ImportedId = place.Id };
                    db.Locations.Add(location);
                    locations[(organisation.Id, place.Id)] = location;
                }

                location.Name = place.Name;
                location.Description = place.Description;
                location.AddressLine = place.AddressLine;
                location.Town = place.Town;
                location.Postcode = place.Postcode;
                location.PostcodeKey = MatchKeys.Postcode(place.Postcode);
                location.Latitude = place.Latitude;
                location.Longitude = place.Longitude;
                kept.Add(location.Id);
                if (service.Locations.All(l => l.LocationId != location.Id))
                    service.Locations.Add(new ServiceAtLocation { ServiceId = service.Id, LocationId = location.Id });
            }

            service.Locations.RemoveAll(l => !kept.Contains(l.LocationId));
            service.Schedules.Clear();
            service.Schedules.AddRange(feed.Schedules.Select(x => new ServiceSchedule
            {
                ServiceId = service.Id, Frequency = x.Frequency, Interval = x.Interval, Days = x.Days, DaysOfMonth = x.DaysOfMonth,
                OpensAt = x.OpensAt, ClosesAt = x.ClosesAt, ValidFrom = x.ValidFrom, ValidTo = x.ValidTo, Description = x.Description,
            }));
            foreach (var price in feed.Prices.Where(p => !service.Prices.Any(h => h.EffectiveFrom == p.From && h.Unit == p.Unit && h.Amount == p.Amount)))
            {
                service.Prices.Add(new ServicePrice
                {
                    ServiceId = service.Id, EffectiveFrom = price.From, Unit = price.Unit, Amount = price.Amount, Description = price.Description,
                    HoursEach = price.Unit == PriceUnit.Hour ? 1 : null, SetAt = now, SetByName = importedByName,
                });
            }

            service.TaxonomyTerms.RemoveAll(t => !feed.Needs.Contains(t.TermId));
        }

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        });
        logger.LogInformation("Directory import by {Name}: {Added} services added, {Updated} updated", importedByName, servicesAdded, servicesUpdated);
        return new ImportOutcome([], servicesAdded, servicesUpdated, organisationsAdded, organisationsUpdated);
    }
}
