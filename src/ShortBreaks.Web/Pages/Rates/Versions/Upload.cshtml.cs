namespace ShortBreaks.Web.Pages.Rates.Versions;

/// <summary>Replaces a draft with a whole RAS file, checked in full first.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class UploadModel(RasVersionService versions) : VersionPageModel(versions)
{
    /// <summary>A RAS file is a few tens of kilobytes; anything much larger is not one.</summary>
    public const long MaxBytes = 2 * 1024 * 1024;

    public override string Title => "Replace the draft with a file";

    public async Task<IActionResult> OnGetAsync() => await LoadDraftAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        ClearBindingErrors();
        if (await LoadDraftAsync() is { } stop) return stop;
        var file = Request.HasFormContentType ? (await Request.ReadFormAsync(HttpContext.RequestAborted)).Files.GetFile("File") : null;
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("File", "Select a RAS file to upload");
            return Page();
        }

        if (file.Length > MaxBytes)
        {
            ModelState.AddModelError("File", "The file must be smaller than 2 MB");
            return Page();
        }

        string json;
        using (var reader = new StreamReader(file.OpenReadStream()))
        {
            json = await reader.ReadToEndAsync(HttpContext.RequestAborted);
        }

        var (scheme, errors) = RasSchemeCatalog.Parse(json);
        if (scheme is null)
        {
            ModelState.AddModelError("File", "The file is not a valid RAS version: the problems are listed above");
            AddErrors(errors.Select(e => new FieldError("", e)));
            return Page();
        }

        if (await SaveAsync(scheme, Record.Notes)) return Redirect(Links.RatesVersion(scheme.Version, saved: "changes"));
        return Page();
    }
}
