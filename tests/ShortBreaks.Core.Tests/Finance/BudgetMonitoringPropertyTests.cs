using System.Globalization;
using ShortBreaks.Core.Finance;
using ShortBreaks.Core.Schemes;

namespace ShortBreaks.Core.Tests.Finance;

/// <summary>
/// Properties of every budget monitoring report, checked over thousands of seeded random sets of payments, recoveries and
/// commitments (whole pence and fractions of a penny from spread package costs, heads configured and not): each cell is
/// its amounts rounded once to the penny, outturn is spent plus committed everywhere, and every total is the sum of its
/// rows to the penny. A failure names the seed to replay.
/// </summary>
public sealed class BudgetMonitoringPropertyTests
{
    private const int Cases = 2000;

    private static readonly IReadOnlyList<BudgetHead> Heads = [new("SB-DP", "Direct payments"), new("SB-COMM", "Commissioned"), new("SB-ONEOFF", "One-off")];

    private static readonly string[] Codes = ["SB-DP", "SB-COMM", "SB-ONEOFF", "OLD-HEAD"];

    private sealed record Case(int Seed, int Year, decimal? Budget, List<BudgetAmount> Paid, List<BudgetAmount> Recovered, List<BudgetAmount> Committed)
    {
        public override string ToString() => $"seed {Seed}";
    }

    private static Case Make(int seed)
    {
        var random = new Random(seed);
        var year = random.Next(2020, 2031);
        var start = new DateOnly(year, 4, 1);
        List<BudgetAmount> Amounts(bool fractions)
        {
            var list = new List<BudgetAmount>();
            for (var i = random.Next(0, 40); i > 0; i--)
            {
                // Some amounts fall outside the year and must be left out.
                var month = start.AddMonths(random.Next(-2, 14));
                var pence = random.Next(-5000, 500000);
                var amount = fractions && random.Next(3) == 0 ? pence / 100m * random.Next(1, 400) / 211m : pence / 100m;
                list.Add(new BudgetAmount(Codes[random.Next(Codes.Length)], month, amount));
            }

            return list;
        }

        decimal? budget = random.Next(4) == 0 ? null : random.Next(0, int.MaxValue) / 100m;
        return new Case(seed, year, budget, Amounts(false), Amounts(false), Amounts(true));
    }

    private static void ForEachCase(int salt, Action<Case, BudgetMonitoringReport> check)
    {
        for (var i = 0; i < Cases; i++)
        {
            var c = Make((salt * 100_000) + i);
            check(c, BudgetMonitoringRules.Build(c.Year, new DateOnly(c.Year, 11, 20), c.Budget, Heads, c.Paid, c.Recovered, c.Committed));
        }
    }

    [Fact]
    public void Outturn_is_spent_plus_committed_in_every_cell_row_and_total()
    {
        ForEachCase(1, (c, report) =>
        {
            foreach (var cell in report.Cells)
            {
                cell.Outturn.ShouldBe(cell.Paid - cell.Recovered + cell.Committed, c.ToString());
                Money.IsWholePence(cell.Outturn).ShouldBeTrue(c.ToString());
            }

            foreach (var row in report.ByHead.Select(h => h.Figures).Concat(report.ByMonth.Select(m => m.Figures)).Append(report.Total))
            {
                row.Outturn.ShouldBe(row.Spent + row.Committed, c.ToString());
                row.Spent.ShouldBe(row.Paid - row.Recovered, c.ToString());
            }
        });
    }

    [Fact]
    public void Every_total_is_the_sum_of_its_rows_to_the_penny_and_each_cell_its_amounts_rounded_once()
    {
        ForEachCase(2, (c, report) =>
        {
            var months = BudgetMonitoringRules.Months(c.Year);
            report.Cells.Count.ShouldBe(report.Heads.Count * 12, c.ToString());
            foreach (var cell in report.Cells)
            {
                decimal Sum(List<BudgetAmount> amounts) => BudgetMonitoringRules.Penny(amounts.Where(a => a.Head == cell.Head && a.Month == cell.Month).Sum(a => a.Amount));
                cell.Paid.ShouldBe(Sum(c.Paid), c.ToString());
                cell.Recovered.ShouldBe(Sum(c.Recovered), c.ToString());
                cell.Committed.ShouldBe(Sum(c.Committed), c.ToString());
            }

            foreach (var head in report.ByHead)
            {
                var cells = report.Cells.Where(x => x.Head == head.Head.Code).ToList();
                head.Figures.Paid.ShouldBe(cells.Sum(x => x.Paid), c.ToString());
                head.Figures.Committed.ShouldBe(cells.Sum(x => x.Committed), c.ToString());
                head.Figures.Outturn.ShouldBe(cells.Sum(x => x.Outturn), c.ToString());
            }

            report.ByMonth.Select(m => m.Month).ShouldBe(months);
            foreach (var month in report.ByMonth)
            {
                month.Figures.Outturn.ShouldBe(report.Cells.Where(x => x.Month == month.Month).Sum(x => x.Outturn), c.ToString());
                month.Variance.ShouldBe(month.Profile - month.Figures.Outturn, c.ToString());
            }

            report.Total.Outturn.ShouldBe(report.ByHead.Sum(h => h.Figures.Outturn), c.ToString());
            report.Total.Outturn.ShouldBe(report.ByMonth.Sum(m => m.Figures.Outturn), c.ToString());
            report.Total.Committed.ShouldBe(report.ByMonth.Sum(m => m.Figures.Committed), c.ToString());
            report.Total.Recovered.ShouldBe(report.ByHead.Sum(h => h.Figures.Recovered), c.ToString());
            report.Variance.ShouldBe(c.Budget - report.Total.Outturn, c.ToString());
            // A payment to a head no longer configured is still counted, on a row of its own.
            var used = c.Paid.Concat(c.Recovered).Concat(c.Committed).Where(a => months.Contains(a.Month)).Select(a => a.Head).Distinct();
            used.Except(report.Heads.Select(h => h.Code)).ShouldBeEmpty(c.ToString());
        });
    }

    [Fact]
    public void The_budget_profile_adds_up_to_the_budget_exactly_in_whole_pence()
    {
        var random = new Random(3);
        for (var i = 0; i < Cases; i++)
        {
            var budget = random.Next(0, int.MaxValue) / 100m * random.Next(1, 5000);
            var profile = BudgetMonitoringRules.Profile(budget);
            profile.Count.ShouldBe(12);
            profile.Sum().ShouldBe(budget);
            profile.ShouldAllBe(p => Money.IsWholePence(p) && p >= 0);
            (profile[11] - profile[0]).ShouldBeLessThan(0.12m);
        }
    }

    [Fact]
    public void A_spread_cost_over_all_its_days_adds_up_to_the_cost_and_over_some_days_to_their_share()
    {
        var random = new Random(4);
        for (var i = 0; i < Cases; i++)
        {
            var from = new DateOnly(2024, 1, 1).AddDays(random.Next(0, 1500));
            var to = from.AddDays(random.Next(0, 800));
            var cost = random.Next(0, 10_000_000) / 100m;
            var whole = BudgetMonitoringRules.Spread(cost, from, to, DateOnly.MinValue, DateOnly.MaxValue.AddDays(-40)).ToList();
            Math.Abs(whole.Sum(p => p.Amount) - cost).ShouldBeLessThan(0.000001m, $"case {i}");
            whole.Select(p => p.Month).ShouldBeUnique();
            var countFrom = from.AddDays(random.Next(-30, 400));
            var countTo = countFrom.AddDays(random.Next(0, 400));
            var first = from > countFrom ? from : countFrom;
            var last = to < countTo ? to : countTo;
            var days = last < first ? 0 : last.DayNumber - first.DayNumber + 1;
            var part = BudgetMonitoringRules.Spread(cost, from, to, countFrom, countTo).Sum(p => p.Amount);
            Math.Abs(part - (cost * days / (to.DayNumber - from.DayNumber + 1m))).ShouldBeLessThan(0.000001m, $"case {i}");
        }
    }

    [Fact]
    public void The_downloads_rows_add_up_to_the_reports_totals_and_text_never_runs_as_a_formula()
    {
        var heads = new List<BudgetHead>(Heads) { new("=HYPERLINK(\"x\")", "@evil") };
        var report = BudgetMonitoringRules.Build(2026, new DateOnly(2026, 11, 20), 120000m, heads,
            [new("SB-DP", new(2026, 5, 1), 100.10m), new("=HYPERLINK(\"x\")", new(2026, 6, 1), 5m)], [new("SB-DP", new(2026, 5, 1), 10m)],
            [new("SB-COMM", new(2027, 1, 1), 33.333m)]);

        var csv = BudgetMonitoringExport.Csv(report);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',')).ToList();
        lines[0].ShouldBe(BudgetMonitoringExport.Columns);
        var headRows = lines.Skip(1).Where(l => l[0] != BudgetMonitoringExport.AllHeads).ToList();
        headRows.Count.ShouldBe(heads.Count * 12);
        headRows.Sum(l => decimal.Parse(l[8], CultureInfo.InvariantCulture)).ShouldBe(report.Total.Outturn);
        var year = lines.Last();
        year[2].ShouldStartWith(BudgetMonitoringExport.Year);
        decimal.Parse(year[8], CultureInfo.InvariantCulture).ShouldBe(report.Total.Outturn);
        decimal.Parse(year[3], CultureInfo.InvariantCulture).ShouldBe(120000m);
        lines.SelectMany(l => l).Select(f => f.TrimStart('"')).ShouldAllBe(f => !f.StartsWith('=') && !f.StartsWith('@'));
        csv.ShouldContain("'@evil");
    }
}
