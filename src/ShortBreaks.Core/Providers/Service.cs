namespace ShortBreaks.Core.Providers;

/// <summary>
/// A service an organisation offers on the framework's menu, published in the Local Offer directory and the HSDS-UK
/// feed once the organisation is approved (HSDS-UK <c>service</c>). Its prices are a history (<see cref="ServicePrice"/>).
/// </summary>
public sealed class Service : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";

    /// <summary>The kind of short break, one of the scheme's <c>ProviderSettings.Kinds</c> ids.</summary>
    public string Kind { get; set; } = "";

    /// <summary>HSDS-UK <c>status</c>: whether it runs now.</summary>
    public ServiceStatus Status { get; set; } = ServiceStatus.Active;

    /// <summary>Needs catered for: comma-separated taxonomy term ids of the scheme (<c>ProviderSettings.Taxonomy</c>).</summary>
    public string Needs { get; set; } = "";

    /// <summary>Youngest age in whole years it takes, if any (HSDS-UK <c>minimum_age</c>).</summary>
    public int? MinimumAgeYears { get; set; }

    /// <summary>Oldest age in whole years it takes, if any (HSDS-UK <c>maximum_age</c>).</summary>
    public int? MaximumAgeYears { get; set; }

    /// <summary>The area it serves, in words, for services that come to the family (HSDS-UK <c>service_area</c>).</summary>
    public string? AreaServed { get; set; }

    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Url { get; set; }

    /// <summary>Any accreditation, in words (HSDS-UK <c>accreditations</c>).</summary>
    public string? Accreditations { get; set; }

    /// <summary>When the service or anything of it last changed (HSDS-UK <c>last_modified</c>).</summary>
    public DateTime UpdatedAt { get; set; }

    /// <summary>The id it had in the HSDS-UK feed it was imported from, if any, so a second import updates it.</summary>
    public string? ImportedId { get; set; }

    public long Version { get; set; }

    public List<ServiceAtLocation> Locations { get; set; } = [];
    public List<ServiceSchedule> Schedules { get; set; } = [];
    public List<ServicePrice> Prices { get; set; } = [];
    public List<ServiceTaxonomyTerm> TaxonomyTerms { get; set; } = [];
}

/// <summary>HSDS-UK service statuses.</summary>
public enum ServiceStatus
{
    Active,
    Inactive,
    Defunct,
    TemporarilyClosed,
}

/// <summary>A place where an organisation runs services (HSDS-UK <c>location</c> with its physical <c>address</c>).</summary>
public sealed class Location
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public string AddressLine { get; set; } = "";
    public string Town { get; set; } = "";
    public string Postcode { get; set; } = "";

    /// <summary>The postcode without spaces, in capitals, for searching (as <c>Child.PostcodeKey</c>).</summary>
    public string PostcodeKey { get; set; } = "";

    /// <summary>WGS84 degrees, for distance searches.</summary>
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }

    /// <summary>The id it had in the HSDS-UK feed it was imported from, if any, so a second import updates it.</summary>
    public string? ImportedId { get; set; }
}

/// <summary>A service offered at a location (HSDS-UK <c>service_at_location</c>; its id is the feed's id).</summary>
public sealed class ServiceAtLocation
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ServiceId { get; set; }
    public Guid LocationId { get; set; }
    public Location? Location { get; set; }
}

/// <summary>
/// When a service runs (HSDS-UK <c>schedule</c>, an RFC 5545 rule): on which days, from and to what time, between
/// which dates. For one location when <see cref="ServiceAtLocationId"/> is set, else the service's own.
/// </summary>
public sealed class ServiceSchedule
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ServiceId { get; set; }
    public Guid? ServiceAtLocationId { get; set; }
    public ScheduleFrequency Frequency { get; set; } = ScheduleFrequency.Weekly;

    /// <summary>Every this many weeks or months (1 for every).</summary>
    public int Interval { get; set; } = 1;

    /// <summary>Days of the week as RFC 5545 codes, comma-separated ("MO,WE,SA").</summary>
    public string Days { get; set; } = "";

    /// <summary>For a monthly rule: days of the month, comma-separated ("1,15").</summary>
    public string? DaysOfMonth { get; set; }

    /// <summary>UK local times.</summary>
    public TimeOnly? OpensAt { get; set; }
    public TimeOnly? ClosesAt { get; set; }

    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public string? Description { get; set; }
}

public enum ScheduleFrequency
{
    Weekly,
    Monthly,
}

/// <summary>
/// A unit cost of a service from a date (HSDS-UK <c>cost_option</c>: <c>valid_from</c> is <see cref="EffectiveFrom"/>,
/// <c>valid_to</c> the day before the next price). A price is never changed or deleted once set: a change is a new row
/// from a later date, so the price in force on any day can be read back (<see cref="ServicePrices.InForce"/>), and a
/// package keeps the price it was agreed at (<see cref="PackageLine.UnitPrice"/>).
/// </summary>
public sealed class ServicePrice
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ServiceId { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public PriceUnit Unit { get; set; }
    public decimal Amount { get; set; }

    /// <summary>What a session or night includes, when the unit needs saying (HSDS-UK <c>amount_description</c>).</summary>
    public string? Description { get; set; }

    /// <summary>For a session: how many hours it counts against a child's hours (an hour counts 1; a night none).</summary>
    public decimal? HoursEach { get; set; }

    public DateTime SetAt { get; set; }
    public string? SetByName { get; set; }
}

/// <summary>What one unit of a price buys.</summary>
public enum PriceUnit
{
    Hour,
    Night,
    Session,
}

/// <summary>A taxonomy term (from the scheme's <c>ProviderSettings.Taxonomy</c>) a service is classed under.</summary>
public sealed class ServiceTaxonomyTerm
{
    public Guid ServiceId { get; set; }
    public string TermId { get; set; } = "";
}
