namespace ShortBreaks.Core.Children;

public static partial class Postcodes
{
    [GeneratedRegex(@"^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$")]
    private static partial Regex FullPostcode();

    [GeneratedRegex(@"^[A-Z]{1,2}[0-9][A-Z0-9]?$")]
    private static partial Regex OutwardCode();

    /// <summary>Whether the text is a full UK postcode, in any case and spacing.</summary>
    public static bool IsValid(string? text) => FullPostcode().IsMatch(MatchKeys.Postcode(text));

    /// <summary>Whether the text looks like the start of a postcode (an outward code such as "DC1", or a full one).</summary>
    public static bool LooksLikePostcode(string? text)
    {
        var key = MatchKeys.Postcode(text);
        return FullPostcode().IsMatch(key) || OutwardCode().IsMatch(key);
    }

    /// <summary>"dc12ab" becomes "DC1 2AB".</summary>
    public static string Format(string text)
    {
        var key = MatchKeys.Postcode(text);
        return key.Length > 3 ? $"{key[..^3]} {key[^3..]}" : key;
    }
}
