using ShortBreaks.Core.Caseloads;

namespace ShortBreaks.Web.Infrastructure;

/// <summary>The signed-in person as a <see cref="StaffViewer"/>, for the visibility rule.</summary>
public static class StaffViewers
{
    /// <summary>The viewer for this person (their roles from their claims), or null when they are not case staff.</summary>
    public static Task<StaffViewer?> ForAsync(this StaffVisibility visibility, ClaimsPrincipal user, CancellationToken ct = default) =>
        visibility.ViewerAsync(user.UserId(), Roles.All.Where(user.IsInRole), ct);
}
