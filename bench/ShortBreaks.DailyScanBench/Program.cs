using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ShortBreaks.Core.Auditing;
using ShortBreaks.Core.Calendar;
using ShortBreaks.Core.Complaints;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Notifications;
using ShortBreaks.Core.Reviews;
using ShortBreaks.Core.Schemes;

// The daily scans over a whole county: the scan for reviews falling due (ReviewScanService) and the scan for complaint
// and appeal stages past their due day (ComplaintService.ScanAsync), each as the scheduled job runs it, on a demo
// county (bench/run-load.sh makes one: `demo-data --children 100000`) with a full county's casework added once
// (CaseworkSeed). Each run is the next night's: the clock is set to 2 am tomorrow, UK time, so the review scan finds
// the day's plans and packages that came into its look-ahead and the complaint scan the stages that fell due today.
// Every run finds the same: the review scan runs in a transaction rolled back after it is timed, and the complaint
// scan's marks and messages are undone after it is timed. Prints each run and the medians; exits 1 when either median
// is over the target.
// Usage: dotnet run -c Release --project bench/ShortBreaks.DailyScanBench -- --provider Sqlite|PostgreSql
//        --db <sqlite file or connection string> [--runs 5] [--seed-only true] [--target-ms 2000]
var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 0; i + 1 < args.Length; i += 2) options[args[i].TrimStart('-')] = args[i + 1];
string Get(string name, string fallback) => options.TryGetValue(name, out var value) ? value : fallback;

var database = new DatabaseOptions
{
    Provider = Enum.Parse<DatabaseProvider>(Get("provider", "Sqlite"), true),
    ConnectionString = Get("db", "bench/data/county-100000.db"),
};
var runs = int.Parse(Get("runs", "5"), CultureInfo.InvariantCulture);
var target = double.Parse(Get("target-ms", "2000"), CultureInfo.InvariantCulture);
var folder = Path.Combine(AppContext.BaseDirectory, "schemes");
var schemes = SchemeCatalog.LoadFrom(folder);
var workingDays = WorkingDays.LoadFrom(Path.Combine(folder, "calendar", "bank-holidays.json"));

await using (var db = DatabaseSetup.Create(database)) await DatabaseSetup.MigrateAsync(db);
var seeding = Stopwatch.StartNew();
var seeded = await CaseworkSeed.EnsureAsync(database, db => new ReviewScanService(db, schemes, NullLogger<ReviewScanService>.Instance).ScanAsync());
Console.WriteLine($"{database.Provider}: {seeded} ({seeding.Elapsed.TotalSeconds:N1} s)");
if (Get("seed-only", "false") == "true") return 0;

int children, openReviews, openStages;
await using (var db = DatabaseSetup.Create(database))
{
    children = await db.Children.CountAsync();
    openReviews = await db.Reviews.CountAsync(r => r.State != ReviewState.Completed);
    openStages = await db.ComplaintStages.CountAsync(s => s.RespondedOn == null);
}

// 2 am UK time tomorrow: the night's run, as the daily job makes it.
var tomorrow = UkCalendar.DateOf(DateTime.UtcNow).AddDays(1);
var night = UkCalendar.DayStartUtc(tomorrow).AddHours(2);
Console.WriteLine($"{children:N0} children, {openReviews:N0} open reviews, {openStages:N0} open complaint stages; the night of {tomorrow:yyyy-MM-dd}; " +
                  $"{runs} runs after one warm-up");
var actor = new Actor { UserId = "scheduled-work", Name = "Scheduled work" };
var reviewTimes = new List<double>();
var complaintTimes = new List<double>();
for (var run = 0; run <= runs; run++)
{
    var clock = new FakeTimeProvider(new DateTimeOffset(night, TimeSpan.Zero));
    int madeReviews;
    var stopwatch = Stopwatch.StartNew();
    await using (var db = DatabaseSetup.Create(database, actor, clock))
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        madeReviews = await new ReviewScanService(db, schemes, NullLogger<ReviewScanService>.Instance).ScanAsync();
        stopwatch.Stop();
        await transaction.RollbackAsync();
    }

    var reviewMs = stopwatch.Elapsed.TotalMilliseconds;
    IReadOnlyList<Guid> found;
    stopwatch.Restart();
    await using (var db = DatabaseSetup.Create(database, actor, clock))
    {
        found = (await new ComplaintService(db, schemes, workingDays, new Messenger(db)).ScanAsync()).Select(s => s.Id).ToList();
        stopwatch.Stop();
    }

    var complaintMs = stopwatch.Elapsed.TotalMilliseconds;
    int told;
    await using (var db = DatabaseSetup.Create(database, actor, clock))
    {
        // Undone, untimed, so the next run finds the same stages: the marks, and what the scan told managers and owners.
        var from = clock.GetUtcNow().UtcDateTime;
        told = await db.PersonMessages.Where(m => m.CreatedAt >= from).ExecuteDeleteAsync();
        await db.OutboxEmails.Where(m => m.CreatedAt >= from).ExecuteDeleteAsync();
        foreach (var chunk in found.Chunk(500))
            await db.ComplaintStages.Where(s => chunk.Contains(s.Id)).ExecuteUpdateAsync(u => u.SetProperty(s => s.OverdueFoundOn, (DateOnly?)null).SetProperty(s => s.OverdueFoundBy, (string?)null));
    }

    Console.WriteLine($"{(run == 0 ? "warm-up" : $"run {run}")}: review scan made {madeReviews:N0} reviews in {reviewMs:N0} ms; " +
                      $"complaint scan found {found.Count:N0} stages overdue and told {told:N0} people in {complaintMs:N0} ms");
    if (run == 0) continue;
    reviewTimes.Add(reviewMs);
    complaintTimes.Add(complaintMs);
}

double Median(List<double> times)
{
    times.Sort();
    return times.Count == 0 ? 0 : times[times.Count / 2];
}

var (reviewMedian, complaintMedian) = (Median(reviewTimes), Median(complaintTimes));
Console.WriteLine($"{database.Provider}: review scan median {reviewMedian:N0} ms (max {reviewTimes.DefaultIfEmpty().Max():N0}), " +
                  $"complaint scan median {complaintMedian:N0} ms (max {complaintTimes.DefaultIfEmpty().Max():N0}); target under {target:N0} ms each");
return reviewMedian > target || complaintMedian > target ? 1 : 0;
