namespace ShortBreaks.Core.Plans;

/// <summary>
/// The day a lower budget may apply: the one rule for plans, the notice letter and virtual budgets. Pure.
/// </summary>
public static class NoticeDates
{
    /// <summary>
    /// The first day a lower budget may apply when notice is given on <paramref name="noticeGiven"/>: the scheme's
    /// notice period later (<c>reviews.reductionNoticeMonths</c>), or <paramref name="notBefore"/> if that is later
    /// (a RAS version that starts after the notice has run).
    /// </summary>
    public static DateOnly LowerBudgetFrom(DateOnly noticeGiven, int noticeMonths, DateOnly? notBefore = null)
    {
        var from = noticeGiven.AddMonths(noticeMonths);
        return notBefore is { } start && start > from ? start : from;
    }

    /// <summary>
    /// When the panel does not uphold a reconsideration, the lower budget applies on the later of its notice date
    /// and the day the panel decided: the old package carries on while the council looks again.
    /// </summary>
    public static DateOnly AfterReconsideration(DateOnly noticeDate, DateOnly decidedOn) =>
        decidedOn > noticeDate ? decidedOn : noticeDate;
}
