using ShortBreaks.Core.Caseloads;

namespace ShortBreaks.Web.Infrastructure;

/// <summary>The signed-in person as a <see cref="StaffViewer"/>, for the visibility rule.</summary>
public static class StaffViewers
{
    /// <summary>The viewer for this person (their roles from their claims), or null when they are not case staff.</summary>
    public static Task<StaffViewer?> ForAsync(this StaffVisibility visibility, ClaimsPrincipal user, CancellationToken ct = default) =>
        visibility.ViewerAsync(user.UserId(), Roles.All.Where(user.IsInRole), ct);

    /// <summary>
    /// The viewer of a list of direct payment accounts: finance officers and administrators look after every account;
    /// case staff see the accounts of the children the visibility setting lets them see, as on every list of children;
    /// null for anyone else, who sees none.
    /// </summary>
    public static async Task<StaffViewer?> ForMoneyAsync(this StaffVisibility visibility, ClaimsPrincipal user, CancellationToken ct = default) =>
        user.UserId() is { } userId && (user.IsInRole(Roles.FinanceOfficer) || user.IsInRole(Roles.Admin))
            ? StaffViewer.SeeingEveryChild(userId)
            : await visibility.ForAsync(user, ct);
}
