namespace ShortBreaks.Core.SubjectAccess;

/// <summary>
/// When a subject access request must be answered. The UK GDPR gives one calendar month from the day of receipt: a
/// request received on 3 March is due on 3 April, and when the next month has no such day the answer is due on its
/// last day (received 31 January, due 28 February, or 29 February in a leap year). Days are UK days.
/// </summary>
public static class SubjectAccessDates
{
    private static readonly TimeZoneInfo UkTime = FindUkTime();

    public static DateOnly DueOn(DateOnly receivedOn, SubjectAccessSettings settings) =>
        receivedOn.AddMonths(settings.ResponseMonths);

    /// <summary>The UK day an instant falls on: just after midnight in summer is already the next day.</summary>
    public static DateOnly UkDay(DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), UkTime));

    /// <summary>Overdue once the due day has passed in the UK without the answer being released.</summary>
    public static bool IsOverdue(DateOnly dueOn, DateTime nowUtc) => UkDay(nowUtc) > dueOn;

    private static readonly CultureInfo UkCulture = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>"3 March 2026", as the archive and the pages write a day.</summary>
    public static string Date(DateOnly day) => day.ToString("d MMMM yyyy", UkCulture);

    public static string Date(DateTime utc) => Date(UkDay(utc));

    /// <summary>"3 March 2026 at 2:15pm" in UK time, as the GOV.UK style guide writes times.</summary>
    public static string When(DateTime utc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), UkTime);
        var time = local.Minute == 0 ? local.ToString("%h", UkCulture) : local.ToString("h:mm", UkCulture);
        return $"{local.ToString("d MMMM yyyy", UkCulture)} at {time}{(local.Hour < 12 ? "am" : "pm")}";
    }

    private static TimeZoneInfo FindUkTime()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.FindSystemTimeZoneById("GMT Standard Time");
        }
    }
}
