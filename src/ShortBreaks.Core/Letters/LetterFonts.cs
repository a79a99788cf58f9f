using PdfSharp.Fonts;

namespace ShortBreaks.Core.Letters;

/// <summary>
/// The fonts letters are printed in, shipped inside the program (Noto Sans, Noto Sans Arabic and Noto Sans
/// Bengali, regular and bold, under the SIL Open Font License) so a PDF prints every name the same on any
/// machine, with no system fonts needed. Each piece of text is set in the font of its script.
/// </summary>
public sealed class LetterFonts : IFontResolver
{
    public const string Latin = "Letter Sans";
    public const string Arabic = "Letter Sans Arabic";
    public const string Bengali = "Letter Sans Bengali";

    private static readonly object Gate = new();
    private static readonly ConcurrentDictionary<string, byte[]> Files = new();

    /// <summary>Makes these fonts PDFsharp's fonts for the whole process. Safe to call more than once.</summary>
    public static void Register()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not LetterFonts) GlobalFontSettings.FontResolver = new LetterFonts();
        }
    }

    /// <summary>The family that prints <paramref name="ch"/>: Arabic and Bengali letters have their own.</summary>
    public static string? FamilyOf(char ch) => ch switch
    {
        >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\u08A0' and <= '\u08FF'
            or >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF' => Arabic,
        >= '\u0980' and <= '\u09FF' => Bengali,
        _ when char.IsLetter(ch) => Latin,
        _ => null, // spaces, digits, punctuation and marks print in the font of the text around them
    };

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        var face = familyName switch
        {
            Arabic => "NotoSansArabic",
            Bengali => "NotoSansBengali",
            _ => "NotoSans",
        };
        return new FontResolverInfo(face + (bold ? "-Bold" : "-Regular"));
    }

    public byte[]? GetFont(string faceName) => Files.GetOrAdd(faceName, name =>
    {
        using var stream = typeof(LetterFonts).Assembly.GetManifestResourceStream($"ShortBreaks.Fonts.{name}.ttf")
                           ?? throw new InvalidOperationException($"The font {name} is not in the program.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });
}
