using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ShortBreaks.Core.Auditing;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Notifications;
using ShortBreaks.Core.Scheduling;
using ShortBreaks.Core.Schemes;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Core.Tests.Notifications;

/// <summary>Telling people: the list in the service, the outbox that sends each email once, and scheduled jobs' runs.</summary>
public sealed class MessengerTests : IDisposable
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    // 23:30 UTC on 1 June 2027 is already 2 June in the UK (BST): the UK day is the one that counts.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2027, 6, 1, 23, 30, 0, TimeSpan.Zero));
    private readonly string _mail = Path.Combine(Path.GetTempPath(), "outbox-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_mail)) Directory.Delete(_mail, recursive: true);
    }

    private OutboxService Outbox(ShortBreaksDbContext db, OutboxOptions? options = null, string? pickup = null) =>
        new(db, new EmailSender(new EmailOptions { PickupDirectory = pickup ?? _mail, PublicBaseUrl = "https://short-breaks.example" }, NullLogger<EmailSender>.Instance),
            ShippedSchemes.Catalog, options ?? new OutboxOptions(), NullLogger<OutboxService>.Instance);

    private static async Task<string> AccountAsync(ShortBreaksDbContext db, string email, EmailChoice choice = EmailChoice.EmailAndList, string? role = null)
    {
        var user = new AppUser { UserName = email, Email = email, DisplayName = email, EmailConfirmed = true, EmailChoice = choice };
        db.Users.Add(user);
        if (role is not null)
        {
            var existing = await db.Roles.FirstOrDefaultAsync(r => r.Name == role);
            if (existing is null)
            {
                existing = new IdentityRole(role) { NormalizedName = role.ToUpperInvariant() };
                db.Roles.Add(existing);
            }

            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = existing.Id });
        }

        await db.SaveChangesAsync();
        return user.Id;
    }

    [SkippableTheory, AllDatabases]
    public async Task A_notice_reaches_the_list_and_one_email_that_names_no_case_detail_however_many_nodes_send(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        string parent;
        await using (var db = database.NewContext(Actor.System, _clock))
        {
            parent = await AccountAudit(db);
            new Messenger(db).Tell(parent, new Notice("A review record is ready to read", "/account/reviews/1", Detail: "Ada's review on 3 June"));
            await db.SaveChangesAsync();
        }

        await using (var a = database.NewContext(Actor.System, _clock))
        {
            (await Outbox(a).SendWaitingAsync("node-a", Lease)).ShouldBe(1);
        }

        await using (var b = database.NewContext(Actor.System, _clock))
        {
            (await Outbox(b).SendWaitingAsync("node-b", Lease)).ShouldBe(0);
        }

        var mail = TestMail.To(_mail, "parent@example.org").ShouldHaveSingleItem();
        mail.Subject.ShouldBe("A review record is ready to read");
        mail.TextBody.ShouldNotBeNull().ShouldContain("https://short-breaks.example/account/reviews/1");
        mail.TextBody.ShouldNotContain("Ada");
        await using var check = database.NewContext(Actor.System, _clock);
        var sent = await check.OutboxEmails.SingleAsync();
        (sent.State, sent.ClaimedBy, sent.Attempts).ShouldBe((OutboxState.Sent, "node-a", 1));
        (await check.SentEmails.SingleAsync()).Subject.ShouldBe("A review record is ready to read");
        var listed = await new MessageList(check).ReadAsync(parent, 1, 20);
        listed.Messages.ShouldHaveSingleItem().Detail.ShouldBe("Ada's review on 3 June");
        listed.Unread.ShouldBe(1);
        (await new MessageList(check).WaitingCountAsync(parent)).ShouldBe(0);
    }

    private static Task<string> AccountAudit(ShortBreaksDbContext db) => AccountAsync(db, "parent@example.org");

    [SkippableTheory, AllDatabases]
    public async Task A_change_refused_tells_nobody(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext(Actor.System, _clock))
        {
            var parent = await AccountAudit(db);
            new Messenger(db).Tell(parent, new Notice("A plan is ready to agree", "/account"));
            // The change it tells of is never saved: the context is thrown away.
        }

        await using var check = database.NewContext(Actor.System, _clock);
        (await check.PersonMessages.CountAsync()).ShouldBe(0);
        (await Outbox(check).SendWaitingAsync("node-a", Lease)).ShouldBe(0);
        Directory.Exists(_mail).ShouldBeFalse();
    }

    [SkippableTheory, AllDatabases]
    public async Task Someone_who_chose_the_list_only_gets_no_email_except_a_statutory_one(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext(Actor.System, _clock))
        {
            var parent = await AccountAsync(db, "quiet@example.org", EmailChoice.ListOnly);
            var messenger = new Messenger(db);
            messenger.Tell(parent, new Notice("A review is coming", "/account"));
            messenger.Tell(parent, new Notice("A decision letter is ready to read", "/account/letters", Statutory: true));
            await db.SaveChangesAsync();
        }

        await using (var db = database.NewContext(Actor.System, _clock))
        {
            (await Outbox(db).SendWaitingAsync("node-a", Lease)).ShouldBe(1);
        }

        TestMail.To(_mail, "quiet@example.org").ShouldHaveSingleItem().Subject.ShouldBe("A decision letter is ready to read");
        await using var check = database.NewContext(Actor.System, _clock);
        var notSent = await check.OutboxEmails.SingleAsync(e => !e.Statutory);
        (notSent.State, notSent.Outcome).ShouldBe((OutboxState.NotSent, "the person chose only the list in the service"));
        (await check.PersonMessages.CountAsync()).ShouldBe(2);
    }

    [SkippableTheory, AllDatabases]
    public async Task An_email_the_mail_server_refuses_is_tried_again_later_then_given_up_for_an_administrator(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext(Actor.System, _clock))
        {
            var parent = await AccountAudit(db);
            new Messenger(db).Tell(parent, new Notice("A plan is ready to agree", "/account"));
            await db.SaveChangesAsync();
        }

        // A pickup folder that is a file: every attempt to write there fails as a mail server refusing would.
        var blocked = Path.Combine(Path.GetTempPath(), "outbox-blocked-" + Guid.NewGuid().ToString("N"));
        await File.WriteAllTextAsync(blocked, "not a folder");
        try
        {
            var options = new OutboxOptions { MaximumAttempts = 2, RetryMinutes = 5 };
            await using (var db = database.NewContext(Actor.System, _clock))
            {
                (await Outbox(db, options, blocked).SendWaitingAsync("node-a", Lease)).ShouldBe(0);
                // Straight away: it waits its retry time, not claimed again.
                (await Outbox(db, options, blocked).SendWaitingAsync("node-a", Lease)).ShouldBe(0);
            }

            await using (var db = database.NewContext(Actor.System, _clock))
            {
                var waiting = await db.OutboxEmails.SingleAsync();
                (waiting.State, waiting.Attempts, waiting.Outcome).ShouldBe((OutboxState.Waiting, 1, "IOException"));
            }

            _clock.Advance(TimeSpan.FromMinutes(6));
            await using (var db = database.NewContext(Actor.System, _clock))
            {
                (await Outbox(db, options, blocked).SendWaitingAsync("node-b", Lease)).ShouldBe(0);
            }

            await using var check = database.NewContext(Actor.System, _clock);
            var failed = await check.OutboxEmails.SingleAsync();
            (failed.State, failed.Attempts, failed.Outcome).ShouldBe((OutboxState.Failed, 2, "IOException after 2 attempts"));
            (await Outbox(check).SummaryAsync()).ShouldBe(new OutboxSummary(0, 0, 0, 1, null));
        }
        finally
        {
            File.Delete(blocked);
        }
    }

    [SkippableTheory, AllDatabases]
    public async Task A_notice_about_a_child_told_to_a_role_reaches_only_those_who_see_the_child(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext(Actor.System, _clock);
        var east = await AccountAsync(db, "east.manager@council.example", role: Roles.TeamManager);
        var west = await AccountAsync(db, "west.manager@council.example", role: Roles.TeamManager);
        var officer = await AccountAsync(db, "east.officer@council.example", role: Roles.PersonalisationOfficer);
        foreach (var (id, team) in new[] { (east, "East"), (west, "West"), (officer, "East") }) (await db.Users.FindAsync(id))!.Team = team;
        await db.SaveChangesAsync();
        var data = new TestData(db);
        var held = await data.CreateChildAsync(tier: Tier.FlexibleShortBreaks, keyWorkerId: officer);
        var unheld = await data.CreateChildAsync(tier: Tier.FlexibleShortBreaks);
        var byTeam = new SchemeCatalog([ShippedSchemes.Scheme2026_1 with { Visibility = new VisibilitySettings { TeamManager = "Team" } }]);

        Notice About(Child child, string key) => new("A referral to social care is waiting to be passed on", "/staff/referrals/1", child.Id, "What the family said", TaskKey: key);

        // Managers who see their own team's children: only the manager of the key worker's team is told.
        (await new Messenger(db, byTeam).TellRoleAsync(Roles.TeamManager, About(held, "a"))).ShouldBe(1);
        db.PersonMessages.Local.Where(m => m.TaskKey == "a").Select(m => m.UserId).ShouldBe([east]);
        // A child no manager sees (no key worker yet): every manager, so the work never waits unseen.
        (await new Messenger(db, byTeam).TellRoleAsync(Roles.TeamManager, About(unheld, "b"))).ShouldBe(2);
        // The panel's agenda goes to every manager, whatever they see.
        (await new Messenger(db, byTeam).TellRoleAsync(Roles.TeamManager, About(held, "c"), everyoneInRole: true)).ShouldBe(2);
        // The default setting (every manager sees every child): every manager.
        (await new Messenger(db, ShippedSchemes.Catalog).TellRoleAsync(Roles.TeamManager, About(held, "d"))).ShouldBe(2);
        await db.SaveChangesAsync();
        (await db.PersonMessages.CountAsync(m => m.UserId == west && m.Detail == "What the family said")).ShouldBe(3);
        (await db.PersonMessages.CountAsync(m => m.UserId == east)).ShouldBe(4);
    }

    [SkippableTheory, AllDatabases]
    public async Task A_task_found_twice_is_listed_once_and_leaves_every_list_when_its_work_is_done(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        string first, second;
        await using (var db = database.NewContext(Actor.System, _clock))
        {
            first = await AccountAsync(db, "manager1@council.example", role: Roles.TeamManager);
            second = await AccountAsync(db, "manager2@council.example", role: Roles.TeamManager);
            await AccountAsync(db, "officer@council.example", role: Roles.PersonalisationOfficer);
            var told = await new Messenger(db).TellRoleAsync(Roles.TeamManager, new Notice("A panel item needs a decision", "/staff/panel", TaskKey: "panel:1"));
            told.ShouldBe(2);
            await db.SaveChangesAsync();
        }

        await using (var db = database.NewContext(Actor.System, _clock))
        {
            // The same work found again (a scan running twice): no second task.
            await new Messenger(db).TellRoleAsync(Roles.TeamManager, new Notice("A panel item needs a decision", "/staff/panel", TaskKey: "panel:1"));
            await db.SaveChangesAsync();
            (await db.PersonMessages.CountAsync()).ShouldBe(2);
            (await new MessageList(db).WaitingCountAsync(first)).ShouldBe(1);
        }

        await using (var db = database.NewContext(Actor.System, _clock))
        {
            var list = await new MessageList(db).ReadAsync(first, 1, 20);
            list.Tasks.ShouldHaveSingleItem().Title.ShouldBe("A panel item needs a decision");
            // Read, but still waiting: a task stays until its work is done.
            (await new MessageList(db).WaitingCountAsync(first)).ShouldBe(1);
            await new Messenger(db).CompleteTasksAsync("panel:1");
            await db.SaveChangesAsync();
        }

        await using var check = database.NewContext(Actor.System, _clock);
        (await new MessageList(check).WaitingCountAsync(first)).ShouldBe(0);
        var secondList = await new MessageList(check).ReadAsync(second, 1, 20);
        secondList.Tasks.ShouldBeEmpty();
        secondList.Messages.ShouldHaveSingleItem().CompletedAt.ShouldBe(_clock.GetUtcNow().UtcDateTime);
    }

    [Fact]
    public void A_notice_links_only_to_a_page_of_the_service()
    {
        var messenger = new Messenger(null!);
        Should.Throw<ArgumentException>(() => messenger.Tell("someone", new Notice("Hello", "https://elsewhere.example/")));
        Should.Throw<ArgumentException>(() => messenger.Tell("someone", new Notice("Hello", "//elsewhere.example/")));
    }

    [SkippableTheory, AllDatabases]
    public async Task A_daily_job_runs_once_a_uk_day_across_nodes_and_again_the_next_day(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var a = database.NewContext(Actor.System, _clock))
        await using (var b = database.NewContext(Actor.System, _clock))
        {
            var claims = await Task.WhenAll(new ScheduledJobs(a).TryClaimDailyAsync("Reviews falling due", "node-a", Lease),
                new ScheduledJobs(b).TryClaimDailyAsync("Reviews falling due", "node-b", Lease));
            claims.Count(c => c).ShouldBe(1);
            var winner = claims[0] ? "node-a" : "node-b";
            await new ScheduledJobs(a).CompleteDailyAsync("Reviews falling due", winner, a.Today, "3 reviews added");
        }

        await using (var db = database.NewContext(Actor.System, _clock))
        {
            // A restart later the same UK day: not again.
            _clock.Advance(TimeSpan.FromHours(20));
            (await new ScheduledJobs(db).TryClaimDailyAsync("Reviews falling due", "node-c", Lease)).ShouldBeFalse();
            var job = (await new ScheduledJobs(db).ListAsync()).ShouldHaveSingleItem();
            (job.LastDay, job.LastOutcome, job.LastResult).ShouldBe((new DateOnly(2027, 6, 2), "completed", "3 reviews added"));
        }

        _clock.Advance(TimeSpan.FromHours(4));
        await using var next = database.NewContext(Actor.System, _clock);
        (await new ScheduledJobs(next).TryClaimDailyAsync("Reviews falling due", "node-c", Lease)).ShouldBeTrue();
    }

    [SkippableTheory, AllDatabases]
    public async Task A_daily_run_left_by_a_node_that_stopped_is_taken_up_once_its_lease_passes(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext(Actor.System, _clock);
        var jobs = new ScheduledJobs(db);
        (await jobs.TryClaimDailyAsync("Overdue complaint stages", "node-a", Lease)).ShouldBeTrue();
        (await jobs.TryClaimDailyAsync("Overdue complaint stages", "node-b", Lease)).ShouldBeFalse();
        (await jobs.RenewAsync("Overdue complaint stages", "node-b", Lease)).ShouldBeFalse();

        _clock.Advance(Lease + TimeSpan.FromSeconds(1));
        (await jobs.TryClaimDailyAsync("Overdue complaint stages", "node-b", Lease)).ShouldBeTrue();
        (await jobs.RenewAsync("Overdue complaint stages", "node-a", Lease)).ShouldBeFalse();

        await jobs.ReleaseDailyAsync("Overdue complaint stages", "node-b", "failed", "TimeoutException");
        var job = (await jobs.ListAsync()).ShouldHaveSingleItem();
        (job.LastDay, job.LastOutcome, job.LastFailure, job.LeaseUntil).ShouldBe(((DateOnly?)null, "failed", "TimeoutException", (DateTime?)null));
        (await jobs.TryClaimDailyAsync("Overdue complaint stages", "node-a", Lease)).ShouldBeTrue();
    }
}
