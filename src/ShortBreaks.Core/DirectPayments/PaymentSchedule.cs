namespace ShortBreaks.Core.DirectPayments;

/// <summary>How often regular direct payments are made.</summary>
public enum PaymentFrequency
{
    Weekly,
    Fortnightly,
    FourWeekly,
    Monthly,
    Quarterly,
}

/// <summary>When a payment is made for the period it covers.</summary>
public enum PaymentTiming
{
    /// <summary>On the period's first day, before the money is spent (the seeds' practice).</summary>
    InAdvance,

    /// <summary>On the day after the period's last day.</summary>
    InArrears,
}

/// <summary>
/// How a year's amount becomes payments in whole pence. Either way, every payment but one is its exact share rounded
/// down to the penny, and that one takes what is left, so the year's payments add up to its amount to the penny and no
/// payment is less than its share.
/// </summary>
public enum PaymentRounding
{
    /// <summary>The year's last payment takes the pennies left over.</summary>
    LastPaymentTakesRemainder,

    /// <summary>The year's first payment still to be made takes the pennies left over.</summary>
    FirstPaymentTakesRemainder,
}

/// <summary>The scheme's settings a schedule is made with (<see cref="Schemes.DirectPaymentSettings.Schedule"/>).</summary>
public sealed record ScheduleSettings(PaymentFrequency Frequency, PaymentTiming Timing, PaymentRounding Rounding);

public enum ScheduledPaymentKind
{
    /// <summary>A payment of the cycle, covering the days from <see cref="ScheduledPayment.CoversFrom"/> to <see cref="ScheduledPayment.CoversTo"/>.</summary>
    Regular,

    /// <summary>
    /// A top-up for days already paid for at a lower amount, made on a change's effective date when no regular payment is
    /// left in the year to carry it. Counts towards the year's amount like a regular payment.
    /// </summary>
    Adjustment,

    /// <summary>A sum paid once with its reason (a start-up sum, equipment); not part of the year's amount.</summary>
    OneOff,
}

/// <summary>An amount a year, in pounds, in force from a day (the first rate from the schedule's first day).</summary>
public sealed record ScheduleRate(DateOnly From, decimal AnnualAmount);

/// <summary>A sum paid once, on a day, with the reason for it.</summary>
public sealed record OneOffPayment(DateOnly PaidOn, decimal Amount, string Reason);

/// <summary>
/// One payment of a schedule: the day it is due, its amount in pounds (whole pence), and for a regular payment the days
/// it covers and the first day of the allowance year it belongs to.
/// </summary>
public sealed record ScheduledPayment(
    DateOnly PaidOn, decimal Amount, ScheduledPaymentKind Kind, DateOnly YearStart,
    DateOnly? CoversFrom = null, DateOnly? CoversTo = null, string? Reason = null)
{
    /// <summary>Whether the payment counts towards the year's amount (regular payments and adjustments).</summary>
    public bool CountsTowardsYear => Kind != ScheduledPaymentKind.OneOff;
}

/// <summary>
/// One allowance year of a schedule: the days it covers, what they come to (<see cref="Amount"/>), what its regular
/// payments and adjustments add up to (<see cref="Scheduled"/>, equal to the amount unless payments already made come to
/// more) and what was paid above the amount (<see cref="Overpaid"/>, to recover).
/// </summary>
public sealed record ScheduleYear(DateOnly YearStart, DateOnly YearEnd, DateOnly From, DateOnly To, decimal Amount, decimal Scheduled, decimal Overpaid);

/// <summary>
/// A direct payment's dated payments from <see cref="StartsOn"/> to <see cref="EndsOn"/> (both included), made under
/// <see cref="Settings"/>, with the amounts a year in force (<see cref="Rates"/>), year by year
/// (<see cref="Years"/>). Made and changed only by <see cref="DirectPaymentSchedule"/>.
/// </summary>
public sealed record PaymentSchedule(
    DateOnly StartsOn, DateOnly EndsOn, int YearStartMonth, ScheduleSettings Settings,
    IReadOnlyList<ScheduleRate> Rates, IReadOnlyList<OneOffPayment> OneOffs,
    IReadOnlyList<ScheduledPayment> Payments, IReadOnlyList<ScheduleYear> Years)
{
    /// <summary>What was paid above the amount due, over every year: nothing unless a reduction came after payments were made.</summary>
    public decimal Overpaid => Years.Sum(y => y.Overpaid);

    /// <summary>The amount a year in force on a day (0 before the first rate).</summary>
    public decimal AnnualAmountOn(DateOnly day) => Rates.LastOrDefault(r => r.From <= day)?.AnnualAmount ?? 0;
}

/// <summary>
/// Direct payment schedules (pure, deterministic). Payments follow a cycle that starts on the first day of each
/// allowance year (<c>providers.yearStartMonth</c>, the council's financial year): every 7, 14 or 28 days, or every one or
/// three calendar months, the year's last period running on to the year's last day (so a 365-day year has thirteen
/// four-weekly periods, the last of 29 days, and no two-day fourteenth). A schedule that starts between cycle days gets a
/// first payment pro rata to the days it covers; one that ends between them, a last payment pro rata too.
/// <para>
/// Amounts: a day is worth the amount a year in force on it divided by the days in its allowance year (365 or 366). A
/// year's amount is the worth of its days in the schedule, rounded to the penny (halves up): the annual amount for a
/// whole year, the same as <see cref="Providers.AllowanceYears.ProRata"/> for a part year to the year's end. Each payment
/// is the worth of the days it covers rounded down to the penny, and the payment the scheme's
/// <see cref="PaymentRounding"/> names takes the pennies left, so the year's payments add up to its amount exactly.
/// Payments are never negative; one that comes to nothing is left out.
/// </para>
/// <para>
/// A change (<see cref="Change"/>, a new plan version) takes effect on its effective date. Payments due before that day
/// (and any already in a payment run) are kept as they were. The payments from it are worked out again so that the year
/// still adds up to the worth of its days at the amounts now in force: money for days already paid at the old amount is
/// settled in the first payments still to come (a top-up after a rise; a deduction after a reduction, running on into
/// the next payments if one cannot take it all). What cannot be deducted because the year has no payments left is
/// <see cref="ScheduleYear.Overpaid"/>, for recoupment.
/// </para>
/// </summary>
public static class DirectPaymentSchedule
{
    /// <summary>The largest amount a year a schedule takes, in pounds.</summary>
    public const decimal MaximumAnnualAmount = 1_000_000m;

    /// <summary>The last day of the allowance year <paramref name="day"/> falls in.</summary>
    public static DateOnly YearEndOf(DateOnly day, int yearStartMonth) => YearStartOf(day, yearStartMonth).AddYears(1).AddDays(-1);

    /// <summary>
    /// Why a schedule cannot be made from these figures, in words for the person (each with the field it is about), or
    /// nothing when it can.
    /// </summary>
    public static IReadOnlyList<FieldError> Problems(decimal annualAmount, DateOnly startsOn, DateOnly? endsOn, IReadOnlyList<OneOffPayment>? oneOffs = null)
    {
        var errors = new List<FieldError>();
        AmountProblems(errors, "AnnualAmount", "The amount a year", annualAmount, allowZero: false);
        if (endsOn is { } end && end < startsOn) errors.Add(new("EndsOn", "The end date must be the same as or after the start date"));
        for (var i = 0; i < (oneOffs?.Count ?? 0); i++)
        {
            var o = oneOffs![i];
            var field = $"OneOffs[{i}]";
            AmountProblems(errors, field + ".Amount", "A one-off payment", o.Amount, allowZero: false);
            if (string.IsNullOrWhiteSpace(o.Reason)) errors.Add(new(field + ".Reason", "Enter the reason for the one-off payment"));
            if (o.PaidOn < startsOn || (endsOn is { } last && o.PaidOn > last))
                errors.Add(new(field + ".PaidOn", "The date of a one-off payment must be within the direct payment's dates"));
        }

        return errors;
    }

    /// <summary>
    /// The schedule for <paramref name="annualAmount"/> pounds a year from <paramref name="startsOn"/> to
    /// <paramref name="endsOn"/> (both included; without it, the end of the allowance year <paramref name="startsOn"/> is
    /// in), with any one-off payments. A schedule running into later allowance years is worked out year by year, each
    /// adding up to its own days' worth. Throws <see cref="ArgumentException"/> for figures <see cref="Problems"/> refuses.
    /// </summary>
    public static PaymentSchedule Build(
        ScheduleSettings settings, int yearStartMonth, decimal annualAmount, DateOnly startsOn, DateOnly? endsOn = null,
        IReadOnlyList<OneOffPayment>? oneOffs = null)
    {
        if (yearStartMonth is < 1 or > 12) throw new ArgumentOutOfRangeException(nameof(yearStartMonth));
        var end = endsOn ?? YearEndOf(startsOn, yearStartMonth);
        var problems = Problems(annualAmount, startsOn, end, oneOffs);
        if (problems.Count > 0) throw new ArgumentException(string.Join(" ", problems.Select(p => p.Message + ".")));

        return Work(settings, yearStartMonth, startsOn, end, [new ScheduleRate(startsOn, annualAmount)], oneOffs ?? [], kept: [], notBefore: startsOn);
    }

    /// <summary>
    /// The schedule after a change from <paramref name="effectiveFrom"/>: <paramref name="newAnnualAmount"/> pounds a year
    /// from that day (0 stops the payments, as when a package ends early), and optionally a new last day. Every payment due
    /// before <paramref name="effectiveFrom"/>, or on or before <paramref name="fixedThrough"/> (the last day of payments
    /// already in a payment run), is kept exactly; one-off payments are kept. The days already paid for are settled as the
    /// class summary says. No new payment falls before <paramref name="effectiveFrom"/> or on or before
    /// <paramref name="fixedThrough"/>: one that would is moved to the first day after them. Throws
    /// <see cref="ArgumentException"/> for a negative or part-penny amount, an end before the start, or an effective day
    /// before the start or more than a day after the end.
    /// </summary>
    public static PaymentSchedule Change(
        PaymentSchedule current, DateOnly effectiveFrom, decimal newAnnualAmount, DateOnly? newEndsOn = null, DateOnly? fixedThrough = null)
    {
        var errors = new List<FieldError>();
        AmountProblems(errors, "AnnualAmount", "The amount a year", newAnnualAmount, allowZero: true);
        var end = newEndsOn ?? current.EndsOn;
        if (end < current.StartsOn) errors.Add(new("EndsOn", "The end date must be the same as or after the start date"));
        if (effectiveFrom < current.StartsOn) errors.Add(new("EffectiveFrom", "A change must take effect on or after the day the direct payment started"));
        else if (effectiveFrom > end.AddDays(1)) errors.Add(new("EffectiveFrom", "A change must take effect no later than the day after the direct payment ends"));
        if (errors.Count > 0) throw new ArgumentException(string.Join(" ", errors.Select(p => p.Message + ".")));

        var rates = current.Rates.Where(r => r.From < effectiveFrom).Append(new ScheduleRate(effectiveFrom, newAnnualAmount)).ToList();
        var kept = current.Payments
            .Where(p => p.CountsTowardsYear && (p.PaidOn < effectiveFrom || (fixedThrough is { } f && p.PaidOn <= f)))
            .ToList();
        var notBefore = fixedThrough is { } through && through >= effectiveFrom ? through.AddDays(1) : effectiveFrom;
        return Work(current.Settings, current.YearStartMonth, current.StartsOn, end, rates, current.OneOffs, kept, notBefore);
    }

    private static PaymentSchedule Work(
        ScheduleSettings settings, int yearStartMonth, DateOnly startsOn, DateOnly endsOn, IReadOnlyList<ScheduleRate> rates,
        IReadOnlyList<OneOffPayment> oneOffs, IReadOnlyList<ScheduledPayment> kept, DateOnly notBefore)
    {
        var payments = new List<ScheduledPayment>();
        var years = new List<ScheduleYear>();

        // Kept payments of years the schedule no longer reaches (an end brought forward) still count as paid.
        var lastYear = YearStartOf(endsOn, yearStartMonth);
        var yearStarts = kept.Select(p => p.YearStart).Where(y => y > lastYear).Distinct().Order().ToList();
        for (var yearStart = YearStartOf(startsOn, yearStartMonth); yearStart <= lastYear; yearStart = yearStart.AddYears(1))
        {
            var yearEnd = yearStart.AddYears(1).AddDays(-1);
            var from = startsOn > yearStart ? startsOn : yearStart;
            var to = endsOn < yearEnd ? endsOn : yearEnd;
            var (year, yearPayments) = WorkYear(settings, yearStart, yearEnd, from, to, rates, kept.Where(p => p.YearStart == yearStart).ToList(), notBefore);
            years.Add(year);
            payments.AddRange(yearPayments);
        }

        foreach (var yearStart in yearStarts)
        {
            var keptThere = kept.Where(p => p.YearStart == yearStart).ToList();
            var paid = keptThere.Sum(p => p.Amount);
            years.Add(new ScheduleYear(yearStart, yearStart.AddYears(1).AddDays(-1), yearStart, yearStart, 0, paid, paid));
            payments.AddRange(keptThere);
        }

        payments.AddRange(oneOffs.Select(o => new ScheduledPayment(o.PaidOn, o.Amount, ScheduledPaymentKind.OneOff, YearStartOf(o.PaidOn, yearStartMonth), Reason: o.Reason)));
        return new PaymentSchedule(
            startsOn, endsOn, yearStartMonth, settings, rates, oneOffs,
            payments.OrderBy(p => p.PaidOn).ThenBy(p => p.Kind).ToList(), years);
    }

    /// <summary>
    /// One allowance year. Money is counted in 1/days-in-year pence (each day's worth in pence is its rate in pence, over
    /// the days in the year), so every sum and split below is exact integer arithmetic.
    /// </summary>
    private static (ScheduleYear Year, List<ScheduledPayment> Payments) WorkYear(
        ScheduleSettings settings, DateOnly yearStart, DateOnly yearEnd, DateOnly from, DateOnly to, IReadOnlyList<ScheduleRate> rates,
        List<ScheduledPayment> kept, DateOnly notBefore)
    {
        long daysInYear = yearEnd.DayNumber - yearStart.DayNumber + 1;
        var periods = Periods(settings.Frequency, yearStart, yearEnd)
            .Select(p => (From: p.From > from ? p.From : from, To: p.To < to ? p.To : to))
            .Where(p => p.From <= p.To)
            .ToList();

        long Worth(DateOnly a, DateOnly b) => rates.Select((r, i) =>
        {
            var rateFrom = r.From > a ? r.From : a;
            var rateTo = i + 1 < rates.Count && rates[i + 1].From.AddDays(-1) < b ? rates[i + 1].From.AddDays(-1) : b;
            return rateTo < rateFrom ? 0 : Pence(r.AnnualAmount) * (rateTo.DayNumber - rateFrom.DayNumber + 1);
        }).Sum();

        var worth = periods.Count == 0 ? 0 : Worth(from, to);
        var amountPence = (2 * worth + daysInYear) / (2 * daysInYear);
        var keptPence = kept.Sum(p => Pence(p.Amount));
        var keptTo = kept.Where(p => p.CoversTo is not null).Select(p => p.CoversTo!.Value).DefaultIfEmpty(DateOnly.MinValue).Max();
        var remaining = periods.Where(p => p.From > keptTo).ToList();
        var result = new List<ScheduledPayment>(kept);
        var targetPence = amountPence - keptPence;

        if (targetPence > 0 && remaining.Count == 0)
        {
            // Everything in the year is paid, but at less than the days are now worth: top up on the change's day.
            var lastKept = kept.Count == 0 ? DateOnly.MinValue : kept.Max(p => p.PaidOn);
            var on = notBefore > lastKept ? notBefore : lastKept.AddDays(1);
            result.Add(new ScheduledPayment(on, FromPence(targetPence), ScheduledPaymentKind.Adjustment, yearStart));
        }
        else if (targetPence > 0)
        {
            // Each period's worth. Days already paid for at another amount are settled from the first period on: what
            // the kept payments came to against what their days (up to the end) are worth now. The year's rounding is
            // left to the payment that takes the remainder.
            var shares = remaining.Select(p => Worth(p.From, p.To)).ToArray();
            var keptDaysTo = keptTo < to ? keptTo : to;
            var difference = (keptDaysTo >= from ? Worth(from, keptDaysTo) : 0) - keptPence * daysInYear;
            for (var i = 0; i < shares.Length && difference != 0; i++)
            {
                var settled = Math.Max(-shares[i], difference);
                shares[i] += settled;
                difference -= settled;
            }

            var pence = shares.Select(s => s / daysInYear).ToArray();
            var takesRemainder = settings.Rounding == PaymentRounding.FirstPaymentTakesRemainder
                ? Array.FindIndex(shares, s => s > 0)
                : Array.FindLastIndex(shares, s => s > 0);
            pence[takesRemainder] = 0;
            pence[takesRemainder] = targetPence - pence.Sum();

            for (var i = 0; i < remaining.Count; i++)
            {
                if (pence[i] == 0) continue;
                var (periodFrom, periodTo) = remaining[i];
                // A payment never falls before the change, or among payments already in a run: it goes in the next run.
                var paidOn = settings.Timing == PaymentTiming.InAdvance ? periodFrom : periodTo.AddDays(1);
                if (paidOn < notBefore) paidOn = notBefore;
                result.Add(new ScheduledPayment(paidOn, FromPence(pence[i]), ScheduledPaymentKind.Regular, yearStart, periodFrom, periodTo));
            }
        }

        var scheduled = result.Sum(p => p.Amount);
        var overpaid = targetPence < 0 ? FromPence(-targetPence) : 0m;
        return (new ScheduleYear(yearStart, yearEnd, from, to, FromPence(amountPence), scheduled, overpaid), result);
    }

    /// <summary>The cycle's periods of an allowance year, the last running to the year's last day.</summary>
    private static IEnumerable<(DateOnly From, DateOnly To)> Periods(PaymentFrequency frequency, DateOnly yearStart, DateOnly yearEnd)
    {
        if (frequency is PaymentFrequency.Monthly or PaymentFrequency.Quarterly)
        {
            var months = frequency == PaymentFrequency.Monthly ? 1 : 3;
            for (var k = 0; k < 12 / months; k++)
                yield return (yearStart.AddMonths(k * months), yearStart.AddMonths((k + 1) * months).AddDays(-1));
            yield break;
        }

        var step = frequency switch
        {
            PaymentFrequency.Weekly => 7,
            PaymentFrequency.Fortnightly => 14,
            _ => 28,
        };
        var count = (yearEnd.DayNumber - yearStart.DayNumber + 1) / step;
        for (var k = 0; k < count; k++)
            yield return (yearStart.AddDays(k * step), k == count - 1 ? yearEnd : yearStart.AddDays((k + 1) * step - 1));
    }

    private static DateOnly YearStartOf(DateOnly day, int yearStartMonth)
    {
        var start = new DateOnly(day.Year, yearStartMonth, 1);
        return day >= start ? start : start.AddYears(-1);
    }

    private static void AmountProblems(List<FieldError> errors, string field, string what, decimal amount, bool allowZero)
    {
        if (amount < 0 || (!allowZero && amount == 0)) errors.Add(new(field, $"{what} must be more than £0"));
        else if (!Money.IsWholePence(amount)) errors.Add(new(field, $"{what} must be in pounds and pence, like £750 or £57.69"));
        else if (amount > MaximumAnnualAmount) errors.Add(new(field, $"{what} must be {Money.Format(MaximumAnnualAmount)} or less"));
    }

    private static long Pence(decimal pounds) => (long)(pounds * 100);

    private static decimal FromPence(long pence) => pence / 100m;
}
