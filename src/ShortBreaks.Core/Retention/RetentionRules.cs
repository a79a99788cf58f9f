namespace ShortBreaks.Core.Retention;

/// <summary>When a record's retention ends, by the scheme's <see cref="RetentionSettings"/>. Pure: no database.</summary>
public static class RetentionRules
{
    /// <summary>
    /// The threshold decisions whose evidence is kept only for <see cref="RetentionSettings.RefusedRequestEvidenceMonths"/>:
    /// those that gave the child no service from this team. That is signposting to universal services alone.
    /// Flexible Short Breaks approved is a service, so its evidence is part of the case. A referral to social care is
    /// not a refusal: the child's needs were found higher, and social care's assessment may rely on the same evidence.
    /// A safeguarding concern's evidence is part of the safeguarding record and is never erased early.
    /// </summary>
    public static readonly IReadOnlyList<DecisionOutcome> RefusedOutcomes = [DecisionOutcome.Universal];

    /// <summary>A month's key, "2026-12".</summary>
    public static string MonthKey(int year, int month) => $"{year:D4}-{month:D2}";

    public static string MonthKey(DateOnly day) => MonthKey(day.Year, day.Month);

    /// <summary>The month a key names (its first day), or null for anything else.</summary>
    public static DateOnly? MonthOf(string? key) =>
        key is { Length: 7 } && DateOnly.TryParseExact(key + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    /// <summary>Whether the month's scan is due on a UK day: on or after the scheme's day of the month.</summary>
    public static bool ScanDue(DateOnly today, RetentionSettings settings) => today.Day >= settings.ScanDayOfMonth;

    /// <summary>
    /// The same day <paramref name="months"/> months later. A day the later month does not have (29 February in a
    /// common year, 31 April) moves to the first of the next month: retention may end a day late, never early.
    /// </summary>
    public static DateOnly MonthsAfter(DateOnly day, int months)
    {
        var later = day.AddMonths(months);
        return later.Day == day.Day ? later : later.AddDays(1);
    }

    /// <summary>
    /// A birthday: a child born on 29 February has it on 1 March in a common year, as the law of England counts a
    /// birthday that year, and retention ends no earlier than that.
    /// </summary>
    public static DateOnly Birthday(DateOnly dateOfBirth, int years) => MonthsAfter(dateOfBirth, years * 12);

    /// <summary>
    /// When a closed case record's retention ends: the later of the birthday at the scheme's age and the scheme's years
    /// after closure. The rule says which of the two it was, with both dates.
    /// </summary>
    public static (DateOnly Ends, string Rule) CaseRecord(DateOnly dateOfBirth, DateOnly closedOn, RetentionSettings settings)
    {
        var birthday = Birthday(dateOfBirth, settings.CaseRecordUntilAgeYears);
        var afterClosure = MonthsAfter(closedOn, settings.CaseRecordYearsAfterClosure * 12);
        var years = settings.CaseRecordYearsAfterClosure;
        return afterClosure >= birthday
            ? (afterClosure, $"{years} {(years == 1 ? "year" : "years")} after the case closed, which is later than the {Ordinal(settings.CaseRecordUntilAgeYears)} birthday")
            : (birthday, $"the {Ordinal(settings.CaseRecordUntilAgeYears)} birthday, which is later than {years} {(years == 1 ? "year" : "years")} after the case closed");
    }

    /// <summary>When a refused request's evidence files' retention ends: the scheme's months after the decision.</summary>
    public static (DateOnly Ends, string Rule) RefusedEvidence(DateOnly decidedOn, RetentionSettings settings) =>
        (MonthsAfter(decidedOn, settings.RefusedRequestEvidenceMonths),
            $"{settings.RefusedRequestEvidenceMonths} {(settings.RefusedRequestEvidenceMonths == 1 ? "month" : "months")} after the request was refused");

    /// <summary>
    /// When a month's audit entries' retention ends: the scheme's years after the month's last day, so a month is
    /// proposed whole, once every entry in it has passed.
    /// </summary>
    public static (DateOnly Ends, string Rule) AuditMonth(DateOnly month, RetentionSettings settings)
    {
        var lastDay = new DateOnly(month.Year, month.Month, 1).AddMonths(1).AddDays(-1);
        return (MonthsAfter(lastDay, settings.AuditYears * 12).AddDays(1), $"{settings.AuditYears} {(settings.AuditYears == 1 ? "year" : "years")} after the month's entries were written");
    }

    /// <summary>Whether retention has ended by <paramref name="today"/>.</summary>
    public static bool Past(DateOnly ends, DateOnly today) => today >= ends;

    /// <summary>The earliest UTC moment of a month whose audit may still be kept: entries before it are past.</summary>
    public static DateOnly OldestAuditMonthKept(DateOnly today, RetentionSettings settings)
    {
        // Step back from this month until a month is not yet past; every month before it is.
        var month = new DateOnly(today.Year, today.Month, 1).AddYears(-settings.AuditYears);
        while (Past(AuditMonth(month, settings).Ends, today)) month = month.AddMonths(1);
        return month;
    }

    private static string Ordinal(int n) => n + ((n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" });
}
