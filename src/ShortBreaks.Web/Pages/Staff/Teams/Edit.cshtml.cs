using ShortBreaks.Core.Caseloads;

namespace ShortBreaks.Web.Pages.Staff.Teams;

/// <summary>Setting the team a member of staff is in.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class EditModel(StaffTeams teams) : GovukPageModel
{
    [BindProperty(SupportsGet = true)] public string UserId { get; set; } = "";
    [BindProperty(Name = "team")] public string? Team { get; set; }
    [BindProperty(Name = "stamp")] public string? Stamp { get; set; }

    public override string Title => $"{Member.Name}'s team";

    public StaffMember Member { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await teams.FindAsync(UserId, HttpContext.RequestAborted) is not { } member) return NotFound();
        Member = member;
        Team = member.Team;
        Stamp = member.ConcurrencyStamp;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ClearBindingErrors();
        if (await teams.FindAsync(UserId, HttpContext.RequestAborted) is not { } member) return NotFound();
        Member = member;
        var result = await teams.SetTeamAsync(UserId, Team, Stamp, HttpContext.RequestAborted);
        if (result.Succeeded) return Redirect(Links.StaffTeams());
        return await RefusedAsync(result.Errors, async () =>
        {
            Member = (await teams.FindAsync(UserId, HttpContext.RequestAborted))!;
            if (result.Conflict) Stamp = Member.ConcurrencyStamp;
        });
    }
}
