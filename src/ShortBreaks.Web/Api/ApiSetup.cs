using System.Text.Json.Serialization;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace ShortBreaks.Web.Api;

/// <summary>What the JSON API needs from the host, kept beside the endpoints.</summary>
public static class ApiSetup
{
    public static IServiceCollection AddShortBreaksApi(this IServiceCollection services)
    {
        // Minimal APIs and the OpenAPI document both read these options, so the document shows each type as
        // the API sends and accepts it: enums as their names (a number for an enum is a mistake), and
        // numbers as JSON numbers only, not also as strings as the web defaults allow.
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        return services;
    }

    /// <summary>
    /// Errors the framework answers with an empty body under /api (no such route, the wrong method, a query
    /// value that cannot be read) get problem details saying what went wrong, not the web pages' wording.
    /// Place it inside the status code pages middleware so it answers first.
    /// </summary>
    public static IApplicationBuilder UseApiProblems(this IApplicationBuilder app) => app.UseMiddleware<ApiProblems>();
}

public sealed class ApiProblems(RequestDelegate next, ILogger<ApiProblems> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/api") && !context.Request.Path.StartsWithSegments(OpenReferralEndpoints.Stub))
        {
            await next(context);
            return;
        }

        try
        {
            await next(context);
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            // In development the framework throws for input it cannot bind; elsewhere it answers 400 with no body.
            logger.LogInformation("Bad request to {Path}: {Message}", context.Request.Path, ex.Message);
            context.Response.Clear();
            context.Response.StatusCode = ex.StatusCode;
        }

        var response = context.Response;
        if (response.HasStarted || response.StatusCode < 400 || response.ContentLength is not null || !string.IsNullOrEmpty(response.ContentType))
        {
            return;
        }

        var (title, detail) = Describe(context);
        await TypedResults.Problem(statusCode: response.StatusCode, title: title, detail: detail).ExecuteAsync(context);
    }

    private static (string Title, string? Detail) Describe(HttpContext context) => context.Response.StatusCode switch
    {
        StatusCodes.Status400BadRequest => ("The request could not be read",
            "A value in the address or the query string is not in the right format. The OpenAPI document at /openapi/v1.json describes each parameter."),
        StatusCodes.Status404NotFound => ("Not found", "There is nothing at this address, or you do not have access to it."),
        StatusCodes.Status405MethodNotAllowed => ("Method not allowed",
            $"{context.Request.Method} cannot be used at this address." + (context.Response.Headers.Allow is { Count: > 0 } allow ? $" Use {allow}." : "")),
        StatusCodes.Status413PayloadTooLarge => ("The request is too large", null),
        StatusCodes.Status415UnsupportedMediaType => ("Unsupported content type", "Send the body as JSON, with the header Content-Type: application/json."),
        _ => (ReasonPhrases(context.Response.StatusCode), null),
    };

    private static string ReasonPhrases(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Error";
}
