using ShortBreaks.Core.Retention;

namespace ShortBreaks.Web.Pages.Staff.Retention;

/// <summary>How the retention pages describe an item: what it is and why it is past its retention.</summary>
public static class RetentionDisplay
{
    public static string What(RetentionItem item) => item.Kind switch
    {
        RetentionItemKind.CaseRecord => "Child's case record",
        RetentionItemKind.RequestEvidence => item.Count == 1 ? "1 evidence file of a refused request" : $"{item.Count} evidence files of a refused request",
        _ => $"{item.Count} audit {(item.Count == 1 ? "entry" : "entries")} of {MonthName(item.Reference)}",
    };

    public static string Why(RetentionItem item)
    {
        var from = item.Kind switch
        {
            RetentionItemKind.CaseRecord => $"Case closed on {StaffDisplay.Date(item.From)}",
            RetentionItemKind.RequestEvidence => $"Request refused on {StaffDisplay.Date(item.From)}",
            _ => $"Last written on {StaffDisplay.Date(item.From)}",
        };
        return $"{from}. Kept until {StaffDisplay.Date(item.RetentionEnds)}: {item.Rule}.";
    }

    public static string Status(RetentionItem item) => item.Status switch
    {
        RetentionItemStatus.Erased => $"Erased on {StaffDisplay.Date(item.DecidedAt)} on the confirmation of {item.DecidedByName}",
        RetentionItemStatus.Kept when item.ReleasedAt is { } released => $"Kept by {item.DecidedByName} ({item.Reason}); released on {StaffDisplay.Date(released)} by {item.ReleasedByName}",
        RetentionItemStatus.Kept => $"Kept by {item.DecidedByName} {(item.KeepUntil is { } until ? $"until {StaffDisplay.Date(until)}" : "until released")}: {item.Reason}",
        RetentionItemStatus.NoLongerDue => $"Not erased ({StaffDisplay.Date(item.DecidedAt)}): {item.Reason}",
        _ => "Waiting for a manager",
    };

    public static string MonthName(string key) =>
        RetentionRules.MonthOf(key) is { } month ? month.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")) : key;
}
