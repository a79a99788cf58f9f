using System.Globalization;
using System.Text;
using ShortBreaks.Core.Notifications;

namespace ShortBreaks.Core.Providers;

/// <summary>The words of the emails about packages: to a provider's users, and to the child's officer.</summary>
public static class PackageEmails
{
    /// <summary>To the organisation's users: a service agreement is waiting for them to accept or decline.</summary>
    public static Email AgreementSent(Package package, string childName, CouncilSettings council, string publicBaseUrl) => new(
        $"A service agreement to accept: {childName}",
        $"{council.Name} has sent you a service agreement for {childName}.\n\n{Summary(package)}\n" +
        $"Accept or decline it, with your reasons, here: {publicBaseUrl.TrimEnd('/')}/provider/agreements/{package.Id}\n\n{council.ServiceName}\n{council.Name}");

    /// <summary>To the organisation's users: an agreement was replaced or ended by the council.</summary>
    public static Email AgreementChanged(Package package, string childName, string what, string reason, CouncilSettings council, string publicBaseUrl) => new(
        $"A service agreement has {what}: {childName}",
        $"The service agreement for {childName} has {what}.\n\nReason: {reason}\n\n{Summary(package)}\n" +
        $"See it here: {publicBaseUrl.TrimEnd('/')}/provider/agreements/{package.Id}\n\n{council.ServiceName}\n{council.Name}");

    /// <summary>To the child's officer: the provider declined (broker again) or ended an agreement.</summary>
    public static Email ProviderAnswered(Package package, string childName, string childReference, string organisationName, string what, string reason, CouncilSettings council, string publicBaseUrl) => new(
        $"{organisationName} {what} the package for {childName} ({childReference})",
        $"{organisationName} {what} the package for {childName} ({childReference}).\n\nTheir reason: {reason}\n\n{Summary(package)}\n" +
        (what == "declined" ? "Broker the package again" : "See the child's packages") +
        $": {publicBaseUrl.TrimEnd('/')}/staff/children/{package.ChildId}/packages\n\n{council.ServiceName}");

    /// <summary>What, how much, how often, from and to, and the price, as lines of text.</summary>
    public static string Summary(Package package)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"From {Day(package.StartsOn)} to {Day(package.EndsOn)}.\n");
        foreach (var line in package.Lines)
        {
            text.Append(CultureInfo.InvariantCulture, $"- {line.ServiceName}: {PackageDisplay.Amount(line)}, {Money.FormatPence(line.UnitPrice)} a {PackageDisplay.UnitName(line.Unit)}, {Money.FormatPence(PackageDisplay.Cost(line))} in all\n");
        }

        return text.ToString();
    }

    private static string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}

/// <summary>How a package's parts read, in emails, the agreement and pages alike.</summary>
public static class PackageDisplay
{
    public static string UnitName(PriceUnit unit, bool plural = false) => (unit, plural) switch
    {
        (PriceUnit.Hour, false) => "hour",
        (PriceUnit.Hour, true) => "hours",
        (PriceUnit.Night, false) => "night",
        (PriceUnit.Night, true) => "nights",
        (PriceUnit.Session, false) => "session",
        _ => "sessions",
    };

    public static string Frequency(LineFrequency frequency) => frequency switch
    {
        LineFrequency.Weekly => "a week",
        LineFrequency.Monthly => "a month",
        _ => "in all",
    };

    /// <summary>"3 hours a week (120 hours in all)".</summary>
    public static string Amount(PackageLine line)
    {
        var each = $"{Number(line.Quantity)} {UnitName(line.Unit, line.Quantity != 1)} {Frequency(line.Frequency)}";
        return line.Frequency == LineFrequency.Total ? each : $"{each} ({Number(line.TotalUnits)} {UnitName(line.Unit, line.TotalUnits != 1)} in all)";
    }

    public static decimal Cost(PackageLine line) => Math.Round(line.TotalUnits * line.UnitPrice, 2, MidpointRounding.AwayFromZero);

    public static decimal Cost(Package package) =>
        package.Route == PackageRoute.DirectPayment ? package.DirectPaymentAmount ?? 0 : package.Lines.Sum(Cost);

    public static string State(PackageState state) => state switch
    {
        PackageState.Draft => "To broker",
        PackageState.Sent => "Sent to the provider",
        PackageState.Accepted => "Agreed",
        PackageState.Declined => "Declined",
        PackageState.Changed => "Replaced",
        _ => "Ended",
    };

    public static string Actor(PackageActor actor) => actor switch
    {
        PackageActor.Officer => "officer",
        PackageActor.Family => "family",
        PackageActor.Provider => "provider",
        _ => "commissioning",
    };

    public static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
