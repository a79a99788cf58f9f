using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Notifications;
using ShortBreaks.Core.Providers;
using ShortBreaks.Core.Schemes;

// The unused-hours report over a year of delivered sessions, against a raw SQL aggregate of the same rows, in one run.
// Seeds (into an empty database: a new SQLite file, or an empty PostgreSQL database) 100 providers, <children> children
// with one agreed package each (100 hours for the year from 1 April 2026), <sessions-per-child> delivered sessions each
// and a return for each month, by INSERT ... SELECT in the database itself; then times, alternately, the report
// (UnusedHoursService.ReportAsync: every provider and the first page of children, as the page asks for it) and the raw
// aggregate (delivered units by line, summed by the database and read back), each on a new connection.
// Usage: dotnet run -c Release --project bench/ShortBreaks.UnusedHoursBench -- --provider Sqlite|PostgreSql
//        --db <sqlite file or connection string> [--children 100000] [--sessions-per-child 10] [--runs 7]
var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 0; i + 1 < args.Length; i += 2) options[args[i].TrimStart('-')] = args[i + 1];
string Get(string name, string fallback) => options.TryGetValue(name, out var value) ? value : fallback;

var database = new DatabaseOptions
{
    Provider = Enum.Parse<DatabaseProvider>(Get("provider", "Sqlite"), true),
    ConnectionString = Get("db", "bench/data/unused-hours.db"),
};
var children = int.Parse(Get("children", "100000"), CultureInfo.InvariantCulture);
var perChild = int.Parse(Get("sessions-per-child", "10"), CultureInfo.InvariantCulture);
var runs = int.Parse(Get("runs", "7"), CultureInfo.InvariantCulture);
var postgres = database.Provider == DatabaseProvider.PostgreSql;
var yearStart = new DateOnly(2026, 4, 1);
var asOf = new DateOnly(2026, 12, 1);
var schemes = SchemeCatalog.LoadFrom(Path.Combine(AppContext.BaseDirectory, "schemes"));
var reuse = Get("reuse", "false") == "true";
if (!postgres && !reuse && File.Exists(database.ConnectionString)) File.Delete(database.ConnectionString);

var seeding = Stopwatch.StartNew();
await using (var db = DatabaseSetup.Create(database))
{
    await DatabaseSetup.MigrateAsync(db);
    // --reuse true: a database this bench seeded before with the same sizes is measured again without seeding.
    if (!reuse || !await db.Packages.AnyAsync())
    {
        if (await db.Packages.AnyAsync()) throw new InvalidOperationException("The database is not empty: give a new SQLite file or an empty PostgreSQL database.");
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        foreach (var sql in Seed.Statements(postgres, children, perChild)) await db.Database.ExecuteSqlRawAsync(sql);
    }
}

var expectedSessions = (long)children * perChild;
await using (var db = DatabaseSetup.Create(database))
{
    var sessions = await db.DeliveredSessions.LongCountAsync();
    if (sessions != expectedSessions) throw new InvalidOperationException($"Seeded {sessions:N0} sessions, not {expectedSessions:N0}.");
    Console.WriteLine($"{database.Provider}: seeded {await db.Children.CountAsync():N0} children, {await db.Packages.CountAsync():N0} packages, " +
                      $"{sessions:N0} sessions, {await db.DeliveryReturns.CountAsync():N0} returns in {seeding.Elapsed.TotalSeconds:0.0} s; {runs} runs of each after one warm-up");
}

var rawSql = postgres
    ? """SELECT s."PackageLineId", SUM(s."Quantity") FROM "DeliveredSessions" s JOIN "Packages" p ON p."Id" = s."PackageId" WHERE p."YearStart" = @p0 AND s."Cancellation" IS NULL AND s."Date" <= @p1 GROUP BY s."PackageLineId" """
    : """SELECT s."PackageLineId", SUM(CAST(s."Quantity" AS REAL)) FROM "DeliveredSessions" s JOIN "Packages" p ON p."Id" = s."PackageId" WHERE p."YearStart" = @p0 AND s."Cancellation" IS NULL AND s."Date" <= @p1 GROUP BY s."PackageLineId" """;

var report = new List<double>();
var raw = new List<double>();
decimal reportDelivered = 0, rawDelivered = 0;
for (var run = 0; run <= runs; run++)
{
    var stopwatch = Stopwatch.StartNew();
    await using (var db = DatabaseSetup.Create(database))
    {
        var service = new UnusedHoursService(db, schemes, new EmailSender(new EmailOptions(), NullLogger<EmailSender>.Instance), NullLogger<UnusedHoursService>.Instance);
        var result = await service.ReportAsync(yearStart, asOf, new UnusedHoursFilter(), page: 1);
        if (result.TotalRows != children) throw new InvalidOperationException($"The report has {result.TotalRows:N0} rows, not {children:N0}.");
        reportDelivered = result.Totals.Delivered.Hours;
    }

    stopwatch.Stop();
    if (run > 0) report.Add(stopwatch.Elapsed.TotalMilliseconds);
    var reportMs = stopwatch.Elapsed.TotalMilliseconds;

    stopwatch.Restart();
    await using (var db = DatabaseSetup.Create(database))
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = rawSql;
        foreach (var (name, value) in new[] { ("p0", (object)yearStart), ("p1", asOf) })
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.Value = postgres ? value : ((DateOnly)value).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            command.Parameters.Add(parameter);
        }

        var total = 0m;
        var lines = 0;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            _ = reader.GetValue(0);
            total += Convert.ToDecimal(reader.GetValue(1), CultureInfo.InvariantCulture);
            lines++;
        }

        rawDelivered = Math.Round(total, 2);
        if (lines == 0) throw new InvalidOperationException("The raw aggregate read no rows.");
    }

    stopwatch.Stop();
    if (run > 0) raw.Add(stopwatch.Elapsed.TotalMilliseconds);
    Console.WriteLine($"  {(run == 0 ? "warm-up" : $"run {run}"),-8} report {reportMs,8:0.0} ms   raw aggregate {stopwatch.Elapsed.TotalMilliseconds,8:0.0} ms");
}

if (reportDelivered != rawDelivered) throw new InvalidOperationException($"The report delivered {reportDelivered} hours, the raw aggregate {rawDelivered}.");
double Median(List<double> values)
{
    values.Sort();
    return values.Count % 2 == 1 ? values[values.Count / 2] : (values[values.Count / 2 - 1] + values[values.Count / 2]) / 2;
}

var (reportMedian, rawMedian) = (Median(report), Median(raw));
Console.WriteLine($"report: median {reportMedian:0} ms, max {report[^1]:0} ms; raw aggregate: median {rawMedian:0} ms, max {raw[^1]:0} ms; " +
                  $"ratio {reportMedian / rawMedian:0.00}x; both {reportDelivered:N2} hours delivered");
return reportMedian < 1000 && reportMedian <= 2 * rawMedian ? 0 : 1;
