namespace ShortBreaks.Web.Infrastructure;

/// <summary>
/// Reading a posted form that carries an upload, for pages that read the form themselves (model binding would read a
/// too-large body before the handler could answer it; see CONTRIBUTING, "File uploads").
/// </summary>
public static class UploadForms
{
    /// <summary>
    /// The posted form, or the problem to show when it is too large or cannot be read. A body over the limit is not
    /// parsed: it is read to its end and thrown away, so the browser gets the page with the message. Nothing is saved
    /// from it, and nothing saved before is touched.
    /// </summary>
    public static async Task<(IFormCollection? Form, string? Problem)> ReadAsync(HttpContext context, ILogger logger,
        string tooLarge, string unreadable)
    {
        var request = context.Request;
        var ct = context.RequestAborted;
        if (request.ContentLength is null && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            // A body of unknown length is held to the usual limit, as it cannot be told to be too large until it is read.
            limit.MaxRequestBodySize = ServiceSetup.MaxRequestBytes;
        }

        try
        {
            if (request.ContentLength > ServiceSetup.MaxRequestBytes)
            {
                await request.Body.DrainAsync(ct);
                return (null, tooLarge);
            }

            return (await request.ReadFormAsync(ct), null);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            // The multipart reader refuses a body over its limit or malformed (InvalidDataException); Kestrel refuses one
            // over the request's size limit (BadHttpRequestException, 413, and then closes the connection); a browser
            // that gives up part way is an IOException too.
            logger.LogInformation("An upload form to {Path} could not be read: {Reason}", request.Path, ex.Message);
            var overLimit = ex is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
                            || ex.Message.Contains("limit", StringComparison.OrdinalIgnoreCase);
            return (null, overLimit ? tooLarge : unreadable);
        }
    }

    /// <summary>
    /// Leaves the posted form out of model binding, which then binds the route and query only: call it from the page's
    /// OnPageHandlerSelectionAsync, and read the form in OnPageHandlerExecutionAsync with <see cref="ReadPostedAsync"/>.
    /// </summary>
    public static void BindRouteAndQueryOnly(PageContext page)
    {
        var factories = page.ValueProviderFactories;
        factories.RemoveType<FormValueProviderFactory>();
        factories.RemoveType<FormFileValueProviderFactory>();
        factories.RemoveType<JQueryFormValueProviderFactory>();
    }

    /// <summary>
    /// For the page's OnPageHandlerExecutionAsync: on a POST, the posted form as <see cref="ReadAsync"/> reads it, or
    /// the problem to show. A missing or wrong antiforgery token, checked only once the form could be read, sets the
    /// context's result to 400: the page then returns without running its handler.
    /// </summary>
    public static async Task<(IFormCollection? Form, string? Problem)> ReadPostedAsync(PageHandlerExecutingContext context,
        IAntiforgery antiforgery, ILogger logger, string tooLarge, string unreadable)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method)) return (null, null);
        var (form, problem) = await ReadAsync(http, logger, tooLarge, unreadable);
        if (form is not null && !await antiforgery.IsRequestValidAsync(http)) context.Result = new BadRequestResult();
        return (form, problem);
    }
}
