using System.Diagnostics;
using Npgsql;

namespace ShortBreaks.Core.Data;

/// <summary>
/// PostgreSQL's own client programs (pg_dump, pg_restore), run from the highest installed version so they can
/// read and write every server version older than them.
/// </summary>
public static class PostgresTools
{
    private const string DebianRoot = "/usr/lib/postgresql";

    /// <summary>
    /// The path of <paramref name="program"/>: from the highest <c>/usr/lib/postgresql/&lt;version&gt;/bin</c>, else from
    /// <c>pg_config --bindir</c>, else the bare name for the PATH to find.
    /// </summary>
    public static string Find(string program)
    {
        if (Directory.Exists(DebianRoot))
        {
            var highest = Directory.GetDirectories(DebianRoot)
                .Select(d => (Path: Path.Combine(d, "bin", program), Version: decimal.TryParse(Path.GetFileName(d), NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : -1))
                .Where(d => d.Version >= 0 && File.Exists(d.Path))
                .OrderByDescending(d => d.Version)
                .Select(d => d.Path)
                .FirstOrDefault();
            if (highest is not null) return highest;
        }

        try
        {
            using var process = Process.Start(new ProcessStartInfo("pg_config", "--bindir") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false });
            if (process is not null)
            {
                var bin = process.StandardOutput.ReadToEnd().Trim();
                process.WaitForExit();
                if (process.ExitCode == 0 && File.Exists(Path.Combine(bin, program))) return Path.Combine(bin, program);
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No pg_config: the PATH is the last place to look.
        }

        return program;
    }

    /// <summary>
    /// The connection arguments for a client program: host, port, user and database as arguments, and the
    /// password in PGPASSWORD, so it never shows in the list of running processes.
    /// </summary>
    public static (List<string> Arguments, string? Password) ConnectionArguments(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var arguments = new List<string>();
        if (!string.IsNullOrEmpty(builder.Host)) arguments.AddRange(["--host", builder.Host]);
        arguments.AddRange(["--port", builder.Port.ToString(CultureInfo.InvariantCulture)]);
        if (!string.IsNullOrEmpty(builder.Username)) arguments.AddRange(["--username", builder.Username]);
        return (arguments, builder.Password);
    }

    /// <summary>Runs a client program against the database; throws with its own message when it fails.</summary>
    public static async Task RunAsync(string program, string connectionString, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var (connection, password) = ConnectionArguments(connectionString);
        var start = new ProcessStartInfo(Find(program))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in connection.Concat(arguments)) start.ArgumentList.Add(a);
        start.Environment["PGPASSWORD"] = password ?? "";
        // Never ask for a password on the terminal: a missing one is an error.
        start.ArgumentList.Insert(0, "--no-password");

        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"{program} could not be started ({ex.Message}): install PostgreSQL's client programs.", ex);
        }

        using (process)
        {
            if (process is null) throw new InvalidOperationException($"{program} could not be started.");
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            var text = (await output + await error).Trim();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{program} failed (exit code {process.ExitCode}): {text}");
            }
        }
    }
}
