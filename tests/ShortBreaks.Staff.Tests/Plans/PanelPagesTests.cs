using System.Net;
using Microsoft.EntityFrameworkCore;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Plans;
using ShortBreaks.Staff.Tests.Infrastructure;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Staff.Tests.Plans;

/// <summary>The panel agenda and its decisions, for the managers who sit on the panel.</summary>
public class PanelPagesTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task TheAgenda_ListsAStepUp_AndTheItemShowsTheRasWorkingAndThePlan()
    {
        var stepUp = await factory.StepUpAwaitingPanelAsync();
        var (manager, user) = await factory.SignedInAsAsync(Roles.TeamManager);

        var agenda = await manager.GetPageAsync("/staff/panel");
        agenda.Status.ShouldBe(HttpStatusCode.OK);
        var row = agenda.Html.QuerySelectorAll("#panel-agenda tbody tr").Single(r => r.TextContent.Contains(stepUp.Child.Reference));
        row.TextContent.ShouldContain("Entry to TSB");
        row.TextContent.ShouldContain("£2,160.00"); // 3 hours a week at £12 for 52 weeks, one weekend hour a month at £14, and £10 a month payroll

        var item = await manager.GetPageAsync($"/staff/panel/{stepUp.PanelItemId}");
        item.Get("#why").TextContent.ShouldBe("Entry to Targeted Short Breaks");
        item.Get("#ras-working").TextContent.ShouldContain("points");
        item.Get("#support-lines").TextContent.ShouldContain("Personal assistant (weekend)");
        item.Get("#annual-total").TextContent.Trim().ShouldBe("£2,160.00");
        item.Get("#outcomes").TextContent.ShouldContain("Go swimming once a week with a friend");
        (await factory.Data.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "view" && a.ChildId == stepUp.Child.Id && a.UserId == user.Id))).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Approving_MovesTheChildToTargeted_AndTakesItOffTheAgenda()
    {
        var stepUp = await factory.StepUpAwaitingPanelAsync();
        var (manager, _) = await factory.SignedInAsAsync(Roles.TeamManager, "Grace Okafor");
        var item = await manager.GetPageAsync($"/staff/panel/{stepUp.PanelItemId}");

        var empty = await manager.SubmitAsync(item, "main form[action*='handler=Decide']", new());
        empty.Status.ShouldBe(HttpStatusCode.OK);
        empty.ErrorSummary().ShouldBe(["Choose the panel's decision", "Enter the panel's reasons"]);

        var decided = await manager.SubmitAsync(item, "main form[action*='handler=Decide']", new() { ["Outcome"] = "Approved", ["Reasons"] = "Needs are well evidenced and the plan is within the indicative budget." });
        decided.RedirectPath.ShouldBe($"/staff/panel/{stepUp.PanelItemId}");
        var after = await manager.FollowAsync(decided);
        after.Get("#status").TextContent.ShouldStartWith("Approved on");
        after.Find("main form[action*='handler=Decide']").ShouldBeNull();

        (await factory.Data.WithDbAsync(db => db.Children.AsNoTracking().Where(c => c.Id == stepUp.Child.Id).Select(c => c.Tier).SingleAsync())).ShouldBe(Tier.TargetedShortBreaks);
        (await manager.GetPageAsync("/staff/panel")).Text.ShouldNotContain(stepUp.Child.Reference);
        var change = await factory.Data.WithDbAsync(db => db.TierChanges.AsNoTracking().SingleAsync(t => t.ChildId == stepUp.Child.Id));
        change.ByName.ShouldBe("Grace Okafor");
    }

    [Fact]
    public async Task TwoManagersDecidingAtOnce_TheSecondIsTold()
    {
        var stepUp = await factory.StepUpAwaitingPanelAsync();
        var (first, _) = await factory.SignedInAsAsync(Roles.TeamManager);
        var (second, _) = await factory.SignedInAsAsync(Roles.Admin);
        var firstPage = await first.GetPageAsync($"/staff/panel/{stepUp.PanelItemId}");
        var secondPage = await second.GetPageAsync($"/staff/panel/{stepUp.PanelItemId}");

        (await first.SubmitAsync(firstPage, "main form[action*='handler=Decide']", new() { ["Outcome"] = "Deferred", ["Reasons"] = "We need the school's view." })).Status.ShouldBe(HttpStatusCode.Redirect);
        var clash = await second.SubmitAsync(secondPage, "main form[action*='handler=Decide']", new() { ["Outcome"] = "Approved", ["Reasons"] = "Fine." });

        clash.Status.ShouldBe(HttpStatusCode.OK);
        clash.ErrorSummary().ShouldContain(e => e.StartsWith("Someone else recorded something on this item"));
        clash.Get("#Reasons").TextContent.ShouldBe("Fine.", "what they typed is kept");
        clash.Get("#status").TextContent.ShouldStartWith("Deferred on");
    }

    [Theory]
    [InlineData(Roles.PersonalisationOfficer)]
    [InlineData(Roles.ReviewingOfficer)]
    [InlineData(Roles.FinanceOfficer)]
    [InlineData(Roles.Family)]
    [InlineData(Roles.Provider)]
    public async Task OnlyManagersAndAdministrators_SeeThePanel(string role)
    {
        var (someone, _) = await factory.SignedInAsAsync(role);
        (await someone.GetPageAsync("/staff/panel")).RedirectPath!.ShouldStartWith("/access-denied");
        (await someone.GetPageAsync($"/staff/panel/{Guid.NewGuid()}")).RedirectPath!.ShouldStartWith("/access-denied");
    }
}
