namespace ShortBreaks.Core;

/// <summary>
/// Writes CSV that people open in a spreadsheet: every file the service writes goes through here. Quoting is
/// RFC 4180 (CsvHelper's), lines end in "\n", numbers and dates are culture-invariant, and a text cell starting
/// with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return gets an apostrophe before it, so a
/// spreadsheet shows it as text instead of running it as a formula. Numbers are written by <see cref="Number(decimal?, string)"/>
/// from their value, so they cannot carry a formula and a negative change stays a number a spreadsheet can add up.
/// </summary>
public sealed class SpreadsheetCsv
{
    /// <summary>The first characters that make a spreadsheet read a cell as a formula.</summary>
    public static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    private readonly CsvWriter _writer;

    private SpreadsheetCsv(CsvWriter writer) => _writer = writer;

    /// <summary>A file of a header row (left out when <paramref name="headerRow"/> is false) and the rows <paramref name="writeRows"/> writes.</summary>
    public static string Write(IEnumerable<string> header, Action<SpreadsheetCsv> writeRows, bool headerRow = true)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            NewLine = "\n",
            // The neutralising is ours (text cells only), so CsvHelper's own must not escape negative numbers.
            InjectionOptions = InjectionOptions.None,
            ShouldQuote = args => NeedsQuotes(args.Field),
        };
        using (var writer = new CsvWriter(text, config))
        {
            var csv = new SpreadsheetCsv(writer);
            if (headerRow)
            {
                foreach (var name in header) csv.Text(name);
                csv.EndRow();
            }

            writeRows(csv);
        }

        return text.ToString();
    }

    /// <summary>A text cell, neutralised if a spreadsheet would run it as a formula; null is an empty cell.</summary>
    public SpreadsheetCsv Text(string? value)
    {
        var cell = Neutralise(value ?? "");
        _writer.WriteField(cell, NeedsQuotes(cell));
        return this;
    }

    /// <summary>A number cell ("0.00" for money by default); null is an empty cell.</summary>
    public SpreadsheetCsv Number(decimal? value, string format = "0.00")
    {
        _writer.WriteField(value?.ToString(format, CultureInfo.InvariantCulture) ?? "", false);
        return this;
    }

    /// <summary>A whole number cell.</summary>
    public SpreadsheetCsv Number(int value)
    {
        _writer.WriteField(value.ToString(CultureInfo.InvariantCulture), false);
        return this;
    }

    /// <summary>A date cell, as yyyy-MM-dd.</summary>
    public SpreadsheetCsv Date(DateOnly value)
    {
        _writer.WriteField(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), false);
        return this;
    }

    public void EndRow() => _writer.NextRecord();

    /// <summary>The value with an apostrophe before it when it starts like a formula.</summary>
    public static string Neutralise(string value) =>
        value.Length > 0 && Array.IndexOf(FormulaStarts, value[0]) >= 0 ? "'" + value : value;

    private static bool NeedsQuotes(string? field) =>
        !string.IsNullOrEmpty(field) && (field.IndexOfAny([',', '"', '\n', '\r']) >= 0 || field[0] == ' ' || field[^1] == ' ');
}
