using System.Net;
using ShortBreaks.Api.Tests.Infrastructure;
using ShortBreaks.Core.Identity;
using ShortBreaks.TestCommon;
using static ShortBreaks.Api.Tests.Infrastructure.ApiTestData;

namespace ShortBreaks.Api.Tests;

/// <summary>Errors the framework raises before an endpoint runs are problem details too, never a page or an empty body.</summary>
[Collection(ApiCollection.Name)]
public sealed class ErrorResponseTests(WebAppFactory factory)
{
    [Theory]
    [InlineData("/api/requests/not-a-guid")]
    [InlineData("/api/requests/12345/eligibility")]
    [InlineData("/api/children/not-a-guid")]
    [InlineData("/api/nothing-here")]
    public async Task Get_AnAddressThatDoesNotMatchARoute_Returns404ProblemJson(string path)
    {
        var officer = await factory.SignInAsNewUserAsync(Roles.PersonalisationOfficer);

        var response = await officer.Http.GetAsync(path);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Get_AnUnknownRequestOrChild_Returns404ProblemJson()
    {
        var officer = await factory.SignInAsNewUserAsync(Roles.PersonalisationOfficer);

        foreach (var path in new[] { "/api/requests/{0}", "/api/requests/{0}/eligibility", "/api/requests/{0}/matches", "/api/children/{0}" })
        {
            var response = await officer.Http.GetAsync(string.Format(path, Guid.NewGuid()));
            await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        }

        var decide = await officer.DecideAsync(Guid.NewGuid(), "Universal", 1);
        await decide.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("DELETE", "/api/requests")]
    [InlineData("PUT", "/api/requests")]
    [InlineData("PATCH", "/api/requests/00000000-0000-0000-0000-000000000001")]
    [InlineData("DELETE", "/api/requests/00000000-0000-0000-0000-000000000001/decision")]
    [InlineData("GET", "/api/requests/00000000-0000-0000-0000-000000000001/decision")]
    [InlineData("POST", "/api/children/00000000-0000-0000-0000-000000000001")]
    public async Task AMethodAnEndpointDoesNotTake_Returns405ProblemJson(string method, string path)
    {
        var officer = await factory.SignInAsNewUserAsync(Roles.PersonalisationOfficer);

        var response = await officer.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "GET" ? null : RawJson("{}") });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.MethodNotAllowed);
        problem["detail"].Text()!.ShouldContain(method);
    }

    [Theory]
    [InlineData("page=abc")]
    [InlineData("channel=Carrier")]
    [InlineData("waiting=1x")]
    [InlineData("unmatched=maybe")]
    public async Task List_WithAQueryValueThatCannotBeRead_Returns400ProblemJson(string query)
    {
        var officer = await factory.SignInAsNewUserAsync(Roles.PersonalisationOfficer);

        var response = await officer.Http.GetAsync($"/api/requests?{query}");

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Decide_WithTheWrongContentType_Returns415ProblemJson()
    {
        var officer = await factory.SignInAsNewUserAsync(Roles.PersonalisationOfficer);
        var request = await officer.CreateRequestAsync();

        var response = await officer.Http.PostAsync($"/api/requests/{request.Id()}/decision",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["outcome"] = "Universal", ["version"] = "1" }));

        await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Decide_WithMalformedJson_Returns400ProblemJson()
    {
        var officer = await factory.SignInAsNewUserAsync(Roles.PersonalisationOfficer);
        var request = await officer.CreateRequestAsync();

        var response = await officer.Http.PostAsync($"/api/requests/{request.Id()}/decision", RawJson("{ \"outcome\": \"Universal\", "));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }
}
