namespace ShortBreaks.Web.Pages.Rates.Versions;

/// <summary>An administrator publishes a draft. It cannot be undone or changed afterwards.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class PublishModel(RasVersionService versions, SchemeCatalog schemes) : VersionPageModel(versions)
{
    public override string Title => "Publish this version";

    public int? ChangeCount { get; private set; }
    public int NoticeMonths => schemes.InForceOn(Versions.Today).Reviews.ReductionNoticeMonths;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadDraftAsync() is { } stop) return stop;
        await CountChangesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ClearBindingErrors();
        if (await LoadDraftAsync() is { } stop) return stop;
        var result = await Versions.PublishAsync(Record, SeenVersion ?? -1, HttpContext.RequestAborted);
        if (result.Succeeded) return Redirect(Links.RatesVersion(Record.Label, saved: "published"));
        AddErrors(result.Errors.Select(e => e with { Field = "" }));
        if (result.Conflict) SeenVersion = await Versions.CurrentVersionAsync(Record.Id, HttpContext.RequestAborted);
        await CountChangesAsync();
        return Page();
    }

    private async Task CountChangesAsync()
    {
        if (Record.BasedOn is { } basedOn && await Versions.SchemeAsync(basedOn, HttpContext.RequestAborted) is { } based)
            ChangeCount = RasSchemeDiff.Compare(based, Scheme with { Version = based.Version, EffectiveFrom = based.EffectiveFrom }).Count;
    }
}
