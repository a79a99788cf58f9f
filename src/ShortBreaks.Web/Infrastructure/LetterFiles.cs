namespace ShortBreaks.Web.Infrastructure;

/// <summary>A letter kept on the record, as a PDF file to download: the same words as the page, from the letter as sent.</summary>
public static class LetterFiles
{
    public static FileContentResult Pdf(Letter letter, Scheme scheme)
    {
        var council = scheme.Council;
        var bytes = LetterPdf.Render(letter.Title, letter.BodyHtml, new LetterHeading(council.Name, council.ServiceName, council.ContactEmail, council.ContactPhone), letter.CreatedAt);
        return new FileContentResult(bytes, "application/pdf") { FileDownloadName = $"letter-{UkCalendar.DateOf(letter.CreatedAt):yyyy-MM-dd}-{letter.Id.ToString()[..8]}.pdf" };
    }
}
