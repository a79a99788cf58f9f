namespace ShortBreaks.Core.LocalOffer;

internal sealed record ImportedOrganisation(string Id, string Name, string? Description, string? Email, string? Website, string? CompaniesHouseNumber, string? CharityNumber);

internal sealed record ImportedPlace(string Id, string Name, string? Description, string AddressLine, string Town, string Postcode, double? Latitude, double? Longitude);

internal sealed record ImportedSchedule(ScheduleFrequency Frequency, int Interval, string Days, string? DaysOfMonth, TimeOnly? OpensAt, TimeOnly? ClosesAt, DateOnly? ValidFrom, DateOnly? ValidTo, string? Description);

internal sealed record ImportedPrice(DateOnly From, PriceUnit Unit, decimal Amount, string? Description);

internal sealed record ImportedService(
    int Item, string Id, string Name, string Description, ServiceStatus Status, string Kind, IReadOnlyList<string> Needs,
    int? MinimumAge, int? MaximumAge, string? AreaServed, string? Email, string? Url, string? Accreditations,
    ImportedOrganisation Organisation, IReadOnlyList<ImportedPlace> Places, IReadOnlyList<ImportedSchedule> Schedules, IReadOnlyList<ImportedPrice> Prices);

/// <summary>
/// Reads one HSDS-UK service of an imported file into what the directory keeps, noting every problem by item and
/// field (the HSDS-UK field names, so the council can find them in the file). Nothing here touches the database.
/// </summary>
internal sealed class FeedReader(ProviderSettings settings, string? defaultKind, DateOnly today)
{
    private static readonly string[] TimeFormats = ["HH:mm", "H:mm", "HH:mm:ss", "H:mm:ss"];

    public List<ImportProblem> Problems { get; } = [];

    private int _item;

    public ImportedService? Read(JsonElement service, int item)
    {
        _item = item;
        var before = Problems.Count;
        if (service.ValueKind != JsonValueKind.Object)
        {
            Add("", "Each service must be a JSON object");
            return null;
        }

        var id = Text(service, "id", 100, required: true);
        var name = Text(service, "name", 200, required: true);
        var description = Text(service, "description", 10_000) ?? "";
        var statusText = Text(service, "status", 30, required: true);
        var status = ServiceStatus.Active;
        if (statusText is not null && !Statuses.TryGetValue(statusText, out status))
            Add("status", "Must be active, inactive, defunct or temporarily closed");
        var email = Email(service, "email");
        var url = Url(service, "url");
        var accreditations = Text(service, "accreditations", 2_000);
        var minimum = Age(service, "minimum_age");
        var maximum = Age(service, "maximum_age");
        if (minimum is not null && maximum is not null && minimum > maximum) Add("maximum_age", "Must be the same as or more than minimum_age");

        var organisation = Organisation(service);
        var (kind, needs) = Terms(service);
        var areas = Array(service, "service_areas").Select((a, i) => Text(a, "name", 500, field: $"service_areas[{i}].name") ?? Text(a, "description", 500, field: $"service_areas[{i}].description"))
            .OfType<string>().ToList();
        var areaServed = areas.Count == 0 ? null : string.Join("; ", areas);
        if (areaServed is { Length: > 500 }) Add("service_areas", "The areas served come to more than 500 characters");
        var places = Array(service, "service_at_locations").Select((sal, i) => Place(sal, i)).OfType<ImportedPlace>().ToList();
        foreach (var twice in places.GroupBy(p => p.Id).Where(g => g.Count() > 1)) Add("service_at_locations", $"Location {twice.Key} is given more than once");
        var schedules = Array(service, "schedules").Select((s, i) => Schedule(s, i)).OfType<ImportedSchedule>().ToList();
        var prices = Array(service, "cost_options").Select((c, i) => Price(c, i)).OfType<ImportedPrice>().ToList();

        if (Problems.Count > before || id is null || name is null || organisation is null || kind is null) return null;
        return new ImportedService(item, id, name, description, status, kind, needs, minimum, maximum, areaServed, email, url, accreditations, organisation, places, schedules, prices);
    }

    private static readonly Dictionary<string, ServiceStatus> Statuses = new(StringComparer.OrdinalIgnoreCase)
    {
        ["active"] = ServiceStatus.Active,
        ["inactive"] = ServiceStatus.Inactive,
        ["defunct"] = ServiceStatus.Defunct,
        ["temporarily closed"] = ServiceStatus.TemporarilyClosed,
    };

    private ImportedOrganisation? Organisation(JsonElement service)
    {
        if (!service.TryGetProperty("organization", out var o) || o.ValueKind != JsonValueKind.Object)
        {
            Add("organization", "Give the organisation that provides the service (an object with id and name)");
            return null;
        }

        var id = Text(o, "id", 100, required: true, field: "organization.id");
        var name = Text(o, "name", 200, required: true, field: "organization.name");
        var description = Text(o, "description", 10_000, field: "organization.description");
        var email = Email(o, "email", "organization.email");
        var website = Url(o, "website", "organization.website");
        string? companies = null, charity = null;
        foreach (var (identifier, i) in Array(o, "organization_identifiers").Select((x, i) => (x, i)))
        {
            var scheme = Text(identifier, "identifier_scheme", 40, field: $"organization.organization_identifiers[{i}].identifier_scheme");
            var value = Text(identifier, "identifier", 20, field: $"organization.organization_identifiers[{i}].identifier");
            if (string.Equals(scheme, "GB-COH", StringComparison.OrdinalIgnoreCase)) companies = value;
            if (string.Equals(scheme, "GB-CHC", StringComparison.OrdinalIgnoreCase)) charity = value;
        }

        return id is null || name is null ? null : new ImportedOrganisation(id, name, description, email, website, companies, charity);
    }

    // The scheme's terms the service's attributes name (by the term word, the feed's UUID for it, or its name).
    private (string? Kind, List<string> Needs) Terms(JsonElement service)
    {
        var matched = new List<TaxonomyTermSetting>();
        foreach (var attribute in Array(service, "attributes").Where(a => a.ValueKind == JsonValueKind.Object))
        {
            var candidates = new List<string?>();
            if (attribute.TryGetProperty("taxonomy_term", out var term) && term.ValueKind == JsonValueKind.Object)
                candidates.AddRange([String(term, "term"), String(term, "id"), String(term, "name")]);
            candidates.Add(String(attribute, "taxonomy_term_id"));
            var found = settings.Taxonomy.Terms.FirstOrDefault(t => candidates.Any(c => c is not null &&
                (c == t.Id || (Guid.TryParse(c, out var g) && g == StableIds.TaxonomyTerm(t.Id)) || string.Equals(c, t.Name, StringComparison.OrdinalIgnoreCase))));
            if (found is not null) matched.Add(found);
        }

        var kindTerms = settings.Kinds.ToDictionary(k => k.TermId, k => k.Id);
        var kind = matched.Select(t => kindTerms.GetValueOrDefault(t.Id)).FirstOrDefault(k => k is not null) ?? defaultKind;
        if (kind is null)
            Add("attributes", $"The service is classed under none of the kinds of short break ({string.Join(", ", settings.Kinds.Select(k => k.TermId))}): add one, or choose a kind for such services");
        var roots = settings.Taxonomy.Terms.Where(t => t.ParentId is null).Select(t => t.Id).ToHashSet();
        var needs = matched.Where(t => !kindTerms.ContainsKey(t.Id) && !roots.Contains(t.Id)).Select(t => t.Id).Distinct().ToList();
        return (kind, needs);
    }

    private ImportedPlace? Place(JsonElement sal, int i)
    {
        var at = $"service_at_locations[{i}]";
        if (sal.ValueKind != JsonValueKind.Object || !sal.TryGetProperty("location", out var location) || location.ValueKind != JsonValueKind.Object)
        {
            Add($"{at}.location", "Give the location (an object with id and an address)");
            return null;
        }

        var id = Text(location, "id", 100, required: true, field: $"{at}.location.id");
        var name = Text(location, "name", 200, field: $"{at}.location.name");
        var description = Text(location, "description", 2_000, field: $"{at}.location.description");
        double? latitude = Number(location, "latitude", $"{at}.location.latitude"), longitude = Number(location, "longitude", $"{at}.location.longitude");
        if (latitude is not null != longitude is not null) Add($"{at}.location", "Give both latitude and longitude, or neither");
        if (latitude is { } lat && longitude is { } lon && !GeoPoint.IsValid(lat, lon)) Add($"{at}.location.latitude", "Latitude must be between -90 and 90, and longitude between -180 and 180");
        var address = Array(location, "addresses").FirstOrDefault();
        string? line = null, town = null, postcode = null;
        if (address.ValueKind == JsonValueKind.Object)
        {
            line = Text(address, "address_1", 300, field: $"{at}.location.addresses[0].address_1");
            town = Text(address, "city", 100, field: $"{at}.location.addresses[0].city");
            postcode = Text(address, "postal_code", 10, field: $"{at}.location.addresses[0].postal_code");
            if (postcode is not null && !Postcodes.IsValid(postcode)) Add($"{at}.location.addresses[0].postal_code", $"‘{postcode}’ is not a UK postcode");
        }

        if (name is null && line is null) Add($"{at}.location", "Give the location a name or an address");
        return id is null ? null : new ImportedPlace(id, name ?? line ?? "", description, line ?? "", town ?? "", postcode is null || !Postcodes.IsValid(postcode) ? "" : Postcodes.Format(postcode), latitude, longitude);
    }

    private ImportedSchedule? Schedule(JsonElement s, int i)
    {
        var at = $"schedules[{i}]";
        var before = Problems.Count;
        var freqText = Text(s, "freq", 10, field: $"{at}.freq");
        var frequency = ScheduleFrequency.Weekly;
        if (freqText is not null && !Enum.TryParse(freqText, ignoreCase: true, out frequency)) Add($"{at}.freq", "Must be WEEKLY or MONTHLY");
        var interval = 1;
        if (Number(s, "interval", $"{at}.interval") is { } n)
        {
            if (n != Math.Floor(n) || n < 1 || n > 52) Add($"{at}.interval", "Must be a whole number from 1 to 52");
            else interval = (int)n;
        }

        var days = Text(s, "byday", 30, field: $"{at}.byday");
        var codes = (days ?? "").ToUpperInvariant().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (codes.Any(c => !DirectoryFilter.DayCodes.Contains(c))) Add($"{at}.byday", "Must be days of the week as MO, TU, WE, TH, FR, SA, SU, separated by commas");
        var monthDays = Text(s, "bymonthday", 100, field: $"{at}.bymonthday");
        if (monthDays is not null && monthDays.Split(',', StringSplitOptions.TrimEntries).Any(d => !int.TryParse(d, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) || v is < 1 or > 31))
            Add($"{at}.bymonthday", "Must be days of the month from 1 to 31, separated by commas");
        var opens = Time(s, "opens_at", $"{at}.opens_at");
        var closes = Time(s, "closes_at", $"{at}.closes_at");
        var from = Date(s, "valid_from", $"{at}.valid_from");
        var to = Date(s, "valid_to", $"{at}.valid_to");
        if (from is not null && to is not null && to < from) Add($"{at}.valid_to", "Must be the same as or after valid_from");
        var description = Text(s, "description", 500, field: $"{at}.description");
        return Problems.Count > before ? null : new ImportedSchedule(frequency, interval, string.Join(',', codes.Distinct()), monthDays, opens, closes, from, to, description);
    }

    private ImportedPrice? Price(JsonElement c, int i)
    {
        var at = $"cost_options[{i}]";
        var before = Problems.Count;
        var amount = Number(c, "amount", $"{at}.amount");
        if (amount is < 0 or > 100_000) Add($"{at}.amount", "Must be from 0 to 100,000 pounds");
        var option = Text(c, "option", 200, field: $"{at}.option");
        var description = Text(c, "amount_description", 500, field: $"{at}.amount_description");
        var from = Date(c, "valid_from", $"{at}.valid_from") ?? today;
        if (Problems.Count > before || amount is null) return null;
        var words = $"{option} {description}".ToLowerInvariant();
        var unit = words.Contains("night", StringComparison.Ordinal) ? PriceUnit.Night : words.Contains("hour", StringComparison.Ordinal) ? PriceUnit.Hour : PriceUnit.Session;
        return new ImportedPrice(from, unit, Math.Round((decimal)amount.Value, 2, MidpointRounding.AwayFromZero), description ?? option);
    }

    private void Add(string field, string message) => Problems.Add(new ImportProblem(_item, field, message));

    private static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : [];

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A text field, trimmed; null when absent, null or blank. Anything but a string is a problem.</summary>
    private string? Text(JsonElement element, string name, int maxLength, bool required = false, string? field = null)
    {
        field ??= name;
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required) Add(field, "Is missing");
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Add(field, "Must be text");
            return null;
        }

        var text = Sanitise(value.GetString()!);
        if (text.Length == 0)
        {
            if (required) Add(field, "Is empty");
            return null;
        }

        if (text.Length > maxLength)
        {
            Add(field, $"Must be {maxLength:N0} characters or fewer");
            return null;
        }

        return text;
    }

    // Control characters other than line breaks and tabs are dropped; the rest is kept as written.
    private static string Sanitise(string text) =>
        new string(text.Where(ch => !char.IsControl(ch) || ch is '\n' or '\r' or '\t').ToArray()).Trim();

    private double? Number(JsonElement element, string name, string field)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number)) return number;
        Add(field, "Must be a number");
        return null;
    }

    private int? Age(JsonElement element, string name)
    {
        var number = Number(element, name, name);
        if (number is null) return null;
        if (number < 0 || number > 25) Add(name, "Must be an age from 0 to 25");
        return (int)Math.Clamp(Math.Round(number.Value), 0, 25);
    }

    private string? Email(JsonElement element, string name, string? field = null)
    {
        var text = Text(element, name, 254, field: field);
        if (text is not null && !System.Net.Mail.MailAddress.TryCreate(text, out _))
        {
            Add(field ?? name, $"‘{text}’ is not an email address");
            return null;
        }

        return text;
    }

    private string? Url(JsonElement element, string name, string? field = null)
    {
        var text = Text(element, name, 500, field: field);
        if (text is not null && !(Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
        {
            Add(field ?? name, $"‘{text}’ is not a web address starting http:// or https://");
            return null;
        }

        return text;
    }

    private TimeOnly? Time(JsonElement element, string name, string field)
    {
        var text = Text(element, name, 20, field: field);
        if (text is null) return null;
        var local = text.TrimEnd('Z', 'z');
        if (TimeOnly.TryParseExact(local, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)) return time;
        Add(field, $"‘{text}’ is not a time like 09:30");
        return null;
    }

    private DateOnly? Date(JsonElement element, string name, string field)
    {
        var text = Text(element, name, 40, field: field);
        if (text is null) return null;
        if (DateOnly.TryParseExact(text.Length > 10 ? text[..10] : text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        Add(field, $"‘{text}’ is not a date like 2026-04-01");
        return null;
    }
}
