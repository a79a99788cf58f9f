using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using ShortBreaks.Cli;
using ShortBreaks.Core.Data;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Core.Tests.Cli;

/// <summary>The command line's backup and restore, on each provider, with the service writing during the backup.</summary>
public sealed class BackupCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "shortbreaks-backup-test-" + Guid.NewGuid().ToString("N")[..12]);

    public BackupCommandTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => DatabaseBackup.DeleteFolder(_folder);

    [SkippableTheory, AllDatabases]
    public async Task Backup_WhileRequestsAreAdded_RestoresIntoANewDatabase_EveryTableAndEvidenceDocument(DatabaseProvider provider)
    {
        await using var source = await TestDatabase.CreateAsync(provider);
        await using (var db = source.NewContext())
        {
            var data = new TestData(db);
            for (var i = 0; i < 4; i++)
            {
                await data.CreateSubmittedRequestAsync(child: await data.CreateChildAsync());
                await data.CreateSubmittedRequestAsync();
            }
        }

        // The service keeps taking requests, each with its evidence, until the backup has finished.
        using var stop = new CancellationTokenSource();
        var firstWrite = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writer = Task.Run(async () =>
        {
            await using var db = source.NewContext();
            var data = new TestData(db);
            while (!stop.IsCancellationRequested)
            {
                await data.CreateSubmittedRequestAsync();
                firstWrite.TrySetResult();
            }
        });
        await firstWrite.Task;
        var archive = Path.Combine(_folder, "nightly.tar.gz");
        var (code, error) = await RunAsync("backup", "--to", archive, "--provider", provider.ToString(), "--connection", source.ConnectionString);
        stop.Cancel();
        await writer;
        code.ShouldBe(0, error);

        // Documents are never changed, so the source after the backup holds every document the backup does.
        Dictionary<Guid, string> sourceEvidence;
        await using (var db = source.NewContext())
        {
            sourceEvidence = (await db.EvidenceDocuments.Select(d => new { d.Id, d.Content }).ToListAsync())
                .ToDictionary(d => d.Id, d => Convert.ToHexString(SHA256.HashData(d.Content)));
        }

        var (manifest, folder) = await DatabaseBackup.OpenAsync(archive, CancellationToken.None);
        DatabaseBackup.DeleteFolder(folder);
        manifest.Provider.ShouldBe(provider);
        manifest.Tables.ShouldContainKey("Requests");
        manifest.Tables["Requests"].ShouldBeGreaterThan(8);
        manifest.EvidenceDocuments.ShouldBeGreaterThan(8);

        await using var target = await TestDatabase.CreateAsync(provider, migrate: false);
        (code, error) = await RunAsync("restore", "--from", archive, "--provider", provider.ToString(), "--connection", target.ConnectionString);

        code.ShouldBe(0, error);
        var (tables, documents, bytes) = await DatabaseBackup.CountAsync(target.Options, CancellationToken.None);
        tables.ShouldBe(manifest.Tables);
        (documents, bytes).ShouldBe((manifest.EvidenceDocuments, manifest.EvidenceBytes));
        await using (var db = target.NewContext())
        {
            var restored = await db.EvidenceDocuments.Select(d => new { d.Id, d.Content }).ToListAsync();
            restored.Count.ShouldBe((int)manifest.EvidenceDocuments);
            foreach (var document in restored)
            {
                Convert.ToHexString(SHA256.HashData(document.Content)).ShouldBe(sourceEvidence[document.Id]);
            }
        }
    }

    [SkippableTheory, AllDatabases]
    public async Task Restore_OfATamperedArchive_OrIntoADatabaseWithTables_IsRefused_UnlessForced(DatabaseProvider provider)
    {
        await using var source = await TestDatabase.CreateAsync(provider);
        await using (var db = source.NewContext())
        {
            await new TestData(db).CreateSubmittedRequestAsync();
        }

        var archive = Path.Combine(_folder, "backup.tar.gz");
        var (code, error) = await RunAsync("backup", "--to", archive, "--provider", provider.ToString(), "--connection", source.ConnectionString);
        code.ShouldBe(0, error);

        var tampered = Path.Combine(_folder, "tampered.tar.gz");
        await ChangeOneByteOfTheDumpAsync(archive, tampered);
        await using var empty = await TestDatabase.CreateAsync(provider, migrate: false);
        (code, error) = await RunAsync("restore", "--from", tampered, "--provider", provider.ToString(), "--connection", empty.ConnectionString);
        code.ShouldBe(1);
        error.ShouldContain("does not match its SHA-256");

        await using var migrated = await TestDatabase.CreateAsync(provider);
        (code, error) = await RunAsync("restore", "--from", archive, "--provider", provider.ToString(), "--connection", migrated.ConnectionString);
        code.ShouldBe(1);
        error.ShouldContain("already has tables");

        (code, error) = await RunAsync("restore", "--from", archive, "--force", "--provider", provider.ToString(), "--connection", migrated.ConnectionString);
        code.ShouldBe(0, error);
        (await DatabaseBackup.CountAsync(migrated.Options, CancellationToken.None)).Tables["Requests"].ShouldBe(1);
    }

    [Fact]
    public async Task Restore_OfAMissingOrUnreadableFile_SaysSo_WithExitCode1()
    {
        var (code, error) = await RunAsync("restore", "--from", Path.Combine(_folder, "none.tar.gz"), "--connection", Path.Combine(_folder, "x.db"));
        code.ShouldBe(1);
        error.ShouldContain("There is no backup file");

        var junk = Path.Combine(_folder, "junk.tar.gz");
        await File.WriteAllTextAsync(junk, "not an archive");
        (code, error) = await RunAsync("restore", "--from", junk, "--connection", Path.Combine(_folder, "x.db"));
        code.ShouldBe(1);
        error.ShouldContain("is not a readable backup archive");
        error.ShouldNotContain("   at ");
    }

    private static async Task ChangeOneByteOfTheDumpAsync(string archive, string tampered)
    {
        var entries = new List<(string Name, byte[] Bytes)>();
        await using (var input = File.OpenRead(archive))
        await using (var gzip = new GZipStream(input, CompressionMode.Decompress))
        await using (var tar = new TarReader(gzip))
        {
            while (await tar.GetNextEntryAsync() is { } entry)
            {
                using var bytes = new MemoryStream();
                await entry.DataStream!.CopyToAsync(bytes);
                entries.Add((entry.Name, bytes.ToArray()));
            }
        }

        var dump = entries.Single(e => e.Name != DatabaseBackup.ManifestName).Bytes;
        dump[dump.Length / 2] ^= 0x01;
        await using var output = File.Create(tampered);
        await using var zip = new GZipStream(output, CompressionLevel.Fastest);
        await using var writer = new TarWriter(zip, TarEntryFormat.Pax);
        foreach (var (name, bytes) in entries)
        {
            await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(bytes) });
        }
    }

    private static async Task<(int Code, string Error)> RunAsync(params string[] args)
    {
        var stderr = new StringWriter();
        var exit = await CommandLine.RunAsync(args, new StringWriter(), stderr, CancellationToken.None);
        return (exit, stderr.ToString());
    }
}
