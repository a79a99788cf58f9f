namespace ShortBreaks.Web.Pages.Rates.Versions;

/// <summary>One RAS version in full: money, routing, support rules and every question's points, and what a draft changes.</summary>
public sealed class VersionModel(RasVersionService versions) : VersionPageModel(versions)
{
    private static readonly JsonSerializerOptions Indented = new(RasSchemeCatalog.JsonOptions) { WriteIndented = true };

    public override string Title => $"RAS version {Label}";

    [BindProperty(SupportsGet = true, Name = "saved")] public string? SavedWhat { get; set; }

    public bool Saved => SavedWhat is not null;
    public string SavedMessage => SavedWhat switch
    {
        "published" => $"Version {Label} is published. It is used for assessments completed from {Record.EffectiveFrom:d MMMM yyyy}.",
        "created" => $"Draft {Label} made. Change what you need, try it in a virtual budget, then publish it.",
        _ => "Your changes to the draft are saved.",
    };

    public bool IsAdmin => User.IsInRole(Roles.Admin);

    /// <summary>For a version made from another: what it changes, in sentences.</summary>
    public IReadOnlyList<string>? Changes { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        if (Record.BasedOn is { } basedOn && await Versions.SchemeAsync(basedOn, HttpContext.RequestAborted) is { } based)
        {
            Changes = RasSchemeDiff.Compare(based, Scheme with { Version = based.Version, EffectiveFrom = based.EffectiveFrom });
        }

        return Page();
    }

    /// <summary>The version as a RAS file, as it would sit in <c>schemes/ras/</c>.</summary>
    public async Task<IActionResult> OnGetJsonAsync()
    {
        if (!await LoadAsync()) return NotFound();
        var json = JsonSerializer.Serialize(Scheme, Indented);
        return File(Encoding.UTF8.GetBytes(json), "application/json", $"ras-{Record.Label}.json");
    }

    public static string RouteText(RasRouting routing) => routing switch
    {
        RasRouting.Universal => "Universal services",
        RasRouting.SocialWorkAssessment => "Social work assessment",
        _ => "Money",
    };
}
