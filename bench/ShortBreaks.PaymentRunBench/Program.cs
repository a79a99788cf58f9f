using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using ShortBreaks.Core.Auditing;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Finance;
using ShortBreaks.Core.Schemes;

// Preparing a payment run of <schedules> direct payment schedules and <invoices> approved provider invoices. Seeds (into
// an empty database: a new SQLite file, or an empty PostgreSQL database) that many children each with an agreed direct
// payment, a confirmed bank account and an instalment due by 30 November 2026 (and one due after it, left out), and that
// many approved invoices from 100 providers, by INSERT ... SELECT in the database itself. Then times, each on a new
// context and connection, PaymentRunService.PrepareAsync for 30 November (reading what is due, writing the run and its
// items, and moving every instalment and invoice into the run), checks the run took exactly what was due, and cancels
// it (untimed) so the next run finds the same. Prints each run and the median; exits 1 when the median is over 5 s.
// Usage: dotnet run -c Release --project bench/ShortBreaks.PaymentRunBench -- --provider Sqlite|PostgreSql
//        --db <sqlite file or connection string> [--schedules 10000] [--invoices 2000] [--runs 5]
var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 0; i + 1 < args.Length; i += 2) options[args[i].TrimStart('-')] = args[i + 1];
string Get(string name, string fallback) => options.TryGetValue(name, out var value) ? value : fallback;

var database = new DatabaseOptions
{
    Provider = Enum.Parse<DatabaseProvider>(Get("provider", "Sqlite"), true),
    ConnectionString = Get("db", "bench/data/payment-run.db"),
};
var schedules = int.Parse(Get("schedules", "10000"), CultureInfo.InvariantCulture);
var invoices = int.Parse(Get("invoices", "2000"), CultureInfo.InvariantCulture);
var runs = int.Parse(Get("runs", "5"), CultureInfo.InvariantCulture);
var postgres = database.Provider == DatabaseProvider.PostgreSql;
var payOn = new DateOnly(2026, 11, 30);
var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
var schemes = SchemeCatalog.LoadFrom(Path.Combine(AppContext.BaseDirectory, "schemes"));
if (!postgres && File.Exists(database.ConnectionString)) File.Delete(database.ConnectionString);
if (!postgres) Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(database.ConnectionString))!);

var seeding = Stopwatch.StartNew();
await using (var db = DatabaseSetup.Create(database))
{
    await DatabaseSetup.MigrateAsync(db);
    if (await db.DirectPayments.AnyAsync()) throw new InvalidOperationException("The database is not empty: give a new SQLite file or an empty PostgreSQL database.");
    db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
    foreach (var sql in Seed.Statements(postgres, schedules, invoices)) await db.Database.ExecuteSqlRawAsync(sql);
    Console.WriteLine($"{database.Provider}: seeded {await db.DirectPayments.CountAsync():N0} direct payments, {await db.DirectPaymentInstalments.CountAsync():N0} instalments " +
                      $"and {await db.ProviderInvoices.CountAsync():N0} approved invoices in {seeding.Elapsed.TotalSeconds:0.0} s; {runs} runs after one warm-up");
}

var expected = schedules + invoices;
var expectedTotal = schedules * 199.23m + invoices * 1234.56m;
var times = new List<double>();
for (var run = 0; run <= runs; run++)
{
    Guid runId;
    long version;
    var stopwatch = Stopwatch.StartNew();
    await using (var db = DatabaseSetup.Create(database, new Actor { UserId = "bench", Name = "Bench" }, clock))
    {
        var (made, result) = await new PaymentRunService(db, schemes).PrepareAsync(payOn);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Message)));
        stopwatch.Stop();
        if (made!.ItemCount != expected || made.Total != expectedTotal)
            throw new InvalidOperationException($"The run took {made.ItemCount:N0} items for {made.Total}, not {expected:N0} for {expectedTotal}.");
        runId = made.Id;
        version = made.Version;
    }

    Console.WriteLine($"{(run == 0 ? "warm-up" : $"run {run}")}: prepared {expected:N0} items in {stopwatch.Elapsed.TotalMilliseconds:N0} ms");
    if (run > 0) times.Add(stopwatch.Elapsed.TotalMilliseconds);
    await using (var db = DatabaseSetup.Create(database, new Actor { UserId = "bench", Name = "Bench" }, clock))
    {
        var cancelled = await new PaymentRunService(db, schemes).CancelAsync(runId, version);
        if (!cancelled.Succeeded) throw new InvalidOperationException(string.Join(" ", cancelled.Errors.Select(e => e.Message)));
    }
}

times.Sort();
var median = times.Count == 0 ? 0 : times[times.Count / 2];
Console.WriteLine($"{database.Provider}: preparing a run of {schedules:N0} direct payment schedules and {invoices:N0} invoices: median {median:N0} ms (target under 5,000 ms)");
return median > 5000 ? 1 : 0;
