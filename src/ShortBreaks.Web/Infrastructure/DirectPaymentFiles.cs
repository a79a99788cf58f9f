using ShortBreaks.Core.DirectPayments;

namespace ShortBreaks.Web.Infrastructure;

public static class DirectPaymentFiles
{
    /// <summary>A draft agreement as a PDF, laid out as the agreed letter will be.</summary>
    public static FileContentResult DraftPdf(DirectPayment payment, SchemeCatalog schemes, DateTime now)
    {
        var scheme = schemes.Find(payment.SchemeVersion) ?? schemes.InForceOn(UkCalendar.DateOf(now));
        var council = scheme.Council;
        var bytes = LetterPdf.Render($"Draft direct payment agreement ({payment.Reference})", payment.BodyHtml,
            new LetterHeading(council.Name, council.ServiceName, council.ContactEmail, council.ContactPhone), now);
        return new FileContentResult(bytes, "application/pdf") { FileDownloadName = $"direct-payment-agreement-{payment.Reference}-draft.pdf" };
    }
}
