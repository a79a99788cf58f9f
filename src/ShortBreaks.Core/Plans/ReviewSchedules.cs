namespace ShortBreaks.Core.Plans;

public enum ReviewKind
{
    /// <summary>Overnights in a residential unit under section 17(6), fewer a year than the scheme's limit.</summary>
    Section17_6,

    /// <summary>A package whose budget comes from the RAS.</summary>
    RasPackage,

    /// <summary>Any other plan: reviewed once a year.</summary>
    Annual,
}

/// <summary>When a plan is next reviewed, on which schedule, and why, in a sentence.</summary>
public sealed record ReviewSchedule(ReviewKind Kind, int EveryMonths, DateOnly NextDue, string Description);

/// <summary>
/// The review schedule of the plan in force (pure): residential overnights under section 17(6) and RAS packages
/// are reviewed on the scheme's shorter intervals, other plans once a year; a review falls on the child's EHC plan
/// review date when that comes first, so the annual review and the EHC plan review are held together.
/// </summary>
public static class ReviewSchedules
{
    private const int MonthsInAYear = 12;

    /// <param name="reviews">The scheme's review intervals.</param>
    /// <param name="section17_6MaximumNightsPerYear">The scheme's limit of residential nights a year under section 17(6).</param>
    /// <param name="residentialNightsPerYear">Nights a year in a residential unit in the plan in force.</param>
    /// <param name="rasPackage">Whether the plan's budget comes from a RAS assessment.</param>
    /// <param name="inForceFrom">The day the plan came (or comes) into force: the schedule counts from it.</param>
    /// <param name="ehcPlanReviewDate">The child's EHC plan review date, if they have one.</param>
    public static ReviewSchedule For(ReviewSettings reviews, int section17_6MaximumNightsPerYear, decimal residentialNightsPerYear,
        bool rasPackage, DateOnly inForceFrom, DateOnly? ehcPlanReviewDate)
    {
        var (kind, months, why) = residentialNightsPerYear > 0 && residentialNightsPerYear < section17_6MaximumNightsPerYear
            ? (ReviewKind.Section17_6, reviews.Section17_6ReviewMonths, "Overnights in a residential unit under section 17(6)")
            : rasPackage
                ? (ReviewKind.RasPackage, reviews.RasPackageReviewMonths, "RAS package review")
                : (ReviewKind.Annual, MonthsInAYear, "Annual review");
        var due = inForceFrom.AddMonths(months);
        var description = $"{why}: every {months} months";
        if (NextOnOrAfter(ehcPlanReviewDate, inForceFrom) is { } ehc && ehc < due)
        {
            due = ehc;
            description += ", with the annual review held with the EHC plan review";
        }

        return new ReviewSchedule(kind, months, due, description);
    }

    /// <summary>The first anniversary of <paramref name="date"/> on or after <paramref name="from"/>.</summary>
    private static DateOnly? NextOnOrAfter(DateOnly? date, DateOnly from)
    {
        if (date is not { } day) return null;
        while (day < from) day = day.AddYears(1);
        return day;
    }
}
