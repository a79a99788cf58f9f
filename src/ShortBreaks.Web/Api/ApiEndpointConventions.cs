namespace ShortBreaks.Web.Api;

/// <summary>The metadata every API endpoint writes the same way, so that an endpoint's declaration says only what is its own.</summary>
public static class ApiEndpointConventions
{
    /// <summary>A part of the API under <paramref name="prefix"/>: signed in, under its tag, answering 401 and 403 as problem details.</summary>
    public static RouteGroupBuilder MapApiGroup(this IEndpointRouteBuilder app, string prefix, string tag) =>
        app.MapGroup(prefix)
            .WithTags(tag)
            .RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>The endpoint's name (which links use), and its summary and description in the OpenAPI document.</summary>
    public static RouteHandlerBuilder Describe(this RouteHandlerBuilder endpoint, string name, string summary, string description) =>
        endpoint.WithName(name).WithSummary(summary).WithDescription(description);

    /// <summary>An endpoint about one record: it asks whether the caller may see the record's child, and answers 404 when not.</summary>
    public static RouteHandlerBuilder ForRecord(this RouteHandlerBuilder endpoint, ChildRecordKind kind, string routeValue = "id") =>
        endpoint.ProducesProblem(StatusCodes.Status404NotFound).RequireChildAccess(kind, routeValue);

    /// <summary>A JSON body of <typeparamref name="T"/>: 413 for one too large, 415 for one that is not JSON.</summary>
    public static RouteHandlerBuilder AcceptsJson<T>(this RouteHandlerBuilder endpoint) where T : notnull =>
        endpoint.Accepts<T>("application/json")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
}
