using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ShortBreaks.Core.Calendar;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Ras;
using ShortBreaks.Core.Ras.VirtualBudgets;
using ShortBreaks.Core.Schemes;

// Times a virtual budget run end to end over a loaded database, as the background service runs it: open the
// database, find the version, stream and score every current case, summarise, and write the results as JSON.
// Usage: dotnet run -c Release --project bench/ShortBreaks.VirtualBudgetBench -- --db <sqlite file or connection string>
//        [--provider Sqlite|PostgreSql] [--version 2026.1] [--runs 7] [--minimum-cases 100000]
var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 0; i + 1 < args.Length; i += 2) options[args[i].TrimStart('-')] = args[i + 1];
string Get(string name, string fallback) => options.TryGetValue(name, out var value) ? value : fallback;

var database = new DatabaseOptions
{
    Provider = Enum.Parse<DatabaseProvider>(Get("provider", "Sqlite"), true),
    ConnectionString = Get("db", "data/shortbreaks.db"),
};
var label = Get("version", "2026.1");
var runs = int.Parse(Get("runs", "7"), CultureInfo.InvariantCulture);
var minimumCases = int.Parse(Get("minimum-cases", "100000"), CultureInfo.InvariantCulture);
var schemesFolder = Path.Combine(AppContext.BaseDirectory, "schemes");
var schemes = SchemeCatalog.LoadFrom(schemesFolder);
var ras = RasSchemeCatalog.LoadFrom(Path.Combine(schemesFolder, "ras"));
var today = UkCalendar.DateOf(DateTime.UtcNow);
var noticeMonths = schemes.InForceOn(today).Reviews.ReductionNoticeMonths;

await using (var db = DatabaseSetup.Create(database))
{
    var assessments = await db.RasAssessments.CountAsync();
    Console.WriteLine($"{database.Provider}: {await db.Children.CountAsync():N0} children, {assessments:N0} RAS assessments; version {label}, {runs} runs after one warm-up");
}

var timings = new List<double>();
for (var run = 0; run <= runs; run++)
{
    var stopwatch = Stopwatch.StartNew();
    await using var db = DatabaseSetup.Create(database);
    var scheme = await new RasVersionService(db, ras).SchemeAsync(label) ?? throw new InvalidOperationException($"There is no RAS version '{label}'.");
    var (summary, falls) = await VirtualBudgetSimulation.RunAsync(db, scheme, today, noticeMonths);
    var json = JsonSerializer.Serialize(summary, VirtualBudgetSimulation.JsonOptions).Length + JsonSerializer.Serialize(falls, VirtualBudgetSimulation.JsonOptions).Length;
    stopwatch.Stop();
    if (summary.Cases < minimumCases) throw new InvalidOperationException($"Only {summary.Cases:N0} current cases; the benchmark needs at least {minimumCases:N0}.");
    Console.WriteLine($"  {(run == 0 ? "warm-up" : $"run {run}"),-8} {stopwatch.Elapsed.TotalSeconds,6:0.000} s  {summary.Cases:N0} cases: up {summary.Up:N0}, down {summary.Down:N0}, same {summary.Same:N0}, " +
                      $"universal {summary.RoutedToUniversal:N0}, social work {summary.RoutedToSocialWork:N0}, not scorable {summary.NotScorable:N0}; {json / 1024:N0} KB of results");
    if (run > 0) timings.Add(stopwatch.Elapsed.TotalSeconds);
}

timings.Sort();
var median = timings.Count % 2 == 1 ? timings[timings.Count / 2] : (timings[timings.Count / 2 - 1] + timings[timings.Count / 2]) / 2;
Console.WriteLine($"median {median:0.000} s, max {timings[^1]:0.000} s over {timings.Count} runs");
return 0;
