namespace ShortBreaks.Web.Infrastructure;

/// <summary>
/// A date the pages ask for in day, month and year boxes (shown by the govuk-date-input tag helper). The boxes are named
/// <c>{Id}-day</c>, <c>{Id}-month</c> and <c>{Id}-year</c>; an error is keyed by the first box it concerns,
/// so the error summary links straight to it.
/// </summary>
public sealed record DateInput(string Id, string Legend, string? Day, string? Month, string? Year)
{
    public const string DayPart = "day";
    public const string MonthPart = "month";
    public const string YearPart = "year";

    public static readonly IReadOnlyList<string> AllParts = [DayPart, MonthPart, YearPart];

    public string? Hint { get; init; }
    public string? Error { get; init; }

    /// <summary>The boxes to show in red: only the ones at fault, or all three when the whole date is wrong.</summary>
    public IReadOnlyList<string> ErrorParts { get; init; } = [];

    public bool LegendIsPageHeading { get; init; }

    /// <summary>The caption above the heading, when the legend is the page's heading.</summary>
    public string? Caption { get; init; }

    public static string Key(string id, string part) => $"{id}-{part}";

    public static (string? Day, string? Month, string? Year) Split(DateOnly? date) =>
        date is { } d
            ? (d.Day.ToString(CultureInfo.InvariantCulture), d.Month.ToString(CultureInfo.InvariantCulture), d.Year.ToString(CultureInfo.InvariantCulture))
            : (null, null, null);

    /// <summary>
    /// Reads what was typed in the three boxes. All empty is no date and no error (the question's own rule says
    /// it is needed); anything else is a real date or a GOV.UK message such as "Date of birth must include a month".
    /// </summary>
    public static DateReading Read(string label, string? day, string? month, string? year)
    {
        day = day?.Trim();
        month = month?.Trim();
        year = year?.Trim();
        var given = new[] { (DayPart, day), (MonthPart, month), (YearPart, year) };
        var missing = given.Where(p => string.IsNullOrEmpty(p.Item2)).Select(p => p.Item1).ToList();
        if (missing.Count == 3) return new DateReading(null, null, []);
        if (missing.Count > 0)
        {
            return new DateReading(null, $"{label} must include a {string.Join(" and ", missing)}", missing);
        }

        var d = Number(day!);
        var m = Number(month!);
        var y = Number(year!);
        var badParts = new List<string>();
        if (d is null or < 1 or > 31) badParts.Add(DayPart);
        if (m is null or < 1 or > 12) badParts.Add(MonthPart);
        if (y is null) badParts.Add(YearPart);
        if (badParts.Count > 0) return new DateReading(null, $"{label} must be a real date", badParts);

        if (year!.Length != 4) return new DateReading(null, "Year must include 4 numbers", [YearPart]);
        if (y < 1900 || d > DateTime.DaysInMonth(y!.Value, m!.Value))
        {
            return new DateReading(null, $"{label} must be a real date", y < 1900 ? [YearPart] : [DayPart]);
        }

        return new DateReading(new DateOnly(y!.Value, m!.Value, d!.Value), null, []);
    }

    private static int? Number(string text) =>
        text.Length <= 4 && text.All(char.IsAsciiDigit) ? int.Parse(text, CultureInfo.InvariantCulture) : null;
}

/// <summary>A date as read from the three boxes: the date, or the error and the boxes it concerns.</summary>
public sealed record DateReading(DateOnly? Date, string? Error, IReadOnlyList<string> ErrorParts);
