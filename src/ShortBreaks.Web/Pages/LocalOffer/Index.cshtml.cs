using ShortBreaks.Core.LocalOffer;

namespace ShortBreaks.Web.Pages.LocalOffer;

/// <summary>
/// The Local Offer directory's search, open to anyone: listed short breaks by need, age, kind, day, distance from a
/// postcode and words. Each filter is checked and a wrong one is shown as a GOV.UK error (nothing is searched then).
/// </summary>
public sealed class IndexModel(DirectorySearch search) : GovukPageModel
{
    public const int PageSize = 20;

    /// <summary>The distances, in miles, a family may search within.</summary>
    public static readonly IReadOnlyList<int> Distances = [1, 3, 5, 10, 25];

    [BindProperty(SupportsGet = true, Name = "q")] public string? Words { get; set; }
    [BindProperty(SupportsGet = true, Name = "need")] public string? Need { get; set; }
    [BindProperty(SupportsGet = true, Name = "kind")] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true, Name = "age")] public string? Age { get; set; }
    [BindProperty(SupportsGet = true, Name = "day")] public string? Day { get; set; }
    [BindProperty(SupportsGet = true, Name = "postcode")] public string? Postcode { get; set; }
    [BindProperty(SupportsGet = true, Name = "within")] public string? Within { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public string? PageText { get; set; }

    public override string Title => "Find short breaks";

    public ProviderSettings Settings => search.Settings;

    /// <summary>The needs a family can pick: the taxonomy's terms under "needs".</summary>
    public IReadOnlyList<TaxonomyTermSetting> Needs => Settings.Taxonomy.Terms.Where(t => t.ParentId == "needs").ToList();

    public DirectoryResults? Results { get; private set; }

    /// <summary>Whether the postcode was given and placed, so distances are shown.</summary>
    public bool Measured { get; private set; }

    public bool Searched => new[] { Words, Need, Kind, Age, Day, Postcode, Within }.Any(v => !string.IsNullOrWhiteSpace(v));

    public async Task OnGetAsync()
    {
        ClearBindingErrors();
        var settings = Settings;
        var text = Words?.Trim();
        if (text is { Length: > 200 }) AddErrors([new FieldError("q", "Search words must be 200 characters or fewer")]);
        if (text is not null && text.Any(char.IsControl)) AddErrors([new FieldError("q", "Search words must not contain hidden characters")]);

        if (!string.IsNullOrEmpty(Need) && Needs.All(n => n.Id != Need)) AddErrors([new FieldError("need", "Choose a need from the list")]);
        if (!string.IsNullOrEmpty(Kind) && settings.Kinds.All(k => k.Id != Kind)) AddErrors([new FieldError("kind", "Choose a kind of short break from the list")]);

        int? age = null;
        if (!string.IsNullOrWhiteSpace(Age))
        {
            if (!int.TryParse(Age.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var years)) AddErrors([new FieldError("age", "Enter the child's age in whole years, like 9")]);
            else if (years > 25) AddErrors([new FieldError("age", "Age must be 25 or under")]);
            else age = years;
        }

        string? day = null;
        if (!string.IsNullOrEmpty(Day))
        {
            if (Enum.TryParse<DayOfWeek>(Day, ignoreCase: true, out var d) && Enum.IsDefined(d) && !int.TryParse(Day, out _)) day = DirectoryFilter.DayCode(d);
            else AddErrors([new FieldError("day", "Choose a day from the list")]);
        }

        int? within = null;
        if (!string.IsNullOrEmpty(Within))
        {
            if (int.TryParse(Within, NumberStyles.None, CultureInfo.InvariantCulture, out var miles) && Distances.Contains(miles)) within = miles;
            else AddErrors([new FieldError("within", "Choose a distance from the list")]);
        }

        GeoPoint? from = null;
        if (!string.IsNullOrWhiteSpace(Postcode))
        {
            if (Postcode.Length > 10 || !Postcodes.LooksLikePostcode(Postcode)) AddErrors([new FieldError("postcode", "Enter a real postcode, like DC1 2AB")]);
            else if ((from = await search.LocateAsync(Postcode, HttpContext.RequestAborted)) is null)
                AddErrors([new FieldError("postcode", $"We cannot find {Postcodes.Format(Postcode)}. Enter a postcode in the council's area, like DC1 2AB")]);
        }
        else if (within is not null)
        {
            AddErrors([new FieldError("postcode", "Enter a postcode to search within a distance of it")]);
        }

        if (HasErrors) return;
        var page = int.TryParse(PageText, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is >= 1 and <= 100_000 ? p : 1;
        var filter = new DirectoryFilter { Text = text, TermIds = Need is null or "" ? [] : [Need], Kind = Kind is "" ? null : Kind, ChildAge = age, Day = day };
        Measured = from is not null;
        Results = await search.SearchAsync(new DirectoryQuery(filter, from, within, page, PageSize), HttpContext.RequestAborted);
    }

    public string KindName(string kind) => Settings.Kinds.FirstOrDefault(k => k.Id == kind)?.Name ?? kind;

    public string PageLink(int page) => Links.LocalOffer(Blank(Words), Blank(Need), Blank(Kind), Blank(Age), Blank(Day), Blank(Postcode), Blank(Within), page);

    public IReadOnlyList<int?> PageNumbers() => Infrastructure.PageNumbers.Around(Results!.Page, Results.TotalPages);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
