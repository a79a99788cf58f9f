using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ShortBreaks.Core.Auditing;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.DirectPayments;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Notifications;
using ShortBreaks.Core.Plans;
using ShortBreaks.Core.Providers;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Core.Tests.DirectPayments;

/// <summary>
/// A Flexible Short Breaks package taken as a direct payment that ends early or is replaced: its direct payment pays for no
/// day after the package's last, on every database.
/// </summary>
public sealed class PackageDirectPaymentEndTests : IDisposable
{
    private static readonly DateOnly YearStart = new(2026, 4, 1);
    private static readonly DateOnly YearEnd = new(2027, 3, 31);
    private static readonly Actor Officer = new() { UserId = "officer-1", Name = "Amira Hughes" };

    private readonly string _mail = Directory.CreateTempSubdirectory("sb-mail-").FullName;

    public void Dispose() => Directory.Delete(_mail, recursive: true);

    private static FakeTimeProvider ClockOn(DateOnly day) => new(new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero));

    private static void MoveTo(FakeTimeProvider clock, DateOnly day) => clock.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero));

    private PackageService Packages(ShortBreaksDbContext db) =>
        new(db, ShippedSchemes.Catalog, new EmailSender(new EmailOptions { PickupDirectory = _mail }, NullLogger<EmailSender>.Instance), NullLogger<PackageService>.Instance);

    private static DirectPaymentService Payments(ShortBreaksDbContext db) => new(db, ShippedSchemes.Catalog, new PlanService(db, ShippedSchemes.Catalog));

    private static PackageRequest TakenAsMoney(DateOnly startsOn, decimal hours) => new() { Route = PackageRoute.DirectPayment, StartsOn = startsOn, DirectPaymentHours = hours };

    /// <summary>A child on Flexible Short Breaks with 40 hours from the year's start taken as a direct payment, set up for the mother (agreed when asked).</summary>
    private async Task<(Package Package, DirectPayment Payment)> PackageWithPaymentAsync(ShortBreaksDbContext db, bool agree)
    {
        var child = await new TestData(db).CreateChildAsync(firstName: "Maya", tier: Tier.FlexibleShortBreaks);
        var email = $"parent-{Guid.NewGuid():N}@example.org";
        var user = new AppUser { UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(), DisplayName = "Sam Patel", CreatedAt = db.UtcNow };
        db.Users.Add(user);
        db.ChildFamilyMembers.Add(new ChildFamilyMember { ChildId = child.Id, UserId = user.Id, Relationship = "Mother", AddedAt = db.UtcNow });
        await db.SaveChangesAsync();
        var (package, built) = await Packages(db).BuildAsync(child.Id, TakenAsMoney(YearStart, 40), PackageActor.Officer);
        built.Errors.ShouldBeEmpty();
        var source = (await Payments(db).SourcesAsync(child.Id)).ShouldHaveSingleItem();
        var (payment, set) = await Payments(db).SetUpAsync(child.Id, new DirectPaymentSetUp(source.Key, user.Id, null, null));
        set.Succeeded.ShouldBeTrue();
        if (agree)
        {
            (await Payments(db).AgreeOnBehalfAsync(payment!.Id, new DirectPaymentAgreementOnBehalf("Sam Patel", "Mother", AgreementMethod.ByPhone, YearStart), payment.Version))
                .Succeeded.ShouldBeTrue();
        }

        db.ChangeTracker.Clear();
        return (await db.Packages.AsNoTracking().SingleAsync(p => p.Id == package!.Id), await db.DirectPayments.AsNoTracking().SingleAsync(d => d.Id == payment!.Id));
    }

    /// <summary>What a schedule from the direct payment's first day to <paramref name="lastDay"/> pays in all, by the scheme's own rules.</summary>
    private static decimal WorthTo(DirectPayment payment, DateOnly lastDay)
    {
        var (settings, yearStartMonth) = DirectPaymentInstalments.SettingsOf(ShippedSchemes.Catalog, payment, lastDay);
        return DirectPaymentSchedule.Build(settings, yearStartMonth, payment.AnnualAmount, payment.StartsOn, lastDay).Payments.Sum(p => p.Amount);
    }

    [SkippableTheory, AllDatabases]
    public async Task APackageEndedWithNotice_StopsItsDirectPaymentAfterTheLastDay_KeepingWhatIsPaid_AndCancellingLaterOneOffs(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = ClockOn(YearStart);
        await using var db = database.NewContext(Officer, clock);
        var (package, payment) = await PackageWithPaymentAsync(db, agree: true);
        var wholeYear = await db.DirectPaymentInstalments.Where(i => i.DirectPaymentId == payment.Id).SumAsync(i => i.Amount);
        wholeYear.ShouldBe(package.DirectPaymentAmount!.Value);

        // Five months on: what was due is paid, and a one-off sum is booked for January.
        var today = new DateOnly(2026, 9, 1);
        MoveTo(clock, today);
        foreach (var row in await db.DirectPaymentInstalments.Where(i => i.DirectPaymentId == payment.Id).ToListAsync())
        {
            if (row.DueOn <= today) row.State = InstalmentState.Paid;
        }

        db.DirectPaymentInstalments.Add(new DirectPaymentInstalment
        {
            DirectPaymentId = payment.Id, ChildId = payment.ChildId, Kind = ScheduledPaymentKind.OneOff, DueOn = new DateOnly(2027, 1, 11), Amount = 50m,
            Reason = "Swimming lessons", State = InstalmentState.Scheduled,
        });
        await db.SaveChangesAsync();
        var paidBefore = await db.DirectPaymentInstalments.Where(i => i.DirectPaymentId == payment.Id && i.State == InstalmentState.Paid)
            .Select(i => new { i.Id, i.Amount }).ToListAsync();
        paidBefore.ShouldNotBeEmpty();
        db.ChangeTracker.Clear();

        var lastDay = new DateOnly(2026, 10, 31);
        (await Packages(db).EndAsync(package.Id, lastDay, "The family moved away", PackageActor.Officer, null, package.Version)).Errors.ShouldBeEmpty();

        await using var check = database.NewContext(Officer, clock);
        var ended = await check.DirectPayments.SingleAsync(d => d.Id == payment.Id);
        ended.EndsOn.ShouldBe(lastDay);
        ended.State.ShouldBe(DirectPaymentState.Active, "what is still due for the days up to the last is paid by the runs to come");
        ended.AnnualAmount.ShouldBe(payment.AnnualAmount, "the rate is not changed, only the days it pays for");
        var rows = await check.DirectPaymentInstalments.Where(i => i.DirectPaymentId == payment.Id).ToListAsync();
        var live = rows.Where(r => r.State != InstalmentState.Cancelled).ToList();
        live.Where(r => r.Kind != ScheduledPaymentKind.OneOff).ShouldAllBe(r => r.CoversTo == null || r.CoversTo <= lastDay);
        live.Where(r => r.Kind != ScheduledPaymentKind.OneOff).Sum(r => r.Amount).ShouldBe(WorthTo(payment, lastDay), "the days to the last one, to the penny");
        live.Sum(r => r.Amount).ShouldBeLessThan(wholeYear);
        foreach (var paid in paidBefore) rows.Single(r => r.Id == paid.Id).ShouldSatisfyAllConditions(r => r.State.ShouldBe(InstalmentState.Paid), r => r.Amount.ShouldBe(paid.Amount));
        rows.Single(r => r.Kind == ScheduledPaymentKind.OneOff).State.ShouldBe(InstalmentState.Cancelled);
        var timeline = await check.TimelineEvents.Where(t => t.ChildId == payment.ChildId && t.Kind == TimelineKinds.DirectPayment).Select(t => new { t.Summary, t.Detail }).ToListAsync();
        timeline.ShouldContain(t => t.Summary == $"Direct payment {payment.Reference} ends on 31 October 2026, as the package was ended with notice"
            && t.Detail!.Contains("One-off sums of £50.00 due after it are cancelled."));

        // A second look changes nothing: the direct payment already ends by the package's last day.
        var count = rows.Count;
        await PackageDirectPayments.EndAsync(check, ShippedSchemes.Catalog, await check.Packages.SingleAsync(p => p.Id == package.Id), lastDay, "was ended with notice", CancellationToken.None);
        await check.SaveChangesAsync();
        (await check.DirectPaymentInstalments.CountAsync(i => i.DirectPaymentId == payment.Id)).ShouldBe(count);

        // The daily job ends it once the last day has passed and every payment for its days is made, and only then.
        MoveTo(clock, lastDay);
        (await new DirectPaymentEndings(check).EndFinishedAsync()).ShouldBe(0, "the last day has not passed");
        MoveTo(clock, lastDay.AddDays(5));
        var toPay = await check.DirectPaymentInstalments.Where(i => i.DirectPaymentId == payment.Id && i.State == InstalmentState.Scheduled).ToListAsync();
        toPay.ShouldNotBeEmpty("the days from September to the last day are still to be paid");
        (await new DirectPaymentEndings(check).EndFinishedAsync()).ShouldBe(0, "a payment for its days is still to be made");
        foreach (var row in toPay) row.State = InstalmentState.Paid;
        await check.SaveChangesAsync();
        (await new DirectPaymentEndings(check).EndFinishedAsync()).ShouldBe(1);
        (await new DirectPaymentEndings(check).EndFinishedAsync()).ShouldBe(0, "a second run the same day ends nothing more");
        (await check.DirectPayments.AsNoTracking().SingleAsync(d => d.Id == payment.Id)).State.ShouldBe(DirectPaymentState.Ended);
        (await check.TimelineEvents.CountAsync(t => t.ChildId == payment.ChildId && t.Summary == $"Direct payment {payment.Reference} ended: its last day was 31 October 2026")).ShouldBe(1);
    }

    [SkippableTheory, AllDatabases]
    public async Task AChangedPackage_EndsTheOldDirectPaymentTheDayBeforeTheReplacementStarts_AndTheReplacementCanBeSetUp(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = ClockOn(YearStart);
        await using var db = database.NewContext(Officer, clock);
        var (package, payment) = await PackageWithPaymentAsync(db, agree: true);
        var today = new DateOnly(2026, 7, 1);
        MoveTo(clock, today);
        foreach (var row in await db.DirectPaymentInstalments.Where(i => i.DirectPaymentId == payment.Id && i.DueOn <= today).ToListAsync()) row.State = InstalmentState.Paid;
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var startsOn = new DateOnly(2026, 8, 1);
        var (replacement, result) = await Packages(db).ChangeAsync(package.Id, TakenAsMoney(startsOn, 30), "Fewer hours suit the family now", package.Version);
        result.Errors.ShouldBeEmpty();

        await using var check = database.NewContext(Officer, clock);
        var old = await check.DirectPayments.SingleAsync(d => d.Id == payment.Id);
        old.EndsOn.ShouldBe(new DateOnly(2026, 7, 31));
        var live = await check.DirectPaymentInstalments.Where(i => i.DirectPaymentId == payment.Id && i.State != InstalmentState.Cancelled).ToListAsync();
        live.ShouldAllBe(r => r.CoversTo == null || r.CoversTo <= new DateOnly(2026, 7, 31));
        live.Sum(r => r.Amount).ShouldBe(WorthTo(payment, new DateOnly(2026, 7, 31)));
        var source = (await Payments(check).SourcesAsync(payment.ChildId)).ShouldHaveSingleItem("the replacement is a new direct payment to set up");
        source.Key.ShouldBe($"package:{replacement!.Id}");
    }

    [SkippableTheory, AllDatabases]
    public async Task ADraftNotYetAgreed_IsDraftedAgainToTheNewLastDay_AndCannotBeAgreedAfterIt(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = ClockOn(YearStart);
        await using var db = database.NewContext(Officer, clock);
        var (package, payment) = await PackageWithPaymentAsync(db, agree: false);
        payment.BodyHtml.ShouldContain("31 March 2027");

        var lastDay = new DateOnly(2026, 5, 31);
        (await Packages(db).EndAsync(package.Id, lastDay, "The family moved away", PackageActor.Officer, null, package.Version)).Errors.ShouldBeEmpty();

        await using var check = database.NewContext(Officer, clock);
        var draft = await check.DirectPayments.SingleAsync(d => d.Id == payment.Id);
        draft.State.ShouldBe(DirectPaymentState.AwaitingAgreement);
        draft.EndsOn.ShouldBe(lastDay);
        draft.Version.ShouldNotBe(payment.Version, "a family reading the old draft is asked to read it again");
        draft.BodyHtml.ShouldContain("to 31 May 2026");
        draft.BodyHtml.ShouldNotContain("31 March 2027");
        draft.BodyHtml.ShouldContain($"{Money.FormatPence(WorthTo(payment, lastDay))[1..]} in all", Case.Sensitive, "what the two months are worth (the pound sign is encoded)");

        MoveTo(clock, new DateOnly(2026, 6, 1));
        (await Payments(check).AgreeOnBehalfAsync(draft.Id, new DirectPaymentAgreementOnBehalf("Sam Patel", "Mother", AgreementMethod.ByPhone, new DateOnly(2026, 6, 1)), draft.Version))
            .Errors.ShouldHaveSingleItem().Message.ShouldBe("The direct payment's period ended on 31 May 2026: set up a new one.");
    }
}
