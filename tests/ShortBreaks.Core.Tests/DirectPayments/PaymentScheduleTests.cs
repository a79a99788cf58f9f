using ShortBreaks.Core.Calendar;
using ShortBreaks.Core.DirectPayments;
using ShortBreaks.Core.Providers;
using ShortBreaks.Core.Requests;
using ShortBreaks.Core.Schemes;

namespace ShortBreaks.Core.Tests.DirectPayments;

/// <summary>Worked examples of direct payment schedules, each figure checked by hand.</summary>
public sealed class PaymentScheduleTests
{
    private static readonly ScheduleSettings FourWeeklyInAdvance = DirectPaymentSettings.Defaults.Schedule;

    private static PaymentSchedule Build(decimal amount, DateOnly startsOn, DateOnly? endsOn = null, ScheduleSettings? settings = null, IReadOnlyList<OneOffPayment>? oneOffs = null) =>
        DirectPaymentSchedule.Build(settings ?? FourWeeklyInAdvance, 4, amount, startsOn, endsOn, oneOffs);

    private static List<(DateOnly PaidOn, decimal Amount)> Regular(PaymentSchedule schedule) =>
        schedule.Payments.Where(p => p.Kind == ScheduledPaymentKind.Regular).Select(p => (p.PaidOn, p.Amount)).ToList();

    [Fact]
    public void AWholeYearEveryFourWeeksInAdvance_IsThirteenPayments_TheLastTakingTheExtraDayAndThePennies()
    {
        var schedule = Build(750m, new DateOnly(2026, 4, 1));

        var payments = Regular(schedule);
        payments.Count.ShouldBe(13);
        payments[0].ShouldBe((new DateOnly(2026, 4, 1), 57.53m));
        payments[1].ShouldBe((new DateOnly(2026, 4, 29), 57.53m));
        payments.Take(12).ShouldAllBe(p => p.Amount == 57.53m);
        payments[^1].ShouldBe((new DateOnly(2027, 3, 3), 59.64m));
        schedule.Payments[^1].CoversTo.ShouldBe(new DateOnly(2027, 3, 31));
        payments.Sum(p => p.Amount).ShouldBe(750m);
        schedule.Years.Single().ShouldBe(new ScheduleYear(new DateOnly(2026, 4, 1), new DateOnly(2027, 3, 31), new DateOnly(2026, 4, 1), new DateOnly(2027, 3, 31), 750m, 750m, 0m));
    }

    [Fact]
    public void InALeapYear_EachDayIsWorthAThreeHundredAndSixtySixthAndTheLastPeriodHasThirtyDays()
    {
        var schedule = Build(750m, new DateOnly(2027, 4, 1));

        var payments = Regular(schedule);
        payments.Count.ShouldBe(13);
        payments.Take(12).ShouldAllBe(p => p.Amount == 57.37m);
        payments[^1].ShouldBe((new DateOnly(2028, 3, 2), 61.56m));
        schedule.Payments[^1].CoversTo.ShouldBe(new DateOnly(2028, 3, 31));
        payments.Sum(p => p.Amount).ShouldBe(750m);
    }

    [Fact]
    public void APartYear_StartsWithAPaymentProRataToTheDaysBeforeTheNextCycleDay_AndAddsUpToTheAllowancesShare()
    {
        var schedule = Build(750m, new DateOnly(2026, 6, 15));

        var payments = Regular(schedule);
        payments[0].ShouldBe((new DateOnly(2026, 6, 15), 18.49m));
        schedule.Payments[0].CoversTo.ShouldBe(new DateOnly(2026, 6, 23));
        payments[1].ShouldBe((new DateOnly(2026, 6, 24), 57.53m));
        payments.Sum(p => p.Amount).ShouldBe(595.89m);
        AllowanceYears.ProRata(80, 750m, new DateOnly(2026, 4, 1), new DateOnly(2026, 6, 15)).Money.ShouldBe(595.89m);
    }

    [Fact]
    public void WithTheFirstPaymentTakingTheRemainder_ThePenniesLeftOverAreInTheFirst()
    {
        var schedule = Build(750m, new DateOnly(2026, 4, 1), settings: FourWeeklyInAdvance with { Rounding = PaymentRounding.FirstPaymentTakesRemainder });

        var payments = Regular(schedule);
        payments[0].Amount.ShouldBe(750m - 11 * 57.53m - 59.58m);
        payments.Skip(1).Take(11).ShouldAllBe(p => p.Amount == 57.53m);
        payments[^1].Amount.ShouldBe(59.58m);
    }

    [Fact]
    public void MonthlyInArrears_IsPaidTheDayAfterEachCalendarMonth_AndEndsProRata()
    {
        var schedule = Build(1200m, new DateOnly(2026, 4, 1), new DateOnly(2026, 6, 15), FourWeeklyInAdvance with { Frequency = PaymentFrequency.Monthly, Timing = PaymentTiming.InArrears });

        Regular(schedule).ShouldBe(
        [
            (new DateOnly(2026, 5, 1), 98.63m),
            (new DateOnly(2026, 6, 1), 101.91m),
            (new DateOnly(2026, 6, 16), 49.32m),
        ]);
        schedule.Years.Single().Amount.ShouldBe(249.86m);
    }

    [Fact]
    public void AScheduleAcrossAprilFirst_IsWorkedOutYearByYear()
    {
        var schedule = Build(730m, new DateOnly(2026, 10, 1), new DateOnly(2027, 9, 30));

        schedule.Years.Select(y => (y.YearStart, y.Amount)).ShouldBe([(new DateOnly(2026, 4, 1), 364m), (new DateOnly(2027, 4, 1), 365m)]);
        schedule.Payments.Where(p => p.YearStart == new DateOnly(2027, 4, 1)).First().PaidOn.ShouldBe(new DateOnly(2027, 4, 1));
        schedule.Payments.Sum(p => p.Amount).ShouldBe(729m);
    }

    [Fact]
    public void AnAgreementMadeJustAfterMidnightOnASummerNight_StartsOnThatUkDay()
    {
        var startsOn = UkCalendar.DateOf(new DateTime(2026, 6, 30, 23, 30, 0, DateTimeKind.Utc));
        startsOn.ShouldBe(new DateOnly(2026, 7, 1));

        var schedule = Build(750m, startsOn);

        schedule.Payments[0].PaidOn.ShouldBe(new DateOnly(2026, 7, 1));
        schedule.Payments[0].CoversFrom.ShouldBe(new DateOnly(2026, 7, 1));
        schedule.Years.Single().Amount.ShouldBe(AllowanceYears.ProRata(80, 750m, new DateOnly(2026, 4, 1), new DateOnly(2026, 7, 1)).Money);
        UkCalendar.DateOf(new DateTime(2026, 12, 31, 23, 30, 0, DateTimeKind.Utc)).ShouldBe(new DateOnly(2026, 12, 31));
    }

    [Fact]
    public void OneOffPayments_ArePaidOnTheirDayWithTheirReason_AndAreNotPartOfTheYearsAmount()
    {
        var schedule = Build(750m, new DateOnly(2026, 4, 1), oneOffs: [new OneOffPayment(new DateOnly(2026, 4, 10), 150m, "Start-up costs for employing a personal assistant")]);

        var oneOff = schedule.Payments.Single(p => p.Kind == ScheduledPaymentKind.OneOff);
        oneOff.ShouldBe(new ScheduledPayment(new DateOnly(2026, 4, 10), 150m, ScheduledPaymentKind.OneOff, new DateOnly(2026, 4, 1), Reason: "Start-up costs for employing a personal assistant"));
        schedule.Payments.Where(p => p.CountsTowardsYear).Sum(p => p.Amount).ShouldBe(750m);
        schedule.Payments.Sum(p => p.Amount).ShouldBe(900m);
        schedule.Payments.Select(p => p.PaidOn).ShouldBeInOrder();
    }

    [Fact]
    public void AReduction_KeepsThePaymentsMade_AndTakesTheDaysAlreadyPaidAtTheOldAmountOffTheNextPayment()
    {
        var schedule = Build(1460m, new DateOnly(2026, 4, 1));

        var changed = DirectPaymentSchedule.Change(schedule, new DateOnly(2026, 5, 13), 730m);

        changed.Payments.Take(2).ShouldBe(schedule.Payments.Take(2));
        var payments = Regular(changed);
        // Two payments of £112 (28 days at £4 a day) were made; 14 days (13 to 26 May) were paid at £4 and are worth £2.
        payments[0].Amount.ShouldBe(112m);
        payments[1].Amount.ShouldBe(112m);
        payments[2].ShouldBe((new DateOnly(2026, 5, 27), 56m - 28m));
        payments[3].ShouldBe((new DateOnly(2026, 6, 24), 56m));
        changed.Years.Single().Amount.ShouldBe(42 * 4m + 323 * 2m);
        payments.Sum(p => p.Amount).ShouldBe(814m);
        changed.Overpaid.ShouldBe(0m);
    }

    [Fact]
    public void ARise_TopsUpTheDaysAlreadyPaidAtTheOldAmountInTheNextPayment()
    {
        var schedule = Build(730m, new DateOnly(2026, 4, 1));

        var changed = DirectPaymentSchedule.Change(schedule, new DateOnly(2026, 4, 15), 1460m);

        var payments = Regular(changed);
        payments[0].Amount.ShouldBe(56m);
        payments[1].ShouldBe((new DateOnly(2026, 4, 29), 112m + 28m));
        payments.Sum(p => p.Amount).ShouldBe(14 * 2m + 351 * 4m);
    }

    [Fact]
    public void EndingEarly_WhenMoreHasBeenPaidThanTheDaysAreWorth_LeavesTheRestOverpaidForRecoupment()
    {
        var schedule = Build(730m, new DateOnly(2026, 4, 1));

        // Paid £56 on 1 April for 28 days; the package ends after 10 of them.
        var changed = DirectPaymentSchedule.Change(schedule, new DateOnly(2026, 4, 11), 0m, newEndsOn: new DateOnly(2026, 4, 10));

        Regular(changed).ShouldBe([(new DateOnly(2026, 4, 1), 56m)]);
        changed.Years.Single().Amount.ShouldBe(20m);
        changed.Overpaid.ShouldBe(36m);
    }

    [Fact]
    public void PaymentsAlreadyInARun_AreKeptEvenWhenDueOnOrAfterTheChange()
    {
        var schedule = Build(1460m, new DateOnly(2026, 4, 1));

        var changed = DirectPaymentSchedule.Change(schedule, new DateOnly(2026, 4, 20), 730m, fixedThrough: new DateOnly(2026, 4, 29));

        changed.Payments.Take(2).ShouldBe(schedule.Payments.Take(2));
        // 37 days (20 April to 26 May) were paid at £4 and are worth £2: the £74 comes off the £56 due on 27 May (so
        // nothing is paid that day) and £18 off the next.
        var payments = Regular(changed);
        payments[2].ShouldBe((new DateOnly(2026, 6, 24), 38m));
        payments.ShouldNotContain(p => p.PaidOn == new DateOnly(2026, 5, 27));
        Regular(changed).Sum(p => p.Amount).ShouldBe(19 * 4m + 346 * 2m);
    }

    [Fact]
    public void ARiseAfterTheLastPaymentOfTheYear_IsPaidAsAnAdjustmentOnItsDay()
    {
        var schedule = Build(730m, new DateOnly(2026, 4, 1));

        var changed = DirectPaymentSchedule.Change(schedule, new DateOnly(2027, 3, 22), 1460m);

        var adjustment = changed.Payments.Single(p => p.Kind == ScheduledPaymentKind.Adjustment);
        adjustment.PaidOn.ShouldBe(new DateOnly(2027, 3, 22));
        adjustment.Amount.ShouldBe(20m);
        changed.Payments.Where(p => p.CountsTowardsYear).Sum(p => p.Amount).ShouldBe(750m);
    }

    [Fact]
    public void BadFigures_AreRefusedWithWordsForThePerson()
    {
        var start = new DateOnly(2026, 4, 1);

        DirectPaymentSchedule.Problems(0m, start, null).ShouldBe([new FieldError("AnnualAmount", "The amount a year must be more than £0")]);
        DirectPaymentSchedule.Problems(12.345m, start, null).ShouldBe([new FieldError("AnnualAmount", "The amount a year must be in pounds and pence, like £750 or £57.69")]);
        DirectPaymentSchedule.Problems(1_000_000.01m, start, null).ShouldBe([new FieldError("AnnualAmount", "The amount a year must be £1,000,000 or less")]);
        DirectPaymentSchedule.Problems(750m, start, start.AddDays(-1)).ShouldBe([new FieldError("EndsOn", "The end date must be the same as or after the start date")]);
        DirectPaymentSchedule.Problems(750m, start, start.AddDays(30), [new OneOffPayment(start.AddDays(31), -5m, " ")]).ShouldBe(
        [
            new FieldError("OneOffs[0].Amount", "A one-off payment must be more than £0"),
            new FieldError("OneOffs[0].Reason", "Enter the reason for the one-off payment"),
            new FieldError("OneOffs[0].PaidOn", "The date of a one-off payment must be within the direct payment's dates"),
        ]);
        Should.Throw<ArgumentException>(() => Build(-1m, start)).Message.ShouldBe("The amount a year must be more than £0.");
        Should.Throw<ArgumentException>(() => Build(750m, start, oneOffs: [new OneOffPayment(new DateOnly(2027, 4, 1), 10m, "After the year")]));
        var schedule = Build(750m, start);
        Should.Throw<ArgumentException>(() => DirectPaymentSchedule.Change(schedule, start.AddDays(-1), 700m)).Message
            .ShouldBe("A change must take effect on or after the day the direct payment started.");
        Should.Throw<ArgumentException>(() => DirectPaymentSchedule.Change(schedule, new DateOnly(2027, 4, 2), 700m)).Message
            .ShouldBe("A change must take effect no later than the day after the direct payment ends.");
    }
}
