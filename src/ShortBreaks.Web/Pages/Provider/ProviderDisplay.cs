using ShortBreaks.Core.Providers;

namespace ShortBreaks.Web.Pages.Provider;

/// <summary>How the provider framework's states read on a page, for providers and for commissioning alike.</summary>
public static class ProviderDisplay
{
    public static string Status(FrameworkStatus status) => status switch
    {
        FrameworkStatus.Registered => "Registered, not yet applied",
        FrameworkStatus.Applied => "Applied, waiting for a decision",
        FrameworkStatus.MoreInformationAsked => "More information asked for",
        FrameworkStatus.Approved => "Approved",
        FrameworkStatus.Refused => "Refused",
        FrameworkStatus.Suspended => "Suspended",
        FrameworkStatus.Removed => "Removed",
        _ => status.ToString(),
    };

    public static string Date(DateOnly? day) => Staff.StaffDisplay.Date(day);

    public static string Date(DateTime? utc) => Staff.StaffDisplay.Date(utc);

    public static string When(DateTime? utc) => Staff.StaffDisplay.When(utc);

    /// <summary>"6 hours", "1 night", "2.5 hours".</summary>
    public static string Units(decimal quantity, PriceUnit unit) => $"{DeliveryRules.Amount(quantity)} {DeliveryRules.UnitName(unit, quantity)}";

    public static string Frequency(decimal quantity, PriceUnit unit, LineFrequency frequency) => frequency switch
    {
        LineFrequency.Weekly => $"{Units(quantity, unit)} a week",
        LineFrequency.Monthly => $"{Units(quantity, unit)} a month",
        _ => $"{Units(quantity, unit)} in all",
    };

    public static string PackageState(PackageState state) => state switch
    {
        Core.Providers.PackageState.Sent => "Waiting for your answer",
        Core.Providers.PackageState.Accepted => "Agreed",
        Core.Providers.PackageState.Ended => "Ended",
        Core.Providers.PackageState.Changed => "Replaced by a change",
        Core.Providers.PackageState.Declined => "Declined",
        _ => "Draft",
    };
}
