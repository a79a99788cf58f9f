using ShortBreaks.Core.Finance;

namespace ShortBreaks.Web.Pages.Finance.PaymentRuns;

/// <summary>
/// An approved or paid run's payment file, in the scheme's layout, for finance's system: the only place sort codes and
/// account numbers leave the service. Each download is audited; not kept by the browser.
/// </summary>
[NoStore]
public sealed class FileModel(PaymentRunService runs) : GovukPageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public override string Title => "Payment file";

    public async Task<IActionResult> OnGetAsync()
    {
        var file = await runs.PaymentFileAsync(Id, HttpContext.RequestAborted);
        if (file is not { } found) return NotFound();
        return File(Encoding.UTF8.GetBytes(found.Csv), "text/csv; charset=utf-8", found.FileName);
    }
}
