using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using ShortBreaks.Core.Auditing;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Ras;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Core.Tests.Ras;

/// <summary>RAS versions: drafts are made from earlier versions, published ones never change, on every database.</summary>
public sealed class RasVersionServiceTests
{
    private static readonly RasScheme Shipped = RasTestSchemes.Shipped;
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
    private static readonly Actor Admin = new() { UserId = "a1", Name = "Priya Admin" };

    private static RasScheme PayMore(RasScheme scheme, decimal more) => scheme with
    {
        Phases = scheme.Phases.Select(p => p with
        {
            Conversion = p.Conversion with { Bands = p.Conversion.Bands!.Select(b => b.Amount > 0 ? b with { Amount = b.Amount + more } : b).ToList() },
        }).ToList(),
    };

    private static async Task<(RasSchemeCatalog Catalog, RasVersionService Service)> RecordedAsync(ShortBreaksDbContext db)
    {
        var catalog = new RasSchemeCatalog([Shipped]);
        var service = new RasVersionService(db, catalog);
        await service.RecordAsync();
        return (catalog, service);
    }

    [SkippableTheory, AllDatabases]
    public async Task Record_KeepsEachFileOnce_AsPublished(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext(Admin, Clock)) await RecordedAsync(db);
        await using (var db = database.NewContext(Admin, Clock)) await RecordedAsync(db);

        await using var check = database.NewContext();
        var record = await check.RasVersions.SingleAsync();
        record.Label.ShouldBe(Shipped.Version);
        record.Status.ShouldBe(RasVersionStatus.Published);
        record.Source.ShouldBe(RasVersionSource.SchemeFile);
        record.ContentHash.ShouldBe(Shipped.ContentHash);
        RasVersionService.SchemeOf(record).ShouldBeEquivalentTo(Shipped);
    }

    [SkippableTheory, AllDatabases]
    public async Task Record_RefusesAFileEditedAfterItWasPublished(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext(Admin, Clock)) await RecordedAsync(db);

        var edited = PayMore(Shipped, 1);
        edited = edited with { ContentHash = RasSchemeCatalog.HashOf(edited) };
        await using var again = database.NewContext(Admin, Clock);
        var ex = await Should.ThrowAsync<RasSchemeValidationException>(() => new RasVersionService(again, new RasSchemeCatalog([edited])).RecordAsync());
        ex.Errors.ShouldHaveSingleItem().ShouldContain("has been changed since it was published");
    }

    [SkippableTheory, AllDatabases]
    public async Task Draft_Publish_AddsToTheCatalog_AndAfterARestartTheVersionIsStillThere(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext(Admin, Clock))
        {
            var (catalog, service) = await RecordedAsync(db);
            var (draft, created) = await service.CreateDraftAsync(Shipped.Version, "2027.1", new DateOnly(2027, 4, 1), "Bands up £100 after calibration");
            created.Succeeded.ShouldBeTrue();
            catalog.Find("2027.1").ShouldBeNull("a draft is never scored with");

            var changed = PayMore(RasVersionService.SchemeOf(draft!), 100);
            (await service.UpdateDraftAsync(draft!, changed, draft!.Notes, draft.Version)).Succeeded.ShouldBeTrue();
            (await service.PublishAsync(draft, draft.Version)).Succeeded.ShouldBeTrue();

            catalog.InForceOn(new DateOnly(2027, 4, 1)).Version.ShouldBe("2027.1");
            catalog.InForceOn(new DateOnly(2027, 3, 31)).Version.ShouldBe(Shipped.Version);
            (await service.UpdateDraftAsync(draft, changed, null, draft.Version)).Succeeded.ShouldBeFalse("a published version never changes");
        }

        await using var restarted = database.NewContext(Admin, Clock);
        var (fresh, _) = await RecordedAsync(restarted);
        var loaded = fresh.Find("2027.1").ShouldNotBeNull();
        RasEngine.Score(loaded, new RasAnswers
        {
            AgeYears = 9,
            Levels = Shipped.Phases[0].Questionnaire.Domains.SelectMany(d => d.Questions).Select((q, i) => (q.Id, L: i < 8 ? "lots" : "none")).ToDictionary(x => x.Id, x => x.L),
        }).Amount.ShouldBe(850m);
        var record = await restarted.RasVersions.AsNoTracking().SingleAsync(v => v.Label == "2027.1");
        record.PublishedByName.ShouldBe("Priya Admin");
        record.BasedOn.ShouldBe(Shipped.Version);
        record.Source.ShouldBe(RasVersionSource.Edited);
    }

    [SkippableTheory, AllDatabases]
    public async Task CreateDraft_RefusesATakenLabel_APastDate_AndADateAnotherVersionStartsOn(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext(Admin, Clock);
        var (_, service) = await RecordedAsync(db);

        var (_, taken) = await service.CreateDraftAsync(Shipped.Version, Shipped.Version, new DateOnly(2027, 4, 1), null);
        taken.Errors.ShouldContain(e => e.Field == "Label" && e.Message.Contains("already a RAS version"));

        var (_, past) = await service.CreateDraftAsync(Shipped.Version, "2026.2", new DateOnly(2026, 11, 22), null);
        past.Errors.ShouldContain(e => e.Field == "EffectiveFrom" && e.Message.Contains("today or in the future"));

        var (_, clash) = await service.CreateDraftAsync(Shipped.Version, "2026.2", Shipped.EffectiveFrom, null);
        clash.Errors.ShouldContain(e => e.Field == "EffectiveFrom");

        var (_, badLabel) = await service.CreateDraftAsync(Shipped.Version, "2027 / 1", new DateOnly(2027, 4, 1), null);
        badLabel.Errors.ShouldContain(e => e.Field == "Label");

        var (_, unknown) = await service.CreateDraftAsync("1999.1", "2027.1", new DateOnly(2027, 4, 1), null);
        unknown.Errors.ShouldContain(e => e.Field == "BasedOn");
        (await db.RasVersions.CountAsync()).ShouldBe(1, "nothing was added by a refused draft");
    }

    [SkippableTheory, AllDatabases]
    public async Task UpdateDraft_RefusesAnInvalidScheme_AndTheSecondOfTwoEditorsIsTold(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Guid id;
        long seen;
        await using (var db = database.NewContext(Admin, Clock))
        {
            var (_, service) = await RecordedAsync(db);
            var (draft, _) = await service.CreateDraftAsync(Shipped.Version, "2027.1", new DateOnly(2027, 4, 1), null);
            id = draft!.Id;
            seen = draft.Version;

            var broken = RasVersionService.SchemeOf(draft) with { Rounding = new RasRounding(Mode: RasRoundingMode.Up, To: 0) };
            var refused = await service.UpdateDraftAsync(draft, broken, null, draft.Version);
            refused.Succeeded.ShouldBeFalse();
            refused.Errors.ShouldNotBeEmpty();
        }

        await using (var first = database.NewContext(Admin, Clock))
        {
            var service = new RasVersionService(first, new RasSchemeCatalog([Shipped]));
            var draft = (await service.FindAsync(id))!;
            (await service.UpdateDraftAsync(draft, PayMore(RasVersionService.SchemeOf(draft), 50), "first", seen)).Succeeded.ShouldBeTrue();
        }

        await using (var second = database.NewContext(Admin, Clock))
        {
            var service = new RasVersionService(second, new RasSchemeCatalog([Shipped]));
            var draft = (await service.FindAsync(id))!;
            var result = await service.UpdateDraftAsync(draft, PayMore(RasVersionService.SchemeOf(draft), 75), "second", seen);
            result.Conflict.ShouldBeTrue();
        }

        await using var check = database.NewContext();
        (await check.RasVersions.AsNoTracking().SingleAsync(v => v.Id == id)).Notes.ShouldBe("first");
    }
}
