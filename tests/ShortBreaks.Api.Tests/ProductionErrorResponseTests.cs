using System.Net;
using ShortBreaks.Api.Tests.Infrastructure;
using ShortBreaks.Core.Identity;
using ShortBreaks.TestCommon;
using static ShortBreaks.Api.Tests.Infrastructure.ApiTestData;

namespace ShortBreaks.Api.Tests;

/// <summary>Outside development the framework answers bad input with an empty body: the API still says what is wrong.</summary>
public sealed class ProductionErrorResponseTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task List_WithAQueryValueThatCannotBeRead_Returns400ProblemJson()
    {
        var officer = await factory.SignInAsNewUserAsync(Roles.PersonalisationOfficer);

        var response = await officer.Http.GetAsync("/api/requests?page=abc");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem["detail"].Text()!.ShouldContain("query string");
    }

    [Fact]
    public async Task AMethodAnEndpointDoesNotTake_Returns405ProblemJson()
    {
        var officer = await factory.SignInAsNewUserAsync(Roles.PersonalisationOfficer);

        var response = await officer.Http.DeleteAsync("/api/requests");

        await response.ShouldBeProblemAsync(HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task Post_WithMalformedJson_Returns400ProblemJson()
    {
        var family = await factory.SignInAsNewUserAsync(Roles.Family);

        var response = await family.Http.PostAsync("/api/requests", RawJson("{ \"childFirstName\": "));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Get_AnAddressThatDoesNotMatchARoute_Returns404ProblemJson()
    {
        var response = await factory.Anonymous().GetAsync("/api/requests/not-a-guid");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}
