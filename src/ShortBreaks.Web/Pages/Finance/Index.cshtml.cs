namespace ShortBreaks.Web.Pages.Finance;

/// <summary>Finance officers' home: provider invoices and payment runs.</summary>
public sealed class IndexModel : GovukPageModel
{
    public override string Title => "Invoices and payment runs";

    public void OnGet()
    {
    }
}
