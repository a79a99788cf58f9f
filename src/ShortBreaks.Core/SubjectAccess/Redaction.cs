namespace ShortBreaks.Core.SubjectAccess;

/// <summary>
/// The administrator's choices applied to text. A redacted or withheld item's words are replaced wherever they recur
/// (the timeline repeats a panel's reasons, the audit keeps the first 200 characters of what was saved, a letter may
/// quote a decision), so the archive never carries them; each of the item's lines is removed too, for text that was
/// laid out again line by line.
/// </summary>
public sealed class Redaction
{
    public const string Marker = "[redacted]";

    // Shorter pieces would remove ordinary words elsewhere in the record.
    private const int ShortestPiece = 4;

    private readonly IReadOnlyDictionary<string, SubjectAccessChoice> _choices;
    private readonly List<string> _pieces;

    public Redaction(IEnumerable<ReviewItem> items, IReadOnlyDictionary<string, SubjectAccessChoice> choices)
    {
        _choices = choices;
        var pieces = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (item.Text is not { } text || ChoiceFor(item) == ReleaseChoice.Include) continue;
            foreach (var piece in Pieces(text)) pieces.Add(piece);
        }

        // Longest first, so a whole text goes before a line of it.
        _pieces = pieces.OrderByDescending(p => p.Length).ThenBy(p => p, StringComparer.Ordinal).ToList();
    }

    /// <summary>The choice for an item; an item nobody decided (listed after the release) is withheld.</summary>
    public ReleaseChoice ChoiceFor(ReviewItem item) => _choices.TryGetValue(item.Key, out var c) ? c.Choice : ReleaseChoice.Withhold;

    public string? ReasonFor(ReviewItem item) =>
        _choices.TryGetValue(item.Key, out var c) ? c.Reason : "Listed after the release was approved, so not reviewed: answer it with a new request";

    /// <summary>The text with every redacted or withheld item's words replaced by <see cref="Marker"/>.</summary>
    public string Apply(string text)
    {
        if (_pieces.Count == 0 || text.Length == 0) return text;
        foreach (var piece in _pieces)
        {
            if (text.Contains(piece, StringComparison.Ordinal)) text = text.Replace(piece, Marker, StringComparison.Ordinal);
        }

        return text;
    }

    private static IEnumerable<string> Pieces(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length >= ShortestPiece) yield return trimmed;

        // The audit keeps a long value's first 200 characters.
        if (trimmed.Length > 200) yield return trimmed[..200];
        foreach (var line in trimmed.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.Length >= ShortestPiece) yield return line;

            // A letter or the audit may carry the words HTML- or JSON-encoded.
            var encoded = WebUtility.HtmlEncode(line);
            if (encoded != line) yield return encoded;
        }
    }
}
