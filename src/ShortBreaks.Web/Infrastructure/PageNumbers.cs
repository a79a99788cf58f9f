namespace ShortBreaks.Web.Infrastructure;

/// <summary>Which page numbers a GOV.UK pagination shows.</summary>
public static class PageNumbers
{
    /// <summary>
    /// The first, the last, and those either side of the current one, with null where a gap is shown as an ellipsis.
    /// </summary>
    public static IReadOnlyList<int?> Around(int current, int count)
    {
        var shown = new SortedSet<int> { 1, count, current, current - 1, current + 1 };
        shown.RemoveWhere(n => n < 1 || n > count);
        var numbers = new List<int?>();
        var previous = 0;
        foreach (var n in shown)
        {
            if (n - previous > 1) numbers.Add(null);
            numbers.Add(n);
            previous = n;
        }

        return numbers;
    }
}
