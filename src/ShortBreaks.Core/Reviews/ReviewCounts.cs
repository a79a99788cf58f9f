namespace ShortBreaks.Core.Reviews;

/// <summary>
/// How many reviews each worklist filter matched over the whole county on a day, kept by this node while no review
/// changes (<see cref="StampedKeep{TKey, TValue}"/> on <see cref="ChangeStamp.Reviews"/>). Counting the county's open
/// reviews due in the next weeks reads tens of thousands of index entries on every view of the worklist. Only counts over
/// every child are kept: a viewer who sees some children is counted afresh each time (their count depends on the
/// children's key workers and teams too).
/// </summary>
public sealed class ReviewCounts
{
    private readonly StampedKeep<(DateOnly Today, ReviewFilter Filter), int> _keep = new(ChangeStamp.Reviews);

    /// <summary>Counts kept now.</summary>
    public int Kept => _keep.Kept;

    /// <summary>The count of <paramref name="filter"/> on <paramref name="today"/>, kept or from <paramref name="count"/>.</summary>
    public Task<int> CountAsync(ShortBreaksDbContext db, ReviewFilter filter, DateOnly today, Func<Task<int>> count, CancellationToken ct = default) =>
        _keep.GetAsync(db, (today, filter), count, ct);
}
