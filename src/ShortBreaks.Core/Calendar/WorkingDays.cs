namespace ShortBreaks.Core.Calendar;

/// <summary>Working days in England: Monday to Friday, less bank holidays.</summary>
public sealed class WorkingDays(IEnumerable<DateOnly> bankHolidays)
{
    private readonly HashSet<DateOnly> _holidays = [.. bankHolidays];

    public bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(day);

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/> (0 when to is not later).</summary>
    public int Between(DateOnly from, DateOnly to)
    {
        if (to <= from) return 0;

        // Whole weeks at once keep this fast for long waits; holidays are then taken off one by one.
        var totalDays = to.DayNumber - from.DayNumber;
        var weeks = totalDays / 7;
        var count = weeks * 5;
        for (var d = from.AddDays(weeks * 7 + 1); d <= to; d = d.AddDays(1))
        {
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) count++;
        }

        foreach (var h in _holidays)
        {
            if (h > from && h <= to && h.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) count--;
        }

        return count;
    }

    /// <summary>The day that is <paramref name="workingDays"/> working days after <paramref name="from"/>.</summary>
    public DateOnly Add(DateOnly from, int workingDays)
    {
        var day = from;
        var added = 0;
        while (added < workingDays)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day)) added++;
        }

        return day;
    }

    /// <summary>The day that is <paramref name="workingDays"/> working days before <paramref name="day"/>.</summary>
    public DateOnly Before(DateOnly day, int workingDays)
    {
        var added = 0;
        while (added < workingDays)
        {
            day = day.AddDays(-1);
            if (IsWorkingDay(day)) added++;
        }

        return day;
    }

    public static WorkingDays LoadFrom(string file)
    {
        using var stream = File.OpenRead(file);
        var doc = JsonSerializer.Deserialize<BankHolidayFile>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))
                  ?? throw new InvalidDataException($"{file} is empty.");
        return new WorkingDays(doc.Dates);
    }

    private sealed record BankHolidayFile(string Region, List<DateOnly> Dates);
}
