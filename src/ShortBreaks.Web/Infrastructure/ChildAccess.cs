using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace ShortBreaks.Web.Infrastructure;

/// <summary>What a person asks to do with a child's record (resource-based authorisation).</summary>
public static class ChildOperations
{
    /// <summary>Read the child's record or anything about the child (a request, an assessment, a plan, a letter, a file).</summary>
    public static readonly OperationAuthorizationRequirement See = new() { Name = nameof(See) };

    /// <summary>Change what is held about the child (fill in or complete an assessment, start one).</summary>
    public static readonly OperationAuthorizationRequirement Change = new() { Name = nameof(Change) };
}

/// <summary>A child, as the resource an access decision is about.</summary>
public sealed record ChildResource(Guid ChildId);

/// <summary>
/// The one place that decides who may see and change a child. A child: case staff see every child; a family sees
/// a child linked to their account. Staff who assess (personalisation officers, team managers, administrators) and
/// the linked family may change. A request: case staff and the family account that sent it see it; its answers
/// change only while it is a draft, by that family or a decider taking it at the duty point
/// (<see cref="RequestAccess"/>). Everyone else is answered as if the record did not exist.
/// </summary>
public sealed class ChildAccessHandler(ChildService children) : IAuthorizationHandler
{
    // One lookup per child per request, however many times a page asks.
    private readonly Dictionary<(string, Guid), bool> _links = [];

    public async Task HandleAsync(AuthorizationHandlerContext context)
    {
        foreach (var requirement in context.PendingRequirements.OfType<OperationAuthorizationRequirement>().ToList())
        {
            var allowed = context.Resource switch
            {
                ChildResource child => await MayAsync(context, requirement, child.ChildId),
                ShortBreakRequest request => May(context, requirement, request),
                _ => false,
            };
            if (allowed) context.Succeed(requirement);
        }
    }

    private async Task<bool> MayAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, Guid childId)
    {
        var user = context.User;
        if (requirement == ChildOperations.See && user.IsCaseStaff()) return true;
        if (requirement == ChildOperations.Change && IsAssessor(user)) return true;
        if (requirement != ChildOperations.See && requirement != ChildOperations.Change) return false;
        return user.IsInRole(Roles.Family) && await IsLinkedAsync(user.UserId(), childId);
    }

    private static bool May(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, ShortBreakRequest request) =>
        requirement == ChildOperations.See ? RequestAccess.CanView(context.User, request)
        : requirement == ChildOperations.Change && RequestAccess.CanEditAnswers(context.User, request);

    /// <summary>The staff who may fill in, complete and override an assessment; reviewing officers may look.</summary>
    public static bool IsAssessor(System.Security.Claims.ClaimsPrincipal user) =>
        user.IsInRole(Roles.PersonalisationOfficer) || user.IsInRole(Roles.TeamManager) || user.IsInRole(Roles.Admin);

    private async Task<bool> IsLinkedAsync(string? userId, Guid childId)
    {
        if (userId is null) return false;
        if (_links.TryGetValue((userId, childId), out var linked)) return linked;
        linked = await children.IsFamilyMemberAsync(childId, userId);
        _links[(userId, childId)] = linked;
        return linked;
    }
}
