using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace ShortBreaks.TestCommon;

/// <summary>
/// A throwaway PostgreSQL cluster run from the installed binaries: a temporary folder (in /dev/shm when
/// there is room), listening only on 127.0.0.1 on a free port with trust authentication, and durability
/// turned off for speed. One shared cluster serves every test in a test process (<see cref="GetSharedAsync"/>);
/// each test or test class takes its own database on it (<see cref="CreateDatabaseAsync"/>).
/// </summary>
public sealed class PostgresCluster : IDisposable, IAsyncDisposable
{
    private const string FolderPrefix = "shortbreaks-pg-";
    private const string OwnerFile = "owner.pid";
    private const string SuperUser = "postgres";

    private static readonly Lazy<string?> InstalledBinDirectory = new(FindBinDirectory);
    private static readonly Lazy<Task<PostgresCluster>> Shared = new(StartSharedAsync);

    private readonly bool _runAsPostgresUser;
    private int _stopped;

    private PostgresCluster(string binDirectory, string folder, int port, bool runAsPostgresUser)
    {
        BinDirectory = binDirectory;
        Folder = folder;
        Port = port;
        _runAsPostgresUser = runAsPostgresUser;
        ConnectionString = ConnectionStringFor("postgres");
    }

    /// <summary>The folder holding <c>initdb</c> and <c>pg_ctl</c>.</summary>
    public string BinDirectory { get; }

    /// <summary>The temporary folder: the data folder, the log and the unix sockets. Deleted on stop.</summary>
    public string Folder { get; }

    public string DataFolder => Path.Combine(Folder, "data");

    public int Port { get; }

    /// <summary>A connection string to the cluster's <c>postgres</c> database, for administration.</summary>
    public string ConnectionString { get; }

    /// <summary>Whether PostgreSQL's server binaries are installed on this machine.</summary>
    public static bool IsInstalled => InstalledBinDirectory.Value is not null;

    /// <summary>
    /// The cluster shared by every test in this process: started on first use, stopped when the process exits.
    /// Skips the test when PostgreSQL is not installed, or fails it when <c>CI=true</c>.
    /// </summary>
    public static Task<PostgresCluster> GetSharedAsync()
    {
        TestEnvironment.Require(IsInstalled, "PostgreSQL", "postgresql");
        return Shared.Value;
    }

    /// <summary>
    /// The highest installed PostgreSQL version's binary folder (Debian keeps them in
    /// <c>/usr/lib/postgresql/&lt;version&gt;/bin</c>), else what <c>pg_config --bindir</c> says; null if neither has initdb.
    /// </summary>
    public static string? FindBinDirectory()
    {
        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            var highest = Directory.GetDirectories(debianRoot)
                .Select(d => (Folder: Path.Combine(d, "bin"), Version: decimal.TryParse(Path.GetFileName(d), NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : -1))
                .Where(d => d.Version >= 0 && HasServerBinaries(d.Folder))
                .OrderByDescending(d => d.Version)
                .Select(d => d.Folder)
                .FirstOrDefault();
            if (highest is not null)
            {
                return highest;
            }
        }

        try
        {
            var bin = RunAsync("pg_config", ["--bindir"], Path.GetTempPath(), asPostgresUser: false, CancellationToken.None)
                .GetAwaiter().GetResult().Trim();
            return HasServerBinaries(bin) ? bin : null;
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Starts a new cluster of its own; the caller stops it by disposing it.</summary>
    public static async Task<PostgresCluster> StartAsync(string binDirectory, CancellationToken cancellationToken = default)
    {
        // initdb refuses to run as root, so as root the cluster belongs to the postgres user.
        var asPostgresUser = Environment.UserName == "root";
        var folder = Path.Combine(ParentFolder(), FolderPrefix + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, OwnerFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture), cancellationToken);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            if (asPostgresUser)
            {
                await RunAsync("chown", ["-R", $"{SuperUser}:{SuperUser}", folder], folder, asPostgresUser: false, cancellationToken);
            }

            var dataFolder = Path.Combine(folder, "data");
            await RunAsync(Path.Combine(binDirectory, "initdb"),
                ["-D", dataFolder, "-U", SuperUser, "--auth=trust", "--encoding=UTF8", "--no-locale", "--no-sync", "--no-instructions"],
                folder, asPostgresUser, cancellationToken);

            // Appending keeps the file's owner. Tests need no durability: a crashed test cluster is thrown away.
            await File.AppendAllTextAsync(Path.Combine(dataFolder, "postgresql.conf"), $"""

                listen_addresses = '127.0.0.1'
                unix_socket_directories = '{folder}'
                fsync = off
                synchronous_commit = off
                full_page_writes = off
                max_connections = 300
                """, cancellationToken);

            // The free port can be taken between choosing it and the server binding it: try again with another.
            for (var attempt = 1; ; attempt++)
            {
                var port = FreePort();
                try
                {
                    await RunAsync(Path.Combine(binDirectory, "pg_ctl"),
                        ["-D", dataFolder, "-l", Path.Combine(folder, "postgres.log"), "-o", $"-p {port}", "-w", "-t", "60", "start"],
                        folder, asPostgresUser, cancellationToken);
                    return new PostgresCluster(binDirectory, folder, port, asPostgresUser);
                }
                catch (InvalidOperationException) when (attempt < 3)
                {
                }
            }
        }
        catch (Exception ex)
        {
            var log = Path.Combine(folder, "postgres.log");
            var detail = File.Exists(log) ? Environment.NewLine + "Server log:" + Environment.NewLine + await File.ReadAllTextAsync(log, CancellationToken.None) : "";
            DeleteFolder(folder);
            throw new InvalidOperationException($"Could not start a PostgreSQL test cluster from {binDirectory}: {ex.Message}{detail}", ex);
        }
    }

    public string ConnectionStringFor(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = SuperUser,
        Database = database,
        IncludeErrorDetail = true,
    }.ConnectionString;

    /// <summary>Creates a new, empty database (or a copy of <paramref name="template"/>) and returns its connection string.</summary>
    /// <param name="name">The database's name; a new unique name when not given.</param>
    /// <param name="template">A database to copy; it must have no open connections.</param>
    public async Task<string> CreateDatabaseAsync(string? name = null, string? template = null, CancellationToken cancellationToken = default)
    {
        name ??= "test_" + Guid.NewGuid().ToString("N");
        var sql = $"CREATE DATABASE {Quote(name)}" + (template is null ? "" : $" TEMPLATE {Quote(template)}");
        await ExecuteAsync(sql, cancellationToken);
        return ConnectionStringFor(name);
    }

    /// <summary>Drops a database, closing any connections still open to it (pooled ones included).</summary>
    public async Task DropDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        foreach (var pooled in new[] { ConnectionStringFor(name), ShortBreaks.Core.Data.DatabaseSetup.PostgresConnectionString(ConnectionStringFor(name)) })
        {
            await using var connection = new NpgsqlConnection(pooled);
            NpgsqlConnection.ClearPool(connection);
        }

        await ExecuteAsync($"DROP DATABASE IF EXISTS {Quote(name)} WITH (FORCE)", cancellationToken);
    }

    /// <summary>Runs one administrative statement against the <c>postgres</c> database.</summary>
    public async Task ExecuteAsync(string sql, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Stops the server at once (open connections are ended) and deletes the folder.</summary>
    public void Stop()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        try
        {
            RunAsync(Path.Combine(BinDirectory, "pg_ctl"), ["-D", DataFolder, "-m", "fast", "-w", "stop"], Folder, _runAsPostgresUser, CancellationToken.None)
                .GetAwaiter().GetResult();
        }
        finally
        {
            DeleteFolder(Folder);
        }
    }

    public void Dispose() => Stop();

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }

    private static async Task<PostgresCluster> StartSharedAsync()
    {
        var binDirectory = InstalledBinDirectory.Value ?? throw new InvalidOperationException("PostgreSQL is not installed.");
        StopAbandonedClusters(binDirectory);
        var cluster = await StartAsync(binDirectory);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                cluster.Stop();
            }
            catch (InvalidOperationException)
            {
                // Already down: the folder is deleted all the same, here or after exit.
            }
        };

        // The test host is killed soon after the last test, often before the handler above has finished.
        var stop = new[] { Path.Combine(binDirectory, "pg_ctl"), "-D", cluster.DataFolder, "-m", "immediate", "-w", "stop" };
        AfterExit.DeleteFolder(cluster.Folder, cluster._runAsPostgresUser ? ["runuser", "-u", SuperUser, "--", .. stop] : stop);
        return cluster;
    }

    /// <summary>Clusters left running by a test process that was killed before it could stop them.</summary>
    private static void StopAbandonedClusters(string binDirectory)
    {
        foreach (var folder in new[] { SharedMemory, Path.GetTempPath() }.Where(Directory.Exists).SelectMany(p => Directory.GetDirectories(p, FolderPrefix + "*")))
        {
            // Test projects run side by side: another may be stopping the same cluster and deleting its folder at the
            // same moment (or its owner's exit handler may be), so a folder or file that vanishes midway is left alone.
            try
            {
                var ownerFile = Path.Combine(folder, OwnerFile);
                if (!File.Exists(ownerFile) || !int.TryParse(File.ReadAllText(ownerFile), out var owner) || IsRunning(owner))
                {
                    continue;
                }

                RunAsync(Path.Combine(binDirectory, "pg_ctl"), ["-D", Path.Combine(folder, "data"), "-m", "immediate", "-w", "stop"],
                    folder, Environment.UserName == "root", CancellationToken.None).GetAwaiter().GetResult();
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException or System.ComponentModel.Win32Exception)
            {
                // Not running any more, or already stopped and removed by someone else: at most the folder is left.
            }

            DeleteFolder(folder);
        }
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private const string SharedMemory = "/dev/shm";

    /// <summary>
    /// Memory when there is room: copying a migrated template database there takes a tenth of the time it
    /// takes on disk, even with fsync off.
    /// </summary>
    private static string ParentFolder()
    {
        try
        {
            if (Directory.Exists(SharedMemory) && new DriveInfo(SharedMemory).AvailableFreeSpace > 2L * 1024 * 1024 * 1024)
            {
                return SharedMemory;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
        }

        return Path.GetTempPath();
    }

    private static bool HasServerBinaries(string folder) =>
        File.Exists(Path.Combine(folder, "initdb")) && File.Exists(Path.Combine(folder, "pg_ctl"));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

    private static void DeleteFolder(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A temporary folder that cannot be deleted is not worth failing a test run for.
        }
    }

    private static async Task<string> RunAsync(string program, IReadOnlyList<string> arguments, string workingDirectory, bool asPostgresUser, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo
        {
            FileName = asPostgresUser ? "runuser" : program,
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgresUser)
        {
            foreach (var a in new[] { "-u", SuperUser, "--", program }) start.ArgumentList.Add(a);
        }

        foreach (var a in arguments) start.ArgumentList.Add(a);

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        // ConfigureAwait(false) throughout, as Stop and FindBinDirectory wait on this synchronously.
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        var text = await output.ConfigureAwait(false) + await error.ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', arguments)} exited with {process.ExitCode}: {text.Trim()}");
        }

        return text;
    }
}
