using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ShortBreaks.Core.Auditing;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Notifications;
using ShortBreaks.Core.Providers;
using ShortBreaks.Core.Schemes;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Core.Tests.Providers;

/// <summary>The arithmetic of unused hours, and the report and decisions on every database.</summary>
public sealed class UnusedHoursTests : IDisposable
{
    private static readonly Actor Officer = new() { UserId = "officer-1", Name = "Amira Hughes" };
    private static readonly DateOnly YearStart = new(2026, 4, 1);
    private static readonly DateOnly YearEnd = new(2027, 3, 31);

    private readonly string _mail = Directory.CreateTempSubdirectory("sb-mail-").FullName;

    public void Dispose() => Directory.Delete(_mail, recursive: true);

    private UnusedHoursService Service(ShortBreaksDbContext db) =>
        new(db, ShippedSchemes.Catalog, new EmailSender(new EmailOptions { PickupDirectory = _mail }, NullLogger<EmailSender>.Instance), NullLogger<UnusedHoursService>.Instance);

    private string[] Mail() => [.. Directory.GetFiles(_mail, "*.eml").Select(File.ReadAllText)];

    private static FakeTimeProvider ClockAt(int year, int month, int day, int hour, int minute = 0) =>
        new(new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.Zero));

    [Fact]
    public void Agreed_so_far_is_pro_rata_to_the_days_run_including_today_nothing_before_the_start_and_all_from_the_last_day()
    {
        UnusedHoursRules.AgreedSoFar(100, YearStart, YearEnd, new DateOnly(2026, 3, 31)).ShouldBe(0);
        UnusedHoursRules.AgreedSoFar(365, YearStart, YearEnd, YearStart).ShouldBe(1);
        UnusedHoursRules.AgreedSoFar(100, YearStart, YearEnd, new DateOnly(2026, 8, 1)).ShouldBe(33.70m); // 123 of 365 days
        UnusedHoursRules.AgreedSoFar(100, YearStart, YearEnd, YearEnd).ShouldBe(100);
        UnusedHoursRules.AgreedSoFar(100, YearStart, YearEnd, new DateOnly(2027, 6, 1)).ShouldBe(100);
    }

    [Fact]
    public void A_part_year_package_counts_its_own_days_not_the_years()
    {
        // From 1 January to 31 March: 90 days, 45 of them run by 14 February.
        var figures = UnusedHoursRules.Line(PriceUnit.Hour, 1, 20m, 90, 10, new DateOnly(2027, 1, 1), YearEnd, new DateOnly(2027, 2, 14));

        figures.AgreedSoFar.Hours.ShouldBe(45);
        figures.Unused.Hours.ShouldBe(35);
        figures.UnusedMoney.ShouldBe(700m);
        figures.Forecast.Hours.ShouldBe(55);
        figures.ForecastMoney.ShouldBe(1100m);
        figures.AgreedMoney.ShouldBe(1800m);
    }

    [Fact]
    public void Delivering_ahead_of_the_agreement_leaves_nothing_unused_and_the_forecast_never_passes_what_was_agreed()
    {
        var figures = UnusedHoursRules.Line(PriceUnit.Night, 0, 150m, 10, 8, YearStart, YearEnd, new DateOnly(2026, 5, 1));

        figures.Unused.ShouldBe(default);
        figures.UnusedMoney.ShouldBe(0);
        figures.ChildHoursUnused.ShouldBe(0);
        figures.Forecast.Nights.ShouldBe(10);
        figures.ForecastMoney.ShouldBe(1500m);
        figures.Delivered.Nights.ShouldBe(8);
    }

    [Fact]
    public void A_session_line_counts_its_hours_each_against_the_childs_hours()
    {
        var figures = UnusedHoursRules.Line(PriceUnit.Session, 3, 45m, 12, 0, YearStart, YearEnd, YearEnd);

        figures.Unused.Sessions.ShouldBe(12);
        figures.ChildHoursUnused.ShouldBe(36);
        figures.UnusedMoney.ShouldBe(540m);
        figures.Unused.ToString().ShouldBe("12 sessions");
    }

    [Fact]
    public void A_month_is_late_once_its_due_day_in_the_next_month_has_passed()
    {
        var settings = ProviderSettings.Defaults; // due on the 10th of the month after

        UnusedHoursRules.LastMonthDue(new DateOnly(2026, 8, 10), settings).ShouldBe(new DateOnly(2026, 6, 1));
        UnusedHoursRules.LastMonthDue(new DateOnly(2026, 8, 11), settings).ShouldBe(new DateOnly(2026, 7, 1));
        UnusedHoursRules.MonthsDue(YearStart, YearEnd, new DateOnly(2026, 8, 11), settings).ShouldBe(4);
        UnusedHoursRules.MonthsDue(new DateOnly(2026, 9, 15), YearEnd, new DateOnly(2026, 8, 11), settings).ShouldBe(0);
        UnusedHoursRules.MonthsDue(YearStart, new DateOnly(2026, 5, 20), new DateOnly(2026, 12, 1), settings).ShouldBe(2);
        UnusedHoursRules.MonthsDue(YearStart, YearEnd, new DateOnly(2026, 8, 11), settings with { ReturnDueDayOfMonth = 20 }).ShouldBe(3);
    }

    [Fact]
    public void A_decision_needs_a_choice_a_reason_and_hours_to_decide_about_and_released_is_final()
    {
        UnusedHoursRules.Check(null, null, "why", 5, 80).ShouldContain(e => e.Field == "State");
        UnusedHoursRules.Check(null, (UnusedHoursState)9, "why", 5, 80).ShouldContain(e => e.Field == "State");
        UnusedHoursRules.Check(null, UnusedHoursState.Released, " ", 5, 80).ShouldContain(e => e.Field == "Reason");
        UnusedHoursRules.Check(null, UnusedHoursState.Released, new string('x', 501), 5, 80).ShouldContain(e => e.Field == "Reason");
        UnusedHoursRules.Check(null, UnusedHoursState.OfferedToFamily, "why", 0, 0).ShouldContain(e => e.Field == "State");
        UnusedHoursRules.Check(UnusedHoursState.Released, UnusedHoursState.OfferedToFamily, "why", 5, 80).ShouldContain(e => e.Field == "State");
        UnusedHoursRules.Check(UnusedHoursState.OfferedToFamily, UnusedHoursState.Released, "why", 5, 80).ShouldBeEmpty();
    }

    private sealed record World(Guid ChildId, Guid OtherChildId, Guid OrganisationId, Guid OtherOrganisationId, Guid PackageId, Guid OtherPackageId, string FamilyEmail);

    /// <summary>
    /// Ada has 100 hours at £16 for the year from Oakfield, 20 delivered (and one cancelled) by 31 July, returns for
    /// April and May submitted. Ben has 50 hours from Elmtree, none delivered, no returns. A package of last year and
    /// a declined one are never counted.
    /// </summary>
    private static async Task<World> SetUpAsync(TestDatabase database)
    {
        await using var db = database.NewContext(Officer, ClockAt(2026, 4, 1, 9));
        var data = new TestData(db);
        var ada = await data.CreateChildAsync(firstName: "Ada", lastName: "Brook", tier: Tier.FlexibleShortBreaks);
        var ben = await data.CreateChildAsync(firstName: "Ben", lastName: "Carter", tier: Tier.FlexibleShortBreaks);
        var (oak, oakService) = TestData.AddApprovedOrganisation(db, "Oakfield", YearStart);
        var (elm, elmService) = TestData.AddApprovedOrganisation(db, "Elmtree", YearStart);
        var package = TestData.AddProviderPackage(db, ada.Id, oak, oakService, YearStart, YearEnd, totalUnits: 100);
        var other = TestData.AddProviderPackage(db, ben.Id, elm, elmService, YearStart, YearEnd, totalUnits: 50);
        var lastYear = TestData.AddProviderPackage(db, ada.Id, oak, oakService, new DateOnly(2025, 4, 1), new DateOnly(2026, 3, 31));
        var declined = TestData.AddProviderPackage(db, ben.Id, oak, oakService, YearStart, YearEnd, PackageState.Declined);
        foreach (var p in new[] { package, other, declined }) p.YearStart = YearStart;
        foreach (var p in new[] { package, other, declined, lastYear }) p.Lines[0].UnitPrice = 16m;

        var familyEmail = "ada.parent@example.org";
        var parent = new AppUser { UserName = familyEmail, Email = familyEmail, DisplayName = "Ada's parent", CreatedAt = db.UtcNow };
        db.Users.Add(parent);
        db.ChildFamilyMembers.Add(new ChildFamilyMember { ChildId = ada.Id, UserId = parent.Id, Relationship = "Mother", AddedAt = db.UtcNow });

        AddReturn(db, package, new DateOnly(2026, 4, 1), submitted: true, (new DateOnly(2026, 4, 10), 8m, null), (new DateOnly(2026, 4, 17), 0, CancellationReason.ChildUnwell));
        AddReturn(db, package, new DateOnly(2026, 5, 1), submitted: true, (new DateOnly(2026, 5, 10), 7m, null));
        AddReturn(db, package, new DateOnly(2026, 7, 1), submitted: false, (new DateOnly(2026, 7, 31), 5m, null));
        AddReturn(db, lastYear, new DateOnly(2026, 3, 1), submitted: true, (new DateOnly(2026, 3, 10), 9m, null));
        AddReturn(db, declined, new DateOnly(2026, 4, 1), submitted: true, (new DateOnly(2026, 4, 11), 3m, null));
        await db.SaveChangesAsync();
        return new World(ada.Id, ben.Id, oak.Id, elm.Id, package.Id, other.Id, familyEmail);
    }

    private static void AddReturn(ShortBreaksDbContext db, Package package, DateOnly month, bool submitted, params (DateOnly Date, decimal Hours, CancellationReason? Cancelled)[] sessions)
    {
        var delivery = new DeliveryReturn
        {
            PackageId = package.Id, ChildId = package.ChildId, OrganisationId = package.OrganisationId!.Value, Month = month,
            DueOn = DeliveryRules.DueOn(month, ProviderSettings.Defaults), Status = submitted ? DeliveryReturnStatus.Submitted : DeliveryReturnStatus.Open,
            SubmittedAt = submitted ? db.UtcNow : null,
        };
        foreach (var (date, hours, cancelled) in sessions)
        {
            delivery.Sessions.Add(new DeliveredSession
            {
                PackageId = package.Id, PackageLineId = package.Lines[0].Id, ChildId = package.ChildId, Date = date, Unit = PriceUnit.Hour,
                Quantity = hours, Hours = hours, Cancellation = cancelled, Staff = "JW", RecordedAt = db.UtcNow,
            });
        }

        db.DeliveryReturns.Add(delivery);
    }

    [SkippableTheory, AllDatabases]
    public async Task Just_after_midnight_in_summer_the_report_is_of_the_new_uk_day_with_sums_made_by_the_database(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var w = await SetUpAsync(database);

        // 23:30 UTC on 31 July is 00:30 on 1 August in the UK: 123 of the package's 365 days have run.
        await using var db = database.NewContext(Officer, ClockAt(2026, 7, 31, 23, 30));
        var service = Service(db);
        service.Today.ShouldBe(new DateOnly(2026, 8, 1));
        var report = await service.ReportAsync(YearStart, service.Today, new UnusedHoursFilter(), page: 1);

        report.TotalRows.ShouldBe(2);
        var ada = report.Rows.Single(r => r.PackageId == w.PackageId);
        ada.ChildName.ShouldBe("Ada Brook");
        ada.OrganisationName.ShouldBe("Oakfield");
        ada.Figures.Agreed.Hours.ShouldBe(100);
        ada.Figures.AgreedSoFar.Hours.ShouldBe(33.70m);
        ada.Figures.Delivered.Hours.ShouldBe(20);
        ada.Figures.Unused.Hours.ShouldBe(13.70m);
        ada.Figures.UnusedMoney.ShouldBe(219.20m);
        ada.Figures.Forecast.Hours.ShouldBe(86.30m);
        ada.Figures.ForecastMoney.ShouldBe(1380.80m);
        ada.ReturnsDue.ShouldBe(3); // April, May and June are due by 1 August; July is not (10 August)
        ada.ReturnsLate.ShouldBe(1); // June: none submitted
        var ben = report.Rows.Single(r => r.PackageId == w.OtherPackageId);
        ben.Figures.Unused.Hours.ShouldBe(16.85m);
        ben.ReturnsLate.ShouldBe(3);
        report.Providers.Select(p => p.Name).ShouldBe(["Elmtree", "Oakfield"]);
        report.Providers.Single(p => p.Name == "Oakfield").Figures.Delivered.Hours.ShouldBe(20);
        report.Totals.Unused.Hours.ShouldBe(30.55m);
        report.ReturnsLate.ShouldBe(4);
    }

    [SkippableTheory, AllDatabases]
    public async Task Just_before_midnight_in_summer_the_report_is_still_of_the_old_uk_day(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var w = await SetUpAsync(database);

        await using var db = database.NewContext(Officer, ClockAt(2026, 7, 31, 22, 59));
        var service = Service(db);
        service.Today.ShouldBe(new DateOnly(2026, 7, 31));
        var ada = (await service.ReportAsync(YearStart, service.Today, new UnusedHoursFilter(ChildId: w.ChildId), page: null)).Rows.ShouldHaveSingleItem();

        ada.Figures.AgreedSoFar.Hours.ShouldBe(33.42m); // 122 of 365 days
        ada.Figures.Unused.Hours.ShouldBe(13.42m);
    }

    [SkippableTheory, AllDatabases]
    public async Task The_report_filters_by_provider_by_child_and_to_late_returns_and_a_report_as_of_an_earlier_day_leaves_out_later_sessions(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var w = await SetUpAsync(database);
        await using var db = database.NewContext(Officer, ClockAt(2026, 8, 20, 12));
        var service = Service(db);
        var today = service.Today;

        (await service.ReportAsync(YearStart, today, new UnusedHoursFilter(OrganisationId: w.OtherOrganisationId), 1)).Rows.ShouldHaveSingleItem().ChildId.ShouldBe(w.OtherChildId);
        (await service.ReportAsync(YearStart, today, new UnusedHoursFilter(Child: "  ada  BROOK "), 1)).Rows.ShouldHaveSingleItem().ChildId.ShouldBe(w.ChildId);
        (await service.ReportAsync(YearStart, today, new UnusedHoursFilter(Child: "nobody"), 1)).TotalRows.ShouldBe(0);
        (await service.ReportAsync(YearStart, today, new UnusedHoursFilter(OrganisationId: Guid.NewGuid()), 1)).Providers.ShouldBeEmpty();
        var late = await service.ReportAsync(YearStart, new DateOnly(2026, 6, 11), new UnusedHoursFilter(LateOnly: true), 1);
        late.Rows.ShouldHaveSingleItem().ChildId.ShouldBe(w.OtherChildId); // by 11 June only April and May are due: Ada's are in
        (await service.ReportAsync(YearStart, new DateOnly(2026, 5, 31), new UnusedHoursFilter(ChildId: w.ChildId), null)).Rows.Single().Figures.Delivered.Hours.ShouldBe(15);
        (await service.ReportAsync(YearStart.AddYears(1), today, new UnusedHoursFilter(), 1)).TotalRows.ShouldBe(0);
    }

    [SkippableTheory, AllDatabases]
    public async Task Unused_hours_offered_back_email_the_family_and_released_ones_stop_being_committed_with_who_when_why_on_the_timeline(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var w = await SetUpAsync(database);

        long offeredVersion;
        await using (var db = database.NewContext(Officer, ClockAt(2026, 8, 1, 9)))
        {
            var (offered, result) = await Service(db).DecideAsync(w.ChildId, w.PackageId, UnusedHoursState.OfferedToFamily, " Family were away in June ", seenVersion: null);
            result.Succeeded.ShouldBeTrue();
            offered!.Hours.ShouldBe(13.70m);
            offered.Money.ShouldBe(219.20m);
            offered.Reason.ShouldBe("Family were away in June");
            offeredVersion = offered.Version;
        }

        Mail().ShouldHaveSingleItem().ShouldContain("13.7 hours agreed with Oakfield");
        Mail()[0].ShouldContain(w.FamilyEmail);

        await using (var db = database.NewContext(Officer, ClockAt(2026, 9, 1, 9)))
        {
            var service = Service(db);
            (await service.DecideAsync(w.ChildId, w.PackageId, UnusedHoursState.Released, "Not rebooked", seenVersion: null)).Result.Conflict.ShouldBeTrue();
            (await service.DecideAsync(w.ChildId, w.PackageId, UnusedHoursState.Released, "Not rebooked", offeredVersion + 1)).Result.Conflict.ShouldBeTrue();
            (await service.DecideAsync(w.OtherChildId, w.PackageId, UnusedHoursState.Released, "Wrong child", offeredVersion)).Result.Succeeded.ShouldBeFalse();
            var (released, result) = await service.DecideAsync(w.ChildId, w.PackageId, UnusedHoursState.Released, "Not rebooked by September", offeredVersion);
            result.Succeeded.ShouldBeTrue();
            (await service.DecideAsync(w.ChildId, w.PackageId, UnusedHoursState.OfferedToFamily, "Again", released!.Version)).Result.Errors
                .ShouldContain(e => e.Message == "These hours are already released for others");
        }

        await using (var db = database.NewContext(Officer, ClockAt(2026, 9, 1, 10)))
        {
            var row = (await Service(db).ReportAsync(YearStart, new DateOnly(2026, 9, 1), new UnusedHoursFilter(ChildId: w.ChildId), null)).Rows.Single();
            row.Decision!.State.ShouldBe(UnusedHoursState.Released);
            row.Decision.ByName.ShouldBe(Officer.Name);
            row.ReleasedMoney.ShouldBe(row.Decision.Money);
            row.CommittedMoney.ShouldBe(1600m - row.Decision.Money);
            var timeline = await db.TimelineEvents.Where(e => e.ChildId == w.ChildId && e.Kind == TimelineKinds.Package).OrderBy(e => e.At).ToListAsync();
            timeline.Select(e => e.Summary).ShouldBe([
                "Unused hours offered back to the family: 13.7 hours unused (£219.20) with Oakfield",
                $"Unused hours released for others: {row.Decision.Hours.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)} hours unused ({Money.FormatPence(row.Decision.Money)}) with Oakfield",
            ]);
            timeline[1].Detail.ShouldBe("Not rebooked by September");
            (await db.AuditEntries.CountAsync(a => a.EntityType == nameof(UnusedHoursDecision) && a.ChildId == w.ChildId)).ShouldBe(2);
        }

        Mail().Length.ShouldBe(1);
    }
}
