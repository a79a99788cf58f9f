using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace ShortBreaks.Web.Api;

/// <summary>
/// Reads a JSON request body and says exactly what is wrong with one that cannot be read. The framework's
/// own body binding answers a malformed body with an empty 400 (or throws, in development) and names .NET
/// types in its messages; an integrator needs the field and the fix instead.
/// </summary>
public static class ApiJson
{
    /// <summary>Largest JSON body the API reads: every answer of a request at its longest fits in well under this.</summary>
    public const int MaxBodyBytes = 128 * 1024;

    public sealed record BodyResult<T>(T? Value, ProblemHttpResult? Problem) where T : class;

    /// <param name="check">Looks at the parsed JSON before it is read into <typeparamref name="T"/>, to explain a value better than a type error can.</param>
    public static async Task<BodyResult<T>> ReadAsync<T>(HttpContext context, Func<JsonElement, ProblemHttpResult?>? check = null) where T : class
    {
        var request = context.Request;
        if (!IsJson(request.ContentType))
        {
            return new(null, TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported content type",
                detail: "Send the body as JSON, with the header Content-Type: application/json."));
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return new(null, TooLarge());
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes) return new(null, TooLarge());
            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return new(null, BadBody("The request has no body. Send the JSON object described in the OpenAPI document."));
        }

        var options = context.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" (line {line + 1}, position {ex.BytePositionInLine + 1})" : "";
            return new(null, BadBody($"The request body is not valid JSON{where}."));
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return new(null, BadBody("The request body must be a JSON object."));
            }

            // Control characters and broken text are refused in every string of every body, before anything reads them.
            if (RefusedText(document.RootElement, options.GetTypeInfo(typeof(T))) is { } hidden)
            {
                return new(null, hidden);
            }

            if (check?.Invoke(document.RootElement) is { } refused)
            {
                return new(null, refused);
            }

            try
            {
                return new(document.RootElement.Deserialize<T>(options), null);
            }
            catch (JsonException ex)
            {
                return new(null, WrongType(ex.Path, options.GetTypeInfo(typeof(T))));
            }
        }
    }

    /// <summary>
    /// Every string in the body, names and values, checked with <see cref="PlainText"/>: refused as a validation
    /// problem keyed by the top-level field it is in. A property marked <see cref="LongTextAttribute"/> may have line
    /// breaks and tabs. An escaped lone surrogate ("\ud800") cannot be read as a string and is refused too.
    /// </summary>
    private static ProblemHttpResult? RefusedText(JsonElement root, JsonTypeInfo body)
    {
        var refused = new Dictionary<string, string[]>();
        foreach (var property in root.EnumerateObject())
        {
            var info = body.Properties.FirstOrDefault(p => p.Name.Equals(property.Name, StringComparison.OrdinalIgnoreCase));
            var longText = info?.AttributeProvider?.IsDefined(typeof(LongTextAttribute), true) == true;
            var field = info?.Name ?? property.Name;
            if (!Acceptable(property.Name, false) || !AllAcceptable(property.Value, longText))
            {
                var key = PlainText.IsAcceptable(field) ? field : "body";
                refused[key] = [PlainText.Message(key)];
            }
        }

        return refused.Count == 0 ? null : TypedResults.Problem(new HttpValidationProblemDetails(refused)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "There is a problem with what was sent",
        });
    }

    private static bool AllAcceptable(JsonElement value, bool longText) => value.ValueKind switch
    {
        JsonValueKind.String => Acceptable(value, longText),
        JsonValueKind.Array => value.EnumerateArray().All(v => AllAcceptable(v, false)),
        JsonValueKind.Object => value.EnumerateObject().All(p => Acceptable(p.Name, false) && AllAcceptable(p.Value, false)),
        _ => true,
    };

    private static bool Acceptable(JsonElement value, bool longText)
    {
        try
        {
            return PlainText.IsAcceptable(value.GetString(), longText);
        }
        catch (InvalidOperationException)
        {
            return false; // not text: an escaped lone surrogate
        }
    }

    private static bool Acceptable(string name, bool longText) => PlainText.IsAcceptable(name, longText);

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media) &&
        (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) ||
         (media.Type.Equals("application", StringComparison.OrdinalIgnoreCase) && media.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase))) &&
        (StringSegment.IsNullOrEmpty(media.Charset) || media.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));

    private static ProblemHttpResult TooLarge() =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The request is too large",
            detail: $"A JSON body must be {MaxBodyBytes / 1024} KB or smaller. Evidence files are not sent through the API.");

    private static ProblemHttpResult BadBody(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The request body could not be read", detail: detail);

    /// <summary>A value of the wrong JSON type, keyed by its field as a validation error, with the shape the field takes.</summary>
    private static ProblemHttpResult WrongType(string? path, JsonTypeInfo body)
    {
        var field = FieldOf(path);
        var property = field is null ? null : body.Properties.FirstOrDefault(p => p.Name == field);
        if (field is null || property is null)
        {
            return BadBody($"A value in the request body is not in the right format{(string.IsNullOrEmpty(path) ? "" : $" (at {path})")}.");
        }

        return TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [Expected(property.PropertyType)] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request body could not be read",
        });
    }

    /// <summary>"$.needIds[2]" and "$['needIds']" become "needIds".</summary>
    private static string? FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || !path.StartsWith("$", StringComparison.Ordinal) || path.Length < 2) return null;
        var rest = path[1..];
        if (rest.StartsWith("['", StringComparison.Ordinal))
        {
            var end = rest.IndexOf("']", StringComparison.Ordinal);
            return end > 2 ? rest[2..end] : null;
        }

        if (!rest.StartsWith('.')) return null;
        var name = rest[1..];
        var stop = name.IndexOfAny(['.', '[']);
        return stop < 0 ? name : name[..stop];
    }

    private static string Expected(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum) return $"Enter one of: {string.Join(", ", Enum.GetNames(type))}";
        if (type == typeof(DateOnly)) return "Enter a real date in the format YYYY-MM-DD";
        if (type == typeof(bool)) return "Enter true or false";
        if (type == typeof(int) || type == typeof(long)) return "Enter a whole number";
        if (type == typeof(Guid)) return "Enter an id in the format 00000000-0000-0000-0000-000000000000, or null";
        if (type == typeof(string)) return "Enter text, in quotes";
        if (type.IsGenericType && type.GetInterfaces().Append(type).Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>)))
        {
            return type.GetGenericArguments()[1] == typeof(string)
                ? "Enter an object of ids and text values, like {\"id\": \"value\"}, with no null values"
                : "Enter an object of ids and numbers, like {\"id\": 250}, with no null values";
        }

        if (type.IsArray || (type.IsGenericType && typeof(System.Collections.IEnumerable).IsAssignableFrom(type))) return "Enter a list of text values, like [\"a\", \"b\"]";
        return "Enter a value of the right type";
    }
}
