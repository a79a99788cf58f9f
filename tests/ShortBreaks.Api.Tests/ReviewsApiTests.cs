using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ShortBreaks.Api.Tests.Infrastructure;
using ShortBreaks.Core.Calendar;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Plans;
using ShortBreaks.Core.Reviews;
using ShortBreaks.TestCommon;
using static ShortBreaks.Api.Tests.Infrastructure.ApiTestData;

namespace ShortBreaks.Api.Tests;

/// <summary>The reviews API: the worklist, one review, and booking, recording and deciding it, with the pages' rules.</summary>
[Collection(ApiCollection.Name)]
public sealed class ReviewsApiTests(WebAppFactory factory)
{
    private static DateOnly Today => UkCalendar.DateOf(DateTime.UtcNow);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<(Child Child, Review Review)> DueReviewAsync(string? officerId, int dueInDays = 7)
    {
        var child = await factory.Data.CreateChildAsync(tier: Tier.FlexibleShortBreaks, keyWorkerId: officerId);
        return await factory.Data.WithDbAsync(async db =>
        {
            var review = new Review
            {
                ChildId = child.Id, Kind = ReviewKind.Annual, DueOn = Today.AddDays(dueInDays), State = ReviewState.Due, CreatedAt = DateTime.UtcNow,
                OfficerId = officerId, OfficerName = officerId is null ? null : "An officer",
            };
            db.Reviews.Add(review);
            await db.SaveChangesAsync();
            return (child, review);
        });
    }

    private static JsonObject Booking(long version, DateOnly? on = null) => new()
    {
        ["date"] = Day(on ?? Today.AddDays(3)), ["time"] = "10:30am", ["meeting"] = "Call", ["place"] = "07700 900123", ["invited"] = "Mum and the PA",
        ["version"] = version,
    };

    private static JsonObject Record(long version) => new()
    {
        ["heldOn"] = Day(Today), ["attended"] = "Mum, the PA", ["childVoice"] = "Likes the youth club.", ["progress"] = new JsonArray(),
        ["whatIsWorking"] = "The club", ["whatIsNotWorking"] = "Holidays", ["budgetAlreadyBuys"] = "Two hours a week at the club", ["version"] = version,
    };

    private static long Version(JsonObject review) => review["version"]!.GetValue<long>();

    [Fact]
    public async Task An_officer_lists_their_review_books_records_and_decides_it_and_each_read_is_audited()
    {
        var (officer, user) = await factory.SignedInAsAsync(Roles.ReviewingOfficer);
        var (child, review) = await DueReviewAsync(user.Id);

        var list = await officer.Http.GetAsync("/api/reviews");
        list.StatusCode.ShouldBe(HttpStatusCode.OK, await list.Content.ReadAsStringAsync());
        var page = await list.ReadObjectAsync();
        page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()).ShouldBe([review.Id], "a reviewing officer's worklist is their own by default");
        page["caseload"]!["openReviews"]!.GetValue<int>().ShouldBe(1);

        var read = await (await officer.Http.GetAsync($"/api/reviews/{review.Id}")).ReadObjectAsync();
        read["state"].Text().ShouldBe("Due");
        var booked = await officer.Http.PostAsync($"/api/reviews/{review.Id}/booking", Json(Booking(Version(read))));
        booked.StatusCode.ShouldBe(HttpStatusCode.OK, await booked.Content.ReadAsStringAsync());
        var afterBooking = await booked.ReadObjectAsync();
        (afterBooking["state"].Text(), afterBooking["meeting"].Text(), afterBooking["bookedFor"].Text()).ShouldBe(("Booked", "Call", Day(Today.AddDays(3))));
        afterBooking["viewsDueBy"].ShouldNotBeNull();

        var recorded = await officer.Http.PostAsync($"/api/reviews/{review.Id}/record", Json(Record(Version(afterBooking))));
        recorded.StatusCode.ShouldBe(HttpStatusCode.OK, await recorded.Content.ReadAsStringAsync());
        var decided = await officer.Http.PostAsync($"/api/reviews/{review.Id}/decision",
            Json(new JsonObject { ["decision"] = "ContinueAsIs", ["reasons"] = "Going well.", ["version"] = Version(await recorded.ReadObjectAsync()) }));
        decided.StatusCode.ShouldBe(HttpStatusCode.OK, await decided.Content.ReadAsStringAsync());

        var done = await decided.ReadObjectAsync();
        (done["state"].Text(), done["decision"].Text(), done["nextReviewDue"].Text()).ShouldBe(("Completed", "ContinueAsIs", Day(Today.AddYears(1))));
        done["letterId"].ShouldNotBeNull();
        var views = await factory.Data.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(Review) && a.Action == "view" && a.ChildId == child.Id && a.UserId == user.Id).Select(a => a.EntityId).ToListAsync());
        views.ShouldContain("worklist");
        views.ShouldContain(review.Id.ToString());
    }

    [Fact]
    public async Task The_worklist_filters_as_the_page_does_and_garbage_filters_are_a_validation_problem()
    {
        var (manager, _) = await factory.SignedInAsAsync(Roles.TeamManager);
        var (_, overdue) = await DueReviewAsync(null, dueInDays: -3);
        var (_, later) = await DueReviewAsync(null, dueInDays: 200);

        var overdueOnly = await (await manager.Http.GetAsync("/api/reviews?officer=none&when=overdue&kind=Annual&state=Due")).ReadObjectAsync();
        var ids = overdueOnly["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()).ToList();
        ids.ShouldContain(overdue.Id);
        ids.ShouldNotContain(later.Id);
        overdueOnly["items"]!.AsArray().ShouldAllBe(i => i!["overdue"]!.GetValue<bool>());

        var garbage = await manager.Http.GetAsync("/api/reviews?officer=nobody&kind=7&state=Nope&when=soon&weeks=-3&page=zz");
        (await garbage.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorKeys().ShouldBe(["officer", "when", "weeks", "kind", "state", "page"], ignoreOrder: true);
        foreach (var query in new[] { "weeks=105", "weeks=1e3", "kind=section17_6", "state=0", "page=0", "page=99999999999999999999", "officer=%00" })
        {
            ((int)(await manager.Http.GetAsync("/api/reviews?" + query)).StatusCode).ShouldBe(400, query);
        }
    }

    [Fact]
    public async Task A_stale_version_is_a_409_problem_and_the_first_booking_stands()
    {
        var (first, user) = await factory.SignedInAsAsync(Roles.ReviewingOfficer);
        var (second, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);
        var (_, review) = await DueReviewAsync(user.Id);
        var seen = Version(await (await first.Http.GetAsync($"/api/reviews/{review.Id}")).ReadObjectAsync());

        (await first.Http.PostAsync($"/api/reviews/{review.Id}/booking", Json(Booking(seen)))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var stale = await second.Http.PostAsync($"/api/reviews/{review.Id}/booking", Json(Booking(seen, Today.AddDays(9))));
        var staleDecision = await second.Http.PostAsync($"/api/reviews/{review.Id}/decision",
            Json(new JsonObject { ["decision"] = "Close", ["reasons"] = "x", ["version"] = seen }));

        (await stale.ShouldBeProblemAsync(HttpStatusCode.Conflict))["detail"].Text()!.ShouldContain("Someone else changed this review");
        (await staleDecision.ShouldBeProblemAsync(HttpStatusCode.BadRequest))["title"].Text().ShouldBe("This cannot be done to the review as it is now");
        var stored = await factory.Data.WithDbAsync(db => db.Reviews.AsNoTracking().SingleAsync(r => r.Id == review.Id));
        stored.BookedFor.ShouldBe(Today.AddDays(3));
    }

    [Theory]
    [InlineData("booking", "not json")]
    [InlineData("booking", "[]")]
    [InlineData("booking", "{}")]
    [InlineData("booking", "{\"date\":\"tomorrow\",\"version\":1}")]
    [InlineData("booking", "{\"meeting\":\"Carrier pigeon\",\"version\":1}")]
    [InlineData("booking", "{\"meeting\":1,\"version\":1}")]
    [InlineData("booking", "{\"version\":\"one\"}")]
    [InlineData("booking", "{\"version\":1e400}")]
    [InlineData("booking", "{\"time\":\"10am\u0000\",\"version\":1}")]
    [InlineData("record", "{\"progress\":\"all good\",\"version\":1}")]
    [InlineData("record", "{\"progress\":[{\"outcome\":\"Made up\",\"progress\":\"Achieved\",\"evidence\":\"x\"}],\"version\":1}")]
    [InlineData("record", "{\"progress\":[{\"progress\":\"Brilliant\"}],\"version\":1}")]
    [InlineData("record", "{\"heldOn\":\"2026-02-31\",\"version\":1}")]
    [InlineData("decision", "{\"decision\":\"Celebrate\",\"version\":1}")]
    [InlineData("decision", "{\"decision\":\"Close\"}")]
    [InlineData("decision", "{\"decision\":null,\"reasons\":null,\"version\":1}")]
    public async Task Garbage_bodies_are_400_problem_details_and_nothing_changes(string move, string body)
    {
        var (officer, user) = await factory.SignedInAsAsync(Roles.ReviewingOfficer);
        var (_, review) = await DueReviewAsync(user.Id);

        var response = await officer.Http.PostAsync($"/api/reviews/{review.Id}/{move}", RawJson(body));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var stored = await factory.Data.WithDbAsync(db => db.Reviews.AsNoTracking().SingleAsync(r => r.Id == review.Id));
        (stored.State, stored.Version).ShouldBe((ReviewState.Due, review.Version));
    }

    [Fact]
    public async Task Huge_text_is_a_field_problem_and_a_whole_body_too_large_is_413()
    {
        var (officer, user) = await factory.SignedInAsAsync(Roles.ReviewingOfficer);
        var (_, review) = await DueReviewAsync(user.Id);

        var huge = await officer.Http.PostAsync($"/api/reviews/{review.Id}/booking", Json(Booking(review.Version).With("place", new string('x', 20_000))));
        var tooLarge = await officer.Http.PostAsync($"/api/reviews/{review.Id}/booking", Json(Booking(review.Version).With("place", new string('x', 200_000))));

        (await huge.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorKeys().ShouldBe(["place"]);
        await tooLarge.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Another_childs_or_a_made_up_review_is_not_found_and_progress_must_name_the_plans_outcomes()
    {
        var (officer, user) = await factory.SignedInAsAsync(Roles.ReviewingOfficer);
        var (_, review) = await DueReviewAsync(user.Id);
        var seen = Version(await (await officer.Http.GetAsync($"/api/reviews/{review.Id}")).ReadObjectAsync());
        var booked = Version(await (await officer.Http.PostAsync($"/api/reviews/{review.Id}/booking", Json(Booking(seen)))).ReadObjectAsync());

        var wrongOutcome = await officer.Http.PostAsync($"/api/reviews/{review.Id}/record",
            Json(Record(booked).With("progress", new JsonArray(new JsonObject { ["outcome"] = "Another child's outcome", ["progress"] = "Achieved", ["evidence"] = "x" }))));

        (await wrongOutcome.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorKeys().ShouldBe(["progress"]);
        await (await officer.Http.GetAsync($"/api/reviews/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await officer.Http.PostAsync($"/api/reviews/{Guid.NewGuid()}/booking", Json(Booking(1)))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await officer.Http.GetAsync("/api/reviews/not-a-guid")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(Roles.Family)]
    [InlineData(Roles.Provider)]
    [InlineData(Roles.FinanceOfficer)]
    public async Task Only_case_staff_use_the_reviews_api(string role)
    {
        var browser = await factory.SignInAsNewUserAsync(role);
        var (_, review) = await DueReviewAsync(null);

        await (await browser.Http.GetAsync("/api/reviews")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await browser.Http.GetAsync($"/api/reviews/{review.Id}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await browser.Http.PostAsync($"/api/reviews/{review.Id}/booking", Json(Booking(review.Version)))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await factory.Anonymous().GetAsync("/api/reviews")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
