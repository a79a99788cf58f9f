namespace ShortBreaks.Core.Caseloads;

/// <summary>
/// A member of case staff looking at children, with what the scheme lets their roles see (<see cref="VisibilitySettings"/>)
/// and the staff team they are in.
/// </summary>
public sealed record StaffViewer(string UserId, ChildVisibilityScope Scope, string? Team)
{
    /// <summary>Whether nothing needs checking: the viewer sees every child.</summary>
    public bool SeesEveryChild => Scope == ChildVisibilityScope.All;

    /// <summary>A viewer who sees every child (the default setting, and administrators).</summary>
    public static StaffViewer SeeingEveryChild(string userId) => new(userId, ChildVisibilityScope.All, null);
}

/// <summary>
/// Which children a member of case staff sees, as a query: the one rule every list, search and record check uses, so a
/// child hidden from someone is neither listed nor openable. Under <see cref="ChildVisibilityScope.Own"/> a person sees
/// the children they are key worker for and those they are <see cref="WorkingOn"/>; under
/// <see cref="ChildVisibilityScope.Team"/> also every child whose key worker is in their team (a person in no team sees
/// as under <c>Own</c>). A child with no key worker belongs to no team, so only staff who see every child see them until
/// a manager allocates them.
/// </summary>
public static class ChildVisibility
{
    /// <summary>
    /// The children a person is working on without being their key worker: a request they took at the duty point that
    /// is still open, a request they decided, and a review they hold. Anything else that makes a person work on a child (a review they hold,
    /// a panel item) is added here, as one more query of child ids, and every list and check follows.
    /// </summary>
    public static IQueryable<Guid> WorkingOn(ShortBreaksDbContext db, string userId) =>
        db.Requests
            .Where(r => r.ChildId != null && r.CreatedByUserId == userId && r.Channel == RequestChannel.DutyPoint &&
                        (r.Status == RequestStatus.Draft || r.Status == RequestStatus.Submitted))
            .Select(r => r.ChildId!.Value)
            .Concat(db.Decisions.Where(d => d.DecidedByUserId == userId).Select(d => d.ChildId))
            // A review they hold, until it is completed.
            .Concat(db.Reviews.Where(r => r.OfficerId == userId && r.State != Reviews.ReviewState.Completed).Select(r => r.ChildId));

    /// <summary>The children of <paramref name="children"/> that <paramref name="viewer"/> sees.</summary>
    public static IQueryable<Child> VisibleTo(this IQueryable<Child> children, ShortBreaksDbContext db, StaffViewer viewer)
    {
        if (viewer.SeesEveryChild) return children;
        var me = viewer.UserId;
        var workingOn = WorkingOn(db, me);
        if (viewer.Scope == ChildVisibilityScope.Team && viewer.Team is { } team)
        {
            var teamMembers = db.Users.Where(u => u.Team == team).Select(u => u.Id);
            return children.Where(c => c.KeyWorkerId == me || teamMembers.Contains(c.KeyWorkerId!) || workingOn.Contains(c.Id));
        }

        return children.Where(c => c.KeyWorkerId == me || workingOn.Contains(c.Id));
    }

    /// <summary>Whether <paramref name="viewer"/> sees the child: one small query, none when they see every child.</summary>
    public static async Task<bool> SeesAsync(ShortBreaksDbContext db, StaffViewer viewer, Guid childId, CancellationToken ct = default) =>
        viewer.SeesEveryChild || await db.Children.AsNoTracking().Where(c => c.Id == childId).VisibleTo(db, viewer).AnyAsync(ct);
}

/// <summary>
/// Works out who is looking (their scope from the scheme in force, and their team) once per request, and answers whether
/// they see a child, remembering each answer for the rest of the request.
/// </summary>
public sealed class StaffVisibility(ShortBreaksDbContext db, SchemeCatalog schemes)
{
    private readonly Dictionary<string, StaffViewer?> _viewers = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, Guid), bool> _seen = [];

    /// <summary>The visibility settings in force today.</summary>
    public VisibilitySettings Settings => schemes.InForceOn(db.Today).VisibilityRules;

    /// <summary>
    /// The viewer for a signed-in person with these roles, or null when none of their roles is case staff (they see no
    /// child through this rule).
    /// </summary>
    public async Task<StaffViewer?> ViewerAsync(string? userId, IEnumerable<string> roles, CancellationToken ct = default)
    {
        if (userId is null) return null;
        if (_viewers.TryGetValue(userId, out var known)) return known;
        StaffViewer? viewer = null;
        if (Settings.ScopeFor(roles) is { } scope)
        {
            var team = scope == ChildVisibilityScope.Team
                ? await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.Team).FirstOrDefaultAsync(ct)
                : null;
            viewer = new StaffViewer(userId, scope, team);
        }

        _viewers[userId] = viewer;
        return viewer;
    }

    /// <summary>Whether the viewer sees the child, asked of the database at most once per child in a request.</summary>
    public async Task<bool> SeesAsync(StaffViewer viewer, Guid childId, CancellationToken ct = default)
    {
        if (viewer.SeesEveryChild) return true;
        if (_seen.TryGetValue((viewer.UserId, childId), out var sees)) return sees;
        sees = await ChildVisibility.SeesAsync(db, viewer, childId, ct);
        _seen[(viewer.UserId, childId)] = sees;
        return sees;
    }
}
