namespace ShortBreaks.Core;

/// <summary>
/// Pounds as people read and type them, in one place: shown the British way ("£1,234.50") whatever the server's
/// culture, and read from what people type ("2400", "2400.50", "£2,400.50") without depending on it either.
/// </summary>
public static class Money
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>"£1,234", or "£1,234.50" when there are pence; a negative amount as "-£150".</summary>
    public static string Format(decimal amount)
    {
        if (amount < 0) return "-" + Format(-amount);
        return "£" + amount.ToString(amount == decimal.Truncate(amount) ? "#,0" : "#,0.00", EnGb);
    }

    /// <summary>Always with pence, "£1,234.00", for columns of costs that line up.</summary>
    public static string FormatPence(decimal amount)
    {
        if (amount < 0) return "-" + FormatPence(-amount);
        return "£" + amount.ToString("#,0.00", EnGb);
    }

    /// <summary>Every digit, nothing rounded away: "£561.6975", "£1,234.50", "£1,234". For working shown before its rounding.</summary>
    public static string FormatExact(decimal amount)
    {
        if (amount < 0) return "-" + FormatExact(-amount);
        return "£" + amount.ToString(amount == decimal.Truncate(amount) ? "#,0" : "#,0.00##########################", EnGb);
    }

    /// <summary>A change: "+£150", "−£150" (with a minus sign), or "£0".</summary>
    public static string Signed(decimal change) =>
        change > 0 ? "+" + Format(change) : change < 0 ? "\u2212" + Format(-change) : "£0";

    /// <summary>
    /// Reads an amount of pounds as typed: digits with an optional decimal point ("2400", "2400.50"), optionally
    /// after "£" and with commas between thousands ("£2,400.50"), and a minus sign before or after the "£".
    /// Anything else (letters, another culture's "2.400,50", misplaced commas, an empty box) is not an amount.
    /// </summary>
    public static bool TryParse(string? text, out decimal amount)
    {
        amount = 0;
        var t = text?.Trim() ?? "";
        var negative = false;
        if (t.StartsWith('-')) { negative = true; t = t[1..].TrimStart(); }
        if (t.StartsWith('£')) t = t[1..].TrimStart();
        if (!negative && t.StartsWith('-')) { negative = true; t = t[1..]; }
        if (t.Length == 0 || !t.All(c => char.IsAsciiDigit(c) || c is ',' or '.')) return false;

        var parts = t.Split('.');
        if (parts.Length > 2 || !t.Any(char.IsAsciiDigit) || (parts.Length == 2 && parts[1].Contains(','))) return false;
        if (parts[0].Contains(',') && !ThousandsGroupsValid(parts[0])) return false;
        if (!decimal.TryParse(t.Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)) return false;
        amount = negative ? -value : value;
        return true;
    }

    /// <summary>True when the amount is whole pence: no fraction of a penny.</summary>
    public static bool IsWholePence(decimal amount) => amount == decimal.Round(amount, 2);

    private static bool ThousandsGroupsValid(string whole)
    {
        var groups = whole.Split(',');
        return groups[0].Length is >= 1 and <= 3 && groups.Skip(1).All(g => g.Length == 3);
    }
}
