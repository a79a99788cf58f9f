namespace ShortBreaks.Core.SubjectAccess;

/// <summary>
/// When a subject access request must be answered. The UK GDPR gives one calendar month from the day of receipt: a
/// request received on 3 March is due on 3 April, and when the next month has no such day the answer is due on its
/// last day (received 31 January, due 28 February, or 29 February in a leap year). Days are UK days.
/// </summary>
public static class SubjectAccessDates
{
    public static DateOnly DueOn(DateOnly receivedOn, SubjectAccessSettings settings) =>
        receivedOn.AddMonths(settings.ResponseMonths);

    /// <summary>Overdue once the due day has passed in the UK without the answer being released.</summary>
    public static bool IsOverdue(DateOnly dueOn, DateTime nowUtc) => UkCalendar.DateOf(nowUtc) > dueOn;

    private static readonly CultureInfo UkCulture = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>"3 March 2026", as the archive and the pages write a day.</summary>
    public static string Date(DateOnly day) => day.ToString("d MMMM yyyy", UkCulture);

    public static string Date(DateTime utc) => UkCalendar.Day(utc);

    /// <summary>"3 March 2026 at 2:15pm" in UK time, as the GOV.UK style guide writes times.</summary>
    public static string When(DateTime utc) => UkCalendar.When(utc);
}
