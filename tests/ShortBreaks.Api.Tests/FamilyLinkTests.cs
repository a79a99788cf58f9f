using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ShortBreaks.Api.Tests.Infrastructure;
using ShortBreaks.Core.Identity;
using ShortBreaks.TestCommon;
using static ShortBreaks.Api.Tests.Infrastructure.ApiTestData;

namespace ShortBreaks.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class FamilyLinkTests(WebAppFactory factory)
{
    private static JsonObject Link(string? email) => new()
    {
        ["accountEmail"] = email,
        ["relationship"] = "Father",
        ["identityCheck"] = "Saw his passport at the office.",
        ["parentalResponsibilityCheck"] = "Named on the birth certificate, which I saw.",
    };

    /// <summary>A child's record made from a request the first family sent online, and the first family.</summary>
    private async Task<(Guid ChildId, PageClient Family, JsonObject Request)> ChildOfAFamilyAsync(PageClient officer)
    {
        var family = await factory.SignInAsNewUserAsync(Roles.Family);
        var request = await family.CreateRequestAsync();
        await officer.ConfirmNewChildAsync(request.Id());
        return ((await officer.GetRequestAsync(request.Id()))["childId"]!.GetValue<Guid>(), family, request);
    }

    [Fact]
    public async Task ConfirmChild_ToAnExistingRecord_DoesNotGiveTheRequesterTheRecord()
    {
        var officer = await factory.SignInAsNewUserAsync(Roles.PersonalisationOfficer);
        var (childId, _, first) = await ChildOfAFamilyAsync(officer);
        var stranger = await factory.SignInAsNewUserAsync(Roles.Family);
        var answers = ValidAnswers();
        answers["childLastName"] = first["answers"]!["childLastName"]!.DeepClone();
        answers["addressLine1"] = "99 Somewhere Else";
        var theirs = await stranger.CreateRequestAsync(answers);

        var confirm = await officer.Http.PostAsync($"/api/requests/{theirs.Id()}/child",
            Json(new JsonObject { ["childId"] = childId, ["version"] = (await officer.GetRequestAsync(theirs.Id()))["version"]!.GetValue<long>() }));

        confirm.StatusCode.ShouldBe(HttpStatusCode.OK, await confirm.Content.ReadAsStringAsync());
        (await stranger.Http.GetAsync($"/api/children/{childId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await factory.Data.WithDbAsync(db => db.Children.SingleAsync(c => c.Id == childId))).AddressLine1.ShouldBe("1 Example Street");
    }

    [Fact]
    public async Task LinkFamily_WithoutTheChecks_Returns400KeyedByField()
    {
        var officer = await factory.SignInAsNewUserAsync(Roles.PersonalisationOfficer);
        var (childId, _, _) = await ChildOfAFamilyAsync(officer);

        var response = await officer.Http.PostAsync($"/api/children/{childId}/family", RawJson("{}"));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.ErrorKeys().ShouldBe(["accountEmail", "relationship", "identityCheck", "parentalResponsibilityCheck"], ignoreOrder: true);
        problem["errors"]!["identityCheck"]![0].Text().ShouldBe("Enter how you confirmed the person's identity");
    }

    [Fact]
    public async Task LinkFamily_WithAnUnknownAccount_Returns400_AndForAnUnknownChild_Returns404()
    {
        var officer = await factory.SignInAsNewUserAsync(Roles.TeamManager);
        var (childId, _, _) = await ChildOfAFamilyAsync(officer);

        var unknown = await officer.Http.PostAsync($"/api/children/{childId}/family", Json(Link("nobody@example.org")));
        (await unknown.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorKeys().ShouldBe(["accountEmail"]);

        var noChild = await officer.Http.PostAsync($"/api/children/{Guid.NewGuid()}/family", Json(Link("nobody@example.org")));
        await noChild.ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var notJson = await officer.Http.PostAsync($"/api/children/{childId}/family", RawJson("{ not json"));
        await notJson.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task LinkFamily_WithTheChecks_LinksTheAccountAndEmailsTheFamilyAlreadyLinked()
    {
        var officer = await factory.SignInAsNewUserAsync(Roles.PersonalisationOfficer);
        var (childId, first, _) = await ChildOfAFamilyAsync(officer);
        var second = await factory.SignInAsNewUserAsync(Roles.Family);

        var response = await officer.Http.PostAsync($"/api/children/{childId}/family", Json(Link(second.User.Email)));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await response.ReadArrayAsync()).Select(f => f!["email"].Text()).ShouldBe([first.User.Email, second.User.Email], ignoreOrder: true);
        (await second.Http.GetAsync($"/api/children/{childId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var member = await factory.Data.WithDbAsync(db => db.ChildFamilyMembers.SingleAsync(m => m.ChildId == childId && m.UserId == second.User.Id));
        member.IdentityCheck.ShouldBe("Saw his passport at the office.");
        member.ParentalResponsibilityCheck.ShouldBe("Named on the birth certificate, which I saw.");
        Directory.GetFiles(factory.MailFolder, "*.eml").Select(File.ReadAllText)
            .ShouldContain(e => e.Contains(first.User.Email!) && e.Contains("Another account can now see"));
    }

    [Theory]
    [InlineData(Roles.ReviewingOfficer)]
    [InlineData(Roles.Family)]
    [InlineData(Roles.Provider)]
    [InlineData(Roles.Admin)]
    public async Task LinkFamily_AsAnyoneButADecider_Returns403(string role)
    {
        var officer = await factory.SignInAsNewUserAsync(Roles.PersonalisationOfficer);
        var (childId, _, _) = await ChildOfAFamilyAsync(officer);
        var other = await factory.SignInAsNewUserAsync(role);
        var someone = await factory.SignInAsNewUserAsync(Roles.Family);

        var response = await other.Http.PostAsync($"/api/children/{childId}/family", Json(Link(someone.User.Email)));

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await factory.Data.WithDbAsync(db => db.ChildFamilyMembers.CountAsync(m => m.ChildId == childId))).ShouldBe(1);
    }
}
