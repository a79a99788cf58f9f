using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using ShortBreaks.Core.Auditing;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Ras;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Core.Tests.Ras.VirtualBudgets;

/// <summary>The command line's ras-simulate, run as a script would run it, over a database on each provider.</summary>
public sealed class RasSimulateCommandTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [SkippableTheory, AllDatabases]
    public async Task RasSimulate_PrintsTheSummaryAsJson_AndTheFallingBudgetsAsCsv_ForAPublishedVersionAndADraft(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var catalog = new RasSchemeCatalog([RasTestSchemes.Shipped]);
        Child same, falls;
        await using (var db = database.NewContext(new Actor { Name = "Helen Marsh" }, new FakeTimeProvider(Now)))
        {
            same = await CaseAsync(db, Tier.FlexibleShortBreaks, 750m, lots: 10);
            falls = await CaseAsync(db, Tier.TargetedShortBreaks, 1800m, lots: 10);
            // A draft paying £900 in the Flexible Short Breaks band.
            var draft = RasTestSchemes.Shipped with
            {
                Version = "2027.1-draft",
                EffectiveFrom = new DateOnly(2027, 4, 1),
                Phases = RasTestSchemes.Shipped.Phases.Select(p => p with
                {
                    Conversion = p.Conversion with { Bands = p.Conversion.Bands!.Select(b => b.Amount == 750 ? b with { Amount = 900 } : b).ToList() },
                }).ToList(),
            };
            (await new RasVersionService(db, catalog).CreateDraftAsync(draft, RasVersionSource.Edited, "2026.1", "Flexible band raised")).Result.Succeeded.ShouldBeTrue();
        }

        var (code, csv, error) = await RunAsync(database, "--version", "2026.1", "--format", "csv", "--today", "2026-11-23");

        code.ShouldBe(0, error);
        csv.TrimEnd('\n').Split('\n').ShouldBe(
        [
            "reference,child,key_worker,tier,phase,current,new,change,outcome,routing,problem",
            .. new[]
            {
                $"{falls.Reference},{falls.FullName},,Targeted Short Breaks,primary,1800.00,750.00,-1050.00,Down,None,",
                $"{same.Reference},{same.FullName},,Flexible Short Breaks,primary,750.00,750.00,0.00,Same,None,",
            }.OrderBy(line => line, StringComparer.Ordinal),
        ]);
        error.ShouldContain("2 cases");

        (code, var json, error) = await RunAsync(database, "--version", "2027.1-draft", "--today", "2026-11-23");

        code.ShouldBe(0, error);
        var summary = JsonDocument.Parse(json).RootElement;
        summary.GetProperty("version").GetString().ShouldBe("2027.1-draft");
        (summary.GetProperty("cases").GetInt32(), summary.GetProperty("up").GetInt32(), summary.GetProperty("down").GetInt32(), summary.GetProperty("same").GetInt32()).ShouldBe((2, 1, 1, 0));
        summary.GetProperty("currentTotal").GetDecimal().ShouldBe(2_550m);
        summary.GetProperty("newTotal").GetDecimal().ShouldBe(1_800m);
        summary.GetProperty("financialYear").GetInt32().ShouldBe(2027);
    }

    [Fact]
    public async Task RasSimulate_WithAVersionThatDoesNotExist_SaysSoAndFails()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var (code, output, error) = await RunAsync(database, "--version", "1999.9");

        code.ShouldBe(1);
        output.ShouldBeEmpty();
        error.ShouldContain("There is no RAS version '1999.9'");
    }

    private static async Task<Child> CaseAsync(ShortBreaksDbContext db, Tier tier, decimal current, int lots)
    {
        var child = await new TestData(db).CreateChildAsync(tier: tier);
        var phase = RasTestSchemes.Shipped.Phases.Single(p => p.Id == "primary");
        var levels = phase.Questionnaire.Domains.SelectMany(d => d.Questions).Select((q, i) => (q.Id, Level: i < lots ? "lots" : "none")).ToDictionary(x => x.Id, x => x.Level);
        db.RasAssessments.Add(new RasAssessment
        {
            ChildId = child.Id,
            Status = RasAssessmentStatus.Completed,
            AgeYears = 8,
            PhaseId = "primary",
            LevelsJson = JsonSerializer.Serialize(levels),
            CreatedAt = db.UtcNow.AddDays(-20),
            CompletedAt = db.UtcNow.AddDays(-19),
            RasVersion = "2026.1",
            IndicativeAmount = current,
        });
        await db.SaveChangesAsync();
        return child;
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(TestDatabase database, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "ShortBreaks.Cli.dll"), "ras-simulate" }
                     .Concat(args)
                     .Concat(["--provider", database.Provider.ToString(), "--connection", database.ConnectionString, "--schemes", Path.Combine(AppContext.BaseDirectory, "schemes")]))
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await output, await error);
    }
}
