using System.Net;
using Microsoft.EntityFrameworkCore;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Plans;
using ShortBreaks.Core.Reviews;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Web.Tests.Account;

/// <summary>A family sees their child's booked review, sends their views, and reads the record; nobody else's family or a provider can.</summary>
public class FamilyReviewTests(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private static DateOnly Today => Core.Calendar.UkCalendar.DateOf(DateTime.UtcNow);

    private async Task<(Child Child, Review Review)> BookedReviewAsync(string familyUserId)
    {
        var child = await app.Data.CreateChildAsync(firstName: "Sam", tier: Tier.FlexibleShortBreaks);
        return await app.Data.WithDbAsync(async db =>
        {
            db.ChildFamilyMembers.Add(new ChildFamilyMember { ChildId = child.Id, UserId = familyUserId, Relationship = "Mother", AddedAt = DateTime.UtcNow });
            var review = new Review
            {
                ChildId = child.Id, Kind = ReviewKind.Annual, DueOn = Today.AddDays(10), State = ReviewState.Booked, CreatedAt = DateTime.UtcNow,
                BookedFor = Today.AddDays(9), BookedTime = "2pm", Meeting = ReviewMeeting.InPerson, Place = "Sam's school", Invited = "Mum and Sam",
                BookedAt = DateTime.UtcNow, BookedByName = "Rhiannon Reviewer", ViewsDueBy = Today.AddDays(2),
            };
            db.Reviews.Add(review);
            await db.SaveChangesAsync();
            return (child, review);
        });
    }

    [Fact]
    public async Task AFamily_FindsTheBookedReview_SendsTheirViews_WithErrorsKeepingWhatTheyTyped()
    {
        var (family, user) = await app.SignedInAsAsync(Roles.Family);
        var (_, review) = await BookedReviewAsync(user.Id);

        var account = await family.GetPageAsync("/account");
        account.Get("#reviews a").GetAttribute("href").ShouldBe($"/account/reviews/{review.Id}");
        var page = await family.GetPageAsync($"/account/reviews/{review.Id}");
        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Get("#when").TextContent.ShouldContain("2pm");

        var empty = await family.SubmitAsync(page, "#views-form", new() { ["ChildViews"] = "", ["FamilyViews"] = "" });
        empty.ErrorSummary().ShouldBe(["Enter the child's views, the family's views, or both"]);
        var hidden = await family.SubmitAsync(empty, "#views-form", new() { ["ChildViews"] = "I like the club\u0000", ["FamilyViews"] = "Weekends help." });
        hidden.ErrorSummary().Single().ShouldContain("hidden characters");
        var tooLong = await family.SubmitAsync(hidden, "#views-form", new() { ["ChildViews"] = new string('x', 3001), ["FamilyViews"] = "Weekends help." });
        tooLong.ErrorSummary().ShouldBe(["The child's views must be 3000 characters or fewer"]);
        tooLong.Get("#FamilyViews").TextContent.Trim().ShouldBe("Weekends help.", "what was typed is kept");

        var sent = await family.FollowAsync(await family.SubmitAsync(tooLong, "#views-form", new() { ["ChildViews"] = "I like the club", ["FamilyViews"] = "Weekends help." }));
        sent.Get("#sent").ShouldNotBeNull();
        var stored = await app.Data.WithDbAsync(db => db.Reviews.AsNoTracking().SingleAsync(r => r.Id == review.Id));
        (stored.ChildViews, stored.FamilyViews).ShouldBe(("I like the club", "Weekends help."));
    }

    [Theory]
    [InlineData(Roles.Family)]
    [InlineData(Roles.Provider)]
    public async Task AnotherFamily_OrAProvider_CannotSeeOrAnswerTheReview(string role)
    {
        var (_, owner) = await app.SignedInAsAsync(Roles.Family);
        var (_, review) = await BookedReviewAsync(owner.Id);
        var (stranger, _) = await app.SignedInAsAsync(role);

        var page = await stranger.GetPageAsync($"/account/reviews/{review.Id}");
        (page.Status == HttpStatusCode.NotFound || page.RedirectPath?.StartsWith("/access-denied", StringComparison.Ordinal) == true).ShouldBeTrue();
        var post = await stranger.PostAsync($"/account/reviews/{review.Id}", ("ChildViews", "Taken over"), ("SeenVersion", "0"));
        post.StatusCode.ShouldNotBe(HttpStatusCode.OK);
        (await app.Data.WithDbAsync(db => db.Reviews.AsNoTracking().SingleAsync(r => r.Id == review.Id))).ChildViews.ShouldBeNull();
    }
}
