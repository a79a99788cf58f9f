namespace ShortBreaks.Web.Api;

/// <summary>
/// How the reviews, complaints and caseloads endpoints answer a command a service refused, the same way the other
/// parts of the API do: 409 when someone else changed the record first, a validation problem keyed by field where the
/// reasons belong to one, and otherwise 400 saying the move cannot be made to the record as it is now.
/// </summary>
public static class ApiRefusals
{
    /// <param name="record">What the record is called in a title: "review", "case", "allocation".</param>
    public static ProblemHttpResult Refused(CommandResult result, string record, Func<string, string>? field = null)
    {
        var general = result.Errors.Where(e => e.Field.Length == 0).Select(e => e.Message).ToList();
        var detail = general.Count > 0 ? string.Join(" ", general) : null;
        if (result.Conflict)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: $"Someone else changed this {record}",
                detail: string.Join(" ", result.Errors.Select(e => e.Message)));
        }

        var fields = result.Errors.Where(e => e.Field.Length > 0).ToList();
        if (fields.Count == 0)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"This cannot be done to the {record} as it is now", detail: detail);
        }

        return TypedResults.Problem(new HttpValidationProblemDetails(Keyed(fields, field))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "There is a problem with what was sent",
            Detail = detail,
        });
    }

    /// <summary>Problems found before a service was asked, keyed by field as a validation problem.</summary>
    public static ProblemHttpResult Invalid(params FieldError[] errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(Keyed(errors, null))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "There is a problem with what was sent",
        });

    /// <summary>A signed-in person who may see the record but not make this move on it (the page refuses them the same way).</summary>
    public static ProblemHttpResult NotAllowed(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "You cannot do this", detail: detail);

    /// <summary>An optional enum in the query string: null when absent, an error when it is not one of the names.</summary>
    public static (T? Value, FieldError? Error) Choice<T>(string? text, string field) where T : struct, Enum
    {
        if (string.IsNullOrEmpty(text)) return (null, null);
        if (!text.All(char.IsAsciiDigit) && Enum.TryParse<T>(text, ignoreCase: false, out var value) && Enum.IsDefined(value)) return (value, null);
        return (null, new FieldError(field, $"Enter one of: {string.Join(", ", Enum.GetNames<T>())}"));
    }

    /// <summary>The page number in the query string, from 1: anything else is an error rather than a guess.</summary>
    public static (int Value, FieldError? Error) PageNumber(string? text) =>
        string.IsNullOrEmpty(text) ? (1, null)
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 ? (n, null)
        : (1, new FieldError("page", "Enter a page number, a whole number from 1"));

    private static Dictionary<string, string[]> Keyed(IEnumerable<FieldError> errors, Func<string, string>? field) =>
        errors.GroupBy(e => Camel(field?.Invoke(e.Field) ?? e.Field)).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());

    /// <summary>"Progress[0]" becomes "progress[0]", "ExtendTo" "extendTo": the body's own names.</summary>
    private static string Camel(string field) => JsonNamingPolicy.CamelCase.ConvertName(field);
}
