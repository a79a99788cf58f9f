namespace ShortBreaks.Core.LocalOffer;

/// <summary>
/// The one rule for what the Local Offer directory and the HSDS-UK feed show, as queries so every page, feed endpoint
/// and count reads the same rows. An organisation is listed when it is approved on the framework and nothing it must
/// hold has run out (each insurance the scheme asks for has a policy in date, no regulator's registration has
/// expired); or when it came from an imported feed and has not been refused, suspended or removed (it is listed, but
/// takes no packages until it applies and is approved: <see cref="OrganisationRules.NewPackageRefusal"/>). A service is
/// listed when its organisation is and it is running or only closed for now (HSDS-UK <c>active</c> or
/// <c>temporarily closed</c>); inactive and defunct services are not published.
/// </summary>
public static class DirectoryListing
{
    /// <summary>The service statuses that are published.</summary>
    public static readonly IReadOnlyList<ServiceStatus> PublishedStatuses = [ServiceStatus.Active, ServiceStatus.TemporarilyClosed];

    /// <summary>The organisations listed on <paramref name="today"/> (a UK day).</summary>
    public static IQueryable<Organisation> Listed(this IQueryable<Organisation> organisations, ProviderSettings settings, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var required = settings.RequiredInsurance
            .Select(r => Enum.TryParse<InsuranceKind>(r.Kind, out var kind) ? kind : (InsuranceKind?)null)
            .OfType<InsuranceKind>().Distinct().ToList();

        // Approved, with each insurance asked for in date (Any for every kind; the list is a handful) and no registration
        // expired. Cover amounts are checked when the organisation is approved; what changes with time is the expiry.
        var approved = organisations.Where(o => o.Status == FrameworkStatus.Approved
                                                && !o.Registrations.Any(r => r.ExpiresOn != null && r.ExpiresOn < today));
        foreach (var kind in required)
        {
            approved = approved.Where(o => o.Insurances.Any(i => i.Kind == kind && i.ExpiresOn >= today));
        }

        var approvedIds = approved.Select(o => o.Id);
        return organisations.Where(o => approvedIds.Contains(o.Id)
                                        || (o.ImportedId != null && (o.Status == FrameworkStatus.Registered || o.Status == FrameworkStatus.Applied
                                                                     || o.Status == FrameworkStatus.MoreInformationAsked)));
    }

    /// <summary>The services listed on <paramref name="today"/>: published, of a listed organisation.</summary>
    public static IQueryable<Service> Listed(this IQueryable<Service> services, IQueryable<Organisation> organisations, ProviderSettings settings, DateOnly today)
    {
        var listed = organisations.Listed(settings, today).Select(o => o.Id);
        return services.Where(s => (s.Status == ServiceStatus.Active || s.Status == ServiceStatus.TemporarilyClosed) && listed.Contains(s.OrganisationId));
    }

    /// <summary>
    /// The published services of the organisations given, which must be the listed ones (read first with
    /// <see cref="Listed(IQueryable{Organisation}, ProviderSettings, DateOnly)"/>): organisations are few, so reading
    /// their ids once keeps every search and feed page to one plain query over services.
    /// </summary>
    public static IQueryable<Service> PublishedOf(this IQueryable<Service> services, IReadOnlyCollection<Guid> listedOrganisationIds) =>
        services.Where(s => (s.Status == ServiceStatus.Active || s.Status == ServiceStatus.TemporarilyClosed) && listedOrganisationIds.Contains(s.OrganisationId));

    /// <summary>The same rule as <see cref="PublishedOf(IQueryable{Service}, IReadOnlyCollection{Guid})"/>, for services already read by id.</summary>
    public static bool IsPublishedOf(Service service, IReadOnlyCollection<Guid> listedOrganisationIds) =>
        service.Status is ServiceStatus.Active or ServiceStatus.TemporarilyClosed && listedOrganisationIds.Contains(service.OrganisationId);

    /// <summary>The services listed today in <paramref name="db"/>, by the scheme in force today.</summary>
    public static IQueryable<Service> ListedServices(this ShortBreaksDbContext db, SchemeCatalog schemes, DateOnly today) =>
        db.Services.Listed(db.Organisations, schemes.InForceOn(today).ProviderRules, today);

    /// <summary>The organisations listed today in <paramref name="db"/>, by the scheme in force today.</summary>
    public static IQueryable<Organisation> ListedOrganisations(this ShortBreaksDbContext db, SchemeCatalog schemes, DateOnly today) =>
        db.Organisations.Listed(schemes.InForceOn(today).ProviderRules, today);

    /// <summary>Whether the organisation is on the framework (approved) rather than only listed from an imported feed.</summary>
    public static bool OnFramework(Organisation organisation) => organisation.Status == FrameworkStatus.Approved;
}
