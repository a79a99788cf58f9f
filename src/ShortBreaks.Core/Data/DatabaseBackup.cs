using System.Data.Common;
using System.Formats.Tar;
using System.IO.Compression;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ShortBreaks.Core.Data;

/// <summary>A backup or restore that cannot go ahead: the message says why, in words for whoever runs it.</summary>
public sealed class BackupException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>What a backup archive holds, written beside the database dump as <c>manifest.json</c>.</summary>
/// <param name="Tables">Every table of the model with its row count at the moment of the backup.</param>
/// <param name="Files">The SHA-256 (lower-case hex) of every other file in the archive, by name.</param>
public sealed record BackupManifest(
    string ServiceVersion,
    DatabaseProvider Provider,
    DateTime CreatedAtUtc,
    SortedDictionary<string, long> Tables,
    long EvidenceDocuments,
    long EvidenceBytes,
    SortedDictionary<string, string> Files);

/// <summary>
/// Backups as one .tar.gz: the database (SQLite through its online backup API, PostgreSQL through pg_dump's
/// custom format) and a manifest of row counts and checksums, so a restore can prove it got everything back.
/// Evidence documents live in the database, so they are in the dump.
/// </summary>
public static class DatabaseBackup
{
    public const string ManifestName = "manifest.json";
    public const string SqliteFileName = "database.sqlite";
    public const string PostgresFileName = "database.pgdump";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string ServiceVersion =>
        typeof(DatabaseBackup).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>Writes the archive to <paramref name="archivePath"/>; safe while the service is running and writing.</summary>
    public static async Task<BackupManifest> BackupAsync(DatabaseOptions options, string archivePath, TimeProvider clock, CancellationToken cancellationToken)
    {
        var work = NewWorkFolder();
        try
        {
            var createdAt = clock.GetUtcNow().UtcDateTime;
            string file;
            Counts counts;
            if (options.Provider == DatabaseProvider.Sqlite)
            {
                file = Path.Combine(work, SqliteFileName);
                await using (var source = new SqliteConnection(DatabaseSetup.SqliteConnectionString(options.ConnectionString)))
                await using (var copy = new SqliteConnection(PrivateSqlite(file)))
                {
                    await source.OpenAsync(cancellationToken);
                    await copy.OpenAsync(cancellationToken);
                    source.BackupDatabase(copy);
                }

                // Counted in the copy, so the counts are exactly what the archive holds.
                await using var counting = new SqliteConnection(PrivateSqlite(file));
                await counting.OpenAsync(cancellationToken);
                counts = await CountAsync(counting, options.Provider, transaction: null, cancellationToken);
            }
            else
            {
                file = Path.Combine(work, PostgresFileName);
                // pg_dump reads the snapshot the counts were taken in, so the counts are exactly what the dump holds.
                await using var connection = new NpgsqlConnection(options.ConnectionString);
                await connection.OpenAsync(cancellationToken);
                await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
                await using var export = new NpgsqlCommand("SELECT pg_export_snapshot()", connection, transaction);
                var snapshot = (string)(await export.ExecuteScalarAsync(cancellationToken))!;
                counts = await CountAsync(connection, options.Provider, transaction, cancellationToken);
                await RunToolAsync("pg_dump", options.ConnectionString,
                    ["--format=custom", "--snapshot", snapshot, "--file", file, "--dbname", DatabaseName(options.ConnectionString)], cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            var manifest = new BackupManifest(ServiceVersion, options.Provider, createdAt, counts.Tables, counts.EvidenceDocuments, counts.EvidenceBytes,
                new SortedDictionary<string, string>(StringComparer.Ordinal) { [Path.GetFileName(file)] = await Sha256Async(file, cancellationToken) });
            var manifestFile = Path.Combine(work, ManifestName);
            await File.WriteAllTextAsync(manifestFile, JsonSerializer.Serialize(manifest, Json), cancellationToken);

            var folder = Path.GetDirectoryName(Path.GetFullPath(archivePath));
            if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
            var partial = archivePath + ".partial";
            await using (var output = File.Create(partial))
            await using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
            await using (var tar = new TarWriter(gzip, TarEntryFormat.Pax))
            {
                await tar.WriteEntryAsync(manifestFile, ManifestName, cancellationToken);
                await tar.WriteEntryAsync(file, Path.GetFileName(file), cancellationToken);
            }

            File.Move(partial, archivePath, overwrite: true);
            return manifest;
        }
        finally
        {
            DeleteFolder(work);
        }
    }

    /// <summary>
    /// Unpacks an archive into a new folder and checks every file against the manifest's SHA-256; the caller
    /// deletes the folder. Throws <see cref="BackupException"/> for anything but an intact archive.
    /// </summary>
    public static async Task<(BackupManifest Manifest, string Folder)> OpenAsync(string archivePath, CancellationToken cancellationToken)
    {
        if (!File.Exists(archivePath)) throw new BackupException($"There is no backup file {archivePath}.");
        var work = NewWorkFolder();
        try
        {
            try
            {
                await using var input = File.OpenRead(archivePath);
                await using var gzip = new GZipStream(input, CompressionMode.Decompress);
                await using var tar = new TarReader(gzip);
                while (await tar.GetNextEntryAsync(cancellationToken: cancellationToken) is { } entry)
                {
                    if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile)) continue;
                    if (entry.Name is not (ManifestName or SqliteFileName or PostgresFileName))
                    {
                        throw new BackupException($"{archivePath} is not a backup of this service: it holds '{entry.Name}'.");
                    }

                    await entry.ExtractToFileAsync(Path.Combine(work, entry.Name), overwrite: false, cancellationToken);
                }
            }
            catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or FormatException or IOException)
            {
                throw new BackupException($"{archivePath} is not a readable backup archive ({ex.Message}).", ex);
            }

            var manifestFile = Path.Combine(work, ManifestName);
            if (!File.Exists(manifestFile)) throw new BackupException($"{archivePath} has no {ManifestName}: it is not a backup of this service.");
            BackupManifest manifest;
            try
            {
                manifest = JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(manifestFile, cancellationToken), Json)
                    ?? throw new JsonException("empty");
            }
            catch (JsonException ex)
            {
                throw new BackupException($"The {ManifestName} in {archivePath} cannot be read ({ex.Message}).", ex);
            }

            var expected = manifest.Provider == DatabaseProvider.Sqlite ? SqliteFileName : PostgresFileName;
            if (manifest.Files is null || !manifest.Files.ContainsKey(expected) || manifest.Tables is null)
            {
                throw new BackupException($"The {ManifestName} in {archivePath} does not list the database file {expected}.");
            }

            // JSON gives the dictionaries the culture's order; the manifest's own order is ordinal.
            manifest = manifest with
            {
                Tables = new SortedDictionary<string, long>(manifest.Tables, StringComparer.Ordinal),
                Files = new SortedDictionary<string, string>(manifest.Files, StringComparer.Ordinal),
            };
            foreach (var (name, sha) in manifest.Files)
            {
                var path = Path.Combine(work, name);
                if (Path.GetFileName(name) != name || !File.Exists(path))
                {
                    throw new BackupException($"{archivePath} is missing {name}, which its manifest lists.");
                }

                if (!string.Equals(await Sha256Async(path, cancellationToken), sha, StringComparison.OrdinalIgnoreCase))
                {
                    throw new BackupException($"{name} in {archivePath} does not match its SHA-256 in the manifest: the archive is damaged or was changed. Nothing was restored.");
                }
            }

            return (manifest, work);
        }
        catch
        {
            DeleteFolder(work);
            throw;
        }
    }

    /// <summary>Whether the database already has tables of any kind (a restore would overwrite them).</summary>
    public static async Task<bool> HasTablesAsync(DatabaseOptions options, CancellationToken cancellationToken)
    {
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            var source = new SqliteConnectionStringBuilder(DatabaseSetup.SqliteConnectionString(options.ConnectionString)).DataSource;
            if (!File.Exists(source)) return false;
        }

        await using var connection = Connect(options);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = options.Provider == DatabaseProvider.Sqlite
            ? "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            : "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_type = 'BASE TABLE'";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) > 0;
    }

    /// <summary>Puts the archive's database in place of the one in <paramref name="options"/>.</summary>
    public static async Task RestoreAsync(DatabaseOptions options, BackupManifest manifest, string folder, CancellationToken cancellationToken)
    {
        if (manifest.Provider != options.Provider)
        {
            throw new BackupException($"The backup is of a {manifest.Provider} database; it cannot be restored into {options.Provider}.");
        }

        if (options.Provider == DatabaseProvider.Sqlite)
        {
            await using var source = new SqliteConnection(PrivateSqlite(Path.Combine(folder, SqliteFileName)));
            await using var target = new SqliteConnection(DatabaseSetup.SqliteConnectionString(options.ConnectionString));
            await source.OpenAsync(cancellationToken);
            await target.OpenAsync(cancellationToken);
            source.BackupDatabase(target);
        }
        else
        {
            await RunToolAsync("pg_restore", options.ConnectionString,
                ["--clean", "--if-exists", "--no-owner", "--single-transaction", "--dbname", DatabaseName(options.ConnectionString), Path.Combine(folder, PostgresFileName)],
                cancellationToken);
        }
    }

    /// <summary>Every table of the model with its row count, and the evidence documents' number and bytes.</summary>
    public static async Task<(SortedDictionary<string, long> Tables, long EvidenceDocuments, long EvidenceBytes)> CountAsync(DatabaseOptions options, CancellationToken cancellationToken)
    {
        await using var connection = Connect(options);
        await connection.OpenAsync(cancellationToken);
        var counts = await CountAsync(connection, options.Provider, transaction: null, cancellationToken);
        return (counts.Tables, counts.EvidenceDocuments, counts.EvidenceBytes);
    }

    public static void DeleteFolder(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A temporary folder left behind is not worth failing a backup for.
        }
    }

    private sealed record Counts(SortedDictionary<string, long> Tables, long EvidenceDocuments, long EvidenceBytes);

    private static async Task<Counts> CountAsync(DbConnection connection, DatabaseProvider provider, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        // The model, not the database, says which tables there are: a table missing from a restore is then a mismatch.
        await using var db = DatabaseSetup.Create(new DatabaseOptions
        {
            Provider = provider,
            ConnectionString = provider == DatabaseProvider.Sqlite ? "Data Source=:memory:" : "Host=localhost",
        });
        var tables = db.Model.GetEntityTypes()
            .Where(e => e.GetTableName() is not null)
            .Select(e => (Schema: e.GetSchema(), Name: e.GetTableName()!))
            .Distinct()
            .ToList();

        var result = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (schema, name) in tables)
        {
            var key = schema is null ? name : $"{schema}.{name}";
            result[key] = Convert.ToInt64(await ScalarAsync(connection, transaction, $"SELECT COUNT(*) FROM {Quote(schema, name)}", cancellationToken), CultureInfo.InvariantCulture);
        }

        var evidence = db.Model.FindEntityType(typeof(EvidenceDocument))!;
        var content = Quote(null, evidence.FindProperty(nameof(EvidenceDocument.Content))!.GetColumnName());
        var bytes = Convert.ToInt64(await ScalarAsync(connection, transaction,
            $"SELECT COALESCE(SUM(length({content})), 0) FROM {Quote(evidence.GetSchema(), evidence.GetTableName()!)}", cancellationToken), CultureInfo.InvariantCulture);
        var documents = result[evidence.GetSchema() is { } s ? $"{s}.{evidence.GetTableName()}" : evidence.GetTableName()!];
        return new Counts(result, documents, bytes);
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private static string Quote(string? schema, string name) =>
        (schema is null ? "" : "\"" + schema.Replace("\"", "\"\"", StringComparison.Ordinal) + "\".") + "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static DbConnection Connect(DatabaseOptions options) => options.Provider == DatabaseProvider.Sqlite
        ? new SqliteConnection(DatabaseSetup.SqliteConnectionString(options.ConnectionString))
        : new NpgsqlConnection(options.ConnectionString);

    // A file of our own: no pool, so it is closed (and its WAL folded in) as soon as the connection is.
    private static string PrivateSqlite(string file) => new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString();

    private static string DatabaseName(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString).Database
        ?? throw new BackupException("The PostgreSQL connection string names no database: add Database=...");

    private static async Task RunToolAsync(string program, string connectionString, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        try
        {
            await PostgresTools.RunAsync(program, connectionString, arguments, cancellationToken);
        }
        catch (InvalidOperationException ex)
        {
            throw new BackupException(ex.Message, ex);
        }
    }

    private static async Task<string> Sha256Async(string file, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }

    private static string NewWorkFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "shortbreaks-backup-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        return folder;
    }
}
