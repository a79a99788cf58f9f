using ShortBreaks.Core.Ras.VirtualBudgets;

namespace ShortBreaks.Cli.Commands;

/// <summary>A virtual budget from a script: the same run the Rates pages make, over the database, printed.</summary>
internal static class RasSimulateCommand
{
    private static readonly JsonSerializerOptions Output = new(VirtualBudgetSimulation.JsonOptions) { WriteIndented = true };

    public static Command Create() => CommandLine.Create(
        "ras-simulate",
        "Runs a RAS version over the current caseload without changing anything, and prints the summary (JSON) or every family's change (CSV).",
        [
            CommandLine.Option("--version", "label", "the RAS version to try: a published one, or a draft kept in the service"),
            CommandLine.Option("--format", "json|csv",
                "json (default): the summary, with how many go up, down or stay the same, the routed, the cases that cannot " +
                "be scored and why, totals by phase and tier, against the service budget; csv: one line for each family, " +
                "with today's budget, the version's, the change and the outcome (Up, Down, Same, SocialWorkAssessment, NotScorable)"),
            CommandLine.Option("--today", "yyyy-MM-dd", "the day the run is seen from, for notice dates (default today)"),
            CommandLine.Option("--schemes", "folder", "the scheme files (default the schemes folder beside the tool; RAS files in its ras/)"),
            .. DatabaseArguments.Options(),
        ],
        RunAsync,
        "Nothing in the database is changed.");

    private static async Task<int> RunAsync(CommandOptions options, CancellationToken ct)
    {
        var label = options.String("version") ?? throw new UsageException("Give the RAS version to try with --version <label>.");
        var format = options.String("format") ?? "json";
        var today = options.Date("today") ?? UkCalendar.DateOf(DateTime.UtcNow);
        var schemesFolder = options.String("schemes") ?? Path.Combine(AppContext.BaseDirectory, "schemes");
        var database = DatabaseArguments.Read(options);
        options.ThrowIfAnyUnread();
        if (format is not ("json" or "csv")) throw new UsageException($"Option --format must be json or csv, not '{format}'.");

        SchemeCatalog schemes;
        RasSchemeCatalog ras;
        try
        {
            schemes = SchemeCatalog.LoadFrom(schemesFolder);
            ras = RasSchemeCatalog.LoadFrom(Path.Combine(schemesFolder, "ras"));
        }
        catch (Exception ex) when (ex is SchemeValidationException or RasSchemeValidationException or DirectoryNotFoundException)
        {
            Console.Error.WriteLine(ex.Message);
            return 1;
        }

        await using var core = CoreScope.Open(new CoreOptions { Database = database, Schemes = schemes, Ras = ras }, "ras-simulate");
        var db = core.Db;
        var scheme = await core.Get<RasVersionService>().SchemeAsync(label, ct);
        if (scheme is null) throw new UsageException($"There is no RAS version '{label}' in the scheme files or the database.");

        var noticeMonths = schemes.InForceOn(today).Reviews.ReductionNoticeMonths;
        var cases = new List<VirtualBudgetCase>();
        var (summary, falls) = await VirtualBudgetSimulation.RunAsync(db, scheme, today, noticeMonths, ct, format == "csv" ? cases.Add : null);
        if (format == "csv")
        {
            var keyWorkers = await VirtualBudgetSimulation.KeyWorkerNamesAsync(db, cases.Select(c => c.KeyWorkerId), ct);
            Console.Write(VirtualBudgetSimulation.CasesCsv(cases.OrderBy(c => c.Reference, StringComparer.Ordinal), keyWorkers));
        }
        else
        {
            Console.Write(JsonSerializer.Serialize(summary, Output) + Environment.NewLine);
        }

        Console.Error.WriteLine($"ras-simulate: {summary.Cases:N0} cases from {DatabaseArguments.Describe(database)} under RAS version {summary.Version} in {summary.Elapsed.TotalSeconds:0.00} s; {falls.Count:N0} budgets would fall.");
        return 0;
    }
}
