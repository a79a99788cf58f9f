using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using ShortBreaks.Core.Auditing;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Complaints;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Letters;
using ShortBreaks.Core.Plans;
using ShortBreaks.Core.Requests;
using ShortBreaks.Core.Reviews;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Core.Tests.Complaints;

/// <summary>Complaints, compliments and appeals: the stages' working days, extensions, answers, need to know and the daily scan, on every database.</summary>
public sealed class ComplaintServiceTests
{
    private static readonly Actor Family = new() { UserId = "family", Name = "Jo Parent" };
    private static readonly Actor Officer = new() { UserId = "officer", Name = "Olu Officer" };
    private static readonly Actor Investigator = new() { UserId = "investigator", Name = "Ivy Investigator" };
    private static readonly Actor Manager = new() { UserId = "manager", Name = "Mina Manager" };
    private static readonly Actor OtherManager = new() { UserId = "manager2", Name = "Max Manager" };

    // Monday 21 December 2026, before Christmas Day and the Boxing Day holiday (Monday 28th) and New Year's Day.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 21, 10, 0, 0, TimeSpan.Zero));

    // One node's kept counts for every test here (each database keeps its own), as the service has them: every list below
    // is read through them, so a count kept past a change would fail the test that made the change.
    private static readonly ComplaintCounts Counts = new();

    private static ComplaintService Service(ShortBreaksDbContext db) =>
        new(db, ShippedSchemes.Catalog, ShippedSchemes.WorkingDays, new ShortBreaks.Core.Notifications.Messenger(db), Counts);

    private static ComplaintViewer Viewer(Actor actor) => new(actor.UserId!, actor.UserId!.StartsWith("manager", StringComparison.Ordinal));

    private static NewComplaint AComplaint(string summary = "The sitter did not come on Saturday.") =>
        new(ComplaintKind.Complaint, ComplaintSubject.Service, ComplaintMadeBy.ParentCarer, ComplaintChannel.Online, summary);

    private async Task<Child> SetUpAsync(TestDatabase database)
    {
        await using var db = database.NewContext(Actor.System, _clock);
        var roles = new Dictionary<string, IdentityRole>();
        foreach (var name in new[] { Roles.Family, Roles.PersonalisationOfficer, Roles.ReviewingOfficer, Roles.TeamManager })
        {
            roles[name] = new IdentityRole(name) { NormalizedName = name.ToUpperInvariant() };
            db.Roles.Add(roles[name]);
        }

        foreach (var (actor, role) in new[] { (Family, Roles.Family), (Officer, Roles.PersonalisationOfficer), (Investigator, Roles.ReviewingOfficer), (Manager, Roles.TeamManager), (OtherManager, Roles.TeamManager) })
        {
            db.Users.Add(new AppUser { Id = actor.UserId!, UserName = actor.UserId, Email = $"{actor.UserId}@example.org", DisplayName = actor.Name });
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = actor.UserId!, RoleId = roles[role].Id });
        }

        await db.SaveChangesAsync();
        var child = await new TestData(db).CreateChildAsync(firstName: "Amara", tier: Tier.FlexibleShortBreaks);
        db.ChildFamilyMembers.Add(new ChildFamilyMember { ChildId = child.Id, UserId = Family.UserId!, Relationship = "Mother", AddedAt = db.UtcNow });
        await db.SaveChangesAsync();
        return child;
    }

    private async Task<List<(string UserId, string Title, bool Done)>> MessagesAsync(TestDatabase database)
    {
        await using var db = database.NewContext(Actor.System, _clock);
        return (await db.PersonMessages.AsNoTracking().OrderBy(m => m.CreatedAt).Select(m => new { m.UserId, m.Title, Done = m.CompletedAt != null }).ToListAsync())
            .Select(m => (m.UserId, m.Title, m.Done)).ToList();
    }

    private async Task<Complaint> MakeAsync(TestDatabase database, Guid childId, NewComplaint? input = null, Actor? by = null)
    {
        await using var db = database.NewContext(by ?? Family, _clock);
        var (made, result) = await Service(db).MakeAsync(childId, input ?? AComplaint());
        result.Succeeded.ShouldBeTrue(string.Join("; ", result.Errors.Select(e => e.Message)));
        return made!;
    }

    private async Task<Complaint> LoadAsync(TestDatabase database, Guid id)
    {
        await using var db = database.NewContext(Actor.System, _clock);
        return await db.Complaints.AsNoTracking().Include(c => c.Stages).ThenInclude(s => s.Extensions).FirstAsync(c => c.Id == id);
    }

    private async Task<CommandResult> AsAsync(TestDatabase database, Actor actor, Func<ComplaintService, long, Task<CommandResult>> act, Guid complaintId)
    {
        var version = (await LoadAsync(database, complaintId)).Version;
        await using var db = database.NewContext(actor, _clock);
        return await act(Service(db), version);
    }

    [SkippableTheory, AllDatabases]
    public async Task Make_AComplaint_StartsStageOne_DueInTenWorkingDays_OverTheBankHolidays(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var child = await SetUpAsync(database);

        var made = await LoadAsync(database, (await MakeAsync(database, child.Id)).Id);

        made.ReceivedOn.ShouldBe(new DateOnly(2026, 12, 21));
        var stage = made.Stages.ShouldHaveSingleItem();
        stage.Kind.ShouldBe(ComplaintStageKind.LocalResolution);
        // 22, 23, 24, 29, 30, 31 December and 4, 5, 6, 7 January: Christmas, the 28th and New Year's Day are not counted.
        stage.DueOn.ShouldBe(new DateOnly(2027, 1, 7));
        stage.LatestDueOn.ShouldBe(new DateOnly(2027, 1, 21));
        made.CurrentDueOn.ShouldBe(stage.DueOn);
        made.Open.ShouldBeTrue();
        made.Late.ShouldBeFalse();
    }

    [SkippableTheory, AllDatabases]
    public async Task Make_JustAfterMidnightInSummer_IsReceivedOnTheUkDay(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var child = await SetUpAsync(database);
        _clock.SetUtcNow(new DateTimeOffset(2027, 7, 1, 23, 30, 0, TimeSpan.Zero));

        var made = await MakeAsync(database, child.Id);

        made.ReceivedOn.ShouldBe(new DateOnly(2027, 7, 2));
    }

    [SkippableTheory, AllDatabases]
    public async Task Make_MoreThanAYearAfterTheMatter_IsFlaggedLate(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var child = await SetUpAsync(database);

        var late = await MakeAsync(database, child.Id, AComplaint() with { MatterAroseOn = new DateOnly(2025, 12, 20) });
        var inTime = await MakeAsync(database, child.Id, AComplaint() with { MatterAroseOn = new DateOnly(2025, 12, 21) });

        late.Late.ShouldBeTrue();
        inTime.Late.ShouldBeFalse();
    }

    [SkippableTheory, AllDatabases]
    public async Task Make_Garbage_IsRefusedByField_AndNothingIsSaved(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var child = await SetUpAsync(database);
        await using var db = database.NewContext(Family, _clock);

        var (made, result) = await Service(db).MakeAsync(child.Id, new NewComplaint((ComplaintKind)42, (ComplaintSubject)(-1), (ComplaintMadeBy)7,
            ComplaintChannel.Online, "Bad\u0000text", new string('x', ComplaintRules.TextMaxLength + 1), new DateOnly(2027, 1, 1)));

        made.ShouldBeNull();
        result.Errors.Select(e => e.Field).ShouldBe(["Kind", "MadeBy", "Summary", "OutcomeWanted", "MatterAroseOn"]);
        (await db.Complaints.CountAsync()).ShouldBe(0);
    }

    [SkippableTheory, AllDatabases]
    public async Task Make_ACompliment_IsNotedAndClosed_WithNoStage(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var child = await SetUpAsync(database);

        var made = await LoadAsync(database, (await MakeAsync(database, child.Id, AComplaint("Our sitter was wonderful.") with { Kind = ComplaintKind.Compliment })).Id);

        made.Stages.ShouldBeEmpty();
        made.Outcome.ShouldBe(ComplaintOutcome.Noted);
        made.Open.ShouldBeFalse();
        made.CurrentDueOn.ShouldBeNull();
    }

    [SkippableTheory, AllDatabases]
    public async Task Extend_WithinTheMaximum_MovesTheDueDate_AndPastIt_IsRefused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var child = await SetUpAsync(database);
        var made = await MakeAsync(database, child.Id);
        (await AsAsync(database, Manager, (s, v) => s.AssignAsync(made.Id, Officer.UserId, v, Viewer(Manager)), made.Id)).Succeeded.ShouldBeTrue();

        var tooFar = await AsAsync(database, Officer, (s, v) => s.ExtendAsync(made.Id, new DateOnly(2027, 1, 22), "Waiting for the provider", v, Viewer(Officer)), made.Id);
        var noReason = await AsAsync(database, Officer, (s, v) => s.ExtendAsync(made.Id, new DateOnly(2027, 1, 14), " ", v, Viewer(Officer)), made.Id);
        var extended = await AsAsync(database, Officer, (s, v) => s.ExtendAsync(made.Id, new DateOnly(2027, 1, 21), "Waiting for the provider", v, Viewer(Officer)), made.Id);

        tooFar.Errors.ShouldHaveSingleItem().Message.ShouldContain("21 January 2027");
        noReason.Errors.ShouldHaveSingleItem().Field.ShouldBe("ExtensionReason");
        extended.Succeeded.ShouldBeTrue();
        var stage = (await LoadAsync(database, made.Id)).Stages.Single();
        stage.DueOn.ShouldBe(new DateOnly(2027, 1, 21));
        var extension = stage.Extensions.ShouldHaveSingleItem();
        (extension.FromDueOn, extension.ToDueOn, extension.Reason, extension.ByName).ShouldBe((new DateOnly(2027, 1, 7), new DateOnly(2027, 1, 21), "Waiting for the provider", Officer.Name));
    }

    [SkippableTheory, AllDatabases]
    public async Task ThroughStagesOneTwoAndThree_EachStageHasItsTimescale_AndEachAnswerIsALetter(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var child = await SetUpAsync(database);
        var made = await MakeAsync(database, child.Id);
        (await AsAsync(database, Manager, (s, v) => s.AssignAsync(made.Id, Officer.UserId, v, Viewer(Manager)), made.Id)).Succeeded.ShouldBeTrue();
        (await AsAsync(database, Family, (s, v) => s.EscalateAsync(made.Id, v, null), made.Id)).Succeeded.ShouldBeFalse();

        (await AsAsync(database, Officer, async (s, v) => (await s.RespondAsync(made.Id, ComplaintOutcome.NotUpheld, "The sitter was ill and we told you.", v, Viewer(Officer))).Result, made.Id))
            .Succeeded.ShouldBeTrue();
        _clock.SetUtcNow(new DateTimeOffset(2027, 1, 11, 10, 0, 0, TimeSpan.Zero));
        (await AsAsync(database, Family, (s, v) => s.EscalateAsync(made.Id, v, null), made.Id)).Succeeded.ShouldBeTrue();

        var afterOne = await LoadAsync(database, made.Id);
        var investigation = afterOne.Stages.Single(s => s.Kind == ComplaintStageKind.Investigation);
        (investigation.StartedOn, investigation.DueOn, investigation.LatestDueOn).ShouldBe((new DateOnly(2027, 1, 11), new DateOnly(2027, 2, 15), new DateOnly(2027, 4, 14)));
        afterOne.CurrentStage.ShouldBe(ComplaintStageKind.Investigation);
        // The investigation is by someone who did not handle stage 1.
        (await AsAsync(database, Manager, (s, v) => s.AssignAsync(made.Id, Officer.UserId, v, Viewer(Manager)), made.Id)).Errors.ShouldHaveSingleItem().Field.ShouldBe("OwnerUserId");
        (await AsAsync(database, Manager, (s, v) => s.AssignAsync(made.Id, Investigator.UserId, v, Viewer(Manager)), made.Id)).Succeeded.ShouldBeTrue();
        (await AsAsync(database, Investigator, async (s, v) => (await s.RespondAsync(made.Id, ComplaintOutcome.PartlyUpheld, "We should have called sooner.", v, Viewer(Investigator))).Result, made.Id))
            .Succeeded.ShouldBeTrue();
        (await AsAsync(database, Family, (s, v) => s.EscalateAsync(made.Id, v, null), made.Id)).Succeeded.ShouldBeTrue();

        var panel = (await LoadAsync(database, made.Id)).Stages.Single(s => s.Kind == ComplaintStageKind.ReviewPanel);
        panel.DueOn.ShouldBe(ShippedSchemes.WorkingDays.Add(new DateOnly(2027, 1, 11), 30));
        (await AsAsync(database, Manager, async (s, v) => (await s.RespondAsync(made.Id, ComplaintOutcome.NotUpheld, "Early", v, Viewer(Manager))).Result, made.Id))
            .Succeeded.ShouldBeFalse();
        (await AsAsync(database, Manager, (s, v) => s.AssignAsync(made.Id, OtherManager.UserId, v, Viewer(Manager)), made.Id)).Succeeded.ShouldBeTrue();
        _clock.SetUtcNow(new DateTimeOffset(2027, 2, 1, 10, 0, 0, TimeSpan.Zero));
        (await AsAsync(database, OtherManager, (s, v) => s.RecordPanelAsync(made.Id, new DateOnly(2027, 2, 1), v, Viewer(OtherManager)), made.Id)).Succeeded.ShouldBeTrue();
        (await LoadAsync(database, made.Id)).CurrentDueOn.ShouldBe(new DateOnly(2027, 2, 8));
        (await AsAsync(database, OtherManager, (s, v) => s.RecordPanelReportAsync(made.Id, new DateOnly(2027, 2, 1), v, Viewer(OtherManager)), made.Id)).Succeeded.ShouldBeTrue();
        (await LoadAsync(database, made.Id)).CurrentDueOn.ShouldBe(new DateOnly(2027, 2, 22));
        (await AsAsync(database, OtherManager, async (s, v) => (await s.RespondAsync(made.Id, ComplaintOutcome.PartlyUpheld, "We accept the panel's findings.", v, Viewer(OtherManager))).Result, made.Id))
            .Succeeded.ShouldBeTrue();

        var closed = await LoadAsync(database, made.Id);
        closed.Open.ShouldBeFalse();
        closed.ClosedAt.ShouldNotBeNull();
        closed.Outcome.ShouldBe(ComplaintOutcome.PartlyUpheld);
        (await AsAsync(database, Family, (s, v) => s.EscalateAsync(made.Id, v, null), made.Id)).Succeeded.ShouldBeFalse();
        await using var check = database.NewContext(Actor.System, _clock);
        var letters = await check.Letters.AsNoTracking().Where(l => l.ChildId == child.Id).OrderBy(l => l.CreatedAt).ToListAsync();
        letters.Select(l => l.Kind).ShouldBe([LetterKinds.ComplaintResponse, LetterKinds.ComplaintResponse, LetterKinds.ComplaintResponse]);
        letters.ShouldAllBe(l => l.VisibleToFamily);
        letters[0].BodyHtml.ShouldContain("investigated at stage 2");
        letters[2].BodyHtml.ShouldContain("Ombudsman");
        closed.Stages.Select(s => s.LetterId).ShouldBe(letters.Select(l => (Guid?)l.Id), ignoreOrder: true);
    }

    [SkippableTheory, AllDatabases]
    public async Task TwoHandlers_AnsweringOneStage_TheSecondIsToldAndNothingIsOverwritten(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var child = await SetUpAsync(database);
        var made = await MakeAsync(database, child.Id);
        (await AsAsync(database, Manager, (s, v) => s.AssignAsync(made.Id, Officer.UserId, v, Viewer(Manager)), made.Id)).Succeeded.ShouldBeTrue();
        var seen = (await LoadAsync(database, made.Id)).Version;

        await using var first = database.NewContext(Officer, _clock);
        await using var second = database.NewContext(Manager, _clock);
        var firstResult = await Service(first).ExtendAsync(made.Id, new DateOnly(2027, 1, 14), "Waiting for the provider", seen, Viewer(Officer));
        var secondResult = await Service(second).RespondAsync(made.Id, ComplaintOutcome.Upheld, "We are sorry.", seen, Viewer(Manager));

        firstResult.Succeeded.ShouldBeTrue();
        secondResult.Result.Conflict.ShouldBeTrue();
        secondResult.Letter.ShouldBeNull();
        var stage = (await LoadAsync(database, made.Id)).Stages.Single();
        stage.RespondedOn.ShouldBeNull();
        stage.DueOn.ShouldBe(new DateOnly(2027, 1, 14));
        await using var check = database.NewContext(Actor.System, _clock);
        (await check.Letters.CountAsync(l => l.ChildId == child.Id)).ShouldBe(0);
    }

    [SkippableTheory, AllDatabases]
    public async Task AComplaintAboutAWorker_IsNeverShownToThem_EvenAsAManager(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var child = await SetUpAsync(database);
        var aboutManager = await MakeAsync(database, child.Id, AComplaint() with { Subject = ComplaintSubject.Worker, Channel = ComplaintChannel.Phone, SubjectWorkerUserId = Manager.UserId }, Officer);
        var aboutOfficer = await MakeAsync(database, child.Id, AComplaint() with { Subject = ComplaintSubject.Worker, Channel = ComplaintChannel.Phone, SubjectWorkerUserId = Officer.UserId }, Officer);
        var general = await MakeAsync(database, child.Id);

        // The named manager cannot give it to anyone (they cannot see it); another manager cannot give it to the named worker.
        (await AsAsync(database, Manager, (s, v) => s.AssignAsync(aboutManager.Id, Officer.UserId, v, Viewer(Manager)), aboutManager.Id)).Succeeded.ShouldBeFalse();
        (await AsAsync(database, OtherManager, (s, v) => s.AssignAsync(aboutOfficer.Id, Officer.UserId, v, Viewer(OtherManager)), aboutOfficer.Id))
            .Errors.ShouldHaveSingleItem().Message.ShouldContain("cannot handle it");
        (await AsAsync(database, OtherManager, (s, v) => s.AssignAsync(aboutManager.Id, Officer.UserId, v, Viewer(OtherManager)), aboutManager.Id)).Succeeded.ShouldBeTrue();
        (await AsAsync(database, OtherManager, (s, v) => s.AssignAsync(general.Id, Officer.UserId, v, Viewer(OtherManager)), general.Id)).Succeeded.ShouldBeTrue();

        await using var db = database.NewContext(Actor.System, _clock);
        var service = Service(db);
        var all = new ComplaintFilter(OpenOnly: false);
        (await service.ListAsync(Viewer(Manager), all, 1)).Items.Select(i => i.Id).ShouldBe([general.Id, aboutOfficer.Id], ignoreOrder: true);
        (await service.ListAsync(Viewer(Officer), all, 1)).Items.Select(i => i.Id).ShouldBe([general.Id, aboutManager.Id], ignoreOrder: true);
        (await service.ListAsync(Viewer(Investigator), all, 1)).Items.ShouldBeEmpty();
        (await service.ListAsync(Viewer(OtherManager), all, 1)).Total.ShouldBe(3);
        (await service.ViewAsync(aboutManager.Id, Viewer(Manager))).ShouldBeNull();
        (await service.ViewAsync(aboutOfficer.Id, Viewer(Officer))).ShouldBeNull();
        (await service.ViewAsync(general.Id, Viewer(Investigator))).ShouldBeNull();
        (await service.ViewAsync(aboutManager.Id, Viewer(Officer))).ShouldNotBeNull();
        (await db.AuditEntries.CountAsync(a => a.Action == "view" && a.EntityType == nameof(Complaint) && a.EntityId == aboutManager.Id.ToString())).ShouldBe(1);
    }

    [SkippableTheory, AllDatabases]
    public async Task AWorkerNamedByTheFamily_IsHiddenOnceAManagerSaysWhoTheyAre(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var child = await SetUpAsync(database);
        var made = await MakeAsync(database, child.Id, AComplaint() with { Subject = ComplaintSubject.Worker, SubjectWorkerName = "Olu" });
        (await AsAsync(database, Manager, (s, v) => s.AssignAsync(made.Id, Officer.UserId, v, Viewer(Manager)), made.Id)).Succeeded.ShouldBeTrue();

        (await AsAsync(database, Manager, (s, v) => s.NameWorkerAsync(made.Id, Officer.UserId, v, Viewer(Manager)), made.Id)).Succeeded.ShouldBeFalse();
        (await AsAsync(database, Manager, (s, v) => s.AssignAsync(made.Id, Investigator.UserId, v, Viewer(Manager)), made.Id)).Succeeded.ShouldBeTrue();
        (await AsAsync(database, Manager, (s, v) => s.NameWorkerAsync(made.Id, Officer.UserId, v, Viewer(Manager)), made.Id)).Succeeded.ShouldBeTrue();

        await using var db = database.NewContext(Actor.System, _clock);
        (await Service(db).ViewAsync(made.Id, Viewer(Officer))).ShouldBeNull();
        (await Service(db).ViewAsync(made.Id, Viewer(Investigator))).ShouldNotBeNull();
    }

    [SkippableTheory, AllDatabases]
    public async Task AnAppeal_GoesToAManagerWhoDidNotDecide_AndTheirDecisionIsALetter(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var child = await SetUpAsync(database);
        Guid decisionId;
        await using (var db = database.NewContext(Manager, _clock))
        {
            var request = await new TestData(db).CreateSubmittedRequestAsync(child);
            var decision = new RequestDecision
            {
                RequestId = request.Id, ChildId = child.Id, Outcome = DecisionOutcome.Universal, Reasons = "Below the threshold",
                DecidedAt = db.UtcNow, DecidedByUserId = Manager.UserId!, DecidedByName = Manager.Name, SchemeVersion = TestData.SchemeVersion,
            };
            db.Decisions.Add(decision);
            await db.SaveChangesAsync();
            decisionId = decision.Id;
            (await Service(db).AppealableDecisionsAsync(child.Id)).ShouldContain(d => d.Id == decisionId && d.Subject == ComplaintSubject.EligibilityDecision);
        }

        await using (var db = database.NewContext(Family, _clock))
        {
            var (none, refused) = await Service(db).MakeAsync(child.Id, AComplaint() with { Kind = ComplaintKind.Appeal, Subject = ComplaintSubject.EligibilityDecision, SubjectRecordId = Guid.NewGuid() });
            none.ShouldBeNull();
            refused.Errors.ShouldHaveSingleItem().Field.ShouldBe("SubjectRecordId");
        }

        var appeal = await MakeAsync(database, child.Id, AComplaint("We disagree with the decision.") with { Kind = ComplaintKind.Appeal, Subject = ComplaintSubject.EligibilityDecision, SubjectRecordId = decisionId });
        var stage = (await LoadAsync(database, appeal.Id)).Stages.ShouldHaveSingleItem();
        (stage.Kind, stage.DueOn).ShouldBe((ComplaintStageKind.Appeal, ShippedSchemes.WorkingDays.Add(new DateOnly(2026, 12, 21), 20)));

        (await AsAsync(database, Manager, (s, v) => s.AssignAsync(appeal.Id, Manager.UserId, v, Viewer(Manager)), appeal.Id))
            .Errors.ShouldHaveSingleItem().Message.ShouldContain("did not make the decision");
        (await AsAsync(database, Manager, (s, v) => s.AssignAsync(appeal.Id, Officer.UserId, v, Viewer(Manager)), appeal.Id))
            .Errors.ShouldHaveSingleItem().Message.ShouldContain("team manager");
        (await AsAsync(database, Manager, (s, v) => s.AssignAsync(appeal.Id, OtherManager.UserId, v, Viewer(Manager)), appeal.Id)).Succeeded.ShouldBeTrue();
        // Only the manager hearing it decides it; the one who made the decision cannot.
        (await AsAsync(database, Manager, async (s, v) => (await s.RespondAsync(appeal.Id, ComplaintOutcome.Upheld, "Reasons", v, Viewer(Manager))).Result, appeal.Id))
            .Succeeded.ShouldBeFalse();
        (await AsAsync(database, OtherManager, async (s, v) => (await s.RespondAsync(appeal.Id, ComplaintOutcome.Upheld, "The evidence shows the threshold is met.", v, Viewer(OtherManager))).Result, appeal.Id))
            .Succeeded.ShouldBeTrue();

        var decided = await LoadAsync(database, appeal.Id);
        decided.Outcome.ShouldBe(ComplaintOutcome.Upheld);
        decided.Open.ShouldBeFalse();
        await using var check = database.NewContext(Actor.System, _clock);
        var letter = await check.Letters.AsNoTracking().SingleAsync(l => l.Id == decided.Stages.Single().LetterId);
        letter.BodyHtml.ShouldContain("Your appeal is upheld: the decision will be changed.");
        letter.BodyHtml.ShouldContain("The evidence shows the threshold is met.");
    }

    [SkippableTheory, AllDatabases]
    public async Task Scan_FindsEachOverdueStageOnce_EvenRunTwiceAtOnce_AndAgainAfterAnExtensionPasses(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var child = await SetUpAsync(database);
        var first = await MakeAsync(database, child.Id);
        var second = await MakeAsync(database, child.Id);
        await using (var db = database.NewContext(Actor.System, _clock)) (await Service(db).ScanAsync()).ShouldBeEmpty();

        _clock.SetUtcNow(new DateTimeOffset(2027, 1, 8, 9, 0, 0, TimeSpan.Zero));
        await using var one = database.NewContext(Actor.System, _clock);
        await using var two = database.NewContext(Actor.System, _clock);
        var found = await Task.WhenAll(Service(one).ScanAsync(), Service(two).ScanAsync());

        found.SelectMany(f => f).Select(s => s.ComplaintId).ShouldBe([first.Id, second.Id], ignoreOrder: true);
        await using (var db = database.NewContext(Actor.System, _clock)) (await Service(db).ScanAsync()).ShouldBeEmpty();

        (await AsAsync(database, Manager, (s, v) => s.ExtendAsync(first.Id, new DateOnly(2027, 1, 14), "Waiting for the provider", v, Viewer(Manager)), first.Id)).Succeeded.ShouldBeTrue();
        await using (var db = database.NewContext(Actor.System, _clock)) (await Service(db).ScanAsync()).ShouldBeEmpty();
        _clock.SetUtcNow(new DateTimeOffset(2027, 1, 15, 9, 0, 0, TimeSpan.Zero));
        await using (var db = database.NewContext(Actor.System, _clock)) (await Service(db).ScanAsync()).ShouldHaveSingleItem().ComplaintId.ShouldBe(first.Id);
    }

    [SkippableTheory, AllDatabases]
    public async Task List_OpenCasesByDueDate_OverdueFirst_FilteredAndCounted(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var child = await SetUpAsync(database);
        var older = await MakeAsync(database, child.Id);
        _clock.SetUtcNow(new DateTimeOffset(2027, 1, 4, 9, 0, 0, TimeSpan.Zero));
        var newer = await MakeAsync(database, child.Id, AComplaint() with { Subject = ComplaintSubject.Budget });
        await MakeAsync(database, child.Id, AComplaint("Thank you") with { Kind = ComplaintKind.Compliment });
        _clock.SetUtcNow(new DateTimeOffset(2027, 1, 12, 9, 0, 0, TimeSpan.Zero));

        await using var db = database.NewContext(Actor.System, _clock);
        var list = await Service(db).ListAsync(Viewer(Manager), new ComplaintFilter(), 1);

        list.Items.Select(i => (i.Id, i.Overdue)).ShouldBe([(older.Id, true), (newer.Id, false)]);
        list.OpenByStage[ComplaintStageKind.LocalResolution].ShouldBe(2);
        list.BySubject[ComplaintSubject.Service].ShouldBe(2);
        list.BySubject[ComplaintSubject.Budget].ShouldBe(1);
        list.ByOutcome[ComplaintOutcome.Noted].ShouldBe(1);
        (await Service(db).ListAsync(Viewer(Manager), new ComplaintFilter(OverdueOnly: true), 1)).Items.ShouldHaveSingleItem().Id.ShouldBe(older.Id);
        (await Service(db).ListAsync(Viewer(Manager), new ComplaintFilter(Subject: ComplaintSubject.Budget), 1)).Items.ShouldHaveSingleItem().Id.ShouldBe(newer.Id);
        (await Service(db).ListAsync(Viewer(Manager), new ComplaintFilter(Kind: ComplaintKind.Compliment, OpenOnly: false), 1)).Total.ShouldBe(1);
        (await Service(db).ListAsync(Viewer(Manager), new ComplaintFilter(), 99)).PageNumber.ShouldBe(1);
    }

    [SkippableTheory, AllDatabases]
    public async Task List_CountsKeptForEachViewer_AreCountedAgainAfterAnyChange_OnAnyNode(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var child = await SetUpAsync(database);
        var first = await MakeAsync(database, child.Id);
        // Two nodes, each with its own kept counts.
        var nodeOne = new ComplaintCounts();
        var nodeTwo = new ComplaintCounts();
        ComplaintService On(ShortBreaksDbContext db, ComplaintCounts counts) =>
            new(db, ShippedSchemes.Catalog, ShippedSchemes.WorkingDays, new ShortBreaks.Core.Notifications.Messenger(db), counts);
        await using var one = database.NewContext(Manager, _clock);
        await using var two = database.NewContext(OtherManager, _clock);
        (await On(one, nodeOne).ListAsync(Viewer(Manager), new ComplaintFilter(), 1)).Total.ShouldBe(1);
        (await On(two, nodeTwo).ListAsync(Viewer(OtherManager), new ComplaintFilter(), 1)).Total.ShouldBe(1);
        (await On(one, nodeOne).ListAsync(Viewer(Officer), new ComplaintFilter(), 1)).Total.ShouldBe(0, "the officer handles no stage");
        nodeOne.Kept.ShouldBe(2, "one for each viewer");

        // A case made on a third context (another request) is counted by both nodes at their next view.
        await MakeAsync(database, child.Id, AComplaint() with { Subject = ComplaintSubject.Budget });
        var seen = await On(one, nodeOne).ListAsync(Viewer(Manager), new ComplaintFilter(), 1);
        (seen.Total, seen.BySubject[ComplaintSubject.Budget]).ShouldBe((2, 1));
        (await On(two, nodeTwo).ListAsync(Viewer(OtherManager), new ComplaintFilter(), 1)).Total.ShouldBe(2);

        // A handler given on node two: node one's officer now sees the case.
        (await AsAsync(database, Manager, (s, v) => s.AssignAsync(first.Id, Officer.UserId!, v, Viewer(Manager)), first.Id)).Succeeded.ShouldBeTrue();
        (await On(one, nodeOne).ListAsync(Viewer(Officer), new ComplaintFilter(), 1)).Items.ShouldHaveSingleItem().Id.ShouldBe(first.Id);

        // The daily scan marks overdue stages by a bulk update, and moves the stamp with it.
        var before = await one.ChangeStamps.AsNoTracking().Where(x => x.Area == ChangeStamp.Complaints).Select(x => x.Stamp).SingleAsync();
        _clock.SetUtcNow(new DateTimeOffset(2027, 1, 8, 9, 0, 0, TimeSpan.Zero));
        await using (var db = database.NewContext(Actor.System, _clock)) (await Service(db).ScanAsync()).Count.ShouldBe(2);
        (await one.ChangeStamps.AsNoTracking().Where(x => x.Area == ChangeStamp.Complaints).Select(x => x.Stamp).SingleAsync()).ShouldNotBe(before);
    }

    [SkippableTheory, AllDatabases]
    public async Task Telling_ManagersOfANewCase_TheHandlerWhenGiven_ManagersWhenOverdue_TheFamilyWhenAnswered_NeverTheNamedWorker(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var child = await SetUpAsync(database);
        var made = await MakeAsync(database, child.Id, AComplaint() with { Subject = ComplaintSubject.Worker, Channel = ComplaintChannel.Phone, SubjectWorkerUserId = Manager.UserId }, Officer);

        (await MessagesAsync(database)).ShouldBe([(OtherManager.UserId!, "A complaint needs a handler", false)]);
        (await AsAsync(database, OtherManager, (s, v) => s.AssignAsync(made.Id, Investigator.UserId, v, Viewer(OtherManager)), made.Id)).Succeeded.ShouldBeTrue();
        _clock.SetUtcNow(new DateTimeOffset(2027, 1, 8, 9, 0, 0, TimeSpan.Zero));
        await using (var db = database.NewContext(Actor.System, _clock)) (await Service(db).ScanAsync()).Count.ShouldBe(1);
        await using (var db = database.NewContext(Actor.System, _clock)) (await Service(db).ScanAsync()).ShouldBeEmpty();
        (await AsAsync(database, Investigator, async (s, v) => (await s.RespondAsync(made.Id, ComplaintOutcome.NotUpheld, "Reasons", v, Viewer(Investigator))).Result, made.Id)).Succeeded.ShouldBeTrue();

        var messages = await MessagesAsync(database);
        messages.ShouldBe([
            (OtherManager.UserId!, "A complaint needs a handler", true),
            (Investigator.UserId!, "A complaint has been given to you to answer", true),
            (OtherManager.UserId!, "A complaint stage is overdue", true),
            (Investigator.UserId!, "A complaint stage is overdue", true),
            (Family.UserId!, "Our answer to your complaint is ready to read", false),
        ], ignoreOrder: true); // told in one save at one instant: their order is not kept
        messages.ShouldNotContain(m => m.UserId == Manager.UserId);
        await using var check = database.NewContext(Actor.System, _clock);
        (await check.OutboxEmails.SingleAsync(e => e.UserId == Family.UserId)).Statutory.ShouldBeTrue();
    }

    [SkippableTheory, AllDatabases]
    public async Task Scan_TellsTheHandlerAndTheManagersOfTheirTeam_OnlyEveryManagerWhenTheTeamHasNone(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var child = await SetUpAsync(database);
        await using (var db = database.NewContext(Actor.System, _clock))
        {
            foreach (var user in await db.Users.Where(u => u.Id == Investigator.UserId || u.Id == OtherManager.UserId).ToListAsync()) user.Team = "North";
            (await db.Users.SingleAsync(u => u.Id == Officer.UserId)).Team = "South";
            await db.SaveChangesAsync();
        }

        var north = await MakeAsync(database, child.Id);
        var south = await MakeAsync(database, child.Id);
        (await AsAsync(database, OtherManager, (s, v) => s.AssignAsync(north.Id, Investigator.UserId, v, Viewer(OtherManager)), north.Id)).Succeeded.ShouldBeTrue();
        (await AsAsync(database, OtherManager, (s, v) => s.AssignAsync(south.Id, Officer.UserId, v, Viewer(OtherManager)), south.Id)).Succeeded.ShouldBeTrue();
        _clock.SetUtcNow(new DateTimeOffset(2027, 1, 8, 9, 0, 0, TimeSpan.Zero));
        await using (var db = database.NewContext(Actor.System, _clock)) (await Service(db).ScanAsync()).Count.ShouldBe(2);

        var overdue = (await MessagesAsync(database)).Where(m => m.Title == "A complaint stage is overdue").Select(m => m.UserId).ToList();
        // North's handler and North's manager; South has no manager, so every manager hears of South's stage.
        overdue.ShouldBe([Investigator.UserId!, OtherManager.UserId!, Officer.UserId!, Manager.UserId!, OtherManager.UserId!], ignoreOrder: true);
    }

    /// <summary>A review of the child decided by <paramref name="decidedBy"/> (held on 14 December 2026), in the state given.</summary>
    private async Task<Guid> ReviewAsync(TestDatabase database, Guid childId, Actor decidedBy, ReviewState state = ReviewState.Completed, bool keepDecider = true)
    {
        await using var db = database.NewContext(decidedBy, _clock);
        var review = new Review
        {
            ChildId = childId, Kind = ReviewKind.Annual, DueOn = new DateOnly(2026, 12, state == ReviewState.Completed ? 18 : 30), State = state, CreatedAt = db.UtcNow,
            HeldOn = new DateOnly(2026, 12, 14), Decision = state == ReviewState.Completed ? ReviewDecision.ChangePlan : null,
            DecisionReasons = state == ReviewState.Completed ? "Needs have grown." : null, DecidedAt = state == ReviewState.Completed ? db.UtcNow : null,
            DecidedByName = decidedBy.Name, DecidedByUserId = keepDecider && state == ReviewState.Completed ? decidedBy.UserId : null,
        };
        db.Reviews.Add(review);
        await db.SaveChangesAsync();
        return review.Id;
    }

    [SkippableTheory, AllDatabases]
    public async Task AnAppealOfAReviewOutcome_GoesToAManagerWhoDidNotDecideIt_AndTheLetterNamesTheReview(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var child = await SetUpAsync(database);
        var reviewId = await ReviewAsync(database, child.Id, Manager);
        var held = await ReviewAsync(database, child.Id, Manager, ReviewState.Held);
        Guid othersReview;
        await using (var db = database.NewContext(Actor.System, _clock))
        {
            var other = await new TestData(db).CreateChildAsync(firstName: "Ben", tier: Tier.TargetedShortBreaks);
            othersReview = await ReviewAsync(database, other.Id, Manager);
            var choices = await Service(db).AppealableDecisionsAsync(child.Id);
            choices.ShouldContain((ComplaintSubject.ReviewOutcome, reviewId, "Review held 14 December 2026: Change the plan"));
            choices.ShouldNotContain(d => d.Id == held || d.Id == othersReview, "only the child's own completed reviews are offered");
        }

        var appealOf = (Guid? id) => AComplaint("We disagree with the review.") with { Kind = ComplaintKind.Appeal, Subject = ComplaintSubject.ReviewOutcome, SubjectRecordId = id };
        foreach (var garbage in new Guid?[] { othersReview, held, Guid.NewGuid(), null })
        {
            await using var db = database.NewContext(Family, _clock);
            var (none, refused) = await Service(db).MakeAsync(child.Id, appealOf(garbage));
            none.ShouldBeNull();
            refused.Errors.ShouldHaveSingleItem().Field.ShouldBe("SubjectRecordId");
        }

        var appeal = await MakeAsync(database, child.Id, appealOf(reviewId));
        (await LoadAsync(database, appeal.Id)).DecisionMakerUserIds.ShouldBe(Manager.UserId);
        (await AsAsync(database, Manager, (s, v) => s.AssignAsync(appeal.Id, Manager.UserId, v, Viewer(Manager)), appeal.Id))
            .Errors.ShouldHaveSingleItem().Message.ShouldContain("did not make the decision");
        (await AsAsync(database, Manager, (s, v) => s.AssignAsync(appeal.Id, OtherManager.UserId, v, Viewer(Manager)), appeal.Id)).Succeeded.ShouldBeTrue();
        (await AsAsync(database, OtherManager, async (s, v) => (await s.RespondAsync(appeal.Id, ComplaintOutcome.NotUpheld, "The change of plan is right.", v, Viewer(OtherManager))).Result, appeal.Id))
            .Succeeded.ShouldBeTrue();

        var decided = await LoadAsync(database, appeal.Id);
        await using var check = database.NewContext(OtherManager, _clock);
        var letter = await check.Letters.AsNoTracking().SingleAsync(l => l.Id == decided.Stages.Single().LetterId);
        letter.BodyHtml.ShouldContain("Your appeal is about: <strong>Review held 14 December 2026: Change the plan</strong>.");
        (await Service(check).ViewAsync(appeal.Id, Viewer(OtherManager)))!.About.ShouldBe("Review held 14 December 2026: Change the plan");
    }

    [SkippableTheory, AllDatabases]
    public async Task AReviewDecidedBeforeItsDeciderWasKept_IsHeardBySomeoneWhoDidNotTouchIt(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var child = await SetUpAsync(database);
        var reviewId = await ReviewAsync(database, child.Id, Manager, keepDecider: false);
        var appeal = await MakeAsync(database, child.Id, AComplaint() with { Kind = ComplaintKind.Appeal, Subject = ComplaintSubject.ReviewOutcome, SubjectRecordId = reviewId });
        (await LoadAsync(database, appeal.Id)).DecisionMakerUserIds.ShouldBe(Manager.UserId, "the audit shows who changed the review");
    }

    [SkippableTheory, AllDatabases]
    public async Task AComplaintAboutAReviewOutcome_NamesACompletedReviewOfTheChild(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var child = await SetUpAsync(database);
        var reviewId = await ReviewAsync(database, child.Id, Manager);
        var held = await ReviewAsync(database, child.Id, Manager, ReviewState.Held);
        Guid othersReview;
        await using (var db = database.NewContext(Actor.System, _clock))
        {
            var other = await new TestData(db).CreateChildAsync(firstName: "Ben", tier: Tier.TargetedShortBreaks);
            othersReview = await ReviewAsync(database, other.Id, Manager);
        }

        var about = (Guid? id) => AComplaint("Nobody listened at the review.") with { Subject = ComplaintSubject.ReviewOutcome, SubjectRecordId = id };
        foreach (var garbage in new Guid?[] { othersReview, held, Guid.NewGuid(), null })
        {
            await using var db = database.NewContext(Family, _clock);
            var (none, refused) = await Service(db).MakeAsync(child.Id, about(garbage));
            none.ShouldBeNull();
            refused.Errors.ShouldHaveSingleItem().Field.ShouldBe(ComplaintService.ReviewField);
        }

        var complaint = await MakeAsync(database, child.Id, about(reviewId));
        var made = await LoadAsync(database, complaint.Id);
        (made.Kind, made.SubjectRecordId, made.CurrentStage).ShouldBe((ComplaintKind.Complaint, (Guid?)reviewId, (ComplaintStageKind?)ComplaintStageKind.LocalResolution));
        await using var check = database.NewContext(Family, _clock);
        (await Service(check).FamilyViewAsync(child.Id, complaint.Id))!.About.ShouldBe("Review held 14 December 2026: Change the plan");
        // A complaint about the service names no record, whatever was sent.
        var (service, _) = await Service(check).MakeAsync(child.Id, AComplaint() with { SubjectRecordId = reviewId });
        (await LoadAsync(database, service!.Id)).SubjectRecordId.ShouldBeNull();
    }
}
