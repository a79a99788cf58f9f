using Microsoft.AspNetCore.Authorization.Infrastructure;
using ShortBreaks.Core.Caseloads;
using ShortBreaks.Core.Providers;

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

/// <summary>A child's package, as the resource an access decision is about: whose it is, and where it stands.</summary>
public sealed record PackageResource(Guid PackageId, Guid ChildId, Guid? OrganisationId, PackageState State, DateOnly EndsOn);

/// <summary>Which part of a direct payment a page works on: who may change it differs, who may see it does not.</summary>
public enum DirectPaymentPart
{
    /// <summary>The agreement, the account and the schedule: drafted and changed with the family by case staff or finance.</summary>
    Agreement,

    /// <summary>The money: statements, balance, returns, audits and recoupment, changed by finance (and the family's own returns).</summary>
    Money,
}

/// <summary>A child's direct payment, as the resource an access decision is about.</summary>
public sealed record DirectPaymentResource(Guid DirectPaymentId, Guid ChildId, DirectPaymentPart Part);

/// <summary>A child's review, as the resource an access decision is about.</summary>
public sealed record ReviewResource(Guid ReviewId, Guid ChildId);

/// <summary>
/// The one place that decides who may see and change a child. A child: case staff see the children the scheme lets
/// their role see (<see cref="ChildVisibility"/>: every child by default, or their team's, or their own caseload and
/// those they are working on); a family sees
/// a child linked to their account. Staff who assess (personalisation officers, team managers, administrators) and
/// the linked family may change. A request: case staff and the family account that sent it see it; its answers
/// change only while it is a draft, by that family or a decider taking it at the duty point
/// (<see cref="RequestAccess"/>); once a request is no longer waiting at the duty point, staff see it only while they see
/// its child (a request waiting for a decision is open to every decider, or nobody could take it). A provider user sees a child, and changes (returns delivery on) a package, only as
/// <see cref="ProviderChildAccess"/> allows, through a package of the organisation they act for. Everyone else is
/// answered as if the record did not exist.
/// </summary>
public sealed class ChildAccessHandler(
    ChildService children, OrganisationMembers members, ProviderChildren providerChildren, StaffVisibility visibility) : IAuthorizationHandler
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
                PackageResource package => await MayAsync(context, requirement, package),
                DirectPaymentResource payment => await MayAsync(context, requirement, payment),
                ReviewResource review => await MayAsync(context, requirement, review),
                ShortBreakRequest request => await MayAsync(context, requirement, request),
                _ => false,
            };
            if (allowed) context.Succeed(requirement);
        }
    }

    private async Task<bool> MayAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, Guid childId)
    {
        var user = context.User;
        if (requirement == ChildOperations.See && user.IsCaseStaff() && await StaffSeesAsync(user, childId)) return true;
        if (requirement == ChildOperations.Change && IsAssessor(user) && await StaffSeesAsync(user, childId)) return true;
        if (requirement != ChildOperations.See && requirement != ChildOperations.Change) return false;
        if (requirement == ChildOperations.See && user.IsInRole(Roles.Provider) && await OrganisationAsync(user) is { } organisationId &&
            await providerChildren.SeesAsync(organisationId, childId))
        {
            return true;
        }

        return user.IsInRole(Roles.Family) && await IsLinkedAsync(user.UserId(), childId);
    }

    /// <summary>
    /// A package: case staff see it and the child's family see it, as they see the child; a provider user sees only their
    /// organisation's, while <see cref="ProviderChildAccess"/> shows it, and changes it only while it takes returns.
    /// </summary>
    private async Task<bool> MayAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, PackageResource package)
    {
        var user = context.User;
        if (user.IsInRole(Roles.Provider) && await OrganisationAsync(user) is { } organisationId && package.OrganisationId == organisationId)
        {
            var today = providerChildren.Today;
            var settings = providerChildren.Settings;
            if (requirement == ChildOperations.See) return ProviderChildAccess.Sees(package.State, package.EndsOn, today, settings);
            if (requirement == ChildOperations.Change) return ProviderChildAccess.TakesReturns(package.State, package.EndsOn, today, settings);
        }

        if (requirement != ChildOperations.See) return false;
        if (user.IsCaseStaff() && await StaffSeesAsync(user, package.ChildId)) return true;
        return user.IsInRole(Roles.Family) && await IsLinkedAsync(user.UserId(), package.ChildId);
    }

    /// <summary>
    /// A direct payment. Seen by case staff, finance officers (who see its money and no other part of the child's record)
    /// and the linked family; never by a provider, whatever it delivers to the child. Its agreement, account and schedule
    /// are changed by finance officers, the staff who assess and the linked family (agreeing); its money (statements,
    /// audits, recoupment) by <see cref="IsFinance"/> staff, and by the linked family only through their own returns,
    /// which their pages check.
    /// </summary>
    private async Task<bool> MayAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, DirectPaymentResource payment)
    {
        var user = context.User;
        if (requirement == ChildOperations.See)
        {
            if (user.IsInRole(Roles.FinanceOfficer)) return true;
            if (user.IsCaseStaff() && await StaffSeesAsync(user, payment.ChildId)) return true;
        }
        else if (requirement == ChildOperations.Change)
        {
            if (user.IsInRole(Roles.FinanceOfficer)) return true;
            if (IsFinance(user) && await StaffSeesAsync(user, payment.ChildId)) return true;
            if (payment.Part == DirectPaymentPart.Agreement && IsAssessor(user) && await StaffSeesAsync(user, payment.ChildId)) return true;
        }
        else
        {
            return false;
        }

        return user.IsInRole(Roles.Family) && await IsLinkedAsync(user.UserId(), payment.ChildId);
    }

    /// <summary>
    /// A review: seen by case staff and the linked family, never by a provider; held and decided by reviewing officers and
    /// the staff who assess; the linked family changes only their own views, which their page checks.
    /// </summary>
    private async Task<bool> MayAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, ReviewResource review)
    {
        var user = context.User;
        if (requirement == ChildOperations.See && user.IsCaseStaff() && await StaffSeesAsync(user, review.ChildId)) return true;
        if (requirement == ChildOperations.Change && (IsAssessor(user) || user.IsInRole(Roles.ReviewingOfficer)) && await StaffSeesAsync(user, review.ChildId)) return true;
        if (requirement != ChildOperations.See && requirement != ChildOperations.Change) return false;
        return user.IsInRole(Roles.Family) && await IsLinkedAsync(user.UserId(), review.ChildId);
    }

    /// <summary>Who looks after direct payment money: finance officers, team managers and administrators.</summary>
    public static bool IsFinance(System.Security.Claims.ClaimsPrincipal user) =>
        user.IsInRole(Roles.FinanceOfficer) || user.IsInRole(Roles.TeamManager) || user.IsInRole(Roles.Admin);

    private bool _memberLooked;
    private Guid? _organisationId;

    private async Task<Guid?> OrganisationAsync(System.Security.Claims.ClaimsPrincipal user)
    {
        if (_memberLooked) return _organisationId;
        _organisationId = user.UserId() is { } userId ? (await members.ForUserAsync(userId))?.OrganisationId : null;
        _memberLooked = true;
        return _organisationId;
    }

    private async Task<bool> MayAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, ShortBreakRequest request)
    {
        var user = context.User;
        var allowed = requirement == ChildOperations.See ? RequestAccess.CanView(user, request)
            : requirement == ChildOperations.Change && RequestAccess.CanEditAnswers(user, request);
        if (!allowed || user.IsFamilyOwner(request)) return allowed;
        var waitingAtDutyPoint = request.Status is RequestStatus.Draft or RequestStatus.Submitted;
        return waitingAtDutyPoint || request.ChildId is not { } childId || await StaffSeesAsync(user, childId);
    }

    /// <summary>Whether a member of case staff sees the child under the visibility their roles have (<see cref="ChildVisibility"/>).</summary>
    private async Task<bool> StaffSeesAsync(System.Security.Claims.ClaimsPrincipal user, Guid childId) =>
        await visibility.ForAsync(user) is { } viewer && await visibility.SeesAsync(viewer, childId);

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
