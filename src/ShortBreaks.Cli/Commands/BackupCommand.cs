namespace ShortBreaks.Cli.Commands;

internal static class BackupCommand
{
    public static Command Create() => CommandLine.Create(
        "backup",
        "Writes the database, evidence documents included, to one .tar.gz with a manifest of row counts and checksums.",
        [
            CommandLine.Option("--to", "file.tar.gz|folder", "the archive to write, or a folder to write a dated one in (required)"),
            .. DatabaseArguments.Options(),
        ],
        RunAsync,
        notes: "SQLite is copied through its online backup API and PostgreSQL through pg_dump, so both are safe while the service runs.");

    private static async Task<int> RunAsync(CommandOptions options, CancellationToken ct)
    {
        var to = options.String("to");
        var database = DatabaseArguments.Read(options);
        options.ThrowIfAnyUnread();
        if (string.IsNullOrWhiteSpace(to)) throw new UsageException("Say where to write the backup: --to <file.tar.gz or folder>.");

        var clock = TimeProvider.System;
        var archive = to.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase)
            ? to
            : Path.Combine(to, $"shortbreaks-{clock.GetUtcNow().UtcDateTime:yyyyMMdd-HHmmss}Z.tar.gz");

        var stopwatch = Stopwatch.StartNew();
        var manifest = await DatabaseBackup.BackupAsync(database, archive, clock, ct);
        Console.WriteLine($"Backed up {DatabaseArguments.Describe(database)} to {Path.GetFullPath(archive)} ({stopwatch.Elapsed.TotalSeconds:0.0} s):");
        Console.WriteLine($"  {manifest.Tables.Count} tables, {manifest.Tables.Values.Sum():N0} rows, " +
                          $"{manifest.EvidenceDocuments:N0} evidence documents ({manifest.EvidenceBytes:N0} bytes).");
        return 0;
    }
}
