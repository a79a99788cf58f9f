namespace ShortBreaks.Core.Text;

/// <summary>
/// What text the service accepts from anyone, on the pages, in the API and in addresses: characters a person can
/// type. Control characters (C0, DEL and C1) are refused everywhere, except line breaks and tabs in long text;
/// so are unpaired surrogates (not text at all), the replacement character U+FFFD (what a decoder leaves where the
/// bytes were not valid UTF-8) and the noncharacters U+FFFE and U+FFFF. PostgreSQL cannot store a NUL at all, and
/// none of these has a place in a letter, a record or a CSV. Pure; one rule for every place that reads text.
/// </summary>
public static class PlainText
{
    /// <summary>The words used everywhere text is refused, after the name of the answer.</summary>
    public const string Refusal = "must not include hidden characters such as control characters";

    /// <summary>"First name must not include hidden characters such as control characters".</summary>
    public static string Message(string label) => $"{label} {Refusal}";

    /// <summary>Whether the text has only characters the service accepts; long text may also have line breaks and tabs.</summary>
    public static bool IsAcceptable(string? text, bool longText = false) => text is null || FirstRefused(text, longText) < 0;

    /// <summary>Where the first refused character is, or -1.</summary>
    public static int FirstRefused(string text, bool longText = false)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (char.IsHighSurrogate(ch))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                    continue;
                }

                return i;
            }

            if (char.IsLowSurrogate(ch)) return i;
            if (longText && ch is '\n' or '\r' or '\t') continue;
            if (char.IsControl(ch) || ch is '\uFFFD' or '\uFFFE' or '\uFFFF') return i;
        }

        return -1;
    }

    /// <summary>Whether bytes are well-formed UTF-8 that decodes to acceptable text (an address's query, say).</summary>
    public static bool IsAcceptableUtf8(ReadOnlySpan<byte> utf8, bool longText = false)
    {
        if (!System.Text.Unicode.Utf8.IsValid(utf8)) return false;
        return IsAcceptable(Encoding.UTF8.GetString(utf8), longText);
    }

    /// <summary>
    /// Whether the query part of an address ("?a=1&amp;b=x%00") decodes, name and value, to well-formed UTF-8 with
    /// no refused character. Percent escapes are decoded to bytes first, so invalid UTF-8 is seen, not replaced.
    /// </summary>
    public static bool IsAcceptableQuery(string? rawQuery, out string? refusedName)
    {
        refusedName = null;
        if (string.IsNullOrEmpty(rawQuery)) return true;
        var query = rawQuery.StartsWith('?') ? rawQuery[1..] : rawQuery;
        foreach (var pair in query.Split('&'))
        {
            if (pair.Length == 0) continue;
            var equals = pair.IndexOf('=');
            var name = Decode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? [] : Decode(pair[(equals + 1)..]);
            var nameOk = IsAcceptableUtf8(name);
            if (!nameOk || !IsAcceptableUtf8(value))
            {
                refusedName = nameOk ? Encoding.UTF8.GetString(name) : "";
                return false;
            }
        }

        return true;
    }

    /// <summary>Percent escapes and '+' (a space in a form or query) to bytes; anything else as its UTF-8.</summary>
    private static byte[] Decode(string part)
    {
        var bytes = new List<byte>(part.Length);
        for (var i = 0; i < part.Length; i++)
        {
            var ch = part[i];
            if (ch == '+')
            {
                bytes.Add((byte)' ');
            }
            else if (ch == '%' && i + 2 < part.Length && Uri.IsHexDigit(part[i + 1]) && Uri.IsHexDigit(part[i + 2]))
            {
                bytes.Add((byte)Convert.ToInt32(part.Substring(i + 1, 2), 16));
                i += 2;
            }
            else if (char.IsHighSurrogate(ch) && i + 1 < part.Length && char.IsLowSurrogate(part[i + 1]))
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(part.Substring(i, 2)));
                i++;
            }
            else
            {
                // A lone surrogate cannot be UTF-8: it becomes bytes that are not valid UTF-8.
                bytes.AddRange(char.IsSurrogate(ch) ? [0xFF] : Encoding.UTF8.GetBytes(ch.ToString()));
            }
        }

        return bytes.ToArray();
    }
}
