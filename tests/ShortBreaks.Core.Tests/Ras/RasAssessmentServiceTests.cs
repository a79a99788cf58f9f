using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using ShortBreaks.Core.Auditing;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Ras;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Core.Tests.Ras;

/// <summary>Assessments keep the version they were scored under, on every database.</summary>
public sealed class RasAssessmentServiceTests
{
    private static readonly RasScheme Shipped = RasTestSchemes.Shipped;

    /// <summary>A later version that pays £100 more in every money band, in force from April 2027.</summary>
    private static readonly RasScheme Later = Shipped with
    {
        Version = "2027.1",
        EffectiveFrom = new DateOnly(2027, 4, 1),
        Phases = Shipped.Phases.Select(p => p with
        {
            Conversion = p.Conversion with
            {
                Bands = p.Conversion.Bands!.Select(b => b.Amount > 0 ? b with { Amount = b.Amount + 100 } : b).ToList(),
            },
        }).ToList(),
    };

    private static RasAnswers Answers(int lots) => new()
    {
        AgeYears = 9,
        Levels = Shipped.Phases.Single(p => p.Id == "primary").Questionnaire.Domains.SelectMany(d => d.Questions)
            .Select((q, i) => (q.Id, Level: i < lots ? "lots" : "none")).ToDictionary(x => x.Id, x => x.Level),
    };

    private static RasAssessmentService Service(ShortBreaksDbContext db) => new(db, new RasSchemeCatalog([Shipped, Later]));

    [SkippableTheory, AllDatabases]
    public async Task Complete_KeepsTheFiguresAndVersion_AndRecomputeGivesTheSameYearsLater(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
        Guid id;
        await using (var db = database.NewContext(new Actor { UserId = "o1", Name = "Amira Hughes" }, clock))
        {
            var child = await new TestData(db).CreateChildAsync();
            var service = Service(db);
            var assessment = await service.StartAsync(child.Id);
            (await service.SaveAnswersAsync(assessment, Answers(lots: 8), assessment.Version)).Succeeded.ShouldBeTrue();
            (await service.CompleteAsync(assessment, assessment.Version)).Succeeded.ShouldBeTrue();
            id = assessment.Id;
        }

        clock.SetUtcNow(new DateTimeOffset(2029, 6, 1, 9, 0, 0, TimeSpan.Zero));
        await using var later = database.NewContext(new Actor { Name = "Auditor" }, clock);
        var saved = await later.RasAssessments.AsNoTracking().SingleAsync(a => a.Id == id);
        saved.RasVersion.ShouldBe("2026.1");
        saved.IndicativeAmount.ShouldBe(750m);
        saved.TotalPoints.ShouldBe(32m);
        saved.CompletedByName.ShouldBe("Amira Hughes");
        (await later.TimelineEvents.AsNoTracking().Where(t => t.ChildId == saved.ChildId).Select(t => t.Summary).ToListAsync())
            .ShouldContain("RAS assessment completed: 32 points, indicative budget £750 a year (version 2026.1)");

        var recomputed = Service(later).Recompute(saved);

        recomputed.Result.Version.ShouldBe("2026.1");
        recomputed.Result.Amount.ShouldBe(750m);
        RasEngine.Score(Later, RasAssessmentService.AnswersOf(saved)).Amount.ShouldBe(850m, "the later version would pay more: the recompute did not use it");
    }

    [SkippableTheory, AllDatabases]
    public async Task Complete_WithIncompleteAnswers_ListsWhatIsMissingAndStaysADraft(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        var child = await new TestData(db).CreateChildAsync();
        var service = Service(db);
        var assessment = await service.StartAsync(child.Id);
        var partial = Answers(lots: 8);
        await service.SaveAnswersAsync(assessment, partial with { Levels = partial.Levels.Take(5).ToDictionary() }, assessment.Version);

        var result = await service.CompleteAsync(assessment, assessment.Version);

        result.Succeeded.ShouldBeFalse();
        result.Errors.ShouldContain(e => e.Message.Contains("has no answer"));
        (await db.RasAssessments.AsNoTracking().SingleAsync()).Status.ShouldBe(RasAssessmentStatus.Draft);
    }

    [SkippableTheory, AllDatabases]
    public async Task Override_NeedsAReasonAndWhoAgreed_AndKeepsThemOnTheRecord(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        // Before the later version is in force, so the shipped bands score the answers whatever the day the suite runs.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
        await using var db = database.NewContext(new Actor { UserId = "o1", Name = "Amira Hughes" }, clock);
        var child = await new TestData(db).CreateChildAsync();
        var service = Service(db);
        var assessment = await service.StartAsync(child.Id);
        await service.SaveAnswersAsync(assessment, Answers(lots: 8), assessment.Version);
        await service.CompleteAsync(assessment, assessment.Version);

        var refused = await service.OverrideAsync(assessment, -5m, " ", null, assessment.Version);
        var done = await service.OverrideAsync(assessment, 1200m, "Overnight care at home needs an approved provider.", "Grace Okafor, team manager", assessment.Version);

        refused.Errors.Select(e => e.Field).ShouldBe(["Amount", "Reason", "AgreedBy"], ignoreOrder: true);
        done.Succeeded.ShouldBeTrue();
        var saved = await db.RasAssessments.AsNoTracking().SingleAsync();
        saved.IndicativeAmount.ShouldBe(750m);
        saved.OverrideAmount.ShouldBe(1200m);
        saved.OverrideAgreedBy.ShouldBe("Grace Okafor, team manager");
        saved.OverrideRecordedByName.ShouldBe("Amira Hughes");
        (await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(RasAssessment) && a.Details!.Contains("OverrideAmount"))).ShouldBeTrue();
    }

    [SkippableTheory, AllDatabases]
    public async Task SaveAnswers_TwoPeopleAtOnce_TheSecondIsToldAndNothingIsOverwritten(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Guid id;
        await using (var setup = database.NewContext())
        {
            var child = await new TestData(setup).CreateChildAsync();
            id = (await Service(setup).StartAsync(child.Id)).Id;
        }

        await using var first = database.NewContext();
        await using var second = database.NewContext();
        var a = await first.RasAssessments.SingleAsync(x => x.Id == id);
        var b = await second.RasAssessments.SingleAsync(x => x.Id == id);

        (await Service(first).SaveAnswersAsync(a, Answers(lots: 8), a.Version)).Succeeded.ShouldBeTrue();
        var beaten = await Service(second).SaveAnswersAsync(b, Answers(lots: 2), b.Version);

        beaten.Conflict.ShouldBeTrue();
        await using var check = database.NewContext();
        RasAssessmentService.AnswersOf(await check.RasAssessments.SingleAsync()).Levels.Count(l => l.Value == "lots").ShouldBe(8);
    }
}
