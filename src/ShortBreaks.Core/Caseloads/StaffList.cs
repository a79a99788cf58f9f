namespace ShortBreaks.Core.Caseloads;

/// <summary>A member of staff who can hold cases: their case-holding roles (in order), team and whether their account is disabled.</summary>
public sealed record CaseWorker(string UserId, string Name, string? Team, IReadOnlyList<string> Roles, bool Disabled);

/// <summary>
/// The county's case-holding workers, by name (ignoring case, then by id), and every staff team, by name: what the caseload
/// views page, filter and offer to allocate to.
/// </summary>
public sealed class StaffList
{
    private readonly Dictionary<string, CaseWorker> _byId;

    public StaffList(IEnumerable<CaseWorker> workers, IEnumerable<string> teams)
    {
        Workers = workers.OrderBy(w => w.Name, StringComparer.OrdinalIgnoreCase).ThenBy(w => w.UserId, StringComparer.Ordinal).ToList();
        Teams = teams.Distinct(StringComparer.Ordinal).Order(StringComparer.OrdinalIgnoreCase).ToList();
        _byId = Workers.ToDictionary(w => w.UserId, StringComparer.Ordinal);
    }

    public IReadOnlyList<CaseWorker> Workers { get; }

    /// <summary>The teams any member of staff is in (a team may, rarely, hold only staff who hold no cases).</summary>
    public IReadOnlyList<string> Teams { get; }

    /// <summary>The case-holding worker with this account; null when the account holds no case-holding role (or does not exist).</summary>
    public CaseWorker? Find(string userId) => _byId.GetValueOrDefault(userId);
}

/// <summary>
/// Each node's copy of the <see cref="StaffList"/>, kept while the database's "Accounts" change stamp stays as it was read
/// before the list was read (<see cref="ChangeStamp.Accounts"/>): any save that adds, renames, moves, locks or deletes an
/// account, or gives or takes a role, moves the stamp in the same transaction, and the next request on every node reads the
/// list again. The caseload views and the children with no key worker read it on every view; reading it from the database
/// each time was most of their cost (a county has a few thousand workers).
/// </summary>
public sealed class KeptStaffList
{
    private readonly StampedKeep<int, StaffList> _keep = new(ChangeStamp.Accounts, mostKept: 64);

    /// <summary>Lists kept now (one per database).</summary>
    public int Kept => _keep.Kept;

    /// <summary>The kept list, or <paramref name="read"/>'s when an account changed since it was read.</summary>
    public Task<StaffList> GetAsync(ShortBreaksDbContext db, Func<Task<StaffList>> read, CancellationToken ct = default) =>
        _keep.GetAsync(db, 0, read, ct);
}
