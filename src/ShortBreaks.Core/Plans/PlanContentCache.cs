namespace ShortBreaks.Core.Plans;

/// <summary>
/// The outcomes, support lines and on-costs of saved plan versions, kept in memory. A saved version's content
/// never changes (a change is a new version), so what is kept is never stale; only agreement and approval,
/// which live on the version itself, change. Bounded: when full, the oldest half is let go.
/// </summary>
public sealed class PlanContentCache(int capacity = 20_000)
{
    private sealed record Content(List<PlanOutcome> Outcomes, List<PlanSupportLine> Lines, List<PlanOnCost> OnCosts, long Stamp);

    private readonly ConcurrentDictionary<Guid, Content> _content = new();
    private long _clock;

    /// <summary>Fills in the content of each version, from memory where it can and in three queries for the rest.</summary>
    public async Task FillAsync(ShortBreaksDbContext db, IReadOnlyList<PlanVersion> versions, CancellationToken ct)
    {
        var missing = new List<Guid>();
        foreach (var version in versions)
        {
            if (_content.TryGetValue(version.Id, out var kept)) Apply(version, kept);
            else missing.Add(version.Id);
        }

        if (missing.Count == 0) return;
        var outcomes = await db.Set<PlanOutcome>().AsNoTracking().Where(o => missing.Contains(o.PlanVersionId)).ToListAsync(ct);
        var lines = await db.Set<PlanSupportLine>().AsNoTracking().Where(l => missing.Contains(l.PlanVersionId)).ToListAsync(ct);
        var onCosts = await db.Set<PlanOnCost>().AsNoTracking().Where(o => missing.Contains(o.PlanVersionId)).ToListAsync(ct);
        foreach (var version in versions.Where(v => missing.Contains(v.Id)))
        {
            var content = new Content(
                outcomes.Where(o => o.PlanVersionId == version.Id).OrderBy(o => o.Order).ToList(),
                lines.Where(l => l.PlanVersionId == version.Id).OrderBy(l => l.Order).ToList(),
                onCosts.Where(o => o.PlanVersionId == version.Id).OrderBy(o => o.Order).ToList(),
                Interlocked.Increment(ref _clock));
            Apply(version, content);
            _content[version.Id] = content;
        }

        if (_content.Count > capacity) Trim();
    }

    private static void Apply(PlanVersion version, Content content)
    {
        version.Outcomes = [.. content.Outcomes];
        version.Lines = [.. content.Lines];
        version.OnCosts = [.. content.OnCosts];
    }

    private void Trim()
    {
        var cutoff = _content.Values.Select(c => c.Stamp).Order().ElementAt(_content.Count / 2);
        foreach (var (id, content) in _content)
            if (content.Stamp <= cutoff) _content.TryRemove(id, out _);
    }
}
