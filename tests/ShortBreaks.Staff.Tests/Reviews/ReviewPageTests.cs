using System.Net;
using Microsoft.EntityFrameworkCore;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Plans;
using ShortBreaks.Core.Reviews;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Staff.Tests.Reviews;

/// <summary>The reviewing officer's worklist and review page: book, record and decide, with errors, stale saves and garbage filters.</summary>
public class ReviewPageTests(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private static DateOnly Today => Core.Calendar.UkCalendar.DateOf(DateTime.UtcNow);

    private async Task<(Child Child, Review Review)> DueReviewAsync(string? officerId = null, int dueInDays = 7)
    {
        var child = await app.Data.CreateChildAsync(tier: Tier.FlexibleShortBreaks, keyWorkerId: officerId);
        return await app.Data.WithDbAsync(async db =>
        {
            var review = new Review { ChildId = child.Id, Kind = ReviewKind.Annual, DueOn = Today.AddDays(dueInDays), State = ReviewState.Due, CreatedAt = DateTime.UtcNow, OfficerId = officerId, OfficerName = officerId is null ? null : "An officer" };
            db.Reviews.Add(review);
            await db.SaveChangesAsync();
            return (child, review);
        });
    }

    private static Dictionary<string, string?> Booking(DateOnly on) => new()
    {
        ["Date-day"] = on.Day.ToString(), ["Date-month"] = on.Month.ToString(), ["Date-year"] = on.Year.ToString(),
        ["Time"] = "10:30am", ["Meeting"] = "Call", ["Place"] = "07700 900123", ["Invited"] = "Mum and the PA",
    };

    [Fact]
    public async Task AReviewingOfficer_FindsTheirReviewOnTheWorklist_BooksRecordsAndDecidesIt_AndTheLetterIsKept()
    {
        var (officer, user) = await app.SignedInAsAsync(Roles.ReviewingOfficer);
        var (child, review) = await DueReviewAsync(user.Id);

        var home = await officer.GetPageAsync("/staff");
        home.Get("#reviews-link").GetAttribute("href").ShouldBe("/staff/reviews");
        var worklist = await officer.GetPageAsync("/staff/reviews");
        worklist.Status.ShouldBe(HttpStatusCode.OK);
        worklist.Get("#reviews").TextContent.ShouldContain(child.Reference);
        Page.Normalise(worklist.Get("#caseload-reviews").TextContent).ShouldStartWith("1 of a guide of about");

        var page = await officer.GetPageAsync($"/staff/reviews/{review.Id}");
        var missing = await officer.SubmitAsync(page, "#book-form", new() { ["Time"] = "", ["Place"] = "" });
        missing.ErrorSummary().ShouldBe(["Enter the date of the review", "Enter the time of the review", "Choose whether the review is in person or a call", "Enter where the review is held", "Enter who is invited"]);
        missing.Get("title").TextContent.ShouldStartWith("Error: ");
        var booked = await officer.FollowAsync(await officer.SubmitAsync(missing, "#book-form", Booking(Today.AddDays(3))));
        booked.Get("#done").TextContent.ShouldContain("The review is booked");

        var recordMissing = await officer.SubmitAsync(booked, "#record-form", new() { ["HeldOn-day"] = "31", ["HeldOn-month"] = "2", ["HeldOn-year"] = "2026" });
        recordMissing.ErrorSummary().First().ShouldContain("real date");
        recordMissing.Get("#HeldOn-day").GetAttribute("value").ShouldBe("31", "what was typed is kept");
        var recorded = await officer.FollowAsync(await officer.SubmitAsync(recordMissing, "#record-form", new()
        {
            ["HeldOn-day"] = Today.Day.ToString(), ["HeldOn-month"] = Today.Month.ToString(), ["HeldOn-year"] = Today.Year.ToString(),
            ["Attended"] = "Mum, the PA", ["ChildVoice"] = "Likes the youth club.", ["WhatIsWorking"] = "The club", ["WhatIsNotWorking"] = "Holidays",
            ["BudgetAlreadyBuys"] = "Two hours a week at the club",
        }));
        Page.Normalise(recorded.Get("#state").TextContent).ShouldBe("Held, outcome to decide");

        var decided = await officer.FollowAsync(await officer.SubmitAsync(recorded, "#decide-form", new() { ["Decision"] = "ContinueAsIs", ["Reasons"] = "Going well." }));
        Page.Normalise(decided.Get("#decision").TextContent).ShouldBe("Continue as it is");
        var letterLink = decided.Get("#letter").GetAttribute("href")!;
        var letter = await officer.GetPageAsync(letterLink);
        letter.Status.ShouldBe(HttpStatusCode.OK);
        letter.Html.Body!.TextContent.ShouldContain("Likes the youth club.");
        var stored = await app.Data.WithDbAsync(db => db.Reviews.AsNoTracking().SingleAsync(r => r.Id == review.Id));
        (stored.State, stored.NextReviewDue).ShouldBe((ReviewState.Completed, Today.AddYears(1)));
        (await app.Data.WithDbAsync(db => db.AuditEntries.AsNoTracking().AnyAsync(a => a.EntityType == nameof(Review) && a.Action == "view" && a.ChildId == child.Id))).ShouldBeTrue();
    }

    [Fact]
    public async Task ASecondOfficerSavingAStaleBooking_IsTold_AndKeepsWhatTheyTyped()
    {
        var (first, _) = await app.SignedInAsAsync(Roles.ReviewingOfficer);
        var (second, _) = await app.SignedInAsAsync(Roles.PersonalisationOfficer);
        var (_, review) = await DueReviewAsync();
        var firstPage = await first.GetPageAsync($"/staff/reviews/{review.Id}");
        var secondPage = await second.GetPageAsync($"/staff/reviews/{review.Id}");

        (await first.SubmitAsync(firstPage, "#book-form", Booking(Today.AddDays(3)))).RedirectPath.ShouldNotBeNull();
        var stale = await second.SubmitAsync(secondPage, "#book-form", Booking(Today.AddDays(4)));

        stale.ErrorSummary().Single().ShouldContain("Someone else changed this review");
        stale.Get("#Place").GetAttribute("value").ShouldBe("07700 900123");
    }

    [Fact]
    public async Task GarbageFilters_AreShownAsErrors_NeverA500()
    {
        var (officer, _) = await app.SignedInAsAsync(Roles.TeamManager);
        var page = await officer.GetPageAsync("/staff/reviews?officer=nobody&kind=7&state=Nope&when=soon&weeks=-3&p=zz");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.ErrorSummary().ShouldBe(["Choose an officer from the list", "Choose a kind of review from the list", "Choose a state from the list", "Choose when the reviews are due", "Enter a number of weeks from 1 to 104"]);
        page.Find("#reviews").ShouldBeNull();
        (await officer.GetPageAsync("/staff/reviews?when=overdue&kind=RasPackage&state=Due&officer=none&p=9")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TheOfficerFilter_OffersTheViewersTeam_AndStillHonoursAnOfficerFromAnotherTeam()
    {
        var team = "Team " + TestData.NewName();
        var (manager, me) = await app.SignedInAsAsync(Roles.TeamManager);
        var colleague = await app.CreateUserAsync(Roles.ReviewingOfficer, TestData.NewName());
        var other = await app.CreateUserAsync(Roles.ReviewingOfficer, TestData.NewName());
        await app.Data.WithDbAsync(async db =>
        {
            foreach (var user in db.Users.Where(u => u.Id == me.Id || u.Id == colleague.Id)) user.Team = team;
            foreach (var user in db.Users.Where(u => u.Id == other.Id)) user.Team = team + " North";
            return await db.SaveChangesAsync();
        });
        var (child, _) = await DueReviewAsync(other.Id);

        var worklist = await manager.GetPageAsync("/staff/reviews");
        var offered = worklist.Html.QuerySelectorAll("select[name=officer] option").Select(o => o.GetAttribute("value")).ToList();
        var chosen = await manager.GetPageAsync($"/staff/reviews?officer={other.Id}");

        offered.ShouldBe(["", "mine", "none", colleague.Id]);
        Page.Normalise(worklist.Get("#officer-hint").TextContent).ShouldBe($"Reviewing officers in your team, {team}");
        chosen.ErrorSummary().ShouldBeEmpty();
        chosen.Get("select[name=officer] option[selected]").GetAttribute("value").ShouldBe(other.Id);
        chosen.Get("#reviews").TextContent.ShouldContain(child.Reference);
    }

    [Fact]
    public async Task ALaterPage_ListsTheReviewsAfterTheFirstFifty_InDueOrder()
    {
        var (manager, _) = await app.SignedInAsAsync(Roles.TeamManager);
        var officer = await app.CreateUserAsync(Roles.ReviewingOfficer, TestData.NewName());
        var children = new List<Child>();
        for (var i = 0; i < 52; i++) children.Add((await DueReviewAsync(officer.Id, dueInDays: 1 + i)).Child);

        var second = await manager.GetPageAsync($"/staff/reviews?officer={officer.Id}&when=any&p=2");

        Page.Normalise(second.Get("#reviews caption").TextContent).ShouldBe("52 reviews");
        second.Html.QuerySelectorAll("#reviews tbody tr").Select(r => r.TextContent).ShouldSatisfyAllConditions(
            rows => rows.Count().ShouldBe(2),
            rows => rows.First().ShouldContain(children[50].Reference),
            rows => rows.Last().ShouldContain(children[51].Reference));
    }

    [Theory]
    [InlineData(Roles.Family)]
    [InlineData(Roles.Provider)]
    [InlineData(Roles.FinanceOfficer)]
    public async Task OnlyCaseStaff_OpenTheWorklistOrAReview(string role)
    {
        var (browser, _) = await app.SignedInAsAsync(role);
        var (_, review) = await DueReviewAsync();
        foreach (var url in new[] { "/staff/reviews", $"/staff/reviews/{review.Id}" })
        {
            var page = await browser.GetPageAsync(url);
            (page.Status == HttpStatusCode.NotFound || page.RedirectPath?.StartsWith("/access-denied", StringComparison.Ordinal) == true).ShouldBeTrue(url);
        }
    }

    [Fact]
    public async Task AStepUpDecided_StartsTheRasAssessment_AndTheReviewAndTheRecordLinkToIt()
    {
        var (officer, user) = await app.SignedInAsAsync(Roles.ReviewingOfficer);
        var (child, review) = await DueReviewAsync(user.Id);
        var page = await officer.GetPageAsync($"/staff/reviews/{review.Id}");
        var booked = await officer.FollowAsync(await officer.SubmitAsync(page, "#book-form", Booking(Today)));
        var recorded = await officer.FollowAsync(await officer.SubmitAsync(booked, "#record-form", new()
        {
            ["HeldOn-day"] = Today.Day.ToString(), ["HeldOn-month"] = Today.Month.ToString(), ["HeldOn-year"] = Today.Year.ToString(),
            ["Attended"] = "Mum, the PA", ["ChildVoice"] = "Wants more time out.", ["WhatIsWorking"] = "The club", ["WhatIsNotWorking"] = "Weekends",
            ["BudgetAlreadyBuys"] = "Two hours a week at the club",
        }));

        var decided = await officer.FollowAsync(await officer.SubmitAsync(recorded, "#decide-form", new() { ["Decision"] = "StepUp", ["Reasons"] = "Needs have grown." }));

        var assessmentId = await app.Data.WithDbAsync(db => db.RasAssessments.AsNoTracking().Where(a => a.ChildId == child.Id).Select(a => a.Id).SingleAsync());
        decided.Get("#follow-up-ras").GetAttribute("href").ShouldBe($"/staff/children/{child.Id}/ras/{assessmentId}");
        decided.Get("#follow-up-plan").GetAttribute("href").ShouldBe($"/staff/children/{child.Id}/plan/edit");
        (await officer.GetAsync($"/staff/children/{child.Id}/ras/{assessmentId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var record = await officer.GetPageAsync($"/staff/children/{child.Id}");
        var item = record.Get("#timeline").QuerySelectorAll("li").Single(li => li.TextContent.Contains("Step up to Targeted Short Breaks started after the review"));
        item.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ShouldBe([$"/staff/children/{child.Id}/ras/start", $"/staff/children/{child.Id}/plan"]);
        var task = await app.Data.WithDbAsync(db => db.PersonMessages.AsNoTracking().SingleAsync(m => m.TaskKey == PlanApprovalService.ChangeTask(child.Id)));
        (task.UserId, task.Link).ShouldBe((user.Id, $"/staff/children/{child.Id}/ras/{assessmentId}"));
    }
}
