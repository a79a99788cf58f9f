using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ShortBreaks.Api.Tests.Infrastructure;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Ras;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class RasScoreTests(WebAppFactory factory)
{
    private static readonly RasScheme Shipped =
        RasSchemeCatalog.LoadFrom(Path.Combine(AppContext.BaseDirectory, "schemes", "ras")).Find("2026.1")!;

    /// <summary>Every primary-phase question answered "none", except the first <paramref name="lots"/> answered "lots" (4 points each).</summary>
    private static JsonObject Answers(int lots, int age = 9)
    {
        var levels = new JsonObject();
        var questions = Shipped.Phases.Single(p => p.Id == "primary").Questionnaire.Domains.SelectMany(d => d.Questions).ToList();
        for (var i = 0; i < questions.Count; i++) levels[questions[i].Id] = i < lots ? "lots" : "none";
        return new JsonObject { ["ageYears"] = age, ["levels"] = levels };
    }

    [Theory]
    [InlineData(Roles.Family)]
    [InlineData(Roles.PersonalisationOfficer)]
    public async Task Score_TypicalFlexibleShortBreaksChild_Returns750WithWorkingThatAddsUp(string role)
    {
        var client = await factory.SignInAsNewUserAsync(role);

        var response = await client.Http.PostAsJsonAsync("/api/ras/score", Answers(lots: 8));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var result = (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        result["version"]!.GetValue<string>().ShouldBe("2026.1");
        result["phaseId"]!.GetValue<string>().ShouldBe("primary");
        result["totalPoints"]!.GetValue<decimal>().ShouldBe(32m);
        result["amount"]!.GetValue<decimal>().ShouldBe(750m);
        result["routing"]!.GetValue<string>().ShouldBe("None");
        result["note"]!.GetValue<string>().ShouldContain("starting point");
        var working = result["working"]!.AsArray();
        working.Where(l => l!["kind"]!.GetValue<string>() is "Answer" or "Deduction")
            .Sum(l => l!["points"]!.GetValue<decimal>()).ShouldBe(32m);
        working.ShouldContain(l => l!["text"]!.GetValue<string>().Contains("4 points"));
    }

    [Fact]
    public async Task Score_LowNeed_RoutesToUniversalServices()
    {
        var client = await factory.SignInAsNewUserAsync(Roles.Family);

        var response = await client.Http.PostAsJsonAsync("/api/ras/score", Answers(lots: 1));

        var result = (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        result["routing"]!.GetValue<string>().ShouldBe("Universal");
        result["amount"]!.GetValue<decimal>().ShouldBe(0m);
    }

    [Fact]
    public async Task Score_UnknownQuestionAndLevel_Returns400ListingEachProblem()
    {
        var client = await factory.SignInAsNewUserAsync(Roles.Family);
        var answers = Answers(lots: 0);
        answers["levels"]!["no-such-question"] = "lots";
        answers["levels"]![Shipped.Phases[0].Questionnaire.Domains[0].Questions[0].Id] = "enormous";

        var response = await client.Http.PostAsJsonAsync("/api/ras/score", answers);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        errors["levels.no-such-question"]!.AsArray().ShouldHaveSingleItem()!.GetValue<string>().ShouldContain("no-such-question");
        errors[$"levels.{Shipped.Phases[0].Questionnaire.Domains[0].Questions[0].Id}"]!.AsArray()[0]!.GetValue<string>().ShouldContain("enormous");
    }

    [Fact]
    public async Task Score_NullAnswer_Returns400ByField()
    {
        var client = await factory.SignInAsNewUserAsync(Roles.Family);
        var answers = Answers(lots: 0);
        var first = Shipped.Phases[0].Questionnaire.Domains[0].Questions[0].Id;
        answers["levels"]![first] = null;
        answers["support"] = new JsonObject { ["sleep"] = null };

        var response = await client.Http.PostAsJsonAsync("/api/ras/score", answers);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        errors[$"levels.{first}"]!.AsArray()[0]!.GetValue<string>().ShouldBe($"Question '{first}' has no answer: give a level, like 'none'.");
        errors["support.sleep"]!.AsArray()[0]!.GetValue<string>().ShouldStartWith("Support for domain 'sleep' has no level");
    }

    [Fact]
    public async Task Score_NullFundedSupportFigure_Returns400ByField()
    {
        var client = await factory.SignInAsNewUserAsync(Roles.Family);
        var answers = Answers(lots: 8);
        answers["fundedSupport"] = new JsonObject { ["equipment"] = null };

        var response = await client.Http.PostAsJsonAsync("/api/ras/score", answers);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem["errors"]!["fundedSupport"]!.AsArray()[0]!.GetValue<string>().ShouldContain("numbers");
    }

    [Fact]
    public async Task Score_ReturnsTheNewFields()
    {
        var client = await factory.SignInAsNewUserAsync(Roles.PersonalisationOfficer);

        var response = await client.Http.PostAsJsonAsync("/api/ras/score", Answers(lots: 8));

        var result = (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        result.ContainsKey("hours").ShouldBeTrue();
        result["hours"].ShouldBeNull();
        result["flaggedForAssessment"]!.GetValue<bool>().ShouldBeFalse();
        result["fundedSupportDeducted"]!.GetValue<decimal>().ShouldBe(0m);
        result["working"]!.AsArray().ShouldContain(l => l!["kind"]!.GetValue<string>() == "Rounding");
    }

    [Fact]
    public async Task Score_UnknownVersion_Returns400()
    {
        var client = await factory.SignInAsNewUserAsync(Roles.Family);
        var answers = Answers(lots: 8);
        answers["version"] = "1999.9";

        var response = await client.Http.PostAsJsonAsync("/api/ras/score", answers);

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest))["detail"]!.GetValue<string>().ShouldContain("1999.9");
    }

    [Fact]
    public async Task Score_MalformedJson_Returns400ProblemDetails()
    {
        var client = await factory.SignInAsNewUserAsync(Roles.Family);

        var response = await client.Http.PostAsync("/api/ras/score", new StringContent("{\"levels\": [", System.Text.Encoding.UTF8, "application/json"));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Score_Provider_Returns403ProblemDetails()
    {
        var provider = await factory.SignInAsNewUserAsync(Roles.Provider);

        var response = await provider.Http.PostAsJsonAsync("/api/ras/score", Answers(lots: 8));

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Score_Anonymous_Returns401ProblemDetails()
    {
        var response = await factory.Anonymous().PostAsJsonAsync("/api/ras/score", Answers(lots: 8));

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }
}
