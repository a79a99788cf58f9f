using Microsoft.Net.Http.Headers;

namespace ShortBreaks.Web.Infrastructure;

/// <summary>
/// What is about a child is never kept in a browser's or a proxy's cache: every API answer, every PDF and every
/// download (anything sent as an attachment) is sent with <c>Cache-Control: no-store</c>. Letters shown as pages
/// are marked with <see cref="NoStoreAttribute"/>.
/// </summary>
public sealed class NoStoreForPersonalData(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var api = context.Request.Path.StartsWithSegments("/api");
        context.Response.OnStarting(() =>
        {
            var response = context.Response;
            var download = response.Headers.ContentDisposition.Count > 0 ||
                           response.ContentType?.StartsWith("application/pdf", StringComparison.OrdinalIgnoreCase) == true;
            if (api || download) response.Headers.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        return next(context);
    }
}

/// <summary>A page never kept in a cache: a letter, which is about a child.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class NoStoreAttribute : ResultFilterAttribute
{
    public override void OnResultExecuting(ResultExecutingContext context)
    {
        context.HttpContext.Response.Headers[HeaderNames.CacheControl] = "no-store";
        base.OnResultExecuting(context);
    }
}
