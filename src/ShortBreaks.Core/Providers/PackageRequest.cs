namespace ShortBreaks.Core.Providers;

/// <summary>
/// What an officer or a family asks for when they build a package: a direct payment of so many hours, or lines from
/// one organisation's services on the menu, between two days. Field names of its problems are the names of its
/// properties (a second line's are "Lines[1].Quantity" and so on; the first line's are plain), so a page and the API
/// show each problem by its field.
/// </summary>
public sealed record PackageRequest
{
    public PackageRoute? Route { get; init; }

    public IReadOnlyList<PackageLineRequest> Lines { get; init; } = [];

    /// <summary>For a direct payment: the hours taken that way, in whole or half hours.</summary>
    public decimal? DirectPaymentHours { get; init; }

    /// <summary>The first day (UK); today or later.</summary>
    public DateOnly? StartsOn { get; init; }

    /// <summary>The last day (UK); the end of the allowance year (or of the plan) when left out.</summary>
    public DateOnly? EndsOn { get; init; }
}

/// <summary>One service on the menu: so many units (hours, nights or sessions) so often.</summary>
public sealed record PackageLineRequest(Guid? ServiceId, decimal? Quantity, LineFrequency? Frequency, string? Notes = null);

/// <summary>A service on the menu as a person choosing from it sees it: what, from whom, at what price on the day.</summary>
/// <param name="Refusal">Why the organisation cannot take a new package now, or null when it can.</param>
public sealed record MenuItem(
    Guid ServiceId, string ServiceName, string Kind, Guid OrganisationId, string OrganisationName, PriceUnit Unit, decimal Price,
    decimal HoursEach, string? Refusal);

/// <summary>
/// A child's packages for an allowance year, with the Flexible Short Breaks allowance (null when the child is not on
/// Flexible Short Breaks), what the packages use of it and what is left.
/// </summary>
public sealed record PackageYear(
    Children.Child Child, DateOnly YearStart, FsbAllowance? Allowance, AllowanceUse Used, IReadOnlyList<Package> Packages,
    IReadOnlyList<PackageStateChange> Changes, IReadOnlyDictionary<Guid, string> OrganisationNames)
{
    public DateOnly YearEnd => AllowanceYears.EndOf(YearStart);

    public decimal HoursLeft => Allowance is null ? 0 : PackageAllowances.HoursLeft(Allowance, Used);

    public decimal ProviderMoneyLeft => Allowance is null ? 0 : PackageAllowances.ProviderMoneyLeft(Allowance, Used);

    /// <summary>Packages a provider declined, not yet brokered again: the officer's next job.</summary>
    public IEnumerable<Package> Declined => Packages.Where(p => p.State == PackageState.Declined && p.ReplacedByPackageId is null);

    public string OrganisationName(Package package) =>
        package.OrganisationId is { } id && OrganisationNames.TryGetValue(id, out var name) ? name
        : package.Route == PackageRoute.DirectPayment ? "Direct payment" : "Provider not chosen yet";
}

/// <summary>A service agreement as its provider sees it: the package, the child's name and age, and its moves.</summary>
public sealed record ServiceAgreement(Package Package, string ChildName, DateOnly ChildDateOfBirth, IReadOnlyList<PackageStateChange> Changes);
