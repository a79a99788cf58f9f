using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using ShortBreaks.Core.Auditing;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.LocalOffer;
using ShortBreaks.Core.Providers;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Core.Tests.Providers;

/// <summary>
/// The Local Offer's in-memory index of listed services: every change to what is listed moves the database's stamp in
/// the same save, and every node (each with its own cache) searches the change at its next request.
/// </summary>
public sealed class DirectoryIndexTests
{
    private static readonly Actor Commissioner = new() { UserId = "commissioner", Name = "Cam Commissioner" };

    // 1 August 2026 at 00:30 UK time (23:30 UTC the day before): a UK day that has begun before the UTC one.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 7, 31, 23, 30, 0, TimeSpan.Zero));

    private static readonly DateOnly UkToday = new(2026, 8, 1);

    private static readonly GeoPoint Ashcombe = new(53.0, -1.0);

    private DirectorySearch Search(ShortBreaksDbContext db, DirectoryIndexCache cache) =>
        new(db, ShippedSchemes.Catalog, PostcodeDistricts.None, cache);

    private async Task<(Guid OrganisationId, Guid ServiceId)> SeedAsync(TestDatabase database)
    {
        await using var db = database.NewContext(Commissioner, _clock);
        var (organisation, sitting) = TestData.AddApprovedOrganisation(db, "Alder Care", UkToday);
        TestData.AddDirectoryService(db, organisation, "Alder autism club", UkToday, needs: "need-autism, need-communication", minimumAge: 5, maximumAge: 11, days: "SA,SU",
            places: new TestPlace("Alder Hall", "DC1 2AB", 53.01, -1.0));
        TestData.AddDirectoryService(db, organisation, "Alder far swim", UkToday, kind: "sport", places: new TestPlace("Far Pool", "DC9 9ZZ", 53.5, -1.0));
        await db.SaveChangesAsync();
        return (organisation.Id, sitting.Id);
    }

    private static async Task<Guid> StampAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        return await db.ChangeStamps.Where(s => s.Area == ChangeStamp.Directory).Select(s => s.Stamp).SingleAsync();
    }

    [SkippableTheory, AllDatabases]
    public async Task A_change_to_a_listed_service_moves_the_stamp_and_a_change_elsewhere_does_not(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        (await StampAsync(database)).ShouldBe(Guid.Empty);
        var (_, serviceId) = await SeedAsync(database);
        var seeded = await StampAsync(database);
        seeded.ShouldNotBe(Guid.Empty);

        await using (var db = database.NewContext(Commissioner, _clock))
        {
            await new TestData(db).CreateChildAsync(firstName: "Amara");
        }

        (await StampAsync(database)).ShouldBe(seeded);

        await using (var db = database.NewContext(Commissioner, _clock))
        {
            var service = await db.Services.SingleAsync(s => s.Id == serviceId);
            service.Description = "Sitting at home, evenings too.";
            await db.SaveChangesAsync();
            (await db.ChangeStamps.AsNoTracking().SingleAsync(s => s.Area == ChangeStamp.Directory)).ChangedAt.ShouldBe(_clock.GetUtcNow().UtcDateTime, TimeSpan.FromSeconds(1));
        }

        var described = await StampAsync(database);
        described.ShouldNotBe(seeded);

        await using (var db = database.NewContext(Commissioner, _clock))
        {
            var insurance = await db.Set<OrganisationInsurance>().FirstAsync();
            insurance.Insurer = "Another insurer";
            await db.SaveChangesAsync();
        }

        (await StampAsync(database)).ShouldNotBe(described);
    }

    [SkippableTheory, AllDatabases]
    public async Task Each_node_searches_a_change_made_on_another_at_its_next_request(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (_, serviceId) = await SeedAsync(database);
        var nodeA = new DirectoryIndexCache();
        var nodeB = new DirectoryIndexCache();

        foreach (var node in new[] { nodeA, nodeB })
        {
            await using var db = database.NewContext(clock: _clock);
            var found = await Search(db, node).SearchAsync(new DirectoryQuery(new DirectoryFilter { Text = "sitting" }, null, null, 1, 20));
            found.Hits.Select(h => h.Name).ShouldBe(["Alder Care sitting service"]);
        }

        // Node A renames the service; node B, which has its index, finds it by the new name at once.
        await using (var db = database.NewContext(Commissioner, _clock))
        {
            var service = await db.Services.SingleAsync(s => s.Id == serviceId);
            service.Name = "Alder Care evening sitters";
            await db.SaveChangesAsync();
        }

        await using (var db = database.NewContext(clock: _clock))
        {
            var search = Search(db, nodeB);
            (await search.SearchAsync(new DirectoryQuery(new DirectoryFilter { Text = "sitting" }, null, null, 1, 20))).Total.ShouldBe(1);
            var renamed = await search.SearchAsync(new DirectoryQuery(new DirectoryFilter { Text = "EVENING" }, null, null, 1, 20));
            renamed.Hits.Single().Name.ShouldBe("Alder Care evening sitters");
        }

        nodeB.Rebuilds.ShouldBe(2);
    }

    [SkippableTheory, AllDatabases]
    public async Task The_index_is_read_once_while_nothing_changes_even_by_many_requests_at_once(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);
        var node = new DirectoryIndexCache();

        var totals = await Task.WhenAll(Enumerable.Range(0, 12).Select(async _ =>
        {
            await using var db = database.NewContext(clock: _clock);
            return (await Search(db, node).SearchAsync(new DirectoryQuery(new DirectoryFilter(), Ashcombe, null, 1, 20))).Total;
        }));

        totals.ShouldAllBe(t => t == 3);
        node.Rebuilds.ShouldBe(1);
    }

    [SkippableTheory, AllDatabases]
    public async Task An_insurance_running_out_overnight_takes_the_services_off_the_next_uk_day_with_no_change_saved(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);
        await using (var db = database.NewContext(Commissioner, _clock))
        {
            foreach (var insurance in await db.Set<OrganisationInsurance>().ToListAsync()) insurance.ExpiresOn = UkToday;
            await db.SaveChangesAsync();
        }

        var node = new DirectoryIndexCache();
        await using (var db = database.NewContext(clock: _clock))
        {
            (await Search(db, node).SearchAsync(new DirectoryQuery(new DirectoryFilter(), null, null, 1, 20))).Total.ShouldBe(3);
        }

        // 23:59 UK time, then just after midnight: the insurance was in date until the end of 1 August.
        _clock.Advance(TimeSpan.FromMinutes(1439 - 30));
        await using (var db = database.NewContext(clock: _clock))
        {
            (await Search(db, node).SearchAsync(new DirectoryQuery(new DirectoryFilter(), null, null, 1, 20))).Total.ShouldBe(3);
        }

        _clock.Advance(TimeSpan.FromMinutes(2));
        await using (var db = database.NewContext(clock: _clock))
        {
            var search = Search(db, node);
            search.Today.ShouldBe(UkToday.AddDays(1));
            (await search.SearchAsync(new DirectoryQuery(new DirectoryFilter(), null, null, 1, 20))).Total.ShouldBe(0);
        }
    }

    [SkippableTheory, AllDatabases]
    public async Task Needs_days_ages_and_distance_filter_the_index_as_the_listing_rule_says(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);
        await using var db = database.NewContext(clock: _clock);
        var search = Search(db, new DirectoryIndexCache());

        async Task<IReadOnlyList<string>> Names(DirectoryFilter filter, GeoPoint? from = null, int? within = null) =>
            (await search.SearchAsync(new DirectoryQuery(filter, from, within, 1, 20))).Hits.Select(h => h.Name).ToList();

        (await Names(new DirectoryFilter { TermIds = ["need-communication"] })).ShouldBe(["Alder autism club"]);
        (await Names(new DirectoryFilter { Day = "SU" })).ShouldBe(["Alder autism club"]);
        (await Names(new DirectoryFilter { ChildAge = 12 })).ShouldBe(["Alder Care sitting service", "Alder far swim"]);
        (await Names(new DirectoryFilter { Kind = "sport" })).ShouldBe(["Alder far swim"]);

        // Nearest first; the sitting service has no place (it comes to the family), so it is kept, last, within any distance.
        (await Names(new DirectoryFilter(), Ashcombe)).ShouldBe(["Alder autism club", "Alder far swim", "Alder Care sitting service"]);
        (await Names(new DirectoryFilter(), Ashcombe, within: 5)).ShouldBe(["Alder autism club", "Alder Care sitting service"]);
        var nearest = (await search.SearchAsync(new DirectoryQuery(new DirectoryFilter(), Ashcombe, 5, 1, 20))).Hits[0];
        nearest.NearestPlace.ShouldBe("Alder Hall, Ashcombe Vale");
        nearest.Miles!.Value.ShouldBe(0.69, 0.01);
    }
}
