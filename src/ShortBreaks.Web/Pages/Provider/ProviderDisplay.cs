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

    /// <summary>"1 April 2027": a day as people read it.</summary>
    public static string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>A UTC moment as a UK day.</summary>
    public static string Day(DateTime utc) => Day(UkCalendar.DateOf(utc));

    public static string Decision(FrameworkDecision decision) => FrameworkRules.Describe(decision);

    public static string Unit(PriceUnit unit) => unit switch
    {
        PriceUnit.Hour => "an hour",
        PriceUnit.Night => "a night",
        _ => "a session",
    };

    public static string Price(ServicePrice price) =>
        $"{Money.FormatPence(price.Amount)} {Unit(price.Unit)}" + (price.Unit == PriceUnit.Session && price.HoursEach is { } h ? $" ({h:0.##} hours)" : "");

    public static string LivePackages(LivePackagesOutcome outcome) => outcome switch
    {
        LivePackagesOutcome.Continue => "Agreed packages carry on to their end; no new packages",
        LivePackagesOutcome.EndWithNotice => "Agreed packages end with the scheme's notice",
        _ => "Packages end today (for a safeguarding concern)",
    };

    public static string Regulator(Regulator regulator) => OrganisationRules.RegulatorName(regulator);

    public static string Insurance(InsuranceKind kind) => OrganisationRules.InsuranceName(kind) switch
    {
        var name => char.ToUpperInvariant(name[0]) + name[1..],
    };

    public static string Days(string days) =>
        string.Join(", ", days.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(DayName));

    public static string DayName(string code) => code switch
    {
        "MO" => "Monday",
        "TU" => "Tuesday",
        "WE" => "Wednesday",
        "TH" => "Thursday",
        "FR" => "Friday",
        "SA" => "Saturday",
        "SU" => "Sunday",
        _ => code,
    };
}
