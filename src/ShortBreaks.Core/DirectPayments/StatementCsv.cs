namespace ShortBreaks.Core.DirectPayments;

/// <summary>A problem with a statement file: the row (1 is the header), the column, what the cell held, and what is wrong.</summary>
public sealed record StatementRowError(int Row, string Column, string Value, string Message);

/// <summary>A line read from a statement file.</summary>
/// <param name="Order">The line's place in time within its file, from 0: files listing the newest line first are read backwards.</param>
public sealed record StatementCsvLine(int Row, int Order, DateOnly Date, string Description, decimal AmountIn, decimal AmountOut, decimal Balance, string Fingerprint);

/// <summary>The columns of a statement file a <see cref="StatementColumnMapping"/> names, as typed on the mapping form.</summary>
public sealed record StatementColumns(string? Date, string? Description, string? AmountIn, string? AmountOut, string? Balance, string? DateFormat);

/// <summary>What reading a statement file gave: its headers, and either every line or every problem (all or nothing).</summary>
public sealed record StatementFile(IReadOnlyList<string> Headers, IReadOnlyList<StatementCsvLine> Lines, IReadOnlyList<StatementRowError> Errors, int ErrorsNotListed)
{
    public bool Succeeded => Errors.Count == 0 && Lines.Count > 0;
}

/// <summary>
/// Reads a card provider's or bank's statement CSV by a remembered column mapping (pure). Every row is checked before
/// any is used: a file with any problem gives only its problems, by row. Amounts are pounds and pence ("12.50",
/// "£1,200.00", "-12.50"); with one signed amount column, a negative amount is money out. Each line gets a fingerprint
/// from its day, description, amounts, balance and how many identical lines came before it in the file, so importing
/// the same statement again (or one that overlaps it) recognises the lines already held.
/// </summary>
public static class StatementCsv
{
    /// <summary>The date formats statements are read in.</summary>
    public static readonly IReadOnlyList<string> DateFormats = ["dd/MM/yyyy", "yyyy-MM-dd", "dd-MM-yyyy", "d/M/yyyy", "dd MMM yyyy", "MM/dd/yyyy"];

    /// <summary>The most lines a statement may hold: years of an account's lines, small enough to read in one go.</summary>
    public const int MaxRows = 20_000;

    /// <summary>The largest file read.</summary>
    public const long MaxBytes = 5L * 1024 * 1024;

    /// <summary>The most problems listed one by one; the rest are counted.</summary>
    public const int MaxErrorsListed = 500;

    public const int DescriptionMaxLength = 300;

    /// <summary>The largest amount on a line, to catch a figure typed in pence or with extra digits.</summary>
    public const decimal MaxAmount = 1_000_000m;

    /// <summary>The mapping's problems by field (<c>DateColumn</c>, <c>DescriptionColumn</c>, <c>AmountInColumn</c>, <c>AmountOutColumn</c>, <c>BalanceColumn</c>, <c>DateFormat</c>), against the file's headers when known.</summary>
    public static IReadOnlyList<FieldError> MappingProblems(StatementColumns columns, IReadOnlyList<string>? headers)
    {
        var errors = new List<FieldError>();
        void Column(string field, string? value, string what, bool optional = false)
        {
            var name = value?.Trim() ?? "";
            if (name.Length == 0)
            {
                if (!optional) errors.Add(new(field, $"Enter the heading of the column with {what}"));
            }
            else if (name.Length > 100 || !Text.PlainText.IsAcceptable(name))
            {
                errors.Add(new(field, $"Enter the heading of the column with {what} as it is written in the file"));
            }
            else if (headers is not null && !headers.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add(new(field, $"The file has no column headed '{name}'"));
            }
        }

        Column("DateColumn", columns.Date, "the date");
        Column("DescriptionColumn", columns.Description, "the description");
        Column("AmountInColumn", columns.AmountIn, "money paid in (or the amount, if one column holds both)");
        Column("AmountOutColumn", columns.AmountOut, "money paid out", optional: true);
        Column("BalanceColumn", columns.Balance, "the balance");
        if (!DateFormats.Contains(columns.DateFormat ?? "")) errors.Add(new("DateFormat", "Choose how the file writes dates"));
        return errors;
    }

    /// <summary>Reads the file's header row only, for the mapping form; null when it has none.</summary>
    public static IReadOnlyList<string>? Headers(string text)
    {
        try
        {
            using var parser = new CsvParser(new StringReader(text), Config([]));
            return parser.Read() ? parser.Record!.Select(h => h.Trim()).ToList() : null;
        }
        catch (CsvHelperException)
        {
            return null;
        }
    }

    /// <summary>Every line of the file by the mapping, or every problem with it.</summary>
    public static StatementFile Read(string text, StatementColumnMapping mapping)
    {
        var errors = new List<StatementRowError>();
        var notListed = 0;
        void Add(StatementRowError e)
        {
            if (errors.Count < MaxErrorsListed) errors.Add(e);
            else notListed++;
        }

        var badData = new List<string>();
        var lines = new List<StatementCsvLine>();
        string[] header = [];
        try
        {
            using var parser = new CsvParser(new StringReader(text), Config(badData));
            if (!parser.Read()) return new([], [], [new(1, "", "", "The file is empty: it needs a header row and a row for each line of the statement")], 0);
            header = parser.Record!.Select(h => h.Trim()).ToArray();
            if (header.Length == 1 && header[0].Contains(';'))
                return new(header, [], [new(1, "", "", "The values are separated by semicolons: save the file as CSV with commas between values")], 0);

            var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < header.Length; i++) columns.TryAdd(header[i], i);
            var mapped = new[] { mapping.DateColumn, mapping.DescriptionColumn, mapping.AmountInColumn, mapping.AmountOutColumn, mapping.BalanceColumn };
            foreach (var missing in mapped.Where(c => !string.IsNullOrEmpty(c) && !columns.ContainsKey(c!)))
                Add(new(1, missing!, "", $"The column '{missing}' is missing: check the column mapping for these statements"));
            if (errors.Count > 0) return new(header, [], errors, 0);

            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            var row = 1;
            while (parser.Read())
            {
                row++;
                var record = parser.Record!;
                if (record.All(string.IsNullOrWhiteSpace)) continue;
                if (lines.Count + errors.Count + notListed >= MaxRows)
                {
                    Add(new(row, "", "", $"The file has more than {MaxRows:N0} lines, the most one import takes"));
                    break;
                }

                if (badData.Count > 0)
                {
                    Add(new(row, "", Shorten(badData[0]), "The row has a quotation mark in the wrong place"));
                    badData.Clear();
                    continue;
                }

                if (record.Length != header.Length)
                {
                    Add(new(row, "", "", $"The row has {record.Length} values but the header has {header.Length} columns"));
                    continue;
                }

                string Cell(string column) => record[columns[column]].Trim();
                var before = errors.Count + notListed;

                var dateText = Cell(mapping.DateColumn);
                if (!DateOnly.TryParseExact(dateText, mapping.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    Add(new(row, mapping.DateColumn, Shorten(dateText), $"Enter a date written as {mapping.DateFormat}"));

                var description = Cell(mapping.DescriptionColumn);
                if (description.Length > DescriptionMaxLength) Add(new(row, mapping.DescriptionColumn, Shorten(description), $"The description must be {DescriptionMaxLength} characters or fewer"));
                else if (!Text.PlainText.IsAcceptable(description)) Add(new(row, mapping.DescriptionColumn, Shorten(description), "The description has characters that cannot be read"));

                decimal amountIn = 0, amountOut = 0;
                if (string.IsNullOrEmpty(mapping.AmountOutColumn))
                {
                    var amount = Amount(row, mapping.AmountInColumn, Cell(mapping.AmountInColumn), allowNegative: true, Add);
                    if (amount is { } a) (amountIn, amountOut) = a >= 0 ? (a, 0m) : (0m, -a);
                }
                else
                {
                    var inText = Cell(mapping.AmountInColumn);
                    var outText = Cell(mapping.AmountOutColumn);
                    amountIn = inText.Length == 0 ? 0 : Amount(row, mapping.AmountInColumn, inText, allowNegative: false, Add) ?? 0;
                    amountOut = outText.Length == 0 ? 0 : Amount(row, mapping.AmountOutColumn, outText, allowNegative: false, Add) ?? 0;
                    if (inText.Length == 0 && outText.Length == 0) Add(new(row, mapping.AmountInColumn, "", "Enter an amount paid in or paid out"));
                    else if (amountIn != 0 && amountOut != 0) Add(new(row, mapping.AmountInColumn, inText, "A line has money paid in or paid out, not both"));
                }

                var balanceText = Cell(mapping.BalanceColumn);
                var balance = Amount(row, mapping.BalanceColumn, balanceText, allowNegative: true, Add);
                if (errors.Count + notListed > before || balance is null) continue;

                var identity = string.Join('|', date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Normalise(description),
                    amountIn.ToString("0.00", CultureInfo.InvariantCulture), amountOut.ToString("0.00", CultureInfo.InvariantCulture),
                    balance.Value.ToString("0.00", CultureInfo.InvariantCulture));
                var occurrence = seen.GetValueOrDefault(identity);
                seen[identity] = occurrence + 1;
                lines.Add(new(row, 0, date, description, amountIn, amountOut, balance.Value, Fingerprint(identity, occurrence)));
            }
        }
        catch (CsvHelperException ex)
        {
            Add(new(ex.Context?.Parser?.Row ?? 0, "", "", "The file could not be read as CSV: " + ex.Message.Split('\n')[0].Trim()));
        }

        if (errors.Count == 0 && lines.Count == 0) Add(new(2, "", "", "The file has a header row but no lines"));
        if (errors.Count > 0) return new(header, [], errors, notListed);
        // Many banks list the newest line first: then the file is read from its end.
        var newestFirst = lines[0].Date > lines[^1].Date;
        var ordered = lines.Select((l, i) => l with { Order = newestFirst ? lines.Count - 1 - i : i }).ToList();
        return new(header, ordered, [], 0);
    }

    /// <summary>A line's identity as a short hash: the same line of the same statement gives the same fingerprint in every import.</summary>
    public static string Fingerprint(string identity, int occurrence) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(identity + "#" + occurrence.ToString(CultureInfo.InvariantCulture))))[..32];

    private static decimal? Amount(int row, string column, string text, bool allowNegative, Action<StatementRowError> add)
    {
        var t = text.Replace(" ", "", StringComparison.Ordinal);
        // Some banks write money out in brackets: (12.50).
        if (t.StartsWith('(') && t.EndsWith(')')) t = "-" + t[1..^1];
        if (t.Length == 0) { add(new(row, column, "", "Enter an amount")); return null; }
        if (!Money.TryParse(t, out var amount)) { add(new(row, column, Shorten(text), "Enter an amount in pounds and pence, like 12.50")); return null; }
        if (!Money.IsWholePence(amount)) { add(new(row, column, Shorten(text), "The amount must be in pounds and pence, with no fraction of a penny")); return null; }
        if (!allowNegative && amount < 0) { add(new(row, column, Shorten(text), "Enter the amount without a minus sign: the column says which way the money went")); return null; }
        if (Math.Abs(amount) > MaxAmount) { add(new(row, column, Shorten(text), $"The amount must be less than {Money.Format(MaxAmount)}")); return null; }
        return amount;
    }

    private static string Normalise(string description) => string.Join(' ', description.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();

    private static string Shorten(string value) => value.Length > 60 ? value[..57] + "..." : value;

    private static CsvConfiguration Config(List<string> badData) => new(CultureInfo.InvariantCulture)
    {
        BadDataFound = args => badData.Add(args.Field),
        DetectDelimiter = false,
        TrimOptions = TrimOptions.None,
    };
}
