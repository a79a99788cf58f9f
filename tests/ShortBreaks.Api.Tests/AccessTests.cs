using System.Net;
using System.Text.Json.Nodes;
using ShortBreaks.Api.Tests.Infrastructure;
using ShortBreaks.Core.Identity;
using ShortBreaks.TestCommon;
using static ShortBreaks.Api.Tests.Infrastructure.ApiTestData;

namespace ShortBreaks.Api.Tests;

/// <summary>Who may call what: the API must refuse exactly what the pages refuse.</summary>
[Collection(ApiCollection.Name)]
public sealed class AccessTests(WebAppFactory factory)
{
    /// <summary>Every endpoint of the API, with a body where it takes one.</summary>
    public static TheoryData<string, string> Endpoints()
    {
        var id = Guid.NewGuid();
        var endpoints = new TheoryData<string, string>
        {
            { "GET", "/api/requests" },
            { "GET", $"/api/requests/{id}" },
            { "POST", "/api/requests" },
            { "GET", $"/api/requests/{id}/eligibility" },
            { "GET", $"/api/requests/{id}/matches" },
            { "POST", $"/api/requests/{id}/child" },
            { "POST", $"/api/requests/{id}/decision" },
            { "GET", $"/api/children/{id}" },
            { "GET", $"/api/children/{id}/complaints" },
            { "GET", $"/api/children/{id}/complaints/{id}" },
            { "POST", $"/api/children/{id}/complaints/{id}/escalation" },
        };

        // The reviews, complaints and caseloads endpoints for staff, after the request endpoints already listed above.
        foreach (var row in StaffEndpoints().Skip(4)) endpoints.Add((string)row[0], (string)row[1]);
        return endpoints;
    }

    /// <summary>The endpoints only staff may use.</summary>
    public static TheoryData<string, string> StaffEndpoints()
    {
        var id = Guid.NewGuid();
        return new TheoryData<string, string>
        {
            { "GET", $"/api/requests/{id}/eligibility" },
            { "GET", $"/api/requests/{id}/matches" },
            { "POST", $"/api/requests/{id}/child" },
            { "POST", $"/api/requests/{id}/decision" },
            { "GET", "/api/reviews" },
            { "GET", $"/api/reviews/{id}" },
            { "POST", $"/api/reviews/{id}/booking" },
            { "POST", $"/api/reviews/{id}/record" },
            { "POST", $"/api/reviews/{id}/decision" },
            { "GET", "/api/referrals" },
            { "GET", $"/api/referrals/{id}" },
            { "POST", $"/api/referrals/{id}/passed-on" },
            { "GET", "/api/complaints" },
            { "GET", $"/api/complaints/{id}" },
            { "POST", $"/api/complaints/{id}/handler" },
            { "POST", $"/api/complaints/{id}/extension" },
            { "POST", $"/api/complaints/{id}/response" },
            { "POST", $"/api/complaints/{id}/escalation" },
            { "POST", $"/api/children/{id}/complaints" },
            { "GET", "/api/caseloads" },
            { "GET", "/api/caseloads/children" },
            { "POST", "/api/caseloads/allocations" },
        };
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Anonymous_OnEveryEndpoint_Gets401ProblemJson(string method, string path)
    {
        var response = await factory.Anonymous().SendAsync(Message(method, path));

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        response.Headers.Location.ShouldBeNull("the API does not redirect to the sign-in page");
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Provider_OnEveryEndpoint_Gets403ProblemJson(string method, string path)
    {
        var provider = await factory.SignInAsNewUserAsync(Roles.Provider);

        var response = await provider.Http.SendAsync(Message(method, path));

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [MemberData(nameof(StaffEndpoints))]
    public async Task Family_OnAStaffEndpoint_Gets403ProblemJson(string method, string path)
    {
        var family = await factory.SignInAsNewUserAsync(Roles.Family);

        var response = await family.Http.SendAsync(Message(method, path));

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData(Roles.CommissioningOfficer)]
    [InlineData(Roles.FinanceOfficer)]
    public async Task StaffOutsideCaseWork_CannotListRequests(string role)
    {
        var officer = await factory.SignInAsNewUserAsync(role);

        var response = await officer.Http.GetAsync("/api/requests");

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Family_ReadingAnotherFamilysRequest_Gets404()
    {
        var owner = await factory.SignInAsNewUserAsync(Roles.Family);
        var other = await factory.SignInAsNewUserAsync(Roles.Family);
        var request = await owner.CreateRequestAsync();

        var response = await other.Http.GetAsync($"/api/requests/{request.Id()}");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await factory.ViewsOfRequestAsync(request.Id())).ShouldBeEmpty("a refused look is not a view");
        var unknown = await other.Http.GetAsync($"/api/requests/{Guid.NewGuid()}");
        (await unknown.ShouldBeProblemAsync(HttpStatusCode.NotFound))["title"].Text().ShouldBe(problem["title"].Text(), "a request that is not yours looks like one that does not exist");
    }

    [Fact]
    public async Task Family_ReadingAPhoneRequest_Gets404()
    {
        var officer = await factory.SignInAsNewUserAsync(Roles.PersonalisationOfficer);
        var family = await factory.SignInAsNewUserAsync(Roles.Family);
        var request = await officer.CreateRequestAsync();

        var response = await family.Http.GetAsync($"/api/requests/{request.Id()}");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Family_ListingRequests_SeesOnlyTheirOwn()
    {
        var owner = await factory.SignInAsNewUserAsync(Roles.Family);
        var other = await factory.SignInAsNewUserAsync(Roles.Family);
        var mine = await owner.CreateRequestAsync();
        await other.CreateRequestAsync();

        var response = await owner.Http.GetAsync("/api/requests");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var list = await response.ReadObjectAsync();
        list["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()).ShouldBe([mine.Id()]);
        list["total"]!.GetValue<int>().ShouldBe(1);
        list["items"]![0]!["postcode"].ShouldBeNull("postcode and date of birth in lists are for staff");
    }

    [Fact]
    public async Task Family_ReadingAChildNotLinkedToThem_Gets404()
    {
        var owner = await factory.SignInAsNewUserAsync(Roles.Family);
        var other = await factory.SignInAsNewUserAsync(Roles.Family);
        var officer = await factory.SignInAsNewUserAsync(Roles.PersonalisationOfficer);
        var request = await owner.CreateRequestAsync();
        await officer.ConfirmNewChildAsync(request.Id());
        var childId = (await owner.GetRequestAsync(request.Id()))["childId"]!.GetValue<Guid>();

        var own = await owner.Http.GetAsync($"/api/children/{childId}");
        var refused = await other.Http.GetAsync($"/api/children/{childId}");

        own.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await own.ReadObjectAsync())["family"].ShouldBeNull("other family members' contact details are for staff");
        await refused.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await factory.ViewsOfChildAsync(childId)).Count(v => v.UserId == other.User.Id).ShouldBe(0, "a refused look is not a view");
        (await factory.ViewsOfChildAsync(childId)).Count(v => v.UserId == owner.User.Id).ShouldBe(1, "every view of a child's record is audited");
    }

    [Fact]
    public async Task Family_NeverSeesASafeguardingDecision()
    {
        var family = await factory.SignInAsNewUserAsync(Roles.Family);
        var officer = await factory.SignInAsNewUserAsync(Roles.PersonalisationOfficer);
        var request = await family.CreateRequestAsync();
        request["version"].ShouldBeNull("the version is for staff, who change requests");
        var version = (await officer.GetRequestAsync(request.Id()))["version"]!.GetValue<long>();

        var decided = await officer.DecideAsync(request.Id(), "Safeguarding", version,
            "Synthetic test: a concern about the child's safety at home.");
        decided.StatusCode.ShouldBe(HttpStatusCode.OK, await decided.Content.ReadAsStringAsync());
        (await officer.GetRequestAsync(request.Id()))["status"].Text().ShouldBe("RoutedToMash");

        var seen = await family.GetRequestAsync(request.Id());
        seen["status"].Text().ShouldBe("Submitted");
        seen["statusText"].Text().ShouldBe("Sent: under review");
        seen["decision"].ShouldBeNull();
        var seenJson = seen.ToJsonString();
        seenJson.ShouldNotContain("Safeguarding", Case.Insensitive);
        seenJson.ShouldNotContain("MASH", Case.Sensitive);
        seenJson.ShouldNotContain("concern about the child");

        var listed = await (await family.Http.GetAsync("/api/requests")).ReadObjectAsync();
        listed["items"]![0]!["status"].Text().ShouldBe("Submitted");

        var child = await family.Http.GetAsync($"/api/children/{seen["childId"].Text()}");
        child.StatusCode.ShouldBe(HttpStatusCode.OK);
        var childJson = await child.Content.ReadAsStringAsync();
        childJson.ShouldNotContain("safeguarding", Case.Insensitive);
        childJson.ShouldNotContain("MASH", Case.Sensitive);
        childJson.ShouldNotContain("concern about the child");
        var childRecord = JsonNode.Parse(childJson)!;
        childRecord["requests"]![0]!["status"].Text().ShouldBe("Submitted");
        childRecord["requests"]![0]!["outcome"].ShouldBeNull();
    }

    [Fact]
    public async Task Staff_ListingRequests_SeeTheTriageQueueWithFilters()
    {
        var officer = await factory.SignInAsNewUserAsync(Roles.PersonalisationOfficer);
        var family = await factory.SignInAsNewUserAsync(Roles.Family);
        var online = await family.CreateRequestAsync();
        var phone = await officer.CreateRequestAsync();

        var all = await AllPagesAsync(officer, "");
        var dutyPoint = await AllPagesAsync(officer, "&channel=DutyPoint");

        all.ShouldContain(online.Id());
        all.ShouldContain(phone.Id());
        dutyPoint.ShouldContain(phone.Id());
        dutyPoint.ShouldNotContain(online.Id());
        var first = await (await officer.Http.GetAsync("/api/requests?unmatched=true&waiting=WithinTarget")).ReadObjectAsync();
        first["pageSize"]!.GetValue<int>().ShouldBe(50);
        first["overdue"]!.GetValue<int>().ShouldBeGreaterThanOrEqualTo(0);
        first["items"]![0]!["waiting"]!["state"].Text().ShouldBe("WithinTarget");
    }

    private static async Task<List<Guid>> AllPagesAsync(PageClient client, string filter)
    {
        var ids = new List<Guid>();
        for (var page = 1; ; page++)
        {
            var response = await client.Http.GetAsync($"/api/requests?page={page}{filter}");
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var list = await response.ReadObjectAsync();
            ids.AddRange(list["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()));
            if (page >= list["pageCount"]!.GetValue<int>()) return ids;
        }
    }

    private static HttpRequestMessage Message(string method, string path) => new(new HttpMethod(method), path)
    {
        Content = method == "POST" ? Json(new JsonObject { ["version"] = 1 }) : null,
    };
}
