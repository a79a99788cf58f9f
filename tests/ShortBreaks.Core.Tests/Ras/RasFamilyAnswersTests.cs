using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using ShortBreaks.Core.Auditing;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Ras;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Core.Tests.Ras;

/// <summary>A family fills in the answers first and sends them to their officer, on every database.</summary>
public sealed class RasFamilyAnswersTests
{
    private static RasSchemeCatalog Catalog => new([RasTestSchemes.Shipped]);

    [SkippableTheory, AllDatabases]
    public async Task SendToOfficer_RecordsWhenAndWho_AndLeavesTheAssessmentForTheOfficerToComplete(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 18, 30, 0, TimeSpan.Zero));
        await using var db = database.NewContext(new Actor { UserId = "parent-1", Name = "Jess Parent" }, clock);
        var child = await new TestData(db).CreateChildAsync();
        var service = new RasAssessmentService(db, Catalog);
        var assessment = await service.StartAsync(child.Id, 9, "primary");
        var seen = assessment.Version;

        var sent = await service.SendToOfficerAsync(assessment, seen);

        sent.Succeeded.ShouldBeTrue();
        var saved = await db.RasAssessments.AsNoTracking().SingleAsync(a => a.Id == assessment.Id);
        (saved.FamilyFinishedAt, saved.FamilyFinishedByName, saved.Status).ShouldBe((new DateTime(2026, 11, 23, 18, 30, 0, DateTimeKind.Utc), "Jess Parent", RasAssessmentStatus.Draft));
        (saved.AgeYears, saved.PhaseId, saved.CreatedByUserId).ShouldBe((9, "primary", "parent-1"));
        (await service.DraftForChildAsync(child.Id))!.Id.ShouldBe(assessment.Id);
    }

    [SkippableTheory, AllDatabases]
    public async Task SendToOfficer_AfterSomeoneElsesChange_IsRefusedAsConcurrent(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Guid id;
        long seenByFamily;
        await using (var db = database.NewContext())
        {
            var child = await new TestData(db).CreateChildAsync();
            var assessment = await new RasAssessmentService(db, Catalog).StartAsync(child.Id, 9, "primary");
            (id, seenByFamily) = (assessment.Id, assessment.Version);
        }

        await using (var officerDb = database.NewContext(new Actor { UserId = "o1", Name = "Officer" }))
        {
            var officer = new RasAssessmentService(officerDb, Catalog);
            var assessment = (await officer.FindAsync(id))!;
            var answers = new RasAnswers { AgeYears = 9, PhaseId = "primary", Levels = new Dictionary<string, string> { ["personal-care-dressing"] = "lots" } };
            (await officer.SaveAnswersAsync(assessment, answers, assessment.Version)).Succeeded.ShouldBeTrue();
        }

        await using var familyDb = database.NewContext(new Actor { UserId = "parent-1", Name = "Jess Parent" });
        var family = new RasAssessmentService(familyDb, Catalog);
        var stale = (await family.FindAsync(id))!;

        var result = await family.SendToOfficerAsync(stale, seenByFamily);

        result.Conflict.ShouldBeTrue();
        (await familyDb.RasAssessments.AsNoTracking().SingleAsync(a => a.Id == id)).FamilyFinishedAt.ShouldBeNull();
    }

    [SkippableTheory, AllDatabases]
    public async Task SendToOfficer_OnceCompleted_IsRefused_AndThereIsNoDraft(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        var child = await new TestData(db).CreateChildAsync();
        var service = new RasAssessmentService(db, Catalog);
        var assessment = await service.StartAsync(child.Id, 9, "primary");
        var answers = new RasAnswers
        {
            AgeYears = 9,
            PhaseId = "primary",
            Levels = RasTestSchemes.Shipped.Phases.Single(p => p.Id == "primary").Questionnaire.Domains.SelectMany(d => d.Questions).ToDictionary(q => q.Id, _ => "small"),
        };
        (await service.SaveAnswersAsync(assessment, answers, assessment.Version)).Succeeded.ShouldBeTrue();
        (await service.CompleteAsync(assessment, assessment.Version)).Succeeded.ShouldBeTrue();

        var result = await service.SendToOfficerAsync(assessment, assessment.Version);

        result.Errors.ShouldHaveSingleItem().Message.ShouldBe("Your officer has already completed this assessment.");
        (await service.DraftForChildAsync(child.Id)).ShouldBeNull();
    }
}
