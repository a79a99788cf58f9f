using Microsoft.AspNetCore.Mvc.Filters;
using ShortBreaks.Core.Providers;

namespace ShortBreaks.Web.Pages.Provider;

/// <summary>
/// A page of the organisation's own file on the framework: its application, services and prices. Every user of the
/// organisation may look; only its administrators change anything (<see cref="AdministratorsOnly"/> pages refuse the
/// rest outright, and every post is refused to them).
/// </summary>
public abstract class FrameworkPageModel(FrameworkService framework) : ProviderPageModel
{
    protected FrameworkService Framework => framework;

    /// <summary>The organisation's file as it is now.</summary>
    public OrganisationFile Record { get; private set; } = null!;

    public ProviderSettings Settings => framework.Settings;

    public DateOnly Today => framework.Today;

    /// <summary>Pages that only change things: closed to the organisation's other users.</summary>
    protected virtual bool AdministratorsOnly => true;

    /// <summary>Whether the user may change the application now (an administrator, and not while it waits for a decision).</summary>
    public bool CanChange => Member.IsAdministrator && Record.Organisation.Status is not (FrameworkStatus.Applied or FrameworkStatus.Removed);

    public override Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next) =>
        base.OnPageHandlerExecutionAsync(context, async () =>
        {
            if (!Member.IsAdministrator && (AdministratorsOnly || HttpMethods.IsPost(context.HttpContext.Request.Method)))
            {
                context.Result = Forbid();
                return null!;
            }

            Record = (await framework.FileAsync(Member.OrganisationId, context.HttpContext.RequestAborted))!;
            return await next();
        });

    /// <summary>Reads the file again after a change, for the page shown with errors.</summary>
    protected async Task ReloadAsync()
    {
        HttpContext.RequestServices.GetRequiredService<ShortBreaksDbContext>().ChangeTracker.Clear();
        Record = (await framework.FileAsync(Member.OrganisationId, HttpContext.RequestAborted))!;
    }

    /// <summary>The page again with the command's errors, the file as it is now.</summary>
    protected async Task<IActionResult> ShowAgainAsync(CommandResult result)
    {
        AddErrors(result.Errors);
        await ReloadAsync();
        return Page();
    }

    /// <summary>"1 April 2027": a UK day as people read it.</summary>
    public static string Day(DateOnly day) => ProviderDisplay.Day(day);
}
