namespace ShortBreaks.Core.Reviews;

/// <summary>
/// How many reviews each worklist filter matched over the whole county, kept by this node while the reviews'
/// <see cref="ChangeStamp"/> stays as it was read before counting. Counting the county's open reviews due in the next
/// weeks reads tens of thousands of index entries on every view of the worklist; a review changing anywhere (on any
/// node) moves the stamp, and the next view counts again. Only counts over every child are kept: a viewer who sees
/// some children is counted afresh each time (their count depends on the children's key workers and teams too).
/// </summary>
public sealed class ReviewCounts
{
    /// <summary>The most counts kept; past it they are all dropped and counted again as asked for.</summary>
    public const int MostKept = 4096;

    private readonly ConcurrentDictionary<(string Database, DateOnly Today, ReviewFilter Filter), (Guid Stamp, int Count)> _kept = new();

    /// <summary>Counts kept now.</summary>
    public int Kept => _kept.Count;

    /// <summary>
    /// The count of <paramref name="filter"/> on <paramref name="today"/>: the kept one if the reviews have not changed
    /// since it was made, otherwise <paramref name="count"/>'s, kept with the stamp read before it ran (so a change made
    /// while it counted is counted again next time).
    /// </summary>
    public async Task<int> CountAsync(ShortBreaksDbContext db, ReviewFilter filter, DateOnly today, Func<Task<int>> count, CancellationToken ct = default)
    {
        var stamp = await db.ChangeStamps.AsNoTracking().Where(s => s.Area == ChangeStamp.Reviews).Select(s => s.Stamp).FirstOrDefaultAsync(ct);
        var key = (db.Database.GetConnectionString() ?? "", today, filter);
        if (_kept.TryGetValue(key, out var kept) && kept.Stamp == stamp) return kept.Count;
        var total = await count();
        if (_kept.Count >= MostKept) _kept.Clear();
        _kept[key] = (stamp, total);
        return total;
    }
}
