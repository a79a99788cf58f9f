namespace ShortBreaks.Core.DirectPayments;

/// <summary>
/// What a direct payment account's balance means under the scheme's <see cref="DirectPaymentSettings"/> (pure): weeks of
/// payments held, whether it holds a surplus, what recoupment recovers, and when monitoring returns and audits are due.
/// A week of payments is the amount a year over the weeks a year is paid for (<c>plans.weeksPerYear</c>, 52 by default).
/// </summary>
public static class DirectPaymentBalances
{
    /// <summary>A week's payments, to the penny (halves up).</summary>
    public static decimal WeeklyAmount(decimal annualAmount, decimal weeksPerYear) =>
        weeksPerYear <= 0 ? 0 : Math.Round(annualAmount / weeksPerYear, 2, MidpointRounding.AwayFromZero);

    /// <summary>
    /// The balance as weeks of payments, rounded down to a tenth of a week (so an account is never shown as holding less
    /// than it does); null when the account has no payments to measure against.
    /// </summary>
    public static decimal? WeeksHeld(decimal balance, decimal annualAmount, decimal weeksPerYear)
    {
        if (annualAmount <= 0 || weeksPerYear <= 0) return null;
        var weeks = balance * weeksPerYear / annualAmount;
        return Math.Floor(weeks * 10) / 10;
    }

    /// <summary>The balance above which an account holds a surplus: the threshold's weeks of payments, to the penny.</summary>
    public static decimal SurplusThreshold(decimal annualAmount, decimal weeksPerYear, DirectPaymentSettings settings) =>
        Weeks(annualAmount, weeksPerYear, settings.SurplusThresholdWeeks);

    /// <summary>Whether the balance is more than <see cref="SurplusThreshold"/>.</summary>
    public static bool HoldsSurplus(decimal balance, decimal annualAmount, decimal weeksPerYear, DirectPaymentSettings settings) =>
        balance > SurplusThreshold(annualAmount, weeksPerYear, settings);

    /// <summary>What the family may keep: the contingency's weeks of payments, to the penny.</summary>
    public static decimal Contingency(decimal annualAmount, decimal weeksPerYear, DirectPaymentSettings settings) =>
        Weeks(annualAmount, weeksPerYear, settings.ContingencyWeeks);

    /// <summary>
    /// What recoupment recovers from a balance while the direct payment goes on: the balance above the contingency, or
    /// nothing. When the package has ended there is no contingency: pass an <paramref name="annualAmount"/> of 0 and the
    /// whole unspent balance is recovered.
    /// </summary>
    public static decimal Recoverable(decimal balance, decimal annualAmount, decimal weeksPerYear, DirectPaymentSettings settings) =>
        Math.Max(0, balance - Contingency(annualAmount, weeksPerYear, settings));

    /// <summary>The day a monitoring return is due for the period that began on <paramref name="periodStart"/>: the scheme's months later.</summary>
    public static DateOnly ReturnDue(DateOnly periodStart, DirectPaymentSettings settings) => periodStart.AddMonths(settings.MonitoringReturnMonths);

    /// <summary>The day an account's next audit is due: the scheme's interval after the last audit, or after the first payment when never audited.</summary>
    public static DateOnly AuditDue(DateOnly lastAuditedOrStarted, DirectPaymentSettings settings) => lastAuditedOrStarted.AddMonths(settings.AuditIntervalMonths);

    /// <summary>The last day a family may dispute a recoupment letter dated <paramref name="letterDate"/>.</summary>
    public static DateOnly DisputeBy(DateOnly letterDate, DirectPaymentSettings settings) => letterDate.AddDays(settings.RecoveryDisputeDays);

    private static decimal Weeks(decimal annualAmount, decimal weeksPerYear, int weeks) =>
        annualAmount <= 0 || weeksPerYear <= 0 ? 0 : Math.Round(annualAmount * weeks / weeksPerYear, 2, MidpointRounding.AwayFromZero);
}
