using System.Net;
using System.Text.Json.Nodes;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Complaints;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Plans;
using ShortBreaks.Core.Reviews;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Staff.Tests.Caseloads;

/// <summary>
/// Who sees which children through the reviews and complaints APIs, under the scheme of <see cref="VisibilityFactory"/>:
/// personalisation officers their own caseload, reviewing officers their team's, team managers every child. A child hidden
/// from someone is left out of every list and its single records are not found, as on the pages.
/// </summary>
public class VisibilityApiTests(VisibilityFactory factory) : IClassFixture<VisibilityFactory>
{
    private static DateOnly Today => Core.Calendar.UkCalendar.DateOf(DateTime.UtcNow);

    private Task<Child> KeyWorkerChildAsync(string keyWorkerId) =>
        factory.Data.ChildAsync(c => { c.KeyWorkerId = keyWorkerId; c.Tier = Tier.FlexibleShortBreaks; });

    private Task<Review> ReviewAsync(Guid childId, string? officerId) => factory.Data.WithDbAsync(async db =>
    {
        var review = new Review
        {
            ChildId = childId, Kind = ReviewKind.Annual, DueOn = Today.AddDays(5), State = ReviewState.Due, CreatedAt = DateTime.UtcNow,
            OfficerId = officerId, OfficerName = officerId is null ? null : "An officer",
        };
        db.Reviews.Add(review);
        await db.SaveChangesAsync();
        return review;
    });

    /// <summary>A complaint about the child, its first stage handled by <paramref name="ownerId"/>.</summary>
    private Task<Guid> ComplaintAsync(Guid childId, string ownerId) => factory.Data.WithDbAsync(async db =>
    {
        var complaint = TestData.AddComplaintRows(db, childId, TestData.NewName(), Today);
        complaint.Stages[0].OwnerUserId = ownerId;
        await db.SaveChangesAsync();
        return complaint.Id;
    });

    private static async Task<List<Guid>> IdsAsync(PageClient browser, string url)
    {
        var response = await browser.Http.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return JsonNode.Parse(text)!["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()).ToList();
    }

    [Fact]
    public async Task Own_AnOfficerListsAndReadsTheirOwnChildsReview_NotAnothersOnTheWorklistOrByItsId()
    {
        var (browser, me) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);
        var other = await factory.CreateUserAsync(Roles.PersonalisationOfficer);
        var mine = await ReviewAsync((await KeyWorkerChildAsync(me.Id)).Id, null);
        var theirs = await ReviewAsync((await KeyWorkerChildAsync(other.Id)).Id, null);

        var listed = await IdsAsync(browser, "/api/reviews?officer=none&when=any");

        listed.ShouldContain(mine.Id);
        listed.ShouldNotContain(theirs.Id);
        (await browser.Http.GetAsync($"/api/reviews/{mine.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await browser.Http.GetAsync($"/api/reviews/{theirs.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Team_AReviewingOfficerListsTheirTeamsReviews_NotAnotherTeams()
    {
        var (browser, me) = await factory.SignedInAsAsync(Roles.ReviewingOfficer);
        var colleague = await factory.CreateUserAsync(Roles.PersonalisationOfficer);
        var stranger = await factory.CreateUserAsync(Roles.PersonalisationOfficer);
        var team = TestData.NewName();
        await factory.Data.WithDbAsync(async db =>
        {
            foreach (var user in db.Users.Where(u => u.Id == me.Id || u.Id == colleague.Id)) user.Team = team;
            foreach (var user in db.Users.Where(u => u.Id == stranger.Id)) user.Team = team + " South";
            await db.SaveChangesAsync();
        });
        var colleagues = await ReviewAsync((await KeyWorkerChildAsync(colleague.Id)).Id, null);
        var strangers = await ReviewAsync((await KeyWorkerChildAsync(stranger.Id)).Id, null);

        var listed = await IdsAsync(browser, "/api/reviews?officer=all&when=any");

        listed.ShouldContain(colleagues.Id);
        listed.ShouldNotContain(strangers.Id);
        (await browser.Http.GetAsync($"/api/reviews/{colleagues.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await browser.Http.GetAsync($"/api/reviews/{strangers.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Own_AHandlerListsAndReadsTheCasesOfChildrenTheySee_NotOneAboutAChildHiddenFromThem()
    {
        var (browser, me) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);
        var other = await factory.CreateUserAsync(Roles.PersonalisationOfficer);
        var mine = await ComplaintAsync((await KeyWorkerChildAsync(me.Id)).Id, me.Id);
        var hidden = await ComplaintAsync((await KeyWorkerChildAsync(other.Id)).Id, me.Id);

        var listed = await IdsAsync(browser, "/api/complaints?show=all");

        listed.ShouldContain(mine);
        listed.ShouldNotContain(hidden);
        (await browser.Http.GetAsync($"/api/complaints/{mine}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await browser.Http.GetAsync($"/api/complaints/{hidden}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task All_AManagerListsEveryChildsReviewsAndCases()
    {
        var (browser, _) = await factory.SignedInAsAsync(Roles.TeamManager);
        var officer = await factory.CreateUserAsync(Roles.PersonalisationOfficer);
        var child = await KeyWorkerChildAsync(officer.Id);
        var review = await ReviewAsync(child.Id, officer.Id);
        var complaint = await ComplaintAsync(child.Id, officer.Id);

        (await IdsAsync(browser, "/api/reviews?officer=all&when=any")).ShouldContain(review.Id);
        (await IdsAsync(browser, "/api/complaints?show=all")).ShouldContain(complaint);
        (await browser.Http.GetAsync($"/api/reviews/{review.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await browser.Http.GetAsync($"/api/complaints/{complaint}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
