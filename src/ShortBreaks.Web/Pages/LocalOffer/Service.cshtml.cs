using ShortBreaks.Core.LocalOffer;

namespace ShortBreaks.Web.Pages.LocalOffer;

/// <summary>A listed service's page in the Local Offer directory: what, who, where, when, for whom, cost and contact.</summary>
public sealed class ServiceModel(DirectorySearch search) : GovukPageModel
{
    public override string Title => Found?.Service.Name ?? "Short break";

    public DirectoryService? Found { get; private set; }

    public ProviderSettings Settings => search.Settings;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        Found = await search.FindAsync(id, HttpContext.RequestAborted);
        return Found is null ? NotFound() : Page();
    }

    public string KindName => Settings.Kinds.FirstOrDefault(k => k.Id == Found!.Service.Kind)?.Name ?? Found!.Service.Kind;

    /// <summary>The needs it caters for, by name, in the taxonomy's order.</summary>
    public IReadOnlyList<string> NeedNames()
    {
        var terms = DirectorySearch.TermsOf(Found!.Service, Settings);
        var kindTerms = Settings.Kinds.Select(k => k.TermId).ToHashSet();
        return Settings.Taxonomy.Terms.Where(t => terms.Contains(t.Id) && !kindTerms.Contains(t.Id) && t.ParentId is not null).Select(t => t.Name).ToList();
    }
}
