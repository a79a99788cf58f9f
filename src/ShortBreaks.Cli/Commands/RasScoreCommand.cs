namespace ShortBreaks.Cli.Commands;

/// <summary>Scores a file of RAS answers: for scripts, and to check a questionnaire by hand.</summary>
internal static class RasScoreCommand
{
    private static readonly JsonSerializerOptions Output = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static Command Create() => CommandLine.Create(
        "ras-score",
        "Scores a JSON file of RAS answers and prints each indicative budget (JSON with its working, or CSV).",
        [
            CommandLine.Option("--answers", "file.json",
                "a JSON list of { \"reference\", \"ageYears\" or \"phaseId\", \"levels\": { question id: level }, " +
                "\"support\": { domain id: level }, \"fundedSupport\": { item id: pounds or hours a year } }"),
            CommandLine.Option("--version", "version", "the RAS version to score under (default: the one in force today)"),
            CommandLine.Option("--format", "json|csv", "json (default) gives each result with its working; csv gives one line a result"),
            CommandLine.Option("--schemes", "folder", "the scheme files (default the schemes folder beside the tool; RAS files in its ras/)"),
        ],
        (options, ct) => RunAsync(options, Console.Out, Console.Error, ct),
        "Every row is checked before any is scored: a file with a bad row prints each bad row's problems and no results.");

    internal static async Task<int> RunAsync(CommandOptions options, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var file = options.String("answers") ?? throw new UsageException("Give the answers file with --answers <file.json>.");
        var version = options.String("version");
        var format = options.String("format") ?? "json";
        var schemes = options.String("schemes") ?? Path.Combine(AppContext.BaseDirectory, "schemes");
        options.ThrowIfAnyUnread();
        if (format is not ("json" or "csv")) throw new UsageException($"Option --format must be json or csv, not '{format}'.");
        if (!File.Exists(file)) throw new UsageException($"There is no file '{file}'.");

        var scheme = await RasVersionFiles.LoadAsync(schemes, version, stderr);
        if (scheme is null) return 1;

        IReadOnlyList<RasBatchRow> rows;
        try
        {
            rows = RasBatch.ReadJson(await File.ReadAllTextAsync(file, ct));
        }
        catch (JsonException ex)
        {
            await stderr.WriteLineAsync($"ras-score: '{file}' is not a list of answers: {ex.Message}");
            return 1;
        }

        var (results, errors) = RasBatch.Score(scheme, rows);
        if (errors.Count > 0)
        {
            await stderr.WriteLineAsync($"ras-score: {errors.Count} problem(s); nothing was scored:");
            foreach (var error in errors) await stderr.WriteLineAsync("  " + error);
            return 1;
        }

        await stdout.WriteAsync(format == "csv"
            ? RasBatch.ToCsv(results)
            : JsonSerializer.Serialize(results.Select(r => new
            {
                r.Reference,
                r.Result.Version,
                r.Result.PhaseId,
                r.Result.TotalPoints,
                r.Result.Amount,
                Band = r.Result.Band?.Name,
                r.Result.Routing,
                r.Result.Hours,
                r.Result.FlaggedForAssessment,
                r.Result.FundedSupportDeducted,
                Working = r.Working,
            }), Output) + Environment.NewLine);
        return 0;
    }
}
