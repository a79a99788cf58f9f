using ShortBreaks.Core.Providers;

namespace ShortBreaks.Web.Pages.Provider.Children;

/// <summary>
/// The children the organisation works with (those <see cref="ProviderChildAccess"/> shows it), by surname, a page at a
/// time, searchable by name. The list shows names and dates of birth only; opening a child is audited.
/// </summary>
public sealed class IndexModel(ProviderChildren children) : ProviderPageModel
{
    public const int SearchMaxLength = 100;

    [BindProperty(SupportsGet = true, Name = "search")] public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")] public string? PageNumber { get; set; }

    public override string Title => "Children";

    public ProviderChildList List { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        // A query string is typed or guessed: anything that is not a page number is the first page.
        var page = int.TryParse(PageNumber, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 1;
        Search = Search?.Trim() is { Length: > 0 } s ? (s.Length > SearchMaxLength ? s[..SearchMaxLength] : s) : null;
        List = await children.ListAsync(Member.OrganisationId, Search, page, HttpContext.RequestAborted);
    }

    public string PageLink(int page) => Links.ProviderChildren(Search, page);
}
