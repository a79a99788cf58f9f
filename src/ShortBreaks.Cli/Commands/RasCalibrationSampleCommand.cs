namespace ShortBreaks.Cli.Commands;

/// <summary>Writes a synthetic file of last year's packages, the same for the same seed, to try a calibration with.</summary>
internal static class RasCalibrationSampleCommand
{
    public static Command Create() => CommandLine.Create(
        "ras-calibration-sample",
        "Writes a synthetic CSV of last year's packages (made-up children, costs about £28 a point above 15 points, give or take 20%).",
        [
            CommandLine.Option("--rows", "n", "how many packages (default 300)"),
            CommandLine.Option("--seed", "n", "the same seed always gives the same file (default 2025)"),
            CommandLine.Option("--version", "version", "the RAS version whose questions the answers are for (default: the one in force today)"),
            CommandLine.Option("--out", "file.csv", "where to write it (default: print it)"),
            CommandLine.Option("--schemes", "folder", "the scheme files (default the schemes folder beside the tool; RAS files in its ras/)"),
        ],
        (options, ct) => RunAsync(options, Console.Out, ct),
        "The shipped samples/calibration/packages-2025-26.csv is: ras-calibration-sample --rows 300 --seed 2025 --version 2026.1");

    internal static async Task<int> RunAsync(CommandOptions options, TextWriter stdout, CancellationToken ct)
    {
        var rows = options.Int("rows", 300, 1, CalibrationCsv.MaxRows);
        var seed = options.Int("seed", 2025, 0, int.MaxValue);
        var version = options.String("version");
        var output = options.String("out");
        var schemes = options.String("schemes") ?? Path.Combine(AppContext.BaseDirectory, "schemes");
        options.ThrowIfAnyUnread();

        var catalog = RasSchemeCatalog.LoadFrom(Path.Combine(schemes, "ras"));
        var scheme = version is null ? catalog.InForceOn(UkCalendar.DateOf(DateTime.UtcNow)) : catalog.Find(version);
        if (scheme is null) throw new UsageException($"There is no RAS version '{version}'.");

        var csv = CalibrationSample.ToCsv(scheme, CalibrationSample.Generate(scheme, rows, seed, CalibrationSample.RealisticCost));
        if (output is null) await stdout.WriteAsync(csv);
        else await File.WriteAllTextAsync(output, csv, ct);
        return 0;
    }
}
