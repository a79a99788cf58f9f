using ShortBreaks.Core.Caseloads;

namespace ShortBreaks.Web.Pages.Staff.Caseloads;

/// <summary>
/// The capacity view for team managers: the scheme's caseload guides worked both ways over every open case in the county
/// (how many officers, reviewing officers and social workers the cases call for, and how many cases the staff in post can
/// hold). Counts only: no child is named here.
/// </summary>
[Authorize(Policy = Policies.Manager)]
public sealed class CapacityModel(CaseloadService caseloads) : GovukPageModel
{
    public override string Title => "Capacity";

    public CaseloadCapacity Capacity { get; private set; } = null!;

    public async Task OnGetAsync() => Capacity = await caseloads.CapacityAsync(HttpContext.RequestAborted);
}
