using System.Diagnostics;
using System.Text;
using ShortBreaks.Core.Letters;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Core.Tests.Letters;

/// <summary>
/// Letters as PDF, read back by independent tools: poppler's pdftotext for the words and pdfinfo for the
/// document's properties, and qpdf for the file's structure.
/// </summary>
public sealed class LetterPdfTests
{
    private static readonly LetterHeading Heading = new("Demo County Council", "Short breaks for disabled children", "shortbreaks@example.org", "0300 500 80 80");
    private static readonly DateTime Created = new(2026, 11, 23, 10, 30, 0, DateTimeKind.Utc);

    private const string Body =
        "<p class=\"govuk-body\">23 November 2026</p>\n" +
        "<p class=\"govuk-body\">Dear Jess Carter,</p>\n" +
        "<p class=\"govuk-body\">Maya can have up to <strong>80 hours</strong> of short breaks a year, as a direct payment of <strong>£750</strong> a year.</p>\n" +
        "<h2 class=\"govuk-heading-m\">Why we made this decision</h2>\n" +
        "<p class=\"govuk-body\">Maya needs one-to-one support &amp; wakes most nights (her award letter says so).</p>\n" +
        "<ul class=\"govuk-list govuk-list--bullet\"><li><a class=\"govuk-link\" href=\"https://www.example.org/clubs\">Clubs and activities</a></li><li>Holiday schemes</li></ul>\n" +
        "<p class=\"govuk-body\">Yours sincerely,</p><p class=\"govuk-body\">Amira Hughes<br>Short breaks for disabled children</p>";

    private static string Tool(string name, params string[] args)
    {
        var path = $"/usr/bin/{name}";
        TestEnvironment.Require(File.Exists(path), name, name == "qpdf" ? "qpdf" : "poppler-utils");
        var info = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.ShouldBe(0, $"{name} {string.Join(' ', args)}: {output}");
        return output;
    }

    private static string Save(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"letter-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        return path;
    }

    [SkippableFact]
    public void ALetter_ReadsBackWordForWord_WithTheTitleAndLanguage()
    {
        var path = Save(LetterPdf.Render("Maya can have Flexible Short Breaks", Body, Heading, Created));
        try
        {
            Tool("qpdf", "--check", path).ShouldContain("No syntax or stream encoding errors");
            var text = Tool("pdftotext", "-layout", path, "-");
            text.ShouldContain("Maya can have Flexible Short Breaks");
            text.ShouldContain("Dear Jess Carter,");
            text.ShouldContain("£750");
            text.ShouldContain("one-to-one support & wakes most nights (her award letter says so).");
            text.ShouldContain("Clubs and activities (https://www.example.org/clubs)");
            text.ShouldContain("Holiday schemes");
            text.ShouldContain("Page 1 of 1.");
            text.ShouldContain("Demo County Council");

            var info = Tool("pdfinfo", path);
            info.ShouldContain("Title:           Maya can have Flexible Short Breaks");
            info.ShouldContain("Tagged:          yes");
            info.ShouldContain("Pages:           1");
            info.ShouldContain("Page size:       595.28 x 841.89 pts (A4)");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void TheStructureTree_HoldsHeadingsParagraphsAndLists_InTheLettersLanguage()
    {
        var pdf = Encoding.Latin1.GetString(LetterPdf.Render("Title", Body, Heading, Created));
        pdf.ShouldContain("/StructTreeRoot");
        pdf.ShouldContain("/Lang(en-GB)");
        pdf.ShouldContain("/DisplayDocTitle true");
        Count(pdf, "/S/Document").ShouldBe(1);
        Count(pdf, "/S/H1").ShouldBe(1);
        Count(pdf, "/S/H2").ShouldBe(1);
        Count(pdf, "/S/P").ShouldBe(6);
        Count(pdf, "/S/L").ShouldBe(1);
        Count(pdf, "/S/LI").ShouldBe(2, "two list items");
        Count(pdf, "/S/Lbl").ShouldBe(2, "each item's bullet is its label");
        Count(pdf, "/S/LBody").ShouldBe(2);
    }

    private static int Count(string pdf, string name) =>
        System.Text.RegularExpressions.Regex.Matches(pdf, System.Text.RegularExpressions.Regex.Escape(name) + "(?![A-Za-z0-9])").Count;

    [SkippableFact]
    public void ALongLetter_RunsOntoMorePages_NumberedOnEach_AndLongWordsAreBroken()
    {
        var body = new StringBuilder();
        for (var i = 1; i <= 60; i++)
            body.Append($"<p>Paragraph {i}: the plan pays for {i} hours of a personal assistant at weekends, and a night at home each month, as agreed with the family.</p>");
        body.Append("<p>" + new string('x', 400) + "</p><p>The end.</p>");
        var path = Save(LetterPdf.Render("A long plan", body.ToString(), Heading, Created));
        try
        {
            Tool("qpdf", "--check", path);
            var pages = int.Parse(Tool("pdfinfo", path).Split('\n').Single(l => l.StartsWith("Pages:"))["Pages:".Length..].Trim());
            pages.ShouldBeGreaterThan(2);
            var text = Tool("pdftotext", path, "-");
            text.ShouldContain($"Page {pages} of {pages}.");
            text.ShouldContain("Paragraph 60:");
            text.ShouldContain("The end.");
            text.Replace("\n", "").ShouldContain(new string('x', 400), Case.Sensitive, "the whole of a long word is there, broken across lines");
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>
    /// Names in Latin (with Polish, Vietnamese, Irish, Turkish and Czech letters), Greek, Cyrillic, Bengali and
    /// Arabic read back exactly, from fonts embedded in the file. Arabic is printed right to left in the letters'
    /// separate forms (PDFsharp does not join them); poppler reads it back in the order written, with direction
    /// marks around it, which are taken out before comparing.
    /// </summary>
    [SkippableFact]
    public void NamesInEveryScript_PrintAsWritten_InEmbeddedFonts()
    {
        const string body =
            "<p>Dear Łukasz Nguyễn,</p>" +
            "<p>Siobhán Ó Súilleabháin, Zoë Brontë, Ağrı Çelik, Dvořák, Ngô Bảo Châu.</p>" +
            "<p>Σοφία Παπαδοπούλου, Анна Иванова.</p>" +
            "<p>আমিনুল ইসলাম</p>" +
            "<p>محمد علي</p>" +
            "<p>Dear <strong>محمد علي</strong>, from مريم.</p>";
        var path = Save(LetterPdf.Render("A letter for Łukasz Nguyễn", body, Heading, Created));
        try
        {
            Tool("qpdf", "--check", path).ShouldContain("No syntax or stream encoding errors");
            var text = new string(Tool("pdftotext", path, "-").Where(ch => ch is < '\u202A' or > '\u202E').ToArray());
            text.ShouldContain("A letter for Łukasz Nguyễn");
            text.ShouldContain("Dear Łukasz Nguyễn,");
            text.ShouldContain("Siobhán Ó Súilleabháin, Zoë Brontë, Ağrı Çelik, Dvořák, Ngô Bảo Châu.");
            text.ShouldContain("Σοφία Παπαδοπούλου, Анна Иванова.");
            text.ShouldContain("আমিনুল ইসলাম");
            text.ShouldContain("\nمحمد علي\n");
            text.ShouldContain("Dear محمد علي, from مريم.");
            text.ShouldNotContain("?");

            var info = Tool("pdfinfo", path);
            info.ShouldContain("Tagged:          yes");
            info.ShouldContain("Title:           A letter for Łukasz Nguyễn");
            var fonts = Tool("pdffonts", path);
            foreach (var font in new[] { "Noto Sans Regular", "Noto Sans,Bold", "Noto Sans Bengali Regular", "Noto Sans Arabic Regular", "Noto Sans Arabic,Bold" })
            {
                fonts.Split('\n').ShouldContain(l => l.Contains(font) && l.Contains("Identity-H") && System.Text.RegularExpressions.Regex.IsMatch(l, @"\byes\s+yes\s+yes\b"),
                    $"{font} embedded, subset, with a Unicode map: {fonts}");
            }
        }
        finally
        {
            File.Delete(path);
        }
    }
}
