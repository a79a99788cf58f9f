namespace ShortBreaks.Web.Pages.Provider;

/// <summary>A provider organisation's home: where it stands on the framework and what it can do.</summary>
public sealed class IndexModel : ProviderPageModel
{
    public override string Title => Member.OrganisationName;

    public void OnGet()
    {
    }
}
