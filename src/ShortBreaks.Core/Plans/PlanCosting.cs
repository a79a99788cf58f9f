namespace ShortBreaks.Core.Plans;

/// <summary>The kind of support a plan line buys.</summary>
public enum SupportType
{
    /// <summary>Hours of day care or a day short break.</summary>
    DayCareHours,

    /// <summary>Hours of a personal assistant the family employs.</summary>
    PersonalAssistantHours,

    /// <summary>A night of care in the child's own home.</summary>
    NightAtHome,

    /// <summary>A night in a residential short break unit.</summary>
    ResidentialNight,

    /// <summary>A night at a residential college.</summary>
    CollegeNight,

    /// <summary>A session of an activity, club or scheme.</summary>
    Activity,

    /// <summary>A trip or holiday.</summary>
    Trip,
}

public enum PaymentRoute
{
    DirectPayment,
    CommissionedFromProvider,
    ManagedByCouncil,
}

public enum SupportFrequency
{
    PerWeek,
    PerMonth,
    PerYear,

    /// <summary>A single purchase in the plan's period, such as one trip.</summary>
    Once,
}

/// <summary>
/// One line of support: what, how much and how often, at what unit cost, paid how. The same support at different
/// rates (weekday and weekend hours) is two lines, each with its rate named.
/// </summary>
public sealed record SupportLine
{
    public required string Description { get; init; }
    public required SupportType Type { get; init; }
    public required decimal Quantity { get; init; }
    public required SupportFrequency Frequency { get; init; }
    public required decimal UnitCost { get; init; }
    public required PaymentRoute Route { get; init; }

    /// <summary>The rate's name when the same support has several, for example "weekend".</summary>
    public string? RateName { get; init; }

    /// <summary>The provider or person who gives the support, when known.</summary>
    public string? ProvidedBy { get; init; }

    /// <summary>The approved provider, when the support is commissioned from one.</summary>
    public Guid? ProviderId { get; init; }
}

/// <summary>A regular cost on top of the support, per month: payroll, employer's insurance.</summary>
public sealed record OnCost
{
    public required string Description { get; init; }
    public required decimal MonthlyAmount { get; init; }
    public required PaymentRoute Route { get; init; }
}

/// <summary>The conventions the costing follows, from the scheme.</summary>
public sealed record CostingRules
{
    /// <summary>Weeks a weekly line is paid for in a year (52 unless the council says otherwise).</summary>
    public decimal WeeksPerYear { get; init; } = 52m;

    /// <summary>Hourly rates outside these are flagged (the tier's range in the scheme).</summary>
    public decimal? HourlyRateMinimum { get; init; }
    public decimal? HourlyRateMaximum { get; init; }

    /// <summary>The most hours a year the tier reckons on; more is flagged.</summary>
    public int? MaximumHoursPerYear { get; init; }

    /// <summary>The most a night may cost by kind; more is flagged.</summary>
    public decimal? ResidentialNightMaximum { get; init; }
    public decimal? NightAtHomeMaximum { get; init; }
    public decimal? CollegeNightMaximum { get; init; }
}

public sealed record CostedLine(SupportLine Line, decimal UnitsPerYear, decimal AnnualCost, decimal PeriodCost);

public sealed record CostedOnCost(OnCost OnCost, decimal AnnualCost, decimal PeriodCost);

/// <summary>
/// A plan's cost: each line a year and over the plan's period (a part year is costed pro rata by days), the
/// totals by how they are paid, and against the indicative budget. Every figure is rounded to the penny once, per
/// line; totals are sums of the rounded lines, so the costing always adds up.
/// </summary>
/// <param name="PeriodDays">Days in the period, both ends included.</param>
/// <param name="YearDays">Days in the year that starts on the period's first day (365 or 366).</param>
/// <param name="Warnings">Things a manager or panel should look at: rates outside the scheme's range, more hours than the tier reckons on.</param>
public sealed record PlanCost(
    IReadOnlyList<CostedLine> Lines, IReadOnlyList<CostedOnCost> OnCosts,
    DateOnly PeriodStart, DateOnly PeriodEnd, int PeriodDays, int YearDays,
    decimal AnnualTotal, decimal PeriodTotal, IReadOnlyDictionary<PaymentRoute, decimal> AnnualByRoute,
    decimal HoursPerYear, decimal NightsPerYear, decimal? IndicativeBudget, IReadOnlyList<string> Warnings)
{
    /// <summary>Positive when the plan costs more a year than the indicative budget.</summary>
    public decimal? AboveIndicativeBudget => IndicativeBudget is { } budget ? AnnualTotal - budget : null;
}

public static class PlanCosting
{
    public const decimal MaxQuantity = 10_000m;
    public const decimal MaxUnitCost = 100_000m;
    public const int MaxLines = 200;

    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Problems that stop a costing, in plain English, one per line at fault.</summary>
    public static IReadOnlyList<string> Check(IReadOnlyList<SupportLine> lines, IReadOnlyList<OnCost> onCosts, DateOnly start, DateOnly end)
    {
        var errors = new List<string>();
        if (end < start) errors.Add("The plan must end on or after the day it starts.");
        else if (end > start.AddYears(3)) errors.Add("A plan can run for at most three years: review it before then.");
        if (lines.Count > MaxLines) errors.Add($"A plan can have at most {MaxLines} lines of support.");
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var name = string.IsNullOrWhiteSpace(line.Description) ? $"Line {i + 1}" : $"Line {i + 1} ({line.Description})";
            if (string.IsNullOrWhiteSpace(line.Description)) errors.Add($"Line {i + 1}: describe the support.");
            if (line.Quantity <= 0 || line.Quantity > MaxQuantity) errors.Add($"{name}: the quantity must be more than 0 and at most {MaxQuantity:N0}.");
            else if (decimal.Round(line.Quantity, 2) != line.Quantity) errors.Add($"{name}: the quantity can have at most two decimal places.");
            if (line.UnitCost < 0 || line.UnitCost > MaxUnitCost) errors.Add($"{name}: the unit cost must be between £0 and £{MaxUnitCost:N0}.");
            else if (decimal.Round(line.UnitCost, 2) != line.UnitCost) errors.Add($"{name}: the unit cost must be in pounds and pence.");
            if (!Enum.IsDefined(line.Type) || !Enum.IsDefined(line.Frequency) || !Enum.IsDefined(line.Route)) errors.Add($"{name}: choose the kind of support, how often and how it is paid.");
        }

        for (var i = 0; i < onCosts.Count; i++)
        {
            var onCost = onCosts[i];
            if (string.IsNullOrWhiteSpace(onCost.Description)) errors.Add($"On-cost {i + 1}: describe it, for example payroll or insurance.");
            if (onCost.MonthlyAmount < 0 || onCost.MonthlyAmount > MaxUnitCost || decimal.Round(onCost.MonthlyAmount, 2) != onCost.MonthlyAmount)
                errors.Add($"On-cost {i + 1}: the amount a month must be in pounds and pence, from £0 to £{MaxUnitCost:N0}.");
        }

        return errors;
    }

    /// <summary>Costs a plan. Throws <see cref="ArgumentException"/> when <see cref="Check"/> finds problems.</summary>
    public static PlanCost Cost(IReadOnlyList<SupportLine> lines, IReadOnlyList<OnCost> onCosts, DateOnly start, DateOnly end, CostingRules rules, decimal? indicativeBudget = null)
    {
        var errors = Check(lines, onCosts, start, end);
        if (errors.Count > 0) throw new ArgumentException(string.Join(" ", errors));

        var periodDays = end.DayNumber - start.DayNumber + 1;
        var yearDays = start.AddYears(1).DayNumber - start.DayNumber;

        var costed = new List<CostedLine>(lines.Count);
        foreach (var line in lines)
        {
            var unitsPerYear = line.Frequency switch
            {
                SupportFrequency.PerWeek => line.Quantity * rules.WeeksPerYear,
                SupportFrequency.PerMonth => line.Quantity * 12m,
                _ => line.Quantity,
            };
            var annual = Pence(unitsPerYear * line.UnitCost);
            var period = line.Frequency == SupportFrequency.Once ? annual : ProRata(unitsPerYear * line.UnitCost, periodDays, yearDays);
            costed.Add(new CostedLine(line, unitsPerYear, annual, period));
        }

        var costedOnCosts = onCosts.Select(o => new CostedOnCost(o, Pence(o.MonthlyAmount * 12m), ProRata(o.MonthlyAmount * 12m, periodDays, yearDays))).ToList();

        var byRoute = Enum.GetValues<PaymentRoute>().ToDictionary(r => r, r =>
            costed.Where(c => c.Line.Route == r).Sum(c => c.AnnualCost) + costedOnCosts.Where(c => c.OnCost.Route == r).Sum(c => c.AnnualCost));
        var hours = costed.Where(c => c.Line.Type is SupportType.DayCareHours or SupportType.PersonalAssistantHours).Sum(c => c.UnitsPerYear);
        var nights = costed.Where(c => c.Line.Type is SupportType.NightAtHome or SupportType.ResidentialNight or SupportType.CollegeNight).Sum(c => c.UnitsPerYear);

        return new PlanCost(
            Lines: costed,
            OnCosts: costedOnCosts,
            PeriodStart: start,
            PeriodEnd: end,
            PeriodDays: periodDays,
            YearDays: yearDays,
            AnnualTotal: costed.Sum(c => c.AnnualCost) + costedOnCosts.Sum(c => c.AnnualCost),
            PeriodTotal: costed.Sum(c => c.PeriodCost) + costedOnCosts.Sum(c => c.PeriodCost),
            AnnualByRoute: byRoute,
            HoursPerYear: hours,
            NightsPerYear: nights,
            IndicativeBudget: indicativeBudget,
            Warnings: Warnings(costed, hours, rules));
    }

    private static List<string> Warnings(List<CostedLine> lines, decimal hours, CostingRules rules)
    {
        var warnings = new List<string>();
        foreach (var (line, _, _, _) in lines)
        {
            var name = line.RateName is null ? line.Description : $"{line.Description} ({line.RateName})";
            if (line.Type is SupportType.DayCareHours or SupportType.PersonalAssistantHours)
            {
                if (line.UnitCost < rules.HourlyRateMinimum)
                    warnings.Add($"{name}: {Core.Money.FormatPence(line.UnitCost)} an hour is below the scheme's least hourly rate of {Core.Money.FormatPence(rules.HourlyRateMinimum.Value)}.");
                if (line.UnitCost > rules.HourlyRateMaximum)
                    warnings.Add($"{name}: {Core.Money.FormatPence(line.UnitCost)} an hour is above the scheme's highest hourly rate of {Core.Money.FormatPence(rules.HourlyRateMaximum.Value)}.");
            }

            var nightMaximum = line.Type switch
            {
                SupportType.ResidentialNight => rules.ResidentialNightMaximum,
                SupportType.NightAtHome => rules.NightAtHomeMaximum,
                SupportType.CollegeNight => rules.CollegeNightMaximum,
                _ => null,
            };
            if (line.UnitCost > nightMaximum)
                warnings.Add($"{name}: {Core.Money.FormatPence(line.UnitCost)} a night is above the scheme's {Core.Money.FormatPence(nightMaximum.Value)}.");
        }

        if (hours > rules.MaximumHoursPerYear)
            warnings.Add($"The plan has {hours.ToString("0.##", EnGb)} hours a year, more than the {rules.MaximumHoursPerYear} the tier reckons on.");
        return warnings;
    }

    /// <summary>An annual figure for a period of days: a whole year gives the annual figure exactly.</summary>
    private static decimal ProRata(decimal annual, int periodDays, int yearDays) => Pence(annual * periodDays / yearDays);

    /// <summary>To the penny, half a penny up.</summary>
    public static decimal Pence(decimal amount) => decimal.Round(amount, 2, MidpointRounding.AwayFromZero);
}
