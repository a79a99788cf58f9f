using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ShortBreaks.Core.Calendar;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Ras;
using ShortBreaks.Core.Ras.VirtualBudgets;
using ShortBreaks.Core.Schemes;
using ShortBreaks.TestCommon;
using ShortBreaks.Web.Infrastructure;

namespace ShortBreaks.Web.Tests.Nodes;

/// <summary>A node of the service, as live: data protection keys in the database, RAS versions polled often.</summary>
public sealed class Node : WebAppFactory
{
    private readonly (string Key, string Value)[] _settings;
    private readonly bool _keysInMemory;

    /// <summary>The first node, on a database of its own.</summary>
    public Node(params (string Key, string Value)[] settings)
        : base(WebTestDatabase.Current)
    {
        _settings = settings;
    }

    /// <summary>Another node on the first one's database; with keys in memory, a node that does not share them.</summary>
    public Node(Node first, bool keysInMemory = false, params (string Key, string Value)[] settings)
        : this(first.TestDatabase, keysInMemory, settings)
    {
    }

    /// <summary>A node on a database the test made (and removes).</summary>
    public Node(TestDatabase database, bool keysInMemory = false, params (string Key, string Value)[] settings)
        : base(database)
    {
        _settings = settings;
        _keysInMemory = keysInMemory;
    }

    protected override bool KeysInMemory => _keysInMemory;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Nodes:VersionPollSeconds", "0.2");
        builder.UseSetting("Nodes:JobPollSeconds", "0.2");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
    }

    /// <summary>A browser whose cookies are the given jar: the same person reaching whichever node the load balancer picks.</summary>
    public PageClient Browser(CookieContainer cookies) => new(CreateDefaultClient(new CookieContainerHandler(cookies)));

    /// <summary>Starts the host now, so nodes start one after another as a rolling deployment does.</summary>
    public Node Started()
    {
        _ = Services;
        return this;
    }
}

public sealed class SeveralNodesTests
{
    [Fact]
    public async Task Sign_in_form_from_one_node_posted_to_another_signs_in_and_the_first_node_reads_the_cookie()
    {
        using var a = new Node().Started();
        using var b = new Node(a).Started();
        var family = await a.CreateUserAsync(Roles.Family);
        var cookies = new CookieContainer();
        using var onA = a.Browser(cookies);
        using var onB = b.Browser(cookies);

        var form = await onA.GetPageAsync("/account/sign-in");
        var signedIn = await onB.SubmitAsync(form, "main form[method=post]", new() { ["Email"] = family.Email, ["Password"] = family.Password });
        signedIn.Status.ShouldBe(HttpStatusCode.Redirect, Page.Normalise(signedIn.Text));

        var account = await onA.GetPageAsync("/account");
        account.Status.ShouldBe(HttpStatusCode.OK);
        var again = await onB.GetPageAsync("/account");
        again.Status.ShouldBe(HttpStatusCode.OK);

        await using var db = DatabaseSetup.Create(a.Database);
        var key = (await db.DataProtectionKeys.ToListAsync()).ShouldHaveSingleItem();
        key.Xml.ShouldNotBeNull().ShouldContain("masterKey");
    }

    [Fact]
    public async Task A_node_that_keeps_its_own_keys_cannot_read_another_nodes_cookie_so_the_shared_keys_are_what_carry_it()
    {
        using var a = new Node().Started();
        using var loner = new Node(a, keysInMemory: true).Started();
        var family = await a.CreateUserAsync(Roles.Family);
        var cookies = new CookieContainer();
        using var onA = a.Browser(cookies);
        using var onLoner = loner.Browser(cookies);
        await onA.SignInAsync(family);

        (await onA.GetPageAsync("/account")).Status.ShouldBe(HttpStatusCode.OK);
        var elsewhere = await onLoner.GetPageAsync("/account");
        elsewhere.Status.ShouldBe(HttpStatusCode.Redirect);
        elsewhere.RedirectPath.ShouldNotBeNull().ShouldStartWith("/account/sign-in");
    }

    [Fact]
    public async Task Keys_protected_with_a_certificate_are_stored_encrypted_and_read_by_every_node_holding_it()
    {
        var folder = Directory.CreateTempSubdirectory("shortbreaks-keys-").FullName;
        try
        {
            var path = Path.Combine(folder, "keys.pfx");
            using (var rsa = RSA.Create(2048))
            {
                var request = new CertificateRequest("CN=Short breaks key protection (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
                await File.WriteAllBytesAsync(path, certificate.Export(X509ContentType.Pfx, "test only"));
            }

            (string, string)[] settings = [("DataProtection:CertificatePath", path), ("DataProtection:CertificatePassword", "test only")];
            using var a = new Node(settings).Started();
            using var b = new Node(a, settings: settings).Started();
            var family = await a.CreateUserAsync(Roles.Family);
            var cookies = new CookieContainer();
            using var onA = a.Browser(cookies);
            using var onB = b.Browser(cookies);
            await onA.SignInAsync(family);

            (await onB.GetPageAsync("/account")).Status.ShouldBe(HttpStatusCode.OK);
            await using var db = DatabaseSetup.Create(a.Database);
            var xml = (await db.DataProtectionKeys.ToListAsync()).ShouldHaveSingleItem().Xml.ShouldNotBeNull();
            xml.ShouldContain("EncryptedXmlDecryptor");
            xml.ShouldNotContain("<value>");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_RAS_version_published_on_one_node_is_used_by_the_other_within_seconds()
    {
        using var a = new Node().Started();
        using var b = new Node(a).Started();
        var label = "nodes-" + Guid.NewGuid().ToString("N")[..8];
        var effective = UkCalendar.DateOf(DateTime.UtcNow).AddDays(400);

        await a.WithServicesAsync(async services =>
        {
            var versions = services.GetRequiredService<RasVersionService>();
            var inForce = services.GetRequiredService<RasSchemeCatalog>().Versions[^1].Version;
            var (draft, created) = await versions.CreateDraftAsync(inForce, label, effective, "Published on node A");
            created.Succeeded.ShouldBeTrue();
            (await versions.PublishAsync(draft!, draft!.Version)).Succeeded.ShouldBeTrue();
            return true;
        });

        var onB = b.Services.GetRequiredService<RasSchemeCatalog>();
        var seen = await Eventually.UntilAsync(() => Task.FromResult(onB.Find(label)), s => s is not null, $"node B to use RAS version {label}", TimeSpan.FromSeconds(10));
        seen!.EffectiveFrom.ShouldBe(effective);
        onB.InForceOn(effective).Version.ShouldBe(label);
    }

    [Fact]
    public async Task A_scheme_version_published_while_two_nodes_run_is_used_by_both_within_seconds_and_by_a_node_started_without_its_file()
    {
        await using var database = await TestDatabase.CreateAsync(WebTestDatabase.Current);
        using var a = new Node(database).Started();
        using var b = new Node(database).Started();
        var label = "nodes-" + Guid.NewGuid().ToString("N")[..8];
        var effective = UkCalendar.DateOf(DateTime.UtcNow).AddDays(30);
        var shipped = a.Services.GetRequiredService<SchemeCatalog>().InForceOn(UkCalendar.DateOf(DateTime.UtcNow));
        var (scheme, errors) = SchemeCatalog.Parse(JsonSerializer.Serialize(
            shipped with { Version = label, EffectiveFrom = effective, Tiers = shipped.Tiers with { FlexibleShortBreaks = shipped.Tiers.FlexibleShortBreaks with { HoursPerYear = 96 } } },
            SchemeCatalog.JsonOptions));
        errors.ShouldBeEmpty();

        await using (var db = database.NewContext())
        {
            var (outcome, message) = await SchemePublishing.PublishAsync(db, scheme!, TimeProvider.System);
            outcome.ShouldBe(SchemePublishOutcome.Published, message);
        }

        foreach (var node in new[] { a, b })
        {
            var catalog = node.Services.GetRequiredService<SchemeCatalog>();
            var seen = await Eventually.UntilAsync(() => Task.FromResult(catalog.Find(label)), s => s is not null, $"the node to use scheme {label}", TimeSpan.FromSeconds(10));
            seen!.ContentHash.ShouldBe(scheme!.ContentHash);
            catalog.InForceOn(effective).Tiers.FlexibleShortBreaks.HoursPerYear.ShouldBe(96);
            catalog.InForceOn(effective.AddDays(-1)).Version.ShouldBe(shipped.Version);
        }

        // A node started later from files without the new version still uses it: the database is where nodes meet.
        using var c = new Node(database).Started();
        c.Services.GetRequiredService<SchemeCatalog>().Find(label).ShouldNotBeNull();
    }

    [Fact]
    public async Task Virtual_budget_runs_asked_for_while_two_nodes_are_up_are_each_run_exactly_once()
    {
        using var a = new Node().Started();
        using var b = new Node(a).Started();
        var version = a.Services.GetRequiredService<RasSchemeCatalog>().Versions[^1].Version;
        var runs = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            var node = i % 2 == 0 ? a : b;
            var id = await node.WithServicesAsync(async services =>
            {
                var (run, result) = await services.GetRequiredService<VirtualBudgetService>().RequestAsync(version);
                result.Succeeded.ShouldBeTrue();
                return run!.Id;
            });
            node.Services.GetRequiredService<Web.Infrastructure.VirtualBudgetQueue>().Enqueue(id);
            runs.Add(id);
        }

        var done = await Eventually.UntilAsync(() => RunsAsync(a, runs), r => r.All(x => x.Status == VirtualBudgetRunStatus.Completed), "every run to complete");
        done.ShouldAllBe(r => r.Attempts == 1 && r.LeaseUntil == null);
        done.Select(r => r.ClaimedBy).Distinct().Count().ShouldBeInRange(1, 2);
    }

    [Fact]
    public async Task A_run_left_part_way_by_a_node_that_stopped_is_finished_by_another_only_once_its_lease_has_passed()
    {
        using var a = new Node().Started();
        var version = a.Services.GetRequiredService<RasSchemeCatalog>().Versions[^1].Version;
        var leaseUntil = DateTime.UtcNow.AddSeconds(3);
        // What a node killed in the middle of a run leaves: the run Running, claimed by it, its lease not yet passed.
        var runId = await a.Data.WithDbAsync(async db =>
        {
            var run = new VirtualBudgetRun
            {
                VersionLabel = version, RequestedByName = "Helen Marsh", RequestedAt = DateTime.UtcNow, Status = VirtualBudgetRunStatus.Running,
                StartedAt = DateTime.UtcNow, ClaimedBy = "a node that stopped", LeaseUntil = leaseUntil, Attempts = 1,
            };
            db.VirtualBudgetRuns.Add(run);
            await db.SaveChangesAsync();
            return run.Id;
        });

        a.Services.GetRequiredService<Web.Infrastructure.VirtualBudgetQueue>().Enqueue(runId);
        await Task.Delay(TimeSpan.FromSeconds(1));
        var meanwhile = (await RunsAsync(a, [runId])).Single();
        if (DateTime.UtcNow < leaseUntil)
        {
            meanwhile.Status.ShouldBe(VirtualBudgetRunStatus.Running);
            meanwhile.ClaimedBy.ShouldBe("a node that stopped");
        }

        var finished = (await Eventually.UntilAsync(() => RunsAsync(a, [runId]), r => r.Single().Status == VirtualBudgetRunStatus.Completed, "the run to be finished by the node that is up")).Single();
        finished.Attempts.ShouldBe(2);
        finished.ClaimedBy.ShouldNotBe("a node that stopped");
        finished.StartedAt!.Value.ShouldBeGreaterThanOrEqualTo(leaseUntil.AddSeconds(-1));
    }

    private static Task<List<VirtualBudgetRun>> RunsAsync(Node node, List<Guid> ids) =>
        node.Data.WithDbAsync(db => db.VirtualBudgetRuns.AsNoTracking().Where(r => ids.Contains(r.Id)).ToListAsync());

    [Fact]
    public async Task Nodes_started_together_on_an_empty_database_migrate_it_once_and_both_serve()
    {
        await using var empty = await TestDatabase.CreateAsync(WebTestDatabase.Current, migrate: false);
        using var a = new Node(empty);
        using var b = new Node(empty);

        await Task.WhenAll(Task.Run(() => a.Started()), Task.Run(() => b.Started()));

        foreach (var node in new[] { a, b })
        {
            using var anonymous = node.Anonymous();
            (await anonymous.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        await using var db = empty.NewContext();
        (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        var recorded = await db.SchemeVersions.Select(v => v.Version).ToListAsync();
        recorded.ShouldBe(a.Services.GetRequiredService<SchemeCatalog>().Versions.Select(v => v.Version), ignoreOrder: true);
    }

    [Fact]
    public async Task A_second_process_on_the_same_SQLite_database_is_refused_and_told_to_use_PostgreSQL()
    {
        var folder = Directory.CreateTempSubdirectory("shortbreaks-one-node-").FullName;
        var database = Path.Combine(folder, "shortbreaks.db");
        using var first = StartService(database, FreePort());
        try
        {
            await Eventually.UntilAsync(() => ReadyAsync(first.Port), ready => ready || first.Process.HasExited, "the first node to be ready");
            first.Process.HasExited.ShouldBeFalse();

            using var second = StartService(database, FreePort());
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await second.Process.WaitForExitAsync(timeout.Token);
            second.Process.ExitCode.ShouldBe(1);
            var said = await second.Output;
            said.ShouldContain("Another node is already running on the SQLite database");
            said.ShouldContain("use PostgreSQL");
            said.ShouldContain("The service has not started");
            (await ReadyAsync(first.Port)).ShouldBeTrue();
        }
        finally
        {
            first.Process.Kill(entireProcessTree: true);
            await first.Process.WaitForExitAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed record ServiceProcess(Process Process, int Port, Task<string> Output) : IDisposable
    {
        public void Dispose() => Process.Dispose();
    }

    /// <summary>The built service run as an operator runs it, on a SQLite file.</summary>
    private static ServiceProcess StartService(string database, int port)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(database)! };
        foreach (var arg in new[] { typeof(Program).Assembly.Location, "--Database:ConnectionString", database, "--Urls", $"http://127.0.0.1:{port}", "--Email:PickupDirectory", Path.Combine(Path.GetDirectoryName(database)!, "mail") })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        return new ServiceProcess(process, port, Task.WhenAll(output, error).ContinueWith(t => string.Join("\n", t.Result), TaskScheduler.Default));
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<bool> ReadyAsync(int port)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            return (await http.GetAsync($"http://127.0.0.1:{port}/health/ready")).StatusCode == HttpStatusCode.OK;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    [Fact]
    public async Task Health_says_live_and_ready_and_a_database_without_its_migrations_is_not_ready()
    {
        using var a = new Node().Started();
        using var anonymous = a.Anonymous();
        (await anonymous.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var ready = await anonymous.GetAsync("/health/ready");
        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ready.Content.ReadAsStringAsync()).ShouldBe("Healthy");

        await using var empty = await TestDatabase.CreateAsync(a.Database.Provider, migrate: false);
        if (empty.Provider == DatabaseProvider.Sqlite)
        {
            // An empty file is an SQLite database with no tables, as a PostgreSQL database just created is.
            await File.WriteAllBytesAsync(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(empty.ConnectionString).DataSource, []);
        }

        await using var db = empty.NewContext();
        var check = new ReadinessCheck(db, a.Services.GetRequiredService<SchemeCatalog>());
        var result = await check.CheckHealthAsync(new HealthCheckContext());
        result.Status.ShouldBe(HealthStatus.Unhealthy);
        result.Description.ShouldNotBeNull().ShouldContain("migrate");
    }
}
