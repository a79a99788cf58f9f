using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;

namespace ShortBreaks.Core.Letters;

/// <summary>Who the letter is from, printed at the top of every page.</summary>
public sealed record LetterHeading(string CouncilName, string ServiceName, string ContactEmail, string ContactPhone);

/// <summary>
/// Renders a letter kept as HTML into a tagged PDF with PDFsharp (headings, paragraphs and lists in the structure
/// tree, the language and title set, page furniture marked as artifacts) on A4, in fonts embedded in the file that
/// print Latin (with Vietnamese), Greek, Cyrillic, Arabic and Bengali letters (<see cref="LetterFonts"/>). The HTML
/// is the letter's own small vocabulary (h1–h3, p, ul, ol, li, strong, b, br, a); anything else is read for its
/// text. PDFsharp does not shape text: Arabic prints right to left in its letters' separate forms, and Bengali
/// vowel signs and joined consonants print letter by letter, so both read back exactly but do not look typeset.
/// </summary>
public static partial class LetterPdf
{
    private const double PageWidth = 595.28, PageHeight = 841.89, Margin = 56.7;
    private const double TextWidth = PageWidth - 2 * Margin;
    private const double BodySize = 11, BodyLeading = 15.5;
    private const double ListIndent = 18;

    private static readonly object Gate = new();

    public static byte[] Render(string title, string bodyHtml, LetterHeading heading, DateTime createdUtc)
    {
        LetterFonts.Register();
        var blocks = Parse(bodyHtml);
        blocks.Insert(0, new Block("H1", [new Run(title, true, null)], null));
        // PDFsharp's font and measuring caches are shared by the process: one letter is set at a time.
        lock (Gate)
        {
            var type = new Typesetter();
            var pages = Layout(blocks, type);
            return Write(title, heading, createdUtc, blocks, pages, type);
        }
    }

    // ---- reading the letter's HTML ------------------------------------------------------------------------------

    private sealed record Run(string Text, bool Bold, string? Href);

    /// <summary>A heading, paragraph or list item. <see cref="Marker"/> is a list item's bullet or number.</summary>
    private sealed record Block(string Tag, List<Run> Runs, string? Marker)
    {
        /// <summary>For a list item: the list it belongs to, so the structure tree groups items.</summary>
        public int ListId { get; init; } = -1;
    }

    [GeneratedRegex("<(/?)([a-zA-Z0-9]+)([^>]*)>|([^<]+)")]
    private static partial Regex Tokens();

    [GeneratedRegex("href\\s*=\\s*\"([^\"]*)\"")]
    private static partial Regex Href();

    private static List<Block> Parse(string html)
    {
        var blocks = new List<Block>();
        List<Run>? runs = null;
        var tag = "P";
        string? marker = null;
        var bold = 0;
        string? href = null;
        var lists = new Stack<(bool Ordered, int Count, int Id)>();
        var listIds = 0;

        void Start(string t, string? m = null)
        {
            End();
            runs = [];
            tag = t;
            marker = m;
        }

        void End()
        {
            if (runs is { Count: > 0 } && runs.Any(r => r.Text.Trim().Length > 0))
                blocks.Add(new Block(tag, Collapse(runs), marker) { ListId = tag == "LI" && lists.Count > 0 ? lists.Peek().Id : -1 });
            runs = null;
        }

        foreach (Match m in Tokens().Matches(html))
        {
            if (m.Groups[4].Success)
            {
                var text = WebUtility.HtmlDecode(m.Groups[4].Value);
                if (text.Trim().Length == 0 && runs is null) continue;
                if (runs is null) Start("P");
                runs!.Add(new Run(text, bold > 0, href));
                continue;
            }

            var closing = m.Groups[1].Value == "/";
            var name = m.Groups[2].Value.ToLowerInvariant();
            switch (name)
            {
                case "h1" or "h2" or "h3" or "p":
                    if (closing) End();
                    else Start(name == "p" ? "P" : name.ToUpperInvariant());
                    break;
                case "ul" or "ol":
                    End();
                    if (closing) { if (lists.Count > 0) lists.Pop(); }
                    else
                    {
                        lists.Push((name == "ol", 0, listIds++));
                    }

                    break;
                case "li":
                    if (closing) { End(); break; }
                    var (ordered, count, id) = lists.Count > 0 ? lists.Pop() : (false, 0, listIds++);
                    lists.Push((ordered, count + 1, id));
                    Start("LI", ordered ? $"{count + 1}." : "\u2022");
                    break;
                case "strong" or "b":
                    bold += closing ? -1 : 1;
                    bold = Math.Max(bold, 0);
                    break;
                case "a":
                    href = closing ? null : Href().Match(m.Groups[3].Value) is { Success: true } h ? WebUtility.HtmlDecode(h.Groups[1].Value) : null;
                    break;
                case "br":
                    runs ??= [];
                    runs.Add(new Run("\n", false, null));
                    break;
            }
        }

        End();
        return blocks;
    }

    /// <summary>Runs with white space collapsed as a browser would, and a link's address after its text when it differs.</summary>
    private static List<Run> Collapse(List<Run> runs)
    {
        var result = new List<Run>();
        for (var i = 0; i < runs.Count; i++)
        {
            var run = runs[i];
            var text = run.Text == "\n" ? "\n" : Whitespace().Replace(run.Text, " ");
            result.Add(run with { Text = text });
            var linkEnds = run.Href is not null && (i + 1 == runs.Count || runs[i + 1].Href != run.Href);
            if (linkEnds && !string.Equals(run.Href, run.Text.Trim(), StringComparison.Ordinal) && !run.Href!.StartsWith('#'))
                result.Add(new Run($" ({run.Href})", false, null));
        }

        return result;
    }

    [GeneratedRegex("\\s+")]
    private static partial Regex Whitespace();

    // ---- laying out lines and pages -----------------------------------------------------------------------------

    private sealed record Word(string Text, bool Bold, bool SpaceBefore);

    private sealed record Line(int Block, double X, double Y, List<(string Text, bool Bold)> Pieces, double Size, bool First);

    private sealed record PageLayout(List<Line> Lines);

    private static (double Size, double Leading, double Before, bool Bold) Style(string tag) => tag switch
    {
        "H1" => (19, 24, 4, true),
        "H2" => (14, 19, 12, true),
        "H3" => (12, 17, 8, true),
        _ => (BodySize, BodyLeading, 7, false),
    };

    private static List<PageLayout> Layout(List<Block> blocks, Typesetter type)
    {
        var pages = new List<PageLayout> { new([]) };
        var top = PageHeight - Margin - 36; // below the page heading
        var bottom = Margin + 24; // above the page number
        var y = top;
        for (var b = 0; b < blocks.Count; b++)
        {
            var block = blocks[b];
            var (size, leading, before, allBold) = Style(block.Tag);
            var indent = block.Tag == "LI" ? ListIndent : 0;
            var lines = Wrap(block, size, TextWidth - indent, allBold, type);
            if (y < top) y -= before;
            // Keep a heading with the first lines of what follows it.
            var need = block.Tag.StartsWith('H') ? leading * 3 : leading;
            for (var l = 0; l < lines.Count; l++)
            {
                if (y - (l == 0 ? need : leading) < bottom)
                {
                    pages.Add(new PageLayout([]));
                    y = top;
                }

                y -= leading;
                pages[^1].Lines.Add(new Line(b, Margin + indent, y, lines[l], size, l == 0));
            }
        }

        return pages;
    }

    private static List<List<(string Text, bool Bold)>> Wrap(Block block, double size, double width, bool allBold, Typesetter type)
    {
        var words = new List<Word>();
        var space = false;
        foreach (var run in block.Runs)
        {
            if (run.Text == "\n")
            {
                words.Add(new Word("\n", false, false));
                space = false;
                continue;
            }

            var parts = run.Text.Split(' ');
            for (var i = 0; i < parts.Length; i++)
            {
                if (i > 0) space = true;
                if (parts[i].Length == 0) continue;
                words.Add(new Word(parts[i], allBold || run.Bold, space && words.Count > 0));
                space = false;
            }

            if (run.Text.EndsWith(' ')) space = true;
        }

        var lines = new List<List<(string, bool)>> { new() };
        double x = 0;
        foreach (var word in words)
        {
            if (word.Text == "\n")
            {
                lines.Add([]);
                x = 0;
                continue;
            }

            var lead = word.SpaceBefore && lines[^1].Count > 0 ? " " : "";
            var w = type.Measure(lead + word.Text, word.Bold, size);
            if (x + w > width && lines[^1].Count > 0)
            {
                lines.Add([]);
                x = 0;
                lead = "";
                w = type.Measure(word.Text, word.Bold, size);
            }

            // A word longer than the line is broken where it must be.
            var text = lead + word.Text;
            while (type.Measure(text, word.Bold, size) > width && text.Length > 1)
            {
                var fit = text.Length - 1;
                while (fit > 1 && type.Measure(text[..fit], word.Bold, size) > width) fit--;
                lines[^1].Add((text[..fit], word.Bold));
                lines.Add([]);
                text = text[fit..];
                x = 0;
            }

            lines[^1].Add((text, word.Bold));
            x += type.Measure(text, word.Bold, size);
        }

        return lines.Where(l => l.Count > 0).ToList();
    }

    /// <summary>
    /// The words of a line in the order they are printed, left to right. PDFsharp prints characters in the order
    /// given and does not shape: Arabic words are put right to left here (the words of a run of Arabic in reverse
    /// order, each word's letters reversed, keeping marks with their letters), so they read in the right order, but
    /// each letter prints in its separate form, not joined.
    /// </summary>
    private static List<(string Text, bool Bold)> Visual(List<(string Text, bool Bold)> pieces)
    {
        static bool Rtl(string text) => text.Any(ch => LetterFonts.FamilyOf(ch) == LetterFonts.Arabic);
        static bool Ltr(string text) => text.Any(ch => LetterFonts.FamilyOf(ch) is { } f && f != LetterFonts.Arabic);

        var result = new List<(string, bool)>();
        for (var i = 0; i < pieces.Count;)
        {
            if (!Rtl(pieces[i].Text) || Ltr(pieces[i].Text))
            {
                result.Add(pieces[i++]);
                continue;
            }

            var end = i;
            while (end + 1 < pieces.Count && Rtl(pieces[end + 1].Text) && !Ltr(pieces[end + 1].Text)) end++;
            var run = pieces[i..(end + 1)].Select(p => (Lead: p.Text[..^p.Text.TrimStart(' ').Length], Word: p.Text.TrimStart(' '), p.Bold)).ToList();
            // Punctuation after the last Arabic word (a comma, a full stop) stays after the whole run.
            var last = run[^1].Word;
            var cut = last.Length;
            while (cut > 0 && LetterFonts.FamilyOf(last[cut - 1]) is null && char.GetUnicodeCategory(last[cut - 1]) != System.Globalization.UnicodeCategory.NonSpacingMark) cut--;
            var after = last[cut..];
            run[^1] = run[^1] with { Word = last[..cut] };
            for (var k = run.Count - 1; k >= 0; k--)
            {
                var lead = k == run.Count - 1 ? run[0].Lead : run[k + 1].Lead;
                result.Add((lead + Reversed(run[k].Word) + (k == 0 ? after : ""), run[k].Bold));
            }

            i = end + 1;
        }

        return result;
    }

    /// <summary>An Arabic word's letters right to left; punctuation before or after it stays where it is in the sentence.</summary>
    private static string Reversed(string word)
    {
        var start = 0;
        while (start < word.Length && LetterFonts.FamilyOf(word[start]) is null) start++;
        var end = word.Length;
        while (end > start && LetterFonts.FamilyOf(word[end - 1]) is null && !char.IsLetterOrDigit(word[end - 1]) && char.GetUnicodeCategory(word[end - 1]) != System.Globalization.UnicodeCategory.NonSpacingMark) end--;
        var clusters = new List<string>();
        var e = System.Globalization.StringInfo.GetTextElementEnumerator(word[start..end]);
        while (e.MoveNext()) clusters.Add(e.GetTextElement());
        clusters.Reverse();
        return word[..start] + string.Concat(clusters) + word[end..];
    }

    // ---- setting type -------------------------------------------------------------------------------------------

    /// <summary>
    /// Fonts by script and size, and measuring. Each piece of text is split where its script changes, and each
    /// part is set in the font that has its letters (see <see cref="LetterFonts"/>).
    /// </summary>
    private sealed class Typesetter
    {
        private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);
        private readonly Dictionary<(string Family, double Size, bool Bold), XFont> _fonts = [];
        private readonly XGraphics _measure = XGraphics.CreateMeasureContext(new XSize(PageWidth, PageHeight), XGraphicsUnit.Point, XPageDirection.Downwards);

        public XFont Font(string family, double size, bool bold)
        {
            if (!_fonts.TryGetValue((family, size, bold), out var font))
            {
                font = new XFont(family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, Unicode);
                _fonts[(family, size, bold)] = font;
            }

            return font;
        }

        /// <summary>The text in parts of one script each: spaces, digits and punctuation go with the letters before them.</summary>
        public static IEnumerable<(string Text, string Family)> Parts(string text)
        {
            var start = 0;
            string? family = null;
            for (var i = 0; i < text.Length; i++)
            {
                var of = LetterFonts.FamilyOf(text[i]);
                if (of is null || of == family) continue;
                if (family is not null && i > start)
                {
                    yield return (text[start..i], family);
                    start = i;
                }

                family = of;
            }

            if (text.Length > start) yield return (text[start..], family ?? LetterFonts.Latin);
        }

        public double Measure(string text, bool bold, double size)
        {
            double total = 0;
            foreach (var (part, family) in Parts(text)) total += _measure.MeasureString(part, Font(family, size, bold)).Width;
            return total;
        }

        /// <summary>Draws the text from its baseline at (x, y), measured from the top of the page; returns where it ends.</summary>
        public double Draw(XGraphics gfx, string text, bool bold, double size, double x, double y)
        {
            foreach (var (part, family) in Parts(text))
            {
                var font = Font(family, size, bold);
                gfx.DrawString(part, font, XBrushes.Black, x, y, XStringFormats.BaseLineLeft);
                x += gfx.MeasureString(part, font).Width;
            }

            return x;
        }
    }


    // ---- writing the file ---------------------------------------------------------------------------------------

    private static byte[] Write(string title, LetterHeading heading, DateTime createdUtc, List<Block> blocks, List<PageLayout> pages, Typesetter type)
    {
        using var document = new PdfDocument();
        document.Info.Title = title;
        document.Info.Author = heading.CouncilName;
        document.Info.Creator = heading.ServiceName;
        document.Info.CreationDate = createdUtc;
        document.Info.ModificationDate = createdUtc;
        document.ViewerPreferences.DisplayDocTitle = true;
        document.Options.CompressContentStreams = false;
        var ua = UAManager.ForDocument(document);
        ua.SetDocumentLanguage("en-GB");
        var structure = ua.StructureBuilder;

        // Open elements: a list (L) stays open over its items; a block stays open across a page break.
        int? openList = null;
        var current = -1;

        void EndBlock()
        {
            if (current < 0) return;
            if (blocks[current].Tag == "LI")
            {
                structure.End(); // LBody
                structure.End(); // LI
            }
            else
            {
                structure.End();
            }

            current = -1;
        }

        void EndList()
        {
            if (openList is null) return;
            structure.End();
            openList = null;
        }

        // A page's graphics stay open until the next page is added: PDFsharp closes the marked content of the
        // elements still open (a paragraph running onto the next page) on the page they started on.
        XGraphics? gfx = null;
        for (var p = 0; p < pages.Count; p++)
        {
            var page = document.AddPage();
            page.Width = XUnit.FromPoint(PageWidth);
            page.Height = XUnit.FromPoint(PageHeight);
            gfx?.Dispose();
            gfx = XGraphics.FromPdfPage(page);

            // The heading and footer of every page are page furniture, not part of the letter's structure.
            structure.BeginArtifact();
            type.Draw(gfx, $"{heading.CouncilName} \u2013 {heading.ServiceName}", true, 9, Margin, Margin);
            type.Draw(gfx, $"Page {p + 1} of {pages.Count}. {heading.ContactEmail}, {heading.ContactPhone}", false, 9, Margin, PageHeight - Margin);
            structure.End();

            foreach (var line in pages[p].Lines)
            {
                var block = blocks[line.Block];
                if (line.Block != current)
                {
                    EndBlock();
                    if (block.Tag != "LI" || openList != block.ListId) EndList();
                    current = line.Block;
                    if (block.Tag == "LI")
                    {
                        if (openList is null)
                        {
                            structure.BeginElement(PdfBlockLevelElementTag.List);
                            openList = block.ListId;
                        }

                        structure.BeginElement(PdfBlockLevelElementTag.ListItem);
                        structure.BeginElement(PdfBlockLevelElementTag.Label);
                        type.Draw(gfx, block.Marker ?? "", false, line.Size, line.X - ListIndent, PageHeight - line.Y);
                        structure.End();
                        structure.BeginElement(PdfBlockLevelElementTag.ListBody);
                    }
                    else
                    {
                        structure.BeginElement(block.Tag switch
                        {
                            "H1" => PdfBlockLevelElementTag.Heading1,
                            "H2" => PdfBlockLevelElementTag.Heading2,
                            "H3" => PdfBlockLevelElementTag.Heading3,
                            _ => PdfBlockLevelElementTag.Paragraph,
                        });
                    }
                }

                var x = line.X;
                foreach (var (text, isBold) in Visual(line.Pieces))
                    x = type.Draw(gfx, text, isBold, line.Size, x, PageHeight - line.Y);
            }
        }

        EndBlock();
        EndList();
        gfx?.Dispose();

        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }
}
