namespace ShortBreaks.Web.Api;

/// <summary>
/// Scoring RAS answers: the indicative budget with its whole working, for families, case staff and the
/// commissioning and finance officers who calibrate it. Providers have no part in it.
/// </summary>
public static class RasEndpoints
{
    public const string IndicativeNote =
        "This is an indicative budget: a starting point for the support plan, not the final amount. The plan must meet the child's assessed needs.";

    public static IEndpointRouteBuilder MapRasApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/ras/score", ScoreAsync)
            .WithTags("Resource Allocation System")
            .Describe("ScoreRas", "Score RAS answers",
                "Scores answers under a RAS version (the one in force today when none is given) and returns the " +
                "indicative budget with every step of its working. Nothing is stored.")
            .RequireAuthorization(p => p.RequireRole([.. Roles.CaseStaff, Roles.Family, Roles.CommissioningOfficer, Roles.FinanceOfficer]))
            .Accepts<RasScoreRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return app;
    }

    public static async Task<Results<Ok<RasScoreResponse>, ProblemHttpResult>> ScoreAsync(HttpContext context, RasSchemeCatalog catalog, TimeProvider clock)
    {
        var body = await ApiJson.ReadAsync<RasScoreRequest>(context);
        if (body.Problem is not null) return body.Problem;
        var request = body.Value!;

        var scheme = request.Version is null
            ? catalog.InForceOn(UkCalendar.Today(clock))
            : catalog.Find(request.Version);
        if (scheme is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown RAS version",
                detail: $"There is no RAS version '{request.Version}'. Versions: {string.Join(", ", catalog.Versions.Select(v => v.Version))}.");
        }

        RasWorking working;
        try
        {
            var compiled = CompiledRasScheme.For(scheme);
            working = RasEngine.Explain(compiled, compiled.Prepare(new RasAnswers
            {
                AgeYears = request.AgeYears,
                PhaseId = request.PhaseId,
                Levels = request.Levels ?? new Dictionary<string, string>(),
                Support = request.Support ?? new Dictionary<string, string>(),
                FundedSupport = request.FundedSupport ?? new Dictionary<string, decimal>(),
            }));
        }
        catch (RasAnswersException ex)
        {
            // Each problem under its field ("levels.{question id}", "support.{domain id}", ...), as a validation problem.
            return TypedResults.Problem(new HttpValidationProblemDetails(ex.ByField())
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The answers cannot be scored",
                Detail = string.Join(" ", ex.Errors),
            });
        }

        var result = working.Result;
        return TypedResults.Ok(new RasScoreResponse(
            result.Version,
            result.PhaseId,
            result.TotalPoints,
            result.Amount,
            result.Band?.Name,
            result.Routing,
            result.Hours,
            result.FlaggedForAssessment,
            result.FundedSupportDeducted,
            working.Lines.Select(l => new RasScoreLine(l.Kind, l.Text, l.DomainId, l.QuestionId, l.Points, l.Amount)).ToList(),
            IndicativeNote));
    }
}

public sealed record RasScoreRequest(
    [property: Description("RAS version to score under; the one in force today when left out.")] string? Version,
    [property: Description("The child's age in whole years, which chooses the questionnaire's age phase.")] int? AgeYears,
    [property: Description("The age phase, instead of the age.")] string? PhaseId,
    [property: Description("The level chosen for every question, by question id: \"lots\", or a half level \"some/lots\".")] Dictionary<string, string>? Levels,
    [property: Description("The support already present around the child, by domain id.")] Dictionary<string, string>? Support,
    [property: Description("Support already funded, by the phase's funded support id: pounds a year, or hours a year for an item in hours.")] Dictionary<string, decimal>? FundedSupport = null);

public sealed record RasScoreResponse(
    string Version,
    string PhaseId,
    decimal TotalPoints,
    decimal Amount,
    string? Band,
    RasRouting Routing,
    [property: Description("The amount as hours of short breaks a year, where the version converts money to hours at a stated rate; otherwise null.")] decimal? Hours,
    [property: Description("True when the band gives its amount and also asks for a social work assessment: the family keeps the amount meanwhile.")] bool FlaggedForAssessment,
    [property: Description("Pounds taken off the amount for support already funded.")] decimal FundedSupportDeducted,
    IReadOnlyList<RasScoreLine> Working,
    string Note);

public sealed record RasScoreLine(RasWorkingKind Kind, string Text, string? DomainId, string? QuestionId, decimal? Points, decimal? Amount);
