using System.Net;
using Microsoft.EntityFrameworkCore;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Identity;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Staff.Tests.Caseloads;

public class CaseloadPageTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private const string AllocateForm = "form#allocate";
    private const string MoveAllForm = "form#move-all";

    private Task<Child> ChildAsync(string? keyWorkerId, Tier tier = Tier.FlexibleShortBreaks, string? lastName = null) =>
        factory.Data.ChildAsync(c => { c.KeyWorkerId = keyWorkerId; c.Tier = tier; if (lastName is not null) c.LastName = lastName; });

    private Task<string?> KeyWorkerOfAsync(Guid childId) =>
        factory.Data.WithDbAsync(db => db.Children.Where(c => c.Id == childId).Select(c => c.KeyWorkerId).SingleAsync());

    private Task SetTeamAsync(string team, params string[] userIds) =>
        factory.Data.WithDbAsync(async db =>
        {
            foreach (var user in db.Users.Where(u => userIds.Contains(u.Id))) user.Team = team;
            await db.SaveChangesAsync();
            return 0;
        });

    [Fact]
    public async Task Caseloads_ShowEachWorkersCountsAgainstTheGuide()
    {
        var (manager, _) = await factory.SignedInAsAsync(Roles.TeamManager);
        var officer = await factory.CreateUserAsync(Roles.PersonalisationOfficer, TestData.NewName());
        for (var i = 0; i < 2; i++) await ChildAsync(officer.Id);
        await ChildAsync(officer.Id, Tier.TargetedShortBreaks);

        var page = await manager.GetPageAsync($"/staff/caseloads?team=&name={officer.Name}");

        page.Status.ShouldBe(HttpStatusCode.OK);
        var row = page.Html.QuerySelectorAll("#workers tbody tr").ShouldHaveSingleItem();
        var cells = row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        cells[0].ShouldStartWith(officer.Name);
        cells[2].ShouldBe("2");
        cells[3].ShouldBe("1");
        cells[6].ShouldBe("3");
        cells[7].ShouldContain("Below the guide");
        row.QuerySelector("a")!.GetAttribute("href").ShouldBe($"/staff/caseloads/children?worker={officer.Id}");
        page.Get("#unallocated").TextContent.ShouldNotBeEmpty();
        page.Get("#capacity-link a").GetAttribute("href").ShouldBe("/staff/caseloads/capacity");
    }

    [Fact]
    public async Task Capacity_WorksTheGuidesBothWays_OnItsOwnPage()
    {
        var (manager, _) = await factory.SignedInAsAsync(Roles.TeamManager);

        var page = await manager.GetPageAsync("/staff/caseloads/capacity");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Html.QuerySelectorAll("#capacity-lines tbody tr").Length.ShouldBe(3);
        page.Get("#reviewer-families").TextContent.ShouldStartWith("Reviewing officers in post can also hold");
    }

    [Fact]
    public async Task Caseloads_OpenOnTheManagersOwnTeam_AndShowEveryTeamWhenAsked()
    {
        var team = "Team " + TestData.NewName();
        var (manager, me) = await factory.SignedInAsAsync(Roles.TeamManager);
        var mine = await factory.CreateUserAsync(Roles.ReviewingOfficer, TestData.NewName());
        var elsewhere = await factory.CreateUserAsync(Roles.PersonalisationOfficer, TestData.NewName());
        await SetTeamAsync(team, me.Id, mine.Id);

        var own = await manager.GetPageAsync("/staff/caseloads");
        var every = await manager.GetPageAsync("/staff/caseloads?team=");

        var names = own.Html.QuerySelectorAll("#workers tbody tr a").Select(a => a.TextContent.Trim()).ToList();
        names.ShouldBe(new[] { me.Name, mine.Name }.Order(StringComparer.Ordinal).ToList());
        own.Get("#workers caption").TextContent.ShouldContain($"Workers in {team} (2)");
        own.Get("select[name=team] option[selected]").GetAttribute("value").ShouldBe(team);
        every.Get("#workers caption").TextContent.ShouldContain("Workers in every team");
        every.Get("select[name=team] option[selected]").GetAttribute("value").ShouldBe("");
        (await manager.GetPageAsync($"/staff/caseloads?team=&name={elsewhere.Name}")).Html.QuerySelectorAll("#workers tbody tr").ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Caseloads_AreShownFiftyAtATime_WithALinkToTheNextPage()
    {
        var team = "Team " + TestData.NewName();
        var (manager, _) = await factory.SignedInAsAsync(Roles.TeamManager);
        var workers = new List<string>();
        for (var i = 0; i < 51; i++) workers.Add((await factory.CreateUserAsync(Roles.PersonalisationOfficer, $"Worker {i:D2} {TestData.NewName()}")).Id);
        await SetTeamAsync(team, [.. workers]);

        var first = await manager.GetPageAsync($"/staff/caseloads?team={Uri.EscapeDataString(team)}");
        first.Html.QuerySelectorAll("#workers tbody tr").Length.ShouldBe(50);
        first.Get("#workers caption").TextContent.ShouldContain("(51, page 1 of 2)");
        var next = first.Get(".govuk-pagination__next a").GetAttribute("href")!;
        next.ShouldBe($"/staff/caseloads?team={Uri.EscapeDataString(team)}&p=2");

        var second = await manager.GetPageAsync(next);
        second.Html.QuerySelectorAll("#workers tbody tr").ShouldHaveSingleItem().TextContent.ShouldContain("Worker 50");
    }

    [Fact]
    public async Task Caseloads_WithATeamNotOnTheListOrALongName_ShowErrorsNot500()
    {
        var (manager, _) = await factory.SignedInAsAsync(Roles.TeamManager);

        var unknown = await manager.GetPageAsync("/staff/caseloads?team=No+such+team&p=-3");
        var tooLong = await manager.GetPageAsync($"/staff/caseloads?team=&name={new string('z', 101)}");

        unknown.Status.ShouldBe(HttpStatusCode.OK);
        unknown.ErrorSummary().ShouldBe(["Choose a team from the list"]);
        tooLong.ErrorSummary().ShouldBe(["The name must be 100 characters or fewer"]);
    }

    [Theory]
    [InlineData(Roles.PersonalisationOfficer)]
    [InlineData(Roles.ReviewingOfficer)]
    [InlineData(Roles.FinanceOfficer)]
    [InlineData(Roles.Family)]
    public async Task CaseloadPages_AreRefusedToAnyoneButManagers(string role)
    {
        var (browser, _) = await factory.SignedInAsAsync(role);
        foreach (var url in new[] { "/staff/caseloads", "/staff/caseloads/capacity", "/staff/caseloads/children", "/staff/teams" })
        {
            var page = await browser.GetPageAsync(url);
            page.RedirectPath.ShouldNotBeNull(url);
            page.RedirectPath.ShouldStartWith("/access-denied", customMessage: url);
        }
    }

    [Fact]
    public async Task Allocate_AnUnallocatedChild_MovesThemAndSaysSo()
    {
        var (manager, _) = await factory.SignedInAsAsync(Roles.TeamManager, "Mina Manager");
        var officer = await factory.CreateUserAsync(Roles.PersonalisationOfficer);
        var surname = TestData.NewName();
        var child = await ChildAsync(null, lastName: surname);

        var list = await manager.GetPageAsync($"/staff/caseloads/children?name={surname}");
        var box = list.Get($"{AllocateForm} input[name=children]");
        box.GetAttribute("value").ShouldBe($"{child.Id}:{child.Version}");
        var done = await manager.SubmitAsync(list, AllocateForm, new() { ["children"] = box.GetAttribute("value"), ["newWorker"] = officer.Id, ["reason"] = "New to the service" });

        done.RedirectPath.ShouldBe($"/staff/caseloads/children?name={surname}&moved=1");
        (await KeyWorkerOfAsync(child.Id)).ShouldBe(officer.Id);
        (await manager.FollowAsync(done)).Get("#moved").TextContent.ShouldStartWith("1 child allocated");
        var timeline = await factory.Data.WithDbAsync(db => db.TimelineEvents.SingleAsync(e => e.ChildId == child.Id && e.Kind == TimelineKinds.Allocation));
        (timeline.Summary, timeline.Detail, timeline.ActorName).ShouldBe(($"Allocated to {officer.Name}", "Reason: New to the service", "Mina Manager"));
    }

    [Fact]
    public async Task AllocateTo_OffersTheWorkersOfTheWorkersTeam_OrTheManagersOwn_AndEveryTeamWhenAsked()
    {
        var team = "Team " + TestData.NewName();
        var other = "Team " + TestData.NewName();
        var (manager, me) = await factory.SignedInAsAsync(Roles.TeamManager);
        var mine = await factory.CreateUserAsync(Roles.PersonalisationOfficer, TestData.NewName());
        var theirs = await factory.CreateUserAsync(Roles.ReviewingOfficer, TestData.NewName());
        var theirColleague = await factory.CreateUserAsync(Roles.PersonalisationOfficer, TestData.NewName());
        await SetTeamAsync(team, me.Id, mine.Id);
        await SetTeamAsync(other, theirs.Id, theirColleague.Id);
        await ChildAsync(theirs.Id);
        static List<string?> Offered(Page page, string select) =>
            page.Html.QuerySelectorAll($"select[name={select}] option").Select(o => o.GetAttribute("value")).Where(v => v != "").ToList();

        // No key worker: the manager's own team. A worker's caseload: that worker's team (without the worker).
        var unallocated = await manager.GetPageAsync("/staff/caseloads/children");
        Offered(unallocated, "newWorker").ShouldBe(new[] { me.Id, mine.Id }, ignoreOrder: true);
        unallocated.Get("select[name=workersFrom] option[selected]").GetAttribute("value").ShouldBe(team);
        unallocated.Get($"{AllocateForm} input[name=workersFrom]").GetAttribute("value").ShouldBe(team);
        var caseload = await manager.GetPageAsync($"/staff/caseloads/children?worker={theirs.Id}");
        Offered(caseload, "newWorker").ShouldBe([theirColleague.Id]);
        Offered(caseload, "moveAllTo").ShouldBe([theirColleague.Id]);

        // Another team, or every team, when chosen.
        Offered(await manager.GetPageAsync($"/staff/caseloads/children?workersFrom={Uri.EscapeDataString(other)}"), "newWorker")
            .ShouldBe(new[] { theirs.Id, theirColleague.Id }, ignoreOrder: true);
        var every = await manager.GetPageAsync("/staff/caseloads/children?workersFrom=");
        Offered(every, "newWorker").ShouldContain(theirs.Id);
        Offered(every, "newWorker").ShouldContain(mine.Id);
        every.Get("select[name=workersFrom] option[selected]").GetAttribute("value").ShouldBe("");

        var unknown = await manager.GetPageAsync("/staff/caseloads/children?workersFrom=No+such+team");
        unknown.Status.ShouldBe(HttpStatusCode.OK);
        unknown.ErrorSummary().ShouldBe(["Choose a team from the list"]);
    }

    [Fact]
    public async Task Allocate_WithNothingChosen_ShowsEachErrorAndKeepsWhatWasTyped()
    {
        var (manager, _) = await factory.SignedInAsAsync(Roles.TeamManager);
        var surname = TestData.NewName();
        await ChildAsync(null, lastName: surname);
        var list = await manager.GetPageAsync($"/staff/caseloads/children?name={surname}");

        var refused = await manager.SubmitAsync(list, AllocateForm, new() { ["newWorker"] = "", ["reason"] = new string('x', 1001) });

        refused.Status.ShouldBe(HttpStatusCode.OK);
        refused.ErrorSummary().ShouldBe(["Select at least one child to allocate", "Select the worker to allocate the children to", "The reason must be 1000 characters or fewer"]);
        refused.Get("textarea[name=reason]").TextContent.Trim().ShouldBe(new string('x', 1001));
        refused.Html.QuerySelectorAll($"{AllocateForm} input[name=children]").Length.ShouldBe(1);
    }

    [Theory]
    [InlineData("not-a-child")]
    [InlineData("00000000-0000-0000-0000-000000000000:abc")]
    [InlineData(":")]
    [InlineData("\u0000")]
    public async Task Allocate_GarbageChildren_AreRefusedWithAnError(string garbage)
    {
        var (manager, _) = await factory.SignedInAsAsync(Roles.TeamManager);
        var officer = await factory.CreateUserAsync(Roles.PersonalisationOfficer);
        var surname = TestData.NewName();
        await ChildAsync(null, lastName: surname);
        var list = await manager.GetPageAsync($"/staff/caseloads/children?name={surname}");

        var refused = await manager.SubmitAsync(list, AllocateForm, new() { ["children"] = garbage, ["newWorker"] = officer.Id, ["reason"] = "Because" });

        refused.Status.ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.BadRequest);
        if (refused.Status == HttpStatusCode.OK) refused.ErrorSummary().ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Allocate_ToAFinanceOfficerOrAnUnknownWorker_IsRefused()
    {
        var (manager, _) = await factory.SignedInAsAsync(Roles.TeamManager);
        var finance = await factory.CreateUserAsync(Roles.FinanceOfficer);
        var surname = TestData.NewName();
        var child = await ChildAsync(null, lastName: surname);
        var list = await manager.GetPageAsync($"/staff/caseloads/children?name={surname}");
        var value = $"{child.Id}:{child.Version}";

        (await manager.SubmitAsync(list, AllocateForm, new() { ["children"] = value, ["newWorker"] = finance.Id, ["reason"] = "Because" }))
            .ErrorSummary().ShouldBe(["The worker chosen cannot hold cases: choose a personalisation officer, a reviewing officer or a team manager"]);
        (await manager.SubmitAsync(list, AllocateForm, new() { ["children"] = value, ["newWorker"] = "'; drop table children; --", ["reason"] = "Because" }))
            .ErrorSummary().ShouldNotBeEmpty();
        (await KeyWorkerOfAsync(child.Id)).ShouldBeNull();
    }

    [Fact]
    public async Task Allocate_AChildAnotherManagerMovedFirst_TellsTheSecondManager()
    {
        var (first, _) = await factory.SignedInAsAsync(Roles.TeamManager);
        var (second, _) = await factory.SignedInAsAsync(Roles.TeamManager);
        var one = await factory.CreateUserAsync(Roles.PersonalisationOfficer);
        var two = await factory.CreateUserAsync(Roles.PersonalisationOfficer);
        var surname = TestData.NewName();
        var child = await ChildAsync(null, lastName: surname);
        var url = $"/staff/caseloads/children?name={surname}";
        var firstList = await first.GetPageAsync(url);
        var secondList = await second.GetPageAsync(url);
        var value = $"{child.Id}:{child.Version}";

        (await first.SubmitAsync(firstList, AllocateForm, new() { ["children"] = value, ["newWorker"] = one.Id, ["reason"] = "First" })).RedirectPath.ShouldNotBeNull();
        var refused = await second.SubmitAsync(secondList, AllocateForm, new() { ["children"] = value, ["newWorker"] = two.Id, ["reason"] = "Second" });

        refused.ErrorSummary().ShouldHaveSingleItem().ShouldStartWith("Someone else changed one of these children's records");
        (await KeyWorkerOfAsync(child.Id)).ShouldBe(one.Id);
    }

    [Fact]
    public async Task MoveAll_MovesEveryChildOnTheWorkersCaseload()
    {
        var (manager, _) = await factory.SignedInAsAsync(Roles.TeamManager);
        var leaving = await factory.CreateUserAsync(Roles.PersonalisationOfficer);
        var staying = await factory.CreateUserAsync(Roles.ReviewingOfficer);
        var children = new List<Child>();
        for (var i = 0; i < 3; i++) children.Add(await ChildAsync(leaving.Id));
        var page = await manager.GetPageAsync($"/staff/caseloads/children?worker={leaving.Id}");
        page.Get("h1").TextContent.ShouldBe($"{leaving.Name}'s caseload");

        var empty = await manager.SubmitAsync(page, MoveAllForm, new() { ["moveAllTo"] = "", ["moveAllReason"] = "" });
        empty.ErrorSummary().ShouldBe(["Select the worker to allocate the children to", "Enter why the children are being allocated"]);
        var moved = await manager.SubmitAsync(page, MoveAllForm, new() { ["moveAllTo"] = staying.Id, ["moveAllReason"] = "Leaving the team" });

        moved.RedirectPath.ShouldBe($"/staff/caseloads/children?worker={leaving.Id}&moved=3");
        foreach (var child in children) (await KeyWorkerOfAsync(child.Id)).ShouldBe(staying.Id);
    }

    [Fact]
    public async Task Children_WithGarbageFilters_ShowErrorsNot500()
    {
        var (manager, _) = await factory.SignedInAsAsync(Roles.TeamManager);

        var page = await manager.GetPageAsync($"/staff/caseloads/children?tier=7&name={new string('a', 101)}&p=-3");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.ErrorSummary().ShouldBe(["Select a tier from the list", "The name or reference must be 100 characters or fewer"]);
        (await manager.GetPageAsync("/staff/caseloads/children?worker=nobody")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Teams_AnAdministratorSetsAWorkersTeam()
    {
        var (admin, _) = await factory.SignedInAsAsync(Roles.Admin);
        var officer = await factory.CreateUserAsync(Roles.PersonalisationOfficer);
        var page = await admin.GetPageAsync($"/staff/teams/{officer.Id}");

        var tooLong = await admin.SubmitAsync(page, "main form[method=post]", new() { ["team"] = new string('t', 101) });
        tooLong.ErrorSummary().ShouldBe(["The team's name must be 100 characters or fewer"]);
        var saved = await admin.SubmitAsync(page, "main form[method=post]", new() { ["team"] = "  North   East " });

        saved.RedirectPath.ShouldBe("/staff/teams");
        (await factory.Data.WithDbAsync(db => db.Users.Where(u => u.Id == officer.Id).Select(u => u.Team).SingleAsync())).ShouldBe("North East");
        var stale = await admin.SubmitAsync(page, "main form[method=post]", new() { ["team"] = "South" });
        stale.ErrorSummary().ShouldHaveSingleItem().ShouldStartWith("Someone else changed this account");
        (await admin.GetPageAsync("/staff/teams/no-such-account")).Status.ShouldBe(HttpStatusCode.NotFound);
    }
}
