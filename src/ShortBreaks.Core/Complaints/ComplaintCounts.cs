namespace ShortBreaks.Core.Complaints;

/// <summary>The cases a viewer may see with the same kind, subject, stage, outcome and due day, and how many.</summary>
public sealed record ComplaintGroup(
    ComplaintKind Kind, ComplaintSubject Subject, ComplaintStageKind? CurrentStage, ComplaintOutcome? Outcome, DateOnly? CurrentDueOn, int Count);

/// <summary>
/// The grouped counts of the complaints list for each viewer, kept by this node while no complaint, stage or extension
/// changes (<see cref="StampedKeep{TKey, TValue}"/> on <see cref="ChangeStamp.Complaints"/>): a county's cases are grouped
/// in thousands of rows on every view of the list otherwise. Who may see a case (<see cref="ComplaintAccess"/>) depends
/// only on the case, its stages and the viewer's id and whether they manage, which the key holds. Only groups over every
/// child are kept: a viewer who sees some children is counted afresh each time.
/// </summary>
public sealed class ComplaintCounts
{
    private readonly StampedKeep<ComplaintViewer, List<ComplaintGroup>> _keep = new(ChangeStamp.Complaints);

    /// <summary>Viewers' groups kept now.</summary>
    public int Kept => _keep.Kept;

    /// <summary>The groups <paramref name="viewer"/> sees, kept or from <paramref name="read"/>.</summary>
    public Task<List<ComplaintGroup>> GroupsAsync(ShortBreaksDbContext db, ComplaintViewer viewer, Func<Task<List<ComplaintGroup>>> read, CancellationToken ct = default) =>
        _keep.GetAsync(db, viewer, read, ct);
}
