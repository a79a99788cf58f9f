using ShortBreaks.Cli;
using ShortBreaks.Cli.Commands;
using ShortBreaks.Core.Tests.Ras;

namespace ShortBreaks.Core.Tests.Cli;

/// <summary>ras-score as a script runs it: bad answers are listed by row and field, never a crash.</summary>
public sealed class RasScoreCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ras-score-").FullName;
    private static readonly string Schemes = Path.Combine(AppContext.BaseDirectory, "schemes");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<(int Exit, string Out, string Error)> RunAsync(string answers, params string[] args)
    {
        var file = Path.Combine(_folder, "answers.json");
        await File.WriteAllTextAsync(file, answers);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await RasScoreCommand.RunAsync(CommandOptions.Parse([.. args, "--answers", file, "--version", "2026.1", "--schemes", Schemes]), stdout, stderr, CancellationToken.None);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static string Levels(string? first)
    {
        var questions = RasTestSchemes.Shipped.Phases.Single(p => p.Id == "primary").Questionnaire.Domains.SelectMany(d => d.Questions).ToList();
        return "{" + string.Join(", ", questions.Select((q, i) => $"\"{q.Id}\": {(i == 0 ? first ?? "null" : "\"lots\"")}")) + "}";
    }

    [Fact]
    public async Task NullAnswer_IsListedByRowAndField()
    {
        var firstQuestion = RasTestSchemes.Shipped.Phases.Single(p => p.Id == "primary").Questionnaire.Domains[0].Questions[0].Id;

        var (exit, output, error) = await RunAsync($$"""[{ "reference": "C-1", "ageYears": 9, "levels": {{Levels(null)}}, "support": { "sleep": null } }]""");

        exit.ShouldBe(1);
        output.ShouldBeEmpty();
        error.ShouldContain($"Row 1 (C-1): levels.{firstQuestion}: Question '{firstQuestion}' has no answer: give a level, like 'none'.");
        error.ShouldContain("Row 1 (C-1): support.sleep: Support for domain 'sleep' has no level");
    }

    [Fact]
    public async Task NullRow_IsListed()
    {
        var (exit, _, error) = await RunAsync("[null]");

        exit.ShouldBe(1);
        error.ShouldContain("Row 1: is empty (null)");
    }

    [Fact]
    public async Task Csv_GivesTheNewColumns()
    {
        var (exit, output, error) = await RunAsync($$"""[{ "reference": "=HYPERLINK(1)", "ageYears": 9, "levels": {{Levels("\"lots\"")}} }]""", "--format", "csv");

        exit.ShouldBe(0, error);
        var lines = output.TrimEnd('\n').Split('\n');
        lines[0].ShouldBe("reference,version,phase,total_points,amount,band,routing,hours,flagged_for_assessment,funded_support_deducted");
        lines[1].ShouldStartWith("'=HYPERLINK(1),2026.1,primary,");
    }
}
