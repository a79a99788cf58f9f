using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ShortBreaks.Api.Tests.Infrastructure;
using ShortBreaks.Core.Calendar;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Complaints;
using ShortBreaks.Core.Identity;
using ShortBreaks.TestCommon;
using static ShortBreaks.Api.Tests.Infrastructure.ApiTestData;

namespace ShortBreaks.Api.Tests;

/// <summary>The complaints API: recorded by phone, listed and read on a need-to-know basis, moved through its stages, and the family's own.</summary>
[Collection(ApiCollection.Name)]
public sealed class ComplaintsApiTests(WebAppFactory factory)
{
    private static DateOnly Today => UkCalendar.DateOf(DateTime.UtcNow);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static JsonObject Phone(string? workerId = null) => new()
    {
        ["kind"] = "Complaint", ["subject"] = workerId is null ? "Service" : "Worker", ["madeBy"] = "ParentCarer",
        ["summary"] = "Nobody rang back about the sitter.", ["subjectWorkerUserId"] = workerId,
    };

    private static long Version(JsonObject body) => body["version"]!.GetValue<long>();

    private async Task<Guid> RecordAsync(PageClient officer, Guid childId, string? workerId = null)
    {
        var made = await officer.Http.PostAsync($"/api/children/{childId}/complaints", Json(Phone(workerId)));
        made.StatusCode.ShouldBe(HttpStatusCode.Created, await made.Content.ReadAsStringAsync());
        var body = await made.ReadObjectAsync();
        made.Headers.Location!.ToString().ShouldBe($"/api/complaints/{body.Id()}");
        return body.Id();
    }

    private async Task<JsonObject> ReadAsync(PageClient staff, Guid complaintId)
    {
        var response = await staff.Http.GetAsync($"/api/complaints/{complaintId}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadObjectAsync();
    }

    [Fact]
    public async Task A_complaint_by_phone_is_given_extended_answered_and_taken_to_stage_two_by_the_api()
    {
        var (officer, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);
        var (manager, _) = await factory.SignedInAsAsync(Roles.TeamManager);
        var handler = await factory.CreateUserAsync(Roles.ReviewingOfficer);
        var child = await factory.Data.CreateChildAsync();

        var id = await RecordAsync(officer, child.Id);
        // The officer who took it is not its handler: the case is hidden from them until a manager gives it to them.
        await (await officer.Http.GetAsync($"/api/complaints/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var list = await (await manager.Http.GetAsync("/api/complaints?kind=Complaint")).ReadObjectAsync();
        list["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()).ShouldContain(id);
        list["openByStage"]!["LocalResolution"]!.GetValue<int>().ShouldBeGreaterThan(0);

        var read = await ReadAsync(manager, id);
        read["stages"]![0]!["dueOn"].Text().ShouldBe(Day(ShippedSchemes.WorkingDays.Add(Today, 10)));
        var given = await manager.Http.PostAsync($"/api/complaints/{id}/handler", Json(new JsonObject { ["ownerUserId"] = handler.Id, ["version"] = Version(read) }));
        given.StatusCode.ShouldBe(HttpStatusCode.OK, await given.Content.ReadAsStringAsync());
        var extendTo = ShippedSchemes.WorkingDays.Add(Today, 15);
        var extended = await manager.Http.PostAsync($"/api/complaints/{id}/extension",
            Json(new JsonObject { ["dueOn"] = Day(extendTo), ["reason"] = "Waiting for the provider's account", ["version"] = Version(await given.ReadObjectAsync()) }));
        extended.StatusCode.ShouldBe(HttpStatusCode.OK, await extended.Content.ReadAsStringAsync());
        var afterExtension = await extended.ReadObjectAsync();
        afterExtension["currentDueOn"].Text().ShouldBe(Day(extendTo));
        afterExtension["stages"]![0]!["extensions"]![0]!["reason"].Text().ShouldBe("Waiting for the provider's account");

        var answered = await manager.Http.PostAsync($"/api/complaints/{id}/response",
            Json(new JsonObject { ["outcome"] = "PartlyUpheld", ["reasons"] = "We should have rung back.", ["version"] = Version(afterExtension) }));
        answered.StatusCode.ShouldBe(HttpStatusCode.OK, await answered.Content.ReadAsStringAsync());
        var afterAnswer = await answered.ReadObjectAsync();
        (afterAnswer["outcome"].Text(), afterAnswer["nextStage"].Text()).ShouldBe(("PartlyUpheld", "Investigation"));
        afterAnswer["stages"]![0]!["letterId"].ShouldNotBeNull();

        var escalated = await manager.Http.PostAsync($"/api/complaints/{id}/escalation", Json(new JsonObject { ["version"] = Version(afterAnswer) }));
        escalated.StatusCode.ShouldBe(HttpStatusCode.OK, await escalated.Content.ReadAsStringAsync());
        (await escalated.ReadObjectAsync())["currentStage"].Text().ShouldBe("Investigation");
        (await factory.Data.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(Complaint) && a.EntityId == id.ToString() && a.Action == "view")))
            .ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task A_complaint_about_a_worker_is_never_listed_or_read_by_them_even_as_a_manager()
    {
        var (officer, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);
        var (named, namedUser) = await factory.SignedInAsAsync(Roles.TeamManager);
        var (otherManager, _) = await factory.SignedInAsAsync(Roles.TeamManager);
        var child = await factory.Data.CreateChildAsync();

        var id = await RecordAsync(officer, child.Id, namedUser.Id);

        var theirList = await (await named.Http.GetAsync("/api/complaints?show=all")).ReadObjectAsync();
        theirList["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()).ShouldNotContain(id);
        await (await named.Http.GetAsync($"/api/complaints/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await named.Http.PostAsync($"/api/complaints/{id}/handler", Json(new JsonObject { ["ownerUserId"] = namedUser.Id, ["version"] = 0 })))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await ReadAsync(otherManager, id))["subjectWorkerName"].Text().ShouldBe(namedUser.Name);
    }

    [Fact]
    public async Task A_stale_version_is_a_409_problem_and_the_first_change_stands()
    {
        var (officer, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);
        var (first, _) = await factory.SignedInAsAsync(Roles.TeamManager);
        var (second, _) = await factory.SignedInAsAsync(Roles.TeamManager);
        var handler = await factory.CreateUserAsync(Roles.PersonalisationOfficer);
        var child = await factory.Data.CreateChildAsync();
        var id = await RecordAsync(officer, child.Id);
        var seen = Version(await ReadAsync(first, id));

        (await first.Http.PostAsync($"/api/complaints/{id}/handler", Json(new JsonObject { ["ownerUserId"] = handler.Id, ["version"] = seen }))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var stale = await second.Http.PostAsync($"/api/complaints/{id}/extension",
            Json(new JsonObject { ["dueOn"] = Day(ShippedSchemes.WorkingDays.Add(Today, 12)), ["reason"] = "More time", ["version"] = seen }));

        (await stale.ShouldBeProblemAsync(HttpStatusCode.Conflict))["title"].Text().ShouldBe("Someone else changed this case");
        (await factory.Data.WithDbAsync(db => db.ComplaintExtensions.CountAsync(e => e.ChildId == child.Id))).ShouldBe(0);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("{}")]
    [InlineData("{\"kind\":\"Grumble\",\"subject\":\"Service\",\"madeBy\":\"ParentCarer\",\"summary\":\"x\"}")]
    [InlineData("{\"kind\":0,\"subject\":\"Service\",\"madeBy\":\"ParentCarer\",\"summary\":\"x\"}")]
    [InlineData("{\"kind\":\"Complaint\",\"subject\":\"Service\",\"madeBy\":\"ParentCarer\",\"summary\":\"\"}")]
    [InlineData("{\"kind\":\"Complaint\",\"subject\":\"Service\",\"madeBy\":\"ParentCarer\",\"summary\":\"x\",\"matterAroseOn\":\"last week\"}")]
    [InlineData("{\"kind\":\"Complaint\",\"subject\":\"Service\",\"madeBy\":\"ParentCarer\",\"summary\":\"x\",\"matterAroseOn\":\"2999-01-01\"}")]
    [InlineData("{\"kind\":\"Complaint\",\"subject\":\"Worker\",\"madeBy\":\"ParentCarer\",\"summary\":\"x\",\"subjectWorkerUserId\":\"nobody\"}")]
    [InlineData("{\"kind\":\"Appeal\",\"subject\":\"Budget\",\"madeBy\":\"ParentCarer\",\"summary\":\"x\",\"subjectRecordId\":\"00000000-0000-0000-0000-000000000001\"}")]
    [InlineData("{\"kind\":\"Appeal\",\"subject\":\"Budget\",\"madeBy\":\"ParentCarer\",\"summary\":\"x\",\"subjectRecordId\":\"abc\"}")]
    [InlineData("{\"kind\":\"Complaint\",\"subject\":\"ReviewOutcome\",\"madeBy\":\"Robot\",\"summary\":\"x\"}")]
    public async Task Garbage_complaints_are_400_problem_details_and_nothing_is_recorded(string body)
    {
        var (officer, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);
        var child = await factory.Data.CreateChildAsync();

        var response = await officer.Http.PostAsync($"/api/children/{child.Id}/complaints", RawJson(body));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await factory.Data.WithDbAsync(db => db.Complaints.CountAsync(c => c.ChildId == child.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task An_appeal_of_another_childs_decision_is_refused_and_a_huge_summary_is_a_field_problem()
    {
        var (officer, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);
        var child = await factory.Data.CreateChildAsync();
        var other = await factory.Data.CreateChildAsync();
        var request = await factory.Data.CreateSubmittedRequestAsync(child: other);
        var decisionId = await factory.Data.WithDbAsync(async db =>
        {
            var decision = new Core.Requests.RequestDecision
            {
                RequestId = request.Id, ChildId = other.Id, DecidedByUserId = "someone", DecidedByName = "Someone", DecidedAt = DateTime.UtcNow, SchemeVersion = TestData.SchemeVersion,
            };
            db.Decisions.Add(decision);
            await db.SaveChangesAsync();
            return decision.Id;
        });

        var appeal = await officer.Http.PostAsync($"/api/children/{child.Id}/complaints", Json(new JsonObject
        {
            ["kind"] = "Appeal", ["subject"] = "EligibilityDecision", ["madeBy"] = "ParentCarer", ["summary"] = "We disagree.", ["subjectRecordId"] = decisionId,
        }));
        var huge = await officer.Http.PostAsync($"/api/children/{child.Id}/complaints", Json(Phone().With("summary", new string('x', ComplaintRules.TextMaxLength + 1))));

        (await appeal.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorKeys().ShouldBe(["subjectRecordId"]);
        (await huge.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorKeys().ShouldBe(["summary"]);
        (await factory.Data.WithDbAsync(db => db.Complaints.CountAsync(c => c.ChildId == child.Id))).ShouldBe(0);
    }

    [Theory]
    [InlineData("handler", "{\"ownerUserId\":\"nobody\",\"version\":0}")]
    [InlineData("handler", "{\"ownerUserId\":42,\"version\":0}")]
    [InlineData("extension", "{\"dueOn\":\"soon\",\"reason\":\"x\",\"version\":0}")]
    [InlineData("extension", "{\"dueOn\":\"2001-01-01\",\"reason\":\"x\",\"version\":0}")]
    [InlineData("extension", "{\"dueOn\":\"2001-01-01\",\"reason\":\"x\"}")]
    [InlineData("response", "{\"outcome\":\"Noted\",\"reasons\":\"x\",\"version\":0}")]
    [InlineData("response", "{\"outcome\":\"Maybe\",\"reasons\":\"x\",\"version\":0}")]
    [InlineData("escalation", "{\"version\":0}")]
    [InlineData("escalation", "{\"version\":\"latest\"}")]
    [InlineData("escalation", "nope")]
    public async Task Garbage_stage_moves_are_400_problem_details_and_the_case_is_unchanged(string move, string body)
    {
        var (officer, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);
        var (manager, _) = await factory.SignedInAsAsync(Roles.TeamManager);
        var child = await factory.Data.CreateChildAsync();
        var id = await RecordAsync(officer, child.Id);
        var before = await ReadAsync(manager, id);

        var response = await manager.Http.PostAsync($"/api/complaints/{id}/{move}", RawJson(body.Replace("\"version\":0", $"\"version\":{Version(before)}")));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Version(await ReadAsync(manager, id)).ShouldBe(Version(before));
    }

    [Fact]
    public async Task Garbage_list_filters_are_a_validation_problem()
    {
        var (manager, _) = await factory.SignedInAsAsync(Roles.TeamManager);

        var garbage = await manager.Http.GetAsync("/api/complaints?kind=Moan&subject=7&stage=Stage9&outcome=upheld&show=everything&page=-1");

        (await garbage.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorKeys().ShouldBe(["kind", "subject", "stage", "outcome", "page", "show"], ignoreOrder: true);
        (await manager.Http.GetAsync("/api/complaints?show=overdue&stage=Appeal&page=3")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_family_lists_and_reads_only_their_own_childs_cases_without_staff_names_and_asks_for_the_next_stage()
    {
        var (family, familyUser) = await factory.SignedInAsAsync(Roles.Family);
        var (stranger, _) = await factory.SignedInAsAsync(Roles.Family);
        var (officer, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);
        var (manager, managerUser) = await factory.SignedInAsAsync(Roles.TeamManager);
        var child = await factory.Data.CreateChildAsync();
        var other = await factory.Data.CreateChildAsync();
        await factory.Data.WithDbAsync(async db =>
        {
            db.ChildFamilyMembers.Add(new ChildFamilyMember { ChildId = child.Id, UserId = familyUser.Id, Relationship = "Mother", AddedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        var id = await RecordAsync(officer, child.Id);
        var othersId = await RecordAsync(officer, other.Id);
        var seen = Version(await ReadAsync(manager, id));
        var given = await (await manager.Http.PostAsync($"/api/complaints/{id}/handler", Json(new JsonObject { ["ownerUserId"] = managerUser.Id, ["version"] = seen }))).ReadObjectAsync();
        (await manager.Http.PostAsync($"/api/complaints/{id}/response",
            Json(new JsonObject { ["outcome"] = "NotUpheld", ["reasons"] = "The sitter did ring.", ["version"] = Version(given) }))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var list = await family.Http.GetAsync($"/api/children/{child.Id}/complaints");
        list.StatusCode.ShouldBe(HttpStatusCode.OK, await list.Content.ReadAsStringAsync());
        var cases = await list.ReadArrayAsync();
        cases.Select(c => c!["id"]!.GetValue<Guid>()).ShouldBe([id]);
        cases.ToJsonString().ShouldNotContain(managerUser.Name);
        var one = await (await family.Http.GetAsync($"/api/children/{child.Id}/complaints/{id}")).ReadObjectAsync();
        one["nextStage"].Text().ShouldBe("Investigation");

        await (await family.Http.GetAsync($"/api/children/{child.Id}/complaints/{othersId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await family.Http.GetAsync($"/api/children/{other.Id}/complaints")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.Http.GetAsync($"/api/children/{child.Id}/complaints/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await family.Http.GetAsync($"/api/complaints/{id}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await officer.Http.GetAsync($"/api/children/{child.Id}/complaints")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        var stale = await family.Http.PostAsync($"/api/children/{child.Id}/complaints/{id}/escalation", Json(new JsonObject { ["version"] = Version(one) - 1 }));
        await stale.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var asked = await family.Http.PostAsync($"/api/children/{child.Id}/complaints/{id}/escalation", Json(new JsonObject { ["version"] = Version(one) }));
        asked.StatusCode.ShouldBe(HttpStatusCode.OK, await asked.Content.ReadAsStringAsync());
        (await asked.ReadObjectAsync())["currentStage"].Text().ShouldBe("Investigation");
    }

    [Theory]
    [InlineData(Roles.Family)]
    [InlineData(Roles.Provider)]
    [InlineData(Roles.FinanceOfficer)]
    public async Task Only_case_staff_list_complaints_or_record_one(string role)
    {
        var browser = await factory.SignInAsNewUserAsync(role);
        var child = await factory.Data.CreateChildAsync();

        await (await browser.Http.GetAsync("/api/complaints")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await browser.Http.PostAsync($"/api/children/{child.Id}/complaints", Json(Phone()))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await factory.Anonymous().GetAsync("/api/complaints")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
