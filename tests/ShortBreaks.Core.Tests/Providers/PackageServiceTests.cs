using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ShortBreaks.Core.Auditing;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Notifications;
using ShortBreaks.Core.Plans;
using ShortBreaks.Core.Providers;
using ShortBreaks.Core.Requests;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Core.Tests.Providers;

/// <summary>Brokering packages on every database: the allowance, the menu, agreements and every move.</summary>
public sealed class PackageServiceTests : IDisposable
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly DateOnly YearEnd = new(2027, 3, 31);
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
    private static readonly Actor Officer = new() { UserId = "officer-1", Name = "Amira Hughes" };
    private static readonly Actor ProviderWorker = new() { UserId = "provider-1", Name = "Pat Provider" };

    private readonly string _mail = Directory.CreateTempSubdirectory("sb-mail-").FullName;

    public void Dispose() => Directory.Delete(_mail, recursive: true);

    private PackageService Service(ShortBreaksDbContext db) =>
        new(db, ShippedSchemes.Catalog, new EmailSender(new EmailOptions { PickupDirectory = _mail }, NullLogger<EmailSender>.Instance), NullLogger<PackageService>.Instance);

    private string[] Mail() => [.. Directory.GetFiles(_mail, "*.eml").Select(File.ReadAllText)];

    private static PackageRequest Hours(Guid serviceId, decimal perWeek) => new()
    {
        Route = PackageRoute.Provider, StartsOn = Today, Lines = [new PackageLineRequest(serviceId, perWeek, LineFrequency.Weekly)],
    };

    private static PackageRequest DirectPayment(decimal hours) => new() { Route = PackageRoute.DirectPayment, StartsOn = Today, DirectPaymentHours = hours };

    private static async Task<string> AddUserAsync(ShortBreaksDbContext db, string email)
    {
        var user = new AppUser { UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(), DisplayName = email, CreatedAt = db.UtcNow };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user.Id;
    }

    private static async Task<(Organisation Organisation, Service Service)> OrganisationAsync(ShortBreaksDbContext db, string name, decimal hourly = 16m, string? userEmail = null)
    {
        var (organisation, service) = TestData.AddApprovedOrganisation(db, name, Today, hourly);
        await db.SaveChangesAsync();
        if (userEmail is not null)
        {
            db.OrganisationUsers.Add(new OrganisationUser { OrganisationId = organisation.Id, UserId = await AddUserAsync(db, userEmail), AddedAt = db.UtcNow });
            await db.SaveChangesAsync();
        }

        return (organisation, service);
    }

    [SkippableTheory, AllDatabases]
    public async Task DirectPayment_IsAgreedAtOnceAtTheSchemesAmountForItsHours(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext(Officer, Clock);
        var child = await new TestData(db).CreateChildAsync(tier: Tier.FlexibleShortBreaks);

        var (package, result) = await Service(db).BuildAsync(child.Id, DirectPayment(40), PackageActor.Officer);

        result.Errors.ShouldBeEmpty();
        package.ShouldNotBeNull();
        package.State.ShouldBe(PackageState.Accepted);
        package.DirectPaymentAmount.ShouldBe(375.00m, "£750 for 80 hours is £9.375 an hour");
        package.EndsOn.ShouldBe(YearEnd);
        var moves = await db.PackageStateChanges.AsNoTracking().Where(c => c.PackageId == package.Id).ToListAsync();
        moves.Select(m => m.To).ShouldBe([PackageState.Draft, PackageState.Accepted], ignoreOrder: true);
        moves.Single(m => m.To == PackageState.Accepted).From.ShouldBe(PackageState.Draft);
        moves.ShouldAllBe(m => m.ByName == Officer.Name && m.By == PackageActor.Officer);
        var year = (await Service(db).YearAsync(child.Id)).ShouldNotBeNull();
        year.Allowance!.Hours.ShouldBe(80);
        year.HoursLeft.ShouldBe(40);
        year.ProviderMoneyLeft.ShouldBe(600m, "half the hours went as a direct payment, so half the provider money is left");
        (await db.TimelineEvents.AsNoTracking().Where(t => t.ChildId == child.Id && t.Kind == TimelineKinds.Package).Select(t => t.Summary).ToListAsync())
            .ShouldContain(s => s.StartsWith("Direct payment agreed: 40 hours, £375.00"));
        (await db.AuditEntries.AsNoTracking().AnyAsync(a => a.ChildId == child.Id && a.EntityType == nameof(PackageStateChange) && a.UserId == Officer.UserId)).ShouldBeTrue();
    }

    // Runs a second officer's whole build in its own context at the moment the first has passed the allowance check
    // and added its package, before it saves: the two checks each see the other's package not yet there.
    private async Task<((Package? Made, CommandResult Result) First, (Package? Made, CommandResult Result) Second)> BuildAtOnceAsync(
        TestDatabase database, Guid childId, PackageRequest first, PackageRequest second)
    {
        await using var firstDb = database.NewContext(Officer, Clock);
        await using var secondDb = database.NewContext(Officer, Clock);
        (Package?, CommandResult)? secondBuild = null;
        firstDb.ChangeTracker.Tracked += (_, e) =>
        {
            if (secondBuild is null && e.Entry.Entity is Package && !e.FromQuery)
                secondBuild = Task.Run(() => Service(secondDb).BuildAsync(childId, second, PackageActor.Family)).GetAwaiter().GetResult();
        };

        var firstBuild = await Service(firstDb).BuildAsync(childId, first, PackageActor.Officer);
        return (firstBuild, secondBuild.ShouldNotBeNull("the second build ran while the first was between its check and its save"));
    }

    [SkippableTheory, AllDatabases]
    public async Task TwoBuildsAtOnce_ForAChildsFirstPackages_CannotTogetherGoOverTheAllowance(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext(Officer, Clock);
        var child = await new TestData(db).CreateChildAsync(tier: Tier.FlexibleShortBreaks);

        // 50 hours and 40 hours each fit the 80 alone; together they would not.
        var (first, second) = await BuildAtOnceAsync(database, child.Id, DirectPayment(50), DirectPayment(40));

        second.Result.Errors.ShouldBeEmpty("the second builder saved first");
        first.Made.ShouldBeNull();
        first.Result.Conflict.ShouldBeTrue();
        first.Result.Errors.ShouldHaveSingleItem().Message.ShouldStartWith("Someone else changed this child's packages for the year");
        var saved = await db.Packages.AsNoTracking().Where(p => p.ChildId == child.Id).ToListAsync();
        saved.ShouldHaveSingleItem().DirectPaymentHours.ShouldBe(40m);
        (await Service(db).YearAsync(child.Id)).ShouldNotBeNull().Used.Hours.ShouldBe(40m);

        // Tried again, the first is checked against what is there now and refused with the reason.
        var (again, result) = await Service(db).BuildAsync(child.Id, DirectPayment(50), PackageActor.Officer);
        again.ShouldBeNull();
        result.Conflict.ShouldBeFalse();
        result.Errors.ShouldHaveSingleItem().Message.ShouldContain("more than the 40 hours left");
    }

    [SkippableTheory, AllDatabases]
    public async Task TwoBuildsAtOnce_InAYearWithAPackageAlready_CannotTogetherGoOverTheAllowance(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext(Officer, Clock);
        var child = await new TestData(db).CreateChildAsync(tier: Tier.FlexibleShortBreaks);
        var (_, service) = await OrganisationAsync(db, "Sunflower Care", 16m);
        (await Service(db).BuildAsync(child.Id, DirectPayment(20), PackageActor.Officer)).Result.Succeeded.ShouldBeTrue();

        // 36 hours through a provider and 30 by direct payment each fit the 60 left; together they would not.
        var (first, second) = await BuildAtOnceAsync(database, child.Id, Hours(service.Id, 2), DirectPayment(30));

        second.Result.Errors.ShouldBeEmpty();
        first.Result.Conflict.ShouldBeTrue();
        first.Made.ShouldBeNull();
        (await db.Packages.AsNoTracking().Where(p => p.ChildId == child.Id).Select(p => p.DirectPaymentHours).ToListAsync())
            .ShouldBe([20m, 30m], ignoreOrder: true);
        Mail().ShouldBeEmpty("the provider is not sent an agreement that was never saved");

        // One at a time, a build that fits is saved as before.
        (await Service(db).BuildAsync(child.Id, Hours(service.Id, 1), PackageActor.Officer)).Result.Errors.ShouldBeEmpty();
    }

    [SkippableTheory, AllDatabases]
    public async Task ProviderPackage_IsSentAtThePriceInForce_AndTheOrganisationsUsersAreEmailed(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext(Officer, Clock);
        var child = await new TestData(db).CreateChildAsync(tier: Tier.FlexibleShortBreaks);
        var (organisation, service) = await OrganisationAsync(db, "Sunflower Care", 16m, "worker@sunflower.example");
        db.Attach(service);
        service.Prices.Add(new ServicePrice { ServiceId = service.Id, EffectiveFrom = Today.AddDays(7), Unit = PriceUnit.Hour, Amount = 20m, HoursEach = 1, SetAt = db.UtcNow });
        await db.SaveChangesAsync();

        var (package, result) = await Service(db).BuildAsync(child.Id, Hours(service.Id, 2), PackageActor.Family);

        result.Errors.ShouldBeEmpty();
        package!.State.ShouldBe(PackageState.Sent);
        package.OrganisationId.ShouldBe(organisation.Id);
        var line = package.Lines.ShouldHaveSingleItem();
        line.UnitPrice.ShouldBe(16m, "the price in force on the start day, not the later one");
        line.TotalUnits.ShouldBe(36, "18 whole weeks from 23 November to 31 March");
        var mail = Mail().ShouldHaveSingleItem();
        mail.ShouldContain("worker@sunflower.example");
        mail.ShouldContain(child.FirstName);
        mail.ShouldContain($"/provider/agreements/{package.Id}");
        (await db.PackageStateChanges.AsNoTracking().Where(c => c.PackageId == package.Id && c.To == PackageState.Sent).SingleAsync()).By.ShouldBe(PackageActor.Family);
    }

    [SkippableTheory, AllDatabases]
    public async Task OverTheAllowance_IsRefusedWithTheReason_AndNothingIsSaved(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext(Officer, Clock);
        var child = await new TestData(db).CreateChildAsync(tier: Tier.FlexibleShortBreaks);
        var (_, cheap) = await OrganisationAsync(db, "Cheap Care", 16m);
        var (_, dear) = await OrganisationAsync(db, "Dear Care", 40m);
        (await Service(db).BuildAsync(child.Id, DirectPayment(60), PackageActor.Officer)).Result.Succeeded.ShouldBeTrue();

        var (overHours, hoursResult) = await Service(db).BuildAsync(child.Id, Hours(cheap.Id, 2), PackageActor.Officer);
        overHours.ShouldBeNull();
        hoursResult.Errors.ShouldHaveSingleItem().Message.ShouldBe("This package uses 36 hours, more than the 20 hours left of the allowance (80 hours a year).");

        await using var other = database.NewContext(Officer, Clock);
        var second = await new TestData(other).CreateChildAsync(tier: Tier.FlexibleShortBreaks);
        var (_, moneyResult) = await Service(other).BuildAsync(second.Id, Hours(dear.Id, 2), PackageActor.Officer);
        moneyResult.Errors.ShouldHaveSingleItem().Message.ShouldBe("This package costs £1,440.00, more than the £1,200.00 left of the allowance for services through providers.");
        (await db.Packages.AsNoTracking().CountAsync(p => p.ChildId == child.Id || p.ChildId == second.Id)).ShouldBe(1);
    }

    [SkippableTheory, AllDatabases]
    public async Task PartYear_GetsTheAllowanceProRataFromTheDayTheChildJoined(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext(Officer, Clock);
        var child = await new TestData(db).CreateChildAsync(tier: Tier.FlexibleShortBreaks);
        db.TierChanges.Add(new TierChange { ChildId = child.Id, Move = TierMove.FlexibleShortBreaksApproved, From = Tier.None, To = Tier.FlexibleShortBreaks, At = new DateTime(2026, 9, 30, 23, 30, 0, DateTimeKind.Utc), ByName = "Amira Hughes", Reason = "Eligible" });
        await db.SaveChangesAsync();

        var year = (await Service(db).YearAsync(child.Id)).ShouldNotBeNull();

        year.Allowance!.From.ShouldBe(new DateOnly(2026, 10, 1), "half past eleven at night in September UTC is 1 October in the UK");
        year.Allowance.Hours.ShouldBe(40m, "182 of 365 days of 80 hours, to the half hour");
        year.Allowance.ProviderMoney.ShouldBe(598.36m);
        (await Service(db).BuildAsync(child.Id, DirectPayment(40.5m), PackageActor.Officer)).Result.Errors.ShouldHaveSingleItem().Message
            .ShouldContain("for the part of the year from 1 October 2026");
    }

    [SkippableTheory, AllDatabases]
    public async Task AnOrganisationThatCannotTakeNewPackages_IsRefusedWithItsReason(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext(Officer, Clock);
        var child = await new TestData(db).CreateChildAsync(tier: Tier.FlexibleShortBreaks);
        var (organisation, service) = await OrganisationAsync(db, "Paused Care");
        organisation.Status = FrameworkStatus.Suspended;
        await db.SaveChangesAsync();

        var (_, result) = await Service(db).BuildAsync(child.Id, Hours(service.Id, 1), PackageActor.Officer);

        result.Errors.ShouldHaveSingleItem().ShouldBe(new FieldError("ServiceId", "Paused Care is suspended from the framework and takes no new packages."));
        (await Service(db).MenuAsync(Today)).ShouldNotContain(m => m.ServiceId == service.Id, "only approved organisations are on the menu");
    }

    [SkippableTheory, AllDatabases]
    public async Task NotOnFlexibleShortBreaks_OrBadInput_IsRefusedByField(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext(Officer, Clock);
        var universal = await new TestData(db).CreateChildAsync(tier: Tier.Universal);
        var child = await new TestData(db).CreateChildAsync(tier: Tier.FlexibleShortBreaks);
        var (_, service) = await OrganisationAsync(db, "Any Care");

        (await Service(db).BuildAsync(universal.Id, DirectPayment(10), PackageActor.Officer)).Result.Errors.ShouldHaveSingleItem().Message.ShouldContain("is not on Flexible Short Breaks");
        (await Service(db).BuildAsync(child.Id, new PackageRequest(), PackageActor.Officer)).Result.Errors.Select(e => e.Field).ShouldBe(["Route", "StartsOn"]);
        (await Service(db).BuildAsync(child.Id, DirectPayment(1.3m) with { StartsOn = Today.AddDays(-1) }, PackageActor.Officer)).Result.Errors.Select(e => e.Field).ShouldBe(["StartsOn", "DirectPaymentHours"]);
        (await Service(db).BuildAsync(child.Id, Hours(service.Id, 2) with { EndsOn = YearEnd.AddDays(1) }, PackageActor.Officer)).Result.Errors.ShouldHaveSingleItem().Field.ShouldBe("EndsOn");
        (await Service(db).BuildAsync(child.Id, Hours(Guid.NewGuid(), 2), PackageActor.Officer)).Result.Errors.ShouldHaveSingleItem().Field.ShouldBe("ServiceId");
        (await Service(db).BuildAsync(child.Id, Hours(service.Id, -1), PackageActor.Officer)).Result.Errors.ShouldHaveSingleItem().Field.ShouldBe("Quantity");
        (await Service(db).BuildAsync(child.Id, Hours(service.Id, 3) with { EndsOn = Today.AddDays(3) }, PackageActor.Officer)).Result.Errors.ShouldHaveSingleItem().Message.ShouldContain("not a whole week");
        (await Service(db).BuildAsync(child.Id, DirectPayment(1), PackageActor.Provider)).Result.Succeeded.ShouldBeFalse();
        (await db.Packages.AsNoTracking().CountAsync()).ShouldBe(0);
    }

    [SkippableTheory, AllDatabases]
    public async Task Decline_TellsTheKeyWorker_AndTheOfficerBrokersAgain(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext(Officer, Clock);
        var keyWorker = await AddUserAsync(db, "key.worker@council.example");
        var child = await new TestData(db).CreateChildAsync(tier: Tier.FlexibleShortBreaks, keyWorkerId: keyWorker);
        var (organisation, service) = await OrganisationAsync(db, "Full Care");
        var (_, other) = await OrganisationAsync(db, "Room Care");
        var (package, _) = await Service(db).BuildAsync(child.Id, Hours(service.Id, 2), PackageActor.Officer);

        await using var providerDb = database.NewContext(ProviderWorker, Clock);
        (await Service(providerDb).DeclineAsync(package!.Id, organisation.Id, " ", package.Version)).Errors.ShouldHaveSingleItem().Field.ShouldBe("Reason");
        (await Service(providerDb).DeclineAsync(package.Id, organisation.Id, "No staff on Saturdays", package.Version)).Errors.ShouldBeEmpty();

        var mail = Mail().ShouldHaveSingleItem();
        mail.ShouldContain("key.worker@council.example");
        mail.ShouldContain("No staff on Saturdays");
        var year = (await Service(db).YearAsync(child.Id)).ShouldNotBeNull();
        year.Declined.ShouldHaveSingleItem().Id.ShouldBe(package.Id);
        year.Used.Hours.ShouldBe(0, "a declined package uses none of the allowance");
        (await db.PackageStateChanges.AsNoTracking().SingleAsync(c => c.PackageId == package.Id && c.To == PackageState.Declined)).ShouldSatisfyAllConditions(
            c => c.By.ShouldBe(PackageActor.Provider), c => c.ByName.ShouldBe(ProviderWorker.Name), c => c.Reason.ShouldBe("No staff on Saturdays"));

        db.ChangeTracker.Clear();
        var declined = await db.Packages.AsNoTracking().SingleAsync(p => p.Id == package.Id);
        var (again, brokered) = await Service(db).BrokerAsync(package.Id, Hours(other.Id, 2), declined.Version);
        brokered.Errors.ShouldBeEmpty();
        again!.State.ShouldBe(PackageState.Sent);
        (await Service(db).YearAsync(child.Id))!.Declined.ShouldBeEmpty();
    }

    [SkippableTheory, AllDatabases]
    public async Task AProvider_ReachesOnlyItsOwnAgreements_AndTheSecondOfTwoAnswersIsTold(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext(Officer, Clock);
        var child = await new TestData(db).CreateChildAsync(tier: Tier.FlexibleShortBreaks);
        var (organisation, service) = await OrganisationAsync(db, "Own Care");
        var (stranger, _) = await OrganisationAsync(db, "Other Care");
        var (package, _) = await Service(db).BuildAsync(child.Id, Hours(service.Id, 1), PackageActor.Officer);

        await using var providerDb = database.NewContext(ProviderWorker, Clock);
        (await Service(providerDb).AgreementAsync(stranger.Id, package!.Id)).ShouldBeNull();
        (await Service(providerDb).AgreementsAsync(stranger.Id)).ShouldBeEmpty();
        (await Service(providerDb).AcceptAsync(package.Id, stranger.Id, package.Version)).Errors.ShouldHaveSingleItem().Message.ShouldBe("There is no such package.");
        (await Service(providerDb).AgreementsAsync(organisation.Id)).ShouldHaveSingleItem().ChildName.ShouldBe(child.FullName);

        await using var first = database.NewContext(ProviderWorker, Clock);
        await using var second = database.NewContext(ProviderWorker, Clock);
        (await Service(first).AcceptAsync(package.Id, organisation.Id, package.Version)).Errors.ShouldBeEmpty();
        var late = await Service(second).DeclineAsync(package.Id, organisation.Id, "Too far", package.Version);
        late.Conflict.ShouldBeTrue();
        (await db.Packages.AsNoTracking().SingleAsync(p => p.Id == package.Id)).State.ShouldBe(PackageState.Accepted);
        var agreement = (await Service(providerDb).AgreementAsync(organisation.Id, package.Id)).ShouldNotBeNull();
        agreement.Changes.Select(c => c.To).ShouldBe([PackageState.Draft, PackageState.Sent, PackageState.Accepted]);
    }

    [SkippableTheory, AllDatabases]
    public async Task Change_ReplacesThePackageAtThePricesThen_AndTheOldKeepsItsPrices(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext(Officer, Clock);
        var child = await new TestData(db).CreateChildAsync(tier: Tier.FlexibleShortBreaks);
        var (organisation, service) = await OrganisationAsync(db, "Rising Care", 16m);
        var (package, _) = await Service(db).BuildAsync(child.Id, Hours(service.Id, 4), PackageActor.Officer);
        await Service(db).AcceptAsync(package!.Id, organisation.Id, package.Version);
        db.ChangeTracker.Clear();
        var priced = await db.Services.Include(s => s.Prices).SingleAsync(s => s.Id == service.Id);
        priced.Prices.Add(new ServicePrice { ServiceId = service.Id, EffectiveFrom = Today, Unit = PriceUnit.Hour, Amount = 18m, HoursEach = 1, SetAt = db.UtcNow.AddMinutes(1) });
        await db.SaveChangesAsync();
        var agreed = await db.Packages.AsNoTracking().SingleAsync(p => p.Id == package.Id);

        (await Service(db).ChangeAsync(package.Id, Hours(service.Id, 3), null, agreed.Version)).Result.Errors.ShouldHaveSingleItem().Field.ShouldBe("Reason");
        var (replacement, result) = await Service(db).ChangeAsync(package.Id, Hours(service.Id, 3), "Fewer hours in term time", agreed.Version);

        result.Errors.ShouldBeEmpty("72 hours agreed are left out when the replacement's 54 are counted");
        replacement!.Lines.Single().UnitPrice.ShouldBe(18m);
        replacement.State.ShouldBe(PackageState.Sent);
        var old = await db.Packages.AsNoTracking().Include(p => p.Lines).SingleAsync(p => p.Id == package.Id);
        old.State.ShouldBe(PackageState.Changed);
        old.ReplacedByPackageId.ShouldBe(replacement.Id);
        old.Lines.Single().UnitPrice.ShouldBe(16m);
        (await Service(db).ChangeAsync(package.Id, Hours(service.Id, 2), "Again", old.Version)).Result.Errors.ShouldHaveSingleItem().Message
            .ShouldBe("A package that is replaced by a change cannot be changed.");
        (await Service(db).ChangeAsync(replacement.Id, Hours(service.Id, 2), "Stale", agreed.Version)).Result.Conflict.ShouldBeTrue();
    }

    [SkippableTheory, AllDatabases]
    public async Task End_NeedsTheSchemesNotice_AndTheProviderIsTold(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext(Officer, Clock);
        var child = await new TestData(db).CreateChildAsync(tier: Tier.FlexibleShortBreaks);
        var (organisation, service) = await OrganisationAsync(db, "Ending Care", 16m, "admin@ending.example");
        var (package, _) = await Service(db).BuildAsync(child.Id, Hours(service.Id, 2), PackageActor.Officer);
        (await Service(db).EndAsync(package!.Id, Today.AddDays(30), "Not yet agreed", PackageActor.Officer, null, package.Version)).Errors.ShouldHaveSingleItem().Message
            .ShouldBe("Only commissioning can do this to a package that is sent to the provider.");
        await Service(db).AcceptAsync(package.Id, organisation.Id, package.Version);
        var agreed = await db.Packages.AsNoTracking().SingleAsync(p => p.Id == package.Id);
        db.ChangeTracker.Clear();

        (await Service(db).EndAsync(package.Id, Today.AddDays(27), "Moving away", PackageActor.Officer, null, agreed.Version)).Errors.ShouldHaveSingleItem()
            .ShouldBe(new FieldError("LastDay", "The last day must be on or after 21 December 2026: 28 days' notice"));
        db.ChangeTracker.Clear();
        (await Service(db).EndAsync(package.Id, Today.AddDays(28), "Moving away", PackageActor.Officer, null, agreed.Version)).Errors.ShouldBeEmpty();

        var ended = await db.Packages.AsNoTracking().Include(p => p.Lines).SingleAsync(p => p.Id == package.Id);
        ended.State.ShouldBe(PackageState.Ended);
        ended.EndsOn.ShouldBe(new DateOnly(2026, 12, 21));
        ended.NoticeGivenOn.ShouldBe(Today);
        PackageAllowances.Use(ended).ProviderHours.ShouldBe(8, "four whole weeks ran before the last day");
        Mail().ShouldContain(m => m.Contains("admin@ending.example") && m.Contains("ended with notice") && m.Contains("Moving away"));
    }

    [SkippableTheory, AllDatabases]
    public async Task ApprovedTargetedPlan_MakesAPackageToBrokerPerProviderLine_AndANewVersionReplacesWhatItChanges(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext(Officer, Clock);
        var child = await new TestData(db).CreateChildAsync(tier: Tier.SocialCare);
        var (organisation, service) = await OrganisationAsync(db, "Carried Care", 16m);
        var tiers = new TierService(db, ShippedSchemes.Catalog);
        var plans = new PlanService(db, ShippedSchemes.Catalog);
        var approvals = new PlanApprovalService(db, ShippedSchemes.Catalog, plans, tiers, new Messenger(db));
        var panel = new PanelService(db, plans, approvals, new Messenger(db));
        SupportLine Line(decimal perWeek) => new()
        {
            Description = "Day care at Carried Care", Type = SupportType.DayCareHours, Quantity = perWeek, Frequency = SupportFrequency.PerWeek, UnitCost = 16m,
            Route = PaymentRoute.CommissionedFromProvider, ProviderId = organisation.Id, ProvidedBy = organisation.Name,
        };
        PlanContent Content(decimal perWeek) => new()
        {
            WhatMattersToMe = "Swimming.", HowBestToSupportMe = "Pictures.", MyCommunication = "Makaton.", PeriodStart = Today, PeriodEnd = Today.AddYears(1).AddDays(-1),
            Outcomes = [new OutcomeInput("Swim weekly", OutcomeTerm.Short, Today.AddMonths(3), "Swims most weeks")],
            Lines = [Line(perWeek), Line(1) with { Description = "Personal assistant", Type = SupportType.PersonalAssistantHours, Route = PaymentRoute.DirectPayment, ProviderId = null }],
        };
        async Task ApproveAsync(Guid planId)
        {
            var plan = await db.SupportPlans.AsNoTracking().SingleAsync(p => p.Id == planId);
            var version = await db.PlanVersions.AsNoTracking().SingleAsync(v => v.PlanId == planId && v.Number == plan.LatestNumber);
            (await approvals.AgreeAsync(version.Id, asFamily: true, plan.Version)).Errors.ShouldBeEmpty();
            plan = await db.SupportPlans.AsNoTracking().SingleAsync(p => p.Id == planId);
            (await approvals.AgreeAsync(version.Id, asFamily: false, plan.Version)).Errors.ShouldBeEmpty();
            var agreed = await db.PlanVersions.AsNoTracking().SingleAsync(v => v.Id == version.Id);
            if (agreed is { Status: PlanVersionStatus.AwaitingApproval, ApprovalRoute: PlanApprovalRoute.Panel })
            {
                var item = (await panel.AgendaAsync()).Items.Single(i => i.PlanVersionId == agreed.Id);
                (await panel.DecideAsync(item.Id, PanelOutcome.Approved, "Approved", item.Version)).Errors.ShouldBeEmpty();
            }
            else if (agreed.Status == PlanVersionStatus.AwaitingApproval)
            {
                plan = await db.SupportPlans.AsNoTracking().SingleAsync(p => p.Id == planId);
                (await approvals.ManagerDecideAsync(version.Id, true, "Approved", plan.Version)).Errors.ShouldBeEmpty();
            }
        }

        var (started, _) = await plans.StartAsync(child.Id, PlanPurpose.StepDownFromSocialCare, null, Content(3));
        await ApproveAsync(started!.Id);

        var first = await db.Packages.AsNoTracking().SingleAsync(p => p.ChildId == child.Id);
        first.ShouldSatisfyAllConditions(
            p => p.Tier.ShouldBe(Tier.TargetedShortBreaks), p => p.State.ShouldBe(PackageState.Draft), p => p.OrganisationId.ShouldBe(organisation.Id),
            p => p.PlanVersionId.ShouldNotBeNull(), p => p.PlanSupportLineId.ShouldNotBeNull());
        var (brokered, result) = await Service(db).BrokerAsync(first.Id, Hours(service.Id, 3), first.Version);
        result.Errors.ShouldBeEmpty("a Targeted Short Breaks package is paid from the plan, not the Flexible Short Breaks allowance");
        brokered!.State.ShouldBe(PackageState.Sent);

        var planRow = await db.SupportPlans.AsNoTracking().SingleAsync(p => p.Id == started.Id);
        (await plans.ChangeAsync(started.Id, 1, Content(5), "More day care", planRow.Version)).Result.Errors.ShouldBeEmpty();
        await ApproveAsync(started.Id);

        var packages = await db.Packages.AsNoTracking().Where(p => p.ChildId == child.Id).ToListAsync();
        packages.Count.ShouldBe(2);
        var replaced = packages.Single(p => p.Id == first.Id);
        replaced.State.ShouldBe(PackageState.Changed);
        var fresh = packages.Single(p => p.Id != first.Id);
        replaced.ReplacedByPackageId.ShouldBe(fresh.Id);
        fresh.State.ShouldBe(PackageState.Draft);
        (await db.TimelineEvents.AsNoTracking().Where(t => t.ChildId == child.Id && t.Kind == TimelineKinds.Package).Select(t => t.Summary).ToListAsync())
            .ShouldContain(s => s.StartsWith("Package to broker from plan version 2"));
    }
}
