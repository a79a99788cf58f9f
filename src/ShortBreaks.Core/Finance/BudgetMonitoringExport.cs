using MiniExcelLibs;
using ShortBreaks.Core.Ras.VirtualBudgets;

namespace ShortBreaks.Core.Finance;

/// <summary>
/// Budget monitoring as a CSV file (through <see cref="SpreadsheetCsv"/>, safe from formulas) or an Excel workbook, the
/// same rows and columns in both, amounts as numbers: a row for each budget head in each month (with the month's share of
/// the head's budget and the variance, when finance set one), then a row for each month of all heads with its share of
/// the service budget and the variance, then the year's row. Every "All heads" row is the
/// sum of the head rows above it, so a spreadsheet's own sums agree with the page to the penny.
/// </summary>
public static class BudgetMonitoringExport
{
    public const string AllHeads = "All heads";

    public const string Year = "Year";

    public static readonly IReadOnlyList<string> Columns =
    [
        "Budget head", "Budget head name", "Month", "Budget", "Paid", "Recovered", "Spent", "Committed", "Forecast outturn", "Variance",
    ];

    /// <summary>"budget-monitoring-2026-27-as-of-2026-12-06.csv".</summary>
    public static string FileName(BudgetMonitoringReport report, string extension) =>
        $"budget-monitoring-{report.FinancialYear}-{(report.FinancialYear + 1) % 100:00}-as-of-{report.AsOf:yyyy-MM-dd}.{extension}";

    /// <summary>The rows, each as its cells: text, or a decimal amount (null for an empty cell).</summary>
    public static IEnumerable<object?[]> Rows(BudgetMonitoringReport report)
    {
        var names = report.Heads.ToDictionary(h => h.Code, h => h.Name, StringComparer.Ordinal);
        foreach (var c in report.Cells)
        {
            yield return [c.Head, names.GetValueOrDefault(c.Head, ""), MonthKey(c.Month), c.Budget, c.Paid, c.Recovered, c.Spent, c.Committed, c.Outturn, c.Variance];
        }

        foreach (var m in report.ByMonth)
        {
            var f = m.Figures;
            yield return [AllHeads, "", MonthKey(m.Month), m.Profile, f.Paid, f.Recovered, f.Spent, f.Committed, f.Outturn, m.Variance];
        }

        var t = report.Total;
        yield return [AllHeads, "", $"{Year} {FinancialYears.Name(report.FinancialYear)}", report.ServiceBudget, t.Paid, t.Recovered, t.Spent, t.Committed, t.Outturn, report.Variance];
    }

    public static string Csv(BudgetMonitoringReport report) => SpreadsheetCsv.Write(Columns, csv =>
    {
        foreach (var row in Rows(report))
        {
            foreach (var cell in row)
            {
                if (cell is decimal amount) csv.Number(amount);
                else if (cell is null) csv.Number(null);
                else csv.Text((string)cell);
            }

            csv.EndRow();
        }
    });

    public static byte[] Xlsx(BudgetMonitoringReport report)
    {
        using var table = new System.Data.DataTable("Budget monitoring");
        for (var i = 0; i < Columns.Count; i++) table.Columns.Add(Columns[i], i < 3 ? typeof(string) : typeof(decimal));
        foreach (var row in Rows(report)) table.Rows.Add(row.Select(c => c ?? DBNull.Value).ToArray());
        using var stream = new MemoryStream();
        stream.SaveAs(table, sheetName: "Budget monitoring", excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    /// <summary>"2026-04": the month as text a spreadsheet sorts and never turns into a date of its own.</summary>
    public static string MonthKey(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
