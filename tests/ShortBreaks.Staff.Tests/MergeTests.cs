using System.Net;
using Microsoft.EntityFrameworkCore;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Identity;
using ShortBreaks.Staff.Tests.Infrastructure;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Staff.Tests;

public class MergeTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private const string FindForm = "main form[method=get]";
    private const string MergeForm = "main form[method=post]";

    [Fact]
    public async Task Merging_MovesTheDuplicateRequestsAndTimelineAndIsAudited()
    {
        var (_, surviving) = await factory.Data.MatchedRequestAsync();
        var (duplicateRequest, duplicate) = await factory.Data.MatchedRequestAsync();
        await factory.Data.WithDbAsync(async db =>
        {
            db.TimelineEvents.Add(new TimelineEvent { ChildId = duplicate.Id, At = DateTime.UtcNow.AddDays(-2), Kind = "note", Summary = "Phoned the family", ActorName = "Someone" });
            await db.SaveChangesAsync();
        });
        var (browser, manager) = await factory.SignedInAsAsync(Roles.TeamManager);

        var page = await browser.GetPageAsync($"/staff/children/{surviving.Id}/merge");
        page = await browser.SubmitAsync(page, FindForm, new() { ["DuplicateReference"] = duplicate.Reference.ToLowerInvariant().Replace("-", " ") });
        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Get("#record-surviving").TextContent.ShouldContain(surviving.Reference);
        page.Get("#record-duplicate").TextContent.ShouldContain(duplicate.Reference);
        page.Get("#record-duplicate").TextContent.ShouldContain(duplicate.FullName);
        var result = await browser.SubmitAsync(page, MergeForm, new() { ["Reason"] = "Same child: the family confirmed the old address by phone." });
        var after = await browser.FollowAsync(result);

        after.Get(".govuk-notification-banner--success").TextContent.ShouldContain($"Record {duplicate.Reference} merged into this record");
        var moved = await factory.Data.WithDbAsync(db => db.Requests.SingleAsync(r => r.Id == duplicateRequest.Id));
        moved.ChildId.ShouldBe(surviving.Id);
        (await factory.Data.WithDbAsync(db => db.TimelineEvents.CountAsync(e => e.ChildId == duplicate.Id))).ShouldBe(0);
        (await factory.Data.WithDbAsync(db => db.TimelineEvents.AnyAsync(e => e.ChildId == surviving.Id && e.Summary == "Phoned the family"))).ShouldBeTrue();
        (await factory.Data.WithDbAsync(db => db.Children.SingleAsync(c => c.Id == duplicate.Id))).MergedIntoChildId.ShouldBe(surviving.Id);
        var merge = await factory.Data.WithDbAsync(db => db.ChildMerges.SingleAsync(m => m.MergedChildId == duplicate.Id));
        merge.SurvivingChildId.ShouldBe(surviving.Id);
        merge.MergedByUserId.ShouldBe(manager.Id);
        merge.Reason.ShouldBe("Same child: the family confirmed the old address by phone.");
        var audit = await factory.Data.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "merge" && a.ChildId == surviving.Id));
        audit.UserId.ShouldBe(manager.Id);
        audit.Details!.ShouldContain(duplicate.Reference);
        Page.Normalise(after.Get("#timeline").TextContent).ShouldContain($"Record {duplicate.Reference} merged into this record");
        after.Get("#requests").TextContent.ShouldContain(duplicateRequest.Reference);
    }

    [Fact]
    public async Task MergingWithoutAReason_ShowsAnErrorAndChangesNothing()
    {
        var surviving = await factory.Data.ChildAsync();
        var duplicate = await factory.Data.ChildAsync();
        var (browser, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);
        var page = await browser.GetPageAsync($"/staff/children/{surviving.Id}/merge?DuplicateReference={duplicate.Reference}");

        var result = await browser.SubmitAsync(page, MergeForm, new() { ["Reason"] = "" });

        result.Status.ShouldBe(HttpStatusCode.OK);
        result.Html.Title!.ShouldStartWith("Error: ");
        result.ErrorSummary().ShouldBe(["Enter why these records are the same child"]);
        result.Get(".govuk-error-summary a").GetAttribute("href").ShouldBe("#Reason");
        result.Get("#record-duplicate").TextContent.ShouldContain(duplicate.Reference);
        (await factory.Data.WithDbAsync(db => db.Children.SingleAsync(c => c.Id == duplicate.Id))).MergedIntoChildId.ShouldBeNull();
        (await factory.Data.WithDbAsync(db => db.ChildMerges.CountAsync(m => m.MergedChildId == duplicate.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task ARecordChangedMeanwhile_IsNotMergedAndTheReasonIsKept()
    {
        var surviving = await factory.Data.ChildAsync();
        var duplicate = await factory.Data.ChildAsync();
        var (browser, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);
        var page = await browser.GetPageAsync($"/staff/children/{surviving.Id}/merge?DuplicateReference={duplicate.Reference}");
        await factory.Data.WithDbAsync(async db =>
        {
            var changed = await db.Children.SingleAsync(c => c.Id == duplicate.Id);
            changed.School = "Another School";
            await db.SaveChangesAsync();
        });

        var result = await browser.SubmitAsync(page, MergeForm, new() { ["Reason"] = "Same date of birth and address." });

        result.ErrorSummary().ShouldHaveSingleItem().ShouldStartWith("Someone else changed");
        result.Get("#Reason").TextContent.ShouldBe("Same date of birth and address.");
        result.Get("#record-duplicate").TextContent.ShouldContain("Another School");
        (await factory.Data.WithDbAsync(db => db.Children.SingleAsync(c => c.Id == duplicate.Id))).MergedIntoChildId.ShouldBeNull();
        (await browser.SubmitAsync(result, MergeForm, [])).Status.ShouldBe(HttpStatusCode.Redirect);
    }

    [Theory]
    [InlineData("", "Enter the reference of the duplicate record")]
    [InlineData("not a reference", "Enter a child's record reference, like C-7KQ2-M9XD")]
    [InlineData("R-7KQ2-M9XD", "Enter a child's record reference, like C-7KQ2-M9XD")]
    [InlineData("C-2222-2222", "No child's record has the reference C-2222-2222")]
    [InlineData("self", "Enter the reference of a different record: this is the record the duplicate will be merged into")]
    [InlineData("merged", "has already been merged into another record")]
    public async Task TheDuplicateReference_IsChecked(string typed, string error)
    {
        var surviving = await factory.Data.ChildAsync();
        var alreadyMerged = await factory.Data.ChildAsync(c => c.MergedIntoChildId = surviving.Id);
        var (browser, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);
        var page = await browser.GetPageAsync($"/staff/children/{surviving.Id}/merge");
        var reference = typed switch { "self" => surviving.Reference, "merged" => alreadyMerged.Reference, _ => typed };

        var result = await browser.SubmitAsync(page, FindForm, new() { ["DuplicateReference"] = reference });

        result.Status.ShouldBe(HttpStatusCode.OK);
        result.ErrorSummary().ShouldHaveSingleItem().ShouldContain(error);
        result.Get(".govuk-error-summary a").GetAttribute("href").ShouldBe("#DuplicateReference");
        result.Find(MergeForm).ShouldBeNull();
    }

    [Fact]
    public async Task AReviewingOfficer_CannotMerge()
    {
        var surviving = await factory.Data.ChildAsync();
        var duplicate = await factory.Data.ChildAsync();
        var (manager, _) = await factory.SignedInAsAsync(Roles.TeamManager);
        var managerPage = await manager.GetPageAsync($"/staff/children/{surviving.Id}/merge?DuplicateReference={duplicate.Reference}");
        var (reviewer, _) = await factory.SignedInAsAsync(Roles.ReviewingOfficer);
        var reviewerRecord = await reviewer.GetPageAsync($"/staff/children/{surviving.Id}");

        var get = await reviewer.GetAsync($"/staff/children/{surviving.Id}/merge");
        var post = await reviewer.PostRawAsync(reviewerRecord, $"/staff/children/{surviving.Id}/merge", new()
        {
            ["DuplicateId"] = duplicate.Id.ToString(),
            ["Reason"] = "Trying anyway.",
            ["SurvivingVersion"] = managerPage.Get("input[name=SurvivingVersion]").GetAttribute("value")!,
            ["DuplicateVersion"] = managerPage.Get("input[name=DuplicateVersion]").GetAttribute("value")!,
        });

        new Uri(get.Headers.Location!.ToString(), UriKind.RelativeOrAbsolute).ToString().ShouldContain("/access-denied");
        post.RedirectPath!.ShouldStartWith("/access-denied");
        (await factory.Data.WithDbAsync(db => db.Children.SingleAsync(c => c.Id == duplicate.Id))).MergedIntoChildId.ShouldBeNull();
    }
}
