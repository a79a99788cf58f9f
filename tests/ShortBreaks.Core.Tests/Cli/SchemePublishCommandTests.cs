using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using ShortBreaks.Cli;
using ShortBreaks.Cli.Commands;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Schemes;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Core.Tests.Cli;

/// <summary>Publishing a scheme version from its file, into the database every node reads.</summary>
public sealed class SchemePublishCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "shortbreaks-scheme-publish-" + Guid.NewGuid().ToString("N")[..12]);

    public SchemePublishCommandTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // 00:30 on 1 July 2027 in the UK (British Summer Time), when it is still 30 June in UTC.
    private static readonly FakeTimeProvider JustAfterMidnightInSummer = new(new DateTimeOffset(2027, 6, 30, 23, 30, 0, TimeSpan.Zero));

    [SkippableTheory, AllDatabases]
    public async Task A_new_version_is_recorded_once_and_publishing_the_same_file_again_changes_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var file = WriteVersion("2027.1", new DateOnly(2027, 7, 1), hours: 90);

        var (code, output, error) = await RunAsync(database, file);
        code.ShouldBe(0, error);
        output.ShouldContain("Version '2027.1' is published and takes effect on 1 July 2027.");
        (code, output, error) = await RunAsync(database, file);
        code.ShouldBe(0, error);
        output.ShouldContain("already published");

        await using var db = database.NewContext();
        var record = await db.SchemeVersions.SingleAsync(v => v.Version == "2027.1");
        var (scheme, _) = SchemeCatalog.Parse(record.Json);
        scheme!.Tiers.FlexibleShortBreaks.HoursPerYear.ShouldBe(90);
        record.ContentHash.ShouldBe(scheme.ContentHash);
        record.EffectiveFrom.ShouldBe(new DateOnly(2027, 7, 1));
    }

    [SkippableTheory, AllDatabases]
    public async Task A_changed_file_under_a_published_version_or_a_version_starting_before_the_UK_day_is_refused_and_nothing_is_recorded(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        (await RunAsync(database, WriteVersion("2027.1", new DateOnly(2027, 7, 1), hours: 90))).Code.ShouldBe(0);

        var (code, _, error) = await RunAsync(database, WriteVersion("2027.1", new DateOnly(2027, 7, 1), hours: 100));
        code.ShouldBe(1);
        error.ShouldContain("already published with different content");

        // 30 June is still today in UTC, but the council's day is already 1 July.
        (code, _, error) = await RunAsync(database, WriteVersion("2027.0", new DateOnly(2027, 6, 30), hours: 85));
        code.ShouldBe(1);
        error.ShouldContain("before today (1 July 2027)");

        await using var db = database.NewContext();
        (await db.SchemeVersions.CountAsync(v => v.Version.StartsWith("2027"))).ShouldBe(1);
        (await db.SchemeVersions.SingleAsync(v => v.Version == "2027.1")).Json.ShouldContain("90");
    }

    [SkippableTheory, AllDatabases]
    public async Task A_file_that_is_not_a_valid_scheme_is_refused_with_every_problem_listed(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var shipped = ShippedSchemes.Scheme2026_1;
        var broken = shipped with
        {
            Version = "2027.2",
            EffectiveFrom = new DateOnly(2027, 8, 1),
            Tiers = shipped.Tiers with { FlexibleShortBreaks = shipped.Tiers.FlexibleShortBreaks with { HoursPerYear = -5, HourlyRateMinimum = -1 } },
        };
        var file = Path.Combine(_folder, "broken.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(broken, SchemeCatalog.JsonOptions));

        var (code, _, error) = await RunAsync(database, file);
        code.ShouldBe(1);
        error.ShouldContain("broken.json is not a valid scheme version");
        error.Split('\n').Count(l => l.StartsWith("  - ", StringComparison.Ordinal)).ShouldBeGreaterThanOrEqualTo(2);

        await using var db = database.NewContext();
        (await db.SchemeVersions.AnyAsync(v => v.Version == "2027.2")).ShouldBeFalse();
    }

    [Fact]
    public async Task Without_a_file_the_command_says_how_to_call_it()
    {
        var stderr = new StringWriter();
        var code = await CommandLine.RunAsync(["scheme-publish", "--connection", Path.Combine(_folder, "x.db")], new StringWriter(), stderr, CancellationToken.None);
        code.ShouldBe(1);
        stderr.ToString().ShouldContain("--file <scheme.json>");
        File.Exists(Path.Combine(_folder, "x.db")).ShouldBeFalse();
    }

    private string WriteVersion(string version, DateOnly effectiveFrom, int hours)
    {
        var shipped = ShippedSchemes.Scheme2026_1;
        var scheme = shipped with
        {
            Version = version,
            EffectiveFrom = effectiveFrom,
            Tiers = shipped.Tiers with { FlexibleShortBreaks = shipped.Tiers.FlexibleShortBreaks with { HoursPerYear = hours } },
        };
        var file = Path.Combine(_folder, $"{version}-{hours}.json");
        File.WriteAllText(file, JsonSerializer.Serialize(scheme, SchemeCatalog.JsonOptions));
        return file;
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(TestDatabase database, string file)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var options = CommandOptions.Parse(["--file", file, "--provider", database.Options.Provider.ToString(), "--connection", database.ConnectionString]);
        var code = await SchemePublishCommand.RunAsync(options, stdout, stderr, JustAfterMidnightInSummer, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
