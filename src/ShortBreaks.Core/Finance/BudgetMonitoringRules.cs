using ShortBreaks.Core.Ras.VirtualBudgets;
using ShortBreaks.Core.Schemes;

namespace ShortBreaks.Core.Finance;

/// <summary>An amount of one kind accounted to a budget head in a month (the month's first day).</summary>
public sealed record BudgetAmount(string Head, DateOnly Month, decimal Amount);

/// <summary>
/// One budget head in one month of a financial year: what was paid, what recoupment recovered, what is still committed,
/// in pounds and pence, and the month's share of the head's budget when finance set one. Spent is paid less recovered;
/// the forecast outturn is spent plus committed.
/// </summary>
public sealed record BudgetCell(string Head, DateOnly Month, decimal Paid, decimal Recovered, decimal Committed, decimal? Budget = null)
{
    public decimal Spent => Paid - Recovered;

    public decimal Outturn => Spent + Committed;

    /// <summary>The month's share of the head's budget less the forecast outturn: positive is under budget, negative over.</summary>
    public decimal? Variance => Budget - Outturn;
}

/// <summary>The figures of a row or a total of the report: paid, recovered, spent, committed and forecast outturn.</summary>
public sealed record BudgetFigures(decimal Paid, decimal Recovered, decimal Committed)
{
    public static readonly BudgetFigures Zero = new(0m, 0m, 0m);

    public decimal Spent => Paid - Recovered;

    public decimal Outturn => Spent + Committed;

    public static BudgetFigures Sum(IEnumerable<BudgetCell> cells)
    {
        decimal paid = 0, recovered = 0, committed = 0;
        foreach (var c in cells)
        {
            paid += c.Paid;
            recovered += c.Recovered;
            committed += c.Committed;
        }

        return new(paid, recovered, committed);
    }
}

/// <summary>A budget head's row: its figures for the whole year, and its budget for the year when finance set one.</summary>
public sealed record BudgetHeadRow(BudgetHead Head, BudgetFigures Figures, decimal? Budget = null)
{
    /// <summary>The head's budget less its forecast outturn: positive is under budget, negative over.</summary>
    public decimal? Variance => Budget - Figures.Outturn;
}

/// <summary>A month's row: the month's share of the service budget (its profile), the figures of every head, and the variance.</summary>
public sealed record BudgetMonthRow(DateOnly Month, decimal? Profile, BudgetFigures Figures)
{
    /// <summary>The profile less the forecast outturn: positive is under budget, negative over.</summary>
    public decimal? Variance => Profile - Figures.Outturn;
}

/// <summary>
/// Budget monitoring for a financial year: by budget head and by month, what was paid, recovered, spent and is still
/// committed, the forecast outturn, and the service budget with the variance. Every amount is in whole pence and every
/// total is the sum of the rows under it.
/// </summary>
public sealed record BudgetMonitoringReport
{
    /// <summary>The calendar year the financial year starts in (1 April).</summary>
    public required int FinancialYear { get; init; }

    /// <summary>The day the figures are as of: payments made by then are spent, the rest committed.</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary>The service budget finance set for the year, when it has been set.</summary>
    public required decimal? ServiceBudget { get; init; }

    public required IReadOnlyList<BudgetHead> Heads { get; init; }

    /// <summary>Every head in every month of the year, in the heads' order then month order.</summary>
    public required IReadOnlyList<BudgetCell> Cells { get; init; }

    public required IReadOnlyList<BudgetHeadRow> ByHead { get; init; }

    public required IReadOnlyList<BudgetMonthRow> ByMonth { get; init; }

    public required BudgetFigures Total { get; init; }

    /// <summary>The service budget less the forecast outturn: positive is under budget, negative over.</summary>
    public decimal? Variance => ServiceBudget - Total.Outturn;

    /// <summary>The budgets finance set for the heads, added up; null when none is set.</summary>
    public decimal? HeadBudgetsTotal => ByHead.Any(h => h.Budget is not null) ? ByHead.Sum(h => h.Budget ?? 0m) : null;

    /// <summary>The service budget not given to any head (negative when the heads' budgets add up to more); null unless both are set.</summary>
    public decimal? NotGivenToAHead => ServiceBudget - HeadBudgetsTotal;

    public DateOnly Start => FinancialYears.Start(FinancialYear);

    public DateOnly End => FinancialYears.Start(FinancialYear + 1).AddDays(-1);
}

/// <summary>
/// The arithmetic of budget monitoring, in one place and free of the database: the months of a financial year, the
/// service budget's monthly profile, spreading a cost evenly over the days it covers, and adding amounts up into a
/// report whose cells are rounded to the penny once (halves away from zero) and whose totals are sums of those cells, so
/// everything reconciles to the penny.
/// </summary>
public static class BudgetMonitoringRules
{
    /// <summary>The earliest and latest financial years the report is made for, around <paramref name="today"/>'s.</summary>
    public static (int Earliest, int Latest) YearsAround(DateOnly today)
    {
        var current = FinancialYears.Of(today);
        return (current - 10, current + 1);
    }

    /// <summary>The first day of each of the financial year's twelve months, April to March.</summary>
    public static IReadOnlyList<DateOnly> Months(int financialYear)
    {
        var start = FinancialYears.Start(financialYear);
        return Enumerable.Range(0, 12).Select(start.AddMonths).ToList();
    }

    /// <summary>The first day of <paramref name="day"/>'s month.</summary>
    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    /// <summary>
    /// The service budget spread evenly over the twelve months in whole pence: each month a twelfth rounded down to the
    /// penny, and March takes what is left, so the twelve add up to the budget exactly.
    /// </summary>
    public static IReadOnlyList<decimal> Profile(decimal budget)
    {
        var month = decimal.Floor(budget * 100m / 12m) / 100m;
        var months = Enumerable.Repeat(month, 11).ToList();
        months.Add(budget - (month * 11));
        return months;
    }

    /// <summary>
    /// A cost spread evenly over the days <paramref name="from"/> to <paramref name="to"/> (inclusive), and the part of it
    /// for the days between <paramref name="countFrom"/> and <paramref name="countTo"/>, by month, unrounded (the report
    /// rounds each cell once). Nothing when the days do not meet.
    /// </summary>
    public static IEnumerable<(DateOnly Month, decimal Amount)> Spread(decimal cost, DateOnly from, DateOnly to, DateOnly countFrom, DateOnly countTo)
    {
        if (to < from) yield break;
        var days = to.DayNumber - from.DayNumber + 1m;
        var first = from > countFrom ? from : countFrom;
        var last = to < countTo ? to : countTo;
        var monthStart = MonthOf(first);
        while (monthStart <= last)
        {
            var monthEnd = monthStart.AddMonths(1).AddDays(-1);
            var a = first > monthStart ? first : monthStart;
            var b = last < monthEnd ? last : monthEnd;
            if (b >= a) yield return (monthStart, cost * (b.DayNumber - a.DayNumber + 1) / days);
            monthStart = monthStart.AddMonths(1);
        }
    }

    /// <summary>
    /// Adds the amounts up into the report: a cell for every head and month (heads configured first in their order, then
    /// any other head code a payment was accounted to, so nothing paid is lost), each rounded to the penny once; the rows
    /// and the total are sums of the cells. Amounts for months outside the year are left out.
    /// </summary>
    public static BudgetMonitoringReport Build(int financialYear, DateOnly asOf, decimal? serviceBudget, IReadOnlyList<BudgetHead> heads,
        IEnumerable<BudgetAmount> paid, IEnumerable<BudgetAmount> recovered, IEnumerable<BudgetAmount> committed,
        IReadOnlyDictionary<string, decimal>? headBudgets = null)
    {
        headBudgets ??= new Dictionary<string, decimal>();
        var months = Months(financialYear);
        var monthIndex = months.Select((m, i) => (m, i)).ToDictionary(x => x.m, x => x.i);
        var allHeads = heads.ToList();
        var sums = new Dictionary<string, decimal[,]>(StringComparer.Ordinal);

        void Add(IEnumerable<BudgetAmount> amounts, int kind)
        {
            foreach (var a in amounts)
            {
                if (!monthIndex.TryGetValue(MonthOf(a.Month), out var m)) continue;
                if (!sums.TryGetValue(a.Head, out var cells))
                {
                    cells = new decimal[12, 3];
                    sums[a.Head] = cells;
                    if (!allHeads.Any(h => h.Code == a.Head)) allHeads.Add(new BudgetHead(a.Head, "Not a budget head now"));
                }

                cells[m, kind] += a.Amount;
            }
        }

        Add(paid, 0);
        Add(recovered, 1);
        Add(committed, 2);

        // A head with a budget but nothing paid or committed this year (nor configured now) is still shown against it.
        foreach (var code in headBudgets.Keys.Order(StringComparer.Ordinal))
        {
            if (!allHeads.Any(h => h.Code == code)) allHeads.Add(new BudgetHead(code, "Not a budget head now"));
        }

        var cellList = new List<BudgetCell>(allHeads.Count * 12);
        foreach (var head in allHeads)
        {
            sums.TryGetValue(head.Code, out var s);
            var headProfile = headBudgets.TryGetValue(head.Code, out var headBudget) ? Profile(headBudget) : null;
            for (var m = 0; m < 12; m++)
            {
                cellList.Add(s is null
                    ? new BudgetCell(head.Code, months[m], 0m, 0m, 0m, headProfile?[m])
                    : new BudgetCell(head.Code, months[m], Penny(s[m, 0]), Penny(s[m, 1]), Penny(s[m, 2]), headProfile?[m]));
            }
        }

        var profile = serviceBudget is { } budget ? Profile(budget) : null;
        return new BudgetMonitoringReport
        {
            FinancialYear = financialYear,
            AsOf = asOf,
            ServiceBudget = serviceBudget,
            Heads = allHeads,
            Cells = cellList,
            ByHead = allHeads.Select(h => new BudgetHeadRow(h, BudgetFigures.Sum(cellList.Where(c => c.Head == h.Code)),
                headBudgets.TryGetValue(h.Code, out var b) ? b : null)).ToList(),
            ByMonth = months.Select((m, i) => new BudgetMonthRow(m, profile?[i], BudgetFigures.Sum(cellList.Where(c => c.Month == m)))).ToList(),
            Total = BudgetFigures.Sum(cellList),
        };
    }

    /// <summary>To the penny, halves away from zero.</summary>
    public static decimal Penny(decimal amount) => decimal.Round(amount, 2, MidpointRounding.AwayFromZero);
}
