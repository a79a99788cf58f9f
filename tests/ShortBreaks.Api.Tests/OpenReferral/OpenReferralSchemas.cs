extern alias JsonEverything;
using System.Text.Json;
using System.Text.Json.Nodes;
using JsonEverything::Json.Schema;

namespace ShortBreaks.Api.Tests.OpenReferral;

/// <summary>
/// The Open Referral UK standard's own JSON Schemas (copied beside the tests from the standard, unchanged), loaded with
/// JsonSchema.Net under the addresses the standard's OpenAPI document gives them, so their references resolve. The
/// pagination envelope is the OpenAPI document's own <c>Page</c> schema, with its eight fields made required.
/// </summary>
public static class OpenReferralSchemas
{
    private const string Base = "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/";

    private static readonly Lazy<IReadOnlyDictionary<string, JsonSchema>> Schemas = new(Load);

    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    public static JsonSchema Service => Schemas.Value["compiled/service.json"];
    public static JsonSchema ServiceList => Schemas.Value["compiled/service_list.json"];

    /// <summary>
    /// The standard's slip: its OpenAPI document points GET /service_at_locations/{id} at compiled/service.json, but the
    /// object returned is a service at a location (id, location, service), as its own example shows; so the single
    /// service at a location is validated against compiled/service_at_location.json.
    /// </summary>
    public static JsonSchema ServiceAtLocation => Schemas.Value["compiled/service_at_location.json"];

    public static JsonSchema ServiceAtLocationList => Schemas.Value["compiled/service_at_location_list.json"];
    public static JsonSchema Taxonomy => Schemas.Value["taxonomy.json"];
    public static JsonSchema TaxonomyTerm => Schemas.Value["taxonomy_term.json"];
    public static JsonSchema Page => Schemas.Value["page"];

    /// <summary>What is wrong with <paramref name="document"/> by <paramref name="schema"/>, one line each; empty when valid.</summary>
    public static IReadOnlyList<string> Problems(JsonSchema schema, JsonElement document)
    {
        var results = schema.Evaluate(document, Options);
        if (results.IsValid) return [];
        return (results.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))
            .DefaultIfEmpty("invalid, with no detail").ToList();
    }

    public static IReadOnlyList<string> Problems(JsonSchema schema, JsonNode document) =>
        Problems(schema, JsonSerializer.SerializeToElement(document));

    private static IReadOnlyDictionary<string, JsonSchema> Load()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "OpenReferral", "schema");
        // The standard's schemas carry Frictionless Data keywords beside JSON Schema's ("name", "constraints", "core"):
        // JSON Schema 2020-12 ignores keywords it does not know, so the dialect allows them.
        var dialect = Dialect.Draft202012.With([], new Uri("https://openreferral.org/dialect/hsds-uk-3.0"), refIgnoresSiblingKeywords: null, allowUnknownKeywords: true);
        var build = new BuildOptions { SchemaRegistry = new SchemaRegistry(), Dialect = dialect };
        var schemas = new Dictionary<string, JsonSchema>();
        // Terms first: the taxonomy refers to them by a relative address.
        foreach (var (name, file) in new[]
                 {
                     ("taxonomy_term.json", "taxonomy_term.json"), ("taxonomy.json", "taxonomy.json"),
                     ("compiled/service.json", "service.json"), ("compiled/service_list.json", "service_list.json"),
                     ("compiled/service_at_location.json", "service_at_location.json"), ("compiled/service_at_location_list.json", "service_at_location_list.json"),
                 })
        {
            schemas[name] = JsonSchema.FromText(File.ReadAllText(Path.Combine(folder, file)), build, new Uri(Base + name));
        }

        var openApi = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "openapi.json")))!;
        var page = openApi["components"]!["schemas"]!["Page"]!.DeepClone().AsObject();
        page["required"] = new JsonArray("total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "contents");
        page["properties"]!["contents"] = new JsonObject { ["type"] = "array" };
        schemas["page"] = JsonSchema.FromText(page.ToJsonString(), build, new Uri(Base + "openapi.json#/components/schemas/Page"));
        return schemas;
    }
}
