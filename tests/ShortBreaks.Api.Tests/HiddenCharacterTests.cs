using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ShortBreaks.Api.Tests.Infrastructure;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Text;
using ShortBreaks.TestCommon;
using static ShortBreaks.Api.Tests.Infrastructure.ApiTestData;

namespace ShortBreaks.Api.Tests;

/// <summary>
/// Control characters and broken text are refused with problem details naming the field, and nothing is kept:
/// on PostgreSQL a NUL used to fail the save with a 500 after the draft was stored; on SQLite it was stored.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class HiddenCharacterTests(WebAppFactory factory)
{
    private Task<int> RequestsOfAsync(PageClient client) =>
        factory.Data.WithDbAsync(db => db.Requests.CountAsync(r => r.FamilyUserId == client.User.Id || r.CreatedByUserId == client.User.Id));

    [Theory]
    [InlineData("childFirstName", "Ma\0ya")]
    [InlineData("childLastName", "Ex\u0001ample")]
    [InlineData("addressLine1", "1 High Street\0")]
    [InlineData("addressLine2", "Flat \u00852")]
    [InlineData("town", "Town\u007F")]
    [InlineData("needsInOwnWords", "Needs care\0 at night")]
    [InlineData("contactName", "Jess\u001BExample")]
    [InlineData("contactRelationship", "Mother\0")]
    [InlineData("siblingDetails", "One\0 brother")]
    [InlineData("childFirstName", "Maya\nRose")]
    public async Task Post_WithAHiddenCharacterInAnAnswer_Returns400NamingTheField_AndKeepsNothing(string field, string value)
    {
        var family = await factory.SignInAsNewUserAsync(Roles.Family);
        var answers = ValidAnswers();
        answers[field] = value;

        var response = await family.Http.PostAsync("/api/requests", Json(answers));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.ErrorKeys().ShouldBe([field]);
        problem["errors"]![field]![0].Text().ShouldBe($"{field} {PlainText.Refusal}");
        (await RequestsOfAsync(family)).ShouldBe(0, "no draft is left behind");
    }

    [Fact]
    public async Task Post_WithLineBreaksAndTabsInLongText_IsAccepted()
    {
        var family = await factory.SignInAsNewUserAsync(Roles.Family);
        var answers = ValidAnswers();
        answers["needsInOwnWords"] = "Wakes most nights.\r\nNeeds two carers\tfor lifting.";
        answers["siblingDetails"] = "Sam, 4\nAlex, 9";

        var created = await family.CreateRequestAsync(answers);

        created["answers"]!["needsInOwnWords"].Text().ShouldBe("Wakes most nights.\r\nNeeds two carers\tfor lifting.");
    }

    [Theory]
    [InlineData("{\"childFirstName\": \"Ma\\ud800ya\"}", "childFirstName")]
    [InlineData("{\"needIds\": [\"extra-care\", \"\\u0000\"]}", "needIds")]
    [InlineData("{\"childFirstName\": \"\\udc00\"}", "childFirstName")]
    public async Task Post_WithALoneSurrogateOrAControlCharacterAnywhere_Returns400NamingTheField(string json, string field)
    {
        var family = await factory.SignInAsNewUserAsync(Roles.Family);

        var response = await family.Http.PostAsync("/api/requests", RawJson(json));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.ErrorKeys().ShouldContain(field);
        (await RequestsOfAsync(family)).ShouldBe(0);
    }

    [Fact]
    public async Task Post_WithBytesThatAreNotUtf8_Returns400()
    {
        var family = await factory.SignInAsNewUserAsync(Roles.Family);
        var bytes = Encoding.UTF8.GetBytes("{\"childFirstName\": \"Ma").Concat(new byte[] { 0xFF, 0xFE }).Concat(Encoding.UTF8.GetBytes("ya\"}")).ToArray();
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var response = await family.Http.PostAsync("/api/requests", content);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await RequestsOfAsync(family)).ShouldBe(0);
    }

    [Fact]
    public async Task Decide_WithAControlCharacterInTheReasons_Returns400NamingTheField_AndDecidesNothing()
    {
        var family = await factory.SignInAsNewUserAsync(Roles.Family);
        var officer = await factory.SignInAsNewUserAsync(Roles.PersonalisationOfficer);
        var created = await family.CreateRequestAsync();
        var version = await officer.ConfirmNewChildAsync(created.Id());

        var response = await officer.DecideAsync(created.Id(), "FlexibleShortBreaksApproved", version, "Meets the threshold.\0");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.ErrorKeys().ShouldBe(["reasons"]);
        (await factory.DecisionCountAsync(created.Id())).ShouldBe(0);
    }

    [Theory]
    [InlineData("/api/requests?page=%00")]
    [InlineData("/api/requests?page=1&channel=Online%01")]
    [InlineData("/api/requests?page=%FF")]
    [InlineData("/api/requests?page=%ED%A0%80")]
    [InlineData("/api/requests/00000000-0000-0000-0000-000000000000?x=%C2%85")]
    public async Task Get_WithAControlCharacterOrBadBytesInTheQueryString_Returns400Problem(string address)
    {
        var officer = await factory.SignInAsNewUserAsync(Roles.PersonalisationOfficer);

        var response = await officer.Http.GetAsync(address);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem["detail"].Text().ShouldNotBeNull().ShouldContain("hidden characters such as control characters");
    }
}

/// <summary>Nothing the API answers is kept in a cache: it is about children.</summary>
[Collection(ApiCollection.Name)]
public sealed class ApiCachingTests(WebAppFactory factory)
{
    [Theory]
    [InlineData("/api/requests")]
    [InlineData("/api/requests/00000000-0000-0000-0000-000000000000")]
    [InlineData("/api/nowhere")]
    public async Task EveryApiAnswer_IsSentWithNoStore(string address)
    {
        var officer = await factory.SignInAsNewUserAsync(Roles.PersonalisationOfficer);

        var response = await officer.Http.GetAsync(address);

        response.Headers.CacheControl.ShouldNotBeNull().NoStore.ShouldBeTrue(address);
    }

    [Fact]
    public async Task ACreatedRequest_IsSentWithNoStore()
    {
        var family = await factory.SignInAsNewUserAsync(Roles.Family);

        var response = await family.Http.PostAsync("/api/requests", Json(ValidAnswers()));

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        response.Headers.CacheControl.ShouldNotBeNull().NoStore.ShouldBeTrue();
    }
}
