using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Design;

namespace ShortBreaks.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>The "Database" configuration section.</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>For SQLite, a file path or a full connection string; for PostgreSQL, a connection string.</summary>
    public string ConnectionString { get; set; } = "Data Source=data/shortbreaks.db";
}

public static class DatabaseSetup
{
    public static IServiceCollection AddShortBreaksDatabase(this IServiceCollection services, DatabaseOptions options)
    {
        services.AddScoped<Actor>();
        services.AddSingleton(options);
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = SqliteConnectionString(options.ConnectionString);
                services.AddDbContext<ShortBreaksDbContext, SqliteShortBreaksDbContext>(o => ConfigureSqlite(o, sqlite));
                break;
            case DatabaseProvider.PostgreSql:
                services.AddDbContext<ShortBreaksDbContext, PostgresShortBreaksDbContext>(o => ConfigurePostgres(o, options.ConnectionString));
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider '{options.Provider}'.");
        }

        return services;
    }

    /// <summary>A DbContext outside dependency injection (command-line tools, tests).</summary>
    public static ShortBreaksDbContext Create(DatabaseOptions options, Actor? actor = null, TimeProvider? clock = null)
    {
        actor ??= Actor.System;
        clock ??= TimeProvider.System;
        return options.Provider switch
        {
            DatabaseProvider.Sqlite => new SqliteShortBreaksDbContext(
                ConfigureSqlite(new DbContextOptionsBuilder<SqliteShortBreaksDbContext>(), SqliteConnectionString(options.ConnectionString)).Options, actor, clock),
            DatabaseProvider.PostgreSql => new PostgresShortBreaksDbContext(
                ConfigurePostgres(new DbContextOptionsBuilder<PostgresShortBreaksDbContext>(), options.ConnectionString).Options, actor, clock),
            _ => throw new InvalidOperationException($"Unknown database provider '{options.Provider}'."),
        };
    }

    private static T ConfigureSqlite<T>(T builder, string connectionString) where T : DbContextOptionsBuilder
    {
        builder.UseSqlite(connectionString, s => s.MigrationsAssembly(typeof(DatabaseSetup).Assembly.FullName));
        builder.AddInterceptors(SqlitePragmas.Instance);
        return builder;
    }

    private static T ConfigurePostgres<T>(T builder, string connectionString) where T : DbContextOptionsBuilder
    {
        builder.UseNpgsql(PostgresConnectionString(connectionString));
        return builder;
    }

    /// <summary>
    /// Turns on Npgsql's automatic preparation of the statements used most (unless the connection string says
    /// otherwise), so PostgreSQL parses and plans each of the service's queries once per connection, not on
    /// every request.
    /// </summary>
    public static string PostgresConnectionString(string value)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(value);
        if (!value.Contains("Max Auto Prepare", StringComparison.OrdinalIgnoreCase) && !value.Contains("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = 100;
            builder.AutoPrepareMinUsages = 2;
        }

        return builder.ConnectionString;
    }

    /// <summary>Accepts a bare file path, creates its folder, and turns on the settings a web server needs.</summary>
    public static string SqliteConnectionString(string value)
    {
        var builder = value.Contains('=') ? new SqliteConnectionStringBuilder(value) : new SqliteConnectionStringBuilder { DataSource = value };
        if (builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        }

        builder.Pooling = true;
        builder.DefaultTimeout = 30;
        return builder.ToString();
    }

    /// <summary>Applies migrations; on SQLite also turns on write-ahead logging so readers never wait for a writer.</summary>
    public static async Task MigrateAsync(ShortBreaksDbContext db, CancellationToken cancellationToken = default)
    {
        // Nodes starting together and the migrate command take turns: migrations and the audit triggers are applied once.
        await using var turn = await StartLock.AcquireAsync(db, StartLock.Migrate, cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            // Statistics for the query planner, read from every index (about half a second for a county of 100,000
            // children): without them SQLite picks an index by its shape alone, and over a county chose to read every open
            // child through "not closed" rather than the index made for the caseload counts. A sample is not enough: the
            // first rows of "closed" are all open children. Renewed whenever a node starts.
            await db.Database.ExecuteSqlRawAsync("ANALYZE;", cancellationToken);
        }

        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync(AuditAppendOnlySql, cancellationToken);
        }
    }

    /// <summary>
    /// On PostgreSQL the audit trail can only grow: triggers refuse every UPDATE, DELETE and TRUNCATE of
    /// "AuditEntries", whoever runs them. Applied on every migrate, so it is there however the database was made.
    /// The one exception is retention: a manager's confirmed erasure deletes entries past their period (and a child's
    /// entries with the record) inside its own transaction, which says so with <c>SET LOCAL
    /// shortbreaks.retention_erasure</c>, and leaves a tombstone entry for each (see RetentionService).
    /// </summary>
    public const string AuditAppendOnlySql = """
        CREATE OR REPLACE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
        BEGIN
            IF TG_OP = 'DELETE' AND current_setting('shortbreaks.retention_erasure', true) = 'on' THEN
                RETURN OLD;
            END IF;
            RAISE EXCEPTION 'The audit trail cannot be changed or deleted (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
        END
        $fn$;
        DO $do$
        BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = 'audit_entries_no_change' AND tgrelid = '"AuditEntries"'::regclass) THEN
                CREATE TRIGGER audit_entries_no_change BEFORE UPDATE OR DELETE ON "AuditEntries"
                    FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();
            END IF;
            IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = 'audit_entries_no_truncate' AND tgrelid = '"AuditEntries"'::regclass) THEN
                CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON "AuditEntries"
                    FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only();
            END IF;
        END
        $do$;
        """;
}

/// <summary>
/// The settings each SQLite connection is opened with. With write-ahead logging, synchronous=NORMAL syncs at checkpoints
/// rather than on every commit: the database cannot be corrupted, and a commit is lost only if the machine itself loses
/// power in that instant. Every view of a child's record is an audited write, so this is what keeps record pages fast.
/// Each connection keeps up to 16 MiB of the file's pages (cache_size) rather than SQLite's 2 MiB: the lists that count
/// over a county read thousands of index pages a view, and with the smaller cache each connection read them again from
/// the operating system, a system call a page. (Mapping the file into memory instead, with mmap_size, measured slower
/// for the pages that write: every audited view grows the file, and each growth remaps it for every connection.)
/// The settings belong to the connection SQLite keeps open in its pool, so they are made once for each, not again every
/// time the pool hands it out (EF Core opens and closes it for every query).
/// </summary>
internal sealed class SqlitePragmas : Microsoft.EntityFrameworkCore.Diagnostics.DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    /// <summary>The most of the file's pages each connection keeps, in KiB (SQLite's own default is 2,000).</summary>
    public const int CacheKibibytes = 16 * 1024;

    // The pooled connections already set up (held weakly: a connection the pool closes is forgotten with it).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> SetUp = [];

    public override void ConnectionOpened(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData) =>
        Apply(connection);

    public override Task ConnectionOpenedAsync(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(System.Data.Common.DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle } && SetUp.TryGetValue(handle, out _)) return;
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA synchronous=NORMAL; PRAGMA cache_size=-{CacheKibibytes};";
        command.ExecuteNonQuery();
        if (connection is SqliteConnection { Handle: { } opened }) SetUp.AddOrUpdate(opened, opened);
    }
}

// Used by `dotnet ef migrations add` only.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteShortBreaksDbContext>
{
    public SqliteShortBreaksDbContext CreateDbContext(string[] args) =>
        (SqliteShortBreaksDbContext)DatabaseSetup.Create(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = "Data Source=design.db" });
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresShortBreaksDbContext>
{
    public PostgresShortBreaksDbContext CreateDbContext(string[] args) =>
        (PostgresShortBreaksDbContext)DatabaseSetup.Create(new DatabaseOptions { Provider = DatabaseProvider.PostgreSql, ConnectionString = "Host=localhost;Database=design" });
}
