using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ShortBreaks.Core.Auditing;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Notifications;
using ShortBreaks.Core.Requests;
using ShortBreaks.Core.Search;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Core.Tests.Requests;

/// <summary>The request flow through the services, on every database.</summary>
public sealed class RequestServiceTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private readonly string _mail = Directory.CreateTempSubdirectory("sb-mail-").FullName;
    private readonly FakeTimeProvider _clock = new(Now);

    public void Dispose() => Directory.Delete(_mail, recursive: true);

    private RequestService Service(ShortBreaksDbContext db) =>
        new(db, ShippedSchemes.Catalog, Email(), NullLogger<RequestService>.Instance);

    private static RequestMatching Matching(ShortBreaksDbContext db) => new(db);

    private ThresholdDecisionService Decisions(ShortBreaksDbContext db) =>
        new(db, ShippedSchemes.Catalog, new RequestMatching(db), new Core.Plans.TierService(db, ShippedSchemes.Catalog),
            new Core.Requests.SocialCareReferrals(db, new Core.Notifications.Messenger(db)), Email(), NullLogger<ThresholdDecisionService>.Instance);

    private EmailSender Email() => new(new EmailOptions { PickupDirectory = _mail }, NullLogger<EmailSender>.Instance);

    private ShortBreaksDbContext Officer(TestDatabase database) =>
        database.NewContext(new Actor { UserId = "officer-1", Name = "Amira Hughes" }, _clock);

    [SkippableTheory, AllDatabases]
    public async Task Submit_Incomplete_ListsEveryMissingStep(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = Officer(database);
        var service = Service(db);
        var request = await service.StartAsync(RequestChannel.Online, "family-1", "family-1");
        request.ChildFirstName = "Maya";
        request.ChildLastName = "Example";

        var result = await service.SubmitAsync(request);

        result.Succeeded.ShouldBeFalse();
        result.Errors.Select(e => e.Field).ShouldBe(RequestSteps.All.Skip(1), ignoreOrder: true);
        (await db.Requests.SingleAsync()).Status.ShouldBe(RequestStatus.Draft);
    }

    [SkippableTheory, AllDatabases]
    public async Task Submit_Complete_RecordsSchemeVersionAndEmailsFamily(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = Officer(database);
        var service = Service(db);
        var request = await service.StartAsync(RequestChannel.Online, "family-1", "family-1");
        Fill(request);

        var result = await service.SubmitAsync(request);

        result.Succeeded.ShouldBeTrue();
        var saved = await db.Requests.AsNoTracking().SingleAsync();
        saved.Status.ShouldBe(RequestStatus.Submitted);
        saved.SchemeVersion.ShouldBe("2026.1");
        saved.SubmittedAt.ShouldBe(Now.UtcDateTime);
        Directory.GetFiles(_mail, "*.eml").Length.ShouldBe(1);
    }

    [SkippableTheory, AllDatabases]
    public async Task CreateSubmitted_Complete_StoresTheRequestAlreadySent_InOneSave(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = Officer(database);

        var (request, result) = await Service(db).CreateSubmittedAsync(RequestChannel.Online, "family-1", "family-1", Fill);

        result.Succeeded.ShouldBeTrue();
        request.ShouldNotBeNull();
        var saved = await db.Requests.AsNoTracking().SingleAsync();
        saved.Id.ShouldBe(request.Id);
        saved.Status.ShouldBe(RequestStatus.Submitted);
        saved.SchemeVersion.ShouldBe("2026.1");
        saved.ChildFirstName.ShouldBe("Maya");
        Directory.GetFiles(_mail, "*.eml").Length.ShouldBe(1);
    }

    [SkippableTheory, AllDatabases]
    public async Task CreateSubmitted_Refused_LeavesNoDraftBehind(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = Officer(database);
        var service = Service(db);

        var (request, result) = await service.CreateSubmittedAsync(RequestChannel.Online, "family-1", "family-1", r =>
        {
            Fill(r);
            r.ChildFirstName = "Ma\0ya";
        });

        result.Succeeded.ShouldBeFalse();
        result.Errors.ShouldHaveSingleItem().Field.ShouldBe(RequestSteps.ChildName);
        request.ShouldBeNull();
        (await db.Requests.AsNoTracking().CountAsync()).ShouldBe(0);
        (await db.AuditEntries.AsNoTracking().CountAsync(a => a.EntityType == nameof(ShortBreakRequest))).ShouldBe(0);
        Directory.GetFiles(_mail, "*.eml").ShouldBeEmpty();
    }

    [SkippableTheory, AllDatabases]
    public async Task CreateSubmitted_RefusedByTheDatabase_LeavesNothing_AndTheContextCanStillSave(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = Officer(database);
        var service = Service(db);

        var (first, _) = await service.CreateSubmittedAsync(RequestChannel.Online, "family-1", "family-1", Fill);

        // A reference already taken: the database refuses the save itself (unique index).
        await Should.ThrowAsync<DbUpdateException>(() => service.CreateSubmittedAsync(RequestChannel.Online, "family-2", "family-2", r =>
        {
            Fill(r);
            r.Reference = first!.Reference;
        }));

        (await db.Requests.AsNoTracking().CountAsync()).ShouldBe(1);
        var (request, result) = await service.CreateSubmittedAsync(RequestChannel.Online, "family-2", "family-2", Fill);
        result.Succeeded.ShouldBeTrue();
        (await db.Requests.AsNoTracking().CountAsync(r => r.FamilyUserId == "family-2")).ShouldBe(1);
        request.ShouldNotBeNull();
    }

    [SkippableTheory, AllDatabases]
    public async Task PossibleMatches_FindsSameNameAndBirthDateOrSameNameAndPostcode(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = Officer(database);
        var data = new TestData(db);
        var sameDob = await data.CreateChildAsync("Maya", "Example", new DateOnly(2016, 3, 3), "DC1 1AA");
        var samePostcode = await data.CreateChildAsync("Maya", "Example", new DateOnly(2015, 1, 1), "DC9 9ZZ");
        await data.CreateChildAsync("Maya", "Other", new DateOnly(2016, 3, 3), "DC9 9ZZ");
        var request = await data.CreateSubmittedRequestAsync(childFirstName: " maya ", childLastName: "EXAMPLE", childDateOfBirth: new DateOnly(2016, 3, 3));
        request.Postcode = "dc9 9zz";

        var matches = await Matching(db).PossibleMatchesAsync(request);

        matches.Select(c => c.Id).ShouldBe([sameDob.Id, samePostcode.Id], ignoreOrder: true);
    }

    [SkippableTheory, AllDatabases]
    public async Task ConfirmChild_New_CreatesRecordWithTimeline(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = Officer(database);
        var request = await new TestData(db).CreateSubmittedRequestAsync(childFirstName: "Maya", childLastName: "Example");

        var result = await Matching(db).ConfirmChildAsync(request, null, request.Version);

        result.Succeeded.ShouldBeTrue();
        var child = await db.Children.AsNoTracking().SingleAsync();
        child.NameKey.ShouldBe("maya example");
        child.Reference.ShouldStartWith("C-");
        (await db.ChildFamilyMembers.AnyAsync(m => m.ChildId == child.Id && m.UserId == request.FamilyUserId)).ShouldBeTrue();
        var kinds = await db.TimelineEvents.Where(e => e.ChildId == child.Id).Select(e => e.Kind).ToListAsync();
        kinds.ShouldBe([TimelineKinds.RecordCreated, TimelineKinds.RequestSubmitted, TimelineKinds.RequestMatched], ignoreOrder: true);
    }

    [SkippableTheory, AllDatabases]
    public async Task ConfirmChild_ExistingRecord_NeitherLinksTheRequesterNorChangesTheRecord(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = Officer(database);
        var data = new TestData(db);
        var child = await data.CreateChildAsync("Maya", "Example");
        var before = await db.Children.AsNoTracking().SingleAsync(c => c.Id == child.Id);
        var request = await data.CreateSubmittedRequestAsync(childFirstName: "Maya", childLastName: "Example", childDateOfBirth: child.DateOfBirth);
        request.AddressLine1 = "99 Somewhere Else";
        request.School = "Another School";
        request.NeedsInOwnWords = "Words from a stranger.";
        request.DisabilityCodes = "VIS";
        await db.SaveChangesAsync();

        var result = await Matching(db).ConfirmChildAsync(request, child.Id, request.Version);

        result.Succeeded.ShouldBeTrue();
        (await db.Requests.AsNoTracking().SingleAsync(r => r.Id == request.Id)).ChildId.ShouldBe(child.Id);
        (await db.ChildFamilyMembers.AnyAsync(m => m.ChildId == child.Id)).ShouldBeFalse();
        var after = await db.Children.AsNoTracking().SingleAsync(c => c.Id == child.Id);
        after.AddressLine1.ShouldBe(before.AddressLine1);
        after.School.ShouldBe(before.School);
        after.NeedsInFamilyWords.ShouldBe(before.NeedsInFamilyWords);
        after.DisabilityCodes.ShouldBe(before.DisabilityCodes);
        after.Version.ShouldBe(before.Version);
        (await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(Child) && a.EntityId == child.Id.ToString() && a.Action == "update")).ShouldBeFalse();
    }

    [SkippableTheory, AllDatabases]
    public async Task Decide_FlexibleShortBreaks_SetsTierAllowanceLetterAndEmail(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = Officer(database);
        var data = new TestData(db);
        var child = await data.CreateChildAsync();
        var request = await data.CreateSubmittedRequestAsync(child);

        var result = await Decisions(db).DecideAsync(request, DecisionOutcome.FlexibleShortBreaksApproved, "Needs a lot more care than other children.", request.Version);

        result.Succeeded.ShouldBeTrue();
        var decision = await db.Decisions.AsNoTracking().SingleAsync();
        decision.AllowanceHoursPerYear.ShouldBe(80);
        decision.AllowanceDirectPaymentPerYear.ShouldBe(750m);
        decision.AllowanceProviderPerYear.ShouldBe(1200m);
        decision.DecidedByName.ShouldBe("Amira Hughes");
        (await db.Children.AsNoTracking().SingleAsync()).Tier.ShouldBe(Tier.FlexibleShortBreaks);
        var move = await db.TierChanges.AsNoTracking().SingleAsync();
        (move.Move, move.From, move.To, move.ByName).ShouldBe((Core.Plans.TierMove.FlexibleShortBreaksApproved, Tier.None, Tier.FlexibleShortBreaks, "Amira Hughes"));
        var moveEvent = await db.TimelineEvents.AsNoTracking().SingleAsync(e => e.ChildId == child.Id && e.Kind == TimelineKinds.TierChange);
        (moveEvent.Summary, moveEvent.Detail, moveEvent.ActorName).ShouldBe(
            ("Flexible Short Breaks approved: Not receiving short breaks to Flexible Short Breaks", "Needs a lot more care than other children.", "Amira Hughes"));
        var letter = await db.Letters.AsNoTracking().SingleAsync();
        letter.VisibleToFamily.ShouldBeTrue();
        letter.BodyHtml.ShouldContain("80 hours");
        letter.BodyHtml.ShouldContain("£750");
        Directory.GetFiles(_mail, "*.eml").Length.ShouldBe(1);
        (await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(RequestDecision) && a.Action == "create" && a.UserName == "Amira Hughes")).ShouldBeTrue();
    }

    [SkippableTheory, AllDatabases]
    public async Task Decide_FlexibleShortBreaksWhenCriteriaUnmet_IsRefusedNamingThem(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = Officer(database);
        var data = new TestData(db);
        var child = await data.CreateChildAsync();
        var request = await data.CreateSubmittedRequestAsync(child, needIds: ["carer-strain"], evidenceKindIds: []);

        var result = await Decisions(db).DecideAsync(request, DecisionOutcome.FlexibleShortBreaksApproved, "Reasons", request.Version);

        result.Succeeded.ShouldBeFalse();
        result.Errors.Single(e => e.Field == "Outcome").Message.ShouldContain("evidence");
        (await db.Decisions.CountAsync()).ShouldBe(0);
    }

    [SkippableTheory, AllDatabases]
    public async Task Decide_Safeguarding_RoutesToMashAndTellsFamilyNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = Officer(database);
        var request = await new TestData(db).CreateSubmittedRequestAsync();

        var result = await Decisions(db).DecideAsync(request, DecisionOutcome.Safeguarding, "Disclosure during the call.", request.Version);

        result.Succeeded.ShouldBeTrue();
        (await db.Requests.AsNoTracking().SingleAsync()).Status.ShouldBe(RequestStatus.RoutedToMash);
        (await db.Referrals.AsNoTracking().SingleAsync()).Kind.ShouldBe(ReferralKind.MultiAgencySafeguardingHub);
        (await db.Letters.CountAsync()).ShouldBe(0);
        var emails = Directory.GetFiles(_mail, "*.eml").Select(File.ReadAllText).ToList();
        emails.ShouldHaveSingleItem().ShouldContain("mash@example.org");
    }

    [SkippableTheory, AllDatabases]
    public async Task Decide_TwoOfficersAtOnce_OnlyTheFirstStands(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Guid requestId;
        await using (var setup = Officer(database))
        {
            var data = new TestData(setup);
            requestId = (await data.CreateSubmittedRequestAsync(await data.CreateChildAsync())).Id;
        }

        await using var first = Officer(database);
        await using var second = database.NewContext(new Actor { UserId = "officer-2", Name = "Second Officer" }, _clock);
        var firstRequest = await first.Requests.SingleAsync(r => r.Id == requestId);
        var secondRequest = await second.Requests.SingleAsync(r => r.Id == requestId);

        var firstResult = await Decisions(first).DecideAsync(firstRequest, DecisionOutcome.Universal, "First", firstRequest.Version);
        var secondResult = await Decisions(second).DecideAsync(secondRequest, DecisionOutcome.ReferToSocialCare, "Second", secondRequest.Version);

        firstResult.Succeeded.ShouldBeTrue();
        secondResult.Conflict.ShouldBeTrue();
        await using var check = Officer(database);
        (await check.Decisions.SingleAsync()).Reasons.ShouldBe("First");
    }

    [SkippableTheory, AllDatabases]
    public async Task Decide_FlexibleForChildOnTargeted_IsRefusedAsAStepDown(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = Officer(database);
        var data = new TestData(db);
        var child = await data.CreateChildAsync(tier: Tier.TargetedShortBreaks);
        var request = await data.CreateSubmittedRequestAsync(child);

        var result = await Decisions(db).DecideAsync(request, DecisionOutcome.FlexibleShortBreaksApproved, "Reasons", request.Version);

        result.Errors.ShouldContain(e => e.Message.Contains("step down"));
        (await db.Children.AsNoTracking().SingleAsync()).Tier.ShouldBe(Tier.TargetedShortBreaks);
    }

    [SkippableTheory, AllDatabases]
    public async Task TriageQueue_OldestFirstWithOverdueCounted(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = Officer(database);
        var data = new TestData(db);
        var recent = await data.CreateSubmittedRequestAsync(submittedAt: Now.UtcDateTime.AddDays(-1));
        var old = await data.CreateSubmittedRequestAsync(submittedAt: Now.UtcDateTime.AddDays(-30));
        var queue = new TriageQueue(db, ShippedSchemes.Catalog, ShippedSchemes.WorkingDays);

        var page = await queue.GetAsync(new TriageFilter());
        var overdue = await queue.GetAsync(new TriageFilter(Waiting: WaitingState.Overdue));

        page.Items.Select(i => i.Id).ShouldBe([old.Id, recent.Id]);
        page.Items[0].Waiting.State.ShouldBe(WaitingState.Overdue);
        page.Items[1].Waiting.State.ShouldBe(WaitingState.WithinTarget);
        page.Overdue.ShouldBe(1);
        overdue.Items.ShouldHaveSingleItem().Id.ShouldBe(old.Id);
    }

    [SkippableTheory, AllDatabases]
    public async Task Merge_MovesEverythingAndAuditsIt(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = Officer(database);
        var data = new TestData(db);
        var keep = await data.CreateChildAsync("Maya", "Example");
        var duplicate = await data.CreateChildAsync("Maya", "Example", tier: Tier.FlexibleShortBreaks);
        await data.CreateSubmittedRequestAsync(duplicate);

        var result = await new ChildService(db).MergeAsync(keep.Id, duplicate.Id, "Same child, entered twice", keep.Version, duplicate.Version);

        result.Succeeded.ShouldBeTrue();
        (await db.Requests.AsNoTracking().SingleAsync()).ChildId.ShouldBe(keep.Id);
        (await db.Children.AsNoTracking().SingleAsync(c => c.Id == duplicate.Id)).MergedIntoChildId.ShouldBe(keep.Id);
        (await db.Children.AsNoTracking().SingleAsync(c => c.Id == keep.Id)).Tier.ShouldBe(Tier.FlexibleShortBreaks);
        (await db.ChildMerges.SingleAsync()).MergedChildReference.ShouldBe(duplicate.Reference);
        (await db.AuditEntries.AnyAsync(a => a.Action == "merge" && a.ChildId == keep.Id)).ShouldBeTrue();
    }

    [SkippableTheory, AllDatabases]
    public async Task Merge_DoesNotGiveTheDuplicatesFamilyTheRecordThatStays_AndNamesThemForLinking(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = Officer(database);
        var data = new TestData(db);
        var keep = await data.CreateChildAsync("Maya", "Example");
        var duplicate = await data.CreateChildAsync("Maya", "Example");
        db.Users.Add(new ShortBreaks.Core.Identity.AppUser { Id = "family-dup", UserName = "dup@example.org", Email = "dup@example.org", DisplayName = "Dana Duplicate" });
        db.ChildFamilyMembers.Add(new ChildFamilyMember { ChildId = duplicate.Id, UserId = "family-dup", Relationship = "Mother", AddedAt = Now.UtcDateTime });
        await db.SaveChangesAsync();

        var result = await new ChildService(db).MergeAsync(keep.Id, duplicate.Id, "Same child, entered twice", keep.Version, duplicate.Version);

        result.Succeeded.ShouldBeTrue();
        (await db.ChildFamilyMembers.AnyAsync(m => m.UserId == "family-dup")).ShouldBeFalse();
        var merged = await db.TimelineEvents.AsNoTracking().SingleAsync(e => e.ChildId == keep.Id && e.Kind == TimelineKinds.Merged);
        merged.Detail!.ShouldContain("were not carried across");
        merged.Detail!.ShouldContain("Dana Duplicate (dup@example.org)");
    }

    private static readonly ShortBreaks.Core.Caseloads.StaffViewer Everyone = ShortBreaks.Core.Caseloads.StaffViewer.SeeingEveryChild("officer");

    [SkippableTheory, AllDatabases]
    public async Task Search_FindsByNameReferenceBirthDateAndPostcode(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = Officer(database);
        var child = await new TestData(db).CreateChildAsync("Maya", "Quennell", new DateOnly(2016, 3, 3), "DC7 4QX");
        var search = new StaffSearch(db);

        (await search.SearchAsync("quenn", Everyone)).Children.ShouldHaveSingleItem().Id.ShouldBe(child.Id);
        (await search.SearchAsync("Maya Quennell", Everyone)).Children.ShouldHaveSingleItem().Id.ShouldBe(child.Id);
        (await search.SearchAsync(child.Reference.Replace("-", "").ToLowerInvariant(), Everyone)).Children.ShouldHaveSingleItem().Id.ShouldBe(child.Id);
        (await search.SearchAsync("3/3/2016", Everyone)).Children.ShouldHaveSingleItem().Id.ShouldBe(child.Id);
        (await search.SearchAsync("dc74qx", Everyone)).Children.ShouldHaveSingleItem().Id.ShouldBe(child.Id);
        (await search.SearchAsync("DC7", Everyone)).Children.ShouldHaveSingleItem().Id.ShouldBe(child.Id);
        (await search.SearchAsync("zzzz", Everyone)).Children.ShouldBeEmpty();
    }

    [SkippableTheory, AllDatabases]
    public async Task Search_NineLetterWord_IsASurnameUnlessSuchAReferenceExists(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = Officer(database);
        var data = new TestData(db);
        var carpenter = await data.CreateChildAsync("Ada", "Carpenter");
        var lettersOnly = await data.CreateChildAsync("Bo", "Example", reference: "C-ABCD-EFGH");
        var search = new StaffSearch(db);

        var bySurname = await search.SearchAsync("Carpenter", Everyone);
        var byReference = await search.SearchAsync("cabcdefgh", Everyone);

        bySurname.Interpretation.ShouldBe("name");
        bySurname.Children.ShouldHaveSingleItem().Id.ShouldBe(carpenter.Id);
        byReference.Interpretation.ShouldBe("reference");
        byReference.Children.ShouldHaveSingleItem().Id.ShouldBe(lettersOnly.Id);
    }

    [SkippableTheory, AllDatabases]
    public async Task AddEvidence_BeyondTheLimit_IsRefused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = Officer(database);
        var service = Service(db);
        var request = await service.StartAsync(RequestChannel.Online, "family-1", "family-1");
        for (var i = 0; i < RequestRules.MaxEvidenceFiles; i++)
        {
            (await service.AddEvidenceAsync(request, Pdf(i))).Succeeded.ShouldBeTrue();
        }

        var refused = await service.AddEvidenceAsync(request, Pdf(99));

        refused.Errors.ShouldHaveSingleItem().Message.ShouldContain($"up to {RequestRules.MaxEvidenceFiles} files");
        (await db.EvidenceDocuments.CountAsync()).ShouldBe(RequestRules.MaxEvidenceFiles);
    }

    private static EvidenceDocument Pdf(int n) => new()
    {
        KindId = "disability-benefit",
        FileName = $"letter-{n}.pdf",
        ContentType = "application/pdf",
        Content = "%PDF-1.4\n%%EOF\n"u8.ToArray(),
        SizeBytes = 14,
    };

    private static void Fill(ShortBreakRequest r)
    {
        r.ChildFirstName = "Maya";
        r.ChildLastName = "Example";
        r.ChildDateOfBirth = new DateOnly(2016, 3, 3);
        r.AddressLine1 = "1 Example Road";
        r.Town = "Exampleton";
        r.Postcode = "DC1 2AB";
        r.AttendsSchool = true;
        r.School = "Example Primary";
        r.HasEhcPlan = false;
        r.NeedIds = "extra-care";
        r.DisabilityCodes = "LD";
        r.NeedsInOwnWords = "Needs help with everything.";
        r.ContactName = "Jess Example";
        r.ContactRelationship = "Mother";
        r.ContactEmail = "jess@example.org";
        r.PreferredContact = ContactMethod.Email;
        r.SiblingCount = 0;
        r.EvidenceStepDone = true;
        r.ConsentToShare = true;
    }
}
