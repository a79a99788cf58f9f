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
        return Next(kind, months, why, inForceFrom, ehcPlanReviewDate);
    }

    /// <summary>
    /// The schedule of a child on Flexible Short Breaks with a package and no plan: reviewed once a year, counted from
    /// the first day of the packages in force (or the last review held), held with the EHC plan review when that comes first.
    /// </summary>
    /// <param name="from">The first day of the child's packages in force, or the day their last review was held.</param>
    /// <param name="ehcPlanReviewDate">The child's EHC plan review date, if they have one.</param>
    public static ReviewSchedule ForPackage(DateOnly from, DateOnly? ehcPlanReviewDate) =>
        Next(ReviewKind.Annual, MonthsInAYear, "Annual review of Flexible Short Breaks", from, ehcPlanReviewDate);

    /// <summary>
    /// The review after one held on <paramref name="heldOn"/> that kept the plan or package as it is: the same kind of
    /// review, counted from the day it was held.
    /// </summary>
    public static ReviewSchedule After(ReviewSettings reviews, ReviewKind kind, DateOnly heldOn, DateOnly? ehcPlanReviewDate)
    {
        var (months, why) = kind switch
        {
            ReviewKind.Section17_6 => (reviews.Section17_6ReviewMonths, "Overnights in a residential unit under section 17(6)"),
            ReviewKind.RasPackage => (reviews.RasPackageReviewMonths, "RAS package review"),
            _ => (MonthsInAYear, "Annual review"),
        };
        return Next(kind, months, why, heldOn, ehcPlanReviewDate);
    }

    /// <summary>What each kind of review is called on worklists and letters.</summary>
    public static string Name(ReviewKind kind) => kind switch
    {
        ReviewKind.Section17_6 => "Section 17(6) review",
        ReviewKind.RasPackage => "RAS package review",
        _ => "Annual review",
    };

    private static ReviewSchedule Next(ReviewKind kind, int months, string why, DateOnly from, DateOnly? ehcPlanReviewDate)
    {
        var due = from.AddMonths(months);
        var description = $"{why}: every {months} months";
        if (NextOnOrAfter(ehcPlanReviewDate, from) is { } ehc && ehc < due)
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
