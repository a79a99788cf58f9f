namespace ShortBreaks.Web.Pages.Staff;

/// <summary>How staff pages write dates, times, channels and states, so every page says them the same way.</summary>
public static class StaffDisplay
{
    private static readonly CultureInfo UkCulture = CultureInfo.GetCultureInfo("en-GB");

    // Times are stored in UTC; staff read them in UK time (with summer time).

    public static string Date(DateOnly? day) => day?.ToString("d MMMM yyyy", UkCulture) ?? "Not given";

    public static string Date(DateTime? utc) => UkCalendar.Day(utc);

    /// <summary>"3 March 2026 at 2:15pm", as the GOV.UK style guide writes times.</summary>
    public static string When(DateTime? utc) => UkCalendar.When(utc);

    public static string Channel(RequestChannel channel) => channel switch
    {
        RequestChannel.Online => "Online",
        RequestChannel.DutyPoint => "Phone",
        _ => channel.ToString(),
    };

    public static string Status(RequestStatus status) => status switch
    {
        RequestStatus.Draft => "Draft, not sent",
        RequestStatus.Submitted => "Awaiting decision",
        RequestStatus.Decided => "Decided",
        RequestStatus.RoutedToMash => "Sent to the MASH",
        RequestStatus.Withdrawn => "Withdrawn",
        _ => status.ToString(),
    };

    public static (string Text, string CssClass) WaitingTag(WaitingState state) => state switch
    {
        WaitingState.Overdue => ("Overdue", "govuk-tag--red"),
        WaitingState.DueSoon => ("Due soon", "govuk-tag--yellow"),
        _ => ("Within target", "govuk-tag--green"),
    };

    public static string Waited(WaitingTime waiting) =>
        $"Waited {waiting.WorkingDaysWaited} of {waiting.TargetWorkingDays} working days";

    public static (string Text, string CssClass) CriterionTag(CriterionOutcome outcome) => outcome switch
    {
        CriterionOutcome.Met => ("Met", "govuk-tag--green"),
        CriterionOutcome.NotMet => ("Not met", "govuk-tag--red"),
        _ => ("Check needed", "govuk-tag--yellow"),
    };

    public static string YesNo(bool? value) => value switch
    {
        true => "Yes",
        false => "No",
        null => "Not answered",
    };

    /// <summary>Parses an enum from a query string or form by its name only: numbers and unknown names are refused.</summary>
    public static T? ParseName<T>(string? text) where T : struct, Enum =>
        !string.IsNullOrWhiteSpace(text) && Enum.GetNames<T>().FirstOrDefault(n => string.Equals(n, text.Trim(), StringComparison.OrdinalIgnoreCase)) is { } name
            ? Enum.Parse<T>(name)
            : null;
}
