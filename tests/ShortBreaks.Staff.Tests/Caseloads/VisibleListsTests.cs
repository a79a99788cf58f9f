using System.Net;
using Microsoft.EntityFrameworkCore;
using ShortBreaks.Core.Calendar;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Plans;
using ShortBreaks.Core.Providers;
using ShortBreaks.Core.Reviews;
using ShortBreaks.Core.Schemes;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Staff.Tests.Caseloads;

/// <summary>
/// The staff lists about children list only the children the person sees, under a scheme where personalisation officers
/// see their own caseload (Own), reviewing officers their team's (Team) and team managers every child (All, the default).
/// </summary>
public class VisibleListsTests(VisibilityFactory factory) : IClassFixture<VisibilityFactory>
{
    private static DateOnly Today => UkCalendar.DateOf(DateTime.UtcNow);

    /// <summary>
    /// A personalisation officer and their own child; a reviewing officer, a colleague in their team and the colleague's
    /// child; a stranger in another team and their child; and a team manager. Each child is made by <paramref name="child"/>.
    /// </summary>
    private sealed record World(Child Mine, Child Colleagues, Child Strangers, PageClient Officer, PageClient Reviewer, PageClient Manager);

    private async Task<World> WorldAsync(Func<string, Task<Child>> child)
    {
        var (officer, me) = await factory.SignedInAsAsync(Roles.PersonalisationOfficer);
        var (reviewer, reviewing) = await factory.SignedInAsAsync(Roles.ReviewingOfficer);
        var (manager, _) = await factory.SignedInAsAsync(Roles.TeamManager);
        var colleague = await factory.CreateUserAsync(Roles.PersonalisationOfficer);
        var stranger = await factory.CreateUserAsync(Roles.PersonalisationOfficer);
        var team = TestData.NewName();
        await factory.Data.WithDbAsync(async db =>
        {
            foreach (var user in await db.Users.Where(u => u.Id == reviewing.Id || u.Id == colleague.Id).ToListAsync()) user.Team = team;
            foreach (var user in await db.Users.Where(u => u.Id == stranger.Id || u.Id == me.Id).ToListAsync()) user.Team = team + " South";
            // Saved as the service saves a move of team, so the accounts' change stamp moves with it.
            await db.SaveChangesAsync();
        });
        return new World(await child(me.Id), await child(colleague.Id), await child(stranger.Id), officer, reviewer, manager);
    }

    /// <summary>Each person's view of the list at <paramref name="url"/>: Own, Team and All, each child listed or not.</summary>
    private static async Task ListsOnlyWhatEachSeesAsync(World world, string url)
    {
        async Task<(bool Mine, bool Colleagues, bool Strangers)> ListedFor(PageClient browser)
        {
            var page = await browser.GetPageAsync(url);
            page.Status.ShouldBe(HttpStatusCode.OK);
            var text = page.Text;
            return (text.Contains(world.Mine.Reference), text.Contains(world.Colleagues.Reference), text.Contains(world.Strangers.Reference));
        }

        (await ListedFor(world.Officer)).ShouldBe((true, false, false), "Own: the officer's own child only");
        (await ListedFor(world.Reviewer)).ShouldBe((false, true, false), "Team: the team's child only");
        (await ListedFor(world.Manager)).ShouldBe((true, true, true), "All: every child");
    }

    private Task<Child> KeyWorkerChildAsync(string keyWorkerId, Action<Child>? configure = null) =>
        factory.Data.ChildAsync(c => { c.KeyWorkerId = keyWorkerId; c.Tier = Tier.FlexibleShortBreaks; configure?.Invoke(c); });

    [Fact]
    public async Task ReviewsWorklist_ListsOnlyTheReviewsOfChildrenEachSees_AndCountsOnlyThem()
    {
        var world = await WorldAsync(async keyWorker =>
        {
            var child = await KeyWorkerChildAsync(keyWorker);
            await factory.Data.WithDbAsync(async db =>
            {
                db.Reviews.Add(new Review { ChildId = child.Id, Kind = ReviewKind.Annual, DueOn = Today.AddDays(10), State = ReviewState.Due, CreatedAt = DateTime.UtcNow });
                await db.SaveChangesAsync();
            });
            return child;
        });

        await ListsOnlyWhatEachSeesAsync(world, "/staff/reviews?officer=none&when=any");
        (await world.Officer.GetPageAsync("/staff/reviews?officer=none&when=any")).Get("#reviews caption").TextContent.Trim().ShouldBe("1 review");
    }

    [Fact]
    public async Task RenewalQueue_ListsOnlyTheRenewalsOfChildrenEachSees()
    {
        var world = await WorldAsync(async keyWorker =>
        {
            var child = await KeyWorkerChildAsync(keyWorker);
            await factory.Data.WithDbAsync(async db =>
            {
                db.FsbRenewals.Add(new FsbRenewal
                {
                    ChildId = child.Id, YearStart = RenewalRules.NextYearStart(Today, ProviderSettings.Defaults), Status = RenewalStatus.Submitted,
                    InvitedAt = DateTime.UtcNow.AddDays(-20), SubmittedAt = DateTime.UtcNow, SubmittedByName = "Jo Parent", AnswersJson = "[]",
                });
                await db.SaveChangesAsync();
            });
            return child;
        });

        await ListsOnlyWhatEachSeesAsync(world, "/staff/renewals");
    }

    [Fact]
    public async Task UnusedHours_ListsOnlyThePackagesOfChildrenEachSees_AndTheProvidersTotalsCountOnlyThem()
    {
        var yearStart = AllowanceYears.StartOf(Today, ProviderSettings.Defaults);
        var world = await WorldAsync(keyWorker => KeyWorkerChildAsync(keyWorker));
        var organisationId = await factory.Data.WithDbAsync(async db =>
        {
            var (organisation, service) = TestData.AddApprovedOrganisation(db, "Visible " + TestData.NewName(), yearStart);
            foreach (var child in new[] { world.Mine, world.Colleagues, world.Strangers })
                TestData.AddProviderPackage(db, child.Id, organisation, service, yearStart, AllowanceYears.EndOf(yearStart), totalUnits: 100).YearStart = yearStart;
            await db.SaveChangesAsync();
            return organisation.Id;
        });
        var url = $"/staff/unused-hours?provider={organisationId}";

        await ListsOnlyWhatEachSeesAsync(world, url);
        Page.Normalise((await world.Officer.GetPageAsync(url)).Get("#providers tbody tr").TextContent).ShouldContain(" 1 100 hours ");
        Page.Normalise((await world.Manager.GetPageAsync(url)).Get("#providers tbody tr").TextContent).ShouldContain(" 3 300 hours ");
    }

    [Theory]
    [InlineData("/finance/direct-payments")]
    [InlineData("/finance/direct-payments/audits?all=true")]
    public async Task DirectPaymentLists_ListOnlyTheAccountsOfChildrenEachSees_AndFinanceOfficersSeeEveryAccount(string url)
    {
        var world = await WorldAsync(async keyWorker =>
        {
            var child = await KeyWorkerChildAsync(keyWorker);
            await factory.Data.WithDbAsync(async db =>
            {
                TestData.AddDirectPayment(db, child.Id, Today.AddMonths(-3));
                await db.SaveChangesAsync();
            });
            return child;
        });

        await ListsOnlyWhatEachSeesAsync(world, url);

        // Finance officers look after every account, whatever the case staff's setting; the visibility setting does not cover them.
        var (finance, _) = await factory.SignedInAsAsync(Roles.FinanceOfficer);
        var text = (await finance.GetPageAsync(url)).Text;
        new[] { world.Mine, world.Colleagues, world.Strangers }.ShouldAllBe(c => text.Contains(c.Reference));
    }

    [Fact]
    public async Task AdultTransfers_ListsOnlyTheYoungPeopleEachSees()
    {
        var world = await WorldAsync(keyWorker => KeyWorkerChildAsync(keyWorker, c => c.DateOfBirth = Today.AddYears(-18).AddDays(30)));

        await ListsOnlyWhatEachSeesAsync(world, "/staff/adult-transfers");
    }
}
