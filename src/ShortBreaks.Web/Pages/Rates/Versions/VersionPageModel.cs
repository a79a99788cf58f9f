namespace ShortBreaks.Web.Pages.Rates.Versions;

/// <summary>
/// A page about one RAS version, found by its label. Pages that change a version are for administrators and
/// only for drafts: a published version is never changed.
/// </summary>
public abstract class VersionPageModel(RasVersionService versions) : GovukPageModel
{
    [BindProperty(SupportsGet = true)] public string Label { get; set; } = "";

    /// <summary>The record's version as the person saw it, for optimistic concurrency.</summary>
    [BindProperty] public long? SeenVersion { get; set; }

    public RasVersionRecord Record { get; private set; } = null!;
    public RasScheme Scheme { get; private set; } = null!;

    protected RasVersionService Versions => versions;

    public bool CanEdit => Record.Status == RasVersionStatus.Draft && User.IsInRole(Roles.Admin);

    /// <summary>Loads the version; null when there is none with the label.</summary>
    protected async Task<bool> LoadAsync()
    {
        if (await versions.FindAsync(Label, HttpContext.RequestAborted) is not { } record) return false;
        Record = record;
        Scheme = RasVersionService.SchemeOf(record);
        return true;
    }

    /// <summary>For pages that change a draft: not found, or not a draft (sent to the version page), or null to go on.</summary>
    protected async Task<IActionResult?> LoadDraftAsync()
    {
        if (!await LoadAsync()) return NotFound();
        if (Record.Status != RasVersionStatus.Draft) return Redirect(Links.RatesVersion(Record.Label));
        // A post keeps the version it was sent with (none, if none was): assuming the current one could overwrite an unseen change.
        if (!HttpMethods.IsPost(Request.Method)) SeenVersion = Record.Version;
        return null;
    }

    /// <summary>Saves a changed scheme to the draft, or adds the errors; true when saved.</summary>
    protected async Task<bool> SaveAsync(RasScheme changed, string? notes)
    {
        var result = await versions.UpdateDraftAsync(Record, changed, notes, SeenVersion ?? -1, HttpContext.RequestAborted);
        if (result.Succeeded) return true;
        AddErrors(result.Errors);
        // After someone else's change, the next save is made over what is there now: the page keeps what was typed.
        if (result.Conflict) SeenVersion = await versions.CurrentVersionAsync(Record.Id, HttpContext.RequestAborted);
        return false;
    }

    public static string Number(decimal? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";

    /// <summary>Reads a figure typed in a box: empty is null; anything else must be a number of at most two decimal places.</summary>
    protected decimal? ReadNumber(string field, string? text, string what, bool required = true, bool money = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required) ModelState.AddModelError(field, $"Enter {what}");
            return null;
        }

        // Figures that are not money (points, percentages) are read the same way, without the "£".
        if ((!money && text.Contains('£')) || !Money.TryParse(text, out var value) ||
            decimal.Round(value, 2) != value || Math.Abs(value) > 10_000_000m)
        {
            ModelState.AddModelError(field, $"{char.ToUpperInvariant(what[0])}{what[1..]} must be a number, like 12 or 12.5");
            return null;
        }

        if (value < 0)
        {
            ModelState.AddModelError(field, $"{char.ToUpperInvariant(what[0])}{what[1..]} must be 0 or more");
            return null;
        }

        return value;
    }

    protected static IEnumerable<FieldError> Unlinked(IEnumerable<string> errors) => errors.Select(e => new FieldError("", e));
}
