using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ShortBreaks.Core.Auditing;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Providers;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Core.Tests.Providers;

public sealed class ProviderModelTests
{
    private static readonly Actor Officer = new() { UserId = "officer-1", Name = "Sam Officer" };

    [SkippableTheory, AllDatabases]
    public async Task AnOrganisationWithServicesAndAPackage_IsSavedAndReadBack_WithThePriceAgreedKeptWhenThePriceChanges(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Guid childId, packageId, serviceId;
        await using (var db = database.NewContext(Officer))
        {
            var child = await new TestData(db).CreateChildAsync(tier: Tier.FlexibleShortBreaks);
            childId = child.Id;
            var package = TestData.AddPackageRows(db, child.Id, "model", db.Today);
            packageId = package.Id;
            serviceId = package.Lines[0].ServiceId;
            await db.SaveChangesAsync();
        }

        await using (var db = database.NewContext(Officer))
        {
            var service = await db.Services.Include(s => s.Prices).SingleAsync(s => s.Id == serviceId);
            service.Prices.Add(new ServicePrice { ServiceId = service.Id, EffectiveFrom = db.Today, Unit = PriceUnit.Hour, Amount = 21m, SetAt = db.UtcNow });
            await db.SaveChangesAsync();
        }

        await using var check = database.NewContext();
        var stored = await check.Packages.Include(p => p.Lines).SingleAsync(p => p.Id == packageId);
        stored.State.ShouldBe(PackageState.Accepted);
        stored.Lines.ShouldHaveSingleItem().UnitPrice.ShouldBe(16m);
        var prices = await check.Services.Where(s => s.Id == serviceId).SelectMany(s => s.Prices).ToListAsync();
        ServicePrices.InForce(prices, check.Today)!.Amount.ShouldBe(21m);
        var organisation = await check.Organisations.Include(o => o.Insurances).SingleAsync(o => o.Id == stored.OrganisationId);
        organisation.Insurances.Count.ShouldBe(2);
        var delivery = await check.DeliveryReturns.Include(r => r.Sessions).SingleAsync(r => r.PackageId == packageId);
        delivery.Sessions.Select(s => s.Cancellation).ShouldBe([null, CancellationReason.ChildUnwell], ignoreOrder: true);
        (await check.PackageStateChanges.CountAsync(c => c.PackageId == packageId)).ShouldBe(2);
        (await check.AuditEntries.CountAsync(a => a.ChildId == childId && a.EntityType == nameof(Package))).ShouldBe(1);
    }

    [SkippableTheory, AllDatabases]
    public async Task TwoPeopleChangingOneOrganisation_TheSecondIsRefused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Guid id;
        await using (var db = database.NewContext(Officer))
        {
            id = TestData.AddApprovedOrganisation(db, "Oakfield Short Breaks Centre", db.Today).Organisation.Id;
            await db.SaveChangesAsync();
        }

        await using var first = database.NewContext(Officer);
        await using var second = database.NewContext(Officer);
        var a = await first.Organisations.SingleAsync(o => o.Id == id);
        var b = await second.Organisations.SingleAsync(o => o.Id == id);
        a.Phone = "01632 960001";
        await first.SaveChangesAsync();
        b.SafeguardingLeadName = "Priya Shah";

        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        await using var check = database.NewContext();
        var stored = await check.Organisations.SingleAsync(o => o.Id == id);
        (stored.Phone, stored.SafeguardingLeadName, stored.Version).ShouldBe(("01632 960001", null, 1L));
    }

    [SkippableTheory, AllDatabases]
    public async Task TheMigration_TurnsEachPlaceholderProviderIntoAnApprovedOrganisation_AndItsUsersIntoAdministrators(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrate: false);
        await using var db = database.NewContext();
        var migrations = db.Database.GetMigrations().ToList();
        var framework = migrations.Single(m => m.EndsWith("_ProviderFramework", StringComparison.Ordinal));
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(migrations[migrations.IndexOf(framework) - 1]);

        var providerId = Guid.NewGuid();
        var joined = new DateTime(2024, 5, 2, 10, 0, 0, DateTimeKind.Utc);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Providers" ("Id", "Name", "Email", "Phone", "Town", "Services", "JoinedAt")
            VALUES ({providerId}, 'Harbour House Overnights', 'hello@harbour.example', '01632 960002', 'Mansfield', 'overnight', {joined})
            """);
        var created = new DateTime(2024, 6, 1, 9, 0, 0, DateTimeKind.Utc);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "AspNetUsers" ("Id", "DisplayName", "ProviderId", "CreatedAt", "EmailConfirmed", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount")
            VALUES ('provider-user', 'Harbour worker', {providerId}, {created}, FALSE, FALSE, FALSE, FALSE, 0)
            """);

        await migrator.MigrateAsync(framework);
        // Read through today's model: the copied rows must also come through every later migration.
        await migrator.MigrateAsync();

        await using var check = database.NewContext();
        var organisation = await check.Organisations.SingleAsync();
        (organisation.Id, organisation.Name, organisation.LegalName, organisation.Email, organisation.Phone, organisation.Town)
            .ShouldBe((providerId, "Harbour House Overnights", "Harbour House Overnights", "hello@harbour.example", "01632 960002", "Mansfield"));
        (organisation.Status, organisation.RegisteredAt, organisation.ApprovedAt, organisation.Description)
            .ShouldBe((FrameworkStatus.Approved, joined, (DateTime?)joined, "Services: overnight"));
        var user = await check.OrganisationUsers.SingleAsync();
        (user.OrganisationId, user.UserId, user.IsAdministrator, user.AddedAt).ShouldBe((providerId, "provider-user", true, created));
    }
}
