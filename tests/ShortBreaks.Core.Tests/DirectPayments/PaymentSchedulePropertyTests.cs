using ShortBreaks.Core.DirectPayments;
using ShortBreaks.Core.Providers;

namespace ShortBreaks.Core.Tests.DirectPayments;

/// <summary>
/// Properties that hold for every schedule: checked over thousands of seeded random schedules (every frequency, timing
/// and rounding, part years, leap years, several years, changes). A failure names the case to replay.
/// </summary>
public sealed class PaymentSchedulePropertyTests
{
    private const int Cases = 3000;

    [Fact]
    public void EachYearsPayments_AddUpToItsAmount_TheAnnualAmountForAWholeYear_AndThePartYearsShareOtherwise()
    {
        ForEachCase(1, (c, schedule) =>
        {
            foreach (var year in schedule.Years)
            {
                Counting(schedule, year).Sum(p => p.Amount).ShouldBe(year.Amount, c);
                year.Scheduled.ShouldBe(year.Amount, c);
                year.Overpaid.ShouldBe(0m, c);
                year.Amount.ShouldBe(Expected(c.Amount, year), c);
                if (year.From == year.YearStart && year.To == year.YearEnd) year.Amount.ShouldBe(c.Amount, c);
                // The allowance's part-year share agrees, except on an exact half penny, which its decimal share of the
                // year (rounded at 28 digits) can land just under.
                if (year.To == year.YearEnd && !IsHalfPenny(c.Amount, year))
                    year.Amount.ShouldBe(AllowanceYears.ProRata(0, c.Amount, year.YearStart, year.From).Money, c);
            }
        });
    }

    [Fact]
    public void NoPaymentIsNegative_OrHasAFractionOfAPenny_EvenForTinyAmounts()
    {
        ForEachCase(2, (c, schedule) =>
        {
            foreach (var p in schedule.Payments)
            {
                p.Amount.ShouldBeGreaterThan(0m, c);
                Money.IsWholePence(p.Amount).ShouldBeTrue(c);
            }

            foreach (var year in schedule.Years) Counting(schedule, year).Sum(p => p.Amount).ShouldBe(year.Amount, c);
        }, minimumAmount: 0.01m, maximumAmount: 5m);
    }

    [Fact]
    public void RegularPayments_AreOnStrictlyIncreasingDaysOfTheCycle_AndCoverEveryDayOnce()
    {
        ForEachCase(3, (c, schedule) =>
        {
            var regular = schedule.Payments.Where(p => p.Kind == ScheduledPaymentKind.Regular).ToList();
            regular.Count.ShouldBeGreaterThan(0, c);
            regular[0].CoversFrom.ShouldBe(c.StartsOn, c);
            regular[^1].CoversTo.ShouldBe(schedule.EndsOn, c);
            for (var i = 0; i < regular.Count; i++)
            {
                var p = regular[i];
                p.PaidOn.ShouldBe(c.Settings.Timing == PaymentTiming.InAdvance ? p.CoversFrom!.Value : p.CoversTo!.Value.AddDays(1), c);
                p.CoversTo!.Value.ShouldBeGreaterThanOrEqualTo(p.CoversFrom!.Value, c);
                if (i == 0) continue;

                var before = regular[i - 1];
                p.PaidOn.ShouldBeGreaterThan(before.PaidOn, c);
                p.CoversFrom.ShouldBe(before.CoversTo!.Value.AddDays(1), c);
                IsCycleDay(p.CoversFrom.Value, p.YearStart, c.Settings.Frequency).ShouldBeTrue($"{c}: {p.CoversFrom} is not a day of the cycle");
                if (c.Settings.Timing == PaymentTiming.InAdvance && before.CoversFrom!.Value != c.StartsOn && before.YearStart == p.YearStart)
                    p.PaidOn.ShouldBe(Next(before.PaidOn, p.YearStart, c.Settings.Frequency), c);
            }
        });
    }

    [Fact]
    public void AChange_KeepsEveryPaymentDueBeforeIt_AndTheYearsStillAddUpAtTheAmountsNowInForce()
    {
        ForEachCase(4, (c, schedule) =>
        {
            var random = new Random(c.Seed);
            var effective = c.StartsOn.AddDays(random.Next(0, schedule.EndsOn.DayNumber - c.StartsOn.DayNumber + 2));
            var newAmount = random.Next(4) == 0 ? 0m : Math.Round(c.Amount * (decimal)(random.NextDouble() * 2), 2);
            DateOnly? fixedThrough = random.Next(3) == 0 ? effective.AddDays(random.Next(0, 40)) : null;
            DateOnly? newEnd = random.Next(4) == 0 ? effective.AddDays(random.Next(-1, 500)) : null;
            if (newEnd < c.StartsOn) newEnd = c.StartsOn;
            var what = $"{c} changed to {newAmount} from {effective:yyyy-MM-dd}, fixed through {fixedThrough:yyyy-MM-dd}, ending {newEnd:yyyy-MM-dd}";

            var changed = DirectPaymentSchedule.Change(schedule, effective, newAmount, newEnd, fixedThrough);

            var kept = schedule.Payments.Where(p => p.CountsTowardsYear && (p.PaidOn < effective || p.PaidOn <= fixedThrough)).ToList();
            foreach (var p in kept) changed.Payments.ShouldContain(p, what);
            foreach (var p in changed.Payments.Where(p => p.CountsTowardsYear).Except(kept))
            {
                p.PaidOn.ShouldBeGreaterThanOrEqualTo(effective, what);
                if (fixedThrough is { } f) p.PaidOn.ShouldBeGreaterThan(f, what);
            }

            changed.Payments.ShouldAllBe(p => p.Amount > 0, what);
            foreach (var year in changed.Years)
            {
                var sum = Counting(changed, year).Sum(p => p.Amount);
                var keptThere = kept.Where(p => p.YearStart == year.YearStart).Sum(p => p.Amount);
                if (year.Overpaid > 0)
                {
                    sum.ShouldBe(keptThere, what);
                    (keptThere - year.Overpaid).ShouldBe(year.Amount, what);
                }
                else
                {
                    sum.ShouldBe(year.Amount, what);
                }

                if (year.To >= year.From && changed.EndsOn >= year.YearStart)
                    year.Amount.ShouldBe(Expected(changed, year), what);
            }
        });
    }

    [Fact]
    public void TheSameFigures_AlwaysGiveTheSameSchedule()
    {
        ForEachCase(5, (c, schedule) =>
        {
            var again = DirectPaymentSchedule.Build(c.Settings, c.YearStartMonth, c.Amount, c.StartsOn, c.EndsOn);
            again.Payments.ShouldBe(schedule.Payments, c.ToString());
            again.Years.ShouldBe(schedule.Years, c.ToString());
        }, cases: 500);
    }

    private sealed record Case(int Seed, ScheduleSettings Settings, int YearStartMonth, decimal Amount, DateOnly StartsOn, DateOnly? EndsOn)
    {
        public override string ToString() =>
            $"case {Seed}: {Settings.Frequency} {Settings.Timing} {Settings.Rounding}, year from month {YearStartMonth}, {Amount} a year from {StartsOn:yyyy-MM-dd} to {EndsOn:yyyy-MM-dd}";

        public static implicit operator string(Case c) => c.ToString();
    }

    private static void ForEachCase(int seed, Action<Case, PaymentSchedule> check, decimal minimumAmount = 10m, decimal maximumAmount = 60_000m, int cases = Cases)
    {
        var random = new Random(seed);
        for (var i = 0; i < cases; i++)
        {
            var caseSeed = random.Next();
            var r = new Random(caseSeed);
            var settings = new ScheduleSettings(
                Enum.GetValues<PaymentFrequency>()[r.Next(5)], Enum.GetValues<PaymentTiming>()[r.Next(2)], Enum.GetValues<PaymentRounding>()[r.Next(2)]);
            var yearStartMonth = r.Next(3) == 0 ? r.Next(1, 13) : 4;
            var pence = (long)(minimumAmount * 100) + (long)(r.NextDouble() * (double)((maximumAmount - minimumAmount) * 100));
            var amount = r.Next(5) == 0 ? Math.Round(minimumAmount + (maximumAmount - minimumAmount) / 2) : pence / 100m;

            // Whole years from their first day, and part years starting on any day, often around 29 February.
            var startsOn = r.Next(4) switch
            {
                0 => new DateOnly(2024 + r.Next(8), yearStartMonth, 1),
                1 => new DateOnly(2024 + r.Next(2) * 4, 2, 28).AddDays(r.Next(0, 3)),
                _ => new DateOnly(2024, 1, 1).AddDays(r.Next(0, 365 * 8)),
            };
            DateOnly? endsOn = r.Next(3) == 0 ? null : startsOn.AddDays(r.Next(0, 800));
            var c = new Case(caseSeed, settings, yearStartMonth, amount, startsOn, endsOn);
            check(c, DirectPaymentSchedule.Build(settings, yearStartMonth, amount, startsOn, endsOn));
        }
    }

    private static IEnumerable<ScheduledPayment> Counting(PaymentSchedule schedule, ScheduleYear year) =>
        schedule.Payments.Where(p => p.CountsTowardsYear && p.YearStart == year.YearStart);

    /// <summary>A year's amount worked out directly: each day's rate over the year's days, summed, to the penny (halves up).</summary>
    private static decimal Expected(decimal annualAmount, ScheduleYear year) =>
        Math.Round(annualAmount * (year.To.DayNumber - year.From.DayNumber + 1) / (year.YearEnd.DayNumber - year.YearStart.DayNumber + 1), 2, MidpointRounding.AwayFromZero);

    private static bool IsHalfPenny(decimal annualAmount, ScheduleYear year)
    {
        var days = year.YearEnd.DayNumber - year.YearStart.DayNumber + 1;
        return (long)(annualAmount * 100) * (year.To.DayNumber - year.From.DayNumber + 1) % days * 2 == days;
    }

    private static decimal Expected(PaymentSchedule schedule, ScheduleYear year)
    {
        decimal pennyDays = 0;
        for (var day = year.From; day <= year.To; day = day.AddDays(1)) pennyDays += schedule.AnnualAmountOn(day) * 100;
        var days = year.YearEnd.DayNumber - year.YearStart.DayNumber + 1;
        return Math.Round(pennyDays / days, MidpointRounding.AwayFromZero) / 100;
    }

    private static bool IsCycleDay(DateOnly day, DateOnly yearStart, PaymentFrequency frequency) => frequency switch
    {
        PaymentFrequency.Monthly => day.Day == 1,
        PaymentFrequency.Quarterly => day.Day == 1 && (day.Month - yearStart.Month + 12) % 3 == 0,
        _ => (day.DayNumber - yearStart.DayNumber) % Step(frequency) == 0,
    };

    private static DateOnly Next(DateOnly day, DateOnly yearStart, PaymentFrequency frequency) => frequency switch
    {
        PaymentFrequency.Monthly => day.AddMonths(1),
        PaymentFrequency.Quarterly => day.AddMonths(3),
        _ => day.AddDays(Step(frequency)),
    };

    private static int Step(PaymentFrequency frequency) => frequency switch
    {
        PaymentFrequency.Weekly => 7,
        PaymentFrequency.Fortnightly => 14,
        _ => 28,
    };
}
