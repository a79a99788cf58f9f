using ShortBreaks.Core.Caseloads;

namespace ShortBreaks.Web.Pages.Staff.Caseloads;

/// <summary>
/// Caseloads for team managers: every worker's caseload (children by tier, requests to decide) against the scheme's
/// guide for their role, how many children have no key worker, and the capacity arithmetic both ways. A manager whose
/// role sees only their team's children sees their team's workers. Counts only: no child is named here.
/// </summary>
[Authorize(Policy = Policies.Manager)]
public sealed class IndexModel(CaseloadService caseloads, StaffVisibility visibility) : GovukPageModel
{
    public override string Title => "Caseloads";

    public IReadOnlyList<WorkerCaseload> Workers { get; private set; } = [];
    public CaseloadCapacity Capacity { get; private set; } = null!;
    public int Unallocated { get; private set; }
    public CaseloadSettings Guides => caseloads.Guides;

    /// <summary>Whether the manager sees every child (and so every worker, and the children with no key worker).</summary>
    public bool SeesEveryChild { get; private set; }

    /// <summary>The team shown, when the manager sees only their team's children.</summary>
    public string? Team { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        var viewer = await visibility.ForAsync(User, ct);
        if (viewer is null) return NotFound();
        SeesEveryChild = viewer.SeesEveryChild;
        Team = viewer.Scope == ChildVisibilityScope.Team ? viewer.Team : null;
        var workers = await caseloads.CaseloadsAsync(ct: ct);
        Workers = viewer.SeesEveryChild ? workers
            : Team is { } team ? workers.Where(w => w.Team == team || w.UserId == viewer.UserId).ToList()
            : workers.Where(w => w.UserId == viewer.UserId).ToList();
        Capacity = await caseloads.CapacityAsync(ct);
        Unallocated = await caseloads.UnallocatedCountAsync(ct);
        return Page();
    }

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
