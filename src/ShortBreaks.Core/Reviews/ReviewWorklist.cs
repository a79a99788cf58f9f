using ShortBreaks.Core.Caseloads;

namespace ShortBreaks.Core.Reviews;

/// <summary>Which reviews "when" picks: overdue ones, those due within the weeks given (overdue included), or every one.</summary>
public enum ReviewWindow
{
    Weeks,
    Overdue,
    Any,
}

/// <summary>
/// What the reviewing officers' worklist is filtered by. <paramref name="OfficerId"/> null is everyone's; the empty
/// string is reviews no officer holds yet. <paramref name="State"/> null is every open review.
/// </summary>
public sealed record ReviewFilter(string? OfficerId, ReviewKind? Kind, ReviewState? State, ReviewWindow Window, int Weeks);

/// <summary>One row of the worklist.</summary>
public sealed record ReviewListItem(
    Guid Id, Guid ChildId, string ChildName, string ChildReference, ReviewKind Kind, DateOnly DueOn, ReviewState State,
    DateOnly? BookedFor, string? OfficerName, bool ViewsSent)
{
    public bool OverdueOn(DateOnly today) => DueOn < today && State != ReviewState.Completed;
}

/// <summary>A page of the worklist and how many reviews match in all.</summary>
public sealed record ReviewPage(IReadOnlyList<ReviewListItem> Items, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>An officer's caseload against the scheme's guide for a reviewing officer.</summary>
public sealed record ReviewCaseload(int OpenReviews, int ReviewGuide, int Families, int FamilyGuide);

/// <summary>
/// The reviewing officers' worklist over the whole county: reviews by due day, filtered by officer, kind, state and
/// window, a page at a time in one query for the page and one for the count, on the indexes of what it filters and
/// sorts by (state and due day; officer, state and due day). The count over every child is kept between views while no
/// review changes (<see cref="ReviewCounts"/>, when given); the reviewing officers to filter by come from the node's kept
/// staff list (<see cref="CaseloadService.StaffAsync"/>, when given) rather than the accounts and roles on every view.
/// </summary>
public sealed class ReviewWorklist(ShortBreaksDbContext db, SchemeCatalog schemes, ReviewCounts? counts = null, CaseloadService? caseloads = null)
{
    public const int PageSize = 50;

    public DateOnly Today => db.Today;

    /// <summary>The weeks ahead the worklist shows when first opened.</summary>
    public int DefaultWeeks => schemes.InForceOn(Today).ReviewingRules.WorklistWeeks;

    /// <summary>
    /// A page of the worklist, of reviews of children <paramref name="viewer"/> sees (<see cref="ChildVisibility"/>,
    /// filtered in the database with the count; every review when null or when they see every child).
    /// </summary>
    public async Task<ReviewPage> ListAsync(ReviewFilter filter, int page, StaffViewer? viewer = null, CancellationToken ct = default)
    {
        // Open is "not completed" for the page, so that over a county the database reads the worklist in due order by its
        // index and stops at the page instead of sorting every open review; and the three open states by name for the
        // count, which then reads only open reviews from the (state, due day) index instead of every review due so far.
        var counted = filter.State is { } one ? [one] : ReviewRules.Open;
        var total = counts is not null && ChildVisibility.VisibleChildIds(db, viewer) is null
            ? await counts.CountAsync(db, filter, Today, () => Matching(filter, viewer, counted).CountAsync(ct), ct)
            : await Matching(filter, viewer, counted).CountAsync(ct);
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        // The page is cut from the reviews' ids alone, and only its 50 are read and joined to their children: a later page
        // then skips reviews in the (due day, id) index of open reviews without reading the review or the child of each
        // one skipped.
        var pageIds = Matching(filter, viewer, null).OrderBy(r => r.DueOn).ThenBy(r => r.Id).Skip((page - 1) * PageSize).Take(PageSize).Select(r => r.Id);
        var items = await (from id in pageIds
                           join r in db.Reviews.AsNoTracking() on id equals r.Id
                           join c in db.Children.AsNoTracking() on r.ChildId equals c.Id
                           orderby r.DueOn, r.Id
                           select new ReviewListItem(r.Id, c.Id, c.FirstName + " " + c.LastName, c.Reference, r.Kind, r.DueOn, r.State,
                               r.BookedFor, r.OfficerName, r.ViewsSentAt != null))
            .ToListAsync(ct);
        return new ReviewPage(items, total, page, PageSize);
    }

    // The reviews the filter matches: in one of these states, or (null) the state the filter names or else any not completed.
    private IQueryable<Review> Matching(ReviewFilter filter, StaffViewer? viewer, IReadOnlyList<ReviewState>? states)
    {
        var today = Today;
        var reviews = db.Reviews.AsNoTracking();
        if (ChildVisibility.VisibleChildIds(db, viewer) is { } visible) reviews = reviews.Where(r => visible.Contains(r.ChildId));
        if (states is not null) reviews = reviews.Where(r => states.Contains(r.State));
        else if (filter.State is { } state) reviews = reviews.Where(r => r.State == state);
        else reviews = reviews.Where(r => r.State != ReviewState.Completed);
        if (filter.OfficerId is "") reviews = reviews.Where(r => r.OfficerId == null);
        else if (filter.OfficerId is { } officer) reviews = reviews.Where(r => r.OfficerId == officer);
        if (filter.Kind is { } kind) reviews = reviews.Where(r => r.Kind == kind);
        var until = today.AddDays(7 * Math.Clamp(filter.Weeks, 1, 104));
        return filter.Window switch
        {
            ReviewWindow.Overdue => reviews.Where(r => r.DueOn < today),
            ReviewWindow.Weeks => reviews.Where(r => r.DueOn <= until),
            _ => reviews,
        };
    }

    /// <summary>
    /// An officer's open reviews and the families they hold as key worker (children on Flexible or Targeted Short
    /// Breaks), against the scheme's guide for a reviewing officer.
    /// </summary>
    public async Task<ReviewCaseload> CaseloadAsync(string officerId, CancellationToken ct = default)
    {
        var guide = schemes.InForceOn(Today).Caseloads;
        var reviews = await db.Reviews.AsNoTracking()
            .CountAsync(r => r.OfficerId == officerId && (r.State == ReviewState.Due || r.State == ReviewState.Booked || r.State == ReviewState.Held), ct);
        var families = await db.Children.AsNoTracking()
            .CountAsync(c => c.KeyWorkerId == officerId && c.ClosedAt == null && c.MergedIntoChildId == null
                             && (c.Tier == Tier.FlexibleShortBreaks || c.Tier == Tier.TargetedShortBreaks), ct);
        return new ReviewCaseload(reviews, guide.ReviewingOfficerReviews, families, guide.ReviewingOfficerFamilies);
    }

    /// <summary>
    /// The reviewing officers to filter by, by name: those in <paramref name="team"/> when it is given (a county has
    /// hundreds, too many to choose from in one list), otherwise every one.
    /// </summary>
    public async Task<List<(string Id, string Name)>> OfficersAsync(string? team = null, CancellationToken ct = default)
    {
        if (caseloads is not null)
        {
            var staff = await caseloads.StaffAsync(ct);
            return [.. staff.Workers.Where(w => (team is null || w.Team == team) && w.Roles.Contains(Roles.ReviewingOfficer)).Select(w => (w.UserId, w.Name))];
        }

        // A team's accounts are read by the team's index (the county's family accounts are never looked at), and each
        // one's role by key; with no team, the accounts holding the role, by the index of roles.
        var users = team is null ? db.Users.AsNoTracking() : db.Users.AsNoTracking().Where(u => u.Team == team);
        var officers = await ReviewingOfficers(users)
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Id).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct);
        return officers.Select(o => (o.Id, o.DisplayName)).ToList();
    }

    /// <summary>The reviewing officer with this user id, when there is one (any team).</summary>
    public async Task<(string Id, string Name)?> OfficerAsync(string userId, CancellationToken ct = default)
    {
        if (caseloads is not null)
            return (await caseloads.StaffAsync(ct)).Find(userId) is { } worker && worker.Roles.Contains(Roles.ReviewingOfficer) ? (worker.UserId, worker.Name) : null;
        var officer = await ReviewingOfficers(db.Users.AsNoTracking().Where(u => u.Id == userId))
            .Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(ct);
        return officer is null ? null : (officer.Id, officer.DisplayName);
    }

    // The accounts of these that hold the reviewing officer's role: joined to their roles by key, so the database starts
    // from the accounts asked for rather than from every account's roles.
    private IQueryable<AppUser> ReviewingOfficers(IQueryable<AppUser> users) =>
        from u in users
        join ur in db.UserRoles on u.Id equals ur.UserId
        join r in db.Roles on ur.RoleId equals r.Id
        where r.Name == Roles.ReviewingOfficer
        select u;
}
