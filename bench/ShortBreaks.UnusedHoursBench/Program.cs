using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Notifications;
using ShortBreaks.Core.Providers;
using ShortBreaks.Core.Schemes;

// The unused-hours report over a year of delivered sessions, against raw SQL aggregates, in one run. Seeds (into an
// empty database: a new SQLite file, or an empty PostgreSQL database) 100 providers, <children> children with one
// agreed package each (100 hours for the year from 1 April 2026), <sessions-per-child> delivered sessions each and a
// return for each month, by INSERT ... SELECT in the database itself, and fills the totals the service keeps (each
// line's delivered units, each package's submitted returns), checking they equal the sessions and returns. Then times,
// alternately and each on a new connection: the report (UnusedHoursService.ReportAsync: every provider and the first
// page of children, as the page asks for it); the raw aggregate over sessions (delivered units by line, summed by the
// database and read back); and the same-rows aggregate (the report's figures by provider from the package-line rows
// the report reads, in hand-written SQL). Fails when the report is over 1 s or over twice the same-rows aggregate.
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

// The report's figures by provider from the rows the report reads (one a package line, with its kept delivered total,
// its package's kept count of submitted returns, and the whole-number copies of the figures the database keeps:
// UnusedHoursColumns), written by hand: agreed, agreed so far pro rata to the days run, delivered, unused, forecast, the
// money of each, children's hours unused and late returns, in whole hundredths. The bench's packages are all agreed
// for the whole year on a line of total hours, so agreed is the line's total units.
string Hundredths(string column) => postgres ? $"CAST({column} * 100 AS BIGINT)" : $"CAST(round(CAST({column} AS REAL) * 100) AS INTEGER)";
var lastDue = UnusedHoursRules.LastMonthDue(asOf, schemes.InForceOn(asOf).ProviderRules);
var lastDueMonth = UnusedHoursColumns.MonthNumber(lastDue);
var asOfDay = UnusedHoursColumns.DayNumber(asOf);
var sameRowsSql = $"""
    SELECT org, COUNT(DISTINCT child), COUNT(*), SUM(agreed), SUM(so_far), SUM(delivered),
      SUM(CASE WHEN so_far > delivered THEN so_far - delivered ELSE 0 END),
      SUM(CASE WHEN delivered + agreed - so_far < agreed THEN delivered + agreed - so_far ELSE agreed END),
      SUM(CASE WHEN so_far > delivered THEN so_far - delivered ELSE 0 END * hours_each),
      SUM((agreed * price + 50) / 100), SUM((delivered * price + 50) / 100),
      SUM((CASE WHEN so_far > delivered THEN so_far - delivered ELSE 0 END * price + 50) / 100),
      SUM((CASE WHEN delivered + agreed - so_far < agreed THEN delivered + agreed - so_far ELSE agreed END * price + 50) / 100),
      SUM(CASE WHEN due - submitted > 0 THEN due - submitted ELSE 0 END)
    FROM (
      SELECT org, child, agreed, delivered, hours_each, price, submitted, due,
        CASE WHEN run <= 0 THEN 0 WHEN run >= days THEN agreed ELSE (2 * agreed * run + days) / (2 * days) END AS so_far
      FROM (
        SELECT p."OrganisationId" AS org, p."ChildId" AS child, l."TotalHundredths" AS agreed, l."DeliveredHundredths" AS delivered,
          l."HoursEachHundredths" AS hours_each, l."PriceHundredths" AS price, p."ReturnsSubmitted" AS submitted,
          p."LastDay" - p."FirstDay" + 1 AS days, {asOfDay} - p."FirstDay" + 1 AS run,
          CASE WHEN p."LastMonth" < {lastDueMonth} THEN p."LastMonth" ELSE {lastDueMonth} END - p."FirstMonth" + 1 AS due
        FROM "PackageLines" l JOIN "Packages" p ON p."Id" = l."PackageId"
        WHERE p."YearStart" = @p0 AND p."Route" = 'Provider' AND p."OrganisationId" IS NOT NULL AND p."State" IN ('Accepted', 'Ended')
      ) x
    ) y
    GROUP BY org
    """;

// The kept totals must equal the sessions' sums (and returns' counts) they stand for.
var keptSql = $"""
    SELECT (SELECT COUNT(*) FROM "PackageLines" l LEFT JOIN (
              SELECT "PackageLineId" AS line, SUM({Hundredths("\"Quantity\"")}) AS units FROM "DeliveredSessions" WHERE "Cancellation" IS NULL GROUP BY "PackageLineId") s
            ON s.line = l."Id" WHERE {Hundredths("l.\"DeliveredUnits\"")} <> COALESCE(s.units, 0))
         + (SELECT COUNT(*) FROM "Packages" p LEFT JOIN (
              SELECT "PackageId" AS package, COUNT(*) AS n FROM "DeliveryReturns" WHERE "Status" = 'Submitted' GROUP BY "PackageId") r
            ON r.package = p."Id" WHERE p."ReturnsSubmitted" <> COALESCE(r.n, 0))
    """;

async Task<List<object[]>> QueryAsync(ShortBreaksDbContext db, string sql)
{
    var connection = db.Database.GetDbConnection();
    await connection.OpenAsync();
    await using var command = connection.CreateCommand();
    command.CommandText = sql;
    command.CommandTimeout = 1800;
    foreach (var (name, value) in new[] { ("p0", (object)yearStart), ("p1", asOf) })
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = postgres ? value : ((DateOnly)value).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        command.Parameters.Add(parameter);
    }

    var rows = new List<object[]>();
    await using var reader = await command.ExecuteReaderAsync();
    while (await reader.ReadAsync())
    {
        var row = new object[reader.FieldCount];
        reader.GetValues(row);
        rows.Add(row);
    }

    return rows;
}

await using (var db = DatabaseSetup.Create(database))
{
    var wrong = Convert.ToInt64((await QueryAsync(db, keptSql))[0][0], CultureInfo.InvariantCulture);
    if (wrong != 0) throw new InvalidOperationException($"{wrong:N0} kept totals differ from their sessions' sums or returns' counts.");
    Console.WriteLine("Kept totals: every line's delivered units equal its sessions' sum, every package's submitted returns their count.");
}

var report = new List<double>();
var raw = new List<double>();
var same = new List<double>();
decimal reportDelivered = 0, rawDelivered = 0, reportUnused = 0, reportUnusedMoney = 0, sameDelivered = 0, sameUnused = 0, sameUnusedMoney = 0;
long reportLate = 0, sameLate = 0;
for (var run = 0; run <= runs; run++)
{
    var stopwatch = Stopwatch.StartNew();
    await using (var db = DatabaseSetup.Create(database))
    {
        var service = new UnusedHoursService(db, schemes, new EmailSender(new EmailOptions(), NullLogger<EmailSender>.Instance), NullLogger<UnusedHoursService>.Instance);
        var result = await service.ReportAsync(yearStart, asOf, new UnusedHoursFilter(), page: 1);
        if (result.TotalRows != children) throw new InvalidOperationException($"The report has {result.TotalRows:N0} rows, not {children:N0}.");
        reportDelivered = result.Totals.Delivered.Hours;
        (reportUnused, reportUnusedMoney, reportLate) = (result.Totals.Unused.Hours, result.Totals.UnusedMoney, result.ReturnsLate);
    }

    stopwatch.Stop();
    if (run > 0) report.Add(stopwatch.Elapsed.TotalMilliseconds);
    var reportMs = stopwatch.Elapsed.TotalMilliseconds;

    stopwatch.Restart();
    await using (var db = DatabaseSetup.Create(database))
    {
        var rows = await QueryAsync(db, rawSql);
        if (rows.Count == 0) throw new InvalidOperationException("The raw aggregate read no rows.");
        rawDelivered = Math.Round(rows.Sum(r => Convert.ToDecimal(r[1], CultureInfo.InvariantCulture)), 2);
    }

    stopwatch.Stop();
    if (run > 0) raw.Add(stopwatch.Elapsed.TotalMilliseconds);
    var rawMs = stopwatch.Elapsed.TotalMilliseconds;

    stopwatch.Restart();
    await using (var db = DatabaseSetup.Create(database))
    {
        var rows = await QueryAsync(db, sameRowsSql);
        if (rows.Count == 0) throw new InvalidOperationException("The same-rows aggregate read no rows.");
        sameDelivered = rows.Sum(r => Convert.ToInt64(r[5], CultureInfo.InvariantCulture)) / 100m;
        sameUnused = rows.Sum(r => Convert.ToInt64(r[6], CultureInfo.InvariantCulture)) / 100m;
        sameUnusedMoney = rows.Sum(r => Convert.ToInt64(r[11], CultureInfo.InvariantCulture)) / 100m;
        sameLate = rows.Sum(r => Convert.ToInt64(r[13], CultureInfo.InvariantCulture));
    }

    stopwatch.Stop();
    if (run > 0) same.Add(stopwatch.Elapsed.TotalMilliseconds);
    Console.WriteLine($"  {(run == 0 ? "warm-up" : $"run {run}"),-8} report {reportMs,8:0.0} ms   raw aggregate over sessions {rawMs,8:0.0} ms   same-rows aggregate {stopwatch.Elapsed.TotalMilliseconds,8:0.0} ms");
}

if (reportDelivered != rawDelivered) throw new InvalidOperationException($"The report delivered {reportDelivered} hours, the raw aggregate {rawDelivered}.");
if ((reportDelivered, reportUnused, reportUnusedMoney, reportLate) != (sameDelivered, sameUnused, sameUnusedMoney, sameLate))
{
    throw new InvalidOperationException($"The report has {reportDelivered} delivered, {reportUnused} unused ({reportUnusedMoney:0.00}), {reportLate} late; " +
                                        $"the same-rows aggregate {sameDelivered}, {sameUnused} ({sameUnusedMoney:0.00}), {sameLate}.");
}

double Median(List<double> values)
{
    values.Sort();
    return values.Count % 2 == 1 ? values[values.Count / 2] : (values[values.Count / 2 - 1] + values[values.Count / 2]) / 2;
}

var (reportMedian, rawMedian, sameMedian) = (Median(report), Median(raw), Median(same));
Console.WriteLine($"report: median {reportMedian:0} ms, max {report[^1]:0} ms; raw aggregate over sessions: median {rawMedian:0} ms, max {raw[^1]:0} ms; " +
                  $"same-rows aggregate: median {sameMedian:0} ms, max {same[^1]:0} ms");
Console.WriteLine($"ratio to the raw aggregate over sessions {reportMedian / rawMedian:0.00}x; ratio to the same-rows aggregate {reportMedian / sameMedian:0.00}x; " +
                  $"{reportDelivered:N2} hours delivered, {reportUnused:N2} unused ({reportUnusedMoney:N2}), {reportLate:N0} returns late");
var met = reportMedian < 1000 && reportMedian <= 2 * sameMedian;
Console.WriteLine(met ? "Targets met: under 1 s and within 2x of the same-rows aggregate." : "Target missed: the report must be under 1 s and within 2x of the same-rows aggregate.");
return met ? 0 : 1;
