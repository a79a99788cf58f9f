using System.Globalization;
using ShortBreaks.Core.Schemes;

namespace ShortBreaks.Core.Providers;

/// <summary>Who is making a move on a package, in what capacity.</summary>
public enum PackageActor
{
    /// <summary>A personalisation officer or team manager brokering for the child.</summary>
    Officer,

    /// <summary>A family member with the child on their account.</summary>
    Family,

    /// <summary>A user of the package's organisation.</summary>
    Provider,

    /// <summary>Commissioning, suspending or removing an organisation.</summary>
    Commissioning,
}

/// <summary>A move a package can make.</summary>
public enum PackageMove
{
    Send,
    AgreeDirectPayment,
    Accept,
    Decline,
    Change,
    End,
}

/// <summary>
/// Which package moves are allowed from which state, and who may make them (pure: services and pages call this, never a
/// copy). A provider package is sent and the provider accepts or declines; a direct payment package needs no provider
/// and is agreed at once. An agreed package is changed (replaced by a new one at the prices then) or ended with notice.
/// </summary>
public static class PackageMoves
{
    /// <summary>The state a move leads to.</summary>
    public static PackageState To(PackageMove move) => move switch
    {
        PackageMove.Send => PackageState.Sent,
        PackageMove.AgreeDirectPayment or PackageMove.Accept => PackageState.Accepted,
        PackageMove.Decline => PackageState.Declined,
        PackageMove.Change => PackageState.Changed,
        PackageMove.End => PackageState.Ended,
        _ => throw new ArgumentOutOfRangeException(nameof(move)),
    };

    /// <summary>Whether the move needs a reason recorded with it.</summary>
    public static bool NeedsReason(PackageMove move) => move is PackageMove.Decline or PackageMove.Change or PackageMove.End;

    /// <summary>
    /// Null when <paramref name="actor"/> may make <paramref name="move"/> on a package in <paramref name="state"/> by
    /// <paramref name="route"/>; otherwise why not, in words for the person.
    /// </summary>
    public static string? Refusal(PackageState state, PackageRoute route, PackageMove move, PackageActor actor)
    {
        var allowed = (state, move) switch
        {
            (PackageState.Draft, PackageMove.Send) when route == PackageRoute.Provider => actor is PackageActor.Officer or PackageActor.Family,
            (PackageState.Draft, PackageMove.AgreeDirectPayment) when route == PackageRoute.DirectPayment => actor is PackageActor.Officer or PackageActor.Family,
            (PackageState.Sent, _) when route == PackageRoute.DirectPayment => (bool?)null,
            (PackageState.Sent, PackageMove.Accept or PackageMove.Decline) => actor == PackageActor.Provider,
            (PackageState.Sent, PackageMove.Change) => actor == PackageActor.Officer,
            (PackageState.Accepted, PackageMove.Change) => actor == PackageActor.Officer,
            (PackageState.Accepted, PackageMove.End) when route == PackageRoute.DirectPayment => actor == PackageActor.Officer,
            (PackageState.Accepted, PackageMove.End) => actor is PackageActor.Officer or PackageActor.Provider or PackageActor.Commissioning,
            (PackageState.Sent, PackageMove.End) => actor == PackageActor.Commissioning,
            _ => (bool?)null,
        };

        return allowed switch
        {
            true => null,
            false => $"Only {Who(state, move, route)} can do this to a package that is {Describe(state)}.",
            null => $"A package that is {Describe(state)} cannot be {Done(move)}.",
        };
    }

    /// <summary>
    /// The earliest last day a package may be given to end on, given notice on <paramref name="today"/>: the scheme's
    /// notice, or at once when <paramref name="withoutNotice"/> (commissioning ending a package for a safeguarding concern).
    /// </summary>
    public static DateOnly EarliestEnd(DateOnly today, ProviderSettings settings, bool withoutNotice = false) =>
        withoutNotice ? today : today.AddDays(settings.PackageEndNoticeDays);

    /// <summary>The states a package counts against the child's allowance in: sent (committed) or accepted.</summary>
    public static bool CountsAgainstAllowance(PackageState state) => state is PackageState.Sent or PackageState.Accepted;

    public static string Describe(PackageState state) => state switch
    {
        PackageState.Draft => "a draft",
        PackageState.Sent => "sent to the provider",
        PackageState.Accepted => "agreed",
        PackageState.Declined => "declined",
        PackageState.Changed => "replaced by a change",
        _ => "ended",
    };

    private static string Done(PackageMove move) => move switch
    {
        PackageMove.Send => "sent",
        PackageMove.AgreeDirectPayment => "agreed as a direct payment",
        PackageMove.Accept => "accepted",
        PackageMove.Decline => "declined",
        PackageMove.Change => "changed",
        _ => "ended",
    };

    private static string Who(PackageState state, PackageMove move, PackageRoute route) => (state, move) switch
    {
        (PackageState.Draft, _) => "the child's officer or family",
        (PackageState.Sent, PackageMove.Accept or PackageMove.Decline) => "the provider",
        (PackageState.Sent, PackageMove.End) => "commissioning",
        (_, PackageMove.Change) => "the child's officer",
        _ => route == PackageRoute.Provider ? "the child's officer, the provider or commissioning" : "the child's officer",
    };
}

/// <summary>Whether an organisation may take new packages on a day (pure).</summary>
public static class OrganisationRules
{
    /// <summary>
    /// Null when <paramref name="organisation"/> may take a new package on <paramref name="today"/>: approved, holding
    /// every insurance the scheme asks for at its cover and in date, and no registration expired. Otherwise why not.
    /// </summary>
    public static string? NewPackageRefusal(Organisation organisation, ProviderSettings settings, DateOnly today)
    {
        if (organisation.Status != FrameworkStatus.Approved)
        {
            return organisation.Status switch
            {
                FrameworkStatus.Suspended => $"{organisation.Name} is suspended from the framework and takes no new packages.",
                FrameworkStatus.Removed => $"{organisation.Name} has been removed from the framework.",
                _ => $"{organisation.Name} is not approved on the framework.",
            };
        }

        foreach (var required in settings.RequiredInsurance)
        {
            if (!Enum.TryParse<InsuranceKind>(required.Kind, out var kind)) continue;
            var held = organisation.Insurances.Where(i => i.Kind == kind && i.CoverAmount >= required.MinimumCover).ToList();
            if (held.Count == 0)
                return $"{organisation.Name} has no {InsuranceName(kind)} insurance of at least {Money.Format(required.MinimumCover)} on record.";
            if (held.All(i => i.ExpiresOn < today))
                return $"{organisation.Name}'s {InsuranceName(kind)} insurance expired on {Day(held.Max(i => i.ExpiresOn))}.";
        }

        var expired = organisation.Registrations.Where(r => r.ExpiresOn < today).OrderBy(r => r.ExpiresOn).FirstOrDefault();
        return expired is null ? null : $"{organisation.Name}'s {RegulatorName(expired.Regulator)} registration expired on {Day(expired.ExpiresOn!.Value)}.";
    }

    /// <summary>
    /// The warning (days before expiry, from <c>ProviderSettings.ExpiryWarningDays</c>) due for something that expires on
    /// <paramref name="expiresOn"/>, seen on <paramref name="today"/>: the smallest number of days not yet passed that
    /// <paramref name="today"/> has reached, or null when none is due (too early, or already expired).
    /// </summary>
    public static int? ExpiryWarningDue(DateOnly expiresOn, DateOnly today, ProviderSettings settings)
    {
        var daysLeft = expiresOn.DayNumber - today.DayNumber;
        if (daysLeft < 0) return null;
        var due = settings.ExpiryWarningDays.Where(d => daysLeft <= d).ToList();
        return due.Count == 0 ? null : due.Min();
    }

    private static string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public static string InsuranceName(InsuranceKind kind) => kind switch
    {
        InsuranceKind.EmployersLiability => "employer's liability",
        InsuranceKind.PublicLiability => "public liability",
        InsuranceKind.ProfessionalIndemnity => "professional indemnity",
        _ => "other",
    };

    public static string RegulatorName(Regulator regulator) => regulator switch
    {
        Regulator.Ofsted => "Ofsted",
        Regulator.Cqc => "CQC",
        _ => "regulator",
    };
}

/// <summary>The price of a service in force on a day (pure).</summary>
public static class ServicePrices
{
    /// <summary>The newest price whose <see cref="ServicePrice.EffectiveFrom"/> has come by <paramref name="day"/>; null before the first.</summary>
    public static ServicePrice? InForce(IEnumerable<ServicePrice> prices, DateOnly day) =>
        prices.Where(p => p.EffectiveFrom <= day).OrderByDescending(p => p.EffectiveFrom).ThenByDescending(p => p.SetAt).FirstOrDefault();

    /// <summary>The last day a price is in force (the HSDS-UK <c>valid_to</c>): the day before the next one, or null.</summary>
    public static DateOnly? ValidTo(IEnumerable<ServicePrice> prices, ServicePrice price) =>
        prices.Where(p => p.EffectiveFrom > price.EffectiveFrom).Select(p => (DateOnly?)p.EffectiveFrom).Min()?.AddDays(-1);
}

/// <summary>Allowance years and a part year's share of an allowance (pure).</summary>
public static class AllowanceYears
{
    /// <summary>The first day of the allowance year <paramref name="day"/> falls in.</summary>
    public static DateOnly StartOf(DateOnly day, ProviderSettings settings)
    {
        var start = new DateOnly(day.Year, settings.YearStartMonth, 1);
        return day >= start ? start : start.AddYears(-1);
    }

    /// <summary>The last day of the allowance year starting on <paramref name="yearStart"/>.</summary>
    public static DateOnly EndOf(DateOnly yearStart) => yearStart.AddYears(1).AddDays(-1);

    /// <summary>
    /// A child starting on <paramref name="from"/> gets the share of a year's allowance for the days left in the year,
    /// <paramref name="from"/> included: hours rounded to the nearest half hour, money to the penny (halves up). From the
    /// year's first day (or before it), the whole allowance; after its last day, nothing.
    /// </summary>
    public static PartYearAllowance ProRata(decimal hoursPerYear, decimal moneyPerYear, DateOnly yearStart, DateOnly from)
    {
        var end = EndOf(yearStart);
        var days = end.DayNumber - yearStart.DayNumber + 1;
        var left = Math.Clamp(end.DayNumber - Math.Max(from.DayNumber, yearStart.DayNumber) + 1, 0, days);
        var share = (decimal)left / days;
        return new PartYearAllowance(
            Math.Round(hoursPerYear * share * 2, MidpointRounding.AwayFromZero) / 2,
            Math.Round(moneyPerYear * share, 2, MidpointRounding.AwayFromZero),
            left, days);
    }

    /// <summary>The total units a line buys between two days (both included), for a weekly or monthly quantity.</summary>
    public static decimal TotalUnits(decimal quantity, LineFrequency frequency, DateOnly from, DateOnly to)
    {
        if (to < from) return 0;
        var days = to.DayNumber - from.DayNumber + 1;
        return frequency switch
        {
            LineFrequency.Total => quantity,
            LineFrequency.Weekly => quantity * (days / 7),
            _ => quantity * WholeMonths(from, to),
        };
    }

    private static int WholeMonths(DateOnly from, DateOnly to)
    {
        var months = 0;
        while (from.AddMonths(months + 1).AddDays(-1) <= to) months++;
        return months;
    }
}

/// <param name="Hours">Hours for the part year.</param>
/// <param name="Money">Money for the part year, in pounds.</param>
/// <param name="DaysLeft">Days of the year from the start day, included.</param>
/// <param name="DaysInYear">Days in the allowance year (365 or 366).</param>
public sealed record PartYearAllowance(decimal Hours, decimal Money, int DaysLeft, int DaysInYear);
