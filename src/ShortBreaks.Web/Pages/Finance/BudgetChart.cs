using ShortBreaks.Core.Finance;

namespace ShortBreaks.Web.Pages.Finance;

/// <summary>
/// The geometry of budget monitoring's chart, drawn as SVG on the server: a bar a month of the forecast outturn (what was
/// spent, with what is still committed on top) and a line of the service budget's monthly profile. Coordinates are in the
/// SVG's own units; the page scales it to its column. The month table beside it says the same in words and numbers.
/// </summary>
public sealed class BudgetChart
{
    public const int Width = 640;
    public const int Height = 320;
    public const int Left = 72;
    public const int Right = 12;
    public const int Top = 12;
    public const int Bottom = 40;

    public sealed record Bar(string Label, double X, double Width, double SpentY, double SpentHeight, double CommittedY, double CommittedHeight);

    public sealed record Tick(double Y, string Label);

    public BudgetChart(BudgetMonitoringReport report)
    {
        var months = report.ByMonth;
        var highest = months.Select(m => Math.Max(Math.Max(m.Figures.Outturn, m.Figures.Spent), m.Profile ?? 0m)).DefaultIfEmpty(0m).Max();
        Scale = NiceCeiling(highest);
        var plotWidth = Width - Left - Right;
        var slot = plotWidth / (double)months.Count;
        var bars = new List<Bar>();
        var points = new List<string>();
        for (var i = 0; i < months.Count; i++)
        {
            var m = months[i];
            var x = Left + (i * slot);
            var spent = Math.Max(0m, m.Figures.Spent);
            var committed = Math.Max(0m, m.Figures.Committed);
            var spentTop = Y(spent);
            var committedTop = Y(spent + committed);
            bars.Add(new Bar(m.Month.ToString("MMM", CultureInfo.InvariantCulture), x + (slot * 0.15), slot * 0.7,
                spentTop, PlotBottom - spentTop, committedTop, spentTop - committedTop));
            if (m.Profile is { } profile) points.Add(Number(x + (slot / 2)) + "," + Number(Y(profile)));
        }

        Bars = bars;
        ProfileLine = string.Join(" ", points);
        Ticks = Enumerable.Range(0, 5).Select(t => Scale * t / 4m).Select(v => new Tick(Y(v), Money.Format(decimal.Round(v)))).ToList();
    }

    public static double PlotBottom => Height - Bottom;

    /// <summary>The amount at the top of the scale: a round figure at or above the highest month.</summary>
    public decimal Scale { get; }

    public IReadOnlyList<Bar> Bars { get; }

    /// <summary>The profile's points ("x,y x,y"), empty when no service budget is set.</summary>
    public string ProfileLine { get; }

    public IReadOnlyList<Tick> Ticks { get; }

    public static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private double Y(decimal amount) => Scale == 0 ? PlotBottom : PlotBottom - ((double)(amount / Scale) * (PlotBottom - Top));

    /// <summary>1, 2 or 5 times a power of ten, at or above <paramref name="amount"/> (100 for nothing at all).</summary>
    public static decimal NiceCeiling(decimal amount)
    {
        if (amount <= 0) return 100m;
        var power = 1m;
        while (power * 10 <= amount) power *= 10;
        foreach (var step in new[] { 1m, 2m, 5m, 10m })
        {
            if (power * step >= amount) return power * step;
        }

        return power * 10;
    }
}
