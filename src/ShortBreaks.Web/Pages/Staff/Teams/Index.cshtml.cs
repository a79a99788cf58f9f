using ShortBreaks.Core.Caseloads;

namespace ShortBreaks.Web.Pages.Staff.Teams;

/// <summary>Council staff accounts and the team each is in, for administrators to set.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class IndexModel(StaffTeams teams) : GovukPageModel
{
    public override string Title => "Staff teams";

    public IReadOnlyList<StaffMember> Staff { get; private set; } = [];

    public async Task OnGetAsync() => Staff = await teams.ListAsync(HttpContext.RequestAborted);
}
