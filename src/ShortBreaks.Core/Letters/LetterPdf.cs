using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace ShortBreaks.Core.Letters;

/// <summary>Who the letter is from, printed at the top of every page.</summary>
public sealed record LetterHeading(string CouncilName, string ServiceName, string ContactEmail, string ContactPhone);

/// <summary>
/// Renders a letter kept as HTML into a tagged PDF (headings, paragraphs and lists in the structure tree, the
/// language and title set, page furniture marked as artifacts) on A4, in the standard Helvetica fonts. The HTML
/// is the letter's own small vocabulary (h1–h3, p, ul, ol, li, strong, b, br, a); anything else is read for its
/// text. Pure: the same letter gives the same bytes.
/// </summary>
public static partial class LetterPdf
{
    private const double PageWidth = 595.28, PageHeight = 841.89, Margin = 56.7;
    private const double TextWidth = PageWidth - 2 * Margin;
    private const double BodySize = 11, BodyLeading = 15.5;
    private const double ListIndent = 18;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private static readonly Encoding WinAnsi = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    public static byte[] Render(string title, string bodyHtml, LetterHeading heading, DateTime createdUtc)
    {
        var blocks = Parse(bodyHtml);
        blocks.Insert(0, new Block("H1", [new Run(title, true, null)], null));
        var pages = Layout(blocks);
        return Write(title, heading, createdUtc, blocks, pages);
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
        string tag = "P";
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
                    else lists.Push((name == "ol", 0, listIds++));
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

    private static List<PageLayout> Layout(List<Block> blocks)
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
            var lines = Wrap(block, size, TextWidth - indent, allBold);
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

    private static List<List<(string Text, bool Bold)>> Wrap(Block block, double size, double width, bool allBold)
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
            var w = Measure(lead + word.Text, word.Bold, size);
            if (x + w > width && lines[^1].Count > 0)
            {
                lines.Add([]);
                x = 0;
                lead = "";
                w = Measure(word.Text, word.Bold, size);
            }

            // A word longer than the line is broken where it must be.
            var text = lead + word.Text;
            while (Measure(text, word.Bold, size) > width && text.Length > 1)
            {
                var fit = text.Length - 1;
                while (fit > 1 && Measure(text[..fit], word.Bold, size) > width) fit--;
                lines[^1].Add((text[..fit], word.Bold));
                lines.Add([]);
                text = text[fit..];
                x = 0;
            }

            lines[^1].Add((text, word.Bold));
            x += Measure(text, word.Bold, size);
        }

        return lines.Where(l => l.Count > 0).ToList();
    }

    private static double Measure(string text, bool bold, double size)
    {
        var widths = bold ? HelveticaBoldWidths : HelveticaWidths;
        double total = 0;
        foreach (var b in WinAnsi.GetBytes(text))
            total += b is >= 32 and <= 126 ? widths[b - 32] : Extra(b, bold);
        return total * size / 1000;
    }

    private static int Extra(byte b, bool bold) => b switch
    {
        0xA3 => 556, // pound sign
        0x95 => 350, // bullet
        0x96 => 556, // en dash
        0x97 => 1000, // em dash
        0x91 or 0x92 => bold ? 278 : 222,
        0x93 or 0x94 => bold ? 500 : 333,
        _ => 556,
    };

    // Adobe's metrics for the standard fonts, characters 32 to 126.
    private static readonly short[] HelveticaWidths =
    [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
    ];

    private static readonly short[] HelveticaBoldWidths =
    [
        278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
        975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
        333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
        611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
    ];

    // ---- writing the file ---------------------------------------------------------------------------------------

    private static byte[] Write(string title, LetterHeading heading, DateTime createdUtc, List<Block> blocks, List<PageLayout> pages)
    {
        var pdf = new PdfFile();
        var catalog = pdf.Reserve();
        var pagesRoot = pdf.Reserve();
        var structRoot = pdf.Reserve();
        var parentTree = pdf.Reserve();
        var documentElement = pdf.Reserve();
        var regular = pdf.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
        var bold = pdf.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>");

        // Each block's marked content on each page: (page index, MCID).
        var marks = blocks.Select(_ => new List<(int Page, int Mcid)>()).ToList();
        var pageIds = pages.Select(_ => pdf.Reserve()).ToList();
        var parentArrays = new List<List<int>>(); // per page: the block for each MCID
        for (var p = 0; p < pages.Count; p++)
        {
            var content = new StringBuilder();
            var mcidBlocks = new List<int>();
            // The heading of every page is page furniture, not part of the letter's structure.
            content.Append("/Artifact BMC BT /F2 9 Tf ").Append(Num(Margin)).Append(' ').Append(Num(PageHeight - Margin)).Append(" Td ")
                .Append(Str($"{heading.CouncilName} \u2013 {heading.ServiceName}")).Append(" Tj ET EMC\n");
            var footer = $"Page {p + 1} of {pages.Count}. {heading.ContactEmail}, {heading.ContactPhone}";
            content.Append("/Artifact BMC BT /F1 9 Tf ").Append(Num(Margin)).Append(' ').Append(Num(Margin)).Append(" Td ")
                .Append(Str(footer)).Append(" Tj ET EMC\n");

            var current = -1;
            foreach (var line in pages[p].Lines)
            {
                if (line.Block != current)
                {
                    if (current >= 0) content.Append("EMC\n");
                    current = line.Block;
                    var mcid = mcidBlocks.Count;
                    mcidBlocks.Add(line.Block);
                    marks[line.Block].Add((p, mcid));
                    var tag = blocks[line.Block].Tag == "LI" ? "LBody" : blocks[line.Block].Tag;
                    content.Append('/').Append(tag).Append(" <</MCID ").Append(mcid).Append(">> BDC\n");
                }

                var block = blocks[line.Block];
                if (line.First && block.Marker is { } marker)
                {
                    content.Append("BT /F1 ").Append(Num(line.Size)).Append(" Tf ").Append(Num(line.X - ListIndent)).Append(' ').Append(Num(line.Y))
                        .Append(" Td ").Append(Str(marker)).Append(" Tj ET\n");
                }

                content.Append("BT ").Append(Num(line.X)).Append(' ').Append(Num(line.Y)).Append(" Td ");
                foreach (var (text, isBold) in line.Pieces)
                    content.Append(isBold ? "/F2 " : "/F1 ").Append(Num(line.Size)).Append(" Tf ").Append(Str(text)).Append(" Tj ");
                content.Append("ET\n");
            }

            if (current >= 0) content.Append("EMC\n");
            parentArrays.Add(mcidBlocks);

            var stream = pdf.AddStream(Encoding.ASCII.GetBytes(content.ToString()));
            pdf.Set(pageIds[p], $"<< /Type /Page /Parent {pagesRoot} 0 R /MediaBox [0 0 {Num(PageWidth)} {Num(PageHeight)}] " +
                                $"/Resources << /Font << /F1 {regular} 0 R /F2 {bold} 0 R >> >> /Contents {stream} 0 R /StructParents {p} /Tabs /S >>");
        }

        // The structure tree: Document > H1 | H2 | P | L > LI > LBody.
        var elementIds = blocks.Select(_ => pdf.Reserve()).ToList();
        var children = new List<int>();
        var lists = new Dictionary<int, (int ListId, List<int> Items)>();
        for (var b = 0; b < blocks.Count; b++)
        {
            var block = blocks[b];
            var kids = string.Join(' ', marks[b].Select(m => $"<< /Type /MCR /Pg {pageIds[m.Page]} 0 R /MCID {m.Mcid} >>"));
            if (block.Tag != "LI")
            {
                pdf.Set(elementIds[b], $"<< /Type /StructElem /S /{block.Tag} /P {documentElement} 0 R /K [{kids}] >>");
                children.Add(elementIds[b]);
                continue;
            }

            if (!lists.TryGetValue(block.ListId, out var list))
            {
                list = (pdf.Reserve(), []);
                lists[block.ListId] = list;
                children.Add(list.ListId);
            }

            var item = pdf.Reserve();
            pdf.Set(item, $"<< /Type /StructElem /S /LI /P {list.ListId} 0 R /K [{elementIds[b]} 0 R] >>");
            pdf.Set(elementIds[b], $"<< /Type /StructElem /S /LBody /P {item} 0 R /K [{kids}] >>");
            list.Items.Add(item);
        }

        foreach (var (listId, items) in lists.Values)
            pdf.Set(listId, $"<< /Type /StructElem /S /L /P {documentElement} 0 R /K [{string.Join(' ', items.Select(i => $"{i} 0 R"))}] >>");

        pdf.Set(documentElement, $"<< /Type /StructElem /S /Document /P {structRoot} 0 R /K [{string.Join(' ', children.Select(c => $"{c} 0 R"))}] >>");
        var nums = string.Join(' ', parentArrays.Select((mcids, p) => $"{p} [{string.Join(' ', mcids.Select(b => $"{elementIds[b]} 0 R"))}]"));
        pdf.Set(parentTree, $"<< /Nums [{nums}] >>");
        pdf.Set(structRoot, $"<< /Type /StructTreeRoot /K [{documentElement} 0 R] /ParentTree {parentTree} 0 R /ParentTreeNextKey {pages.Count} >>");
        pdf.Set(pagesRoot, $"<< /Type /Pages /Kids [{string.Join(' ', pageIds.Select(i => $"{i} 0 R"))}] /Count {pages.Count} >>");
        pdf.Set(catalog, $"<< /Type /Catalog /Pages {pagesRoot} 0 R /StructTreeRoot {structRoot} 0 R /MarkInfo << /Marked true >> " +
                         "/Lang (en-GB) /ViewerPreferences << /DisplayDocTitle true >> >>");
        var info = pdf.Add($"<< /Title {Str(title)} /Author {Str(heading.CouncilName)} /Creator {Str(heading.ServiceName)} " +
                           $"/CreationDate (D:{createdUtc:yyyyMMddHHmmss}Z) >>");
        return pdf.Build(catalog, info);
    }

    private static string Num(double value) => value.ToString("0.##", Invariant);

    /// <summary>A PDF string in the fonts' encoding, with the characters PDF needs escaped.</summary>
    private static string Str(string text)
    {
        var sb = new StringBuilder("(");
        foreach (var b in WinAnsi.GetBytes(text))
        {
            switch (b)
            {
                case (byte)'(' or (byte)')' or (byte)'\\':
                    sb.Append('\\').Append((char)b);
                    break;
                case < 32 or > 126:
                    sb.Append('\\').Append(Convert.ToString(b, 8).PadLeft(3, '0'));
                    break;
                default:
                    sb.Append((char)b);
                    break;
            }
        }

        return sb.Append(')').ToString();
    }

    /// <summary>The objects of a PDF file and its cross-reference table.</summary>
    private sealed class PdfFile
    {
        private readonly List<byte[]?> _objects = [];

        public int Reserve()
        {
            _objects.Add(null);
            return _objects.Count;
        }

        public int Add(string body)
        {
            var id = Reserve();
            Set(id, body);
            return id;
        }

        public void Set(int id, string body) => _objects[id - 1] = Encoding.ASCII.GetBytes(body);

        public int AddStream(byte[] data)
        {
            using var compressed = new MemoryStream();
            using (var z = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true)) z.Write(data);
            var bytes = compressed.ToArray();
            var id = Reserve();
            var head = Encoding.ASCII.GetBytes($"<< /Length {bytes.Length} /Filter /FlateDecode >>\nstream\n");
            var tail = "\nendstream"u8.ToArray();
            _objects[id - 1] = [.. head, .. bytes, .. tail];
            return id;
        }

        public byte[] Build(int catalog, int info)
        {
            using var output = new MemoryStream();
            void Write(string s) => output.Write(Encoding.ASCII.GetBytes(s));
            Write("%PDF-1.7\n");
            output.Write([0x25, 0xE2, 0xE3, 0xCF, 0xD3, 0x0A]);
            var offsets = new long[_objects.Count];
            for (var i = 0; i < _objects.Count; i++)
            {
                offsets[i] = output.Position;
                Write($"{i + 1} 0 obj\n");
                output.Write(_objects[i] ?? throw new InvalidOperationException($"PDF object {i + 1} was reserved and never written."));
                Write("\nendobj\n");
            }

            var xref = output.Position;
            Write($"xref\n0 {_objects.Count + 1}\n0000000000 65535 f \n");
            foreach (var offset in offsets) Write($"{offset:D10} 00000 n \n");
            Write($"trailer\n<< /Size {_objects.Count + 1} /Root {catalog} 0 R /Info {info} 0 R >>\nstartxref\n{xref}\n%%EOF\n");
            return output.ToArray();
        }
    }
}
