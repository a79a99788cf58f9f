namespace ShortBreaks.Cli.Commands;

/// <summary>Fits a RAS version's rates to last year's packages from a CSV file, for scripts: the report, and optionally the fitted version as a file.</summary>
internal static class RasCalibrateCommand
{
    // Printed for people and scripts, not a web page: apostrophes and pound signs are written as they are.
    internal static readonly JsonSerializerOptions Output = new(CalibrationService.ReportJson)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonSerializerOptions SchemeFile = new(RasSchemeCatalog.JsonOptions) { WriteIndented = true };

    public static Command Create() => CommandLine.Create(
        "ras-calibrate",
        "Fits the RAS band amounts or price per point to last year's packages (CSV) and reports how well they fit.",
        [
            CommandLine.Option("--packages", "file.csv",
                "last year's packages: child_reference, age, then a column per question id (a level id) with optional " +
                "support_<domain id> columns, or a domain_<domain id> column per domain (points after support), and " +
                "actual_annual_cost in pounds"),
            CommandLine.Option("--version", "version", "the RAS version to start from (default: the one in force today)"),
            CommandLine.Option("--method", "bands|price-per-point",
                "bands (each band's amount becomes the median cost of its packages) or price-per-point (least squares of " +
                "cost on points); default: each phase keeps its version's method"),
            CommandLine.Option("--min-band-packages", "n", "a band with fewer packages keeps its amount (default 5)"),
            CommandLine.Option("--floor", "pounds", "the least amount for price per point (default: the version's)"),
            CommandLine.Option("--cap", "pounds", "the most amount for price per point (default: the version's)"),
            CommandLine.Option("--format", "json|csv", "json (default) prints the report; csv prints each package under both versions"),
            CommandLine.Option("--draft", "out.json", "also write the fitted version as a RAS file, with --label and --effective-from"),
            CommandLine.Option("--label", "label", "the fitted version's label, for --draft"),
            CommandLine.Option("--effective-from", "yyyy-MM-dd", "the day the fitted version takes effect, for --draft"),
            CommandLine.Option("--schemes", "folder", "the scheme files (default the schemes folder beside the tool; RAS files in its ras/)"),
        ],
        (options, ct) => RunAsync(options, Console.Out, Console.Error, ct),
        "Every row is checked before any is used: a file with a bad row prints each problem (row, column, value) and exits 1.");

    internal static async Task<int> RunAsync(CommandOptions options, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var file = options.String("packages") ?? throw new UsageException("Give the packages file with --packages <file.csv>.");
        var version = options.String("version");
        var method = options.String("method") switch
        {
            null => CalibrationOptions.AsBase,
            "bands" => CalibrationOptions.Bands,
            "price-per-point" => CalibrationOptions.PricePerPoint,
            var other => throw new UsageException($"Option --method must be bands or price-per-point, not '{other}'."),
        };
        var floor = Pounds(options, "floor");
        var cap = Pounds(options, "cap");
        var minimum = options.Int("min-band-packages", new CalibrationOptions().MinimumPackagesPerBand, 1, CalibrationOptions.MaxMinimumPackagesPerBand);
        var format = options.String("format") ?? "json";
        var draft = options.String("draft");
        var label = options.String("label");
        var effectiveFrom = options.Date("effective-from");
        var schemes = options.String("schemes") ?? Path.Combine(AppContext.BaseDirectory, "schemes");
        options.ThrowIfAnyUnread();
        if (format is not ("json" or "csv")) throw new UsageException($"Option --format must be json or csv, not '{format}'.");
        if (draft is not null && (label is null || effectiveFrom is null)) throw new UsageException("Option --draft needs --label and --effective-from too.");
        if (draft is null && (label is not null || effectiveFrom is not null)) throw new UsageException("Options --label and --effective-from are for --draft.");
        if (label is not null && (label.Length > RasVersionService.LabelMaxLength || !label.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_')))
            throw new UsageException($"Option --label must be up to {RasVersionService.LabelMaxLength} letters, numbers, full stops, hyphens and underscores.");
        if (!File.Exists(file)) throw new UsageException($"There is no file '{file}'.");

        var scheme = await RasVersionFiles.LoadAsync(schemes, version, stderr);
        if (scheme is null) return 1;

        CalibrationImport import;
        await using (var stream = File.OpenRead(file))
        {
            import = CalibrationCsv.Read(stream, scheme);
        }

        if (!import.Succeeded)
        {
            await stderr.WriteLineAsync($"ras-calibrate: {import.ErrorCount:N0} problem(s) in '{Path.GetFileName(file)}'; nothing was imported:");
            foreach (var e in import.Errors)
            {
                var value = e.Value.Length > 0 ? $" ('{e.Value}')" : "";
                await stderr.WriteLineAsync(e.Row > 0 ? $"  Row {e.Row}{(e.Column.Length > 0 ? ", " + e.Column : "")}{value}: {e.Message}" : $"  {e.Message}");
            }

            if (import.ErrorCount > import.Errors.Count) await stderr.WriteLineAsync($"  ... and {import.ErrorCount - import.Errors.Count:N0} more.");
            return 1;
        }

        CalibrationResult result;
        try
        {
            result = RasCalibrator.Calibrate(scheme, import.Packages, new CalibrationOptions
            {
                Method = method, Floor = floor, Cap = cap, MinimumPackagesPerBand = minimum, Label = label, EffectiveFrom = effectiveFrom,
            });
        }
        catch (CalibrationException ex)
        {
            await stderr.WriteLineAsync("ras-calibrate: the rates cannot be fitted:");
            foreach (var e in ex.Errors) await stderr.WriteLineAsync("  " + e);
            return 1;
        }

        if (draft is not null)
        {
            var json = JsonSerializer.Serialize(result.Fitted, SchemeFile);
            var (_, problems) = RasSchemeCatalog.Parse(json);
            if (problems.Count > 0)
            {
                await stderr.WriteLineAsync("ras-calibrate: the fitted version is not a valid RAS file:");
                foreach (var p in problems) await stderr.WriteLineAsync("  " + p);
                return 1;
            }

            await File.WriteAllTextAsync(draft, json + Environment.NewLine, ct);
            await stderr.WriteLineAsync($"ras-calibrate: wrote RAS version {label} to '{draft}'. Put it in schemes/ras/ to publish it, or import it as a draft.");
        }

        await stdout.WriteAsync(format == "csv"
            ? CalibrationCsv.ResultsCsv(result.Packages)
            : JsonSerializer.Serialize(result.Report, Output) + Environment.NewLine);
        return 0;
    }

    private static decimal? Pounds(CommandOptions options, string name)
    {
        var text = options.String(name);
        if (text is null) return null;
        var value = CalibrationCsv.ParseMoney(text, out var error);
        if (error is not null) throw new UsageException($"Option --{name} must be an amount in pounds, like 500, not '{text}'.");
        return value;
    }
}
