namespace ShortBreaks.Web.Pages.Commissioning;

/// <summary>Commissioning's home: the provider framework and what is bought from it.</summary>
public sealed class IndexModel : GovukPageModel
{
    public override string Title => "Commissioning";

    public void OnGet()
    {
    }
}
