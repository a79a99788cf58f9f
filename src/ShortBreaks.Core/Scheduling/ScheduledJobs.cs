namespace ShortBreaks.Core.Scheduling;

/// <summary>
/// One piece of scheduled work and its last run, as administrators see it. A daily job is also claimed here: the node
/// that claims it holds a lease while it runs (renewing it), and it is marked done for the UK day, so it runs once a
/// day across every node; a run left by a node that stopped is run by another once its lease has passed.
/// </summary>
public sealed class ScheduledJob
{
    /// <summary>The job's name, as shown and as its key (for example "Reviews falling due").</summary>
    public string Name { get; set; } = "";

    /// <summary>For a daily job, the UK day it last completed; null for a job that runs every few minutes.</summary>
    public DateOnly? LastDay { get; set; }

    public string? ClaimedBy { get; set; }
    public DateTime? LeaseUntil { get; set; }
    public DateTime? LastStartedAt { get; set; }
    public DateTime? LastFinishedAt { get; set; }

    /// <summary>"completed", "failed" or "stopped".</summary>
    public string? LastOutcome { get; set; }

    /// <summary>What the last run found or sent, in its own words ("12 reviews added").</summary>
    public string? LastResult { get; set; }

    public string? LastNode { get; set; }

    /// <summary>The kind of the last failure (never its message, which can quote a record), and when.</summary>
    public string? LastFailure { get; set; }

    public DateTime? LastFailedAt { get; set; }
}

/// <summary>Claims daily jobs so they run once a day across nodes, and records every job's last run.</summary>
public sealed class ScheduledJobs(ShortBreaksDbContext db)
{
    /// <summary>
    /// Claims today's run of a daily job for <paramref name="node"/>: true when this node is to run it now; false when it
    /// has run today (UK date) or another node holds it. Two nodes claiming at once meet at the conditional update.
    /// </summary>
    public async Task<bool> TryClaimDailyAsync(string name, string node, TimeSpan lease, CancellationToken ct = default)
    {
        await EnsureAsync(name, ct);
        var now = db.UtcNow;
        var today = db.Today;
        var claimed = await db.ScheduledJobs
            .Where(j => j.Name == name && (j.LastDay == null || j.LastDay < today) && (j.LeaseUntil == null || j.LeaseUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.ClaimedBy, node).SetProperty(j => j.LeaseUntil, now + lease)
                .SetProperty(j => j.LastStartedAt, now).SetProperty(j => j.LastNode, node), ct);
        return claimed == 1;
    }

    /// <summary>Extends this node's hold on a job it is running; false when it no longer holds it.</summary>
    public async Task<bool> RenewAsync(string name, string node, TimeSpan lease, CancellationToken ct = default)
    {
        var now = db.UtcNow;
        return await db.ScheduledJobs.Where(j => j.Name == name && j.ClaimedBy == node && j.LeaseUntil > now)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseUntil, now + lease), ct) == 1;
    }

    /// <summary>Marks today's run of a daily job done by this node, with what it did.</summary>
    public async Task CompleteDailyAsync(string name, string node, DateOnly day, string result, CancellationToken ct = default)
    {
        var now = db.UtcNow;
        await db.ScheduledJobs.Where(j => j.Name == name && j.ClaimedBy == node)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LastDay, day).SetProperty(j => j.LeaseUntil, (DateTime?)null)
                .SetProperty(j => j.LastFinishedAt, now).SetProperty(j => j.LastOutcome, "completed").SetProperty(j => j.LastResult, result), ct);
    }

    /// <summary>Lets go of a daily job that failed or was stopped, so it is tried again (by any node) after the interval.</summary>
    public async Task ReleaseDailyAsync(string name, string node, string outcome, string? failure, CancellationToken ct = default)
    {
        var now = db.UtcNow;
        await db.ScheduledJobs.Where(j => j.Name == name && j.ClaimedBy == node)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseUntil, (DateTime?)null).SetProperty(j => j.LastFinishedAt, now)
                .SetProperty(j => j.LastOutcome, outcome)
                .SetProperty(j => j.LastFailure, j => failure ?? j.LastFailure)
                .SetProperty(j => j.LastFailedAt, j => failure != null ? now : j.LastFailedAt), ct);
    }

    /// <summary>Records a turn of a job every node runs every few minutes (its items are claimed one by one).</summary>
    public async Task RecordTurnAsync(string name, string node, DateTime startedAt, string outcome, string? result, string? failure, CancellationToken ct = default)
    {
        await EnsureAsync(name, ct);
        var now = db.UtcNow;
        await db.ScheduledJobs.Where(j => j.Name == name)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LastStartedAt, startedAt).SetProperty(j => j.LastFinishedAt, now)
                .SetProperty(j => j.LastOutcome, outcome).SetProperty(j => j.LastNode, node)
                .SetProperty(j => j.LastResult, j => result ?? j.LastResult)
                .SetProperty(j => j.LastFailure, j => failure ?? j.LastFailure)
                .SetProperty(j => j.LastFailedAt, j => failure != null ? now : j.LastFailedAt), ct);
    }

    /// <summary>Every job that has run, by name.</summary>
    public Task<List<ScheduledJob>> ListAsync(CancellationToken ct = default) =>
        db.ScheduledJobs.AsNoTracking().OrderBy(j => j.Name).ToListAsync(ct);

    private async Task EnsureAsync(string name, CancellationToken ct)
    {
        if (await db.ScheduledJobs.AsNoTracking().AnyAsync(j => j.Name == name, ct)) return;
        var job = new ScheduledJob { Name = name };
        db.ScheduledJobs.Add(job);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another node added it at the same moment.
        }
        finally
        {
            db.Entry(job).State = EntityState.Detached;
        }
    }
}
