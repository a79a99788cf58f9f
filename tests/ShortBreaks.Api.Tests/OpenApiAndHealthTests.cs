using System.Net;
using System.Text.Json.Nodes;
using ShortBreaks.Api.Tests.Infrastructure;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class OpenApiAndHealthTests(WebAppFactory factory)
{
    [Fact]
    public async Task OpenApiDocument_IsValidJson_AndDescribesEveryEndpoint()
    {
        var response = await factory.Anonymous().GetAsync("/openapi/v1.json");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        document["openapi"].Text()!.ShouldStartWith("3.");
        var paths = document["paths"]!.AsObject();
        var operations = paths.SelectMany(p => p.Value!.AsObject().Select(o => $"{o.Key.ToUpperInvariant()} {p.Key}")).ToList();
        operations.ShouldBe(
        [
            "POST /api/ras/score",
            "GET /api/requests",
            "POST /api/requests",
            "GET /api/requests/{id}",
            "GET /api/requests/{id}/eligibility",
            "GET /api/requests/{id}/matches",
            "POST /api/requests/{id}/child",
            "POST /api/requests/{id}/decision",
            "GET /api/children/{id}",
            "POST /api/children/{id}/family",
            "GET /api/provider/children",
            "GET /api/provider/children/{childId}",
            "GET /api/provider/returns/{packageId}/{month}",
            "POST /api/provider/returns/{packageId}/sessions",
            "POST /api/provider/returns/{packageId}/{month}/submit",
            "GET /api/direct-payments/{directPaymentId}",
            "POST /api/direct-payments/{directPaymentId}/statements",
            "GET /api/finance/payment-runs",
            "GET /api/finance/payment-runs/{id}",
            "GET /api/finance/invoices",
            "GET /api/finance/invoices/{id}",
            "GET /api/provider/invoices",
            "GET /api/provider/invoices/{id}",
            "POST /api/provider/invoices",
            "GET /api/reviews",
            "GET /api/reviews/{reviewId}",
            "POST /api/reviews/{reviewId}/booking",
            "POST /api/reviews/{reviewId}/record",
            "POST /api/reviews/{reviewId}/decision",
            "GET /api/referrals",
            "GET /api/referrals/{referralId}",
            "POST /api/referrals/{referralId}/passed-on",
            "GET /api/complaints",
            "GET /api/complaints/{complaintId}",
            "POST /api/complaints/{complaintId}/handler",
            "POST /api/complaints/{complaintId}/extension",
            "POST /api/complaints/{complaintId}/response",
            "POST /api/complaints/{complaintId}/escalation",
            "POST /api/children/{childId}/complaints",
            "GET /api/children/{childId}/complaints",
            "GET /api/children/{childId}/complaints/{complaintId}",
            "POST /api/children/{childId}/complaints/{complaintId}/escalation",
            "GET /api/caseloads",
            "GET /api/caseloads/children",
            "POST /api/caseloads/allocations",
        ], ignoreOrder: true);

        foreach (var (path, item) in paths)
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var where = $"{method} {path}";
                operation!["operationId"].Text().ShouldNotBeNullOrWhiteSpace(where);
                operation["summary"].Text().ShouldNotBeNullOrWhiteSpace(where);
                var responses = operation["responses"]!.AsObject();
                responses.ShouldContainKey("401", where);
                responses.ShouldContainKey("403", where);
                responses.Any(r => r.Key.StartsWith('2') && r.Value!["content"]?["application/json"]?["schema"] is not null).ShouldBeTrue(where);
            }
        }
    }

    [Fact]
    public async Task OpenApiDocument_DescribesBodiesAndShowsEnumsAsStrings()
    {
        var document = JsonNode.Parse(await factory.Anonymous().GetStringAsync("/openapi/v1.json"))!;
        var schemas = document["components"]!["schemas"]!.AsObject();

        var create = document["paths"]!["/api/requests"]!["post"]!;
        create["summary"].Text()!.ShouldContain("evidence cannot be uploaded through the API");
        create["requestBody"]!["content"]!["application/json"]!["schema"]!.ToJsonString().ShouldContain("RequestAnswers");
        create["responses"]!.AsObject().ShouldContainKey("201");
        create["responses"]!["400"]!["content"]!["application/problem+json"].ShouldNotBeNull();

        var decide = document["paths"]!["/api/requests/{id}/decision"]!["post"]!;
        decide["requestBody"]!["content"]!["application/json"]!["schema"]!.ToJsonString().ShouldContain("DecisionBody");
        decide["responses"]!.AsObject().ShouldContainKey("409");

        schemas.ShouldContainKey("RequestAnswers");
        schemas["RequestAnswers"]!["properties"]!.AsObject().ShouldContainKey("childFirstName");
        Enum(schemas, "DecisionOutcome").ShouldBe(["Universal", "FlexibleShortBreaksApproved", "ReferToSocialCare", "Safeguarding"], ignoreOrder: true);
        Enum(schemas, "RequestStatus").ShouldContain("RoutedToMash");
        Enum(schemas, "ContactMethod").ShouldBe(["Email", "Phone", "Post"], ignoreOrder: true);
    }

    [Fact]
    public async Task Health_Returns200()
    {
        var response = await factory.Anonymous().GetAsync("/health");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static List<string?> Enum(JsonObject schemas, string name)
    {
        schemas.ShouldContainKey(name);
        // A nullable enum lists null among its values.
        return schemas[name]!["enum"]!.AsArray().Where(v => v is not null).Select(v => v.Text()).ToList();
    }
}
