using System.Collections.Concurrent;

namespace ShortBreaks.Core.Data;

/// <summary>
/// Makes nodes (and the migrate command) that start at the same moment take turns at what they do to the database
/// on start: migrating it, recording the scheme and RAS versions, loading demo data. On PostgreSQL a session
/// advisory lock held on the context's connection; on SQLite, which serves one process, a gate in the process.
/// </summary>
public static class StartLock
{
    /// <summary>The lock migrations are applied under (by a node or the migrate command).</summary>
    public const string Migrate = "shortbreaks:migrate";

    /// <summary>The lock a node prepares under (migrations, then the records every node checks on start).</summary>
    public const string Prepare = "shortbreaks:prepare";

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new();

    public static async Task<IAsyncDisposable> AcquireAsync(ShortBreaksDbContext db, string name, CancellationToken ct = default)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock(hashtext({name}))", ct);
            return new Held(async () =>
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock(hashtext({name}))", CancellationToken.None);
                await db.Database.CloseConnectionAsync();
            });
        }

        var gate = Gates.GetOrAdd($"{db.Database.GetConnectionString()}|{name}", _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        return new Held(() =>
        {
            gate.Release();
            return Task.CompletedTask;
        });
    }

    private sealed class Held(Func<Task> release) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await release();
    }
}
