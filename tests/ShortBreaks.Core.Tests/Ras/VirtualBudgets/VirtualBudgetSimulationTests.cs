using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using ShortBreaks.Core.Auditing;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Ras;
using ShortBreaks.Core.Ras.VirtualBudgets;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Core.Tests.Ras.VirtualBudgets;

/// <summary>
/// A handcrafted caseload of ten children, each placed to hit one rule, run under the small test scheme
/// (bands: under 5 points universal, 5 to 10 £750, 10 to 20 £1,800, 20 and over a social work assessment).
/// </summary>
public sealed class VirtualBudgetSimulationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly RasScheme Version = RasTestSchemes.With();

    private sealed record Caseload(Guid B, Guid D, string KeyWorkerName);

    private static async Task<Caseload> CreateCaseloadAsync(ShortBreaksDbContext db)
    {
        var data = new TestData(db);
        var keyWorker = new AppUser { UserName = $"kw{Guid.NewGuid():N}@example.org", DisplayName = "Amira Hughes", CreatedAt = db.UtcNow };
        db.Users.Add(keyWorker);
        await db.SaveChangesAsync();

        async Task<Guid> Case(Tier tier, decimal indicative, string levels, decimal? overrideAmount = null, string phase = "primary",
            RasAssessmentStatus status = RasAssessmentStatus.Completed, int daysAgo = 10, Guid? childId = null, string? keyWorkerId = null)
        {
            var id = childId ?? (await data.CreateChildAsync(tier: tier, keyWorkerId: keyWorkerId)).Id;
            db.RasAssessments.Add(new RasAssessment
            {
                ChildId = id,
                Status = status,
                PhaseId = phase,
                AgeYears = phase == "primary" ? 8 : 14,
                LevelsJson = levels,
                SupportJson = """{"care":"none","sleep":"none"}""",
                CreatedAt = db.UtcNow.AddDays(-daysAgo - 1),
                CompletedAt = status == RasAssessmentStatus.Completed ? db.UtcNow.AddDays(-daysAgo) : null,
                RasVersion = status == RasAssessmentStatus.Completed ? "2026.1" : null,
                IndicativeAmount = status == RasAssessmentStatus.Completed ? indicative : null,
                OverrideAmount = overrideAmount,
            });
            await db.SaveChangesAsync();
            return id;
        }

        static string L(string wash, string dress, string settle) => $$"""{"wash":"{{wash}}","dress":"{{dress}}","settle":"{{settle}}"}""";

        await Case(Tier.FlexibleShortBreaks, 750, L("some", "some", "some"));                               // A: 6 points, £750: same
        var b = await Case(Tier.TargetedShortBreaks, 1800, L("some", "some", "some"), keyWorkerId: keyWorker.Id); // B: £1,800 to £750: down
        await Case(Tier.FlexibleShortBreaks, 750, L("lots", "lots", "some"));                               // C: 12 points, £1,800: up
        var d = await Case(Tier.FlexibleShortBreaks, 750, L("none", "none", "some"), overrideAmount: 1000);  // D: 2 points, universal; override £1,000: down
        await Case(Tier.TargetedShortBreaks, 1800, L("exceptional", "exceptional", "exceptional"));         // E: 27 points: social work assessment
        await Case(Tier.TargetedShortBreaks, 1800, """{"wash":"some","dress":"some"}""");                   // F: no answer to "settle": not scorable
        var g = await Case(Tier.FlexibleShortBreaks, 750, L("some", "some", "some"), daysAgo: 5);            // G: latest, same
        await Case(Tier.FlexibleShortBreaks, 1800, L("lots", "lots", "some"), daysAgo: 200, childId: g);     //    an older one that must not count
        await Case(Tier.Universal, 750, L("none", "none", "none"));                                         // H: not on short breaks: left out
        await Case(Tier.FlexibleShortBreaks, 0, L("lots", "lots", "lots"), status: RasAssessmentStatus.Draft); // I: only a draft: left out
        await Case(Tier.TargetedShortBreaks, 1800, L("lots", "lots", "none"), phase: "secondary");           // J: 10 points, £1,800: same
        return new Caseload(b, d, keyWorker.DisplayName);
    }

    [SkippableTheory, AllDatabases]
    public async Task Run_CountsEveryCaseOnce_AndTotalsNowAndUnderTheVersion(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Now);
        await using var db = database.NewContext(new Actor { Name = "Helen Marsh" }, clock);
        var caseload = await CreateCaseloadAsync(db);
        db.ServiceBudgets.Add(new ServiceBudget { FinancialYear = 2026, Amount = 10_000m, SetByName = "Helen Marsh", SetAt = db.UtcNow });
        await db.SaveChangesAsync();

        var cases = new List<VirtualBudgetCase>();
        var (summary, falls) = await VirtualBudgetSimulation.RunAsync(db, Version, new DateOnly(2026, 11, 23), noticeMonths: 3, eachCase: cases.Add);

        cases.Count.ShouldBe(8);
        cases.GroupBy(c => c.Outcome).ToDictionary(g => g.Key, g => g.Count()).ShouldBe(new Dictionary<VirtualBudgetOutcome, int>
        {
            [VirtualBudgetOutcome.Up] = 1,
            [VirtualBudgetOutcome.Down] = 2,
            [VirtualBudgetOutcome.Same] = 3,
            [VirtualBudgetOutcome.SocialWorkAssessment] = 1,
            [VirtualBudgetOutcome.NotScorable] = 1,
        }, ignoreOrder: true);
        cases.Single(c => c.Outcome == VirtualBudgetOutcome.NotScorable).Problem.ShouldBe("Question 'settle' has no answer.");
        cases.Where(c => c.Outcome is VirtualBudgetOutcome.SocialWorkAssessment or VirtualBudgetOutcome.NotScorable).ShouldAllBe(c => c.New == null);
        summary.Cases.ShouldBe(8);
        (summary.Up, summary.Down, summary.Same).ShouldBe((1, 2, 3));
        summary.RoutedToUniversal.ShouldBe(1);
        summary.RoutedToSocialWork.ShouldBe(1);
        summary.NotScorable.ShouldBe(1);
        summary.NotScorableReasons.Single().Reason.ShouldBe("Question 'settle' has no answer.");
        summary.NotScorableReasons.Single().Cases.ShouldBe(1);
        summary.CurrentTotal.ShouldBe(10_450m);
        summary.NewTotal.ShouldBe(9_450m);
        summary.CarriedAtCurrentTotal.ShouldBe(3_600m);
        summary.FinancialYear.ShouldBe(2026);
        summary.ServiceBudget.ShouldBe(10_000m);
        summary.Headroom.ShouldBe(550m);

        var fsb = summary.ByTier.Single(t => t.Id == nameof(Tier.FlexibleShortBreaks));
        (fsb.Cases, fsb.Up, fsb.Down, fsb.Same, fsb.Routed, fsb.NotScorable, fsb.CurrentTotal, fsb.NewTotal).ShouldBe((4, 1, 1, 2, 1, 0, 3_250m, 3_300m));
        var tsb = summary.ByTier.Single(t => t.Id == nameof(Tier.TargetedShortBreaks));
        (tsb.Cases, tsb.Up, tsb.Down, tsb.Same, tsb.Routed, tsb.NotScorable, tsb.CurrentTotal, tsb.NewTotal).ShouldBe((4, 0, 1, 1, 1, 1, 7_200m, 6_150m));
        summary.ByPhase.Single(p => p.Id == "primary").Cases.ShouldBe(7);
        var secondary = summary.ByPhase.Single(p => p.Id == "secondary");
        (secondary.Cases, secondary.Same, secondary.CurrentTotal, secondary.NewTotal).ShouldBe((1, 1, 1_800m, 1_800m));

        falls.Select(f => (f.ChildId, f.Current, f.New, f.Change, f.Routing)).ShouldBe(
        [
            (caseload.B, 1_800m, 750m, -1_050m, RasRouting.None),
            (caseload.D, 1_000m, 0m, -1_000m, RasRouting.Universal),
        ]);
        falls[0].KeyWorker.ShouldBe(caseload.KeyWorkerName);
        falls[1].KeyWorker.ShouldBeNull();
        falls.ShouldAllBe(f => f.TakesEffectFrom == new DateOnly(2027, 2, 23));
    }

    [SkippableTheory, AllDatabases]
    public async Task Run_ChangesNothingAndWritesNoAudit(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext(new Actor { Name = "Helen Marsh" }, new FakeTimeProvider(Now));
        await CreateCaseloadAsync(db);
        var before = await Snapshot(db);
        var audits = await db.AuditEntries.CountAsync();
        db.ChangeTracker.Clear();

        await VirtualBudgetSimulation.RunAsync(db, Version, new DateOnly(2026, 11, 23), noticeMonths: 3);

        (await Snapshot(db)).ShouldBe(before);
        (await db.AuditEntries.CountAsync()).ShouldBe(audits);
        db.ChangeTracker.Entries().ShouldBeEmpty();
    }

    [SkippableTheory, AllDatabases]
    public async Task Run_OfAVersionTakingEffectLater_GivesNoticeFromItsDate_AndMissingQuestionsAreReasons(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext(new Actor { Name = "Helen Marsh" }, new FakeTimeProvider(Now));
        await CreateCaseloadAsync(db);
        var later = Version with
        {
            Version = "2027.1",
            EffectiveFrom = new DateOnly(2027, 6, 1),
            Phases = Version.Phases.Select(p => p with
            {
                Conversion = RasTestSchemes.Bands(
                    new RasBand(From: 0, To: 5, Amount: 0, Name: "Universal", Routing: RasRouting.Universal),
                    new RasBand(From: 5, To: 10, Amount: 750, Name: "Flexible"),
                    new RasBand(From: 10, To: 36, Amount: 1800, Name: "Targeted")),
                Questionnaire = p.Questionnaire with
                {
                    Domains = p.Questionnaire.Domains.Select(d => d.Id != "sleep" ? d : d with
                    {
                        Questions = [.. d.Questions, new RasQuestion(Id: "night", Text: "Waking at night", Levels: RasTestSchemes.Levels())],
                    }).ToList(),
                },
            }).ToList(),
        };

        var (summary, falls) = await VirtualBudgetSimulation.RunAsync(db, later, new DateOnly(2026, 11, 23), noticeMonths: 3);

        summary.NotScorable.ShouldBe(8);
        summary.NotScorableReasons.Select(r => (r.Reason, r.Cases)).ShouldBe(
            [("Question 'night' has no answer.", 7), ("Question 'settle' has no answer.", 1)]);
        summary.NewTotal.ShouldBe(summary.CurrentTotal);
        summary.FinancialYear.ShouldBe(2027);
        summary.ServiceBudget.ShouldBeNull();
        falls.ShouldBeEmpty();
    }

    private static async Task<string> Snapshot(ShortBreaksDbContext db) => JsonSerializer.Serialize(
        await db.RasAssessments.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Id, a.Status, a.IndicativeAmount, a.OverrideAmount, a.LevelsJson, a.Version }).ToListAsync());
}
