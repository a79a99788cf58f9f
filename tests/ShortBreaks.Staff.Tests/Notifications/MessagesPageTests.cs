using System.Net;
using Microsoft.EntityFrameworkCore;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Notifications;
using ShortBreaks.Core.Scheduling;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Staff.Tests.Notifications;

/// <summary>Each person's own tasks and messages, their email choice, and the administrators' scheduled work page.</summary>
public class MessagesPageTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private const string Url = "/messages";
    private const string ChoiceForm = "main form[method=post]";

    private Task TellAsync(string userId, Notice notice) => factory.Data.WithDbAsync(async db =>
    {
        await new Messenger(db).TellAsync(userId, notice);
        await db.SaveChangesAsync();
    });

    [Fact]
    public async Task A_person_sees_their_own_tasks_and_messages_and_nobody_elses()
    {
        var child = await factory.Data.PopulatedChildAsync();
        var (parent, user) = await factory.SignedInAsAsync(Roles.Family);
        var (stranger, strangerUser) = await factory.SignedInAsAsync(Roles.Family);
        await TellAsync(user.Id, new Notice("Your views are asked for before a review", "/account", child.Child.Id, "Tell us how things are going", TaskKey: $"views:{user.Id}"));
        await TellAsync(user.Id, new Notice("A review record is ready to read", "/account/letters", child.Child.Id, "The review of 3 June"));

        var page = await parent.GetPageAsync(Url);

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Get("#tasks-heading").TextContent.ShouldBe("To do (1)");
        page.Get("#tasks").TextContent.ShouldContain("Your views are asked for before a review");
        page.Get("#tasks a").GetAttribute("href").ShouldBe("/account");
        page.Get("#messages").TextContent.ShouldContain("A review record is ready to read");
        page.Get("#messages").TextContent.ShouldContain("New");

        // Read now: no longer new on the next visit; the task stays until its work is done.
        var again = await parent.GetPageAsync(Url);
        again.Get("#messages").TextContent.ShouldNotContain("New");
        again.Get("#tasks-heading").TextContent.ShouldBe("To do (1)");

        var theirs = await stranger.GetPageAsync(Url);
        theirs.Find("#no-tasks").ShouldNotBeNull();
        theirs.Find("#no-messages").ShouldNotBeNull();
        theirs.Text.ShouldNotContain("review record");
        strangerUser.Id.ShouldNotBe(user.Id);
    }

    [Fact]
    public async Task Choosing_only_the_list_is_saved_and_a_choice_not_offered_is_refused_with_an_error_summary()
    {
        var (parent, user) = await factory.SignedInAsAsync(Roles.Family);

        var page = await parent.GetPageAsync(Url);
        page.Get("#EmailChoice-EmailAndList").HasAttribute("checked").ShouldBeTrue();
        var saved = await parent.SubmitAsync(page, ChoiceForm, new() { ["EmailChoice"] = "ListOnly" });
        saved.Status.ShouldBe(HttpStatusCode.Redirect);
        var shown = await parent.FollowAsync(saved);
        shown.Text.ShouldContain("Your choice is saved.");
        shown.Get("#EmailChoice-ListOnly").HasAttribute("checked").ShouldBeTrue();
        (await factory.Data.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.EmailChoice).SingleAsync())).ShouldBe(EmailChoice.ListOnly);

        foreach (var garbage in new[] { "", "Never", "99", "listonly", "<script>" })
        {
            var refused = await parent.SubmitAsync(shown, ChoiceForm, new() { ["EmailChoice"] = garbage });
            refused.Status.ShouldBe(HttpStatusCode.OK, garbage);
            refused.ErrorSummary().ShouldBe(["Select how you want to be told"], garbage);
            refused.Get(".govuk-error-summary a").GetAttribute("href").ShouldBe("#EmailChoice-EmailAndList");
        }

        (await factory.Data.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.EmailChoice).SingleAsync())).ShouldBe(EmailChoice.ListOnly);
    }

    [Fact]
    public async Task The_messages_page_asks_who_you_are()
    {
        var anonymous = factory.NewBrowser();
        var response = await anonymous.GetAsync(Url);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/account/sign-in");
    }

    [Fact]
    public async Task An_administrator_sees_each_jobs_last_run_and_the_outbox_and_nobody_else_may()
    {
        await factory.Data.WithDbAsync(async db =>
        {
            var jobs = new ScheduledJobs(db);
            await jobs.RecordTurnAsync("Outbox", "node-a", db.UtcNow, "completed", "2 emails from the outbox", null);
            await jobs.RecordTurnAsync("Flexible Short Breaks renewals", "node-b", db.UtcNow, "failed", null, "TimeoutException");
        });
        var (admin, _) = await factory.SignedInAsAsync(Roles.Admin);

        var page = await admin.GetPageAsync("/staff/scheduled-work");

        page.Status.ShouldBe(HttpStatusCode.OK);
        var jobsTable = Page.Normalise(page.Get("#jobs").TextContent);
        jobsTable.ShouldContain("Outbox");
        jobsTable.ShouldContain("2 emails from the outbox");
        jobsTable.ShouldContain("TimeoutException");
        page.Get("#outbox").TextContent.ShouldContain("Waiting to send");

        foreach (var role in new[] { Roles.TeamManager, Roles.PersonalisationOfficer, Roles.FinanceOfficer, Roles.Family, Roles.Provider })
        {
            var (browser, _) = await factory.SignedInAsAsync(role);
            var refused = await browser.GetAsync("/staff/scheduled-work");
            refused.StatusCode.ShouldBe(HttpStatusCode.Redirect, role);
            refused.Headers.Location!.ToString().ShouldContain("/access-denied", Case.Insensitive, role);
        }
    }
}
