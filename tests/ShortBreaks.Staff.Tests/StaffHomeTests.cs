using System.Net;
using Microsoft.EntityFrameworkCore;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Requests;
using ShortBreaks.Staff.Tests.Infrastructure;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Staff.Tests;

public class StaffHomeTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task Home_ShowsWhatIsWaitingTheCaseloadAndRecentDecisions()
    {
        var (browser, officer) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);
        var before = await browser.GetPageAsync("/staff");
        var awaiting = int.Parse(before.Get("#count-awaiting").TextContent);
        var overdue = int.Parse(before.Get("#count-overdue").TextContent);
        var unmatched = int.Parse(before.Get("#count-unmatched").TextContent);
        await factory.Data.SubmittedRequestAsync(r => r.SubmittedAt = factory.SubmittedWorkingDaysAgo(30));
        var (toDecide, _) = await factory.Data.MatchedRequestAsync();
        await factory.Data.ChildAsync(c => c.KeyWorkerId = officer.Id);

        await browser.DecideAsync(toDecide.Id, "FlexibleShortBreaksApproved", "Meets the threshold.");
        var page = await browser.GetPageAsync("/staff");

        page.Status.ShouldBe(HttpStatusCode.OK);
        int.Parse(page.Get("#count-awaiting").TextContent).ShouldBe(awaiting + 1);
        int.Parse(page.Get("#count-overdue").TextContent).ShouldBe(overdue + 1);
        int.Parse(page.Get("#count-unmatched").TextContent).ShouldBe(unmatched + 1);
        Page.Normalise(page.Get("#caseload").TextContent).ShouldBe("You are the key worker for 2 children. The guide for a personalisation officer is 40 to 50 families.");
        Page.Normalise(page.Get("#recent-decisions tbody").TextContent).ShouldContain($"{toDecide.Reference} {toDecide.ChildName} Flexible Short Breaks approved");
        page.Html.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ShouldContain("/staff/duty/new");
    }

    [Fact]
    public async Task AReviewingOfficer_IsNotOfferedPhoneRequestsAndSeesTheirOwnGuide()
    {
        var (browser, _) = await factory.SignedInAsAsync(Roles.ReviewingOfficer);

        var page = await browser.GetPageAsync("/staff");

        page.Html.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ShouldNotContain("/staff/duty/new");
        page.Get("#caseload").TextContent.ShouldContain("about 40 families, as well as about 50 reviews");
    }

    [Fact]
    public async Task StartingAPhoneRequest_MakesADutyPointDraftAndOpensItsFirstQuestion()
    {
        var (browser, officer) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);
        var page = await browser.GetPageAsync("/staff/duty/new");

        var result = await browser.SubmitAsync(page, "main form[method=post]", []);

        result.Status.ShouldBe(HttpStatusCode.Redirect);
        var draft = await factory.Data.WithDbAsync(db => db.Requests.SingleAsync(r => r.CreatedByUserId == officer.Id));
        result.RedirectPath.ShouldBe($"/apply/{draft.Id}/child-name");
        draft.Channel.ShouldBe(RequestChannel.DutyPoint);
        draft.Status.ShouldBe(RequestStatus.Draft);
        draft.FamilyUserId.ShouldBeNull();

        var list = await browser.GetPageAsync("/staff/duty/new");
        list.Get("#drafts").TextContent.ShouldContain(draft.Reference);
        list.Get("#drafts a").GetAttribute("href").ShouldBe($"/apply/{draft.Id}/child-name");
    }

    [Fact]
    public async Task UnsentPhoneRequests_ContinueAtTheFirstUnansweredQuestionAndOnlyTheOfficersOwnAreListed()
    {
        var (browser, officer) = await factory.SignedInAsAsync(Roles.TeamManager);
        var mine = await factory.Data.SubmittedRequestAsync(r =>
        {
            r.Channel = RequestChannel.DutyPoint; r.Status = RequestStatus.Draft; r.SubmittedAt = null;
            r.CreatedByUserId = officer.Id; r.NeedsInOwnWords = null;
        });
        var someoneElses = await factory.Data.SubmittedRequestAsync(r =>
        {
            r.Channel = RequestChannel.DutyPoint; r.Status = RequestStatus.Draft; r.SubmittedAt = null; r.CreatedByUserId = "another-officer";
        });

        var page = await browser.GetPageAsync("/staff/duty/new");

        page.Get("#drafts a").GetAttribute("href").ShouldBe($"/apply/{mine.Id}/own-words");
        page.Get("#drafts").TextContent.ShouldNotContain(someoneElses.Reference);
    }

    [Fact]
    public async Task AReviewingOfficer_CannotTakeAPhoneRequest()
    {
        var (browser, user) = await factory.SignedInAsAsync(Roles.ReviewingOfficer);
        var home = await browser.GetPageAsync("/staff");

        var get = await browser.GetPageAsync("/staff/duty/new");
        var post = await browser.PostRawAsync(home, "/staff/duty/new", []);

        get.RedirectPath!.ShouldStartWith("/access-denied");
        post.RedirectPath!.ShouldStartWith("/access-denied");
        (await factory.Data.WithDbAsync(db => db.Requests.CountAsync(r => r.CreatedByUserId == user.Id))).ShouldBe(0);
    }
}
