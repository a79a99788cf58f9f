namespace ShortBreaks.Web.Pages.Rates.Versions;

[Authorize(Policy = Policies.Admin)]
public sealed class DeleteModel(RasVersionService versions) : VersionPageModel(versions)
{
    public override string Title => "Delete this draft";

    public async Task<IActionResult> OnGetAsync() => await LoadDraftAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        ClearBindingErrors();
        if (await LoadDraftAsync() is { } stop) return stop;
        var result = await Versions.DeleteDraftAsync(Record, SeenVersion ?? -1, HttpContext.RequestAborted);
        if (result.Succeeded) return Redirect(Links.RatesVersions());
        AddErrors(result.Errors.Select(e => e with { Field = "" }));
        if (result.Conflict) SeenVersion = await Versions.CurrentVersionAsync(Record.Id, HttpContext.RequestAborted);
        return Page();
    }
}
