using ShortBreaks.Core.Caseloads;

namespace ShortBreaks.Web.Pages.Staff.Caseloads;

/// <summary>
/// A worker's key-worker children, or the children with no key worker, filtered by tier and name and a page at a time, for
/// a team manager to allocate or reassign: the children selected, or every child on the worker's caseload, to another
/// worker who can hold cases, with a reason. Only children the manager sees are listed or moved; each child listed is
/// a view of their record, audited. Each selected child carries the version of their record the manager saw, so a child
/// someone else moved meanwhile stops the whole allocation with a message.
/// </summary>
[Authorize(Policy = Policies.Manager)]
public sealed class ChildrenModel(ShortBreaksDbContext db, CaseloadService caseloads, StaffVisibility visibility) : GovukPageModel
{
    [BindProperty(SupportsGet = true, Name = "worker")] public string? Worker { get; set; }
    [BindProperty(SupportsGet = true, Name = "tier")] public string? TierText { get; set; }
    [BindProperty(SupportsGet = true, Name = "name")] public string? Name { get; set; }

    /// <summary>The children selected, each as "id:version" (the version of the record the manager saw).</summary>
    [BindProperty(Name = "children")] public List<string?> Selected { get; set; } = [];

    /// <summary>
    /// The team whose workers the lists of whom to allocate to offer: absent for the team of the worker whose caseload is
    /// shown (else the manager's own), empty for every team.
    /// </summary>
    [BindProperty(SupportsGet = true, Name = "workersFrom")] public string? WorkersFrom { get; set; }

    [BindProperty(Name = "newWorker")] public string? NewWorker { get; set; }
    [BindProperty(Name = "reason")] public string? Reason { get; set; }
    [BindProperty(Name = "moveAllTo")] public string? MoveAllTo { get; set; }
    [BindProperty(Name = "moveAllReason")] public string? MoveAllReason { get; set; }

    public override string Title => WorkerName is { } name ? $"{name}'s caseload" : "Children with no key worker";

    /// <summary>The worker whose caseload is shown; null for the children with no key worker.</summary>
    public string? WorkerName { get; private set; }

    public CaseloadChildPage? Children { get; private set; }
    public CaseloadFilter Filter { get; private set; } = new();

    /// <summary>The staff teams, by name, to choose whose workers to allocate to.</summary>
    public IReadOnlyList<string> Teams { get; private set; } = [];

    /// <summary>The team whose workers are offered to allocate to; null for every team.</summary>
    public string? WorkersTeam { get; private set; }

    /// <summary>The workers children may be allocated to (of <see cref="WorkersTeam"/>): case-holding roles, accounts not disabled.</summary>
    public IReadOnlyList<(string UserId, string Label)> Workers { get; private set; } = [];

    /// <summary>How many children the last allocation moved, to say so.</summary>
    public int? Moved { get; private set; }

    public static readonly IReadOnlyList<Tier> FilterTiers = [Tier.FlexibleShortBreaks, Tier.TargetedShortBreaks, Tier.SocialCare, Tier.Universal, Tier.None];

    /// <summary>Whether a child on the list was selected in the form posted (whatever version it carried).</summary>
    public bool IsSelected(Guid childId) => Selected.Any(s => s?.StartsWith(childId.ToString(), StringComparison.OrdinalIgnoreCase) == true);

    public async Task<IActionResult> OnGetAsync()
    {
        if (int.TryParse(Request.Query["moved"], NumberStyles.None, CultureInfo.InvariantCulture, out var moved) && moved > 0) Moved = moved;
        return await LoadAsync() ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAllocateAsync()
    {
        ClearBindingErrors();
        if (!await LoadAsync(showList: false)) return NotFound();
        var viewer = (await visibility.ForAsync(User, HttpContext.RequestAborted))!;
        var changes = new List<AllocationChange>();
        foreach (var value in Selected)
        {
            // An empty box posted by hand binds as null: it is no child from the list either.
            var parts = (value ?? "").Split(':');
            if (parts.Length != 2 || !Guid.TryParse(parts[0], out var childId) ||
                !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                return await RefusedAsync([new FieldError("children", "Select the children from the list")], () => LoadListAsync());
            }

            changes.Add(new AllocationChange(childId, version));
        }

        var result = await caseloads.AllocateAsync(changes, NewWorker, Reason, viewer, AllocationLinks(), HttpContext.RequestAborted);
        if (result.Succeeded) return Redirect(Links.StaffCaseloadChildren(Worker, TierText, Name, moved: changes.DistinctBy(c => c.ChildId).Count()));
        return await RefusedAsync(result.Errors, () => LoadListAsync());
    }

    public async Task<IActionResult> OnPostMoveAllAsync()
    {
        ClearBindingErrors();
        if (!await LoadAsync(showList: false) || Worker is null) return NotFound();
        var viewer = (await visibility.ForAsync(User, HttpContext.RequestAborted))!;
        var before = (await caseloads.ChildrenOfAsync(Worker, viewer, new CaseloadFilter(), 1, HttpContext.RequestAborted)).Total;
        var result = await caseloads.MoveAllAsync(Worker, MoveAllTo, MoveAllReason, viewer, AllocationLinks(), HttpContext.RequestAborted);
        if (result.Succeeded) return Redirect(Links.StaffCaseloadChildren(Worker, moved: before));
        // The move-all form's own fields: the same rules as the allocation form's.
        var errors = result.Errors.Select(e => e.Field switch
        {
            "newWorker" => e with { Field = "moveAllTo" },
            "reason" => e with { Field = "moveAllReason" },
            "children" => e with { Field = "" },
            _ => e,
        });
        return await RefusedAsync(errors, () => LoadListAsync());
    }

    private AllocationLinks AllocationLinks() => new(id => Links.StaffChild(id), Links.StaffHome());

    /// <summary>Reads the worker and the filters; false when the worker is not one who holds cases.</summary>
    private async Task<bool> LoadAsync(bool showList = true)
    {
        var ct = HttpContext.RequestAborted;
        string? workerTeam = null;
        if (Worker is not null)
        {
            if (await caseloads.WorkerAsync(Worker, ct) is not { } shown) return false;
            WorkerName = shown.Name;
            workerTeam = shown.Team;
        }

        // Whom to allocate to: the workers of one team (a county's every worker is thousands of names, and reading them all
        // for each list is most of its cost), by default the team of the worker shown, or else the manager's own.
        var errors = new List<FieldError>();
        Teams = await caseloads.TeamsAsync(ct);
        var chosen = Request.HasFormContentType ? Request.Form.ContainsKey("workersFrom") : Request.Query.ContainsKey("workersFrom");
        string? ownTeam = null;
        if (!chosen && workerTeam is null) ownTeam = (await visibility.ForAsync(User, ct))?.Team;
        WorkersTeam = chosen ? WorkersFrom : workerTeam ?? ownTeam;
        if (WorkersTeam is not null && !Teams.Contains(WorkersTeam))
        {
            if (chosen) errors.Add(new("workersFrom", "Choose a team from the list"));
            WorkersTeam = null;
        }

        var workers = WorkersTeam is null ? await caseloads.WorkersAsync(ct) : await caseloads.WorkersInTeamAsync(WorkersTeam, ct);
        Workers = workers.Where(w => !w.Disabled && w.UserId != Worker)
            .Select(w => (w.UserId, $"{w.Name} ({string.Join(", ", w.Roles.Select(Roles.Name))}{(w.Team is { } team ? ", " + team : "")})")).ToList();

        Tier? tier = null;
        if (!string.IsNullOrWhiteSpace(TierText))
        {
            if (Enum.TryParse<Tier>(TierText, out var t) && Enum.IsDefined(t) && FilterTiers.Contains(t) && !TierText.Any(char.IsDigit)) tier = t;
            else errors.Add(new("tier", "Select a tier from the list"));
        }

        if (Name is { Length: > CaseloadFilter.NameMaxLength }) errors.Add(new("name", $"The name or reference must be {CaseloadFilter.NameMaxLength} characters or fewer"));
        Filter = new CaseloadFilter(tier, string.IsNullOrWhiteSpace(Name) ? null : Name.Trim());
        if (errors.Count > 0)
        {
            AddErrors(errors);
            Filter = new CaseloadFilter();
            return true;
        }

        if (showList) await LoadListAsync();
        return true;
    }

    private async Task LoadListAsync()
    {
        var ct = HttpContext.RequestAborted;
        if (ErrorFor("tier") is not null || ErrorFor("name") is not null) return;
        var viewer = await visibility.ForAsync(User, ct);
        if (viewer is null) return;
        var pageText = Request.HasFormContentType ? Request.Form["p"] : Request.Query["p"];
        var page = int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p >= 1 ? p : 1;
        Children = Worker is null
            ? await caseloads.UnallocatedAsync(viewer, Filter, page, ct)
            : await caseloads.ChildrenOfAsync(Worker, viewer, Filter, page, ct);

        // Each child named is a view of their record.
        foreach (var child in Children.Children) db.RecordView(nameof(Child), child.Id.ToString(), child.Id, "listed on a caseload");
        if (Children.Children.Count > 0) await db.SaveChangesAsync(ct);
    }
}
