using System.Security.Claims;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Requests;

namespace ShortBreaks.Web.Infrastructure;

/// <summary>
/// Who may see and change a request. Pages and the API both ask here. Anyone refused is told the
/// request does not exist, so ids cannot be probed.
/// </summary>
public static class RequestAccess
{
    public static string? UserId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    public static bool IsCaseStaff(this ClaimsPrincipal user) => Roles.CaseStaff.Any(user.IsInRole);

    public static bool IsDecider(this ClaimsPrincipal user) => Roles.Deciders.Any(user.IsInRole);

    public static bool CanView(ClaimsPrincipal user, ShortBreakRequest request) =>
        user.IsCaseStaff() || (user.IsInRole(Roles.Family) && request.FamilyUserId is not null && request.FamilyUserId == user.UserId());

    /// <summary>Answers can be changed by the family who owns the draft, or by duty officers on a phone request.</summary>
    public static bool CanEditAnswers(ClaimsPrincipal user, ShortBreakRequest request) =>
        request.Status == RequestStatus.Draft &&
        ((user.IsInRole(Roles.Family) && request.FamilyUserId is not null && request.FamilyUserId == user.UserId()) ||
         (request.Channel == RequestChannel.DutyPoint && user.IsDecider()));
}
