using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ShortBreaks.Api.Tests.Infrastructure;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Identity;
using ShortBreaks.TestCommon;
using static ShortBreaks.Api.Tests.Infrastructure.ApiTestData;

namespace ShortBreaks.Api.Tests;

/// <summary>The caseloads API: every worker's caseload, a worker's children, and allocating one child or many with a reason.</summary>
[Collection(ApiCollection.Name)]
public sealed class CaseloadsApiTests(WebAppFactory factory)
{
    private Task<Child> ChildAsync(string? keyWorkerId, Tier tier = Tier.FlexibleShortBreaks) =>
        factory.Data.ChildAsync(c => { c.KeyWorkerId = keyWorkerId; c.Tier = tier; });

    private Task<string?> KeyWorkerOfAsync(Guid childId) =>
        factory.Data.WithDbAsync(db => db.Children.Where(c => c.Id == childId).Select(c => c.KeyWorkerId).SingleAsync());

    private static JsonObject Allocation(string newWorkerId, params (Guid Id, long Version)[] children) => new()
    {
        ["children"] = new JsonArray([.. children.Select(c => (JsonNode)new JsonObject { ["childId"] = c.Id, ["version"] = c.Version })]),
        ["newWorkerId"] = newWorkerId, ["reason"] = "Balancing caseloads",
    };

    [Fact]
    public async Task A_manager_sees_each_workers_counts_and_the_capacity()
    {
        var (manager, _) = await factory.SignedInAsAsync(Roles.TeamManager);
        var officer = await factory.CreateUserAsync(Roles.PersonalisationOfficer);
        await ChildAsync(officer.Id);
        await ChildAsync(officer.Id);
        await ChildAsync(officer.Id, Tier.TargetedShortBreaks);

        var response = await manager.Http.GetAsync("/api/caseloads");

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var body = await response.ReadObjectAsync();
        var row = body["workers"]!.AsArray().Single(w => w!["userId"].Text() == officer.Id)!;
        (row["counts"]!["fsb"]!.GetValue<int>(), row["counts"]!["tsb"]!.GetValue<int>(), row["families"]!.GetValue<int>()).ShouldBe((2, 1, 3));
        row["standing"].Text().ShouldBe("Below");
        body["capacity"]!.AsArray().Count.ShouldBe(3);
        body["seesEveryChild"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task A_manager_allocates_two_children_with_their_versions_and_a_stale_version_moves_nobody()
    {
        var (manager, _) = await factory.SignedInAsAsync(Roles.TeamManager);
        var officer = await factory.CreateUserAsync(Roles.PersonalisationOfficer);
        var other = await factory.CreateUserAsync(Roles.ReviewingOfficer);
        var first = await ChildAsync(null);
        var second = await ChildAsync(null);

        var list = await (await manager.Http.GetAsync($"/api/caseloads/children?name={Uri.EscapeDataString(first.Reference)}")).ReadObjectAsync();
        var listed = list["children"]!.AsArray().Single()!;
        listed["id"]!.GetValue<Guid>().ShouldBe(first.Id);
        var moved = await manager.Http.PostAsync("/api/caseloads/allocations",
            Json(Allocation(officer.Id, (first.Id, listed["version"]!.GetValue<long>()), (second.Id, second.Version))));

        moved.StatusCode.ShouldBe(HttpStatusCode.OK, await moved.Content.ReadAsStringAsync());
        (await moved.ReadObjectAsync())["moved"]!.GetValue<int>().ShouldBe(2);
        (await KeyWorkerOfAsync(first.Id)).ShouldBe(officer.Id);
        (await KeyWorkerOfAsync(second.Id)).ShouldBe(officer.Id);
        (await factory.ViewsOfChildAsync(first.Id)).ShouldNotBeEmpty("each child listed is a view of their record");

        // The versions read before the move are stale now: a second manager working from them moves nobody.
        var stale = await manager.Http.PostAsync("/api/caseloads/allocations", Json(Allocation(other.Id, (first.Id, first.Version), (second.Id, second.Version))));
        (await stale.ShouldBeProblemAsync(HttpStatusCode.Conflict))["title"].Text().ShouldBe("Someone else changed this allocation");
        (await KeyWorkerOfAsync(first.Id)).ShouldBe(officer.Id);
        var timeline = await factory.Data.WithDbAsync(db => db.TimelineEvents.Where(e => e.ChildId == first.Id && e.Kind == TimelineKinds.Allocation).ToListAsync());
        timeline.Single().Detail.ShouldBe("Reason: Balancing caseloads");
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{}")]
    [InlineData("{\"children\":\"all of them\",\"newWorkerId\":\"W\",\"reason\":\"x\"}")]
    [InlineData("{\"children\":[{\"childId\":\"abc\",\"version\":1}],\"newWorkerId\":\"W\",\"reason\":\"x\"}")]
    [InlineData("{\"children\":[{\"childId\":\"C\"}],\"newWorkerId\":\"W\",\"reason\":\"x\"}")]
    [InlineData("{\"children\":[null],\"newWorkerId\":\"W\",\"reason\":\"x\"}")]
    [InlineData("{\"children\":[{\"childId\":\"C\",\"version\":\"v1\"}],\"newWorkerId\":\"W\",\"reason\":\"x\"}")]
    [InlineData("{\"children\":[{\"childId\":\"C\",\"version\":1}],\"newWorkerId\":\"nobody\",\"reason\":\"x\"}")]
    [InlineData("{\"children\":[{\"childId\":\"C\",\"version\":1}],\"newWorkerId\":\"W\",\"reason\":\"\"}")]
    [InlineData("{\"children\":[{\"childId\":\"00000000-0000-0000-0000-000000000001\",\"version\":1}],\"newWorkerId\":\"W\",\"reason\":\"x\"}")]
    [InlineData("{\"children\":[{\"childId\":\"C\",\"version\":1}],\"newWorkerId\":[\"W\"],\"reason\":\"x\"}")]
    public async Task Garbage_allocations_are_400_problem_details_and_nobody_moves(string body)
    {
        var (manager, _) = await factory.SignedInAsAsync(Roles.TeamManager);
        var officer = await factory.CreateUserAsync(Roles.PersonalisationOfficer);
        var child = await ChildAsync(null);

        var response = await manager.Http.PostAsync("/api/caseloads/allocations", RawJson(body.Replace("\"C\"", $"\"{child.Id}\"").Replace("\"W\"", $"\"{officer.Id}\"")));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await KeyWorkerOfAsync(child.Id)).ShouldBeNull();
    }

    [Fact]
    public async Task A_huge_reason_or_too_many_children_is_a_field_problem_and_garbage_filters_are_refused()
    {
        var (manager, _) = await factory.SignedInAsAsync(Roles.TeamManager);
        var officer = await factory.CreateUserAsync(Roles.PersonalisationOfficer);
        var child = await ChildAsync(null);

        var huge = await manager.Http.PostAsync("/api/caseloads/allocations", Json(Allocation(officer.Id, (child.Id, child.Version)).With("reason", new string('x', 5000))));
        var many = await manager.Http.PostAsync("/api/caseloads/allocations",
            Json(Allocation(officer.Id, [.. Enumerable.Range(0, 501).Select(_ => (Guid.NewGuid(), 1L))])));
        var filters = await manager.Http.GetAsync($"/api/caseloads/children?tier=Gold&page=x&name={new string('z', 101)}");

        (await huge.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorKeys().ShouldBe(["reason"]);
        (await many.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorKeys().ShouldBe(["children"]);
        (await filters.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorKeys().ShouldBe(["tier", "page", "name"], ignoreOrder: true);
        await (await manager.Http.GetAsync("/api/caseloads/children?worker=nobody")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await KeyWorkerOfAsync(child.Id)).ShouldBeNull();
    }

    [Theory]
    [InlineData(Roles.PersonalisationOfficer)]
    [InlineData(Roles.ReviewingOfficer)]
    [InlineData(Roles.FinanceOfficer)]
    [InlineData(Roles.Family)]
    public async Task Only_managers_use_the_caseloads_api(string role)
    {
        var browser = await factory.SignInAsNewUserAsync(role);
        var child = await ChildAsync(null);

        await (await browser.Http.GetAsync("/api/caseloads")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await browser.Http.GetAsync("/api/caseloads/children")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var allocation = await browser.Http.PostAsync("/api/caseloads/allocations", Json(Allocation("someone", (child.Id, child.Version))));
        await allocation.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await KeyWorkerOfAsync(child.Id)).ShouldBeNull();
    }
}
