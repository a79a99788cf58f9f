using ShortBreaks.Core.DirectPayments;

namespace ShortBreaks.Web.Pages.Finance.DirectPayments;

/// <summary>How monitoring figures are written on the finance and family pages.</summary>
public static class MonitoringDisplay
{
    public static string Weeks(decimal? weeks) => weeks is { } w ? w.ToString("0.#", CultureInfo.InvariantCulture) + (w == 1 ? " week" : " weeks") : "No payments to measure against";

    public static string Source(BalanceSource source) => source switch
    {
        BalanceSource.Statement => "from the latest statement",
        BalanceSource.PaymentsLessReturns => "payments made less spending returned",
        _ => "payments made: no statement or return yet",
    };

    public static string Standing(AuditStanding standing) => standing switch
    {
        AuditStanding.Overdue => "Overdue",
        AuditStanding.Due => "Due this month",
        _ => "Not yet due",
    };

    public static string StandingClass(AuditStanding standing) => standing switch
    {
        AuditStanding.Overdue => "govuk-tag--red",
        AuditStanding.Due => "govuk-tag--yellow",
        _ => "govuk-tag--grey",
    };

    public static string State(DirectPaymentState state) => state switch
    {
        DirectPaymentState.Active => "Being paid",
        DirectPaymentState.Ended => "Ended",
        _ => "Awaiting agreement",
    };
}
