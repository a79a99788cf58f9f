using ShortBreaks.Core.Providers;

namespace ShortBreaks.Web.Pages.Packages;

/// <summary>
/// The form that builds, brokers or changes a package, as typed: shared by the officer's and the family's pages. Its
/// fields are named as <see cref="PackageRequest"/>'s problems are ("Route", "ServiceId", "Quantity", "Frequency",
/// "DirectPaymentHours", "StartsOn", "EndsOn"), so each problem shows by its field; what was typed comes back as typed.
/// </summary>
public sealed class PackageForm
{
    public string? Route { get; set; }
    public Guid? ServiceId { get; set; }
    public string? Quantity { get; set; }
    public string? Frequency { get; set; }
    public string? DirectPaymentHours { get; set; }
    public DateBoxes StartsOn { get; set; } = new();
    public DateBoxes EndsOn { get; set; } = new();

    public static readonly IReadOnlyList<(LineFrequency Value, string Text)> Frequencies =
        [(LineFrequency.Weekly, "Each week"), (LineFrequency.Monthly, "Each month"), (LineFrequency.Total, "In all, for the whole package")];

    /// <summary>The form for a new package, starting today and running to the end of the year.</summary>
    public static PackageForm Starting(DateOnly today) => new() { StartsOn = DateBoxes.Of(today), Frequency = nameof(LineFrequency.Weekly) };

    /// <summary>The form filled from a package, to change it from today.</summary>
    public static PackageForm From(Package package, DateOnly today)
    {
        var line = package.Lines.FirstOrDefault();
        return new PackageForm
        {
            Route = package.Route.ToString(),
            ServiceId = line?.ServiceId,
            Quantity = line is null ? null : PackageDisplay.Number(line.Quantity),
            Frequency = (line?.Frequency ?? LineFrequency.Weekly).ToString(),
            DirectPaymentHours = package.DirectPaymentHours is { } hours ? PackageDisplay.Number(hours) : null,
            StartsOn = DateBoxes.Of(package.StartsOn > today ? package.StartsOn : today),
            EndsOn = DateBoxes.Of(package.EndsOn),
        };
    }

    /// <summary>
    /// The request the service checks, and the problems of what cannot be read at all (a date that is not one, a
    /// number that is not a number), keyed as the page shows them.
    /// </summary>
    public (PackageRequest Request, List<FieldError> Errors) Read()
    {
        var errors = new List<FieldError>();
        PackageRoute? route = Enum.TryParse<PackageRoute>(Route, out var r) && Enum.IsDefined(r) && Route == r.ToString() ? r : null;
        if (!string.IsNullOrEmpty(Route) && route is null) errors.Add(new("Route", "Choose a service from the menu or a direct payment"));
        var (startsOn, startError) = StartsOn.Read("StartsOn", "The start date");
        var (endsOn, endError) = EndsOn.Read("EndsOn", "The last day");
        if (startError is not null) errors.Add(startError);
        if (endError is not null) errors.Add(endError);

        decimal? quantity = null, hours = null;
        if (route == PackageRoute.Provider && !string.IsNullOrWhiteSpace(Quantity))
        {
            quantity = Number(Quantity);
            if (quantity is null) errors.Add(new("Quantity", "Enter the number as digits, like 3 or 2.5"));
        }

        if (route == PackageRoute.DirectPayment && !string.IsNullOrWhiteSpace(DirectPaymentHours))
        {
            hours = Number(DirectPaymentHours);
            if (hours is null) errors.Add(new("DirectPaymentHours", "Enter the hours as digits, like 20 or 12.5"));
        }

        LineFrequency? frequency = Enum.TryParse<LineFrequency>(Frequency, out var f) && Frequency == f.ToString() ? f : null;
        var request = new PackageRequest
        {
            Route = route,
            StartsOn = startsOn,
            EndsOn = endsOn,
            DirectPaymentHours = hours,
            Lines = route == PackageRoute.Provider && ServiceId is not null ? [new PackageLineRequest(ServiceId, quantity, frequency)] : [],
        };
        return (request, errors);
    }

    /// <summary>The service's problems keyed as the page shows them: a date's by its day box, with all three boxes marked.</summary>
    public List<FieldError> Keyed(IEnumerable<FieldError> errors) => EndsOn.KeyRuleErrors(StartsOn.KeyRuleErrors(errors, "StartsOn"), "EndsOn");

    private static decimal? Number(string text) =>
        decimal.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value < 1_000_000m ? value : null;
}

/// <summary>What the form's partial needs: the form as typed, the menu, the page (for its errors) and the choices open.</summary>
/// <param name="DirectPaymentRate">The scheme's direct payment amount an hour, in words; null when a direct payment is not open (a plan's provider line).</param>
public sealed record PackageFormView(PackageForm Form, IReadOnlyList<MenuItem> Menu, GovukPageModel Page, string? DirectPaymentRate);

/// <summary>What the year's partial needs: the year, and the address of each package's own page (none for a family).</summary>
public sealed record PackageYearView(PackageYear Year, Func<Package, string>? PackageLink);

/// <summary>How packages' dates and states read on the pages (UK days).</summary>
public static class PackagePage
{
    private static readonly CultureInfo UkCulture = CultureInfo.GetCultureInfo("en-GB");

    public static string Day(DateOnly day) => day.ToString("d MMMM yyyy", UkCulture);

    public static string Range(DateOnly from, DateOnly to) => $"{Day(from)} to {Day(to)}";

    public static string TagClass(PackageState state) => state switch
    {
        PackageState.Draft => "govuk-tag--yellow",
        PackageState.Sent => "govuk-tag--blue",
        PackageState.Accepted => "govuk-tag--green",
        PackageState.Declined => "govuk-tag--red",
        _ => "govuk-tag--grey",
    };

    /// <summary>The scheme's direct payment amount an hour, in words ("£9.38").</summary>
    public static string DirectPaymentRate(Scheme scheme)
    {
        var fsb = scheme.Tiers.FlexibleShortBreaks;
        return Money.FormatExact(fsb.HoursPerYear <= 0 ? 0 : fsb.DirectPaymentPerYear / fsb.HoursPerYear);
    }

    /// <summary>A move in words: "Sent to the provider by Amira Hughes (officer), 3 December 2026".</summary>
    public static string Move(PackageStateChange change) =>
        $"{PackageDisplay.State(change.To)} by {change.ByName} ({PackageDisplay.Actor(change.By)})";
}

/// <summary>A page with the form that ends a package with notice (the officer's and the provider's): its fields and errors.</summary>
public interface IPackageEndForm
{
    DateBoxes LastDay { get; }
    string? EndReason { get; }
    DateOnly EarliestEnd { get; }
    string? ErrorFor(string field);
}
