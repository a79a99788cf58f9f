using MiniExcelLibs;

namespace ShortBreaks.Core.Providers;

/// <summary>
/// The unused-hours report's rows as a CSV file (through <see cref="SpreadsheetCsv"/>) or an Excel workbook: the same
/// columns in both, one row a package, numbers as numbers.
/// </summary>
public static class UnusedHoursExport
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "Provider", "Child", "Child reference", "Package starts", "Package ends",
        "Agreed hours", "Agreed nights", "Agreed sessions", "Agreed money",
        "Agreed so far hours", "Agreed so far nights", "Agreed so far sessions",
        "Delivered hours", "Delivered nights", "Delivered sessions", "Delivered money",
        "Unused hours", "Unused nights", "Unused sessions", "Unused money",
        "Forecast hours", "Forecast nights", "Forecast sessions", "Forecast money",
        "Returns due", "Returns late", "Unused hours decision", "Released money", "Committed money",
    ];

    /// <summary>The file name for the report of the year starting <paramref name="yearStart"/> on <paramref name="asOf"/>.</summary>
    public static string FileName(DateOnly yearStart, DateOnly asOf, string extension) =>
        $"unused-hours-{yearStart:yyyy}-{yearStart.AddYears(1):yy}-as-of-{asOf:yyyy-MM-dd}.{extension}";

    public static string Csv(IEnumerable<UnusedHoursRow> rows) => SpreadsheetCsv.Write(Columns, csv =>
    {
        foreach (var row in rows)
        {
            foreach (var cell in Cells(row))
            {
                switch (cell)
                {
                    case decimal number:
                        csv.Number(number, "0.##");
                        break;
                    case int whole:
                        csv.Number(whole);
                        break;
                    case DateOnly day:
                        csv.Date(day);
                        break;
                    default:
                        csv.Text(cell as string);
                        break;
                }
            }

            csv.EndRow();
        }
    });

    public static byte[] Xlsx(IEnumerable<UnusedHoursRow> rows)
    {
        // A table rather than a list of rows, so that a report with no rows still has its header.
        using var table = new System.Data.DataTable("Unused hours");
        foreach (var (name, type) in Columns.Zip(ColumnTypes)) table.Columns.Add(name, type);
        foreach (var row in rows)
        {
            table.Rows.Add(Cells(row).Select(c => c is DateOnly day ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : c).ToArray());
        }

        using var stream = new MemoryStream();
        stream.SaveAs(table, sheetName: "Unused hours", excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    private static readonly Type[] ColumnTypes =
    [
        typeof(string), typeof(string), typeof(string), typeof(string), typeof(string),
        .. Enumerable.Repeat(typeof(decimal), 19),
        typeof(int), typeof(int), typeof(string), typeof(decimal), typeof(decimal),
    ];

    private static object?[] Cells(UnusedHoursRow r)
    {
        var f = r.Figures;
        return
        [
            r.OrganisationName, r.ChildName, r.ChildReference, r.StartsOn, r.EndsOn,
            f.Agreed.Hours, f.Agreed.Nights, f.Agreed.Sessions, f.AgreedMoney,
            f.AgreedSoFar.Hours, f.AgreedSoFar.Nights, f.AgreedSoFar.Sessions,
            f.Delivered.Hours, f.Delivered.Nights, f.Delivered.Sessions, f.DeliveredMoney,
            f.Unused.Hours, f.Unused.Nights, f.Unused.Sessions, f.UnusedMoney,
            f.Forecast.Hours, f.Forecast.Nights, f.Forecast.Sessions, f.ForecastMoney,
            r.ReturnsDue, r.ReturnsLate, r.Decision is { } d ? UnusedHoursRules.StateName(d.State) : "", r.ReleasedMoney, r.CommittedMoney,
        ];
    }
}
