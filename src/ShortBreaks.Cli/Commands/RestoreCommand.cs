namespace ShortBreaks.Cli.Commands;

internal static class RestoreCommand
{
    public static Command Create() => CommandLine.Create(
        "restore",
        "Restores a backup archive into the database, then checks every table's row count against the archive's manifest.",
        [
            CommandLine.Option("--from", "file.tar.gz", "the archive written by backup (required)"),
            new Option<bool>("--force") { Description = "restore over a database that already has tables (they are replaced)" },
            .. DatabaseArguments.Options(),
        ],
        RunAsync,
        notes: "The archive's checksums are checked before anything is changed. The exit code is 0 only when every table's count matches.");

    private static async Task<int> RunAsync(CommandOptions options, CancellationToken ct)
    {
        var from = options.String("from");
        var force = options.Flag("force");
        var database = DatabaseArguments.Read(options);
        options.ThrowIfAnyUnread();
        if (string.IsNullOrWhiteSpace(from)) throw new UsageException("Say which backup to restore: --from <file.tar.gz>.");

        var (manifest, folder) = await DatabaseBackup.OpenAsync(from, ct);
        try
        {
            if (manifest.Provider != database.Provider)
            {
                throw new BackupException($"The backup is of a {manifest.Provider} database; it cannot be restored into {database.Provider}.");
            }

            if (!force && await DatabaseBackup.HasTablesAsync(database, ct))
            {
                throw new BackupException($"{DatabaseArguments.Describe(database)} already has tables: restore into a new, empty database, or add --force to replace them.");
            }

            var stopwatch = Stopwatch.StartNew();
            await DatabaseBackup.RestoreAsync(database, manifest, folder, ct);
            var (tables, documents, bytes) = await DatabaseBackup.CountAsync(database, ct);

            Console.WriteLine($"Restored the backup of {manifest.CreatedAtUtc:yyyy-MM-dd HH:mm:ss} UTC (service {manifest.ServiceVersion}) " +
                              $"into {DatabaseArguments.Describe(database)} ({stopwatch.Elapsed.TotalSeconds:0.0} s).");
            var width = manifest.Tables.Keys.Concat(tables.Keys).Max(k => k.Length);
            var mismatches = 0;
            foreach (var name in manifest.Tables.Keys.Union(tables.Keys).Order(StringComparer.Ordinal))
            {
                var expected = manifest.Tables.TryGetValue(name, out var e) ? e : (long?)null;
                var actual = tables.TryGetValue(name, out var a) ? a : (long?)null;
                var ok = expected == actual;
                if (!ok) mismatches++;
                Console.WriteLine($"  {name.PadRight(width)}  {Show(actual),10} of {Show(expected),10}  {(ok ? "ok" : "MISMATCH")}");
            }

            var evidenceOk = documents == manifest.EvidenceDocuments && bytes == manifest.EvidenceBytes;
            Console.WriteLine($"  evidence documents: {documents:N0} ({bytes:N0} bytes) of {manifest.EvidenceDocuments:N0} ({manifest.EvidenceBytes:N0} bytes)  {(evidenceOk ? "ok" : "MISMATCH")}");
            if (mismatches > 0 || !evidenceOk)
            {
                await Console.Error.WriteLineAsync($"restore: {mismatches} table(s) do not match the backup's manifest.");
                return 1;
            }

            Console.WriteLine("Every table matches the backup's manifest.");
            return 0;
        }
        finally
        {
            DatabaseBackup.DeleteFolder(folder);
        }
    }

    private static string Show(long? count) => count?.ToString("N0", CultureInfo.InvariantCulture) ?? "missing";
}
