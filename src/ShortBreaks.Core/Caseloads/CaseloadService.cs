namespace ShortBreaks.Core.Caseloads;

/// <summary>A member of staff who can hold cases, with their counts on each <see cref="CaseloadMeasure"/>.</summary>
public sealed record WorkerCaseload(
    string UserId, string Name, string? Team, IReadOnlyList<string> Roles, bool Disabled,
    IReadOnlyDictionary<string, int> Counts, CaseloadGuide Guide)
{
    public int Count(CaseloadMeasure measure) => Counts.GetValueOrDefault(measure.Key);

    /// <summary>The families on the worker's caseload: every child they are key worker for.</summary>
    public int Families => CaseloadMeasures.All.Where(m => m.IsFamily).Sum(Count);
}

/// <summary>A page of workers' caseloads, and how many workers match in all.</summary>
public sealed record WorkerCaseloadPage(IReadOnlyList<WorkerCaseload> Workers, int Total, int Page, int Pages);

/// <summary>
/// Which workers a caseload page shows: those in <paramref name="Team"/> (every team's when null) and also
/// <paramref name="AlsoUserId"/> when given (a manager who sees their team sees themselves too), whose name starts with
/// <paramref name="Name"/> (any when null); when <paramref name="OnlyUserId"/> is given, only that person.
/// </summary>
public sealed record WorkerFilter(string? Team = null, string? Name = null, string? OnlyUserId = null, string? AlsoUserId = null)
{
    public const int NameMaxLength = 100;
}

/// <summary>A child as a caseload list shows them.</summary>
public sealed record CaseloadChild(Guid Id, string Reference, string Name, DateOnly DateOfBirth, Tier Tier, string? KeyWorkerId, long Version);

/// <summary>A page of children, and how many there are in all.</summary>
public sealed record CaseloadChildPage(IReadOnlyList<CaseloadChild> Children, int Total, int Page, int Pages);

/// <summary>What narrows a list of children: a tier and the start of a name or a reference.</summary>
public sealed record CaseloadFilter(Tier? Tier = null, string? Name = null)
{
    public const int NameMaxLength = 100;
}

/// <summary>A child a manager moves, with the version of their record the manager saw.</summary>
public sealed record AllocationChange(Guid ChildId, long Version);

/// <summary>The pages the workers told of an allocation are sent to: a child's record, and their own home page.</summary>
public sealed record AllocationLinks(Func<Guid, string> Child, string Home);

/// <summary>
/// Caseloads and allocation for team managers: every worker's caseload counted in the database (one grouped query per
/// kind of case), the children with no key worker, the capacity arithmetic, and allocating or reassigning children with a
/// reason. Each child moved gets a timeline event naming the old worker, the new one, who moved them and why. Every list
/// of children is narrowed to the children the manager sees (<see cref="ChildVisibility"/>). The new worker and each old
/// one are told (<see cref="Messenger"/>), in the same save as the move.
/// The workers and teams come from the node's <see cref="KeptStaffList"/> when given (read again whenever an account
/// changes), otherwise from the database on each call.
/// </summary>
public sealed class CaseloadService(ShortBreaksDbContext db, SchemeCatalog schemes, Messenger messenger, KeptStaffList? keptStaff = null)
{
    public const int PageSize = 50;

    /// <summary>Most children moved in one allocation (one page of a list, selected).</summary>
    public const int MaxChildrenAtOnce = 500;

    public const int ReasonMaxLength = 1000;

    /// <summary>The tiers whose children need a key worker: the short breaks offers the service holds.</summary>
    public static readonly IReadOnlyList<Tier> AllocatedTiers = [Tier.FlexibleShortBreaks, Tier.TargetedShortBreaks];

    /// <summary>The lockout end ASP.NET Identity sets to disable an account for good (rather than for a few minutes).</summary>
    public static bool IsDisabled(DateTimeOffset? lockoutEnd) => lockoutEnd is { } end && end.Year >= 9999;

    public CaseloadSettings Guides => schemes.InForceOn(db.Today).Caseloads;

    // Children whose case is open: not merged into another record, not closed.
    private IQueryable<Child> OpenChildren => db.Children.AsNoTracking().Where(c => c.MergedIntoChildId == null && c.ClosedAt == null);

    /// <summary>Everyone who holds a case-holding role, with their roles, team and whether their account is disabled, by name.</summary>
    public async Task<List<(string UserId, string Name, string? Team, List<string> Roles, bool Disabled)>> WorkersAsync(CancellationToken ct = default) =>
        (await StaffAsync(ct)).Workers.Select(Tuple).ToList();

    /// <summary>The case-holding workers of one team, by name: the workers a manager offers to allocate children to.</summary>
    public async Task<List<(string UserId, string Name, string? Team, List<string> Roles, bool Disabled)>> WorkersInTeamAsync(string team, CancellationToken ct = default) =>
        (await StaffAsync(ct)).Workers.Where(w => w.Team == team).Select(Tuple).ToList();

    /// <summary>One case-holding worker; null when the account holds no case-holding role (or does not exist).</summary>
    public async Task<(string UserId, string Name, string? Team, List<string> Roles, bool Disabled)?> WorkerAsync(string userId, CancellationToken ct = default) =>
        (await StaffAsync(ct)).Find(userId) is { } worker ? Tuple(worker) : null;

    private static (string UserId, string Name, string? Team, List<string> Roles, bool Disabled) Tuple(CaseWorker w) =>
        (w.UserId, w.Name, w.Team, w.Roles.ToList(), w.Disabled);

    /// <summary>The case-holding workers and the staff teams: the node's kept list when there is one, else read now.</summary>
    public Task<StaffList> StaffAsync(CancellationToken ct = default) =>
        keptStaff is null ? ReadStaffAsync(ct) : keptStaff.GetAsync(db, () => ReadStaffAsync(ct), ct);

    // Every account holding a case-holding role, with those roles (two statements: the case-holding roles' few keys, then
    // their holders by the index of user roles by role), and every staff team from the index of teams.
    private async Task<StaffList> ReadStaffAsync(CancellationToken ct)
    {
        var roleNames = await db.Roles.AsNoTracking().Where(r => Roles.KeyWorkers.Contains(r.Name!))
            .ToDictionaryAsync(r => r.Id, r => r.Name!, StringComparer.Ordinal, ct);
        var roleIds = roleNames.Keys.ToList();
        var rows = await (from ur in db.UserRoles.AsNoTracking()
                          join u in db.Users.AsNoTracking() on ur.UserId equals u.Id
                          where roleIds.Contains(ur.RoleId)
                          select new { u.Id, u.DisplayName, u.Team, u.LockoutEnd, ur.RoleId }).ToListAsync(ct);
        var workers = rows.GroupBy(r => r.Id, StringComparer.Ordinal).Select(g => new CaseWorker(
            g.Key, g.First().DisplayName, g.First().Team, g.Select(r => roleNames[r.RoleId]).Order(StringComparer.Ordinal).ToList(),
            IsDisabled(g.First().LockoutEnd)));
        var teams = await db.Users.AsNoTracking().Where(u => u.Team != null).Select(u => u.Team!).Distinct().ToListAsync(ct);
        return new StaffList(workers, teams);
    }

    /// <summary>
    /// Every case-holding worker's caseload (only a team's, when <paramref name="team"/> is given), counted by grouped
    /// queries over the whole county, against the guide for their role.
    /// </summary>
    public async Task<List<WorkerCaseload>> CaseloadsAsync(string? team = null, CancellationToken ct = default)
    {
        var workers = await WorkersAsync(ct);
        if (team is not null) workers = workers.Where(w => w.Team == team).ToList();
        var counts = await CountsAsync(team is null ? null : workers.Select(w => w.UserId).ToList(), ct);
        var guides = Guides;
        return workers.Select(w => Caseload(w.UserId, w.Name, w.Team, w.Roles, w.Disabled, counts.GetValueOrDefault(w.UserId), guides)).ToList();
    }

    // A worker's caseload: their counts (none when absent) against the guide for their roles and families.
    private static WorkerCaseload Caseload(
        string userId, string name, string? team, List<string> roles, bool disabled, Dictionary<string, int>? counts, CaseloadSettings guides)
    {
        counts ??= [];
        var families = CaseloadMeasures.All.Where(m => m.IsFamily).Sum(m => counts.GetValueOrDefault(m.Key));
        return new WorkerCaseload(userId, name, team, roles, disabled, counts, CaseloadGuides.For(roles, families, guides));
    }

    /// <summary>
    /// A page of the case-holding workers the filter picks, by name, each with their counts (read for that page's workers
    /// only, on the indexes of key worker and of who took a request), against the guide for their role.
    /// </summary>
    public async Task<WorkerCaseloadPage> CaseloadPageAsync(WorkerFilter filter, int page, CancellationToken ct = default)
    {
        // The workers are filtered, put in order and paged here, from the staff list (a county has a few thousand): the same
        // order (by name, ignoring case) on every database, and names matched ignoring case in any alphabet.
        IEnumerable<CaseWorker> picked = (await StaffAsync(ct)).Workers;
        if (filter.OnlyUserId is { } only) picked = picked.Where(w => w.UserId == only);
        else if (filter.Team is { } team) picked = filter.AlsoUserId is { } also ? picked.Where(w => w.Team == team || w.UserId == also) : picked.Where(w => w.Team == team);
        if (!string.IsNullOrWhiteSpace(filter.Name))
        {
            var name = filter.Name.Trim();
            picked = picked.Where(w => w.Name.StartsWith(name, StringComparison.OrdinalIgnoreCase));
        }

        var all = picked.ToList();
        var total = all.Count;
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pages);
        var rows = all.Skip((page - 1) * PageSize).Take(PageSize).ToList();
        var counts = await CountsAsync(rows.Select(r => r.UserId).ToList(), ct);
        var guides = Guides;
        var workers = rows.Select(w => Caseload(w.UserId, w.Name, w.Team, w.Roles.ToList(), w.Disabled, counts.GetValueOrDefault(w.UserId), guides)).ToList();
        return new WorkerCaseloadPage(workers, total, page, pages);
    }

    /// <summary>The staff teams, by name.</summary>
    public async Task<List<string>> TeamsAsync(CancellationToken ct = default) => (await StaffAsync(ct)).Teams.ToList();

    /// <summary>
    /// The counts of every measure by worker (only these workers', when <paramref name="workerIds"/> is given): one GROUP BY
    /// per kind of case, never a query per worker.
    /// </summary>
    private async Task<Dictionary<string, Dictionary<string, int>>> CountsAsync(IReadOnlyList<string>? workerIds, CancellationToken ct)
    {
        var counts = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        void Add(string workerId, CaseloadMeasure measure, int count)
        {
            if (!counts.TryGetValue(workerId, out var mine)) counts[workerId] = mine = new(StringComparer.Ordinal);
            mine[measure.Key] = mine.GetValueOrDefault(measure.Key) + count;
        }

        var children = workerIds is null ? OpenChildren.Where(c => c.KeyWorkerId != null) : OpenChildren.Where(c => workerIds.Contains(c.KeyWorkerId!));
        var byTier = await children
            .GroupBy(c => new { c.KeyWorkerId, c.Tier }).Select(g => new { g.Key.KeyWorkerId, g.Key.Tier, Count = g.Count() }).ToListAsync(ct);
        foreach (var row in byTier) Add(row.KeyWorkerId!, CaseloadMeasures.ForTier(row.Tier), row.Count);

        // A request waiting for a decision is held by whoever took it at the duty point, or else by the child's key worker:
        // kept on the request by every save (RequestHolders), so they are counted from the index of waiting requests by
        // holder, rather than by joining every waiting request to the children of these workers.
        var requests = db.Requests.AsNoTracking().Where(r => r.Status == RequestStatus.Submitted && r.HeldByUserId != null);
        if (workerIds is not null) requests = requests.Where(r => workerIds.Contains(r.HeldByUserId!));
        var held = await requests.GroupBy(r => r.HeldByUserId).Select(g => new { WorkerId = g.Key, Count = g.Count() }).ToListAsync(ct);
        foreach (var row in held) Add(row.WorkerId!, CaseloadMeasures.RequestsToDecide, row.Count);
        return counts;
    }

    /// <summary>The cases the guides are worked out from, and the staff in post, for the capacity view.</summary>
    public async Task<CaseloadCapacity> CapacityAsync(CancellationToken ct = default)
    {
        var byTier = await OpenChildren.GroupBy(c => c.Tier).Select(g => new { Tier = g.Key, Count = g.Count() }).ToListAsync(ct);
        int Children(Tier tier) => byTier.Where(t => t.Tier == tier).Sum(t => t.Count);
        var workers = (await WorkersAsync(ct)).Where(w => !w.Disabled).ToList();
        // A person with both roles is counted once, as a personalisation officer (see CaseloadGuides.For).
        var officers = workers.Count(w => w.Roles.Contains(Roles.PersonalisationOfficer));
        var reviewers = workers.Count(w => w.Roles.Contains(Roles.ReviewingOfficer) && !w.Roles.Contains(Roles.PersonalisationOfficer));
        return CaseloadGuides.Capacity(
            new CaseloadDemand(Children(Tier.FlexibleShortBreaks), Children(Tier.TargetedShortBreaks), Children(Tier.SocialCare)),
            new CaseloadStaff(officers, reviewers, SocialWorkers: null),
            Guides);
    }

    /// <summary>Children on a short breaks offer with no key worker, that the viewer sees, a page at a time.</summary>
    public Task<CaseloadChildPage> UnallocatedAsync(StaffViewer viewer, CaseloadFilter filter, int page, CancellationToken ct = default) =>
        PageAsync(OpenChildren.Where(c => c.KeyWorkerId == null && AllocatedTiers.Contains(c.Tier)), viewer, filter, page, ct);

    /// <summary>How many children on a short breaks offer have no key worker (over the whole county).</summary>
    public Task<int> UnallocatedCountAsync(CancellationToken ct = default) =>
        OpenChildren.CountAsync(c => c.KeyWorkerId == null && AllocatedTiers.Contains(c.Tier), ct);

    /// <summary>A worker's key-worker children that the viewer sees, a page at a time.</summary>
    public Task<CaseloadChildPage> ChildrenOfAsync(string workerId, StaffViewer viewer, CaseloadFilter filter, int page, CancellationToken ct = default) =>
        PageAsync(OpenChildren.Where(c => c.KeyWorkerId == workerId), viewer, filter, page, ct);

    private async Task<CaseloadChildPage> PageAsync(IQueryable<Child> children, StaffViewer viewer, CaseloadFilter filter, int page, CancellationToken ct)
    {
        children = children.VisibleTo(db, viewer);
        if (filter.Tier is { } tier) children = children.Where(c => c.Tier == tier);
        if (!string.IsNullOrWhiteSpace(filter.Name))
        {
            var text = filter.Name.Trim();
            var reference = References.Normalise(text);
            var name = MatchKeys.Name(text, null);
            // A reference can be all letters, and a name can read as a reference: match either.
            children = reference is not null
                ? children.Where(c => c.Reference == reference || c.NameKey.StartsWith(name) || c.LastNameKey.StartsWith(name))
                : children.Where(c => c.NameKey.StartsWith(name) || c.LastNameKey.StartsWith(name));
        }

        var total = await children.CountAsync(ct);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pages);
        // The page's children are found by key first, in order, from the index of open children by key worker and tier
        // (which holds their names), and only then are those 50 read: sorting thousands of whole rows for each page was
        // most of the list's cost.
        var ids = await children.OrderBy(c => c.LastNameKey).ThenBy(c => c.NameKey).ThenBy(c => c.Id)
            .Skip((page - 1) * PageSize).Take(PageSize).Select(c => c.Id).ToListAsync(ct);
        var found = await db.Children.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new CaseloadChild(c.Id, c.Reference, c.FirstName + " " + c.LastName, c.DateOfBirth, c.Tier, c.KeyWorkerId, c.Version))
            .ToDictionaryAsync(c => c.Id, ct);
        var rows = ids.Where(found.ContainsKey).Select(id => found[id]).ToList();
        return new CaseloadChildPage(rows, total, page, pages);
    }

    /// <summary>
    /// Allocates or reassigns these children to <paramref name="newWorkerId"/>, all or none: refused when the new worker
    /// cannot hold cases (not a case-holding role, or a disabled account), when there is no reason, when a child is not
    /// one the manager sees or is already theirs, and when anyone changed a child's record since the manager saw it.
    /// </summary>
    public async Task<CommandResult> AllocateAsync(
        IReadOnlyList<AllocationChange> changes, string? newWorkerId, string? reason, StaffViewer viewer, AllocationLinks links, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        if (changes.Count == 0) errors.Add(new("children", "Select at least one child to allocate"));
        else if (changes.Count > MaxChildrenAtOnce) errors.Add(new("children", $"Select no more than {MaxChildrenAtOnce} children at once"));
        errors.AddRange(await CheckWorkerAndReasonAsync(newWorkerId, reason, ct));
        if (errors.Count > 0) return CommandResult.Fail(errors);

        var ids = changes.Select(c => c.ChildId).Distinct().ToList();
        var children = await db.Children.Where(c => ids.Contains(c.Id) && c.MergedIntoChildId == null && c.ClosedAt == null)
            .VisibleTo(db, viewer).ToListAsync(ct);
        if (children.Count != ids.Count)
            return CommandResult.Fail("children", "A child selected is not on a case you can allocate: it may have been closed or merged. Look at the list as it is now and try again");
        if (children.FirstOrDefault(c => c.KeyWorkerId == newWorkerId) is { } already)
            return CommandResult.Fail("children", $"{already.FullName} is already on this worker's caseload: leave them out, or choose another worker");
        foreach (var change in changes.DistinctBy(c => c.ChildId)) db.ExpectVersion(children.First(c => c.Id == change.ChildId), change.Version);
        return await MoveAsync(children, newWorkerId!, reason!.Trim(), links, ct);
    }

    /// <summary>
    /// Moves every open child on <paramref name="fromWorkerId"/>'s caseload (that the manager sees) to another worker, as
    /// they are now: a child someone else moved meanwhile is no longer on the caseload and is left where it is.
    /// </summary>
    public async Task<CommandResult> MoveAllAsync(
        string fromWorkerId, string? newWorkerId, string? reason, StaffViewer viewer, AllocationLinks links, CancellationToken ct = default)
    {
        var errors = (await CheckWorkerAndReasonAsync(newWorkerId, reason, ct)).ToList();
        if (errors.Count == 0 && newWorkerId == fromWorkerId) errors.Add(new("newWorker", "Choose a worker other than the one whose children are moving"));
        if (errors.Count > 0) return CommandResult.Fail(errors);
        var children = await db.Children.Where(c => c.KeyWorkerId == fromWorkerId && c.MergedIntoChildId == null && c.ClosedAt == null)
            .VisibleTo(db, viewer).ToListAsync(ct);
        if (children.Count == 0) return CommandResult.Fail("children", "There are no children on this caseload to move");
        return await MoveAsync(children, newWorkerId!, reason!.Trim(), links, ct);
    }

    private async Task<List<FieldError>> CheckWorkerAndReasonAsync(string? newWorkerId, string? reason, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(newWorkerId))
        {
            errors.Add(new("newWorker", "Select the worker to allocate the children to"));
        }
        else
        {
            var worker = await WorkerAsync(newWorkerId, ct);
            if (worker is null) errors.Add(new("newWorker", "The worker chosen cannot hold cases: choose a personalisation officer, a reviewing officer or a team manager"));
            else if (worker.Value.Disabled) errors.Add(new("newWorker", $"{worker.Value.Name}'s account is disabled: choose another worker"));
        }

        if (string.IsNullOrWhiteSpace(reason)) errors.Add(new("reason", "Enter why the children are being allocated"));
        else if (reason.Trim().Length > ReasonMaxLength) errors.Add(new("reason", $"The reason must be {ReasonMaxLength} characters or fewer"));
        return errors;
    }

    private async Task<CommandResult> MoveAsync(List<Child> children, string newWorkerId, string reason, AllocationLinks links, CancellationToken ct)
    {
        var oldWorkers = children.Where(c => c.KeyWorkerId is not null && c.KeyWorkerId != newWorkerId).GroupBy(c => c.KeyWorkerId!).ToList();
        var names = await db.Users.AsNoTracking()
            .Where(u => u.Id == newWorkerId || children.Select(c => c.KeyWorkerId).Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var newName = names[newWorkerId];
        foreach (var child in children)
        {
            var oldName = child.KeyWorkerId is { } old ? names.GetValueOrDefault(old, "a former worker") : null;
            var summary = oldName is null ? $"Allocated to {newName}" : $"Reassigned from {oldName} to {newName}";
            db.AddTimeline(child.Id, TimelineKinds.Allocation, summary, $"Reason: {reason}");
            child.KeyWorkerId = newWorkerId;
        }

        // Each worker is told once per allocation, however many children moved; the title names no child.
        messenger.Tell(newWorkerId, children.Count == 1
            ? new Notice("A child has been allocated to you", links.Child(children[0].Id), children[0].Id, $"{Listed(children)} by {db.Actor.Name}. Reason: {reason}")
            : new Notice($"{children.Count} children have been allocated to you", links.Home, Detail: $"{Listed(children)} by {db.Actor.Name}. Reason: {reason}"));
        foreach (var old in oldWorkers)
        {
            var moved = old.ToList();
            messenger.Tell(old.Key, new Notice(
                moved.Count == 1 ? "A child has moved from your caseload" : $"{moved.Count} children have moved from your caseload",
                links.Home, Detail: $"{Listed(moved)}, to {newName}, by {db.Actor.Name}. Reason: {reason}"));
        }

        return await db.SaveOrConflictAsync(CommandResult.Conflicted(
            "Someone else changed one of these children's records (perhaps allocating them) while you were choosing. Nothing has been moved: look at the list as it is now and try again."), ct);
    }

    // The children moved, for the detail shown only in the service: the first few by name and reference.
    private static string Listed(IReadOnlyList<Child> children)
    {
        const int Named = 10;
        var named = string.Join(", ", children.Take(Named).Select(c => $"{c.FullName} ({c.Reference})"));
        return children.Count > Named ? $"{named} and {children.Count - Named} more" : named;
    }
}
