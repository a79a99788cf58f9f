namespace ShortBreaks.Core.Calendar;

/// <summary>
/// The council's calendar: England's days, which begin and end at midnight in London, not at midnight UTC. From the
/// last Sunday in March to the last Sunday in October a quarter past midnight is still the previous day in UTC, so a
/// date taken from a UTC instant would make a letter's dispute date, an audit's due date or a notice's end a day early.
/// Every "today" and every "the day this happened" in the service is a UK day from here.
/// </summary>
public static class UkCalendar
{
    /// <summary>London's time zone (by its Windows name where the IANA one is missing); UTC only on a machine without time zone data.</summary>
    public static readonly TimeZoneInfo Zone = FindZone();

    private static readonly CultureInfo UkCulture = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The UK day a moment falls on (a quarter past midnight in summer is already the next day).</summary>
    public static DateOnly DateOf(DateTime utc) => DateOnly.FromDateTime(LocalTime(utc));

    /// <summary>The wall-clock time in the UK at a moment, for showing to people.</summary>
    public static DateTime LocalTime(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>Today in the UK by the given clock.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOf(clock.GetUtcNow().UtcDateTime);

    /// <summary>"3 March 2026": the UK day of a moment, as letters and pages write a day.</summary>
    public static string Day(DateTime utc) => DateOf(utc).ToString("d MMMM yyyy", UkCulture);

    public static string Day(DateTime? utc) => utc is { } moment ? Day(moment) : "";

    /// <summary>"3 March 2026 at 2:15pm" in UK time, as the GOV.UK style guide writes times.</summary>
    public static string When(DateTime utc)
    {
        var local = LocalTime(utc);
        var time = local.Minute == 0 ? local.ToString("%h", UkCulture) : local.ToString("h:mm", UkCulture);
        return $"{local.ToString("d MMMM yyyy", UkCulture)} at {time}{(local.Hour < 12 ? "am" : "pm")}";
    }

    public static string When(DateTime? utc) => utc is { } moment ? When(moment) : "";

    /// <summary>The moment a UK day starts, in UTC.</summary>
    public static DateTime DayStartUtc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Zone);

    private static TimeZoneInfo FindZone()
    {
        foreach (var id in new[] { "Europe/London", "GMT Standard Time" })
        {
            if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)) return zone;
        }

        return TimeZoneInfo.Utc;
    }
}
