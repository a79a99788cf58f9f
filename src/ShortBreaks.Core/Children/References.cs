namespace ShortBreaks.Core.Children;

/// <summary>
/// References people read out on the phone: a prefix and eight characters with no look-alikes
/// (no 0/O, 1/I), random so they reveal nothing and work across several web nodes.
/// </summary>
public static class References
{
    public const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    public static string NewChild() => New("C");

    public static string NewRequest() => New("R");

    public static string New(string prefix)
    {
        Span<char> chars = stackalloc char[8];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return $"{prefix}-{chars[..4]}-{chars[4..]}";
    }

    /// <summary>Upper-cases and adds the dashes back to a reference typed as "c7kq2m9xd" or "C-7KQ2-M9XD".</summary>
    public static string? Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var compact = new string(text.Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();
        if (compact.Length != 9 || compact[0] is not ('C' or 'R') || compact[1..].Any(ch => !Alphabet.Contains(ch)))
        {
            return null;
        }

        return $"{compact[0]}-{compact[1..5]}-{compact[5..]}";
    }
}

/// <summary>Keys used to match and find children whatever the spacing and case of what was typed.</summary>
public static class MatchKeys
{
    public static string Name(string? first, string? last) =>
        string.Join(' ', $"{first} {last}".ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    public static string LastName(string? last) =>
        string.Join(' ', (last ?? "").ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    public static string Postcode(string? postcode) =>
        new string((postcode ?? "").Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();
}
