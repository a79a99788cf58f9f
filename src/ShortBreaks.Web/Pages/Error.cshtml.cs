using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;

namespace ShortBreaks.Web.Pages;

/// <summary>Every error, for pages (GOV.UK error pages) and the API (problem details).</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public class ErrorModel : PageModel
{
    public string Heading { get; private set; } = "";
    public IReadOnlyList<string> Lines { get; private set; } = [];

    // No bound parameters: a re-executed POST keeps its body, and binding would read a form that may be the very
    // reason for the error (too large, or malformed), turning a 400 into a 500.
    public IActionResult OnGet() => Handle();

    public IActionResult OnPost() => Handle();

    public IActionResult OnPut() => Handle();

    public IActionResult OnPatch() => Handle();

    public IActionResult OnDelete() => Handle();

    private IActionResult Handle()
    {
        var status = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalStatusCode
                     ?? (int.TryParse(Request.Query["status"], out var asked) ? asked : null);
        var code = status ?? (HttpContext.Features.Get<IExceptionHandlerFeature>() is not null ? Response.StatusCode : 500);
        if (code < 400) code = 500;
        var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
                       ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? "";

        (Heading, Lines) = code switch
        {
            404 => ("Page not found", (IReadOnlyList<string>)["If you typed the web address, check it is correct.", "If you pasted the web address, check you copied the entire address."]),
            403 => ("You cannot see this page", ["Your account does not give you access to this page."]),
            413 => ("The file is too large", ["Go back and choose a smaller file. Files must be smaller than 10MB."]),
            >= 400 and < 500 => ("There is a problem with what was sent", ["Go back and try again."]),
            _ => ("Sorry, there is a problem with the service", ["Try again later. Nothing you entered before this page has been lost.",
                $"If it keeps happening, call us and quote {Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier}."]),
        };

        // Input refused for hidden characters says so, instead of the general words.
        if (code == 400 && HttpContext.Items[Infrastructure.PlainTextQueryGuard.RefusalItem] is string refused) Lines = [refused];

        if (original.StartsWith("/api", StringComparison.OrdinalIgnoreCase))
        {
            return new ObjectResult(new ProblemDetails { Status = code, Title = Heading, Detail = string.Join(" ", Lines) })
            {
                StatusCode = code,
                ContentTypes = { "application/problem+json" },
            };
        }

        Response.StatusCode = code;
        return Page();
    }
}
