using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ShortBreaks.Core.Calendar;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Demo;
using ShortBreaks.Core.Eligibility;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Providers;
using ShortBreaks.Core.Requests;
using ShortBreaks.Core.Schemes;
using Shouldly;
using Xunit;

namespace ShortBreaks.Core.Tests.Demo;

/// <summary>One demo county on a SQLite file, shared by the tests that only read it.</summary>
public sealed class DemoCountyFixture : IAsyncLifetime
{
    public static readonly DateOnly Today = new(2026, 11, 23);

    public const int Children = 600;

    public DemoDatabase Database { get; } = new();

    public DemoSummary Summary { get; private set; } = null!;

    public Scheme Scheme { get; } = DemoDatabase.LoadScheme(Today);

    public async Task InitializeAsync()
    {
        await using var db = await Database.OpenMigratedAsync();
        Summary = await DemoCounty.GenerateAsync(db, DemoDatabase.Options(Scheme, Today, Children), CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        Database.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>A throwaway SQLite file, deleted afterwards.</summary>
public sealed class DemoDatabase : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"shortbreaks-demo-{Guid.NewGuid():N}.db");

    public DatabaseOptions Database => new() { Provider = DatabaseProvider.Sqlite, ConnectionString = _path };

    public ShortBreaksDbContext Open() => DatabaseSetup.Create(Database);

    public async Task<ShortBreaksDbContext> OpenMigratedAsync()
    {
        var db = Open();
        await DatabaseSetup.MigrateAsync(db);
        return db;
    }

    public static DemoOptions Options(Scheme scheme, DateOnly today, int children, int seed = 2026) => new()
    {
        Seed = seed,
        Children = children,
        Today = today,
        Scheme = scheme,
        WorkingDays = LoadWorkingDays(),
        Ras = ShortBreaks.Core.Ras.RasSchemeCatalog.LoadFrom(Path.Combine(SchemesFolder(), "ras")),
    };

    public static Scheme LoadScheme(DateOnly today) => SchemeCatalog.LoadFrom(SchemesFolder()).InForceOn(today);

    private static WorkingDays LoadWorkingDays() => WorkingDays.LoadFrom(Path.Combine(SchemesFolder(), "calendar", "bank-holidays.json"));

    // The schemes copied beside the tests, or else the repository's own folder.
    private static string SchemesFolder()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "schemes");
        if (Directory.Exists(beside)) return beside;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ShortBreaks.slnx"))) return Path.Combine(dir.FullName, "schemes");
        }

        throw new DirectoryNotFoundException("The schemes folder was not found.");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }
    }
}

public sealed class DemoCountyTests(DemoCountyFixture county) : IClassFixture<DemoCountyFixture>
{
    private static readonly Regex ChildReference = new("^C-[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{4}-[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{4}$");

    [Fact]
    public async Task TheCounty_HasReviewsDueOverdueBookedHeldAndDecided_HeldByTheDemoReviewer()
    {
        await using var db = county.Database.Open();
        var reviews = await db.Reviews.AsNoTracking().ToListAsync();
        reviews.Count(r => r.State == Core.Reviews.ReviewState.Due && r.DueOn < DemoCountyFixture.Today).ShouldBeGreaterThan(0, "some are overdue");
        reviews.Count(r => r.State == Core.Reviews.ReviewState.Due && r.DueOn >= DemoCountyFixture.Today).ShouldBeGreaterThan(0, "some are due in the next weeks");
        reviews.Count(r => r.State == Core.Reviews.ReviewState.Booked).ShouldBe(Core.Demo.DemoSupply.ReviewsBooked);
        reviews.Count(r => r.State == Core.Reviews.ReviewState.Held).ShouldBe(1);
        var decided = reviews.Where(r => r.State == Core.Reviews.ReviewState.Completed).ToList();
        decided.Count.ShouldBe(Core.Demo.DemoSupply.ReviewsDecided);
        decided.ShouldAllBe(r => r.LetterId != null && r.DecidedByName == "Tom Barker");
        reviews.Select(r => r.ChildId).Distinct().Count().ShouldBe(reviews.Count);
        reviews.Count(r => r.OfficerName == "Tom Barker").ShouldBeGreaterThanOrEqualTo(Core.Demo.DemoSupply.ReviewsBooked + 1 + Core.Demo.DemoSupply.ReviewsDecided);
    }

    [Fact]
    public async Task TheCounty_HasPlansInForce_AndStepUpsWaitingForThePanel_MadeByTheDemoStaff()
    {
        await using var db = county.Database.Open();
        var approved = await db.PlanVersions.AsNoTracking().Where(v => v.Status == Core.Plans.PlanVersionStatus.Approved).ToListAsync();
        approved.Count.ShouldBe(Core.Demo.DemoPlans.InForce);
        approved.ShouldAllBe(v => v.DecidedByName == "Grace Okafor" && v.AnnualCost <= v.IndicativeBudget);
        var waiting = await db.PanelItems.AsNoTracking().Where(p => p.Status == Core.Plans.PanelItemStatus.Awaiting).ToListAsync();
        waiting.Count.ShouldBe(Core.Demo.DemoPlans.AwaitingPanel);
        waiting.ShouldAllBe(p => p.Kind == Core.Plans.PanelItemKind.EntryToTargeted && p.AddedByName == "Amira Hughes");
        (await db.Letters.CountAsync(l => l.Kind == Core.Letters.LetterKinds.PlanDecision)).ShouldBe(Core.Demo.DemoPlans.InForce);
    }

    [Fact]
    public async Task TheCounty_HasComplaintsAtEachStage_OneOverdue_AnAppeal_AndACompliment_TheFamilySeeingTheirOwn()
    {
        await using var db = county.Database.Open();
        var complaints = await db.Complaints.AsNoTracking().Include(c => c.Stages).ThenInclude(s => s.Extensions).ToListAsync();
        var open = complaints.Where(c => c.CurrentDueOn != null).ToList();
        open.Select(c => c.CurrentStage).Distinct().ShouldBe(
            [Core.Complaints.ComplaintStageKind.LocalResolution, Core.Complaints.ComplaintStageKind.Investigation, Core.Complaints.ComplaintStageKind.ReviewPanel, Core.Complaints.ComplaintStageKind.Appeal], ignoreOrder: true);
        open.ShouldContain(c => c.CurrentDueOn < DemoCountyFixture.Today);
        open.ShouldContain(c => c.Stages.Any(s => s.Extensions.Count > 0));
        complaints.ShouldContain(c => c.Kind == Core.Complaints.ComplaintKind.Compliment && c.Outcome == Core.Complaints.ComplaintOutcome.Noted);
        var appeal = complaints.Single(c => c.Kind == Core.Complaints.ComplaintKind.Appeal);
        appeal.DecisionMakerUserIds!.Split(' ').ShouldNotContain(appeal.Stages.Single().OwnerUserId);
        var named = complaints.Single(c => c.SubjectWorkerUserId != null);
        named.Stages.ShouldAllBe(s => s.OwnerUserId != named.SubjectWorkerUserId);
        var answered = complaints.SelectMany(c => c.Stages).Where(s => s.RespondedOn != null).ToList();
        answered.ShouldAllBe(s => s.LetterId != null);
        (await db.Letters.CountAsync(l => l.Kind == Core.Letters.LetterKinds.ComplaintResponse)).ShouldBe(answered.Count);
        var parentId = await db.Users.Where(u => u.Email == "parent@" + Core.Demo.DemoCounty.EmailDomain).Select(u => u.Id).SingleAsync();
        var familyChildren = await db.ChildFamilyMembers.Where(m => m.UserId == parentId).Select(m => m.ChildId).ToListAsync();
        complaints.ShouldContain(c => familyChildren.Contains(c.ChildId));
    }

    [Fact]
    public async Task Generate_TwiceWithTheSameSeedAndDay_GivesTheSameCounty()
    {
        var scheme = county.Scheme;
        using var first = new DemoDatabase();
        using var second = new DemoDatabase();
        await using (var db = await first.OpenMigratedAsync())
        {
            await DemoCounty.GenerateAsync(db, DemoDatabase.Options(scheme, DemoCountyFixture.Today, 150, seed: 7), CancellationToken.None);
        }

        await using (var db = await second.OpenMigratedAsync())
        {
            await DemoCounty.GenerateAsync(db, DemoDatabase.Options(scheme, DemoCountyFixture.Today, 150, seed: 7), CancellationToken.None);
        }

        var (childrenA, requestsA) = await ReadCountyAsync(first);
        var (childrenB, requestsB) = await ReadCountyAsync(second);

        childrenA.Count.ShouldBe(150);
        childrenB.ShouldBe(childrenA);
        (await ReadAssessmentsAsync(second)).ShouldBe(await ReadAssessmentsAsync(first));
        requestsB.ShouldBe(requestsA);
    }

    [Fact]
    public async Task Generate_WithAnotherSeed_GivesAnotherCounty()
    {
        using var other = new DemoDatabase();
        await using (var db = await other.OpenMigratedAsync())
        {
            await DemoCounty.GenerateAsync(db, DemoDatabase.Options(county.Scheme, DemoCountyFixture.Today, 150, seed: 8), CancellationToken.None);
        }

        await using var otherDb = other.Open();
        await using var fixtureDb = county.Database.Open();
        var references = await otherDb.Children.Select(c => c.Reference).ToListAsync();
        var fixtureReferences = await fixtureDb.Children.Select(c => c.Reference).ToListAsync();
        references.Intersect(fixtureReferences).ShouldBeEmpty();
    }

    [Fact]
    public async Task Generate_GivesRoughlyTheSeedsTierProportions()
    {
        await using var db = county.Database.Open();
        var tiers = await db.Children.GroupBy(c => c.Tier).Select(g => new { Tier = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Tier, g => g.Count);

        tiers.Values.Sum().ShouldBe(DemoCountyFixture.Children);
        Share(tiers, Tier.FlexibleShortBreaks).ShouldBeInRange(0.53, 0.57);
        Share(tiers, Tier.TargetedShortBreaks).ShouldBeInRange(0.23, 0.27);
        Share(tiers, Tier.Universal).ShouldBeInRange(0.07, 0.09);
        Share(tiers, Tier.SocialCare).ShouldBeInRange(0.03, 0.05);
        Share(tiers, Tier.None).ShouldBeInRange(0.06, 0.10);
        county.Summary.FlexibleShortBreaks.ShouldBe(tiers[Tier.FlexibleShortBreaks]);
        county.Summary.Providers.ShouldBe(22);
    }

    [Fact]
    public async Task Generate_GivesFlexibleAndTargetedChildrenAnOfficerWithinTheCaseloadMaximum_LeavingOneInFortyToAllocate()
    {
        await using var db = county.Database.Open();
        var all = await db.Children
            .Where(c => c.Tier == Tier.FlexibleShortBreaks || c.Tier == Tier.TargetedShortBreaks)
            .Select(c => c.KeyWorkerId)
            .ToListAsync();
        var officerIds = await UserIdsInRoleAsync(db, Roles.PersonalisationOfficer);
        var held = all.Where(id => id != null).ToList();

        (all.Count - held.Count).ShouldBe(county.Summary.Unallocated);
        county.Summary.Unallocated.ShouldBe(all.Count / 40);
        county.Summary.Unallocated.ShouldBeGreaterThan(0);
        held.ShouldAllBe(id => officerIds.Contains(id!));
        (await db.Users.Where(u => officerIds.Contains(u.Id)).Select(u => u.Team).ToListAsync()).ShouldAllBe(team => team != null);
        var caseloads = held.GroupBy(id => id).Select(g => g.Count()).ToList();
        caseloads.Max().ShouldBeLessThanOrEqualTo(county.Scheme.Caseloads.PersonalisationOfficerMaximum);
        caseloads.Min().ShouldBeGreaterThanOrEqualTo(county.Scheme.Caseloads.PersonalisationOfficerMinimum);
        (await db.Children.CountAsync(c => c.KeyWorkerId != null && c.Tier != Tier.FlexibleShortBreaks && c.Tier != Tier.TargetedShortBreaks)).ShouldBe(0);
    }

    [Fact]
    public async Task Generate_CreatesEachDemoLoginWithItsRoleAndTheDemoPassword()
    {
        await using var db = county.Database.Open();
        var hasher = new PasswordHasher<AppUser>();

        DemoCounty.Logins.Select(l => l.Role).Distinct().Order().ShouldBe(Roles.All.Order());
        foreach (var login in DemoCounty.Logins)
        {
            login.Email.ShouldEndWith("@demo.example");
            var user = await db.Users.SingleAsync(u => u.NormalizedEmail == login.Email.ToUpperInvariant());
            user.UserName.ShouldBe(login.Email);
            user.EmailConfirmed.ShouldBeTrue();
            user.SecurityStamp.ShouldNotBeNullOrEmpty();
            (await UserIdsInRoleAsync(db, login.Role)).ShouldContain(user.Id);
            hasher.VerifyHashedPassword(user, user.PasswordHash!, DemoCounty.Password).ShouldBe(PasswordVerificationResult.Success);
        }

        // Staff logins come enrolled with the demo authenticator key; families sign in with a password alone.
        foreach (var login in DemoCounty.Logins)
        {
            var user = await db.Users.SingleAsync(u => u.NormalizedEmail == login.Email.ToUpperInvariant());
            var key = await db.UserTokens.Where(t => t.UserId == user.Id && t.Name == "AuthenticatorKey").Select(t => t.Value).SingleOrDefaultAsync();
            if (login.Role == Roles.Family)
            {
                user.TwoFactorEnabled.ShouldBeFalse();
                key.ShouldBeNull();
            }
            else
            {
                user.TwoFactorEnabled.ShouldBeTrue(login.Email);
                key.ShouldBe(Authenticator.DemoKey);
            }
        }

        var provider = await db.Users.SingleAsync(u => u.Email == "provider@demo.example");
        var membership = await db.OrganisationUsers.SingleAsync(u => u.UserId == provider.Id);
        membership.IsAdministrator.ShouldBeTrue();
        (await db.Organisations.AnyAsync(o => o.Id == membership.OrganisationId && o.Status == FrameworkStatus.Approved)).ShouldBeTrue();
    }

    [Fact]
    public async Task Generate_LinksTheDemoParentToOneChildWithFlexibleShortBreaksDecided_AndTheSecondParentToNone()
    {
        await using var db = county.Database.Open();
        var parent = await db.Users.SingleAsync(u => u.Email == "parent@demo.example");
        var parent2 = await db.Users.SingleAsync(u => u.Email == "parent2@demo.example");

        var childIds = await db.ChildFamilyMembers.Where(m => m.UserId == parent.Id).Select(m => m.ChildId).ToListAsync();
        childIds.Count.ShouldBe(1);
        var child = await db.Children.SingleAsync(c => c.Id == childIds[0]);
        child.Tier.ShouldBe(Tier.FlexibleShortBreaks);
        var request = await db.Requests.Include(r => r.Decision).SingleAsync(r => r.ChildId == child.Id);
        request.Status.ShouldBe(RequestStatus.Decided);
        request.FamilyUserId.ShouldBe(parent.Id);
        request.Decision!.Outcome.ShouldBe(DecisionOutcome.FlexibleShortBreaksApproved);
        request.Decision.AllowanceHoursPerYear.ShouldBe(county.Scheme.Tiers.FlexibleShortBreaks.HoursPerYear);
        (await db.Letters.CountAsync(l => l.ChildId == child.Id && l.VisibleToFamily)).ShouldBe(1);

        (await db.ChildFamilyMembers.AnyAsync(m => m.UserId == parent2.Id)).ShouldBeFalse();
        (await db.Requests.AnyAsync(r => r.FamilyUserId == parent2.Id)).ShouldBeFalse();
    }

    [Fact]
    public async Task Generate_DecidesEachRequestByTheServicesRules_AndSendsTheLetterTheServiceWrites()
    {
        await using var db = county.Database.Open();
        var decided = await db.Requests.AsNoTracking().Include(r => r.Decision).Where(r => r.Decision != null).ToListAsync();
        var letters = await db.Letters.AsNoTracking().Where(l => l.Kind == Core.Letters.LetterKinds.Decision).ToDictionaryAsync(l => l.Id);
        var referrals = await db.Referrals.AsNoTracking().Where(r => r.RequestId != null).ToDictionaryAsync(r => r.RequestId!.Value);

        decided.Select(r => r.Decision!.Outcome).Distinct().Order()
            .ShouldBe([DecisionOutcome.FlexibleShortBreaksApproved, DecisionOutcome.Universal, DecisionOutcome.ReferToSocialCare], ignoreOrder: true);
        letters.Count.ShouldBe(decided.Count);
        foreach (var request in decided)
        {
            var decision = request.Decision!;
            request.Status.ShouldBe(ThresholdDecisions.StatusAfter(decision.Outcome));
            var letter = letters[decision.LetterId!.Value];
            (letter.RequestId, letter.ChildId, letter.VisibleToFamily).ShouldBe((request.Id, decision.ChildId, true));
            (letter.Title, letter.BodyHtml).ShouldBe(Core.Letters.DecisionLetter.Compose(county.Scheme, request, decision));
            referrals.TryGetValue(request.Id, out var referral);
            ((ReferralKind?)referral?.Kind).ShouldBe(ThresholdDecisions.ReferralFor(decision.Outcome));
        }
    }

    [Fact]
    public async Task Generate_FillsEachChildsRecordConsistently()
    {
        await using var db = county.Database.Open();
        var children = await db.Children.ToListAsync();

        children.Select(c => c.Reference).Distinct().Count().ShouldBe(children.Count);
        foreach (var c in children)
        {
            c.Reference.ShouldMatch(ChildReference.ToString());
            c.NameKey.ShouldBe($"{c.FirstName} {c.LastName}".ToLowerInvariant());
            c.LastNameKey.ShouldBe(c.LastName.ToLowerInvariant());
            c.Postcode.ShouldStartWith("DC");
            c.PostcodeKey.ShouldBe(c.Postcode.Replace(" ", "").ToUpperInvariant());
            // Former children, whose closed records are dated back so that retention has something to list, are adults now.
            if (c.ClosedAt is null) EligibilityCheck.AgeOn(c.DateOfBirth, DemoCountyFixture.Today).ShouldBeInRange(5, 17);
            else EligibilityCheck.AgeOn(c.DateOfBirth, DemoCountyFixture.Today).ShouldBeGreaterThanOrEqualTo(18);
            CinDisabilityCodes.Parse(c.DisabilityCodes).Count.ShouldBeInRange(1, 3);
            (c.HasEhcPlan == c.EhcPlanReviewDate.HasValue).ShouldBeTrue();
        }

        var withPlan = children.Count(c => c.HasEhcPlan) / (double)children.Count;
        withPlan.ShouldBeInRange(0.30, 0.50);
    }

    [Fact]
    public async Task Generate_LeavesRequestsWaiting_SomePastTheTarget_SomeByPhone_SomeToMatch_AndDrafts()
    {
        await using var db = county.Database.Open();
        var waiting = await db.Requests.Where(r => r.Status == RequestStatus.Submitted).ToListAsync();
        var workingDays = DemoDatabase.Options(county.Scheme, DemoCountyFixture.Today, DemoCountyFixture.Children).WorkingDays!;
        var target = county.Scheme.Triage.DecisionTargetWorkingDays;

        waiting.Count.ShouldBe(county.Summary.RequestsAwaitingDecision);
        waiting.ShouldContain(r => workingDays.Between(DateOnly.FromDateTime(r.SubmittedAt!.Value), DemoCountyFixture.Today) > target);
        waiting.ShouldContain(r => workingDays.Between(DateOnly.FromDateTime(r.SubmittedAt!.Value), DemoCountyFixture.Today) <= target);
        waiting.ShouldContain(r => r.Channel == RequestChannel.DutyPoint);
        waiting.ShouldContain(r => r.Channel == RequestChannel.Online);
        waiting.Count(r => r.ChildId == null && !r.ChildConfirmed).ShouldBe(county.Summary.RequestsToMatch);
        (await db.Requests.CountAsync(r => r.Status == RequestStatus.Draft && r.SubmittedAt == null)).ShouldBeGreaterThan(0);
        (await db.Requests.CountAsync(r => r.Status == RequestStatus.Decided)).ShouldBe(await db.Decisions.CountAsync());
    }

    [Fact]
    public async Task Generate_WritesOneAuditEntryForTheWholeLoad_BesideThePaymentRunsOwn()
    {
        await using var db = county.Database.Open();
        var entries = await db.AuditEntries.ToListAsync();

        // A payment run writes its own entries as it is made, paid and exported (one each, however many items it holds).
        var others = entries.Where(e => e.EntityType != nameof(Core.Finance.PaymentRun)).ToList();
        others.Count.ShouldBe(1);
        others[0].Action.ShouldBe("demo-data");
        entries.Where(e => e.EntityType == nameof(Core.Finance.PaymentRun)).Select(e => e.Action).Distinct().Order().ShouldBe(["create", "export", "pay"]);
    }

    [Fact]
    public async Task Generate_GivesAYearOfMoney_ThatReconcilesToThePenny()
    {
        await using var db = county.Database.Open();

        county.Summary.DirectPayments.ShouldBeGreaterThan(5);
        county.Summary.PaymentRuns.ShouldBeGreaterThanOrEqualTo(10);
        county.Summary.Invoices.ShouldBeGreaterThan(12);
        await DemoMoneyChecks.ReconcilesAsync(db, county.Scheme);
        var runs = await db.PaymentRuns.AsNoTracking().Where(r => r.State == Core.Finance.PaymentRunState.Paid).ToListAsync();
        runs.ShouldAllBe(r => r.PreparedByName == "Helen Marsh" && r.ApprovedByName == "Ravi Chandra");
        runs.Select(r => (r.PayOn.Year, r.PayOn.Month)).Distinct().Count().ShouldBe(runs.Count, "one run a month");
    }

    [Fact]
    public async Task Generate_OnADatabaseThatHasChildren_IsRefused()
    {
        await using var db = county.Database.Open();
        var before = await db.Children.CountAsync();

        var ex = await Should.ThrowAsync<InvalidOperationException>(() =>
            DemoCounty.GenerateAsync(db, DemoDatabase.Options(county.Scheme, DemoCountyFixture.Today, 50), CancellationToken.None));

        ex.Message.ShouldContain("already has children");
        (await db.Children.CountAsync()).ShouldBe(before);
    }

    private static async Task<(List<string> Children, List<string> Requests)> ReadCountyAsync(DemoDatabase database)
    {
        await using var db = database.Open();
        var children = (await db.Children.ToListAsync())
            .Select(c => $"{c.Id} {c.Reference} {c.FirstName} {c.LastName} {c.DateOfBirth:yyyy-MM-dd} {c.Postcode} {c.Tier} {c.KeyWorkerId}")
            .Order(StringComparer.Ordinal)
            .ToList();
        var requests = (await db.Requests.ToListAsync())
            .Select(r => $"{r.Reference} {r.Status} {r.Channel} {r.ChildId} {r.SubmittedAt:O} {r.NeedIds}")
            .Order(StringComparer.Ordinal)
            .ToList();
        return (children, requests);
    }

    private static async Task<HashSet<string>> UserIdsInRoleAsync(ShortBreaksDbContext db, string role) =>
        (await db.UserRoles
            .Where(ur => db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role))
            .Select(ur => ur.UserId)
            .ToListAsync()).ToHashSet();

    private static double Share(Dictionary<Tier, int> tiers, Tier tier) =>
        tiers.GetValueOrDefault(tier) / (double)DemoCountyFixture.Children;

    private static async Task<List<string>> ReadAssessmentsAsync(DemoDatabase database)
    {
        await using var db = database.Open();
        return await db.RasAssessments.AsNoTracking().OrderBy(a => a.Id)
            .Select(a => a.Id + " " + a.ChildId + " " + a.LevelsJson + " " + a.SupportJson + " " + a.IndicativeAmount + " " + a.OverrideAmount)
            .ToListAsync();
    }
}

/// <summary>The demo county's RAS assessments: a caseload for virtual budgets to run over.</summary>
public sealed class DemoCountyRasTests(DemoCountyFixture county) : IClassFixture<DemoCountyFixture>
{
    [Fact]
    public async Task Generate_GivesEveryFlexibleAndTargetedChildACompletedAssessment_AndNoOtherChild()
    {
        await using var db = county.Database.Open();
        var current = await db.Children.AsNoTracking()
            .Where(c => c.Tier == Tier.FlexibleShortBreaks || c.Tier == Tier.TargetedShortBreaks).Select(c => c.Id).ToListAsync();
        var assessed = await db.RasAssessments.AsNoTracking().Where(a => a.Status == ShortBreaks.Core.Ras.RasAssessmentStatus.Completed)
            .Select(a => a.ChildId).Distinct().ToListAsync();

        assessed.ShouldBe(current, ignoreOrder: true);
        county.Summary.RasAssessments.ShouldBeGreaterThan(current.Count, "about one in twenty has an earlier assessment too");
        (await db.RasAssessments.CountAsync()).ShouldBe(county.Summary.RasAssessments);
    }

    [Fact]
    public async Task Generate_ScoresEachAssessmentWithTheRealEngine_UnderTheVersionInForce()
    {
        await using var db = county.Database.Open();
        var catalog = ShortBreaks.Core.Ras.RasSchemeCatalog.LoadFrom(Path.Combine(AppContext.BaseDirectory, "schemes", "ras"));
        var assessments = await db.RasAssessments.AsNoTracking().ToListAsync();

        foreach (var a in assessments)
        {
            var scheme = catalog.Find(a.RasVersion!)!;
            scheme.ShouldBe(catalog.InForceOn(DateOnly.FromDateTime(a.CompletedAt!.Value)));
            var result = ShortBreaks.Core.Ras.RasEngine.Score(scheme, ShortBreaks.Core.Ras.RasAssessmentService.AnswersOf(a));
            (result.Amount, result.TotalPoints, result.Routing).ShouldBe((a.IndicativeAmount!.Value, a.TotalPoints!.Value, a.Routing!.Value));
        }
    }

    [Fact]
    public async Task Generate_SpreadsTheCaseloadAcrossTheBands_WithTargetedChildrenHigher_AndSomeOverrides()
    {
        await using var db = county.Database.Open();
        var rows = await (from a in db.RasAssessments.AsNoTracking()
                          join c in db.Children.AsNoTracking() on a.ChildId equals c.Id
                          select new { c.Tier, a.Band, a.TotalPoints, a.OverrideAmount }).ToListAsync();

        var bands = rows.GroupBy(r => r.Band).ToDictionary(g => g.Key ?? "", g => g.Count());
        bands.Keys.ShouldContain("Flexible Short Breaks");
        bands.Keys.ShouldContain("Targeted Short Breaks, band 1");
        bands.Keys.ShouldContain("Targeted Short Breaks, band 2");
        bands.Keys.ShouldContain("Targeted Short Breaks, band 3");
        bands.Keys.ShouldContain("Universal and early help services");
        var flexible = rows.Where(r => r.Tier == Tier.FlexibleShortBreaks).ToList();
        var targeted = rows.Where(r => r.Tier == Tier.TargetedShortBreaks).ToList();
        (flexible.Count(r => r.Band == "Flexible Short Breaks") / (double)flexible.Count).ShouldBeGreaterThan(0.6);
        (targeted.Count(r => r.Band!.StartsWith("Targeted", StringComparison.Ordinal)) / (double)targeted.Count).ShouldBeGreaterThan(0.6);
        targeted.Average(r => r.TotalPoints!.Value).ShouldBeGreaterThan(flexible.Average(r => r.TotalPoints!.Value) + 20);
        rows.Count(r => r.OverrideAmount is not null).ShouldBeInRange(1, rows.Count / 5);
    }

    [Fact]
    public async Task Generate_ClosesAFewFormerChildrensCases_TwoOfThemAlreadyPastTheirRetention()
    {
        await using var db = county.Database.Open();
        var closed = await db.Children.AsNoTracking().Where(c => c.ClosedAt != null).ToListAsync();
        var today = Core.Calendar.UkCalendar.DateOf(DateTime.UtcNow);

        closed.Count.ShouldBe(Core.Demo.DemoClosures.Closed);
        var past = closed.Count(c => Core.Retention.RetentionRules.Past(
            Core.Retention.RetentionRules.CaseRecord(c.DateOfBirth, Core.Calendar.UkCalendar.DateOf(c.ClosedAt!.Value), Core.Schemes.RetentionSettings.Defaults).Ends, today));
        past.ShouldBe(2);
        foreach (var c in closed)
        {
            c.ClosedByName.ShouldBe("Amira Hughes");
            (await db.TimelineEvents.CountAsync(e => e.ChildId == c.Id && e.Kind == TimelineKinds.CaseClosed && e.At == c.ClosedAt)).ShouldBe(1);
            (await db.Decisions.Where(d => d.ChildId == c.Id).AllAsync(d => d.DecidedAt < c.ClosedAt)).ShouldBeTrue();
        }
    }
}

/// <summary>The demo county's providers, packages and a year of returns, made through the services.</summary>
public sealed class DemoCountySupplyTests(DemoCountyFixture county) : IClassFixture<DemoCountyFixture>
{
    [Fact]
    public async Task Generate_Puts22OrganisationsOnTheFramework_ThroughTheirApplications_WithServicesPricesAndPlacesTheDirectoryFinds()
    {
        await using var db = county.Database.Open();
        var organisations = await db.Organisations.AsNoTracking().Include(o => o.Insurances).ToListAsync();
        var services = await db.Services.AsNoTracking().Include(s => s.Prices).Include(s => s.Locations).ThenInclude(l => l.Location).ToListAsync();
        var changes = await db.FrameworkStatusChanges.AsNoTracking().ToListAsync();
        var districts = ShortBreaks.Core.LocalOffer.PostcodeDistricts.LoadFrom(Path.Combine(AppContext.BaseDirectory, "schemes", "local-offer", "postcode-districts.json"));

        organisations.Count.ShouldBe(22);
        organisations.Select(o => o.Name).ShouldBe(DemoNames.Providers.Select(p => p.Name), ignoreOrder: true);
        foreach (var organisation in organisations)
        {
            organisation.Status.ShouldBe(FrameworkStatus.Approved);
            OrganisationRules.NewPackageRefusal(organisation, county.Scheme.ProviderRules, DemoCountyFixture.Today).ShouldBeNull(organisation.Name);
            var moves = changes.Where(c => c.OrganisationId == organisation.Id).OrderBy(c => c.At).Select(c => (c.To, c.ByName)).ToList();
            moves.Select(m => m.To).ShouldBe([FrameworkStatus.Registered, FrameworkStatus.Applied, FrameworkStatus.Approved]);
            moves[^1].ByName.ShouldBe("Martin Reid");
            var own = services.Where(s => s.OrganisationId == organisation.Id).ToList();
            own.ShouldNotBeEmpty(organisation.Name);
            own.ShouldAllBe(s => s.Status == ServiceStatus.Active && s.Prices.Count >= 1);
        }

        services.Select(s => s.Kind).Distinct().Count().ShouldBeGreaterThanOrEqualTo(8);
        var places = services.SelectMany(s => s.Locations).Select(l => l.Location!).ToList();
        places.ShouldNotBeEmpty();
        places.ShouldAllBe(l => districts.CentreOf(l.Postcode) != null);
        services.Where(s => s.Locations.Count == 0).ShouldAllBe(s => s.AreaServed != null);
        // Some prices went up part way through the year, from a day after they were set.
        services.Count(s => s.Prices.Count == 2).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Generate_BuildsPackagesForManyFlexibleChildren_AndBrokersThePlansProviderLines_AcceptedByTheProviders()
    {
        await using var db = county.Database.Open();
        var packages = await db.Packages.AsNoTracking().Include(p => p.Lines).ToListAsync();
        var children = await db.Children.AsNoTracking().ToDictionaryAsync(c => c.Id);
        var moves = await db.PackageStateChanges.AsNoTracking().ToListAsync();

        var flexible = packages.Where(p => p.Tier == Tier.FlexibleShortBreaks).ToList();
        flexible.ShouldAllBe(p => children[p.ChildId].Tier == Tier.FlexibleShortBreaks);
        var wanted = Math.Min(DemoSupply.MostFlexiblePackages, county.Summary.FlexibleShortBreaks / DemoSupply.OneFlexibleChildIn);
        flexible.Select(p => p.ChildId).Distinct().Count().ShouldBeGreaterThanOrEqualTo(wanted * 3 / 4);
        flexible.Count(p => p.Route == PackageRoute.DirectPayment && p.State == PackageState.Accepted).ShouldBeGreaterThan(0);
        var provided = flexible.Where(p => p.Route == PackageRoute.Provider).ToList();
        provided.Count.ShouldBeGreaterThan(20);
        provided.ShouldAllBe(p => p.State == PackageState.Accepted);
        foreach (var package in provided)
        {
            var builder = package.CreatedByName == "Jess Carter" ? PackageActor.Family : PackageActor.Officer;
            PackageService.Ordered(moves.Where(m => m.PackageId == package.Id)).Select(m => (m.To, m.By))
                .ShouldBe([(PackageState.Draft, builder), (PackageState.Sent, builder), (PackageState.Accepted, PackageActor.Provider)]);
        }

        // The demo parent built their own child's packages.
        flexible.Where(p => p.CreatedByName == "Jess Carter").ShouldNotBeEmpty();
        var targeted = packages.Where(p => p.Tier == Tier.TargetedShortBreaks && p.State == PackageState.Accepted).ToList();
        targeted.Count.ShouldBe(DemoPlans.InForce);
        targeted.ShouldAllBe(p => p.PlanVersionId != null && p.OrganisationId != null && p.Lines.Count == 1);
        county.Summary.Packages.ShouldBe(flexible.Count + targeted.Count);
    }

    [Fact]
    public async Task Generate_ReturnsAYearOfSessions_WithCancellationsByReason_UnusedHours_AndLateAndMissingReturns()
    {
        await using var db = county.Database.Open();
        var sessions = await db.DeliveredSessions.AsNoTracking().ToListAsync();
        var returns = await db.DeliveryReturns.AsNoTracking().ToListAsync();
        var lines = await db.PackageLines.AsNoTracking().ToListAsync();
        var today = DemoCountyFixture.Today;

        // Delivery runs from the start of the last allowance year to today.
        var firstYear = DemoSupply.FirstYearStart(today, county.Scheme.ProviderRules);
        sessions.Min(s => s.Date).ShouldBeLessThan(firstYear.AddMonths(1));
        sessions.Select(s => DeliveryRules.MonthOf(s.Date)).Distinct().Count().ShouldBeGreaterThanOrEqualTo(12);
        sessions.Max(s => s.Date).ShouldBeLessThan(today);
        sessions.Select(s => s.Cancellation).Distinct().ShouldBe(
            [null, CancellationReason.FamilyCancelled, CancellationReason.ProviderCancelled, CancellationReason.ChildUnwell, CancellationReason.NoShow], ignoreOrder: true);
        (sessions.Count(s => s.Cancellation is null) / (double)sessions.Count).ShouldBeInRange(0.75, 0.95);
        foreach (var line in lines.Where(l => sessions.Any(s => s.PackageLineId == l.Id)))
        {
            sessions.Where(s => s.PackageLineId == line.Id && s.Cancellation == null).Sum(s => s.Quantity).ShouldBeLessThanOrEqualTo(line.TotalUnits);
        }

        // Agreed against delivered over the months returned: some children have hours left unused, some used them all.
        var submittedMonths = returns.Where(r => r.Status == DeliveryReturnStatus.Submitted).ToLookup(r => r.PackageId, r => r.Month);
        var shortfalls = lines.Where(l => l.Frequency == LineFrequency.Monthly && submittedMonths[l.PackageId].Any())
            .Select(l => l.Quantity * submittedMonths[l.PackageId].Count()
                         - sessions.Where(s => s.PackageLineId == l.Id && s.Cancellation == null && submittedMonths[l.PackageId].Contains(DeliveryRules.MonthOf(s.Date))).Sum(s => s.Quantity))
            .ToList();
        shortfalls.ShouldAllBe(left => left >= 0);
        shortfalls.Count(left => left > 0).ShouldBeGreaterThan(shortfalls.Count / 2);
        var submitted = returns.Where(r => r.Status == DeliveryReturnStatus.Submitted).ToList();
        submitted.Count.ShouldBeGreaterThan(returns.Count / 2);
        submitted.ShouldAllBe(r => Core.Calendar.UkCalendar.DateOf(r.SubmittedAt!.Value) >= DeliveryRules.LastDayOf(r.Month));
        var late = submitted.Where(r => DeliveryRules.IsLate(r.DueOn, Core.Calendar.UkCalendar.DateOf(r.SubmittedAt!.Value))).ToList();
        late.ShouldNotBeEmpty();
        late.ShouldContain(r => Core.Calendar.UkCalendar.DateOf(r.SubmittedAt!.Value) >= r.DueOn.AddDays(20), "some a month late");
        returns.ShouldContain(r => DeliveryRules.IsOverdue(r.Status, r.DueOn, today), "some not returned at all");
    }

    [Fact]
    public async Task Generate_DeliversEveryMonthOfTheLastAllowanceYearAndThisOne_ThroughPackagesAgreedWithinEachYear()
    {
        await using var db = county.Database.Open();
        var sessions = await db.DeliveredSessions.AsNoTracking().Where(s => s.Cancellation == null).Select(s => s.Date).ToListAsync();
        var packages = await db.Packages.AsNoTracking().Where(p => p.Tier == Tier.FlexibleShortBreaks).ToListAsync();
        var today = DemoCountyFixture.Today;
        var settings = county.Scheme.ProviderRules;
        var firstYear = DemoSupply.FirstYearStart(today, settings);

        // Every month from the first day of the last allowance year to this one has sessions delivered.
        var months = sessions.Select(DeliveryRules.MonthOf).ToHashSet();
        for (var month = firstYear; month <= DeliveryRules.MonthOf(today); month = month.AddMonths(1))
        {
            months.ShouldContain(month, $"sessions delivered in {month:yyyy-MM}");
        }

        // Each package lies within one allowance year; some run the whole of the last one, for children decided before it.
        packages.ShouldAllBe(p => p.YearStart == AllowanceYears.StartOf(p.StartsOn, settings) && p.EndsOn <= AllowanceYears.EndOf(p.YearStart));
        packages.ShouldContain(p => p.StartsOn == firstYear && p.EndsOn == AllowanceYears.EndOf(firstYear));
        packages.ShouldContain(p => p.YearStart == AllowanceYears.StartOf(today, settings));
        var decided = await db.Decisions.AsNoTracking().Where(d => packages.Select(p => p.ChildId).Contains(d.ChildId)).Select(d => new { d.ChildId, d.DecidedAt }).ToListAsync();
        foreach (var package in packages)
        {
            decided.ShouldContain(d => d.ChildId == package.ChildId && Core.Calendar.UkCalendar.DateOf(d.DecidedAt) < package.StartsOn);
        }
    }

    [Fact]
    public async Task Generate_LeavesUnusedHoursAndLateReturnsInBothAllowanceYears_AndTheUnusedHoursReportShowsTheLastYears()
    {
        var today = DemoCountyFixture.Today;
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));
        await using var db = DatabaseSetup.Create(county.Database.Database, clock: clock);
        var settings = county.Scheme.ProviderRules;
        var firstYear = DemoSupply.FirstYearStart(today, settings);
        var returns = await db.DeliveryReturns.AsNoTracking().Where(r => r.Status == DeliveryReturnStatus.Submitted).ToListAsync();
        var schemes = new SchemeCatalog([county.Scheme]);
        var mail = Path.Combine(Path.GetTempPath(), $"shortbreaks-demo-report-{Guid.NewGuid():N}");
        var report = new UnusedHoursService(db, schemes, new Core.Notifications.EmailSender(new Core.Notifications.EmailOptions { PickupDirectory = mail },
            Microsoft.Extensions.Logging.Abstractions.NullLogger<Core.Notifications.EmailSender>.Instance), Microsoft.Extensions.Logging.Abstractions.NullLogger<UnusedHoursService>.Instance);

        foreach (var yearStart in new[] { firstYear, firstYear.AddYears(1) })
        {
            var inYear = returns.Where(r => r.Month >= yearStart && r.Month <= AllowanceYears.EndOf(yearStart)).ToList();
            inYear.ShouldContain(r => DeliveryRules.IsLate(r.DueOn, Core.Calendar.UkCalendar.DateOf(r.SubmittedAt!.Value)), $"late returns in the year from {yearStart}");
            inYear.ShouldContain(r => !DeliveryRules.IsLate(r.DueOn, Core.Calendar.UkCalendar.DateOf(r.SubmittedAt!.Value)), $"returns on time in the year from {yearStart}");

            var year = await report.ReportAsync(yearStart, today, new UnusedHoursFilter(), page: null);
            year.TotalRows.ShouldBeGreaterThan(5);
            year.Totals.ChildHoursUnused.ShouldBeGreaterThan(0, $"unused hours in the year from {yearStart}");
            year.Totals.UnusedMoney.ShouldBeGreaterThan(0);
            year.ReturnsLate.ShouldBeGreaterThan(0);
            year.Rows.ShouldContain(r => r.Figures.ChildHoursUnused > 0);
            year.Rows.ShouldContain(r => r.ReturnsLate > 0);
        }

        // The last year is over: everything it agreed was due by its end.
        var last = await report.ReportAsync(firstYear, today, new UnusedHoursFilter(), page: null);
        last.Rows.ShouldAllBe(r => r.StartsOn >= firstYear && r.EndsOn <= AllowanceYears.EndOf(firstYear));
        last.Totals.AgreedSoFar.ShouldBe(last.Totals.Agreed);
        if (Directory.Exists(mail)) Directory.Delete(mail, recursive: true);
    }

    [Fact]
    public async Task Generate_GivesTheDemoOrganisationAnAdministratorAndAWorker_WhoSeeOnlyItsChildren()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(DemoCountyFixture.Today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));
        await using var db = DatabaseSetup.Create(county.Database.Database, clock: clock);
        var admin = await db.Users.SingleAsync(u => u.Email == "provider@demo.example");
        var worker = await db.Users.SingleAsync(u => u.Email == "providerworker@demo.example");
        var adminMembership = await db.OrganisationUsers.SingleAsync(m => m.UserId == admin.Id);
        var workerMembership = await db.OrganisationUsers.SingleAsync(m => m.UserId == worker.Id);
        var organisation = await db.Organisations.SingleAsync(o => o.Id == adminMembership.OrganisationId);

        organisation.Name.ShouldBe("Riverside Play Scheme");
        adminMembership.IsAdministrator.ShouldBeTrue();
        (workerMembership.OrganisationId, workerMembership.IsAdministrator).ShouldBe((organisation.Id, false));
        workerMembership.AddedByName.ShouldBe("Dev Sharma");

        var schemes = new SchemeCatalog([county.Scheme]);
        var children = new ProviderChildren(db, schemes, new DeliveryReturnService(db, schemes));
        var seen = await children.ListAsync(workerMembership.OrganisationId, null, 1);
        seen.Total.ShouldBeGreaterThan(2);
        var own = await db.Packages.Where(p => p.OrganisationId == organisation.Id).Select(p => p.ChildId).Distinct().ToListAsync();
        seen.Rows.ShouldAllBe(r => own.Contains(r.ChildId));
        var other = await db.Packages.Where(p => p.OrganisationId != null && p.OrganisationId != organisation.Id && !own.Contains(p.ChildId)).Select(p => p.ChildId).FirstAsync();
        (await children.SeesAsync(organisation.Id, other)).ShouldBeFalse();
        (await children.ViewAsync(organisation.Id, other)).ShouldBeNull();
        (await db.DeliveredSessions.CountAsync(s => s.RecordedByName == "Priya Nair")).ShouldBeGreaterThan(0);
    }

    [SkippableTheory, ShortBreaks.TestCommon.AllDatabases]
    public async Task Generate_OnEachDatabase_MakesTheFrameworkPackagesReturnsAndAYearOfMoney(DatabaseProvider provider)
    {
        await using var database = await ShortBreaks.TestCommon.TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();

        var summary = await DemoCounty.GenerateAsync(db, DemoDatabase.Options(county.Scheme, DemoCountyFixture.Today, 600), CancellationToken.None);

        summary.Providers.ShouldBe(22);
        summary.Packages.ShouldBeGreaterThan(10);
        (await db.Organisations.CountAsync(o => o.Status == FrameworkStatus.Approved)).ShouldBe(22);
        (await db.DeliveredSessions.CountAsync()).ShouldBeGreaterThan(50);
        (await db.DeliveryReturns.CountAsync(r => r.Status == DeliveryReturnStatus.Submitted)).ShouldBeGreaterThan(10);
        (await db.AuditEntries.CountAsync(e => e.EntityType != nameof(Core.Finance.PaymentRun))).ShouldBe(1);
        await DemoMoneyChecks.ReconcilesAsync(db, county.Scheme);

        // Loading again adds nothing: the database already has the county.
        var before = await DemoMoneyChecks.CountsAsync(db);
        await Should.ThrowAsync<InvalidOperationException>(() =>
            DemoCounty.GenerateAsync(db, DemoDatabase.Options(county.Scheme, DemoCountyFixture.Today, 600), CancellationToken.None));
        (await DemoMoneyChecks.CountsAsync(db)).ShouldBe(before);
    }
}
