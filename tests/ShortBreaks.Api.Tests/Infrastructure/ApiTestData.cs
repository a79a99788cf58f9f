using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShortBreaks.Core.Auditing;
using ShortBreaks.Core.Calendar;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Requests;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Api.Tests.Infrastructure;

/// <summary>Synthetic requests and the calls most tests make to get a request to the point they test.</summary>
public static class ApiTestData
{
    private static readonly DateOnly Today = UkCalendar.DateOf(DateTime.UtcNow);

    /// <summary>
    /// A complete, valid request for a made-up child. The surname is random letters so no two tests' children
    /// are taken for the same child when records are matched.
    /// </summary>
    public static JsonObject ValidAnswers() => new()
    {
        ["childFirstName"] = "Robin",
        ["childLastName"] = "Testfield-" + RandomLetters(8),
        ["childDateOfBirth"] = Today.AddYears(-9).ToString("yyyy-MM-dd"),
        ["addressLine1"] = "1 Example Street",
        ["addressLine2"] = null,
        ["town"] = "Demoton",
        ["postcode"] = "dc1 2ab",
        ["attendsSchool"] = true,
        ["school"] = "Demoton Primary School",
        ["hasEhcPlan"] = true,
        ["ehcPlanReviewDate"] = Today.AddMonths(3).ToString("yyyy-MM-dd"),
        ["needIds"] = new JsonArray("extra-care", "night-care"),
        ["noneOfTheseNeeds"] = false,
        ["disabilityCodes"] = new JsonArray("AUT", "COMM"),
        ["needsInOwnWords"] = "Robin needs help with every part of the day and wakes most nights.",
        ["contactName"] = "Sam Testfield",
        ["contactRelationship"] = "Parent",
        ["contactEmail"] = "sam.testfield@example.org",
        ["contactPhone"] = "07700 900 982",
        ["preferredContact"] = "Email",
        ["siblingCount"] = 1,
        ["siblingDetails"] = "An older sister",
        ["consentToShare"] = true,
    };

    public static StringContent Json(JsonNode? body) => new(body?.ToJsonString() ?? "null", Encoding.UTF8, "application/json");

    public static StringContent RawJson(string body) => new(body, Encoding.UTF8, "application/json");

    public static async Task<JsonObject> ReadObjectAsync(this HttpResponseMessage response) =>
        (await JsonNode.ParseAsync(await response.Content.ReadAsStreamAsync()))!.AsObject();

    public static async Task<JsonArray> ReadArrayAsync(this HttpResponseMessage response) =>
        (await JsonNode.ParseAsync(await response.Content.ReadAsStreamAsync()))!.AsArray();

    /// <summary>Asserts the response is problem details with the status, and returns them.</summary>
    public static async Task<JsonObject> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", body);
        var problem = JsonNode.Parse(body)!.AsObject();
        problem["status"]!.GetValue<int>().ShouldBe((int)status);
        problem["title"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        return problem;
    }

    /// <summary>The field keys of a validation problem.</summary>
    public static IReadOnlyList<string> ErrorKeys(this JsonObject problem) =>
        problem["errors"]?.AsObject().Select(kv => kv.Key).ToList() ?? [];

    public static async Task<JsonObject> CreateRequestAsync(this PageClient client, JsonObject? answers = null)
    {
        var response = await client.Http.PostAsync("/api/requests", Json(answers ?? ValidAnswers()));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadObjectAsync();
    }

    public static async Task<JsonObject> GetRequestAsync(this PageClient client, Guid id)
    {
        var response = await client.Http.GetAsync($"/api/requests/{id}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadObjectAsync();
    }

    /// <summary>Confirms the request is for a child new to the service and returns the request's new version.</summary>
    public static async Task<long> ConfirmNewChildAsync(this PageClient decider, Guid requestId)
    {
        var request = await decider.GetRequestAsync(requestId);
        var response = await decider.Http.PostAsync($"/api/requests/{requestId}/child",
            Json(new JsonObject { ["childId"] = null, ["version"] = request["version"]!.GetValue<long>() }));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.ReadObjectAsync())["version"]!.GetValue<long>();
    }

    public static Task<HttpResponseMessage> DecideAsync(this PageClient decider, Guid requestId, string outcome, long version, string reasons = "Meets the threshold: needs far more care than other children of the same age.") =>
        decider.Http.PostAsync($"/api/requests/{requestId}/decision",
            Json(new JsonObject { ["outcome"] = outcome, ["reasons"] = reasons, ["version"] = version }));

    /// <summary>Evidence goes in through the question pages, not the API, so tests put it straight in the database.</summary>
    public static async Task AddEvidenceAsync(this WebAppFactory factory, Guid requestId, string kindId = "disability-benefit")
    {
        using var scope = factory.Services.CreateScope();
        var requests = scope.ServiceProvider.GetRequiredService<RequestService>();
        var request = (await requests.FindAsync(requestId))!;
        var added = await requests.AddEvidenceAsync(request, new EvidenceDocument
        {
            KindId = kindId,
            FileName = "award-letter.pdf",
            ContentType = "application/pdf",
            Content = Encoding.UTF8.GetBytes("%PDF-1.4 synthetic test file"),
            SizeBytes = 28,
        });
        added.Succeeded.ShouldBeTrue();
    }

    public static Task<int> DecisionCountAsync(this WebAppFactory factory, Guid requestId) =>
        factory.Data.WithDbAsync(db => db.Decisions.CountAsync(d => d.RequestId == requestId));

    public static Task<List<AuditEntry>> ViewsOfChildAsync(this WebAppFactory factory, Guid childId) =>
        factory.Data.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "Child" && a.EntityId == childId.ToString() && a.Action == "view").ToListAsync());

    public static Task<List<AuditEntry>> ViewsOfRequestAsync(this WebAppFactory factory, Guid requestId) =>
        factory.Data.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(ShortBreakRequest) && a.EntityId == requestId.ToString() && a.Action == "view").ToListAsync());

    public static Guid Id(this JsonObject body) => body["id"]!.GetValue<Guid>();

    public static string? Text(this JsonNode? node) => node?.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : node?.ToJsonString();

    private static string RandomLetters(int count) =>
        new(Enumerable.Range(0, count).Select(_ => (char)('a' + Random.Shared.Next(26))).ToArray());
}
