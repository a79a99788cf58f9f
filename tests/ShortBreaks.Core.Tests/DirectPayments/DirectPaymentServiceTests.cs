using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using ShortBreaks.Core.Auditing;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.DirectPayments;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Letters;
using ShortBreaks.Core.Plans;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Core.Tests.DirectPayments;

/// <summary>A direct payment from set-up to its schedule on every database: the agreement, the account and the instalments.</summary>
public sealed class DirectPaymentServiceTests
{
    private static readonly DateOnly YearStart = new(2026, 4, 1);
    private static readonly DateOnly YearEnd = new(2027, 3, 31);
    private static readonly Actor Officer = new() { UserId = "officer-1", Name = "Amira Hughes" };
    private static readonly Actor SecondOfficer = new() { UserId = "officer-2", Name = "Ben Okafor" };

    private static FakeTimeProvider ClockOn(DateOnly day) => new(new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero));

    private static DirectPaymentService Service(ShortBreaksDbContext db) => new(db, ShippedSchemes.Catalog, new PlanService(db, ShippedSchemes.Catalog));

    private static DirectPaymentAccounts Accounts(ShortBreaksDbContext db) => new(db, ShippedSchemes.Catalog);

    /// <summary>A child on Targeted Short Breaks, a family account linked to them, and an approved plan whose one direct payment line costs <paramref name="annual"/> a year.</summary>
    private static async Task<(Child Child, string FamilyUserId, SupportPlan Plan, PlanVersion Version)> ChildWithPlanAsync(
        ShortBreaksDbContext db, decimal annual, DateOnly from, DateOnly to)
    {
        var child = await new TestData(db).CreateChildAsync(firstName: "Maya", tier: Tier.TargetedShortBreaks);
        var email = $"parent-{Guid.NewGuid():N}@example.org";
        var user = new AppUser { UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(), DisplayName = "Sam Patel", CreatedAt = db.UtcNow };
        db.Users.Add(user);
        db.ChildFamilyMembers.Add(new ChildFamilyMember { ChildId = child.Id, UserId = user.Id, Relationship = "Mother", AddedAt = db.UtcNow });
        var plan = new SupportPlan { ChildId = child.Id, CreatedAt = db.UtcNow, CreatedByName = "Amira Hughes", LatestNumber = 1, ApprovedNumber = 1 };
        var version = Version(plan, 1, annual, from, to);
        db.SupportPlans.Add(plan);
        db.PlanVersions.Add(version);
        await db.SaveChangesAsync();
        return (child, user.Id, plan, version);
    }

    private static PlanVersion Version(SupportPlan plan, int number, decimal annual, DateOnly from, DateOnly to)
    {
        var version = new PlanVersion
        {
            PlanId = plan.Id, ChildId = plan.ChildId, Number = number, Status = PlanVersionStatus.Approved, PeriodStart = from, PeriodEnd = to,
            AnnualCost = annual + 1200m, PeriodCost = annual + 1200m, CreatedAt = DateTime.UtcNow, CreatedByName = "Amira Hughes", EffectiveFrom = from,
        };
        version.Outcomes.Add(new PlanOutcome { PlanVersionId = version.Id, Order = 1, What = "Maya goes swimming with friends", Term = OutcomeTerm.Short, HowWeWillKnow = "She goes" });
        version.Lines.Add(new PlanSupportLine { PlanVersionId = version.Id, Order = 1, Description = "Personal assistant", Type = SupportType.Activity, Quantity = 1, Frequency = SupportFrequency.PerYear, UnitCost = annual, Route = PaymentRoute.DirectPayment });
        version.Lines.Add(new PlanSupportLine { PlanVersionId = version.Id, Order = 2, Description = "Youth club", Type = SupportType.Activity, Quantity = 1, Frequency = SupportFrequency.PerYear, UnitCost = 1200m, Route = PaymentRoute.CommissionedFromProvider });
        return version;
    }

    private static async Task<DirectPayment> SetUpAsync(ShortBreaksDbContext db, Guid childId, string familyUserId)
    {
        var service = Service(db);
        var source = (await service.SourcesAsync(childId)).ShouldHaveSingleItem();
        var (made, result) = await service.SetUpAsync(childId, new DirectPaymentSetUp(source.Key, familyUserId, null, null));
        result.Succeeded.ShouldBeTrue(string.Join("; ", result.Errors.Select(e => e.Message)));
        return made!;
    }

    private static async Task<long> VersionOfAsync(TestDatabase database, Guid id)
    {
        await using var db = database.NewContext(Officer, ClockOn(YearStart));
        return await db.DirectPayments.Where(d => d.Id == id).Select(d => d.Version).FirstAsync();
    }

    [SkippableTheory, AllDatabases]
    public async Task SetUp_FromAnApprovedPlan_DraftsTheAgreementFromTheScheme_AndTheSameSourceNeverMakesTwo(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext(Officer, ClockOn(YearStart));
        var (child, familyUserId, plan, _) = await ChildWithPlanAsync(db, 2808m, YearStart, YearEnd);

        var payment = await SetUpAsync(db, child.Id, familyUserId);

        payment.Reference.ShouldBe("DP-000001");
        payment.State.ShouldBe(DirectPaymentState.AwaitingAgreement);
        payment.PlanId.ShouldBe(plan.Id);
        payment.AnnualAmount.ShouldBe(2808m, "only the plan's direct payment lines");
        payment.RecipientName.ShouldBe("Sam Patel");
        payment.BodyHtml.ShouldContain("£2,808.00");
        payment.BodyHtml.ShouldContain("Maya goes swimming with friends");
        payment.BodyHtml.ShouldContain("Personal assistant");
        payment.BodyHtml.ShouldNotContain("Youth club");
        foreach (var item in ShippedSchemes.Scheme2026_1.DirectPaymentRules.Agreement.MayNotBuy) payment.BodyHtml.ShouldContain(LetterHtml.Encode(item.Text));
        payment.BodyHtml.ShouldContain("6 years");
        payment.BodyHtml.ShouldContain("28 days");
        payment.BodyHtml.ShouldContain("every four weeks");
        (await db.DirectPaymentInstalments.CountAsync()).ShouldBe(0, "nothing is scheduled before agreement");

        (await Service(db).SourcesAsync(child.Id)).ShouldBeEmpty();
        var (again, refused) = await Service(db).SetUpAsync(child.Id, new DirectPaymentSetUp($"plan:{plan.Id}", familyUserId, null, null));
        again.ShouldBeNull();
        refused.Errors.ShouldHaveSingleItem().Field.ShouldBe("Source");
        (await db.DirectPayments.CountAsync()).ShouldBe(1);
    }

    [SkippableTheory, AllDatabases]
    public async Task SetUp_WithoutARecipient_ListsEveryProblem(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext(Officer, ClockOn(YearStart));
        var (child, _, _, _) = await ChildWithPlanAsync(db, 1000m, YearStart, YearEnd);

        var (made, result) = await Service(db).SetUpAsync(child.Id, new DirectPaymentSetUp("plan:nonsense", null, " ", null));

        made.ShouldBeNull();
        result.Errors.Select(e => e.Field).ShouldBe(["Source", "RecipientName", "RecipientRelationship"]);
        (await db.DirectPayments.CountAsync()).ShouldBe(0);
    }

    [SkippableTheory, AllDatabases]
    public async Task Agree_ByTheRecipient_KeepsTheTextAsALetter_AndSchedulesTheYearToThePenny(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        DirectPayment payment;
        string familyUserId;
        await using (var db = database.NewContext(Officer, ClockOn(YearStart)))
        {
            (var child, familyUserId, _, _) = await ChildWithPlanAsync(db, 2808m, YearStart, YearEnd);
            payment = await SetUpAsync(db, child.Id, familyUserId);
        }

        await using (var stranger = database.NewContext(new Actor { UserId = "someone-else", Name = "Someone Else" }, ClockOn(YearStart)))
            (await Service(stranger).AgreeAsync(payment.Id, payment.Version)).Succeeded.ShouldBeFalse("only the recipient agrees in their account");
        await using (var family = database.NewContext(new Actor { UserId = familyUserId, Name = "Sam Patel" }, ClockOn(YearStart)))
        {
            (await Service(family).AgreeAsync(payment.Id, payment.Version + 5)).Conflict.ShouldBeTrue("a draft changed since it was read is not agreed");
            var result = await Service(family).AgreeAsync(payment.Id, payment.Version);
            result.Succeeded.ShouldBeTrue(string.Join("; ", result.Errors.Select(e => e.Message)));
            (await Service(family).AgreeAsync(payment.Id, await VersionOfAsync(database, payment.Id))).Succeeded.ShouldBeFalse("agreed once");
        }

        await using var check = database.NewContext(Officer, ClockOn(YearStart));
        var agreed = await check.DirectPayments.SingleAsync();
        agreed.State.ShouldBe(DirectPaymentState.Active);
        agreed.AgreedByName.ShouldBe("Sam Patel (Mother)");
        var letter = await check.Letters.SingleAsync(l => l.Id == agreed.AgreementLetterId);
        letter.Kind.ShouldBe(LetterKinds.DirectPaymentAgreement);
        letter.BodyHtml.ShouldStartWith(agreed.BodyHtml, Case.Sensitive, "the agreed text is kept exactly as it was read");
        letter.BodyHtml.ShouldContain("in their online account");
        var instalments = await check.DirectPaymentInstalments.OrderBy(i => i.DueOn).ToListAsync();
        instalments.Sum(i => i.Amount).ShouldBe(2808m);
        instalments.ShouldAllBe(i => i.State == InstalmentState.Scheduled && i.Kind == ScheduledPaymentKind.Regular);
        instalments.Count.ShouldBe(13, "every four weeks, in advance");
        instalments[0].DueOn.ShouldBe(YearStart);
    }

    [SkippableTheory, AllDatabases]
    public async Task AYearsInstalments_AddUpToTheAnnualAmount_ToThePenny_ForAnyAmount(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var random = new Random(20261205);
        for (var i = 0; i < 12; i++)
        {
            var annual = random.Next(1, 10_000_000) / 100m;
            await using var db = database.NewContext(Officer, ClockOn(YearStart));
            var (child, familyUserId, _, _) = await ChildWithPlanAsync(db, annual, YearStart, YearEnd);
            var payment = await SetUpAsync(db, child.Id, familyUserId);
            (await Service(db).AgreeOnBehalfAsync(payment.Id, new DirectPaymentAgreementOnBehalf("Sam Patel", "Mother", AgreementMethod.ByPhone, YearStart), payment.Version))
                .Succeeded.ShouldBeTrue();
            var sum = await db.DirectPaymentInstalments.Where(x => x.DirectPaymentId == payment.Id).Select(x => x.Amount).ToListAsync();
            sum.Sum().ShouldBe(annual, $"case {i}: £{annual} a year");
            sum.ShouldAllBe(a => a > 0 && decimal.Round(a, 2) == a);
        }
    }

    [SkippableTheory, AllDatabases]
    public async Task AgreeOnBehalf_RecordsWhoAndHow_AndRefusesWhatIsMissingOrInTheFuture(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext(Officer, ClockOn(YearStart.AddDays(10)));
        var (child, _, _, _) = await ChildWithPlanAsync(db, 1300m, YearStart, YearEnd);
        var source = (await Service(db).SourcesAsync(child.Id)).Single();
        var (payment, _) = await Service(db).SetUpAsync(child.Id, new DirectPaymentSetUp(source.Key, null, "Grace Mensah", "Grandmother"));
        payment.ShouldNotBeNull();

        var refused = await Service(db).AgreeOnBehalfAsync(payment.Id, new DirectPaymentAgreementOnBehalf("", null, AgreementMethod.SignedPaperCopy, YearStart.AddDays(11)), payment.Version);
        refused.Errors.Select(e => e.Field).ShouldBe(["AgreedByName", "Relationship", "Method", "AgreedOn"]);

        var result = await Service(db).AgreeOnBehalfAsync(payment.Id, new DirectPaymentAgreementOnBehalf("Grace Mensah", "Grandmother", AgreementMethod.InPerson, YearStart.AddDays(10)), payment.Version);
        result.Succeeded.ShouldBeTrue(string.Join("; ", result.Errors.Select(e => e.Message)));
        var agreed = await db.DirectPayments.AsNoTracking().SingleAsync();
        agreed.StartsOn.ShouldBe(YearStart.AddDays(10), "nothing is paid for days before the agreement");
        agreed.AgreedOnBehalfMethod.ShouldBe(AgreementMethod.InPerson);
        agreed.AgreementRecordedByName.ShouldBe("Amira Hughes");
        (await db.Letters.SingleAsync(l => l.Kind == LetterKinds.DirectPaymentAgreement)).BodyHtml.ShouldContain("recorded by Amira Hughes");
        (await db.DirectPaymentInstalments.MinAsync(i => i.DueOn)).ShouldBe(YearStart.AddDays(10));
    }

    [SkippableTheory, AllDatabases]
    public async Task AnAccount_IsPaidOnlyOnceConfirmedBySomeoneElse_AndAChangeKeepsTheOldOneUntilConfirmed(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        DirectPayment payment;
        string familyUserId;
        await using (var db = database.NewContext(Officer, ClockOn(YearStart)))
        {
            (var child, familyUserId, _, _) = await ChildWithPlanAsync(db, 1300m, YearStart, YearEnd);
            payment = await SetUpAsync(db, child.Id, familyUserId);
            var bad = await Accounts(db).AddAsync(payment.Id, new AccountInput(DirectPaymentAccountKind.BankAccount, "", "30-94", "12ab", null), payment.Version);
            bad.Errors.Select(e => e.Field).ShouldBe(["AccountName", "SortCode", "AccountNumber"]);
            (await Accounts(db).AddAsync(payment.Id, new AccountInput(DirectPaymentAccountKind.BankAccount, "S Patel", "30-94-30", "00733445", null), payment.Version)).Succeeded.ShouldBeTrue();
            (await Accounts(db).PayableAccountAsync(payment.Id)).ShouldBeNull("not yet confirmed");
            var entered = (await Accounts(db).ListAsync(payment.Id)).Single();
            entered.Details.ShouldBe("Sort code **-**-30, account number ****3445");
            (await Accounts(db).ConfirmAsync(entered.Id, AccountConfirmation.CallBackToNumberOnFile, "Called 07700 900123", entered.Version)).Succeeded.ShouldBeFalse("who entered it cannot confirm it");
        }

        await using (var second = database.NewContext(SecondOfficer, ClockOn(YearStart)))
        {
            var entered = (await Accounts(second).ListAsync(payment.Id)).Single();
            (await Accounts(second).ConfirmAsync(entered.Id, AccountConfirmation.CallBackToNumberOnFile, " ", entered.Version)).Errors.Single().Field.ShouldBe("Note");
            (await Accounts(second).ConfirmAsync(entered.Id, AccountConfirmation.CallBackToNumberOnFile, "Called 07700 900123 on file; Sam confirmed", entered.Version)).Succeeded.ShouldBeTrue();
            (await Accounts(second).PayableAccountAsync(payment.Id))!.AccountNumber.ShouldBe("00733445");
        }

        // The family changes the account in their own account: the money keeps going to the confirmed one until an officer calls back.
        await using (var family = database.NewContext(new Actor { UserId = familyUserId, Name = "Sam Patel" }, ClockOn(YearStart.AddDays(1))))
        {
            var result = await Accounts(family).AddAsync(payment.Id, new AccountInput(DirectPaymentAccountKind.PrepaidCard, "S Patel", null, null, "CARD-778812"), await VersionOfAsync(database, payment.Id));
            result.Succeeded.ShouldBeTrue(string.Join("; ", result.Errors.Select(e => e.Message)));
            (await Accounts(family).PayableAccountAsync(payment.Id))!.Kind.ShouldBe(DirectPaymentAccountKind.BankAccount);
            var card = (await Accounts(family).ListAsync(payment.Id)).First();
            card.Kind.ShouldBe(DirectPaymentAccountKind.PrepaidCard, "newest first");
            (await Accounts(family).ConfirmAsync(card.Id, AccountConfirmation.FamilyInAccount, null, card.Version)).Succeeded.ShouldBeFalse("the family cannot confirm what they entered");
        }

        await using (var officer = database.NewContext(Officer, ClockOn(YearStart.AddDays(2))))
        {
            var card = (await Accounts(officer).ListAsync(payment.Id)).First();
            (await Accounts(officer).ConfirmAsync(card.Id, AccountConfirmation.CallBackToNumberOnFile, "Called the number on file", card.Version + 1)).Conflict.ShouldBeTrue();
            (await Accounts(officer).ConfirmAsync(card.Id, AccountConfirmation.CallBackToNumberOnFile, "Called the number on file", card.Version)).Succeeded.ShouldBeTrue();
            var payable = await Accounts(officer).PayableAccountAsync(payment.Id);
            payable!.CardAccountReference.ShouldBe("CARD778812");
            (await officer.DirectPaymentAccounts.CountAsync(a => a.ReplacedAt != null)).ShouldBe(1);
            var audit = string.Join("\n", await officer.AuditEntries.Where(a => a.EntityType == nameof(DirectPaymentAccount)).Select(a => a.Details).ToListAsync());
            audit.ShouldNotContain("00733445");
            audit.ShouldNotContain("309430");
            audit.ShouldNotContain("CARD778812");
            audit.ShouldContain("****3445");
        }
    }

    [SkippableTheory, AllDatabases]
    public async Task ANewPlanVersion_ChangesTheScheduleFromItsEffectiveDate_KeepingWhatIsPaidOrInARun(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var changeDay = new DateOnly(2026, 9, 1);
        await using var db = database.NewContext(Officer, ClockOn(YearStart));
        var (child, familyUserId, plan, _) = await ChildWithPlanAsync(db, 2600m, YearStart, YearEnd);
        var payment = await SetUpAsync(db, child.Id, familyUserId);
        (await Service(db).AgreeOnBehalfAsync(payment.Id, new DirectPaymentAgreementOnBehalf("Sam Patel", "Mother", AgreementMethod.ByPhone, YearStart), payment.Version)).Succeeded.ShouldBeTrue();
        var rows = await db.DirectPaymentInstalments.OrderBy(i => i.DueOn).ToListAsync();
        foreach (var row in rows.Take(5)) row.State = InstalmentState.Paid;
        rows[5].State = InstalmentState.InRun;
        await db.SaveChangesAsync();
        var fixedRows = rows.Take(6).Select(r => (r.Id, r.Amount, r.DueOn)).ToList();

        // A lower plan, in force after its notice.
        var lower = Version(plan, 2, 1300m, YearStart, YearEnd);
        lower.EffectiveFrom = changeDay;
        db.PlanVersions.Add(lower);
        await db.SaveChangesAsync();
        await PlanDirectPayments.FromApprovedPlanAsync(db, ShippedSchemes.Catalog, lower, new PlanService(db, ShippedSchemes.Catalog).CostOf(lower, Tier.TargetedShortBreaks), default);
        await db.SaveChangesAsync();

        var after = await db.DirectPaymentInstalments.AsNoTracking().OrderBy(i => i.DueOn).ToListAsync();
        foreach (var (id, amount, dueOn) in fixedRows) after.Single(i => i.Id == id).ShouldSatisfyAllConditions(i => i.Amount.ShouldBe(amount), i => i.DueOn.ShouldBe(dueOn), i => i.State.ShouldNotBe(InstalmentState.Cancelled));
        after.Where(i => i.State == InstalmentState.Cancelled).ShouldAllBe(i => i.DueOn >= changeDay);
        after.Where(i => i.State == InstalmentState.Scheduled).ShouldAllBe(i => i.DueOn >= changeDay || i.DueOn < rows[5].DueOn);
        var live = after.Where(i => i.State != InstalmentState.Cancelled).Sum(i => i.Amount);
        var schedule = DirectPaymentSchedule.Change(
            DirectPaymentSchedule.Build(ShippedSchemes.Scheme2026_1.DirectPaymentRules.Schedule, 4, 2600m, YearStart, YearEnd), changeDay, 1300m, YearEnd, rows[5].DueOn);
        live.ShouldBe(schedule.Years.Single().Scheduled, "the year adds up to its days at the amounts in force, to the penny");
        var changed = await db.DirectPayments.AsNoTracking().SingleAsync();
        changed.AnnualAmount.ShouldBe(1300m);
        changed.PlanVersionId.ShouldBe(lower.Id);
        DirectPaymentRates.Read(changed.RateHistory).Select(r => (r.From, r.AnnualAmount)).ShouldBe([(YearStart, 2600m), (changeDay, 1300m)]);
    }

    [SkippableTheory, AllDatabases]
    public async Task AOneOffPayment_NeedsAnAmountADateAndAReason_AndIsScheduledOnce(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext(Officer, ClockOn(YearStart));
        var (child, familyUserId, _, _) = await ChildWithPlanAsync(db, 1300m, YearStart, YearEnd);
        var payment = await SetUpAsync(db, child.Id, familyUserId);
        (await Service(db).AddOneOffAsync(payment.Id, "150", YearStart, "Start-up", payment.Version)).Succeeded.ShouldBeFalse("nothing is paid before agreement");
        (await Service(db).AgreeOnBehalfAsync(payment.Id, new DirectPaymentAgreementOnBehalf("Sam Patel", "Mother", AgreementMethod.ByPhone, YearStart), payment.Version)).Succeeded.ShouldBeTrue();
        var version = await VersionOfAsync(database, payment.Id);

        (await Service(db).AddOneOffAsync(payment.Id, "lots", null, "", version)).Errors.Select(e => e.Field).ShouldBe(["Amount", "DueOn", "Reason"]);
        (await Service(db).AddOneOffAsync(payment.Id, "150.001", YearEnd.AddDays(1), "Start-up", version)).Errors.Select(e => e.Field).ShouldBe(["Amount", "DueOn"]);
        var result = await Service(db).AddOneOffAsync(payment.Id, "£150.50", YearStart.AddDays(3), "Start-up sum for equipment", version);
        result.Succeeded.ShouldBeTrue(string.Join("; ", result.Errors.Select(e => e.Message)));
        (await Service(db).AddOneOffAsync(payment.Id, "10", YearStart.AddDays(3), "Again", version)).Conflict.ShouldBeTrue("a stale form adds nothing");
        var oneOff = await db.DirectPaymentInstalments.SingleAsync(i => i.Kind == ScheduledPaymentKind.OneOff);
        oneOff.Amount.ShouldBe(150.50m);
        oneOff.Reason.ShouldBe("Start-up sum for equipment");
    }

    [SkippableTheory, AllDatabases]
    public async Task AFlexibleShortBreaksPackageTakenAsADirectPayment_IsPaidItsAmountToThePenny_OverItsPartYear(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var startsOn = new DateOnly(2026, 9, 14);
        await using var db = database.NewContext(Officer, ClockOn(startsOn));
        var (child, familyUserId, _, _) = await ChildWithPlanAsync(db, 1m, YearStart, YearStart);
        db.SupportPlans.RemoveRange(db.SupportPlans.Where(p => p.ChildId == child.Id)); // only the package
        db.PlanVersions.RemoveRange(db.PlanVersions.Where(v => v.ChildId == child.Id));
        await db.SaveChangesAsync();
        var package = new Core.Providers.Package
        {
            ChildId = child.Id, Route = Core.Providers.PackageRoute.DirectPayment, Tier = Tier.FlexibleShortBreaks, YearStart = YearStart, StartsOn = startsOn, EndsOn = YearEnd,
            State = Core.Providers.PackageState.Accepted, DirectPaymentHours = 37.5m, DirectPaymentAmount = 351.57m, SchemeVersion = "2026.1", CreatedAt = db.UtcNow, CreatedByName = "Amira Hughes",
        };
        db.Packages.Add(package);
        await db.SaveChangesAsync();

        var source = (await Service(db).SourcesAsync(child.Id)).ShouldHaveSingleItem();
        source.Key.ShouldBe($"package:{package.Id}");
        var (payment, result) = await Service(db).SetUpAsync(child.Id, new DirectPaymentSetUp(source.Key, familyUserId, null, null));
        result.Succeeded.ShouldBeTrue();
        payment!.PackageId.ShouldBe(package.Id);
        payment.BodyHtml.ShouldContain("37.5 hours");
        (await Service(db).AgreeOnBehalfAsync(payment.Id, new DirectPaymentAgreementOnBehalf("Sam Patel", "Mother", AgreementMethod.ByPhone, startsOn), payment.Version)).Succeeded.ShouldBeTrue();

        (await db.DirectPaymentInstalments.SumAsync(i => i.Amount)).ShouldBe(351.57m, "the package's amount, to the penny");
        (await Service(db).SourcesAsync(child.Id)).ShouldBeEmpty();
    }

    [SkippableTheory, AllDatabases]
    public async Task TwoOfficersSettingUpTheSameSourceAtOnce_MakeOneDirectPayment(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        string key, familyUserId;
        Guid childId;
        await using (var db = database.NewContext(Officer, ClockOn(YearStart)))
        {
            (var child, familyUserId, var plan, _) = await ChildWithPlanAsync(db, 1300m, YearStart, YearEnd);
            (childId, key) = (child.Id, $"plan:{plan.Id}");
        }

        await using var first = database.NewContext(Officer, ClockOn(YearStart));
        await using var second = database.NewContext(SecondOfficer, ClockOn(YearStart));
        var results = await Task.WhenAll(
            Service(first).SetUpAsync(childId, new DirectPaymentSetUp(key, familyUserId, null, null)),
            Service(second).SetUpAsync(childId, new DirectPaymentSetUp(key, familyUserId, null, null)));

        results.Count(r => r.Result.Succeeded).ShouldBe(1);
        results.Single(r => !r.Result.Succeeded).Result.Errors.ShouldHaveSingleItem().Field.ShouldBe("Source");
        await using var check = database.NewContext(Officer, ClockOn(YearStart));
        (await check.DirectPayments.CountAsync()).ShouldBe(1);
    }
}
