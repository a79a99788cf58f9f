using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ShortBreaks.Core.Auditing;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Notifications;
using ShortBreaks.Core.Providers;
using ShortBreaks.Core.Retention;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Core.Tests.Providers;

/// <summary>
/// The totals the unused-hours report reads instead of sessions and returns (each line's delivered units, each package's
/// submitted returns) stay equal to the sessions and returns through every change, on every database; and the report's
/// figures worked out by the database equal those worked out row by row.
/// </summary>
public sealed class DeliveredTotalsTests
{
    private static readonly Actor Worker = new() { UserId = "worker-1", Name = "Jo Worker" };
    private static readonly DateOnly StartsOn = new(2026, 9, 1);
    private static readonly DateOnly EndsOn = new(2027, 3, 31);

    private static FakeTimeProvider ClockAt(int year, int month, int day, int hour = 10) => new(new DateTimeOffset(year, month, day, hour, 0, 0, TimeSpan.Zero));

    private static DeliveryReturnService Returns(ShortBreaksDbContext db) => new(db, ShippedSchemes.Catalog);

    private static SessionInput Hours(Guid lineId, DateOnly date, decimal hours) => new(lineId, date, hours, "JW", null, null);

    private sealed record Setup(Guid OrganisationId, Guid PackageId, Guid LineId, Guid OtherPackageId);

    private static async Task<Setup> SetUpAsync(TestDatabase database)
    {
        await using var db = database.NewContext(Worker, ClockAt(2026, 11, 23));
        var data = new TestData(db);
        var child = await data.CreateChildAsync(firstName: "Ada", lastName: "Brook", tier: Tier.FlexibleShortBreaks);
        var other = await data.CreateChildAsync(firstName: "Ben", lastName: "Carter", tier: Tier.FlexibleShortBreaks);
        var (oak, oakService) = TestData.AddApprovedOrganisation(db, "Oakfield", StartsOn);
        var package = TestData.AddProviderPackage(db, child.Id, oak, oakService, StartsOn, EndsOn, totalUnits: 200);
        var otherPackage = TestData.AddProviderPackage(db, other.Id, oak, oakService, StartsOn, EndsOn, totalUnits: 200);
        await db.SaveChangesAsync();
        return new Setup(oak.Id, package.Id, package.Lines[0].Id, otherPackage.Id);
    }

    /// <summary>Every line's kept total is the sum of its sessions not cancelled, and every package's count its submitted returns.</summary>
    private static async Task ShouldMatchSessionsAsync(TestDatabase database)
    {
        await using var db = database.NewContext(Worker, ClockAt(2026, 11, 23));
        var sessions = await db.DeliveredSessions.AsNoTracking().Where(s => s.Cancellation == null).Select(s => new { s.PackageLineId, s.Quantity }).ToListAsync();
        var lines = await db.PackageLines.AsNoTracking().Select(l => new { l.Id, l.DeliveredUnits }).ToListAsync();
        foreach (var line in lines) line.DeliveredUnits.ShouldBe(sessions.Where(s => s.PackageLineId == line.Id).Sum(s => s.Quantity), $"line {line.Id}");
        var submitted = await db.DeliveryReturns.AsNoTracking().Where(r => r.Status == DeliveryReturnStatus.Submitted).Select(r => r.PackageId).ToListAsync();
        var packages = await db.Packages.AsNoTracking().Select(p => new { p.Id, p.ReturnsSubmitted }).ToListAsync();
        foreach (var package in packages) package.ReturnsSubmitted.ShouldBe(submitted.Count(id => id == package.Id), $"package {package.Id}");
    }

    private static async Task<decimal> DeliveredAsync(TestDatabase database, Guid lineId)
    {
        await using var db = database.NewContext(Worker, ClockAt(2026, 11, 23));
        return await db.PackageLines.AsNoTracking().Where(l => l.Id == lineId).Select(l => l.DeliveredUnits).SingleAsync();
    }

    [SkippableTheory, AllDatabases]
    public async Task Sessions_added_cancelled_changed_and_removed_and_returns_submitted_keep_the_line_and_package_totals(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await SetUpAsync(database);
        Guid october;
        await using (var db = database.NewContext(Worker, ClockAt(2026, 11, 23)))
        {
            var returns = Returns(db);
            october = (await returns.AddSessionAsync(s.OrganisationId, s.PackageId, Hours(s.LineId, new DateOnly(2026, 10, 3), 6.25m), null, null, false)).Session!.Id;
            (await returns.AddSessionAsync(s.OrganisationId, s.PackageId,
                new SessionInput(s.LineId, new DateOnly(2026, 10, 10), null, null, CancellationReason.ChildUnwell, "A cold"), null, null, false)).Result.Succeeded.ShouldBeTrue();
            (await returns.AddSessionAsync(s.OrganisationId, s.PackageId, Hours(s.LineId, new DateOnly(2026, 11, 3), 2.5m), null, null, false)).Result.Succeeded.ShouldBeTrue();
        }

        (await DeliveredAsync(database, s.LineId)).ShouldBe(8.75m);
        await ShouldMatchSessionsAsync(database);

        await using (var db = database.NewContext(Worker, ClockAt(2026, 11, 23)))
        {
            (await Returns(db).SubmitAsync(s.OrganisationId, s.PackageId, new DateOnly(2026, 10, 1), null, false)).Result.Succeeded.ShouldBeTrue();
            (await db.Packages.AsNoTracking().SingleAsync(p => p.Id == s.PackageId)).ReturnsSubmitted.ShouldBe(1);
            // A correction to a submitted return, with its reason.
            (await Returns(db).RemoveSessionAsync(s.OrganisationId, s.PackageId, october, null, "Entered twice")).Result.Succeeded.ShouldBeTrue();
        }

        (await DeliveredAsync(database, s.LineId)).ShouldBe(2.5m);
        await ShouldMatchSessionsAsync(database);

        // A session changed in place (moved to the other child's line, then cancelled), and a line loaded before a
        // session was added and saved after it: the kept totals follow, and the stale line never writes its total back.
        await using (var db = database.NewContext(Worker, ClockAt(2026, 11, 23)))
        {
            var stale = await db.PackageLines.SingleAsync(l => l.Id == s.LineId);
            await using (var other = database.NewContext(Worker, ClockAt(2026, 11, 23)))
            {
                (await Returns(other).AddSessionAsync(s.OrganisationId, s.PackageId, Hours(s.LineId, new DateOnly(2026, 11, 10), 3), null, null, false)).Result.Succeeded.ShouldBeTrue();
            }

            stale.Notes = "Saved from a copy read before the session above";
            await db.SaveChangesAsync();
            var session = await db.DeliveredSessions.SingleAsync(x => x.Date == new DateOnly(2026, 11, 3));
            var otherLine = await db.PackageLines.AsNoTracking().Where(l => l.PackageId == s.OtherPackageId).Select(l => l.Id).SingleAsync();
            session.Quantity = 4;
            session.PackageLineId = otherLine;
            await db.SaveChangesAsync();
            (await DeliveredAsync(database, otherLine)).ShouldBe(4);
            session.Cancellation = CancellationReason.FamilyCancelled;
            await db.SaveChangesAsync();
            (await DeliveredAsync(database, otherLine)).ShouldBe(0);
        }

        (await DeliveredAsync(database, s.LineId)).ShouldBe(3);
        await ShouldMatchSessionsAsync(database);
    }

    [SkippableTheory, AllDatabases]
    public async Task Two_providers_returning_sessions_on_one_line_at_the_same_moment_both_count(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await SetUpAsync(database);

        // Each pair saves at once, in two months' returns (so neither return's version stops the other).
        for (var day = 1; day <= 6; day++)
        {
            var date = day;
            var saves = new[] { new DateOnly(2026, 10, date), new DateOnly(2026, 11, date) }.Select(d => Task.Run(async () =>
            {
                await using var db = database.NewContext(Worker, ClockAt(2026, 11, 23));
                return await Returns(db).AddSessionAsync(s.OrganisationId, s.PackageId, Hours(s.LineId, d, 1.5m), null, null, false);
            }));
            foreach (var saved in await Task.WhenAll(saves)) saved.Result.Succeeded.ShouldBeTrue();
        }

        (await DeliveredAsync(database, s.LineId)).ShouldBe(18m);
        await ShouldMatchSessionsAsync(database);
    }

    [SkippableTheory, AllDatabases]
    public async Task Erasing_a_childs_record_takes_its_sessions_off_any_line_that_stays_and_leaves_other_totals_alone(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 10, 0, 0, TimeSpan.Zero));
        await using var db = database.NewContext(new Actor { UserId = "manager-1", Name = "Priya Manager" }, clock);
        var data = new TestData(db);
        var (child, _, _) = await data.CreateClosedCaseAsync(new DateTime(2019, 1, 10, 12, 0, 0, DateTimeKind.Utc), new DateOnly(1999, 3, 3));
        var (other, _, _) = await data.CreateClosedCaseAsync(new DateTime(2024, 1, 10, 12, 0, 0, DateTimeKind.Utc), new DateOnly(2010, 3, 3));
        // A session recorded against the erased child on a line of the other child's package (as a mistaken return would).
        var kept = await db.PackageLines.Where(l => l.ChildId == other.Id).FirstAsync();
        var keptReturn = await db.DeliveryReturns.Where(r => r.ChildId == other.Id).FirstAsync();
        db.DeliveredSessions.Add(new DeliveredSession
        {
            ReturnId = keptReturn.Id, PackageId = kept.PackageId, PackageLineId = kept.Id, ChildId = child.Id, Date = keptReturn.Month.AddDays(5),
            Unit = PriceUnit.Hour, Quantity = 1.25m, Hours = 1.25m, RecordedAt = db.UtcNow,
        });
        await db.SaveChangesAsync();
        var before = await db.PackageLines.AsNoTracking().Where(l => l.Id == kept.Id).Select(l => l.DeliveredUnits).SingleAsync();
        before.ShouldBeGreaterThan(1.25m);

        var retention = new RetentionService(db, ShippedSchemes.Catalog);
        (await retention.ScanNowAsync("node-a", TimeSpan.FromMinutes(1))).ShouldBeTrue();
        var review = await db.RetentionReviews.AsNoTracking().SingleAsync();
        var item = await db.RetentionItems.AsNoTracking().SingleAsync(i => i.Kind == RetentionItemKind.CaseRecord && i.SubjectChildId == child.Id);
        (await retention.ConfirmAsync(review.Id, [item.Id], review.Version)).Result.Succeeded.ShouldBeTrue();

        await using var check = database.NewContext(Worker, clock);
        (await check.PackageLines.AnyAsync(l => l.ChildId == child.Id)).ShouldBeFalse();
        (await check.PackageLines.AsNoTracking().Where(l => l.Id == kept.Id).Select(l => l.DeliveredUnits).SingleAsync()).ShouldBe(before - 1.25m);
        await ShouldMatchSessionsAsync(database);
    }

    [SkippableTheory, AllDatabases]
    public async Task The_reports_totals_worked_out_by_the_database_equal_its_rows_worked_out_one_by_one(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var yearStart = new DateOnly(2026, 4, 1);
        await using (var db = database.NewContext(Worker, ClockAt(2026, 4, 1)))
        {
            var data = new TestData(db);
            var (oak, oakService) = TestData.AddApprovedOrganisation(db, "Oakfield", yearStart);
            var (elm, elmService) = TestData.AddApprovedOrganisation(db, "Elmtree", yearStart, hourlyPrice: 17.37m);
            // Packages of every shape: whole-year and part-year, ended with notice on weekly and monthly lines (from the
            // 31st, so months are short), nights and sessions, prices with pence, delivered ahead and behind.
            var shapes = new (Organisation Org, Service Service, DateOnly Starts, DateOnly Ends, PackageState State, PriceUnit Unit, LineFrequency Frequency, decimal Quantity, decimal Total, decimal HoursEach, decimal Price, decimal Delivered)[]
            {
                (oak, oakService, yearStart, new DateOnly(2027, 3, 31), PackageState.Accepted, PriceUnit.Hour, LineFrequency.Total, 100, 100, 1, 16m, 20),
                (oak, oakService, new DateOnly(2026, 5, 31), new DateOnly(2026, 11, 29), PackageState.Ended, PriceUnit.Hour, LineFrequency.Monthly, 7.5m, 75, 1, 15.99m, 33.25m),
                (oak, oakService, new DateOnly(2026, 1, 31), new DateOnly(2026, 6, 27), PackageState.Ended, PriceUnit.Hour, LineFrequency.Monthly, 4, 48, 1, 12.5m, 3),
                (elm, elmService, new DateOnly(2026, 4, 15), new DateOnly(2026, 10, 20), PackageState.Ended, PriceUnit.Hour, LineFrequency.Weekly, 3.25m, 150, 1, 17.37m, 41.5m),
                (elm, elmService, new DateOnly(2026, 6, 1), new DateOnly(2027, 3, 31), PackageState.Accepted, PriceUnit.Night, LineFrequency.Total, 12, 12, 0, 149.99m, 9),
                (elm, elmService, new DateOnly(2026, 9, 3), new DateOnly(2027, 2, 14), PackageState.Accepted, PriceUnit.Session, LineFrequency.Weekly, 1, 23, 2.5m, 33.33m, 4),
                (elm, elmService, new DateOnly(2027, 1, 1), new DateOnly(2027, 3, 31), PackageState.Accepted, PriceUnit.Hour, LineFrequency.Total, 10, 10, 1, 18m, 0),
            };
            var n = 0;
            foreach (var shape in shapes)
            {
                var child = await data.CreateChildAsync(firstName: "Child", lastName: $"Shape{n++}", tier: Tier.FlexibleShortBreaks);
                var package = TestData.AddProviderPackage(db, child.Id, shape.Org, shape.Service, shape.Starts, shape.Ends, shape.State, shape.Total);
                package.YearStart = yearStart;
                var line = package.Lines[0];
                (line.Unit, line.Frequency, line.Quantity, line.HoursEach, line.UnitPrice) = (shape.Unit, shape.Frequency, shape.Quantity, shape.HoursEach, shape.Price);
                var month = new DateOnly(shape.Starts.Year, shape.Starts.Month, 1);
                var delivery = new DeliveryReturn
                {
                    PackageId = package.Id, ChildId = child.Id, OrganisationId = shape.Org.Id, Month = month, DueOn = month.AddMonths(1).AddDays(9),
                    Status = n % 2 == 0 ? DeliveryReturnStatus.Submitted : DeliveryReturnStatus.Open,
                };
                if (shape.Delivered > 0)
                {
                    delivery.Sessions.Add(new DeliveredSession
                    {
                        PackageId = package.Id, PackageLineId = line.Id, ChildId = child.Id, Date = shape.Starts, Unit = shape.Unit, Quantity = shape.Delivered,
                        Hours = shape.Delivered * shape.HoursEach, RecordedAt = db.UtcNow,
                    });
                }

                db.DeliveryReturns.Add(delivery);
            }

            await db.SaveChangesAsync();
        }

        await using var view = database.NewContext(Worker, ClockAt(2026, 12, 1));
        var service = new UnusedHoursService(view, ShippedSchemes.Catalog, new EmailSender(new EmailOptions(), NullLogger<EmailSender>.Instance), NullLogger<UnusedHoursService>.Instance);
        foreach (var asOf in new[] { new DateOnly(2026, 3, 31), new DateOnly(2026, 8, 1), new DateOnly(2026, 12, 1), new DateOnly(2027, 6, 1) })
        {
            foreach (var filter in new[] { new UnusedHoursFilter(), new UnusedHoursFilter(LateOnly: true) })
            {
                var all = await service.ReportAsync(yearStart, asOf, filter, page: null);
                all.Rows.Count.ShouldBe(all.TotalRows);
                all.Totals.ShouldBe(all.Rows.Aggregate(default(UnusedFigures), (a, r) => a + r.Figures), $"as of {asOf}");
                all.ReturnsLate.ShouldBe(all.Rows.Sum(r => r.ReturnsLate));
                foreach (var p in all.Providers)
                {
                    var mine = all.Rows.Where(r => r.OrganisationId == p.OrganisationId).ToList();
                    p.Figures.ShouldBe(mine.Aggregate(default(UnusedFigures), (a, r) => a + r.Figures), $"{p.Name} as of {asOf}");
                    (p.Packages, p.Children, p.ReturnsLate).ShouldBe((mine.Count, mine.Select(r => r.ChildId).Distinct().Count(), mine.Sum(r => r.ReturnsLate)));
                }

                if (filter.LateOnly) all.Rows.ShouldAllBe(r => r.ReturnsLate > 0);
                var first = await service.ReportAsync(yearStart, asOf, filter, page: 1);
                first.Rows.Select(r => r.PackageId).ShouldBe(all.Rows.Select(r => r.PackageId));
                first.Totals.ShouldBe(all.Totals);
            }
        }

        var december = await service.ReportAsync(yearStart, new DateOnly(2026, 12, 1), new UnusedHoursFilter(), page: null);
        december.TotalRows.ShouldBe(7);
        december.Rows.Select(r => r.ChildName).ShouldBe(Enumerable.Range(0, 7).Select(i => $"Child Shape{i}"));
        // Ended with notice on a monthly line from 31 January to 27 June: four whole months (a fifth would run to 29 June).
        december.Rows[2].Figures.Agreed.Hours.ShouldBe(16);
    }
}
