using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Requests;

// A load run against the real server on loopback: N concurrent clients, each signed in as an officer,
// fetching pages for a fixed time; prints the median and 95th percentile per page.
// Usage: dotnet run -c Release --project bench/ShortBreaks.Load -- --url http://127.0.0.1:5090
//        --db <sqlite file or connection string> [--provider Sqlite|PostgreSql] [--clients 20] [--seconds 30]
//        [--email officer@demo.example] [--password Demo-password-1] [--targets front-door|plans]
// With --targets plans it first gives 200 children on Targeted Short Breaks a plan of ten versions with fifty
// support lines each, the newest waiting for the panel (once; kept in the database), then measures the plan page
// and the panel agenda of 200 items, signed in as a team manager.
var options = Args.Parse(args);
var url = options.Get("url", "http://127.0.0.1:5090").TrimEnd('/');
var clients = int.Parse(options.Get("clients", "20"));
var seconds = int.Parse(options.Get("seconds", "30"));
var email = options.Get("email", "officer@demo.example");
var password = options.Get("password", "Demo-password-1");
var database = new DatabaseOptions
{
    Provider = Enum.Parse<DatabaseProvider>(options.Get("provider", "Sqlite"), true),
    ConnectionString = options.Get("db", "data/shortbreaks.db"),
};

var plansRun = options.Get("targets", "front-door") == "plans";
if (plansRun) email = options.Get("email", "manager@demo.example");

List<Guid> childIds;
List<Guid> requestIds;
List<Guid> planChildIds = [];
int childCount;
await using (var db = DatabaseSetup.Create(database))
{
    childCount = await db.Children.CountAsync();
    childIds = await db.Children.OrderBy(c => c.Id).Where(c => c.MergedIntoChildId == null).Select(c => c.Id).Take(5000).ToListAsync();
    requestIds = await db.Requests.Where(r => r.Status == RequestStatus.Submitted).OrderBy(r => r.SubmittedAt).Select(r => r.Id).Take(2000).ToListAsync();
    if (plansRun) planChildIds = await PlanSeed.EnsureAsync(db, children: 200, versions: 10, lines: 50);
}

Console.WriteLine($"{childCount:N0} children in the database; {clients} clients for {seconds}s against {url}");

var targets = plansRun
    ? new (string Name, Func<Random, string> Path)[]
    {
        ("plan page (10 versions, 50 lines)", r => $"/staff/children/{planChildIds[r.Next(planChildIds.Count)]}/plan"),
        ("panel agenda (200 items)", _ => "/staff/panel"),
    }
    : new (string Name, Func<Random, string> Path)[]
    {
        ("triage queue (first page)", _ => "/staff/triage"),
        ("triage queue (page 2, overdue filter)", _ => "/staff/triage?waiting=Overdue&page=2"),
        ("child record", r => $"/staff/children/{childIds[r.Next(childIds.Count)]}"),
        ("request page", r => $"/staff/requests/{requestIds[r.Next(requestIds.Count)]}"),
    };

var sessions = new List<HttpClient>();
for (var i = 0; i < clients; i++) sessions.Add(await SignInAsync(url, email, password));

foreach (var (name, path) in targets)
{
    // Warm up (JIT, connection pools, database caches), then measure.
    await RunAsync(sessions, path, TimeSpan.FromSeconds(10), new List<double>(), new int[1]);
    var timings = new List<double>();
    var errors = new int[1];
    var stopwatch = Stopwatch.StartNew();
    await RunAsync(sessions, path, TimeSpan.FromSeconds(seconds), timings, errors);
    timings.Sort();
    Console.WriteLine($"{name,-40} requests {timings.Count,7:N0}  {timings.Count / stopwatch.Elapsed.TotalSeconds,7:N0}/s  median {Percentile(timings, 50),7:N1} ms  p95 {Percentile(timings, 95),7:N1} ms  p99 {Percentile(timings, 99),7:N1} ms  errors {errors[0]}");
}

return 0;

static async Task RunAsync(List<HttpClient> sessions, Func<Random, string> path, TimeSpan duration, List<double> timings, int[] errors)
{
    var until = DateTime.UtcNow + duration;
    var tasks = sessions.Select(async (client, index) =>
    {
        var random = new Random(index);
        var local = new List<double>();
        while (DateTime.UtcNow < until)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync(path(random));
            await response.Content.ReadAsByteArrayAsync();
            local.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (response.StatusCode != HttpStatusCode.OK) Interlocked.Increment(ref errors[0]);
        }

        lock (timings) timings.AddRange(local);
    });
    await Task.WhenAll(tasks);
}

static double Percentile(List<double> sorted, double p) =>
    sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

static async Task<HttpClient> SignInAsync(string url, string email, string password)
{
    var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
    var client = new HttpClient(handler) { BaseAddress = new Uri(url) };
    var form = await client.GetStringAsync("/account/sign-in");
    var token = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
    using var response = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
    {
        ["Email"] = email,
        ["Password"] = password,
        ["__RequestVerificationToken"] = token,
    }));
    if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Sign in as {email} failed: {(int)response.StatusCode}");
    if (response.Headers.Location?.OriginalString.StartsWith("/account/two-factor", StringComparison.Ordinal) == true)
    {
        // Demo staff: the code for the demo authenticator key.
        var step = response.Headers.Location.OriginalString;
        var codePage = await client.GetStringAsync(step);
        var codeToken = Regex.Match(codePage, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var second = await client.PostAsync(step, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Code"] = ShortBreaks.Core.Identity.Authenticator.CurrentCode(ShortBreaks.Core.Identity.Authenticator.DemoKey),
            ["__RequestVerificationToken"] = codeToken,
        }));
        if (second.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"The authenticator code for {email} was refused: {(int)second.StatusCode}");
    }

    return client;
}

internal sealed class Args(Dictionary<string, string> values)
{
    public string Get(string name, string fallback) => values.TryGetValue(name, out var v) ? v : fallback;

    public static Args Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"Expected an option name, found '{args[i]}'.");
            values[args[i][2..]] = args[i + 1];
        }

        return new Args(values);
    }
}
