using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using ShortBreaks.Core.Auditing;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Finance;
using ShortBreaks.Core.Schemes;

// Budget monitoring for the financial year 2026 to 2027 at <children> children with <children> x <paid> payments. Seeds
// (into an empty database: a new SQLite file, or an empty PostgreSQL database), by INSERT ... SELECT in the database
// itself, that many children each with an agreed direct payment of thirteen four-weekly instalments from 1 April 2026, the
// first <paid> paid by ten payment runs (one run item each: 1,000,000 payments at the defaults) and the rest scheduled,
// and <invoices> approved invoices not yet paid. Then times, each on a new context and connection, alternately:
// BudgetMonitoringService.ReportAsync for the year as of 10 December 2026 (checking its totals to the penny), and a raw
// SQL aggregate over the same rows (the sums of the paid items in the year's runs, of the instalments still to be paid
// and of the unpaid invoices, one statement each, neither grouped nor exact). Prints each run, the medians and their
// ratio; exits 1 when the report's median is over 1 s or more than twice the raw aggregate's.
// Usage: dotnet run -c Release --project bench/ShortBreaks.BudgetBench -- --provider Sqlite|PostgreSql
//        --db <sqlite file or connection string> [--children 100000] [--paid 10] [--invoices 2000] [--runs 5] [--reuse true]
var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 0; i + 1 < args.Length; i += 2) options[args[i].TrimStart('-')] = args[i + 1];
string Get(string name, string fallback) => options.TryGetValue(name, out var value) ? value : fallback;

var database = new DatabaseOptions
{
    Provider = Enum.Parse<DatabaseProvider>(Get("provider", "Sqlite"), true),
    ConnectionString = Get("db", "bench/data/budget.db"),
};
var children = int.Parse(Get("children", "100000"), CultureInfo.InvariantCulture);
var paid = int.Parse(Get("paid", "10"), CultureInfo.InvariantCulture);
var invoices = int.Parse(Get("invoices", "2000"), CultureInfo.InvariantCulture);
var runs = int.Parse(Get("runs", "5"), CultureInfo.InvariantCulture);
// "--reuse true": time a database this bench seeded before (with the same sizes) instead of seeding a new one.
var reuse = Get("reuse", "false") == "true";
if (paid is < 1 or > Seed.Instalments) throw new ArgumentException($"--paid must be from 1 to {Seed.Instalments}");
var postgres = database.Provider == DatabaseProvider.PostgreSql;
// The day after the tenth payment (9 December 2026).
var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 10, 9, 0, 0, TimeSpan.Zero));
var schemes = SchemeCatalog.LoadFrom(Path.Combine(AppContext.BaseDirectory, "schemes"));
if (!postgres && !reuse && File.Exists(database.ConnectionString)) File.Delete(database.ConnectionString);
if (!postgres) Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(database.ConnectionString))!);

var seeding = Stopwatch.StartNew();
if (!reuse)
{
    await using var db = DatabaseSetup.Create(database);
    await DatabaseSetup.MigrateAsync(db);
    if (await db.DirectPayments.AnyAsync()) throw new InvalidOperationException("The database is not empty: give a new SQLite file or an empty PostgreSQL database.");
    db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
    foreach (var sql in Seed.Statements(postgres, children, paid, invoices)) await db.Database.ExecuteSqlRawAsync(sql);
    Console.WriteLine($"{database.Provider}: seeded {children:N0} children, {await db.DirectPaymentInstalments.CountAsync():N0} instalments, " +
                      $"{await db.PaymentRunItems.CountAsync():N0} payments and {invoices:N0} invoices in {seeding.Elapsed.TotalSeconds:0.0} s; {runs} runs after one warm-up");
}

var expectedPaid = children * paid * 199.23m;
var expectedCommitted = (children * (Seed.Instalments - paid) * 199.23m) + (invoices * 1234.56m);
const string Raw = """
    SELECT SUM(i."Amount") FROM "PaymentRuns" r JOIN "PaymentRunItems" i ON i."PaymentRunId" = r."Id"
    WHERE r."PayOn" >= @start AND r."PayOn" <= @end AND i."PaidAt" IS NOT NULL;
    SELECT SUM(i."Amount") FROM "DirectPaymentInstalments" i WHERE i."State" IN ('Scheduled', 'InRun') AND i."DueOn" >= @start AND i."DueOn" <= @end;
    SELECT SUM(v."Total") FROM "ProviderInvoices" v WHERE v."State" IN ('Submitted', 'Approved', 'InRun') AND v."Month" >= @start AND v."Month" <= @end;
    """;

var reportTimes = new List<double>();
var rawTimes = new List<double>();
for (var run = 0; run <= runs; run++)
{
    var stopwatch = Stopwatch.StartNew();
    await using (var db = DatabaseSetup.Create(database, new Actor { UserId = "bench", Name = "Bench" }, clock))
    {
        var report = await new BudgetMonitoringService(db, schemes).ReportAsync(2026);
        stopwatch.Stop();
        if (report.Total.Paid != expectedPaid || report.Total.Committed != expectedCommitted || report.Total.Outturn != expectedPaid + expectedCommitted)
            throw new InvalidOperationException($"The report says paid {report.Total.Paid} and committed {report.Total.Committed}, not {expectedPaid} and {expectedCommitted}.");
    }

    var report1 = stopwatch.Elapsed.TotalMilliseconds;
    stopwatch.Restart();
    await using (var db = DatabaseSetup.Create(database, new Actor { UserId = "bench", Name = "Bench" }, clock))
    {
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        var statements = Raw.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var sums = new List<decimal>();
        foreach (var statement in statements)
        {
            command.CommandText = statement;
            command.Parameters.Clear();
            foreach (var (name, value) in new[] { ("@start", new DateOnly(2026, 4, 1)), ("@end", new DateOnly(2027, 3, 31)) })
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }

            sums.Add(Convert.ToDecimal(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture));
        }

        stopwatch.Stop();
        if (Math.Abs(sums[0] - expectedPaid) > 1m || Math.Abs(sums[1] + sums[2] - expectedCommitted) > 1m)
            throw new InvalidOperationException($"The raw sums {string.Join(", ", sums)} do not match.");
    }

    var raw = stopwatch.Elapsed.TotalMilliseconds;
    Console.WriteLine($"{(run == 0 ? "warm-up" : $"run {run}")}: report {report1:N0} ms, raw SQL aggregate {raw:N0} ms");
    if (run > 0)
    {
        reportTimes.Add(report1);
        rawTimes.Add(raw);
    }
}

double Median(List<double> times)
{
    times.Sort();
    return times.Count == 0 ? 0 : times[times.Count / 2];
}

var reportMedian = Median(reportTimes);
var rawMedian = Median(rawTimes);
var ratio = rawMedian == 0 ? 0 : reportMedian / rawMedian;
Console.WriteLine($"{database.Provider}: budget monitoring for a year at {children:N0} children with {children * paid:N0} payments: median {reportMedian:N0} ms " +
                  $"(target under 1,000 ms); raw SQL aggregate over the same rows median {rawMedian:N0} ms; ratio {ratio:0.00} (target at most 2)");
return reportMedian > 1000 || ratio > 2 ? 1 : 0;
