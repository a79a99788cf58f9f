using ShortBreaks.Core.Caseloads;

namespace ShortBreaks.Web.Pages.Staff.Caseloads;

/// <summary>
/// Caseloads for team managers: workers' caseloads (children by tier, requests to decide) against the scheme's guide for
/// their role, a page of 50 at a time, by team (the manager's own first) and by the start of a name, and how many children
/// have no key worker. A manager whose role sees only their team's children sees their team's workers; one who sees only
/// their own caseload sees only themselves. Counts only: no child is named here. The capacity arithmetic, which counts
/// every open case in the county, is its own page.
/// </summary>
[Authorize(Policy = Policies.Manager)]
public sealed class IndexModel(CaseloadService caseloads, StaffVisibility visibility) : GovukPageModel
{
    public override string Title => "Caseloads";

    /// <summary>The team chosen: absent for the manager's own team, empty for every team.</summary>
    [BindProperty(SupportsGet = true, Name = "team")] public string? TeamChosen { get; set; }

    [BindProperty(SupportsGet = true, Name = "name")] public string? Name { get; set; }

    public WorkerCaseloadPage Workers { get; private set; } = new([], 0, 1, 1);
    public IReadOnlyList<string> Teams { get; private set; } = [];
    public int Unallocated { get; private set; }
    public CaseloadSettings Guides => caseloads.Guides;

    /// <summary>Whether the manager sees every child (and so chooses any team, and sees the children with no key worker).</summary>
    public bool SeesEveryChild { get; private set; }

    /// <summary>The team shown, when the manager sees only their team's children.</summary>
    public string? Team { get; private set; }

    /// <summary>The team whose workers are listed (null for every team).</summary>
    public string? TeamShown { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        ClearBindingErrors();
        var ct = HttpContext.RequestAborted;
        var viewer = await visibility.ForAsync(User, ct);
        if (viewer is null) return NotFound();
        SeesEveryChild = viewer.SeesEveryChild;
        Team = viewer.Scope == ChildVisibilityScope.Team ? viewer.Team : null;
        var errors = new List<FieldError>();
        WorkerFilter filter;
        if (SeesEveryChild)
        {
            Teams = await caseloads.TeamsAsync(ct);
            // "team=" (bound as null) is every team; no team in the address at all is the manager's own.
            TeamChosen = Request.Query.ContainsKey("team") ? TeamChosen ?? ""
                : viewer.Team is { } own && Teams.Contains(own) ? own : "";
            if (TeamChosen.Length > 0 && !Teams.Contains(TeamChosen)) errors.Add(new("team", "Choose a team from the list"));
            TeamShown = TeamChosen.Length > 0 ? TeamChosen : null;
            filter = new WorkerFilter(TeamShown, Name);
        }
        else
        {
            // The workers whose children the manager sees: their team's (and themselves), or only themselves.
            TeamShown = Team;
            filter = Team is { } team ? new WorkerFilter(team, Name, AlsoUserId: viewer.UserId) : new WorkerFilter(Name: Name, OnlyUserId: viewer.UserId);
        }

        if (Name is { Length: > WorkerFilter.NameMaxLength }) errors.Add(new("name", $"The name must be {WorkerFilter.NameMaxLength} characters or fewer"));
        if (SeesEveryChild) Unallocated = await caseloads.UnallocatedCountAsync(ct);
        if (errors.Count > 0)
        {
            AddErrors(errors);
            return Page();
        }

        var page = int.TryParse(Request.Query["p"], NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p >= 1 ? p : 1;
        Workers = await caseloads.CaseloadPageAsync(filter, page, ct);
        return Page();
    }

    /// <summary>This list, with its filters, at another page.</summary>
    public string Link(int page) => Links.StaffCaseloads(SeesEveryChild ? TeamChosen : null, string.IsNullOrWhiteSpace(Name) ? null : Name, page);

    public static string GuideTag(GuideStanding standing) => standing switch
    {
        GuideStanding.Over => "govuk-tag govuk-tag--red",
        GuideStanding.Below => "govuk-tag govuk-tag--blue",
        GuideStanding.Within => "govuk-tag govuk-tag--green",
        _ => "govuk-tag govuk-tag--grey",
    };

    public static string GuideWord(GuideStanding standing) => standing switch
    {
        GuideStanding.Over => "Over the guide",
        GuideStanding.Below => "Below the guide",
        GuideStanding.Within => "Within the guide",
        _ => "No guide",
    };
}
