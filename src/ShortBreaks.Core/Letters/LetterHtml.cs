namespace ShortBreaks.Core.Letters;

/// <summary>
/// The HTML body of a letter to a family, written a paragraph at a time in GOV.UK classes: the date and greeting,
/// headings, the officer's reasons a paragraph each, and the sign-off, so every letter is laid out alike.
/// Text given to <see cref="P"/> is HTML, already encoded; everything else is encoded here.
/// </summary>
internal sealed class LetterHtml
{
    private static readonly CultureInfo UkCulture = CultureInfo.GetCultureInfo("en-GB");

    private readonly StringBuilder _html = new();

    /// <summary>A letter that opens with the date it is written and "Dear <paramref name="dear"/>,".</summary>
    public static LetterHtml Begin(DateTime written, string? dear)
    {
        var letter = new LetterHtml();
        letter.P(Day(written));
        letter.P($"Dear {Encode(dear)},");
        return letter;
    }

    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>A day as a letter writes it: 5 December 2026.</summary>
    public static string Day(DateTime at) => at.ToString("d MMMM yyyy", UkCulture);

    /// <inheritdoc cref="Day(DateTime)"/>
    public static string Day(DateOnly day) => day.ToString("d MMMM yyyy", UkCulture);

    public void P(string html) => _html.Append("<p class=\"govuk-body\">").Append(html).Append("</p>\n");

    public void Heading(string text) => _html.Append("<h2 class=\"govuk-heading-m\">").Append(Encode(text)).Append("</h2>\n");

    /// <summary>Markup the paragraphs and headings do not cover, such as a list; already encoded.</summary>
    public void Raw(string html) => _html.Append(html);

    /// <summary>Text as its writer typed it, one paragraph a line, blank lines left out.</summary>
    public void Paragraphs(string text)
    {
        foreach (var paragraph in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            P(Encode(paragraph));
        }
    }

    /// <summary>"Yours sincerely," and the name of who decided, with the service and the council.</summary>
    public void SignOff(string byName, CouncilSettings council)
    {
        P("Yours sincerely,");
        P($"{Encode(byName)}<br>{Encode(council.ServiceName)}, {Encode(council.Name)}");
    }

    public override string ToString() => _html.ToString();
}
