using ShortBreaks.Core.Children;
using ShortBreaks.Core.Schemes;

namespace ShortBreaks.Core.Providers;

/// <summary>
/// A child's Flexible Short Breaks allowance for a year (or the part of it left when they joined): hours, and money
/// by the scheme's rates. Every hour taken as a direct payment uses one hour and the scheme's direct payment amount for
/// it (£750 for 80 hours: £9.375 an hour); services through providers use their hours and their cost out of the
/// provider money (£1,200 a year), less the provider money the direct payment hours take up.
/// </summary>
/// <param name="Hours">Hours for the year or part year.</param>
/// <param name="ProviderMoney">Money for the year or part year when every hour goes through a provider, in pounds.</param>
/// <param name="DirectPaymentMoney">Money for the year or part year when every hour is a direct payment, in pounds.</param>
/// <param name="YearStart">The allowance year's first day.</param>
/// <param name="From">The first day the allowance counts from (the year's first day, or the day the child joined).</param>
public sealed record FsbAllowance(decimal Hours, decimal ProviderMoney, decimal DirectPaymentMoney, DateOnly YearStart, DateOnly From)
{
    public DateOnly YearEnd => AllowanceYears.EndOf(YearStart);

    public bool IsPartYear => From > YearStart;
}

/// <summary>What a child's packages use of the allowance: hours and money through providers, and the direct payment.</summary>
public sealed record AllowanceUse(decimal ProviderHours, decimal ProviderMoney, decimal DirectPaymentHours, decimal DirectPaymentMoney)
{
    public static readonly AllowanceUse None = new(0, 0, 0, 0);

    public decimal Hours => ProviderHours + DirectPaymentHours;

    public static AllowanceUse operator +(AllowanceUse a, AllowanceUse b) =>
        new(a.ProviderHours + b.ProviderHours, a.ProviderMoney + b.ProviderMoney, a.DirectPaymentHours + b.DirectPaymentHours, a.DirectPaymentMoney + b.DirectPaymentMoney);
}

/// <summary>The Flexible Short Breaks allowance, what packages use of it and what is left (pure).</summary>
public static class PackageAllowances
{
    /// <summary>
    /// The allowance for the year starting <paramref name="yearStart"/> for a child on Flexible Short Breaks since
    /// <paramref name="onTierSince"/> (pro rata when that is after the year's first day).
    /// </summary>
    public static FsbAllowance For(FlexibleShortBreaksSettings fsb, DateOnly yearStart, DateOnly onTierSince)
    {
        var from = onTierSince > yearStart ? onTierSince : yearStart;
        var provider = AllowanceYears.ProRata(fsb.HoursPerYear, fsb.ProviderPerYear, yearStart, from);
        var directPayment = AllowanceYears.ProRata(fsb.HoursPerYear, fsb.DirectPaymentPerYear, yearStart, from);
        return new FsbAllowance(provider.Hours, provider.Money, directPayment.Money, yearStart, from);
    }

    /// <summary>The scheme's direct payment amount for <paramref name="hours"/> hours, to the penny (halves up).</summary>
    public static decimal DirectPaymentAmount(FlexibleShortBreaksSettings fsb, decimal hours) =>
        fsb.HoursPerYear <= 0 ? 0 : Math.Round(hours * fsb.DirectPaymentPerYear / fsb.HoursPerYear, 2, MidpointRounding.AwayFromZero);

    /// <summary>
    /// What a package uses: a direct payment its hours and amount; a provider package its lines' hours and cost. A
    /// package ended with notice uses only its weekly and monthly units up to its last day.
    /// </summary>
    public static AllowanceUse Use(Package package)
    {
        if (package.Route == PackageRoute.DirectPayment)
            return new AllowanceUse(0, 0, package.DirectPaymentHours ?? 0, package.DirectPaymentAmount ?? 0);

        decimal hours = 0, money = 0;
        foreach (var line in package.Lines)
        {
            var units = package.State == PackageState.Ended && line.Frequency != LineFrequency.Total
                ? Math.Min(line.TotalUnits, AllowanceYears.TotalUnits(line.Quantity, line.Frequency, package.StartsOn, package.EndsOn))
                : line.TotalUnits;
            hours += units * line.HoursEach;
            money += units * line.UnitPrice;
        }

        return new AllowanceUse(hours, Math.Round(money, 2, MidpointRounding.AwayFromZero), 0, 0);
    }

    /// <summary>
    /// Whether a package counts against the Flexible Short Breaks allowance: sent or agreed, or ended (for what it ran).
    /// Declined, replaced and draft packages do not; nor do Targeted Short Breaks packages, paid from the plan.
    /// </summary>
    public static bool Counts(Package package) =>
        package.Tier == Tier.FlexibleShortBreaks && (PackageMoves.CountsAgainstAllowance(package.State) || package.State == PackageState.Ended);

    /// <summary>What the counting packages among <paramref name="packages"/> use together.</summary>
    public static AllowanceUse Used(IEnumerable<Package> packages) =>
        packages.Where(Counts).Select(Use).Aggregate(AllowanceUse.None, (a, b) => a + b);

    /// <summary>Hours left, never below nothing.</summary>
    public static decimal HoursLeft(FsbAllowance allowance, AllowanceUse used) => Math.Max(0, allowance.Hours - used.Hours);

    /// <summary>
    /// The provider money left: the provider money less the share the direct payment hours take up and less what the
    /// provider packages cost, to the penny below, never below nothing.
    /// </summary>
    public static decimal ProviderMoneyLeft(FsbAllowance allowance, AllowanceUse used)
    {
        if (allowance.Hours <= 0) return 0;
        var available = allowance.ProviderMoney * (allowance.Hours - used.DirectPaymentHours) / allowance.Hours;
        return Math.Max(0, Math.Floor((available - used.ProviderMoney) * 100) / 100);
    }

    /// <summary>
    /// Null when adding <paramref name="adding"/> to <paramref name="used"/> keeps within the allowance; otherwise why
    /// not, in words for the person, with what is left.
    /// </summary>
    public static string? Refusal(FsbAllowance allowance, AllowanceUse used, AllowanceUse adding)
    {
        var after = used + adding;
        if (after.Hours > allowance.Hours)
        {
            return $"This package uses {Hours(adding.Hours)}, more than the {Hours(HoursLeft(allowance, used))} left of the allowance " +
                   $"({Hours(allowance.Hours)} {(allowance.IsPartYear ? "for the part of the year from " + allowance.From.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture) : "a year")}).";
        }

        // Exactly: direct payment hours' share of the hours plus provider cost's share of the provider money, at most all of it.
        if (allowance.Hours <= 0
                ? after.ProviderMoney > 0
                : after.DirectPaymentHours * allowance.ProviderMoney + after.ProviderMoney * allowance.Hours > allowance.Hours * allowance.ProviderMoney)
        {
            return adding.ProviderMoney > 0
                ? $"This package costs {Money.FormatPence(adding.ProviderMoney)}, more than the {Money.FormatPence(ProviderMoneyLeft(allowance, used))} left of the allowance for services through providers."
                : $"The direct payment hours and the services through providers together come to more than the allowance: {Money.FormatPence(ProviderMoneyLeft(allowance, used))} is left for services through providers.";
        }

        return null;
    }

    /// <summary>Hours in words: "1 hour", "12.5 hours".</summary>
    public static string Hours(decimal hours) => hours == 1 ? "1 hour" : $"{hours.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)} hours";
}
