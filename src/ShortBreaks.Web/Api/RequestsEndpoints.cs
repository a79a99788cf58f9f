namespace ShortBreaks.Web.Api;

public static class RequestsEndpoints
{
    public static void MapRequestsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api").RequireAuthorization();
    }
}
