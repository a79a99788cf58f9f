using ShortBreaks.Cli;

namespace ShortBreaks.Core.Tests.Cli;

/// <summary>The tool's help, generated from the one declaration of its commands and options, and how it answers a mistake.</summary>
public sealed class CommandLineTests
{
    // The README's commands, each with every option it has always taken.
    public static TheoryData<string, string[]> CommandsAndOptions => new()
    {
        { "migrate", ["--provider", "--connection"] },
        { "backup", ["--to", "--provider", "--connection"] },
        { "demo-data", ["--seed", "--children", "--today", "--schemes", "--provider", "--connection"] },
        { "ras-score", ["--answers", "--version", "--format", "--schemes"] },
        { "ras-simulate", ["--version", "--format", "--today", "--schemes", "--provider", "--connection"] },
        {
            "ras-calibrate",
            ["--packages", "--version", "--method", "--min-band-packages", "--floor", "--cap", "--format", "--draft", "--label", "--effective-from", "--schemes"]
        },
        { "ras-calibration-sample", ["--rows", "--seed", "--version", "--out", "--schemes"] },
        { "demo-code", [] },
        { "payment-run-pay", ["--run", "--batch-size", "--pause", "--schemes", "--provider", "--connection"] },
    };

    private static async Task<(int Exit, string Out, string Error)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await CommandLine.RunAsync(args, stdout, stderr, CancellationToken.None);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Help_ListsEveryCommand_WithItsSummary()
    {
        var (exit, output, _) = await RunAsync("--help");

        exit.ShouldBe(0);
        foreach (var name in CommandsAndOptions.Select(row => (string)row[0]))
        {
            output.ShouldContain($"  {name} ");
        }

        output.ShouldContain("Creates the database, or brings it up to date with the latest migrations.");
        output.ShouldContain("Run 'ShortBreaks.Cli <command> --help' for a command's options.");
    }

    [Theory]
    [MemberData(nameof(CommandsAndOptions))]
    public async Task CommandHelp_ListsEveryOption_AndTheCommandsNotes(string command, string[] options)
    {
        var (exit, output, _) = await RunAsync(command, "--help");

        exit.ShouldBe(0);
        output.ShouldContain($" {command} [options]");
        foreach (var option in options)
        {
            output.ShouldContain($"  {option} <");
        }

        var listed = output.Split('\n').Count(line => line.StartsWith("  --", StringComparison.Ordinal));
        listed.ShouldBe(options.Length);
    }

    [Fact]
    public async Task DemoDataHelp_EndsWithTheDemoPassword()
    {
        var (_, output, _) = await RunAsync("demo-data", "--help");

        output.TrimEnd().ShouldEndWith("Every demo login's password is Demo-password-1.");
    }

    [Fact]
    public async Task Help_WithAMistakeElsewhereOnTheLine_IsStillTheHelp()
    {
        var (exit, output, error) = await RunAsync("migrate", "--bogus", "x", "--help");

        exit.ShouldBe(0);
        error.ShouldBeEmpty();
        output.ShouldContain("  --connection <value>");
    }

    [Fact]
    public async Task NoCommand_PrintsTheHelp_AndExitsOne()
    {
        var (exit, output, _) = await RunAsync();

        exit.ShouldBe(1);
        output.ShouldContain("demo-data");
    }

    [Fact]
    public async Task UnknownCommand_SaysSo_AndExitsOne()
    {
        var (exit, output, error) = await RunAsync("demo-date");

        exit.ShouldBe(1);
        output.ShouldBeEmpty();
        error.ShouldBe($"Unknown command 'demo-date'.{Environment.NewLine}Run with --help to see the commands.{Environment.NewLine}");
    }

    [Fact]
    public async Task UnknownOption_IsNamed_AndExitsOne()
    {
        var (exit, _, error) = await RunAsync("migrate", "--conection", "x.db");

        exit.ShouldBe(1);
        error.ShouldStartWith("migrate: Unknown option --conection.");
        error.ShouldContain("Run 'ShortBreaks.Cli migrate --help' to see its options.");
    }

    [Fact]
    public async Task BadValue_IsReportedInTheCommandsWords_AndExitsOne()
    {
        var (exit, _, error) = await RunAsync("demo-data", "--children=5", "--connection", Path.Combine(Path.GetTempPath(), "never-made.db"));

        exit.ShouldBe(1);
        error.ShouldStartWith("demo-data: Option --children must be a whole number from 10 to 2,000,000, not '5'.");
    }
}
