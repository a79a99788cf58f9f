using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ShortBreaks.Core.Ras;

namespace ShortBreaks.Web.Infrastructure;

/// <summary>The "Nodes" configuration section: how a node of the service keeps in step with the others.</summary>
public sealed class NodeOptions
{
    /// <summary>How often a node looks in the database for RAS and scheme versions another node has published.</summary>
    public double VersionPollSeconds { get; set; } = 5;

    /// <summary>How often a node looks in the database for background work waiting (virtual budget runs).</summary>
    public double JobPollSeconds { get; set; } = 5;

    /// <summary>
    /// How long a node holds a piece of background work it has claimed before renewing its hold (it renews every third
    /// of it): work left by a node that stopped is taken up by another this long after.
    /// </summary>
    public double JobLeaseSeconds { get; set; } = 60;

    /// <summary>How often a node looks in the outbox for emails to send (default 15 seconds).</summary>
    public double OutboxPollSeconds { get; set; } = 15;

    /// <summary>How often a node looks whether a daily job is due and not yet run today (default 5 minutes).</summary>
    public double DailyJobPollSeconds { get; set; } = 300;
}

/// <summary>
/// What lets several nodes of the service run behind one load balancer on one database: nothing a request needs is
/// kept on one machine. The keys that protect cookies and form tokens are kept in the database (optionally encrypted
/// with a certificate every node holds), and RAS versions published on one node reach the others within seconds.
/// </summary>
public static class Nodes
{
    /// <summary>The application name the keys are isolated by: the same on every node, whatever its folder.</summary>
    public const string ApplicationName = "ShortBreaks";

    public static void AddStatelessNodes(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;
        var keys = services.AddDataProtection().SetApplicationName(ApplicationName).PersistKeysToDbContext<ShortBreaksDbContext>();
        if (config["DataProtection:CertificatePath"] is { Length: > 0 } path)
        {
            // Keys at rest are then readable only with the certificate's private key, not by whoever reads the database.
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, config["DataProtection:CertificatePassword"]);
            keys.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }

        services.AddSingleton(config.GetSection("Nodes").Get<NodeOptions>() ?? new NodeOptions());
        services.AddHostedService<PublishedVersionSync>();

        services.AddHealthChecks().AddCheck<ReadinessCheck>("ready", tags: [ReadinessCheck.Tag]);
    }

    public static void MapHealth(this WebApplication app)
    {
        var statuses = new Dictionary<HealthStatus, int>
        {
            [HealthStatus.Healthy] = StatusCodes.Status200OK,
            [HealthStatus.Degraded] = StatusCodes.Status200OK,
            [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
        };

        // The process answers: a load balancer restarts a node that stops answering this.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResultStatusCodes = statuses });

        // The node can serve: the database reachable and migrated, a scheme in force. A load balancer sends requests
        // only to nodes that answer 200 here.
        var ready = new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadinessCheck.Tag), ResultStatusCodes = statuses };
        app.MapHealthChecks("/health/ready", ready);
        app.MapHealthChecks("/health", ready);
    }
}

/// <summary>Ready to serve: the database answers and has every migration, and a scheme version is in force today.</summary>
public sealed class ReadinessCheck(ShortBreaksDbContext db, SchemeCatalog schemes) : IHealthCheck
{
    public const string Tag = "ready";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (!await db.Database.CanConnectAsync(cancellationToken)) return HealthCheckResult.Unhealthy("The database cannot be reached.");
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            if (pending > 0) return HealthCheckResult.Unhealthy($"The database needs {pending} migration(s): run the migrate command.");
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("The database cannot be reached.");
        }

        return schemes.Versions.Count == 0
            ? HealthCheckResult.Unhealthy("No scheme version is loaded.")
            : HealthCheckResult.Healthy($"Scheme {schemes.InForceOn(db.Today).Version} in force.");
    }
}

/// <summary>
/// Brings RAS and scheme versions published on another node into this node's catalogs. Published versions never
/// change and are never deleted, so the number of them is the version number polled: a cheap count every few seconds.
/// </summary>
public sealed class PublishedVersionSync(IServiceScopeFactory scopes, NodeOptions options, ILogger<PublishedVersionSync> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(0.1, options.VersionPollSeconds)));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                using var scope = scopes.CreateScope();
                var added = await scope.ServiceProvider.GetRequiredService<RasVersionService>().SyncPublishedAsync(stoppingToken);
                if (added > 0) logger.LogInformation("{Count} RAS version(s) published on another node are now in use here", added);
                var schemes = await scope.ServiceProvider.GetRequiredService<SchemeRegistry>().SyncRecordedAsync(stoppingToken);
                if (schemes > 0) logger.LogInformation("{Count} scheme version(s) published on another node are now in use here", schemes);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database may be restarting; the next tick tries again.
                logger.LogWarning(ex, "Could not look for RAS and scheme versions published on other nodes");
            }
        }
    }
}

/// <summary>Another process is already serving the SQLite database: SQLite is for one node.</summary>
public sealed class SingleNodeException(string message) : Exception(message);

/// <summary>
/// SQLite is the embedded, one-node database: a web node holds a lock file beside it while it runs, and a second
/// process started on the same file refuses to start and says why. Several nodes run on PostgreSQL. The command-line
/// tools (migrate, backup) do not take the lock: they are meant to run beside the service.
/// </summary>
public static class SqliteSingleNode
{
    private static readonly Dictionary<string, (FileStream Lock, int Hosts)> Held = [];

    /// <summary>Takes the lock for this process (hosts in one process share it) until the host stops.</summary>
    public static void Claim(DatabaseOptions database, IHostApplicationLifetime lifetime)
    {
        if (database.Provider != DatabaseProvider.Sqlite) return;
        var source = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(DatabaseSetup.SqliteConnectionString(database.ConnectionString)).DataSource;
        if (string.IsNullOrEmpty(source) || source == ":memory:") return;
        var path = Path.GetFullPath(source) + ".node-lock";
        lock (Held)
        {
            if (Held.TryGetValue(path, out var held))
            {
                Held[path] = (held.Lock, held.Hosts + 1);
            }
            else
            {
                try
                {
                    Held[path] = (new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None), 1);
                }
                catch (IOException)
                {
                    throw new SingleNodeException(
                        $"Another node is already running on the SQLite database {Path.GetFullPath(source)}. SQLite serves one node: " +
                        "to run several nodes, use PostgreSQL (Database:Provider PostgreSql) for all of them.");
                }
            }
        }

        lifetime.ApplicationStopped.Register(() => Release(path));
    }

    private static void Release(string path)
    {
        lock (Held)
        {
            if (!Held.TryGetValue(path, out var held)) return;
            if (held.Hosts > 1)
            {
                Held[path] = (held.Lock, held.Hosts - 1);
                return;
            }

            Held.Remove(path);
            held.Lock.Dispose();
            File.Delete(path);
        }
    }
}
