namespace ShortBreaks.Web.Infrastructure;

/// <summary>
/// The kinds of file accepted as evidence, recognised by their first bytes: a file's name and the content
/// type the browser sends are only what the sender claims.
/// </summary>
public static class EvidenceFiles
{
    public const int MaxFilesPerRequest = ShortBreaks.Core.Requests.RequestRules.MaxEvidenceFiles;

    /// <summary>
    /// The largest upload read to its end only to be thrown away, so that the browser, which sends the whole
    /// body before it reads the answer, gets the page saying the file is too large. Kestrel closes the connection
    /// on a body it refuses, and a browser then shows a connection error instead of the page.
    /// </summary>
    public const long MaxDiscardedBytes = 100 * 1024 * 1024;

    /// <summary>"10MB": the size limit as people read it.</summary>
    public static string MaxSizeText => $"{ServiceSetup.MaxEvidenceBytes / (1024 * 1024)}MB";

    private static readonly (byte[] Signature, string ContentType)[] Signatures =
    [
        ("%PDF-"u8.ToArray(), "application/pdf"),
        ([0xFF, 0xD8, 0xFF], "image/jpeg"),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "image/png"),
    ];

    /// <summary>The content type the file's first bytes show it to be, or null if it is none of PDF, JPEG or PNG.</summary>
    public static string? ContentTypeOf(ReadOnlySpan<byte> firstBytes)
    {
        foreach (var (signature, contentType) in Signatures)
        {
            if (firstBytes.StartsWith(signature)) return contentType;
        }

        return null;
    }

    /// <summary>
    /// A file name safe to store and send back: no folders, no control characters (C0 and C1), no characters that
    /// change the direction text is shown in (so "invoice\u202Efdp.exe" cannot pass for a PDF), not too long.
    /// </summary>
    public static string SafeName(string? name)
    {
        var bare = Path.GetFileName((name ?? "").Replace('\\', '/'));
        var kept = new StringBuilder(bare.Length);
        for (var i = 0; i < bare.Length; i++)
        {
            var ch = bare[i];
            if (char.IsHighSurrogate(ch) && i + 1 < bare.Length && char.IsLowSurrogate(bare[i + 1]))
            {
                kept.Append(ch).Append(bare[++i]); // a pair is one character (an emoji, say); alone, a surrogate is not text
            }
            else if (!char.IsControl(ch) && !IsDirectionMark(ch) && !char.IsSurrogate(ch) && ch is not ('"' or '/' or '\\'))
            {
                kept.Append(ch);
            }
        }

        var clean = kept.ToString().Trim();
        if (clean.Length > 150) clean = clean[..100] + clean[^50..];
        return clean.Length == 0 ? "evidence" : clean;
    }

    /// <summary>Marks and overrides of text direction: U+200E/F, U+202A–U+202E, U+2066–U+2069 and the Arabic letter mark.</summary>
    public static bool IsDirectionMark(char ch) => ch is '\u200E' or '\u200F' or >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u061C';

    /// <summary>
    /// What a stored file is sent back as, from its bytes, never from what the sender claimed: PDF, JPEG or PNG by
    /// their first bytes; plain text if it is all readable UTF-8; anything else as bytes to save.
    /// </summary>
    public static (string ContentType, string Extension) DownloadTypeOf(ReadOnlySpan<byte> content) => ContentTypeOf(content) switch
    {
        "application/pdf" => ("application/pdf", ".pdf"),
        "image/jpeg" => ("image/jpeg", ".jpg"),
        "image/png" => ("image/png", ".png"),
        _ when content.Length > 0 && ShortBreaks.Core.Text.PlainText.IsAcceptableUtf8(content, longText: true) => ("text/plain", ".txt"),
        _ => ("application/octet-stream", ".bin"),
    };

    /// <summary>The name a file is downloaded under: its stored name made safe, with the extension of the type its bytes show.</summary>
    public static string DownloadName(string? storedName, ReadOnlySpan<byte> content)
    {
        var safe = SafeName(storedName);
        var stem = Path.GetFileNameWithoutExtension(safe).TrimEnd('.', ' ');
        return (stem.Length == 0 ? "evidence" : stem) + DownloadTypeOf(content).Extension;
    }

    /// <summary>An evidence file as a download (never shown in the browser), named and typed by its bytes; never cached (see <see cref="NoStoreForPersonalData"/>).</summary>
    public static FileContentResult Download(byte[] content, string? storedName) =>
        new FileContentResult(content, DownloadTypeOf(content).ContentType) { FileDownloadName = DownloadName(storedName, content) };

    /// <summary>"2.4MB", "310KB": a size as people read it.</summary>
    public static string Size(long bytes) => bytes switch
    {
        >= 1024 * 1024 => FormattableString.Invariant($"{bytes / (1024.0 * 1024.0):0.#}MB"),
        >= 1024 => FormattableString.Invariant($"{bytes / 1024}KB"),
        _ => $"{bytes} bytes",
    };
}
