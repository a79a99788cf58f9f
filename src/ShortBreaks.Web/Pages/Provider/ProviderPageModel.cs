using Microsoft.AspNetCore.Mvc.Filters;
using ShortBreaks.Core.Providers;

namespace ShortBreaks.Web.Pages.Provider;

/// <summary>
/// A page of a provider organisation's own area. Every handler runs for the organisation the signed-in user acts for
/// (<see cref="Member"/>), looked up afresh on each request, so a user removed from their organisation loses it at
/// once. An account that acts for no organisation is refused before any handler runs.
/// </summary>
public abstract class ProviderPageModel : GovukPageModel
{
    /// <summary>The organisation the user acts for, and whether they administer it.</summary>
    public OrganisationMember Member { get; private set; } = null!;

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var members = HttpContext.RequestServices.GetRequiredService<OrganisationMembers>();
        var member = User.UserId() is { } userId ? await members.ForUserAsync(userId, HttpContext.RequestAborted) : null;
        if (member is null)
        {
            context.Result = Forbid();
            return;
        }

        Member = member;
        await next();
    }
}
