using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using ShortBreaks.Core.Auditing;
using ShortBreaks.Core.Calendar;
using ShortBreaks.Core.Caseloads;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Notifications;
using ShortBreaks.Core.Plans;
using ShortBreaks.Core.Providers;
using ShortBreaks.Core.Requests;
using ShortBreaks.Core.Reviews;
using ShortBreaks.Core.Schemes;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Core.Tests.Caseloads;

/// <summary>
/// The lists about children, narrowed in the database to the children a person sees (<see cref="ChildVisibility"/>):
/// the same rule whether the list is a query or SQL, with its counts and totals, and none of it for those who see every child.
/// </summary>
public sealed class VisibleListsTests : IDisposable
{
    // A team's name is free text: a quote and braces must stay text in the SQL the unused-hours report is written in.
    private const string North = "O'Neill {North} team";

    private readonly string _mail = Directory.CreateTempSubdirectory("sb-mail-").FullName;

    public void Dispose() => Directory.Delete(_mail, recursive: true);

    private EmailSender Email => new(new EmailOptions { PickupDirectory = _mail }, NullLogger<EmailSender>.Instance);

    private static async Task<string> StaffAsync(ShortBreaksDbContext db, string role, string? team)
    {
        var stored = await db.Roles.FirstOrDefaultAsync(r => r.Name == role) ?? db.Roles.Add(new IdentityRole(role) { NormalizedName = role.ToUpperInvariant() }).Entity;
        var user = new AppUser { UserName = $"{Guid.NewGuid():N}@example.org", DisplayName = role, Team = team, CreatedAt = DateTime.UtcNow };
        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = stored.Id });
        await db.SaveChangesAsync();
        return user.Id;
    }

    /// <summary>
    /// Me (in <see cref="North"/>), a colleague in my team and a stranger in another, a child of each as key worker, a
    /// child of the stranger's whose request I decided, one before the panel and one whose panel item I decided.
    /// </summary>
    private sealed record World(string Me, Child Mine, Child Colleagues, Child Strangers, Child Decided, Child BeforePanel, Child PanelDecided)
    {
        public Child[] All => [Mine, Colleagues, Strangers, Decided, BeforePanel, PanelDecided];
    }

    private static async Task<World> WorldAsync(ShortBreaksDbContext db, Action<Child>? configure = null)
    {
        var data = new TestData(db);
        var me = await StaffAsync(db, Roles.TeamManager, North);
        var colleague = await StaffAsync(db, Roles.PersonalisationOfficer, North);
        var stranger = await StaffAsync(db, Roles.PersonalisationOfficer, "South");
        Task<Child> Of(string keyWorker) => data.CreateChildAsync(tier: Tier.FlexibleShortBreaks, keyWorkerId: keyWorker, configure: configure);
        var world = new World(me, await Of(me), await Of(colleague), await Of(stranger), await Of(stranger), await Of(stranger), await Of(stranger));
        var request = await data.CreateSubmittedRequestAsync(configure: r => r.ChildId = world.Decided.Id);
        db.Decisions.Add(new RequestDecision { RequestId = request.Id, ChildId = world.Decided.Id, DecidedByUserId = me, DecidedByName = "Me", DecidedAt = DateTime.UtcNow, SchemeVersion = "2026.1" });
        db.PanelItems.Add(new PanelItem { ChildId = world.BeforePanel.Id, Kind = PanelItemKind.EntryToTargeted, Status = PanelItemStatus.Awaiting, Summary = "Step up", AddedAt = DateTime.UtcNow, AddedByName = "An officer" });
        db.PanelItems.Add(new PanelItem
        {
            ChildId = world.PanelDecided.Id, Kind = PanelItemKind.HigherBudget, Status = PanelItemStatus.Decided, Summary = "More hours", AddedAt = DateTime.UtcNow,
            AddedByName = "An officer", Outcome = PanelOutcome.Approved, DecidedAt = DateTime.UtcNow, DecidedByName = "Me", DecidedByUserId = me,
        });
        await db.SaveChangesAsync();
        return world;
    }

    private static StaffViewer Own(World w, bool panel = false) => new(w.Me, ChildVisibilityScope.Own, North, SitsOnPanel: panel);

    private static StaffViewer Team(World w) => new(w.Me, ChildVisibilityScope.Team, North);

    [SkippableTheory, AllDatabases]
    public async Task TheRuleAsSql_SelectsTheSameChildrenAsTheRuleAsAQuery(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext(new Actor { UserId = "manager", Name = "A manager" });
        var w = await WorldAsync(db);
        var ours = w.All.Select(c => c.Id).ToArray();

        async Task<List<Guid>> ByQuery(StaffViewer viewer) =>
            await db.Children.VisibleTo(db, viewer).Where(c => ours.Contains(c.Id)).Select(c => c.Id).ToListAsync();

        async Task<List<Guid>> BySql(StaffViewer viewer)
        {
            var sql = ChildVisibility.VisibleChildIdsSql(db, viewer).ShouldNotBeNull();
            sql.ShouldNotContain("@", customMessage: "the viewer's values are written in, not left as parameters");
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"SELECT x.\"Id\" FROM \"Children\" x WHERE x.\"Id\" IN ({sql})";
            if (command.Connection!.State != System.Data.ConnectionState.Open) await command.Connection.OpenAsync();
            var ids = new List<Guid>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) ids.Add(reader.GetValue(0) is Guid id ? id : Guid.Parse(reader.GetString(0)));
            return [.. ids.Where(ours.Contains)];
        }

        (await ByQuery(Own(w))).ShouldBe([w.Mine.Id, w.Decided.Id, w.PanelDecided.Id], ignoreOrder: true);
        (await ByQuery(Own(w, panel: true))).ShouldBe([w.Mine.Id, w.Decided.Id, w.PanelDecided.Id, w.BeforePanel.Id], ignoreOrder: true);
        (await ByQuery(Team(w))).ShouldBe([w.Mine.Id, w.Colleagues.Id, w.Decided.Id, w.PanelDecided.Id], ignoreOrder: true);
        foreach (var viewer in new[] { Own(w), Own(w, panel: true), Team(w) })
            (await BySql(viewer)).ShouldBe(await ByQuery(viewer), ignoreOrder: true);
        ChildVisibility.VisibleChildIdsSql(db, StaffViewer.SeeingEveryChild(w.Me)).ShouldBeNull();
        ChildVisibility.VisibleChildIds(db, null).ShouldBeNull();
    }

    [SkippableTheory, AllDatabases]
    public async Task ReviewsWorklist_CountsAndPagesOnlyTheReviewsOfChildrenTheViewerSees(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext(new Actor { UserId = "manager", Name = "A manager" });
        var w = await WorldAsync(db);
        foreach (var child in w.All)
            db.Reviews.Add(new Review { ChildId = child.Id, Kind = ReviewKind.Annual, DueOn = db.Today.AddDays(7), State = ReviewState.Due, CreatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
        var worklist = new ReviewWorklist(db, ShippedSchemes.Catalog, new ReviewCounts());
        var filter = new ReviewFilter(null, null, null, ReviewWindow.Any, 6);

        var team = await worklist.ListAsync(filter, 1, Team(w));
        team.Total.ShouldBe(4);
        team.Items.Select(i => i.ChildId).ShouldBe([w.Mine.Id, w.Colleagues.Id, w.Decided.Id, w.PanelDecided.Id], ignoreOrder: true);
        (await worklist.ListAsync(filter, 1, Own(w))).Total.ShouldBe(3);
        (await worklist.ListAsync(filter, 1, StaffViewer.SeeingEveryChild(w.Me))).Total.ShouldBe(6);
        (await worklist.ListAsync(filter, 1)).Total.ShouldBe(6);
    }

    [SkippableTheory, AllDatabases]
    public async Task RenewalQueueAndAdultTransfers_ListOnlyTheChildrenTheViewerSees(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext(new Actor { UserId = "manager", Name = "A manager" });
        var w = await WorldAsync(db, c => c.DateOfBirth = UkCalendar.Today(TimeProvider.System).AddYears(-18).AddDays(40));
        foreach (var child in w.All)
        {
            db.FsbRenewals.Add(new FsbRenewal
            {
                ChildId = child.Id, YearStart = RenewalRules.NextYearStart(db.Today, ProviderSettings.Defaults), Status = RenewalStatus.Submitted,
                InvitedAt = DateTime.UtcNow.AddDays(-20), SubmittedAt = DateTime.UtcNow, SubmittedByName = "Jo Parent", AnswersJson = "[]",
            });
        }

        await db.SaveChangesAsync();
        var renewals = new RenewalService(db, ShippedSchemes.Catalog, Email, NullLogger<RenewalService>.Instance);
        var tiers = new TierService(db, ShippedSchemes.Catalog);

        (await renewals.QueueAsync(Own(w))).Select(i => i.Renewal.ChildId).ShouldBe([w.Mine.Id, w.Decided.Id, w.PanelDecided.Id], ignoreOrder: true);
        (await renewals.QueueAsync(Team(w))).Count.ShouldBe(4);
        (await renewals.QueueAsync(StaffViewer.SeeingEveryChild(w.Me))).Count.ShouldBe(6);
        (await tiers.AdultTransfersDueAsync(Own(w, panel: true))).Select(t => t.Child.Id).ShouldBe([w.Mine.Id, w.Decided.Id, w.PanelDecided.Id, w.BeforePanel.Id], ignoreOrder: true);
        (await tiers.AdultTransfersDueAsync(Team(w))).Count.ShouldBe(4);
        (await tiers.AdultTransfersDueAsync()).Count.ShouldBe(6);
    }

    [SkippableTheory, AllDatabases]
    public async Task UnusedHours_RowsAndProvidersTotalsCountOnlyTheChildrenTheViewerSees(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext(new Actor { UserId = "manager", Name = "A manager" });
        var w = await WorldAsync(db);
        var service = new UnusedHoursService(db, ShippedSchemes.Catalog, Email, NullLogger<UnusedHoursService>.Instance);
        var yearStart = service.YearOf(service.Today);
        var (organisation, offered) = TestData.AddApprovedOrganisation(db, "Sitters", yearStart);
        foreach (var child in w.All)
            TestData.AddProviderPackage(db, child.Id, organisation, offered, yearStart, AllowanceYears.EndOf(yearStart), totalUnits: 100).YearStart = yearStart;
        await db.SaveChangesAsync();

        var team = await service.ReportAsync(yearStart, service.Today, new UnusedHoursFilter(Viewer: Team(w)), page: 1);
        team.TotalRows.ShouldBe(4);
        team.Rows.Select(r => r.ChildId).ShouldBe([w.Mine.Id, w.Colleagues.Id, w.Decided.Id, w.PanelDecided.Id], ignoreOrder: true);
        var sitters = team.Providers.ShouldHaveSingleItem();
        (sitters.Children, sitters.Packages).ShouldBe((4, 4));
        (await service.ReportAsync(yearStart, service.Today, new UnusedHoursFilter(Viewer: Own(w)), page: null)).Rows.Count.ShouldBe(3);
        var late = UnusedHoursRules.MonthsDue(yearStart, AllowanceYears.EndOf(yearStart), service.Today, ProviderSettings.Defaults) > 0;
        (await service.ReportAsync(yearStart, service.Today, new UnusedHoursFilter(LateOnly: true, Viewer: Own(w)), page: 1)).TotalRows.ShouldBe(late ? 3 : 0);
        (await service.ReportAsync(yearStart, service.Today, new UnusedHoursFilter(Viewer: StaffViewer.SeeingEveryChild(w.Me)), page: 1)).TotalRows.ShouldBe(6);
    }
}
