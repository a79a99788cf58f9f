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

    /// <summary>A family account that sent the request (see <see cref="FamilyView.OwnsRequest"/>).</summary>
    public static bool IsFamilyOwner(this ClaimsPrincipal user, ShortBreakRequest request) =>
        user.IsInRole(Roles.Family) && FamilyView.OwnsRequest(user.UserId(), request);

    public static bool CanView(ClaimsPrincipal user, ShortBreakRequest request) =>
        user.IsCaseStaff() || user.IsFamilyOwner(request);

    /// <summary>Answers can be changed by the family who owns the draft, or by duty officers on a phone request.</summary>
    public static bool CanEditAnswers(ClaimsPrincipal user, ShortBreakRequest request) =>
        request.Status == RequestStatus.Draft &&
        (user.IsFamilyOwner(request) ||
         (request.Channel == RequestChannel.DutyPoint && user.IsDecider()));
}
