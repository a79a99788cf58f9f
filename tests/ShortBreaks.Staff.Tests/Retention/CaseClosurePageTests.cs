using System.Net;
using Microsoft.EntityFrameworkCore;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Identity;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Staff.Tests.Retention;

public class CaseClosurePageTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private const string CloseForm = "main form[action*='handler=Close']";
    private const string ReopenForm = "main form[action*='handler=Reopen']";

    [Fact]
    public async Task AnOfficerClosesAndReopensACase_ShownOnTheRecordAndTimeline()
    {
        var child = await factory.Data.ChildAsync();
        var (officer, user) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);
        var record = await officer.GetPageAsync($"/staff/children/{child.Id}");
        record.Get("#case-status").TextContent.Trim().ShouldBe("Open");

        var close = await officer.GetPageAsync($"/staff/children/{child.Id}/closure");
        var empty = await officer.SubmitAsync(close, CloseForm, new() { ["Reason"] = "" });
        empty.ErrorSummary().ShouldBe(["Enter why the case is being closed"]);
        var closed = await officer.FollowAsync(await officer.SubmitAsync(empty, CloseForm, new() { ["Reason"] = "The family moved out of the county." }));

        Page.Normalise(closed.Get("#case-status").TextContent).ShouldContain($"by {user.Name}: The family moved out of the county.");
        Page.Normalise(closed.Get("#timeline").TextContent).ShouldContain("Case closed");
        var reopen = await officer.GetPageAsync($"/staff/children/{child.Id}/closure");
        var reopened = await officer.FollowAsync(await officer.SubmitAsync(reopen, ReopenForm, new() { ["Reason"] = "The family came back." }));
        reopened.Get("#case-status").TextContent.Trim().ShouldBe("Open");
        Page.Normalise(reopened.Get("#timeline").TextContent).ShouldContain("Case reopened");
        (await factory.Data.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.ChildId == child.Id && a.Details!.Contains("ClosureReason")))).ShouldBe(2);
    }

    [Fact]
    public async Task ACaseWithARequestWaiting_CannotBeClosed_AndThePageSaysWhy()
    {
        var (request, child) = await factory.Data.MatchedRequestAsync();
        var (officer, _) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);

        var page = await officer.GetPageAsync($"/staff/children/{child.Id}/closure");

        page.Get("#not-closable").TextContent.Trim().ShouldBe($"Request {request.Reference} is waiting for a decision: decide it before closing the case.");
        page.Find(CloseForm).ShouldBeNull();
        var forced = await officer.PostRawAsync(page, $"/staff/children/{child.Id}/closure?handler=Close", new() { ["Reason"] = "Closing anyway", ["SeenVersion"] = "0" });
        forced.Status.ShouldBe(HttpStatusCode.OK);
        forced.ErrorSummary().ShouldBe([$"Request {request.Reference} is waiting for a decision: decide it before closing the case."]);
        (await factory.Data.WithDbAsync(db => db.Children.SingleAsync(c => c.Id == child.Id))).ClosedAt.ShouldBeNull();
    }

    [Fact]
    public async Task AnOldVersion_OrNoVersion_IsRefused()
    {
        var child = await factory.Data.ChildAsync();
        var (officer, _) = await factory.SignedInAsAsync(Roles.TeamManager);
        var page = await officer.GetPageAsync($"/staff/children/{child.Id}/closure");

        var noVersion = await officer.PostRawAsync(page, $"/staff/children/{child.Id}/closure?handler=Close", new() { ["Reason"] = "Moved", ["SeenVersion"] = "junk" });
        noVersion.ErrorSummary().ShouldBe([Web.Infrastructure.FormVersion.Missing]);
        await factory.Data.WithDbAsync(async db =>
        {
            (await db.Children.SingleAsync(c => c.Id == child.Id)).School = "Another school";
            await db.SaveChangesAsync();
        });
        var stale = await officer.SubmitAsync(page, CloseForm, new() { ["Reason"] = "Moved" });
        stale.ErrorSummary().ShouldHaveSingleItem().ShouldStartWith("Someone else changed this child's record");
        (await factory.Data.WithDbAsync(db => db.Children.SingleAsync(c => c.Id == child.Id))).ClosedAt.ShouldBeNull();
    }

    [Theory]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.ReviewingOfficer)]
    [InlineData(Roles.Family)]
    public async Task TheClosurePage_IsRefusedToThoseWhoDoNotDecide(string role)
    {
        var child = await factory.Data.ChildAsync();
        var (browser, _) = await factory.SignedInAsAsync(role);

        var page = await browser.GetPageAsync($"/staff/children/{child.Id}/closure");

        page.RedirectPath!.ShouldStartWith("/access-denied");
    }
}
