using System.Net;
using Microsoft.EntityFrameworkCore;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Requests;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Staff.Tests.Caseloads;

/// <summary>
/// Who sees which children, by page and by API, under a scheme where personalisation officers see their own caseload,
/// reviewing officers their team's and team managers every child.
/// </summary>
public class VisibilityTests(VisibilityFactory factory) : IClassFixture<VisibilityFactory>
{
    private Task<Child> KeyWorkerChildAsync(string keyWorkerId) =>
        factory.Data.ChildAsync(c => { c.KeyWorkerId = keyWorkerId; c.Tier = Tier.FlexibleShortBreaks; });

    private static async Task<HttpStatusCode> ApiStatusAsync(PageClient browser, Guid childId) =>
        (await browser.Http.GetAsync($"/api/children/{childId}")).StatusCode;

    [Fact]
    public async Task Own_AnOfficerSeesTheirOwnChildAndOneTheyDecided_NotAnothers()
    {
        var (browser, me) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);
        var other = await factory.CreateUserAsync(Roles.PersonalisationOfficer);
        var mine = await KeyWorkerChildAsync(me.Id);
        var theirs = await KeyWorkerChildAsync(other.Id);
        var decided = await KeyWorkerChildAsync(other.Id);
        await factory.Data.WithDbAsync(async db =>
        {
            var request = await factory.Data.CreateSubmittedRequestAsync(child: decided);
            db.Decisions.Add(new RequestDecision
            {
                RequestId = request.Id, ChildId = decided.Id, DecidedByUserId = me.Id, DecidedByName = me.Name, DecidedAt = DateTime.UtcNow, SchemeVersion = "2026.1",
            });
            await db.SaveChangesAsync();
        });

        (await browser.GetPageAsync($"/staff/children/{mine.Id}")).Status.ShouldBe(HttpStatusCode.OK);
        (await browser.GetPageAsync($"/staff/children/{decided.Id}")).Status.ShouldBe(HttpStatusCode.OK);
        (await browser.GetPageAsync($"/staff/children/{theirs.Id}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await browser.GetPageAsync($"/staff/children/{theirs.Id}/packages")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await ApiStatusAsync(browser, mine.Id)).ShouldBe(HttpStatusCode.OK);
        (await ApiStatusAsync(browser, decided.Id)).ShouldBe(HttpStatusCode.OK);
        (await ApiStatusAsync(browser, theirs.Id)).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Own_SearchListsOnlyTheChildrenTheOfficerSees()
    {
        var (browser, me) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);
        var other = await factory.CreateUserAsync(Roles.PersonalisationOfficer);
        var surname = TestData.NewName();
        var mine = await factory.Data.ChildAsync(c => { c.KeyWorkerId = me.Id; c.LastName = surname; });
        var theirs = await factory.Data.ChildAsync(c => { c.KeyWorkerId = other.Id; c.LastName = surname; });

        var page = await browser.GetPageAsync("/staff/search?q=" + surname);

        var listed = page.Html.QuerySelectorAll("#child-results tbody tr td:nth-child(2)").Select(td => td.TextContent.Trim()).ToList();
        listed.ShouldBe([mine.Reference]);
        (await browser.GetPageAsync("/staff/search?q=" + theirs.Reference)).Html.QuerySelector("#child-results").ShouldBeNull();
    }

    [Fact]
    public async Task Own_ADecidedRequestAboutAHiddenChildIsHidden_ButOneWaitingAtTheDutyPointIsOpen()
    {
        var (browser, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);
        var other = await factory.CreateUserAsync(Roles.PersonalisationOfficer);
        var theirs = await KeyWorkerChildAsync(other.Id);
        var waiting = await factory.Data.CreateSubmittedRequestAsync(child: theirs);
        var decided = await factory.Data.CreateSubmittedRequestAsync(child: theirs, configure: r => r.Status = RequestStatus.Decided);

        (await browser.GetPageAsync($"/staff/requests/{waiting.Id}")).Status.ShouldBe(HttpStatusCode.OK);
        (await browser.GetPageAsync($"/staff/requests/{decided.Id}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await browser.Http.GetAsync($"/api/requests/{decided.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Team_AReviewingOfficerSeesTheirTeamsChildren_NotAnotherTeams()
    {
        var (browser, me) = await factory.SignedInAsAsync(Roles.ReviewingOfficer);
        var colleague = await factory.CreateUserAsync(Roles.PersonalisationOfficer);
        var stranger = await factory.CreateUserAsync(Roles.PersonalisationOfficer);
        var team = TestData.NewName();
        await factory.Data.WithDbAsync(async db =>
        {
            foreach (var user in await db.Users.Where(u => u.Id == me.Id || u.Id == colleague.Id).ToListAsync()) user.Team = team;
            foreach (var user in await db.Users.Where(u => u.Id == stranger.Id).ToListAsync()) user.Team = team + " South";
            // Saved as the service saves a move of team, so the accounts' change stamp moves with it.
            await db.SaveChangesAsync();
        });
        var colleagues = await KeyWorkerChildAsync(colleague.Id);
        var strangers = await KeyWorkerChildAsync(stranger.Id);

        (await browser.GetPageAsync($"/staff/children/{colleagues.Id}")).Status.ShouldBe(HttpStatusCode.OK);
        (await browser.GetPageAsync($"/staff/children/{strangers.Id}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await ApiStatusAsync(browser, colleagues.Id)).ShouldBe(HttpStatusCode.OK);
        (await ApiStatusAsync(browser, strangers.Id)).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task All_AManagerSeesEveryChild()
    {
        var (browser, _) = await factory.SignedInAsAsync(Roles.TeamManager);
        var officer = await factory.CreateUserAsync(Roles.PersonalisationOfficer);
        var child = await KeyWorkerChildAsync(officer.Id);

        (await browser.GetPageAsync($"/staff/children/{child.Id}")).Status.ShouldBe(HttpStatusCode.OK);
        (await ApiStatusAsync(browser, child.Id)).ShouldBe(HttpStatusCode.OK);
    }
}
