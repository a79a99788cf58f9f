using ShortBreaks.Core.Providers;

namespace ShortBreaks.Web.Pages.Provider.Users;

/// <summary>
/// The organisation's users, for its administrators: who they are, and removing one. A removed person loses the
/// provider area at once; the last administrator cannot be removed.
/// </summary>
public sealed class IndexModel(OrganisationTeam team) : ProviderPageModel
{
    public override string Title => "Your organisation's users";

    [BindProperty(SupportsGet = true)] public string? Saved { get; set; }
    [BindProperty] public string? UserId { get; set; }

    public IReadOnlyList<TeamMember> Members { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!Member.IsAdministrator) return Forbid();
        Members = await team.MembersAsync(Member.OrganisationId, HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync()
    {
        ClearBindingErrors();
        if (!Member.IsAdministrator) return Forbid();
        var result = string.IsNullOrEmpty(UserId)
            ? CommandResult.Fail("", "Select the person to remove.")
            : await team.RemoveAsync(Member.OrganisationId, UserId, HttpContext.RequestAborted);
        if (result.Succeeded)
        {
            // Removing oneself leaves the area at once.
            return UserId == User.UserId() ? Redirect(Links.AccessDenied()) : Redirect(Links.ProviderUsers(saved: "removed"));
        }

        AddErrors(result.Errors);
        HttpContext.RequestServices.GetRequiredService<ShortBreaksDbContext>().ChangeTracker.Clear();
        Members = await team.MembersAsync(Member.OrganisationId, HttpContext.RequestAborted);
        return Page();
    }
}
