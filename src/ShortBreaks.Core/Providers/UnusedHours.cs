namespace ShortBreaks.Core.Providers;

/// <summary>
/// What was done about a package's unused hours in its year: offered back to the family to rebook with the provider,
/// or released for other children. One row a package, holding where it stands now; each move is on the child's
/// timeline and in the audit. Offered hours stay committed to the child (the family may still use them); released
/// hours are no longer committed: the report counts them out of the package's committed money, so commissioning can
/// place them with other children. Released is final.
/// </summary>
public sealed class UnusedHoursDecision : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PackageId { get; set; }
    public Guid ChildId { get; set; }
    public Guid OrganisationId { get; set; }

    /// <summary>The first day of the allowance year of the package.</summary>
    public DateOnly YearStart { get; set; }

    public UnusedHoursState State { get; set; }

    /// <summary>Hours (as counted against the child's hours) and money unused on the day it was decided.</summary>
    public decimal Hours { get; set; }

    public decimal Money { get; set; }

    /// <summary>The UK day the figures were worked out on.</summary>
    public DateOnly AsOf { get; set; }

    public string Reason { get; set; } = "";
    public DateTime At { get; set; }
    public string? ByUserId { get; set; }
    public string ByName { get; set; } = "";
    public long Version { get; set; }
}

public enum UnusedHoursState
{
    /// <summary>Offered back to the family to rebook with the provider; still committed to the child.</summary>
    OfferedToFamily,

    /// <summary>Released for other children; no longer committed to this child's package.</summary>
    Released,
}

/// <summary>Amounts of each unit a package line is bought in.</summary>
public readonly record struct UnitAmounts(decimal Hours, decimal Nights, decimal Sessions)
{
    public static UnitAmounts Of(PriceUnit unit, decimal quantity) => unit switch
    {
        PriceUnit.Hour => new(quantity, 0, 0),
        PriceUnit.Night => new(0, quantity, 0),
        _ => new(0, 0, quantity),
    };

    public static UnitAmounts operator +(UnitAmounts a, UnitAmounts b) => new(a.Hours + b.Hours, a.Nights + b.Nights, a.Sessions + b.Sessions);

    /// <summary>"12 hours, 3 nights", leaving out units with nothing; "none" when all are nothing.</summary>
    public override string ToString()
    {
        var parts = new List<string>(3);
        if (Hours != 0) parts.Add($"{DeliveryRules.Amount(Hours)} {DeliveryRules.UnitName(PriceUnit.Hour, Hours)}");
        if (Nights != 0) parts.Add($"{DeliveryRules.Amount(Nights)} {DeliveryRules.UnitName(PriceUnit.Night, Nights)}");
        if (Sessions != 0) parts.Add($"{DeliveryRules.Amount(Sessions)} {DeliveryRules.UnitName(PriceUnit.Session, Sessions)}");
        return parts.Count == 0 ? "none" : string.Join(", ", parts);
    }
}

/// <summary>Agreed, agreed to date, delivered, unused and forecast of one line, one package or a total, in units and money.</summary>
public readonly record struct UnusedFigures(
    UnitAmounts Agreed, UnitAmounts AgreedSoFar, UnitAmounts Delivered, UnitAmounts Unused, UnitAmounts Forecast,
    decimal ChildHoursUnused, decimal AgreedMoney, decimal DeliveredMoney, decimal UnusedMoney, decimal ForecastMoney)
{
    public static UnusedFigures operator +(UnusedFigures a, UnusedFigures b) => new(
        a.Agreed + b.Agreed, a.AgreedSoFar + b.AgreedSoFar, a.Delivered + b.Delivered, a.Unused + b.Unused, a.Forecast + b.Forecast,
        a.ChildHoursUnused + b.ChildHoursUnused, a.AgreedMoney + b.AgreedMoney, a.DeliveredMoney + b.DeliveredMoney,
        a.UnusedMoney + b.UnusedMoney, a.ForecastMoney + b.ForecastMoney);
}

/// <summary>
/// The arithmetic of unused hours (pure). On UK day <c>asOf</c>, for one package line:
/// <list type="bullet">
/// <item>agreed: the line's units for the package (for a package ended with notice, what it bought up to its last day);</item>
/// <item>agreed so far: agreed pro rata to the days of the package run so far, <c>asOf</c> included (nothing before its
/// first day, all of it from its last day on), to the hundredth;</item>
/// <item>unused so far: agreed so far minus delivered, never below nothing (delivering ahead is not unused);</item>
/// <item>forecast for the year: delivered so far plus what is agreed from tomorrow to the package's end, never above
/// agreed. The rest of the package is assumed delivered as agreed, so the forecast unused is what is unused today
/// (hours not delivered by now are lost unless the family rebooks them). A run rate would forecast a package that
/// started slowly, or had a holiday gap, to stay behind all year, which is not how short breaks are booked.</item>
/// </list>
/// Money is each amount at the line's agreed unit price, to the penny. A month's return is late once the scheme's due
/// day (<see cref="ProviderSettings.ReturnDueDayOfMonth"/> of the month after) has passed with no return submitted.
/// </summary>
public static class UnusedHoursRules
{
    public const int ReasonMaxLength = 500;

    /// <summary>The units agreed on a line: all of them, or for a package ended with notice what it bought to its last day.</summary>
    public static decimal Agreed(PackageState state, DateOnly startsOn, DateOnly endsOn, decimal quantity, LineFrequency frequency, decimal totalUnits) =>
        state == PackageState.Ended && frequency != LineFrequency.Total
            ? Math.Min(totalUnits, AllowanceYears.TotalUnits(quantity, frequency, startsOn, endsOn))
            : totalUnits;

    /// <summary>The share of <paramref name="agreed"/> due by the end of UK day <paramref name="asOf"/>, pro rata to days.</summary>
    public static decimal AgreedSoFar(decimal agreed, DateOnly startsOn, DateOnly endsOn, DateOnly asOf)
    {
        if (asOf < startsOn) return 0;
        if (asOf >= endsOn) return agreed;
        var days = endsOn.DayNumber - startsOn.DayNumber + 1;
        var run = asOf.DayNumber - startsOn.DayNumber + 1;
        return Math.Round(agreed * run / days, 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>The figures of one line from what was agreed and what was delivered by <paramref name="asOf"/>.</summary>
    public static UnusedFigures Line(
        PriceUnit unit, decimal hoursEach, decimal unitPrice, decimal agreed, decimal delivered, DateOnly startsOn, DateOnly endsOn, DateOnly asOf)
    {
        var soFar = AgreedSoFar(agreed, startsOn, endsOn, asOf);
        var unused = Math.Max(0, soFar - delivered);
        var forecast = Math.Min(agreed, delivered + (agreed - soFar));
        return new UnusedFigures(
            UnitAmounts.Of(unit, agreed), UnitAmounts.Of(unit, soFar), UnitAmounts.Of(unit, delivered), UnitAmounts.Of(unit, unused),
            UnitAmounts.Of(unit, forecast), unused * hoursEach,
            Money(agreed * unitPrice), Money(delivered * unitPrice), Money(unused * unitPrice), Money(forecast * unitPrice));
    }

    /// <summary>
    /// The last month whose return is due before <paramref name="asOf"/>: every month up to it should have a submitted
    /// return by now. Null when none is due yet.
    /// </summary>
    public static DateOnly LastMonthDue(DateOnly asOf, ProviderSettings settings)
    {
        var month = DeliveryRules.MonthOf(asOf).AddMonths(-1);
        while (DeliveryRules.DueOn(month, settings) >= asOf) month = month.AddMonths(-1);
        return month;
    }

    /// <summary>Months of a package, from its first to the last that is due by <paramref name="asOf"/>, that should have a return.</summary>
    public static int MonthsDue(DateOnly startsOn, DateOnly endsOn, DateOnly asOf, ProviderSettings settings) =>
        MonthsDue(startsOn, endsOn, LastMonthDue(asOf, settings));

    /// <summary>Months of a package, from its first to <paramref name="last"/> (<see cref="LastMonthDue"/>), that should have a return.</summary>
    public static int MonthsDue(DateOnly startsOn, DateOnly endsOn, DateOnly last)
    {
        var first = DeliveryRules.MonthOf(startsOn);
        var end = DeliveryRules.MonthOf(endsOn) < last ? DeliveryRules.MonthOf(endsOn) : last;
        return end < first ? 0 : (end.Year - first.Year) * 12 + end.Month - first.Month + 1;
    }

    /// <summary>Problems with a decision on a package's unused hours, given where it stands now (null: nothing decided yet).</summary>
    public static List<FieldError> Check(UnusedHoursState? current, UnusedHoursState? to, string? reason, decimal unusedHours, decimal unusedMoney)
    {
        var errors = new List<FieldError>();
        if (to is not { } state || !Enum.IsDefined(state))
        {
            errors.Add(new("State", "Select whether to offer the hours back to the family or release them for others"));
        }
        else if (current == UnusedHoursState.Released)
        {
            errors.Add(new("State", "These hours are already released for others"));
        }
        else if (unusedHours <= 0 && unusedMoney <= 0)
        {
            errors.Add(new("State", "There are no unused hours on this package so far"));
        }

        var trimmed = reason?.Trim();
        if (string.IsNullOrEmpty(trimmed)) errors.Add(new("Reason", "Enter why"));
        else if (trimmed.Length > ReasonMaxLength) errors.Add(new("Reason", $"The reason must be {ReasonMaxLength} characters or fewer"));
        return errors;
    }

    public static string StateName(UnusedHoursState state) => state == UnusedHoursState.Released ? "Released for others" : "Offered back to the family";

    private static decimal Money(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
