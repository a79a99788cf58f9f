using ShortBreaks.Core.Calendar;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Providers;

namespace ShortBreaks.TestCommon;

public sealed partial class TestData
{
    /// <summary>
    /// A provider package of <paramref name="organisation"/>'s <paramref name="service"/> for a child, with one line of
    /// <paramref name="totalUnits"/> hours, in <paramref name="state"/>, and no returns. Saved by the caller.
    /// </summary>
    public static Package AddProviderPackage(
        ShortBreaksDbContext db, Guid childId, Organisation organisation, Service service, DateOnly startsOn, DateOnly endsOn,
        PackageState state = PackageState.Accepted, decimal totalUnits = 80)
    {
        var price = service.Prices[0];
        var package = new Package
        {
            ChildId = childId, Route = PackageRoute.Provider, OrganisationId = organisation.Id, Tier = Tier.FlexibleShortBreaks,
            YearStart = startsOn, StartsOn = startsOn, EndsOn = endsOn, State = state, SchemeVersion = SchemeVersion, CreatedAt = db.UtcNow, CreatedByName = "Sam Officer",
        };
        package.Lines.Add(new PackageLine
        {
            PackageId = package.Id, ChildId = childId, ServiceId = service.Id, ServiceName = service.Name, Unit = PriceUnit.Hour, Quantity = totalUnits,
            Frequency = LineFrequency.Total, TotalUnits = totalUnits, HoursEach = 1, UnitPrice = price.Amount, ServicePriceId = price.Id, PriceEffectiveFrom = price.EffectiveFrom,
        });
        db.Packages.Add(package);
        return package;
    }

    /// <summary>An account acting for <paramref name="organisationId"/> (saved by the caller).</summary>
    public static void AddOrganisationUser(ShortBreaksDbContext db, Guid organisationId, string userId, bool administrator = false) =>
        db.OrganisationUsers.Add(new OrganisationUser { OrganisationId = organisationId, UserId = userId, IsAdministrator = administrator, AddedAt = db.UtcNow });
}

/// <summary>
/// A provider worker signed in for their organisation, with a child on an agreed package of ten hours from the first of
/// the month before last; the same child also has a package from another organisation, and a second child has a
/// package from the other organisation only.
/// </summary>
public sealed record ProviderWorld(
    PageClient Browser, TestUser User, Guid OrganisationId, string OrganisationName, Child Child, Guid PackageId, Guid LineId, string ServiceName,
    Guid OtherOrganisationId, Guid OtherChildId, Guid OtherPackageId, string OtherServiceName)
{
    /// <summary>Last month: its return can be submitted (its last day has passed) and is not yet due.</summary>
    public DateOnly LastMonth
    {
        get
        {
            var today = UkCalendar.DateOf(DateTime.UtcNow);
            return new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        }
    }
}

public static class ProviderWorlds
{
    public static async Task<ProviderWorld> ProviderWorkerWithPackageAsync(this WebAppFactory factory, string? workerName = null)
    {
        var (browser, user) = await factory.SignedInAsAsync(Roles.Provider, workerName);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var child = await factory.Data.CreateChildAsync(lastName: "Brook" + tag, tier: Tier.FlexibleShortBreaks);
        var other = await factory.Data.CreateChildAsync(lastName: "Carter" + tag, tier: Tier.FlexibleShortBreaks);
        return await factory.Data.WithDbAsync(async db =>
        {
            var today = UkCalendar.DateOf(DateTime.UtcNow);
            var start = new DateOnly(today.Year, today.Month, 1).AddMonths(-2);
            var (mine, myService) = TestData.AddApprovedOrganisation(db, "Oakfield " + tag, start.AddYears(-1));
            var (theirs, theirService) = TestData.AddApprovedOrganisation(db, "Elmtree " + tag, start.AddYears(-1));
            theirService.Name = "Elmtree holiday club " + tag;
            var package = TestData.AddProviderPackage(db, child.Id, mine, myService, start, today.AddMonths(6), totalUnits: 10);
            TestData.AddProviderPackage(db, child.Id, theirs, theirService, start, today.AddMonths(6));
            var otherPackage = TestData.AddProviderPackage(db, other.Id, theirs, theirService, start, today.AddMonths(6));
            TestData.AddOrganisationUser(db, mine.Id, user.Id);
            await db.SaveChangesAsync();
            return new ProviderWorld(browser, user, mine.Id, mine.Name, child, package.Id, package.Lines[0].Id, myService.Name,
                theirs.Id, other.Id, otherPackage.Id, theirService.Name);
        });
    }
}
