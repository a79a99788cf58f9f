namespace ShortBreaks.Core.DirectPayments;

/// <summary>Where an account's balance comes from.</summary>
public enum BalanceSource
{
    /// <summary>No statement and no return yet: nothing is known beyond what was paid.</summary>
    PaymentsOnly,

    /// <summary>What was paid less what the family's returns say they spent (and any recovered by invoice).</summary>
    PaymentsLessReturns,

    /// <summary>The latest imported statement line's balance: what the bank or card provider says.</summary>
    Statement,
}

/// <summary>Something about an account a finance officer should look at.</summary>
public enum MonitoringFlag
{
    /// <summary>It holds more than the scheme's surplus threshold in weeks of payments.</summary>
    Surplus,

    /// <summary>A statement line is marked as spending outside the plan.</summary>
    SpendingOutsidePlan,

    /// <summary>A monitoring return's day has passed without one.</summary>
    ReturnOverdue,
}

/// <summary>What is known of an account's money, for <see cref="AccountMonitoring.Assess"/>.</summary>
/// <param name="Paid">Every payment made into it, in pounds.</param>
/// <param name="SpentInReturns">What the family's returns say they spent.</param>
/// <param name="RecoveredByInvoice">What recoupments asked the family to pay back by invoice.</param>
/// <param name="LatestStatementBalance">The balance on the latest statement line, if a statement has been imported.</param>
/// <param name="LinesOutsidePlan">Statement lines marked as spending outside the plan.</param>
/// <param name="AnnualAmount">The direct payment's amount a year in force.</param>
/// <param name="ReturnDue">The day the next monitoring return is due.</param>
public sealed record AccountMoney(decimal Paid, decimal SpentInReturns, decimal RecoveredByInvoice, decimal? LatestStatementBalance,
    int LinesOutsidePlan, decimal AnnualAmount, DateOnly ReturnDue, bool AnyReturn);

/// <summary>An account's balance in money and weeks, its threshold, what recoupment would recover, and its flags.</summary>
public sealed record AccountAssessment(decimal Balance, BalanceSource Source, decimal? WeeksHeld, decimal SurplusThreshold, decimal Contingency,
    decimal Recoverable, IReadOnlyList<MonitoringFlag> Flags);

/// <summary>
/// The monitoring rules for a direct payment account (pure), over <see cref="DirectPaymentBalances"/> and the scheme's
/// <see cref="DirectPaymentSettings"/>. The balance held is the latest statement's when there is one (the bank's word is
/// better than anyone's sums); otherwise payments made less what the family's returns say they spent and anything
/// recovered by invoice. An ended direct payment keeps no contingency: everything unspent is recoverable.
/// </summary>
public static class AccountMonitoring
{
    public static AccountAssessment Assess(AccountMoney money, bool ended, DateOnly today, decimal weeksPerYear, DirectPaymentSettings settings)
    {
        var (balance, source) = money.LatestStatementBalance is { } statement
            ? (statement, BalanceSource.Statement)
            : (money.Paid - money.SpentInReturns - money.RecoveredByInvoice, money.AnyReturn ? BalanceSource.PaymentsLessReturns : BalanceSource.PaymentsOnly);
        var annual = ended ? 0 : money.AnnualAmount;
        var flags = new List<MonitoringFlag>();
        if (!ended && DirectPaymentBalances.HoldsSurplus(balance, money.AnnualAmount, weeksPerYear, settings)) flags.Add(MonitoringFlag.Surplus);
        if (money.LinesOutsidePlan > 0) flags.Add(MonitoringFlag.SpendingOutsidePlan);
        if (!ended && money.ReturnDue < today) flags.Add(MonitoringFlag.ReturnOverdue);
        return new AccountAssessment(
            balance, source,
            DirectPaymentBalances.WeeksHeld(balance, money.AnnualAmount, weeksPerYear),
            DirectPaymentBalances.SurplusThreshold(money.AnnualAmount, weeksPerYear, settings),
            DirectPaymentBalances.Contingency(annual, weeksPerYear, settings),
            DirectPaymentBalances.Recoverable(balance, annual, weeksPerYear, settings),
            flags);
    }

    /// <summary>
    /// The period the next monitoring return covers: from the day after the last return's period (or the direct
    /// payment's start) for the scheme's months; it is due on the day after the period ends.
    /// </summary>
    public static (DateOnly From, DateOnly To, DateOnly Due) NextReturn(DateOnly startsOn, DateOnly? lastReturnTo, DirectPaymentSettings settings)
    {
        var from = lastReturnTo is { } last ? last.AddDays(1) : startsOn;
        var due = DirectPaymentBalances.ReturnDue(from, settings);
        return (from, due.AddDays(-1), due);
    }

    /// <summary>How an account stands for audit: overdue (its day has passed), due (falls in this calendar month), or not yet due.</summary>
    public static AuditStanding AuditStandingOn(DateOnly due, DateOnly today) =>
        due < today ? AuditStanding.Overdue
        : due.Year == today.Year && due.Month == today.Month ? AuditStanding.Due
        : AuditStanding.NotYetDue;

    public static string FlagText(MonitoringFlag flag) => flag switch
    {
        MonitoringFlag.Surplus => "Holds a surplus",
        MonitoringFlag.SpendingOutsidePlan => "Spending outside the plan",
        _ => "Return overdue",
    };

    public static string OutcomeText(AccountAuditOutcome outcome) => outcome switch
    {
        AccountAuditOutcome.Satisfactory => "Satisfactory",
        AccountAuditOutcome.SurplusToRecover => "Surplus to recover",
        _ => "Action needed",
    };
}

/// <summary>Where an account stands in the audit worklist.</summary>
public enum AuditStanding
{
    Overdue,
    Due,
    NotYetDue,
}
