using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ShortBreaks.Core.Auditing;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Notifications;
using ShortBreaks.Core.Providers;
using ShortBreaks.Core.Requests;
using ShortBreaks.Core.Schemes;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Core.Tests.Providers;

/// <summary>The annual renewal of Flexible Short Breaks, on every database.</summary>
public sealed class RenewalServiceTests : IDisposable
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);
    private static readonly Actor Officer = new() { UserId = "officer", Name = "Olu Officer" };
    private static readonly Actor Family = new() { UserId = "family", Name = "Jo Parent" };
    private const string FamilyEmail = "jo@family.example";
    private const string OfficerEmail = "olu@council.example";

    // 10 February 2027: the year ends on 31 March and families are invited from 4 February (8 weeks before 1 April).
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2027, 2, 10, 10, 0, 0, TimeSpan.Zero));
    private static readonly DateOnly NextYear = new(2027, 4, 1);
    private readonly string _mail = Path.Combine(Path.GetTempPath(), "renewal-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_mail)) Directory.Delete(_mail, recursive: true);
    }

    private static SchemeCatalog Catalog(Func<ProviderSettings, ProviderSettings> change) =>
        new(ShippedSchemes.Catalog.Versions.Select(s => s with { Providers = change(s.ProviderRules) }));

    private static readonly SchemeCatalog AutoApproving =
        Catalog(p => p with { Renewal = p.Renewal with { ApproveUnchangedAutomatically = true } });

    private RenewalService Service(ShortBreaksDbContext db, SchemeCatalog? schemes = null) =>
        new(db, schemes ?? ShippedSchemes.Catalog, new EmailSender(new EmailOptions { PickupDirectory = _mail }, NullLogger<EmailSender>.Instance),
            NullLogger<RenewalService>.Instance);

    /// <summary>A child on Flexible Short Breaks since a threshold decision on their request, with a linked family account and an officer.</summary>
    private async Task<Child> FsbChildAsync(TestDatabase database, bool withAccount = true)
    {
        await using var db = database.NewContext(Officer, _clock);
        db.Users.Add(new AppUser { Id = "officer", UserName = OfficerEmail, Email = OfficerEmail, DisplayName = "Olu Officer" });
        if (withAccount) db.Users.Add(new AppUser { Id = "family", UserName = FamilyEmail, Email = FamilyEmail, DisplayName = "Jo Parent" });
        await db.SaveChangesAsync();
        var data = new TestData(db);
        var child = await data.CreateChildAsync(firstName: "Amara", tier: Tier.FlexibleShortBreaks, keyWorkerId: "officer");
        var request = await data.CreateSubmittedRequestAsync(child, needIds: ["extra-care"], familyUserId: withAccount ? "family" : null,
            channel: withAccount ? RequestChannel.Online : RequestChannel.DutyPoint,
            configure: r => { r.ContactEmail = FamilyEmail; r.ContactName = "Jo Parent"; });
        db.Decisions.Add(new RequestDecision
        {
            RequestId = request.Id, ChildId = child.Id, Outcome = DecisionOutcome.FlexibleShortBreaksApproved, Reasons = "Meets the threshold",
            DecidedAt = new DateTime(2026, 5, 1, 9, 0, 0, DateTimeKind.Utc), DecidedByUserId = "officer", DecidedByName = "Olu Officer", SchemeVersion = TestData.SchemeVersion,
        });
        if (withAccount) db.ChildFamilyMembers.Add(new ChildFamilyMember { ChildId = child.Id, UserId = "family", Relationship = "Mother", AddedAt = db.UtcNow });
        await db.SaveChangesAsync();
        return child;
    }

    private static List<RenewalReply> Confirm(FsbRenewal renewal) =>
        [.. RenewalRules.Read(renewal.AnswersJson).Select(a => new RenewalReply(a.Id, true, null))];

    [Theory]
    [InlineData(2027, 2, 3, null)]
    [InlineData(2027, 2, 4, "2027-04-01")]
    [InlineData(2027, 3, 31, "2027-04-01")]
    [InlineData(2027, 4, 1, null)]
    [InlineData(2028, 2, 5, "2028-04-01")]
    public void Renewals_open_the_schemes_weeks_before_the_year_ends_for_the_next_year(int year, int month, int day, string? opens) =>
        RenewalRules.OpenFor(new DateOnly(year, month, day), ProviderSettings.Defaults).ShouldBe(opens is null ? null : DateOnly.Parse(opens, System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData(13, 0)]
    [InlineData(14, 1)]
    [InlineData(27, 1)]
    [InlineData(28, 2)]
    [InlineData(50, 2)]
    public void The_reminder_due_is_the_latest_of_the_schemes_days_passed(int daysAfterInvitation, int reminder) =>
        RenewalRules.ReminderDue(new DateOnly(2027, 2, 4), NextYear, new DateOnly(2027, 2, 4).AddDays(daysAfterInvitation), ProviderSettings.Defaults.Renewal).ShouldBe(reminder);

    [Fact]
    public void No_reminder_is_due_once_the_year_has_ended_the_overdue_notice_is() =>
        RenewalRules.ReminderDue(new DateOnly(2027, 2, 4), NextYear, NextYear, ProviderSettings.Defaults.Renewal).ShouldBe(0);

    [SkippableTheory, AllDatabases]
    public async Task The_window_opens_on_the_uk_day_just_after_midnight_in_summer(DatabaseProvider provider)
    {
        // A September year: invited from 7 July (8 weeks before 1 September). 23:30 UTC on 6 July is 00:30 on 7 July in the UK (BST).
        var september = Catalog(p => p with { YearStartMonth = 9 });
        await using var database = await TestDatabase.CreateAsync(provider);
        _clock.SetUtcNow(new DateTimeOffset(2027, 7, 6, 22, 59, 0, TimeSpan.Zero));
        var child = await FsbChildAsync(database);
        await using var db = database.NewContext(Actor.System, _clock);

        (await Service(db, september).OpenDueAsync()).ShouldBe(0);
        _clock.SetUtcNow(new DateTimeOffset(2027, 7, 6, 23, 30, 0, TimeSpan.Zero));
        (await Service(db, september).OpenDueAsync()).ShouldBe(1);

        var renewal = await db.FsbRenewals.AsNoTracking().SingleAsync();
        (renewal.ChildId, renewal.YearStart, renewal.Status).ShouldBe((child.Id, new DateOnly(2027, 9, 1), RenewalStatus.Invited));
    }

    [SkippableTheory, AllDatabases]
    public async Task Only_open_children_on_flexible_short_breaks_are_invited_and_each_once(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var child = await FsbChildAsync(database);
        await using var db = database.NewContext(Actor.System, _clock);
        var data = new TestData(db);
        await data.CreateChildAsync(tier: Tier.TargetedShortBreaks);
        await data.CreateChildAsync(tier: Tier.FlexibleShortBreaks, configure: c => c.ClosedAt = db.UtcNow.AddDays(-3));

        (await Service(db).OpenDueAsync()).ShouldBe(1);
        (await Service(db).OpenDueAsync()).ShouldBe(0);

        (await db.FsbRenewals.AsNoTracking().SingleAsync()).ChildId.ShouldBe(child.Id);
        (await db.TimelineEvents.AsNoTracking().CountAsync(t => t.ChildId == child.Id && t.Kind == TimelineKinds.Renewal)).ShouldBe(1);
    }

    [SkippableTheory, AllDatabases]
    public async Task Last_years_answers_are_those_of_the_request_that_put_the_child_on_flexible_short_breaks(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await FsbChildAsync(database);
        await using var db = database.NewContext(Actor.System, _clock);
        await Service(db).OpenDueAsync();

        var answers = RenewalRules.Read((await db.FsbRenewals.AsNoTracking().SingleAsync()).AnswersJson);

        answers.Select(a => a.Id).ShouldBe([RequestSteps.Address, RequestSteps.School, RequestSteps.EhcPlan, RequestSteps.Needs, RequestSteps.Disability, RequestSteps.OwnWords, RequestSteps.Contact]);
        answers.Single(a => a.Id == RequestSteps.Needs).Last.ShouldBe("Needs a lot more care and supervision than other children of the same age");
        answers.Single(a => a.Id == RequestSteps.School).Last.ShouldBe("Example Primary School");
        answers.Single(a => a.Id == RequestSteps.Contact).Last.ShouldContain(FamilyEmail);
        answers.ShouldAllBe(a => a.Now == null && !a.Changed);
    }

    [SkippableTheory, AllDatabases]
    public async Task Two_nodes_running_at_once_send_the_invitation_once(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await FsbChildAsync(database);

        await using (var a = database.NewContext(Actor.System, _clock)) (await Service(a).RunAsync("node-a", Lease)).ShouldBe(1);
        await using (var b = database.NewContext(Actor.System, _clock)) (await Service(b).RunAsync("node-b", Lease)).ShouldBe(0);

        var mail = TestMail.To(_mail, FamilyEmail).ShouldHaveSingleItem();
        mail.Subject.ShouldBe("Renew Amara's Flexible Short Breaks by 31 March 2027");
        mail.TextBody.ShouldNotBeNull().ShouldContain("/account/renewal/");
        await using var check = database.NewContext(Actor.System, _clock);
        var notice = await check.RenewalNotices.AsNoTracking().SingleAsync();
        (notice.Kind, notice.ClaimedBy, notice.SentAt).ShouldBe((RenewalNoticeKind.Invitation, "node-a", (DateTime?)_clock.GetUtcNow().UtcDateTime));
    }

    [SkippableTheory, AllDatabases]
    public async Task A_claim_is_held_by_one_node_and_a_dead_nodes_claim_passes_to_another_once_its_lease_ends(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await FsbChildAsync(database);
        await using var a = database.NewContext(Actor.System, _clock);
        await using var b = database.NewContext(Actor.System, _clock);
        await Service(a).OpenDueAsync();
        var due = (await Service(a).DueAsync()).ShouldHaveSingleItem();

        var first = await Service(a).TryClaimAsync(due, "node-a", Lease);
        (await Service(b).TryClaimAsync(due, "node-b", Lease)).ShouldBeNull();
        first.ShouldNotBeNull();

        _clock.Advance(Lease + TimeSpan.FromSeconds(1));
        var taken = await Service(b).TryClaimAsync(due, "node-b", Lease);
        taken.ShouldBe(first);
        (await Service(a).SendAsync(first!.Value, due, "node-a")).ShouldBeFalse();
        (await Service(b).SendAsync(taken!.Value, due, "node-b")).ShouldBeTrue();
        TestMail.To(_mail, FamilyEmail).ShouldHaveSingleItem();
        await using var c = database.NewContext(Actor.System, _clock);
        (await Service(c).DueAsync()).ShouldBeEmpty();
    }

    [SkippableTheory, AllDatabases]
    public async Task A_family_that_has_not_answered_is_reminded_on_the_schemes_days_once_each(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await FsbChildAsync(database);
        await using (var db = database.NewContext(Actor.System, _clock)) await Service(db).RunAsync("node-a", Lease);

        _clock.Advance(TimeSpan.FromDays(13));
        await using (var db = database.NewContext(Actor.System, _clock)) (await Service(db).RunAsync("node-a", Lease)).ShouldBe(0);
        _clock.Advance(TimeSpan.FromDays(1));
        await using (var db = database.NewContext(Actor.System, _clock)) (await Service(db).RunAsync("node-a", Lease)).ShouldBe(1);
        await using (var db = database.NewContext(Actor.System, _clock)) (await Service(db).RunAsync("node-b", Lease)).ShouldBe(0);

        TestMail.To(_mail, FamilyEmail).Select(m => m.Subject).ShouldBe(
            ["Renew Amara's Flexible Short Breaks by 31 March 2027", "Reminder: renew Amara's Flexible Short Breaks by 31 March 2027"]);
        await using var check = database.NewContext(Actor.System, _clock);
        var renewal = await check.FsbRenewals.AsNoTracking().SingleAsync();
        (renewal.Reminders, renewal.Version).ShouldBe((1, 0L));
    }

    [SkippableTheory, AllDatabases]
    public async Task An_unchanged_renewal_waits_for_an_officer_unless_the_scheme_approves_unchanged_ones(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await FsbChildAsync(database);
        await using (var db = database.NewContext(Actor.System, _clock)) await Service(db).OpenDueAsync();

        await using (var db = database.NewContext(Family, _clock))
        {
            var renewal = await db.FsbRenewals.AsNoTracking().SingleAsync();
            (await Service(db).SubmitAsync(renewal.Id, Confirm(renewal), takenByPhone: false, renewal.Version)).Succeeded.ShouldBeTrue();
        }

        await using (var db = database.NewContext(Officer, _clock))
        {
            var renewal = await db.FsbRenewals.AsNoTracking().SingleAsync();
            (renewal.Status, renewal.AnyChanged, renewal.ApprovedAutomatically, renewal.SubmittedByName).ShouldBe((RenewalStatus.Submitted, false, false, "Jo Parent"));
            RenewalRules.Read(renewal.AnswersJson).ShouldAllBe(a => a.Now == a.Last && !a.Changed);
            var item = (await Service(db).QueueAsync()).ShouldHaveSingleItem();
            (item.ChildName.StartsWith("Amara ", StringComparison.Ordinal), item.Overdue).ShouldBe((true, false));
        }
    }

    [SkippableTheory, AllDatabases]
    public async Task An_unchanged_renewal_under_a_scheme_that_approves_them_is_approved_and_recorded_as_automatic(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var child = await FsbChildAsync(database);
        await using (var db = database.NewContext(Actor.System, _clock)) await Service(db, AutoApproving).OpenDueAsync();

        await using var family = database.NewContext(Family, _clock);
        var open = await family.FsbRenewals.AsNoTracking().SingleAsync();
        (await Service(family, AutoApproving).SubmitAsync(open.Id, Confirm(open), takenByPhone: false, open.Version)).Succeeded.ShouldBeTrue();

        var renewal = await family.FsbRenewals.AsNoTracking().SingleAsync();
        (renewal.Status, renewal.ApprovedAutomatically, renewal.DecidedByUserId).ShouldBe((RenewalStatus.Approved, true, (string?)null));
        renewal.DecisionReason.ShouldBe($"Approved automatically under {ShippedSchemes.Scheme2026_1.Council.Name}'s short breaks scheme, version 2026.1: every answer was confirmed unchanged.");
        (await Service(family, AutoApproving).QueueAsync()).ShouldBeEmpty();
        (await family.TimelineEvents.AsNoTracking().Where(t => t.ChildId == child.Id && t.Kind == TimelineKinds.Renewal).Select(t => t.Summary).ToListAsync())
            .ShouldContain("Renewal of Flexible Short Breaks approved for the year from 1 April 2027");
        (await family.AuditEntries.AsNoTracking().AnyAsync(e => e.EntityType == nameof(FsbRenewal) && e.Action == "update" && e.UserId == "family")).ShouldBeTrue();
    }

    [SkippableTheory, AllDatabases]
    public async Task A_changed_answer_always_goes_to_an_officer_with_the_change_marked(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await FsbChildAsync(database);
        await using (var db = database.NewContext(Actor.System, _clock)) await Service(db, AutoApproving).OpenDueAsync();

        await using var family = database.NewContext(Family, _clock);
        var open = await family.FsbRenewals.AsNoTracking().SingleAsync();
        var replies = Confirm(open).Select(r => r.Id == RequestSteps.School ? r with { Unchanged = false, Now = "Sherwood Academy" } : r).ToList();
        (await Service(family, AutoApproving).SubmitAsync(open.Id, replies, takenByPhone: false, open.Version)).Succeeded.ShouldBeTrue();

        var renewal = await family.FsbRenewals.AsNoTracking().SingleAsync();
        (renewal.Status, renewal.AnyChanged, renewal.ApprovedAutomatically).ShouldBe((RenewalStatus.Submitted, true, false));
        var school = RenewalRules.Read(renewal.AnswersJson).Single(a => a.Id == RequestSteps.School);
        (school.Last, school.Now, school.Changed).ShouldBe(("Example Primary School", "Sherwood Academy", true));
    }

    [SkippableTheory, AllDatabases]
    public async Task Answers_left_out_or_changed_to_nothing_are_refused_and_nothing_is_saved(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await FsbChildAsync(database);
        await using (var db = database.NewContext(Actor.System, _clock)) await Service(db).OpenDueAsync();

        await using var family = database.NewContext(Family, _clock);
        var open = await family.FsbRenewals.AsNoTracking().SingleAsync();
        var replies = Confirm(open).Skip(1).Select((r, i) => i == 0 ? r with { Unchanged = false, Now = "  " } : r).ToList();
        var result = await Service(family).SubmitAsync(open.Id, replies, takenByPhone: false, open.Version);

        result.Errors.Select(e => e.Field).ShouldBe(["Answers[0].Unchanged", "Answers[1].Now"]);
        (await family.FsbRenewals.AsNoTracking().SingleAsync()).Status.ShouldBe(RenewalStatus.Invited);
    }

    [SkippableTheory, AllDatabases]
    public async Task The_officer_approves_or_refers_with_reasons_and_a_stale_version_is_refused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var child = await FsbChildAsync(database);
        await using (var db = database.NewContext(Actor.System, _clock)) await Service(db).OpenDueAsync();
        await using var officer = database.NewContext(Officer, _clock);
        var open = await officer.FsbRenewals.AsNoTracking().SingleAsync();

        (await Service(officer).DecideAsync(open.Id, RenewalDecision.Approve, null, open.Version)).Errors.Single().Message
            .ShouldBe("The family has not sent this renewal yet: take their answers by phone first");
        (await Service(officer).SubmitAsync(open.Id, Confirm(open), takenByPhone: true, open.Version)).Succeeded.ShouldBeTrue();
        (await Service(officer).DecideAsync(open.Id, RenewalDecision.Approve, null, open.Version)).Conflict.ShouldBeTrue();
        var sent = await officer.FsbRenewals.AsNoTracking().SingleAsync();
        sent.TakenByPhone.ShouldBeTrue();
        (await Service(officer).DecideAsync(open.Id, RenewalDecision.Refer, " ", sent.Version)).Errors.Select(e => e.Field).ShouldBe(["Reason"]);
        (await Service(officer).DecideAsync(open.Id, null, null, sent.Version)).Errors.Select(e => e.Field).ShouldBe(["Decision"]);

        (await Service(officer).DecideAsync(open.Id, RenewalDecision.Refer, "New diagnosis: look at Targeted Short Breaks.", sent.Version)).Succeeded.ShouldBeTrue();

        var decided = await officer.FsbRenewals.AsNoTracking().SingleAsync();
        (decided.Status, decided.DecidedByName, decided.DecisionReason).ShouldBe((RenewalStatus.Referred, "Olu Officer", "New diagnosis: look at Targeted Short Breaks."));
        (await officer.Children.AsNoTracking().SingleAsync(c => c.Id == child.Id)).Tier.ShouldBe(Tier.FlexibleShortBreaks);
        (await Service(officer).DecideAsync(open.Id, RenewalDecision.Approve, null, decided.Version)).Errors.Single().Message.ShouldBe("This renewal has already been decided");
        TestMail.To(_mail, FamilyEmail).Last().Subject.ShouldBe("Amara's Flexible Short Breaks: we need to look again");
    }

    [SkippableTheory, AllDatabases]
    public async Task Not_renewed_by_the_end_the_officer_is_told_the_family_reminded_and_nothing_is_cut(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var child = await FsbChildAsync(database);
        await using (var db = database.NewContext(Actor.System, _clock)) await Service(db).RunAsync("node-a", Lease);

        // 23:30 UTC on 31 March 2027 is 00:30 on 1 April in the UK (BST): the year has ended.
        _clock.SetUtcNow(new DateTimeOffset(2027, 3, 31, 23, 30, 0, TimeSpan.Zero));
        await using (var db = database.NewContext(Actor.System, _clock)) await Service(db).RunAsync("node-a", Lease);
        await using (var db = database.NewContext(Actor.System, _clock)) (await Service(db).RunAsync("node-b", Lease)).ShouldBe(0);

        TestMail.To(_mail, OfficerEmail).ShouldHaveSingleItem().Subject.ShouldStartWith("Not renewed: Amara ");
        TestMail.To(_mail, FamilyEmail).Last().Subject.ShouldBe("Amara's Flexible Short Breaks have not been renewed");
        await using var check = database.NewContext(Officer, _clock);
        var renewal = await check.FsbRenewals.AsNoTracking().SingleAsync();
        (renewal.Status, renewal.OfficerToldAt).ShouldBe((RenewalStatus.Invited, (DateTime?)_clock.GetUtcNow().UtcDateTime));
        (await Service(check).QueueAsync()).ShouldHaveSingleItem().Overdue.ShouldBeTrue();
        // Nothing is cut without a decision: the child stays on Flexible Short Breaks, and the family can still renew.
        (await check.Children.AsNoTracking().SingleAsync(c => c.Id == child.Id)).Tier.ShouldBe(Tier.FlexibleShortBreaks);
        (await Service(check).SubmitAsync(renewal.Id, Confirm(renewal), takenByPhone: true, renewal.Version)).Succeeded.ShouldBeTrue();
    }

    [SkippableTheory, AllDatabases]
    public async Task A_child_not_renewed_by_the_end_keeps_the_new_years_allowance_and_packages_can_be_built_for_it(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var child = await FsbChildAsync(database);
        await using (var db = database.NewContext(Actor.System, _clock)) await Service(db).OpenDueAsync();
        _clock.SetUtcNow(new DateTimeOffset(2027, 4, 2, 9, 0, 0, TimeSpan.Zero));
        await using var officer = database.NewContext(Officer, _clock);
        var packages = new PackageService(officer, ShippedSchemes.Catalog,
            new EmailSender(new EmailOptions { PickupDirectory = _mail }, NullLogger<EmailSender>.Instance), NullLogger<PackageService>.Instance);

        (await Service(officer).QueueAsync()).ShouldHaveSingleItem().Overdue.ShouldBeTrue();
        var year = (await packages.YearAsync(child.Id)).ShouldNotBeNull();
        (year.YearStart, year.Allowance.ShouldNotBeNull().Hours).ShouldBe((NextYear, 80m));
        var (_, built) = await packages.BuildAsync(child.Id,
            new PackageRequest { Route = PackageRoute.DirectPayment, StartsOn = new DateOnly(2027, 4, 2), DirectPaymentHours = 10 }, PackageActor.Officer);
        built.Succeeded.ShouldBeTrue();
    }

    [SkippableTheory, AllDatabases]
    public async Task A_family_with_no_account_is_asked_to_ring_at_the_contact_address_of_their_request(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await FsbChildAsync(database, withAccount: false);
        await using (var db = database.NewContext(Actor.System, _clock)) await Service(db).RunAsync("node-a", Lease);

        var mail = TestMail.To(_mail, FamilyEmail).ShouldHaveSingleItem();
        mail.TextBody.ShouldNotBeNull().ShouldContain($"Ring us on {ShippedSchemes.Scheme2026_1.Council.ContactPhone}");
        mail.TextBody.ShouldNotContain("/account/renewal/");
    }
}
