using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using ShortBreaks.Core.Auditing;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Ras;
using ShortBreaks.Core.Ras.Calibration;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Core.Tests.Ras.Calibration;

/// <summary>Calibrations kept for the record, drafts made from them, and nothing kept from a bad file, on every database.</summary>
public sealed class CalibrationServiceTests
{
    private static readonly RasScheme Shipped = RasTestSchemes.Shipped;
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
    private static readonly Actor Finance = new() { UserId = "f1", Name = "Farah Finance" };

    private static readonly string SampleCsv =
        CalibrationSample.ToCsv(Shipped, CalibrationSample.Generate(Shipped, 120, 2025, CalibrationSample.RealisticCost));

    private static async Task<CalibrationService> ServiceAsync(ShortBreaksDbContext db)
    {
        var versions = new RasVersionService(db, new RasSchemeCatalog([Shipped]));
        await versions.RecordAsync();
        return new CalibrationService(db, versions);
    }

    private static MemoryStream File(string csv) => new(Encoding.UTF8.GetBytes(csv));

    [SkippableTheory, AllDatabases]
    public async Task Run_KeepsTheReportAndFittedVersion_WithoutThePackages(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Guid id;
        await using (var db = database.NewContext(Finance, Clock))
        {
            var outcome = await (await ServiceAsync(db)).RunAsync("packages 2025-26.csv", File(SampleCsv), "2026.1",
                new CalibrationOptions { Method = CalibrationOptions.PricePerPoint }, CalibrationCsv.MaxBytes);
            outcome.Result.Succeeded.ShouldBeTrue(string.Join("; ", outcome.Result.Errors.Select(e => e.Message)));
            id = outcome.Run!.Id;
        }

        await using var check = database.NewContext();
        var run = await check.CalibrationRuns.SingleAsync();
        run.Id.ShouldBe(id);
        (run.FileName, run.RowCount, run.BaseVersion, run.Method, run.CreatedByName).ShouldBe(("packages 2025-26.csv", 120, "2026.1", "pricePerPoint", "Farah Finance"));
        var report = CalibrationService.ReportOf(run);
        report.PackageCount.ShouldBe(120);
        report.Furthest.Count.ShouldBe(10);
        run.FittedRSquared.ShouldBe(report.Fitted.RSquared);
        RasSchemeValidator.Validate(CalibrationService.FittedOf(run)).ShouldBeEmpty();
        // Only the furthest packages are named in what is kept.
        var referencesKept = SampleCsv.Split('\n').Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')[0]).Count(r => run.ReportJson.Contains(r));
        referencesKept.ShouldBe(10);
        (await check.AuditEntries.CountAsync(a => a.EntityType == nameof(CalibrationRun) && a.Action == "create")).ShouldBe(1);
    }

    [SkippableTheory, AllDatabases]
    public async Task Run_WithABadRow_KeepsNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var lines = SampleCsv.Split('\n');
        lines[5] = lines[5][..lines[5].LastIndexOf(',')] + ",-20";
        var bad = string.Join('\n', lines);

        await using (var db = database.NewContext(Finance, Clock))
        {
            var outcome = await (await ServiceAsync(db)).RunAsync("bad.csv", File(bad), "2026.1", new CalibrationOptions(), CalibrationCsv.MaxBytes);
            outcome.Result.Succeeded.ShouldBeFalse();
            outcome.Import.Errors.ShouldHaveSingleItem().Row.ShouldBe(6);
            outcome.Result.Errors.ShouldHaveSingleItem().Message.ShouldStartWith("Row 6: The cost must not be negative");
        }

        await using var check = database.NewContext();
        (await check.CalibrationRuns.CountAsync()).ShouldBe(0);
    }

    [SkippableTheory, AllDatabases]
    public async Task SaveDraft_MakesACalibratedDraftOnce(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Guid id;
        await using (var db = database.NewContext(Finance, Clock))
        {
            var outcome = await (await ServiceAsync(db)).RunAsync("p.csv", File(SampleCsv), "2026.1", new CalibrationOptions(), CalibrationCsv.MaxBytes);
            id = outcome.Run!.Id;
        }

        await using (var db = database.NewContext(Finance, Clock))
        {
            var service = await ServiceAsync(db);
            var run = (await service.FindAsync(id))!;
            var (missing, refused) = await service.SaveDraftAsync(run, "", null, null, run.Version);
            missing.ShouldBeNull();
            refused.Errors.Select(e => e.Field).ShouldBe(["Label", "EffectiveFrom"]);

            var (draft, result) = await service.SaveDraftAsync(run, "2027.1", new DateOnly(2027, 4, 1), "Fitted on 2025-26 packages", run.Version);
            result.Succeeded.ShouldBeTrue(string.Join("; ", result.Errors.Select(e => e.Message)));
            draft!.Status.ShouldBe(RasVersionStatus.Draft);
            draft.Source.ShouldBe(RasVersionSource.Calibrated);
            draft.BasedOn.ShouldBe("2026.1");
        }

        await using (var db = database.NewContext(Finance, Clock))
        {
            var service = await ServiceAsync(db);
            var run = (await service.FindAsync(id))!;
            run.DraftLabel.ShouldBe("2027.1");
            var (again, result) = await service.SaveDraftAsync(run, "2027.2", new DateOnly(2027, 5, 1), null, run.Version);
            again.ShouldBeNull();
            result.Errors.ShouldHaveSingleItem().Message.ShouldContain("already been made");
            var record = await db.RasVersions.SingleAsync(v => v.Label == "2027.1");
            var scheme = RasVersionService.SchemeOf(record);
            scheme.EffectiveFrom.ShouldBe(new DateOnly(2027, 4, 1));
            scheme.Phases.Select(p => p.Conversion.Bands!.Select(b => b.Amount)).ShouldBe(CalibrationService.FittedOf(run).Phases.Select(p => p.Conversion.Bands!.Select(b => b.Amount)));
        }
    }

    [SkippableTheory, AllDatabases]
    public async Task SaveDraft_ByTwoPeopleAtOnce_MakesOneDraft(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Guid id;
        await using (var db = database.NewContext(Finance, Clock))
        {
            id = (await (await ServiceAsync(db)).RunAsync("p.csv", File(SampleCsv), "2026.1", new CalibrationOptions(), CalibrationCsv.MaxBytes)).Run!.Id;
        }

        await using var first = database.NewContext(Finance, Clock);
        await using var second = database.NewContext(Finance, Clock);
        var firstService = await ServiceAsync(first);
        var secondService = await ServiceAsync(second);
        var firstRun = (await firstService.FindAsync(id))!;
        var secondRun = (await secondService.FindAsync(id))!;

        (await firstService.SaveDraftAsync(firstRun, "2027.1", new DateOnly(2027, 4, 1), null, firstRun.Version)).Result.Succeeded.ShouldBeTrue();
        var (draft, result) = await secondService.SaveDraftAsync(secondRun, "2027.9", new DateOnly(2027, 9, 1), null, secondRun.Version);

        draft.ShouldBeNull();
        result.Conflict.ShouldBeTrue();
        await using var check = database.NewContext();
        (await check.RasVersions.CountAsync(v => v.Status == RasVersionStatus.Draft)).ShouldBe(1);
    }
}
