using System.Linq.Expressions;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Eligibility;
using ShortBreaks.Core.Plans;
using ShortBreaks.Core.Retention;
using ShortBreaks.Core.Schemes;

namespace ShortBreaks.Core.Providers;

/// <summary>
/// The one rule for which children a provider organisation may see, and through which of its packages (pure). An
/// organisation sees a child through a package of its own that is:
/// <list type="bullet">
/// <item>sent and awaiting its answer, until the package's last day (it must know the child to accept or decline);</item>
/// <item>accepted, or ended with notice, until <see cref="ProviderSettings.ReturnsOpenDaysAfterPackageEnds"/> days after
/// the package's last day, so the last month's return can still be made late and corrected.</item>
/// </list>
/// Nothing else: not a draft, a declined package or one replaced by a change (its replacement is sent afresh), and
/// never another organisation's package. Only accepted or ended packages take returns, in the same window.
/// </summary>
public static class ProviderChildAccess
{
    /// <summary>Whether the organisation of a package in <paramref name="state"/> ending on <paramref name="endsOn"/> sees its child on <paramref name="today"/>.</summary>
    public static bool Sees(PackageState state, DateOnly endsOn, DateOnly today, ProviderSettings settings) =>
        state == PackageState.Sent ? today <= endsOn : TakesReturns(state, endsOn, today, settings);

    /// <summary>Whether sessions may be returned (or corrected) on a package on <paramref name="today"/>.</summary>
    public static bool TakesReturns(PackageState state, DateOnly endsOn, DateOnly today, ProviderSettings settings) =>
        state is PackageState.Accepted or PackageState.Ended && today <= OpenUntil(endsOn, settings);

    /// <summary>The last day an agreed package's child is seen and its returns are open.</summary>
    public static DateOnly OpenUntil(DateOnly endsOn, ProviderSettings settings) => endsOn.AddDays(settings.ReturnsOpenDaysAfterPackageEnds);

    /// <summary>The same rule as <see cref="Sees"/>, as a query over packages of <paramref name="organisationId"/>.</summary>
    public static Expression<Func<Package, bool>> Visible(Guid organisationId, DateOnly today, ProviderSettings settings)
    {
        var agreedSince = today.AddDays(-settings.ReturnsOpenDaysAfterPackageEnds);
        return p => p.OrganisationId == organisationId && p.Route == PackageRoute.Provider &&
                    ((p.State == PackageState.Sent && p.EndsOn >= today) ||
                     ((p.State == PackageState.Accepted || p.State == PackageState.Ended) && p.EndsOn >= agreedSince));
    }
}

/// <summary>A child in a provider's list: enough to find them.</summary>
public sealed record ProviderChildRow(Guid ChildId, string FirstName, string LastName, DateOnly DateOfBirth, int Packages)
{
    public string FullName => $"{FirstName} {LastName}";
}

public sealed record ProviderChildList(IReadOnlyList<ProviderChildRow> Rows, int Total, int Page, int PageSize);

/// <summary>
/// Someone to call about the child: the emergency contacts staff keep on the record (<see cref="ChildEmergencyContact"/>,
/// no email), then each family member whose account is linked to it.
/// </summary>
public sealed record ProviderEmergencyContact(string Name, string Relationship, string Email, string? Phone);

/// <summary>
/// What a provider needs to deliver to a child, and nothing more: name, age, needs and communication, how best to
/// support them and whom to call, and the organisation's own packages. Never the request, the RAS, letters, a plan's
/// money or another organisation's packages.
/// </summary>
public sealed record ProviderChildView(
    Guid ChildId,
    string FirstName,
    string LastName,
    DateOnly DateOfBirth,
    int AgeYears,
    IReadOnlyList<CinDisabilityCode> Needs,
    string? NeedsInFamilyWords,
    string? Communication,
    string? HowBestToSupport,
    IReadOnlyList<ProviderEmergencyContact> EmergencyContacts,
    IReadOnlyList<PackageDelivery> Packages,
    string? Arrangements)
{
    public string FullName => $"{FirstName} {LastName}";
}

/// <summary>The children a provider organisation sees (<see cref="ProviderChildAccess"/>), and what it sees of each.</summary>
public sealed class ProviderChildren(ShortBreaksDbContext db, SchemeCatalog schemes, DeliveryReturnService deliveries)
{
    public const int PageSize = 25;

    public DateOnly Today => UkCalendar.DateOf(db.UtcNow);

    public ProviderSettings Settings => schemes.InForceOn(Today).ProviderRules;

    /// <summary>The organisation's packages through which it sees children today.</summary>
    public IQueryable<Package> VisiblePackages(Guid organisationId) =>
        db.Packages.AsNoTracking().Where(ProviderChildAccess.Visible(organisationId, Today, Settings));

    public Task<bool> SeesAsync(Guid organisationId, Guid childId, CancellationToken ct = default) =>
        VisiblePackages(organisationId).AnyAsync(p => p.ChildId == childId, ct);

    /// <summary>The organisation's children, by surname, optionally those whose name contains <paramref name="search"/>.</summary>
    public async Task<ProviderChildList> ListAsync(Guid organisationId, string? search, int page, CancellationToken ct = default)
    {
        var visible = VisiblePackages(organisationId);
        var children = db.Children.AsNoTracking().Where(c => visible.Any(p => p.ChildId == c.Id));
        var key = MatchKeys.LastName(search?.Length > 100 ? search[..100] : search);
        if (key.Length > 0) children = children.Where(c => c.NameKey.Contains(key));

        var total = await children.CountAsync(ct);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pages);
        var rows = await children.OrderBy(c => c.LastNameKey).ThenBy(c => c.NameKey).ThenBy(c => c.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(c => new ProviderChildRow(c.Id, c.FirstName, c.LastName, c.DateOfBirth, visible.Count(p => p.ChildId == c.Id)))
            .ToListAsync(ct);
        return new ProviderChildList(rows, total, page, PageSize);
    }

    /// <summary>
    /// What the organisation may see of the child, or null when it sees no such child (missing, or no package of its
    /// own). The view is audited, with the organisation it was seen for.
    /// </summary>
    public async Task<ProviderChildView?> ViewAsync(Guid organisationId, Guid childId, CancellationToken ct = default)
    {
        if (!await SeesAsync(organisationId, childId, ct)) return null;
        var child = await db.Children.AsNoTracking().FirstOrDefaultAsync(c => c.Id == childId, ct);
        if (child is null) return null;

        // The plan in force says how the child communicates and how best to support them; its money is never read.
        var plan = await db.PlanVersions.AsNoTracking()
            .Where(v => v.ChildId == childId && v.Status == PlanVersionStatus.Approved)
            .OrderByDescending(v => v.PeriodStart).ThenByDescending(v => v.Number)
            .Select(v => new { v.MyCommunication, v.HowBestToSupportMe })
            .FirstOrDefaultAsync(ct);
        var recorded = await db.ChildEmergencyContacts.AsNoTracking().Where(c => c.ChildId == childId).OrderBy(c => c.Position)
            .Select(c => new ProviderEmergencyContact(c.Name, c.Relationship, "", c.Phone)).ToListAsync(ct);
        var linked = await (from m in db.ChildFamilyMembers.AsNoTracking()
                            join u in db.Users.AsNoTracking() on m.UserId equals u.Id
                            where m.ChildId == childId
                            orderby m.AddedAt
                            select new ProviderEmergencyContact(u.DisplayName, m.Relationship, u.Email ?? "", u.PhoneNumber)).ToListAsync(ct);
        var packages = await deliveries.DeliveredAgainstAgreedAsync(childId, organisationId, ct);

        db.RecordView(nameof(Child), childId.ToString(), childId, $"provider: {organisationId}");
        await db.SaveChangesAsync(ct);

        return new ProviderChildView(child.Id, child.FirstName, child.LastName, child.DateOfBirth, EligibilityCheck.AgeOn(child.DateOfBirth, Today),
            CinDisabilityCodes.Parse(child.DisabilityCodes), child.NeedsInFamilyWords, plan?.MyCommunication, plan?.HowBestToSupportMe, [.. recorded, .. linked], packages,
            child.Arrangements);
    }
}
