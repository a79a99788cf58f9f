using ShortBreaks.Core.Complaints;

namespace ShortBreaks.Web.Infrastructure;

/// <summary>The signed-in member of staff as the complaints' need-to-know rule sees them.</summary>
public static class ComplaintViewers
{
    /// <summary>Team managers and administrators see every case that does not name them; others only the stages they handle.</summary>
    public static ComplaintViewer Of(ClaimsPrincipal user) =>
        new(user.UserId() ?? "", user.IsInRole(Roles.TeamManager) || user.IsInRole(Roles.Admin));
}
