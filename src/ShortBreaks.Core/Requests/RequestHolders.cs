namespace ShortBreaks.Core.Requests;

/// <summary>
/// Keeps who holds each request (<see cref="ShortBreakRequest.HeldByUserId"/>): a request taken at the duty point is held by
/// whoever took it; an online one by its child's key worker (nobody while it has no child, or the child no key worker).
/// The context keeps it on every save, whichever service changed what: a request added, linked to a child or moved to
/// another (a merge) takes its holder as it is saved; when a child's key worker changes, their online requests move to
/// the new worker in the same transaction. So a worker's requests to decide are counted from one index by worker rather
/// than by joining every waiting request to the children of their caseload.
/// </summary>
public static class RequestHolders
{
    /// <summary>Who holds a request, given its child's key worker.</summary>
    public static string? HolderOf(ShortBreakRequest request, string? childKeyWorkerId) =>
        request.Channel == RequestChannel.DutyPoint ? request.CreatedByUserId
        : request.ChildId is null ? null
        : childKeyWorkerId;

    /// <summary>The children whose key worker this save changes, each with their new key worker.</summary>
    public sealed record Moves(IReadOnlyDictionary<Guid, string?> KeyWorkers)
    {
        public bool Any => KeyWorkers.Count > 0;
    }

    /// <summary>
    /// Before a save: sets the holder of every request the save adds or whose child, channel or taker it changes, and
    /// returns the children whose key worker it changes (their online requests are moved by <see cref="MoveAsync"/>, after
    /// the save and in its transaction).
    /// </summary>
    public static async Task<Moves> KeepAsync(ShortBreaksDbContext db, CancellationToken ct)
    {
        var (requests, keyWorkers, missing) = Changed(db);
        if (missing.Count > 0)
        {
            var found = await db.Children.AsNoTracking().Where(c => missing.Contains(c.Id)).Select(c => new { c.Id, c.KeyWorkerId }).ToListAsync(ct);
            foreach (var child in found) keyWorkers[child.Id] = child.KeyWorkerId;
        }

        return Set(db, requests, keyWorkers);
    }

    /// <inheritdoc cref="KeepAsync"/>
    public static Moves Keep(ShortBreaksDbContext db)
    {
        var (requests, keyWorkers, missing) = Changed(db);
        if (missing.Count > 0)
        {
            var found = db.Children.AsNoTracking().Where(c => missing.Contains(c.Id)).Select(c => new { c.Id, c.KeyWorkerId }).ToList();
            foreach (var child in found) keyWorkers[child.Id] = child.KeyWorkerId;
        }

        return Set(db, requests, keyWorkers);
    }

    /// <summary>After the save, in its transaction: the online requests of each child whose key worker changed move with them.</summary>
    public static async Task MoveAsync(ShortBreaksDbContext db, Moves moves, CancellationToken ct)
    {
        foreach (var (worker, children) in ByWorker(moves))
        {
            await db.Requests.Where(r => r.ChildId != null && children.Contains(r.ChildId.Value) && r.Channel == RequestChannel.Online)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.HeldByUserId, worker), ct);
        }
    }

    /// <inheritdoc cref="MoveAsync"/>
    public static void Move(ShortBreaksDbContext db, Moves moves)
    {
        foreach (var (worker, children) in ByWorker(moves))
        {
            db.Requests.Where(r => r.ChildId != null && children.Contains(r.ChildId.Value) && r.Channel == RequestChannel.Online)
                .ExecuteUpdate(u => u.SetProperty(r => r.HeldByUserId, worker));
        }
    }

    // A manager moves many children to one worker at once: one statement per new worker (and one for "nobody").
    private static IEnumerable<(string? Worker, List<Guid> Children)> ByWorker(Moves moves) =>
        moves.KeyWorkers.GroupBy(m => m.Value, StringComparer.Ordinal).Select(g => (g.Key, g.Select(m => m.Key).ToList()));

    // The requests whose holder this save sets, the key workers of the children the save holds, and the children whose key
    // worker must be read from the database.
    private static (List<ShortBreakRequest> Requests, Dictionary<Guid, string?> KeyWorkers, List<Guid> Missing) Changed(ShortBreaksDbContext db)
    {
        var keyWorkers = new Dictionary<Guid, string?>();
        foreach (var entry in db.ChangeTracker.Entries<Child>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Unchanged) keyWorkers[entry.Entity.Id] = entry.Entity.KeyWorkerId;
        }

        var requests = db.ChangeTracker.Entries<ShortBreakRequest>()
            .Where(e => e.State == EntityState.Added
                        || (e.State == EntityState.Modified && (e.Property(r => r.ChildId).IsModified || e.Property(r => r.Channel).IsModified
                                                                || e.Property(r => r.CreatedByUserId).IsModified)))
            .Select(e => e.Entity).ToList();
        var missing = requests.Where(r => r.Channel == RequestChannel.Online && r.ChildId is { } id && !keyWorkers.ContainsKey(id))
            .Select(r => r.ChildId!.Value).Distinct().ToList();
        return (requests, keyWorkers, missing);
    }

    private static Moves Set(ShortBreaksDbContext db, List<ShortBreakRequest> requests, Dictionary<Guid, string?> keyWorkers)
    {
        foreach (var request in requests)
        {
            request.HeldByUserId = HolderOf(request, request.ChildId is { } id ? keyWorkers.GetValueOrDefault(id) : null);
        }

        var moved = db.ChangeTracker.Entries<Child>()
            .Where(e => e.State == EntityState.Modified && e.Property(c => c.KeyWorkerId).IsModified
                        && !string.Equals(e.Property(c => c.KeyWorkerId).OriginalValue, e.Entity.KeyWorkerId, StringComparison.Ordinal))
            .ToDictionary(e => e.Entity.Id, e => e.Entity.KeyWorkerId);
        return new Moves(moved);
    }
}
