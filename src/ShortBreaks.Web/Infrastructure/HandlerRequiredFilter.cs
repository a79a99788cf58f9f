namespace ShortBreaks.Web.Infrastructure;

/// <summary>
/// A page with no handler for the request's method (a POST to a page that only has OnGet) would otherwise be
/// rendered without running any handler, with its model empty. Such a request gets 405 instead.
/// </summary>
public sealed class HandlerRequiredFilter : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        var method = context.HttpContext.Request.Method;
        if (context.HandlerMethod is null && !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method))
        {
            context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
        }
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }
}
