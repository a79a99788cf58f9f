using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ShortBreaks.Api.Tests.Infrastructure;
using ShortBreaks.Core.Identity;
using ShortBreaks.TestCommon;
using static ShortBreaks.Api.Tests.Infrastructure.ApiTestData;

namespace ShortBreaks.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class CreateRequestTests(WebAppFactory factory)
{
    [Fact]
    public async Task Post_WithCompleteAnswers_AsFamily_Returns201WithReferenceAndSubmittedStatus()
    {
        var family = await factory.SignInAsNewUserAsync(Roles.Family);
        var answers = ValidAnswers();

        var response = await family.Http.PostAsync("/api/requests", Json(answers));

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var created = await response.ReadObjectAsync();
        response.Headers.Location!.ToString().ShouldBe($"/api/requests/{created.Id()}");
        created["reference"].Text().ShouldNotBeNullOrWhiteSpace();
        created["status"].Text().ShouldBe("Submitted");
        created["channel"].Text().ShouldBe("Online");
        created["answers"]!["childLastName"].Text().ShouldBe(answers["childLastName"].Text());
        created["answers"]!["postcode"].Text().ShouldBe("DC1 2AB");
        created["answers"]!["needIds"]!.AsArray().Select(n => n.Text()).ShouldBe(["extra-care", "night-care"]);
        created["evidence"]!.AsArray().ShouldBeEmpty();

        var read = await family.GetRequestAsync(created.Id());
        read["reference"].Text().ShouldBe(created["reference"].Text());
        read["status"].Text().ShouldBe("Submitted");
        read["waiting"].ShouldBeNull("waiting time is for staff");
        (await factory.ViewsOfRequestAsync(created.Id())).ShouldHaveSingleItem().UserId.ShouldBe(family.User.Id);
    }

    [Fact]
    public async Task Post_AsDutyOfficer_TakesTheRequestAtTheDutyPoint()
    {
        var officer = await factory.SignInAsNewUserAsync(Roles.PersonalisationOfficer);

        var created = await officer.CreateRequestAsync();

        created["channel"].Text().ShouldBe("DutyPoint");
        created["status"].Text().ShouldBe("Submitted");
        created["version"]!.GetValue<long>().ShouldBe(0, "made and sent in one save, not changed since");
        created["waiting"]!["state"].Text().ShouldBe("WithinTarget");
    }

    [Theory]
    [InlineData("childFirstName", "null")]
    [InlineData("childLastName", "\"R2-D2\"")]
    [InlineData("childDateOfBirth", "null")]
    [InlineData("childDateOfBirth", "\"2999-01-01\"")]
    [InlineData("childDateOfBirth", "\"1990-01-01\"")]
    [InlineData("addressLine1", "\"   \"")]
    [InlineData("town", "null")]
    [InlineData("postcode", "\"not a postcode\"")]
    [InlineData("attendsSchool", "null")]
    [InlineData("school", "null")]
    [InlineData("hasEhcPlan", "null")]
    [InlineData("ehcPlanReviewDate", "null")]
    [InlineData("needIds", "[]")]
    [InlineData("needIds", "[\"can-fly\"]")]
    [InlineData("disabilityCodes", "[]")]
    [InlineData("disabilityCodes", "[\"XYZ\"]")]
    [InlineData("disabilityCodes", "[\"aut\"]")]
    [InlineData("needsInOwnWords", "\"\"")]
    [InlineData("contactName", "null")]
    [InlineData("contactRelationship", "null")]
    [InlineData("contactEmail", "\"not an email\"")]
    [InlineData("contactEmail", "null")]
    [InlineData("contactPhone", "\"12345\"")]
    [InlineData("preferredContact", "null")]
    [InlineData("siblingCount", "null")]
    [InlineData("siblingCount", "25")]
    [InlineData("consentToShare", "false")]
    [InlineData("consentToShare", "null")]
    public async Task Post_WithAWrongAnswer_Returns400KeyedByTheField(string field, string json)
    {
        var family = await factory.SignInAsNewUserAsync(Roles.Family);
        var answers = ValidAnswers();
        answers[field] = JsonNode.Parse(json);

        var response = await family.Http.PostAsync("/api/requests", Json(answers));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.ErrorKeys().ShouldBe([field]);
        var message = problem["errors"]![field]![0].Text()!;
        message.ShouldNotContain("System.");
        message.ShouldNotEndWith(".");
    }

    [Fact]
    public async Task Post_WithNoAnswers_ReturnsEveryMissingAnswerAtOnce()
    {
        var family = await factory.SignInAsNewUserAsync(Roles.Family);

        var response = await family.Http.PostAsync("/api/requests", RawJson("{}"));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.ErrorKeys().ShouldBe(
        [
            "childFirstName", "childLastName", "childDateOfBirth", "addressLine1", "town", "postcode", "attendsSchool", "hasEhcPlan",
            "needIds", "disabilityCodes", "needsInOwnWords", "contactName", "contactRelationship", "preferredContact", "siblingCount", "consentToShare",
        ], ignoreOrder: true);
        problem["errors"]!["childFirstName"]![0].Text().ShouldBe("Enter the child's first name");
        problem["errors"]!["consentToShare"]![0].Text().ShouldBe("Confirm that you agree to us sharing information to decide on the request");
    }

    [Fact]
    public async Task Post_WithNoneOfTheseNeeds_IsAccepted()
    {
        var family = await factory.SignInAsNewUserAsync(Roles.Family);
        var answers = ValidAnswers();
        answers["needIds"] = new JsonArray();
        answers["noneOfTheseNeeds"] = true;

        var created = await family.CreateRequestAsync(answers);

        created["answers"]!["noneOfTheseNeeds"]!.GetValue<bool>().ShouldBeTrue();
        created["answers"]!["needIds"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Post_WithAnOverlongAnswer_Returns400KeyedByTheField()
    {
        var family = await factory.SignInAsNewUserAsync(Roles.Family);
        var answers = ValidAnswers();
        answers["needsInOwnWords"] = new string('a', 20_000);

        var response = await family.Http.PostAsync("/api/requests", Json(answers));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem["errors"]!["needsInOwnWords"]![0].Text().ShouldBe("Your description must be 3000 characters or fewer");
    }

    [Theory]
    [InlineData("{ \"childFirstName\": ")]
    [InlineData("not json at all")]
    [InlineData("[1, 2, 3]")]
    [InlineData("null")]
    [InlineData("")]
    public async Task Post_WithMalformedJson_Returns400ProblemJson(string body)
    {
        var family = await factory.SignInAsNewUserAsync(Roles.Family);

        var response = await family.Http.PostAsync("/api/requests", RawJson(body));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem["detail"].Text().ShouldNotBeNullOrWhiteSpace();
    }

    [Theory]
    [InlineData("siblingCount", "\"two\"", "Enter a whole number")]
    [InlineData("siblingCount", "1.5", "Enter a whole number")]
    [InlineData("childDateOfBirth", "\"31/12/2016\"", "Enter a real date in the format YYYY-MM-DD")]
    [InlineData("preferredContact", "\"Carrier pigeon\"", "Enter one of: Email, Phone, Post")]
    [InlineData("preferredContact", "0", "Enter one of: Email, Phone, Post")]
    [InlineData("consentToShare", "\"yes\"", "Enter true or false")]
    [InlineData("needIds", "\"extra-care\"", "Enter a list of text values, like [\"a\", \"b\"]")]
    public async Task Post_WithAValueOfTheWrongType_Returns400KeyedByTheField(string field, string json, string message)
    {
        var family = await factory.SignInAsNewUserAsync(Roles.Family);
        var answers = ValidAnswers();
        answers[field] = JsonNode.Parse(json);

        var response = await family.Http.PostAsync("/api/requests", Json(answers));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem["errors"]![field]![0].Text().ShouldBe(message);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/xml")]
    public async Task Post_WithAnotherContentType_Returns415ProblemJson(string contentType)
    {
        var family = await factory.SignInAsNewUserAsync(Roles.Family);

        var response = await family.Http.PostAsync("/api/requests", new StringContent(ValidAnswers().ToJsonString(), Encoding.UTF8, contentType));

        await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Post_WithAHugeBody_Returns413ProblemJsonWithoutReadingIt()
    {
        var family = await factory.SignInAsNewUserAsync(Roles.Family);
        var answers = ValidAnswers();
        answers["siblingDetails"] = new string('a', 2 * 1024 * 1024);

        var response = await family.Http.PostAsync("/api/requests", Json(answers));

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Post_AsReviewingOfficer_Returns403()
    {
        var reviewer = await factory.SignInAsNewUserAsync(Roles.ReviewingOfficer);

        var response = await reviewer.Http.PostAsync("/api/requests", Json(ValidAnswers()));

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }
}
