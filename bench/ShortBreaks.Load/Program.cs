using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Requests;

// A load run against the real server on loopback: N concurrent clients, each signed in as an officer,
// fetching pages for a fixed time; prints the median and 95th percentile per page.
// Usage: dotnet run -c Release --project bench/ShortBreaks.Load -- --url http://127.0.0.1:5090[,http://127.0.0.1:5091...]
//        --db <sqlite file or connection string> [--provider Sqlite|PostgreSql] [--clients 20] [--seconds 30]
//        [--email officer@demo.example] [--password Demo-password-1] [--targets front-door|plans|directory|money|casework] [--compare <slice seconds>]
//        [--warm-up <seconds, default 60>]
//        [--only <part of a page's name>]
// --only measures just the pages whose name contains the text given (for example --only "monitoring list").
// With --targets directory it first adds 5,000 listed services (once; kept in the database), then measures the Local
// Offer search page (a postcode within 5 miles; a postcode, nearest first, a random page of results; and a need with an
// age) and the Open Referral UK feed's /oruk/services?page=N (a random page of 50).
// With --targets plans it first gives 200 children on Targeted Short Breaks a plan of ten versions with fifty
// support lines each, the newest waiting for the panel (once; kept in the database), then measures the plan page
// and the panel agenda of 200 items, signed in as a team manager.
// With --targets money it measures the money pages signed in as the demo finance officer (the finance home, the payment
// runs list, a random payment run, the invoices list, the direct payments monitoring list and a random direct payment's
// account page), and the family's direct payment money page signed in as the second demo parent, linked once to the
// child of the direct payment paid most often (MoneySeed).
// With --targets casework it measures, signed in as a team manager, the reviews worklist (everyone's reviews due in the
// worklist's weeks, and a random page of the overdue ones), the caseload view (a page of the manager's team, and a page of
// every team), the children with no
// key worker, and the complaints list (open cases overdue first, and a random page of every case), on a county whose
// casework was added first by bench/ShortBreaks.DailyScanBench (CaseworkSeed; bench/run-load.sh does it).
// Several URLs (comma-separated, one per node on one database) are used as a round-robin load balancer would: each
// client signs in through the nodes in turn and then sends each request to the next node, so every client's cookie
// is used on every node; any answer but 200 is counted as an error, per node.
var options = Args.Parse(args);
var nodes = options.Get("url", "http://127.0.0.1:5090").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
    .Select(u => new Uri(u.TrimEnd('/') + "/")).ToArray();
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
var directoryRun = options.Get("targets", "front-door") == "directory";
var moneyRun = options.Get("targets", "front-door") == "money";
var caseworkRun = options.Get("targets", "front-door") == "casework";
const string FamilyTarget = "family's direct payment money page"; // the one target measured as the family
if (plansRun || caseworkRun) email = options.Get("email", "manager@demo.example");
if (moneyRun) email = options.Get("email", "finance@demo.example");

List<Guid> childIds;
List<Guid> requestIds;
List<Guid> planChildIds = [];
List<Guid> runIds = [];
List<Guid> directPaymentIds = [];
var familyDirectPaymentId = Guid.Empty;
int childCount;
await using (var db = DatabaseSetup.Create(database))
{
    childCount = await db.Children.CountAsync();
    childIds = await db.Children.OrderBy(c => c.Id).Where(c => c.MergedIntoChildId == null).Select(c => c.Id).Take(5000).ToListAsync();
    requestIds = await db.Requests.Where(r => r.Status == RequestStatus.Submitted).OrderBy(r => r.SubmittedAt).Select(r => r.Id).Take(2000).ToListAsync();
    if (plansRun) planChildIds = await PlanSeed.EnsureAsync(db, children: 200, versions: 10, lines: 50);
    if (directoryRun) await DirectorySeed.EnsureAsync(db, services: 5000);
    if (moneyRun)
    {
        runIds = await db.PaymentRuns.Where(r => r.State == ShortBreaks.Core.Finance.PaymentRunState.Paid).Select(r => r.Id).ToListAsync();
        directPaymentIds = await db.DirectPayments.Where(d => d.State != ShortBreaks.Core.DirectPayments.DirectPaymentState.AwaitingAgreement).Select(d => d.Id).ToListAsync();
        familyDirectPaymentId = await MoneySeed.EnsureFamilyAsync(db);
        Console.WriteLine($"{runIds.Count:N0} paid payment runs, {directPaymentIds.Count:N0} direct payments");
    }
}

Console.WriteLine($"{childCount:N0} children in the database; {clients} clients for {seconds}s against {string.Join(", ", nodes.Select(n => n.ToString()))}");

var targets = caseworkRun
    ? new (string Name, Func<Random, string> Path)[]
    {
        ("reviews worklist (everyone's, next weeks)", _ => "/staff/reviews"),
        ("reviews worklist (overdue, a random page)", r => $"/staff/reviews?when=overdue&p={r.Next(1, 41)}"),
        ("caseload view (the manager's team)", r => $"/staff/caseloads?p={r.Next(1, 8)}"),
        ("caseload view (every team, a random page)", r => $"/staff/caseloads?team=&p={r.Next(1, 51)}"),
        ("children with no key worker", r => $"/staff/caseloads/children?p={r.Next(1, 21)}"),
        ("complaints list (open, overdue first)", _ => "/staff/complaints"),
        ("complaints list (every case, a random page)", r => $"/staff/complaints?show=all&p={r.Next(1, 201)}"),
    }
    : moneyRun
    ? new (string Name, Func<Random, string> Path)[]
    {
        ("finance home", _ => "/finance"),
        ("payment runs list", _ => "/finance/payment-runs"),
        ("payment run page", r => $"/finance/payment-runs/{runIds[r.Next(runIds.Count)]}"),
        ("invoices list", _ => "/finance/invoices"),
        ("direct payments monitoring list", _ => "/finance/direct-payments"),
        ("direct payment account page", r => $"/finance/direct-payments/{directPaymentIds[r.Next(directPaymentIds.Count)]}"),
        (FamilyTarget, _ => $"/account/direct-payments/{familyDirectPaymentId}/money"),
    }
    : directoryRun
    ? new (string Name, Func<Random, string> Path)[]
    {
        ("Local Offer search (postcode within 5 miles)", r => $"/local-offer?postcode=DC{r.Next(1, 17)}+2AB&within=5&p={r.Next(1, 6)}"),
        ("Local Offer search (postcode, nearest first)", r => $"/local-offer?postcode=DC{r.Next(1, 17)}+2AB&p={r.Next(1, 51)}"),
        ("Local Offer search (need and age)", r => $"/local-offer?need=need-autism&age={r.Next(5, 15)}&p={r.Next(1, 10)}"),
        ("/oruk/services?page=N (50 a page)", r => $"/oruk/services?page={r.Next(1, 101)}"),
    }
    : plansRun
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

var only = options.Get("only", "");
if (only.Length > 0) targets = targets.Where(t => t.Name.Contains(only, StringComparison.OrdinalIgnoreCase)).ToArray();
if (targets.Length == 0) throw new ArgumentException($"No page's name contains \"{only}\".");

var sessions = new List<Session>();
for (var i = 0; i < clients; i++) sessions.Add(await SignInAsync(nodes, i, email, password));
var familySessions = new List<Session>();
if (moneyRun) for (var i = 0; i < clients; i++) familySessions.Add(await SignInAsync(nodes, i, MoneySeed.FamilyEmail, password));

// Every client's cookie must work on every node before anything is measured (keys shared through the database).
foreach (var (session, home) in sessions.Select(s => (s, moneyRun ? "finance" : "staff/triage")).Concat(familySessions.Select(s => (s, "account"))))
{
    foreach (var node in nodes)
    {
        using var response = await session.Client.GetAsync(new Uri(node, home));
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"A client signed in on {nodes[session.Start]} got {(int)response.StatusCode} from {node}{home}.");
        }
    }
}

List<Session> SessionsFor(string target) => target == FamilyTarget ? familySessions : sessions;

if (nodes.Length > 1) Console.WriteLine($"{nodes.Length} nodes, round robin per request; every client's cookie checked on every node");

// With --compare <slice seconds> and several nodes, each page is measured on the first node alone and on every node
// in turn, alternating in short slices (one, all, all, one, ...) so that both share whatever else the machine is doing.
var slice = int.Parse(options.Get("compare", "0"));
if (slice > 0 && nodes.Length < 2) throw new ArgumentException("--compare needs two or more URLs.");
var modes = slice > 0 ? new[] { ("1 node", nodes[..1]), ($"{nodes.Length} nodes", nodes) } : [("", nodes)];
// A server that has just started compiles its code again, faster, for some tens of seconds (tiered compilation), so
// the page measured first would pay for all of them: every page is visited first in turn, as a server that has been
// running would have been. Under this load the service's compiler thread kept a third of a core busy for about a
// minute after it started (read from its thread's CPU time), so the visits last a minute in all however few pages are
// measured (--warm-up gives another length), and at least 10 seconds each.
var warmUp = TimeSpan.FromSeconds(int.Parse(options.Get("warm-up", "60")));
var visit = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(10).Ticks, warmUp.Ticks / Math.Max(1, targets.Length)));
foreach (var (name, path) in targets)
{
    await RunAsync(SessionsFor(name), nodes, path, visit, new List<double>(), new int[nodes.Length], new int[nodes.Length]);
}

foreach (var (name, path) in targets)
{
    // Warm up (JIT, connection pools, database caches), then measure.
    await RunAsync(SessionsFor(name), nodes, path, TimeSpan.FromSeconds(10), new List<double>(), new int[nodes.Length], new int[nodes.Length]);
    var results = modes.Select(m => new Result(m.Item1, m.Item2)).ToArray();
    if (slice > 0)
    {
        for (var round = 0; round < Math.Max(1, seconds / slice); round++)
        {
            foreach (var result in round % 2 == 0 ? results : results.Reverse()) await MeasureAsync(result, TimeSpan.FromSeconds(slice));
        }
    }
    else
    {
        await MeasureAsync(results[0], TimeSpan.FromSeconds(seconds));
    }

    foreach (var result in results)
    {
        result.Timings.Sort();
        var timings = result.Timings;
        var label = result.Mode.Length > 0 ? $"{name}, {result.Mode}" : name;
        var perNode = result.Nodes.Length > 1 ? $"  per node {string.Join(" / ", result.Requests.Select(r => r.ToString("N0")))}" : "";
        Console.WriteLine($"{label,-48} requests {timings.Count,7:N0}  {timings.Count / result.Elapsed.TotalSeconds,7:N0}/s  median {Percentile(timings, 50),7:N1} ms  p95 {Percentile(timings, 95),7:N1} ms  p99 {Percentile(timings, 99),7:N1} ms  errors {string.Join(" / ", result.Errors)}{perNode}");
    }

    async Task MeasureAsync(Result result, TimeSpan duration)
    {
        var stopwatch = Stopwatch.StartNew();
        await RunAsync(SessionsFor(name), result.Nodes, path, duration, result.Timings, result.Requests, result.Errors);
        result.Elapsed += stopwatch.Elapsed;
    }
}

return 0;

static async Task RunAsync(
    List<Session> sessions, Uri[] nodes, Func<Random, string> path, TimeSpan duration, List<double> timings, int[] requests, int[] errors)
{
    var until = DateTime.UtcNow + duration;
    var tasks = sessions.Select(async (session, index) =>
    {
        var random = new Random(index);
        var local = new List<double>();
        var turn = session.Start;
        while (DateTime.UtcNow < until)
        {
            // The next node in turn: the first request after signing in goes to another node than the sign-in did.
            turn = (turn + 1) % nodes.Length;
            var started = Stopwatch.GetTimestamp();
            using var response = await session.Client.GetAsync(new Uri(nodes[turn], path(random).TrimStart('/')));
            await response.Content.ReadAsByteArrayAsync();
            local.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            Interlocked.Increment(ref requests[turn]);
            if (response.StatusCode != HttpStatusCode.OK) Interlocked.Increment(ref errors[turn]);
        }

        lock (timings) timings.AddRange(local);
    });
    await Task.WhenAll(tasks);
}

static double Percentile(List<double> sorted, double p) =>
    sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

// Signs a client in on the nodes in turn, starting at node (index mod nodes): the form is fetched from one node and
// posted to the next, so the antiforgery token is also checked across nodes. Cookies are kept per host, not per
// port, so one cookie container serves every node on loopback.
static async Task<Session> SignInAsync(Uri[] nodes, int index, string email, string password)
{
    var start = index % nodes.Length;
    var step = start;
    Uri Next(string path) => new(nodes[step++ % nodes.Length], path.TrimStart('/'));
    var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
    var client = new HttpClient(handler);
    var form = await client.GetStringAsync(Next("/account/sign-in"));
    var token = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
    using var response = await client.PostAsync(Next("/account/sign-in"), new FormUrlEncodedContent(new Dictionary<string, string>
    {
        ["Email"] = email,
        ["Password"] = password,
        ["__RequestVerificationToken"] = token,
    }));
    if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Sign in as {email} failed: {(int)response.StatusCode}");
    if (response.Headers.Location?.OriginalString.StartsWith("/account/two-factor", StringComparison.Ordinal) == true)
    {
        // Demo staff: the code for the demo authenticator key.
        var twoFactor = response.Headers.Location.OriginalString;
        var codePage = await client.GetStringAsync(Next(twoFactor));
        var codeToken = Regex.Match(codePage, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var second = await client.PostAsync(Next(twoFactor), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Code"] = ShortBreaks.Core.Identity.Authenticator.CurrentCode(ShortBreaks.Core.Identity.Authenticator.DemoKey),
            ["__RequestVerificationToken"] = codeToken,
        }));
        if (second.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"The authenticator code for {email} was refused: {(int)second.StatusCode}");
    }

    return new Session(client, start);
}

/// <summary>What one way of sending the requests (one node, or every node in turn) measured for a page.</summary>
internal sealed class Result(string mode, Uri[] nodes)
{
    public string Mode { get; } = mode;
    public Uri[] Nodes { get; } = nodes;
    public List<double> Timings { get; } = [];
    public int[] Requests { get; } = new int[nodes.Length];
    public int[] Errors { get; } = new int[nodes.Length];
    public TimeSpan Elapsed { get; set; }
}

/// <summary>A signed-in client and the node it started signing in on.</summary>
internal sealed record Session(HttpClient Client, int Start);

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
