using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ShortBreaks.Core.Auditing;
using ShortBreaks.Core.Data;

namespace ShortBreaks.TestCommon;

/// <summary>
/// A database of its own for one test: migrated and empty unless asked otherwise, and removed on dispose.
/// SQLite gets a temporary file; PostgreSQL a new database on the process's shared <see cref="PostgresCluster"/>.
/// The migrations run once per provider per test process, into a template that each test database copies.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private static readonly string SqliteFolder = Path.Combine(Path.GetTempPath(), $"shortbreaks-sqlite-{Environment.ProcessId}");
    private static readonly Lazy<Task<string>> SqliteTemplate = new(CreateSqliteTemplateAsync);
    private static readonly Lazy<Task<string>> PostgresTemplate = new(CreatePostgresTemplateAsync);

    private readonly Func<Task> _remove;

    private TestDatabase(DatabaseProvider provider, string connectionString, Func<Task> remove)
    {
        Provider = provider;
        Options = new DatabaseOptions { Provider = provider, ConnectionString = connectionString };
        _remove = remove;
    }

    public DatabaseProvider Provider { get; }

    /// <summary>The options to give the service (for example a web host's <c>AddShortBreaksDatabase</c>).</summary>
    public DatabaseOptions Options { get; }

    public string ConnectionString => Options.ConnectionString;

    /// <summary>
    /// Creates the database. For PostgreSQL this starts the shared cluster on first use, and skips the test
    /// when PostgreSQL is not installed (fails it when <c>CI=true</c>).
    /// </summary>
    /// <param name="migrate">False for an empty database with no tables, to test the migrations themselves.</param>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, bool migrate = true, CancellationToken cancellationToken = default)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                {
                    var file = Path.Combine(SqliteFolder, Guid.NewGuid().ToString("N") + ".db");
                    if (migrate)
                    {
                        File.Copy(await SqliteTemplate.Value, file);
                    }

                    var connectionString = new SqliteConnectionStringBuilder { DataSource = file }.ConnectionString;
                    return new TestDatabase(provider, connectionString, () =>
                    {
                        using (var connection = new SqliteConnection(DatabaseSetup.SqliteConnectionString(connectionString)))
                        {
                            SqliteConnection.ClearPool(connection);
                        }

                        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
                        {
                            File.Delete(path);
                        }

                        return Task.CompletedTask;
                    });
                }

            case DatabaseProvider.PostgreSql:
                {
                    var cluster = await PostgresCluster.GetSharedAsync();
                    var template = migrate ? await PostgresTemplate.Value : null;
                    var connectionString = await cluster.CreateDatabaseAsync(template: template, cancellationToken: cancellationToken);
                    var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
                    return new TestDatabase(provider, connectionString, () => cluster.DropDatabaseAsync(name));
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, null);
        }
    }

    /// <summary>A new DbContext on this database, acting as <paramref name="actor"/> (the system when not given).</summary>
    public ShortBreaksDbContext NewContext(Actor? actor = null, TimeProvider? clock = null) =>
        DatabaseSetup.Create(Options, actor, clock);

    public async ValueTask DisposeAsync() => await _remove();

    private static async Task<string> CreateSqliteTemplateAsync()
    {
        Directory.CreateDirectory(SqliteFolder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteFolder(SqliteFolder);
        AfterExit.DeleteFolder(SqliteFolder);
        DeleteAbandonedSqliteFolders();

        var file = Path.Combine(SqliteFolder, "template.db");
        var options = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = file };
        await using (var db = DatabaseSetup.Create(options))
        {
            await DatabaseSetup.MigrateAsync(db);

            // Copies take the main file only, so everything must be in it.
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        }

        using (var connection = new SqliteConnection(DatabaseSetup.SqliteConnectionString(file)))
        {
            SqliteConnection.ClearPool(connection);
        }

        return file;
    }

    private static async Task<string> CreatePostgresTemplateAsync()
    {
        var cluster = await PostgresCluster.GetSharedAsync();
        const string name = "shortbreaks_template";
        var connectionString = await cluster.CreateDatabaseAsync(name);
        await using (var db = DatabaseSetup.Create(new DatabaseOptions { Provider = DatabaseProvider.PostgreSql, ConnectionString = connectionString }))
        {
            await DatabaseSetup.MigrateAsync(db);
        }

        // PostgreSQL copies a template only while nobody is connected to it: close the pool the service's own
        // connection string used (it adds settings, so it is a pool of its own), and the bare one.
        foreach (var pooled in new[] { connectionString, DatabaseSetup.PostgresConnectionString(connectionString) })
        {
            await using var connection = new NpgsqlConnection(pooled);
            NpgsqlConnection.ClearPool(connection);
        }

        await cluster.ExecuteAsync($"ALTER DATABASE {name} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false");
        return name;
    }

    private static void DeleteAbandonedSqliteFolders()
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), "shortbreaks-sqlite-*"))
        {
            if (int.TryParse(Path.GetFileName(folder)["shortbreaks-sqlite-".Length..], out var owner) && owner != Environment.ProcessId && !IsRunning(owner))
            {
                DeleteFolder(folder);
            }
        }
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void DeleteFolder(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left for the next run's clean-up.
        }
    }
}
