namespace ShortBreaks.Web.Pages.Rates.Versions;

public sealed class IndexModel(RasVersionService versions, RasSchemeCatalog catalog) : GovukPageModel
{
    public override string Title => "RAS versions";

    public IReadOnlyList<RasVersionRecord> List { get; private set; } = [];
    public string InForce { get; private set; } = "";
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync()
    {
        Today = versions.Today;
        InForce = catalog.InForceOn(Today).Version;
        List = await versions.ListAsync(HttpContext.RequestAborted);
    }

    public static string SourceText(RasVersionSource source) => source switch
    {
        RasVersionSource.SchemeFile => "Shipped scheme file",
        RasVersionSource.Calibrated => "Calibrated",
        _ => "Edited",
    };
}
