using System.Net;
using Microsoft.EntityFrameworkCore;
using ShortBreaks.Core.Calendar;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Retention;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Staff.Tests.Retention;

/// <summary>The retention pages, each test on a database of its own (a month has one review per database).</summary>
public class RetentionPageTests
{
    private const string ScanForm = "main form[action*='handler=Scan']";
    private const string EraseAllForm = "main form:has(#erase-all)";
    private const string KeepForm = "main form[action*='handler=Keep']";

    private static DateTime LongAgo => DateTime.UtcNow.AddYears(-10);

    private static async Task<(Page Review, Core.Children.Child Child)> ReviewWithAClosedCaseAsync(WebAppFactory factory, PageClient manager)
    {
        var (child, _, _) = await factory.Data.CreateClosedCaseAsync(LongAgo, new DateOnly(1995, 4, 1));
        var list = await manager.GetPageAsync("/staff/retention");
        var scanned = await manager.SubmitAsync(list, ScanForm, []);
        scanned.RedirectPath.ShouldNotBeNull();
        scanned.RedirectPath.ShouldStartWith("/staff/retention/");
        return (await manager.FollowAsync(scanned), child);
    }

    [Fact]
    public async Task AManagerScansNow_SeesWhyEachRecordIsPastRetention_AndErasesOne()
    {
        await using var factory = new WebAppFactory();
        var (manager, user) = await factory.SignedInAsAsync(Roles.TeamManager);

        var (review, child) = await ReviewWithAClosedCaseAsync(factory, manager);

        review.Status.ShouldBe(HttpStatusCode.OK);
        var row = Page.Normalise(review.Get("#proposed").TextContent);
        row.ShouldContain("Child's case record");
        row.ShouldContain(child.Reference);
        row.ShouldContain($"Case closed on {UkCalendar.Day(LongAgo)}");
        row.ShouldContain("6 years after the case closed, which is later than the 25th birthday");
        row.ShouldNotContain(child.FirstName);
        var itemId = await factory.Data.WithDbAsync(db => db.RetentionItems.Where(i => i.Reference == child.Reference).Select(i => i.Id).SingleAsync());

        var erased = await manager.SubmitAsync(review, $"main form:has(#erase-{itemId})", []);
        var after = await manager.FollowAsync(erased);

        after.Get("#confirmed").TextContent.ShouldBe("1 record erased");
        Page.Normalise(after.Get("#decided").TextContent).ShouldContain($"on the confirmation of {user.Name}");
        (await factory.Data.WithDbAsync(db => db.Children.AnyAsync(c => c.Id == child.Id))).ShouldBeFalse();
        var tombstone = await factory.Data.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "erase"));
        (tombstone.EntityId, tombstone.UserId).ShouldBe((child.Id.ToString(), user.Id));
    }

    [Fact]
    public async Task TwoManagersConfirmingAllShown_TheSecondIsToldAndNothingMoreIsErased()
    {
        await using var factory = new WebAppFactory();
        var (first, _) = await factory.SignedInAsAsync(Roles.TeamManager);
        var (second, _) = await factory.SignedInAsAsync(Roles.Admin);
        var (firstReview, _) = await ReviewWithAClosedCaseAsync(factory, first);
        var secondReview = await second.GetPageAsync(firstReview.Url);

        (await first.SubmitAsync(firstReview, EraseAllForm, [])).RedirectPath.ShouldNotBeNull();
        var told = await second.SubmitAsync(secondReview, EraseAllForm, []);

        told.Status.ShouldBe(HttpStatusCode.OK);
        told.ErrorSummary().ShouldHaveSingleItem().ShouldStartWith("Another manager confirmed or kept records on this review");
        told.Find("#erase-all").ShouldBeNull();
        (await factory.Data.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "erase"))).ShouldBe(1);
    }

    [Fact]
    public async Task KeepingWithoutAReasonOrWithABadDate_ShowsErrors_ThenKeepsAndReleases()
    {
        await using var factory = new WebAppFactory();
        var (manager, _) = await factory.SignedInAsAsync(Roles.TeamManager);
        var (review, child) = await ReviewWithAClosedCaseAsync(factory, manager);
        var itemId = await factory.Data.WithDbAsync(db => db.RetentionItems.Where(i => i.Reference == child.Reference).Select(i => i.Id).SingleAsync());
        var keep = await manager.GetPageAsync(review.Get($"#keep-{itemId}").GetAttribute("href")!);

        var refused = await manager.SubmitAsync(keep, KeepForm, new() { ["Reason"] = " ", ["KeepUntil-day"] = "31", ["KeepUntil-month"] = "2", ["KeepUntil-year"] = "2030" });

        refused.Status.ShouldBe(HttpStatusCode.OK);
        refused.Get("title").TextContent.ShouldStartWith("Error: ");
        refused.ErrorSummary().ShouldBe(["Enter why this record is being kept", "The date to keep it until must be a real date"]);

        var past = await manager.SubmitAsync(refused, KeepForm, new() { ["Reason"] = "Complaint open", ["KeepUntil-day"] = "1", ["KeepUntil-month"] = "1", ["KeepUntil-year"] = "2020" });
        past.ErrorSummary().ShouldBe(["The date to keep it until must be in the future"]);

        var kept = await manager.SubmitAsync(past, KeepForm, new() { ["Reason"] = "Legal hold: court proceedings", ["KeepUntil-day"] = "", ["KeepUntil-month"] = "", ["KeepUntil-year"] = "" });
        var after = await manager.FollowAsync(kept);
        Page.Normalise(after.Get("#decided").TextContent).ShouldContain("until released: Legal hold: court proceedings");
        (await factory.Data.WithDbAsync(db => db.RetentionItems.SingleAsync(i => i.Id == itemId))).Status.ShouldBe(RetentionItemStatus.Kept);

        var release = await manager.GetPageAsync($"/staff/retention/{after.Url.Split('/')[3].Split('?')[0]}/items/{itemId}/keep");
        var released = await manager.SubmitAsync(release, "main form[action*='handler=Release']", []);
        released.RedirectPath.ShouldNotBeNull();
        (await factory.Data.WithDbAsync(db => db.RetentionItems.SingleAsync(i => i.Id == itemId))).ReleasedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task JunkPosted_ToTheReviewAndKeepPages_IsAnErrorNeverA500()
    {
        await using var factory = new WebAppFactory();
        var (manager, _) = await factory.SignedInAsAsync(Roles.TeamManager);
        var (review, child) = await ReviewWithAClosedCaseAsync(factory, manager);
        var itemId = await factory.Data.WithDbAsync(db => db.RetentionItems.Where(i => i.Reference == child.Reference).Select(i => i.Id).SingleAsync());
        var confirmUrl = review.Url + "?handler=Confirm";

        foreach (var junk in new Dictionary<string, string>[]
                 {
                     new() { ["ItemIds"] = "'; DROP TABLE \"Children\" --", ["SeenVersion"] = "1" },
                     new() { ["ItemIds"] = itemId.ToString(), ["SeenVersion"] = "abc" },
                     new() { ["ItemIds"] = Guid.NewGuid().ToString(), ["SeenVersion"] = "99999999999999999999999" },
                     new() { ["SeenVersion"] = "1" },
                 })
        {
            var page = await manager.PostRawAsync(review, confirmUrl, junk);
            page.Status.ShouldBe(HttpStatusCode.OK, string.Join("&", junk));
            page.ErrorSummary().ShouldNotBeEmpty(string.Join("&", junk));
        }

        var keep = await manager.GetPageAsync($"{review.Url}/items/{itemId}/keep");
        var keptJunk = await manager.PostRawAsync(keep, $"{review.Url}/items/{itemId}/keep?handler=Keep",
            new() { ["Reason"] = new string('x', 4000), ["KeepUntil-day"] = "xx", ["KeepUntil-month"] = "13", ["KeepUntil-year"] = "99999", ["SeenVersion"] = "1" });
        keptJunk.Status.ShouldBe(HttpStatusCode.OK);
        keptJunk.ErrorSummary().ShouldNotBeEmpty();
        (await manager.GetAsync($"{review.Url}/items/{Guid.NewGuid()}/keep")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await manager.GetAsync($"/staff/retention/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await factory.Data.WithDbAsync(db => db.Children.AnyAsync(c => c.Id == child.Id))).ShouldBeTrue();
    }

    [Theory]
    [InlineData(Roles.Family)]
    [InlineData(Roles.PersonalisationOfficer)]
    [InlineData(Roles.ReviewingOfficer)]
    [InlineData(Roles.FinanceOfficer)]
    public async Task TheRetentionPages_AreRefusedToAnyoneButManagers(string role)
    {
        await using var factory = new WebAppFactory();
        var (manager, _) = await factory.SignedInAsAsync(Roles.TeamManager);
        var (review, child) = await ReviewWithAClosedCaseAsync(factory, manager);
        var itemId = await factory.Data.WithDbAsync(db => db.RetentionItems.Where(i => i.Reference == child.Reference).Select(i => i.Id).SingleAsync());
        var (browser, _) = await factory.SignedInAsAsync(role);

        foreach (var url in new[] { "/staff/retention", review.Url, $"{review.Url}/items/{itemId}/keep" })
        {
            var page = await browser.GetPageAsync(url);
            page.RedirectPath.ShouldNotBeNull(url);
            page.RedirectPath.ShouldStartWith("/access-denied", customMessage: url);
        }

        var posted = await browser.PostRawAsync(await browser.GetPageAsync("/account/sign-in"), review.Url + "?handler=Confirm",
            new() { ["ItemIds"] = itemId.ToString(), ["SeenVersion"] = "1" });
        posted.RedirectPath!.ShouldStartWith("/access-denied");
        (await factory.Data.WithDbAsync(db => db.Children.AnyAsync(c => c.Id == child.Id))).ShouldBeTrue();
    }

    [Theory]
    [InlineData(Roles.TeamManager)]
    [InlineData(Roles.Admin)]
    public async Task TheRetentionPages_OpenForManagersAndAdministrators(string role)
    {
        await using var factory = new WebAppFactory();
        var (browser, _) = await factory.SignedInAsAsync(role);

        var list = await browser.GetPageAsync("/staff/retention");

        list.Status.ShouldBe(HttpStatusCode.OK);
        list.Get("#no-reviews").TextContent.ShouldBe("There are no retention reviews yet.");
        Page.Normalise(list.Get("#periods").TextContent).ShouldContain("Until the child turns 25 or 6 years after the case closed, whichever is later");
        (await browser.GetPageAsync("/staff")).Find("#retention-link").ShouldNotBeNull();
    }

    [Fact]
    public async Task TheMonthlyScan_RunsByItselfOnANode_AndMakesOneReview()
    {
        await using var factory = new ScanningNode();
        _ = factory.Server;

        var reviews = await Eventually.UntilAsync(
            () => factory.Data.WithDbAsync(db => db.RetentionReviews.AsNoTracking().ToListAsync()),
            r => r.Count == 1 && r[0].Status == RetentionReviewStatus.Ready, "the month's review made by the node's own scan");

        var review = reviews.ShouldHaveSingleItem();
        (review.Month, review.StartedByName, review.Attempts).ShouldBe((RetentionRules.MonthKey(UkCalendar.DateOf(DateTime.UtcNow)), Web.Infrastructure.RetentionWorker.ScanName, 1));
        (await factory.Data.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "retention-scan" && a.UserName == Web.Infrastructure.RetentionWorker.ScanName))).ShouldBe(1);
    }

    private sealed class ScanningNode : WebAppFactory
    {
        protected override bool MonthlyRetentionScan => true;
    }
}
