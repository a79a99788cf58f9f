using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.DirectPayments;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Notifications;
using ShortBreaks.Core.Providers;
using ShortBreaks.Core.Scheduling;
using ShortBreaks.TestCommon;
using ShortBreaks.Web.Infrastructure;

namespace ShortBreaks.Web.Tests.Nodes;

/// <summary>A daily job that counts its runs by name, slow enough that two nodes would overlap if both ran it.</summary>
public sealed class CountingDailyJob(IServiceScopeFactory scopes, NodeOptions options, ILogger<CountingDailyJob> logger, CountingDailyJob.Name name)
    : DailyJobWorker(scopes, options, logger, name.Value, "counting")
{
    public sealed record Name(string Value);

    public static readonly ConcurrentDictionary<string, int> Runs = new();

    protected override async Task<string> RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var runs = Runs.AddOrUpdate(name.Value, 1, (_, n) => n + 1);
        await Task.Delay(TimeSpan.FromMilliseconds(600), ct);
        return $"run {runs}";
    }
}

/// <summary>Scheduled work on two nodes of one database: each email sent once, each daily job run once.</summary>
public sealed class ScheduledWorkNodesTests
{
    private static readonly (string, string)[] Quick =
        [("Outbox:Send", "true"), ("Nodes:OutboxPollSeconds", "0.2"), ("Nodes:DailyJobPollSeconds", "0.2"), ("Nodes:JobLeaseSeconds", "5")];

    [Fact]
    public async Task Two_nodes_send_each_email_once_and_run_a_daily_job_once_a_day()
    {
        var job = "Counting job " + Guid.NewGuid().ToString("N")[..8];
        using var first = new Node(Quick);
        using var second = new Node(first, settings: Quick);
        using var a = first.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton(new CountingDailyJob.Name(job)).AddHostedService<CountingDailyJob>()));
        using var b = second.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton(new CountingDailyJob.Name(job)).AddHostedService<CountingDailyJob>()));
        var parent = await first.CreateUserAsync(Roles.Family);
        _ = a.Services;
        _ = b.Services;

        await first.Data.WithDbAsync(async db =>
        {
            var messenger = new Messenger(db);
            for (var i = 0; i < 20; i++) messenger.Tell(parent.Id, new Notice($"Message {i}", "/messages"));
            await db.SaveChangesAsync();
        });

        await Eventually.UntilAsync(() => first.Data.WithDbAsync(db => db.OutboxEmails.CountAsync(e => e.State == OutboxState.Waiting)), n => n == 0, "the outbox to be empty");
        await Eventually.UntilAsync(() => first.Data.WithDbAsync(db => db.ScheduledJobs.AsNoTracking().AnyAsync(j => j.Name == job && j.LastDay != null)), done => done, "the daily job to have run");
        // Several more turns of both nodes: nothing runs or sends again.
        await Task.Delay(TimeSpan.FromSeconds(2));

        CountingDailyJob.Runs[job].ShouldBe(1);
        var mail = first.Emails().Concat(second.Emails()).ToList();
        for (var i = 0; i < 20; i++) mail.Count(m => m.Contains($"Subject: Message {i}\r\n") || m.Contains($"Subject: Message {i}\n")).ShouldBe(1, $"Message {i}");
        mail.Count.ShouldBe(20);
        var recorded = await first.Data.WithDbAsync(db => db.ScheduledJobs.AsNoTracking().SingleAsync(j => j.Name == job));
        (recorded.LastOutcome, recorded.LastResult, recorded.LeaseUntil).ShouldBe(("completed", "run 1", (DateTime?)null));
        (await first.Data.WithDbAsync(db => db.ScheduledJobs.AsNoTracking().AnyAsync(j => j.Name == "Outbox" && j.LastOutcome == "completed"))).ShouldBeTrue();
    }

    [Fact]
    public async Task Two_nodes_end_a_package_direct_payment_whose_last_day_has_passed_once()
    {
        using var first = new Node(Quick);
        using var second = new Node(first, settings: Quick);
        var child = await first.Data.CreateChildAsync(tier: Tier.FlexibleShortBreaks);
        var (paymentId, reference) = await first.Data.WithDbAsync(async db =>
        {
            var today = db.Today;
            var package = new Package
            {
                ChildId = child.Id, Route = PackageRoute.DirectPayment, Tier = Tier.FlexibleShortBreaks, YearStart = today.AddDays(-120), StartsOn = today.AddDays(-120),
                EndsOn = today.AddDays(-9), NoticeGivenOn = today.AddDays(-60), State = PackageState.Ended, DirectPaymentHours = 20m, DirectPaymentAmount = 187.50m,
                SchemeVersion = TestData.SchemeVersion, CreatedAt = db.UtcNow, CreatedByName = "Sam Officer",
            };
            db.Packages.Add(package);
            var payment = TestData.AddDirectPayment(db, child.Id, package.StartsOn, paid: 4, scheduled: 0);
            payment.PackageId = package.Id;
            payment.EndsOn = package.EndsOn;
            await db.SaveChangesAsync();
            return (payment.Id, payment.Reference);
        });

        // The job runs on both nodes of one database (the test hosts leave it off unless asked).
        using var a = first.WithWebHostBuilder(b => b.UseSetting("DirectPayments:EndingScan", "true"));
        using var b = second.WithWebHostBuilder(b => b.UseSetting("DirectPayments:EndingScan", "true"));
        _ = a.Services;
        _ = b.Services;

        await Eventually.UntilAsync(() => first.Data.WithDbAsync(db => db.ScheduledJobs.AsNoTracking().AnyAsync(j => j.Name == "Direct payments ending" && j.LastDay != null)),
            done => done, "the direct payments ending job to have run");
        await Task.Delay(TimeSpan.FromSeconds(2));

        (await first.Data.WithDbAsync(db => db.DirectPayments.AsNoTracking().SingleAsync(d => d.Id == paymentId))).State.ShouldBe(DirectPaymentState.Ended);
        (await first.Data.WithDbAsync(db => db.TimelineEvents.CountAsync(t => t.ChildId == child.Id && t.Summary.StartsWith($"Direct payment {reference} ended")))).ShouldBe(1);
        var recorded = await first.Data.WithDbAsync(db => db.ScheduledJobs.AsNoTracking().SingleAsync(j => j.Name == "Direct payments ending"));
        (recorded.LastOutcome, recorded.LastResult).ShouldBe(("completed", "1 direct payment ended"));
    }
}
