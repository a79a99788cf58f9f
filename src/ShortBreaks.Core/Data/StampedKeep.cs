namespace ShortBreaks.Core.Data;

/// <summary>
/// Figures worked out from one area of the records (<see cref="ChangeStamp"/>), kept by this node while the area's stamp
/// stays as it was read before each figure was worked out: a change made on any node moves the stamp in the same save,
/// and the next request works the figure out again. Each database (by connection string) keeps its own.
/// </summary>
public sealed class StampedKeep<TKey, TValue>(string area, int mostKept = StampedKeep<TKey, TValue>.DefaultMostKept)
    where TKey : notnull
{
    /// <summary>The most figures kept; past it they are all dropped and worked out again as asked for.</summary>
    public const int DefaultMostKept = 4096;

    private readonly ConcurrentDictionary<(string Database, TKey Key), (Guid Stamp, TValue Value)> _kept = new();

    /// <summary>Figures kept now.</summary>
    public int Kept => _kept.Count;

    /// <summary>
    /// The figure for <paramref name="key"/>: the kept one if the area has not changed since it was worked out, otherwise
    /// <paramref name="work"/>'s, kept with the stamp read before it ran (so a change made while it ran is worked out
    /// again next time).
    /// </summary>
    public async Task<TValue> GetAsync(ShortBreaksDbContext db, TKey key, Func<Task<TValue>> work, CancellationToken ct = default)
    {
        var stamp = await db.ChangeStamps.AsNoTracking().Where(s => s.Area == area).Select(s => s.Stamp).FirstOrDefaultAsync(ct);
        var at = (db.Database.GetConnectionString() ?? "", key);
        if (_kept.TryGetValue(at, out var kept) && kept.Stamp == stamp) return kept.Value;
        var value = await work();
        if (_kept.Count >= mostKept) _kept.Clear();
        _kept[at] = (stamp, value);
        return value;
    }
}
