namespace ShortBreaks.Core.LocalOffer;

/// <summary>How the directory says a service's ages, times and costs to families (pure).</summary>
public static class DirectoryWording
{
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    public static string Ages(int? minimum, int? maximum) => (minimum, maximum) switch
    {
        (null, null) => "Any age",
        ({ } min, null) => $"{min} and over",
        (null, { } max) => $"Up to {max}",
        ({ } min, { } max) when min == max => $"{min} only",
        ({ } min, { } max) => $"{min} to {max}",
    };

    /// <summary>"Mondays and Wednesdays, 9:30am to 3pm"; "Every 2 weeks on Saturdays"; "On the 1st and 15th of each month".</summary>
    public static string Schedule(ServiceSchedule schedule)
    {
        var days = schedule.Days.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(DirectoryFilter.DayCodes.Contains).OrderBy(d => DirectoryFilter.DayCodes.ToList().IndexOf(d)).Select(d => DirectoryFilter.DayName(d) + "s").ToList();
        string when;
        if (schedule.Frequency == ScheduleFrequency.Monthly && !string.IsNullOrWhiteSpace(schedule.DaysOfMonth))
        {
            var dates = schedule.DaysOfMonth.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Ordinal).ToList();
            when = $"On the {Join(dates)} of {(schedule.Interval > 1 ? $"every {schedule.Interval} months" : "each month")}";
        }
        else if (days.Count > 0)
        {
            when = schedule.Interval > 1 ? $"Every {schedule.Interval} {(schedule.Frequency == ScheduleFrequency.Monthly ? "months" : "weeks")} on {Join(days)}" : Join(days);
        }
        else
        {
            when = schedule.Frequency == ScheduleFrequency.Monthly ? "Monthly" : "Weekly";
        }

        if (schedule.OpensAt is { } opens && schedule.ClosesAt is { } closes) when += $", {Time(opens)} to {Time(closes)}";
        else if (schedule.OpensAt is { } from) when += $", from {Time(from)}";
        if (schedule.ValidFrom is { } validFrom && schedule.ValidTo is { } validTo)
            when += $" ({validFrom.ToString("d MMMM yyyy", Uk)} to {validTo.ToString("d MMMM yyyy", Uk)})";
        if (!string.IsNullOrWhiteSpace(schedule.Description)) when += $". {schedule.Description}";
        return when;
    }

    /// <summary>"£16.50 an hour", "£95 a night", "£30 a session (a 3-hour club)".</summary>
    public static string Price(ServicePrice price)
    {
        var amount = price.Amount == Math.Floor(price.Amount) ? price.Amount.ToString("£#,0", Uk) : price.Amount.ToString("£#,0.00", Uk);
        var unit = price.Unit switch
        {
            PriceUnit.Hour => "an hour",
            PriceUnit.Night => "a night",
            _ => "a session",
        };
        return string.IsNullOrWhiteSpace(price.Description) ? $"{amount} {unit}" : $"{amount} {unit} ({price.Description})";
    }

    /// <summary>"0.4 miles", "1 mile", "12 miles".</summary>
    public static string Miles(double miles) => miles < 10
        ? $"{Math.Round(miles, 1).ToString("0.#", CultureInfo.InvariantCulture)} {(Math.Round(miles, 1) == 1 ? "mile" : "miles")}"
        : $"{Math.Round(miles).ToString("0", CultureInfo.InvariantCulture)} miles";

    private static string Time(TimeOnly time) =>
        (time.Minute == 0 ? time.ToString("%h", CultureInfo.InvariantCulture) : time.ToString("h:mm", CultureInfo.InvariantCulture)) + (time.Hour < 12 ? "am" : "pm");

    private static string Ordinal(string day) => int.TryParse(day, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
        ? n + ((n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" })
        : day;

    private static string Join(IReadOnlyList<string> parts) => parts.Count switch
    {
        0 => "",
        1 => parts[0],
        _ => string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[^1],
    };
}
