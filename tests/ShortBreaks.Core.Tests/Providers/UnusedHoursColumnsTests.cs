using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using ShortBreaks.Core.Auditing;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Providers;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Core.Tests.Providers;

/// <summary>
/// The whole-number copies of package and line figures the database keeps for the unused-hours report
/// (<see cref="UnusedHoursColumns"/>) equal the figures they copy, on both databases, however a row is written: added,
/// changed through the change tracker, changed by a bulk update, and a line's delivered total moved by a session's save.
/// </summary>
public sealed class UnusedHoursColumnsTests
{
    private static readonly Actor Worker = new() { UserId = "worker-1", Name = "Jo Worker" };

    private static FakeTimeProvider Clock() => new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));

    private sealed record PackageNumbers(int FirstDay, int LastDay, int FirstMonth, int LastMonth);

    private sealed record LineNumbers(long Total, long HoursEach, long Price, long Delivered);

    private static Task<PackageNumbers> PackageAsync(ShortBreaksDbContext db, Guid id) =>
        db.Packages.AsNoTracking().Where(p => p.Id == id).Select(p => new PackageNumbers(
            EF.Property<int>(p, UnusedHoursColumns.FirstDay), EF.Property<int>(p, UnusedHoursColumns.LastDay),
            EF.Property<int>(p, UnusedHoursColumns.FirstMonth), EF.Property<int>(p, UnusedHoursColumns.LastMonth))).SingleAsync();

    private static Task<LineNumbers> LineAsync(ShortBreaksDbContext db, Guid id) =>
        db.PackageLines.AsNoTracking().Where(l => l.Id == id).Select(l => new LineNumbers(
            EF.Property<long>(l, UnusedHoursColumns.TotalHundredths), EF.Property<long>(l, UnusedHoursColumns.HoursEachHundredths),
            EF.Property<long>(l, UnusedHoursColumns.PriceHundredths), EF.Property<long>(l, UnusedHoursColumns.DeliveredHundredths))).SingleAsync();

    private static PackageNumbers Expected(DateOnly startsOn, DateOnly endsOn) => new(
        UnusedHoursColumns.DayNumber(startsOn), UnusedHoursColumns.DayNumber(endsOn), UnusedHoursColumns.MonthNumber(startsOn), UnusedHoursColumns.MonthNumber(endsOn));

    [Fact]
    public void Day_numbers_count_from_the_first_of_January_2000_and_go_back_to_the_same_day()
    {
        UnusedHoursColumns.DayNumber(new DateOnly(2000, 1, 1)).ShouldBe(0);
        UnusedHoursColumns.DayNumber(new DateOnly(2000, 3, 1)).ShouldBe(60); // 2000 was a leap year
        UnusedHoursColumns.DayNumber(new DateOnly(1999, 12, 31)).ShouldBe(-1);
        foreach (var day in new[] { new DateOnly(2024, 2, 29), new DateOnly(2026, 3, 29), new DateOnly(2099, 12, 31), new DateOnly(1990, 6, 15) })
            UnusedHoursColumns.Day(UnusedHoursColumns.DayNumber(day)).ShouldBe(day);
        UnusedHoursColumns.MonthNumber(new DateOnly(2026, 12, 31)).ShouldBe(2026 * 12 + 12);
    }

    [SkippableTheory, AllDatabases]
    public async Task The_database_keeps_each_package_and_line_copy_equal_to_what_it_copies_however_the_row_is_written(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext(Worker, Clock());
        var data = new TestData(db);
        var child = await data.CreateChildAsync(firstName: "Ada", lastName: "Brook", tier: Tier.FlexibleShortBreaks);
        var (oak, oakService) = TestData.AddApprovedOrganisation(db, "Oakfield", new DateOnly(2024, 1, 1), hourlyPrice: 149.99m);

        // Days and months across a leap day, a year's end and a summer-time change.
        var shapes = new[]
        {
            (new DateOnly(2024, 2, 29), new DateOnly(2025, 2, 28)),
            (new DateOnly(2026, 3, 29), new DateOnly(2026, 12, 31)),
            (new DateOnly(2026, 4, 1), new DateOnly(2027, 3, 31)),
        };
        var packages = shapes.Select(s => TestData.AddProviderPackage(db, child.Id, oak, oakService, s.Item1, s.Item2, totalUnits: 12.34m)).ToList();
        var line = packages[2].Lines[0];
        (line.HoursEach, line.UnitPrice) = (2.5m, 149.99m);
        await db.SaveChangesAsync();

        for (var i = 0; i < shapes.Length; i++) (await PackageAsync(db, packages[i].Id)).ShouldBe(Expected(shapes[i].Item1, shapes[i].Item2));
        (await LineAsync(db, line.Id)).ShouldBe(new LineNumbers(1234, 250, 14999, 0));

        // Changed through the change tracker (notice moves the last day), and by a bulk update.
        packages[2].EndsOn = new DateOnly(2026, 10, 31);
        line.TotalUnits = 7.05m;
        await db.SaveChangesAsync();
        (await PackageAsync(db, packages[2].Id)).ShouldBe(Expected(new DateOnly(2026, 4, 1), new DateOnly(2026, 10, 31)));
        (await LineAsync(db, line.Id)).Total.ShouldBe(705);

        await db.Packages.Where(p => p.Id == packages[1].Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.StartsOn, new DateOnly(2025, 1, 1)));
        (await PackageAsync(db, packages[1].Id)).ShouldBe(Expected(new DateOnly(2025, 1, 1), new DateOnly(2026, 12, 31)));

        // A line's delivered total is kept by the save of its sessions (an atomic add): its copy follows.
        var month = new DateOnly(2026, 4, 1);
        var delivery = new DeliveryReturn { PackageId = packages[2].Id, ChildId = child.Id, OrganisationId = oak.Id, Month = month, DueOn = month.AddMonths(1).AddDays(9) };
        db.DeliveryReturns.Add(delivery);
        await db.SaveChangesAsync();
        foreach (var quantity in new[] { 1.25m, 2.5m, 0.01m })
        {
            delivery.Sessions.Add(new DeliveredSession
            {
                PackageId = packages[2].Id, PackageLineId = line.Id, ChildId = child.Id, Date = month.AddDays(3), Unit = PriceUnit.Hour, Quantity = quantity,
                Hours = quantity, RecordedAt = db.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        (await LineAsync(db, line.Id)).Delivered.ShouldBe(376);
        delivery.Sessions.RemoveAt(0);
        await db.SaveChangesAsync();
        (await LineAsync(db, line.Id)).Delivered.ShouldBe(251);
    }

    [SkippableTheory, AllDatabases]
    public async Task The_copies_are_not_written_into_the_audit_of_a_package(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext(Worker, Clock());
        var child = await new TestData(db).CreateChildAsync(tier: Tier.FlexibleShortBreaks);
        var (oak, oakService) = TestData.AddApprovedOrganisation(db, "Oakfield", new DateOnly(2026, 4, 1));
        TestData.AddProviderPackage(db, child.Id, oak, oakService, new DateOnly(2026, 4, 1), new DateOnly(2027, 3, 31));
        await db.SaveChangesAsync();

        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(Package) || a.EntityType == nameof(PackageLine)).Select(a => a.Details).ToListAsync();
        audit.ShouldNotBeEmpty();
        audit.ShouldAllBe(d => d == null || (!d.Contains(UnusedHoursColumns.FirstDay) && !d.Contains(UnusedHoursColumns.TotalHundredths)));
    }
}
