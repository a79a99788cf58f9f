using ShortBreaks.Core.LocalOffer;

namespace ShortBreaks.Web.Pages.Commissioning.Directory;

/// <summary>
/// Commissioning imports services into the Local Offer directory from an HSDS-UK feed file (another council's feed,
/// or the directory being replaced): all or nothing, every problem listed by service and field. The page reads its
/// own form, so a file over the limit gets a message here rather than an error page.
/// </summary>
[IgnoreAntiforgeryToken] // checked in OnPageHandlerExecutionAsync, once the form has been read safely
[RequestSizeLimit(EvidenceFiles.MaxDiscardedBytes)] // but never parsed beyond MaxRequestBytes: see ReadFormAsync
[RequestFormLimits(MultipartBodyLengthLimit = ServiceSetup.MaxRequestBytes)]
public sealed class ImportModel(DirectoryImport import, SchemeCatalog schemes, TimeProvider clock, IAntiforgery antiforgery, ILogger<ImportModel> logger) : GovukPageModel
{
    /// <summary>Problems shown on the page; the count says how many more there are.</summary>
    public const int ProblemsShown = 500;

    public static string MaxFileText => $"{DirectoryImport.MaxFileBytes / (1024 * 1024)}MB";

    public override string Title => "Import services into the Local Offer directory";

    public IReadOnlyList<ServiceKind> Kinds => schemes.InForceOn(UkCalendar.Today(clock)).ProviderRules.Kinds;

    public string? DefaultKind { get; private set; }

    public IReadOnlyList<ImportProblem> Problems { get; private set; } = [];

    public string? FileName { get; private set; }

    public ImportOutcome? Done { get; private set; }

    private IFormCollection? _form;
    private string? _formProblem;

    public override Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context)
    {
        UploadForms.BindRouteAndQueryOnly(PageContext);
        return Task.CompletedTask;
    }

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        (_form, _formProblem) = await UploadForms.ReadPostedAsync(context, antiforgery, logger,
            $"The selected file must be smaller than {MaxFileText}", "The selected file could not be uploaded. Try again");
        if (context.Result is null) await next();
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (_form is null)
        {
            AddErrors([new FieldError("Upload", _formProblem ?? "Select a file")]);
            return Page();
        }

        DefaultKind = _form["DefaultKind"].FirstOrDefault() is { Length: > 0 } kind ? kind : null;
        var upload = _form.Files.GetFile("Upload");
        var errors = new List<FieldError>();
        if (DefaultKind is not null && Kinds.All(k => k.Id != DefaultKind)) errors.Add(new("DefaultKind", "Choose a kind of short break from the list"));
        if (upload is null || upload.Length == 0 && string.IsNullOrEmpty(upload.FileName)) errors.Add(new("Upload", "Select an HSDS-UK feed file (JSON)"));
        else if (upload.Length == 0) errors.Add(new("Upload", "The selected file is empty"));
        else if (upload.Length > DirectoryImport.MaxFileBytes) errors.Add(new("Upload", $"The selected file must be smaller than {MaxFileText}"));
        if (errors.Count > 0)
        {
            AddErrors(errors);
            return Page();
        }

        FileName = EvidenceFiles.SafeName(upload!.FileName);
        await using var stream = upload.OpenReadStream();
        var outcome = await import.ImportAsync(stream, DefaultKind, User.FindFirstValue(DisplayNameClaimsFactory.DisplayNameClaim) ?? User.Identity?.Name ?? "Commissioning", HttpContext.RequestAborted);
        if (!outcome.Succeeded)
        {
            Problems = outcome.Problems;
            var count = outcome.Problems.Count;
            AddErrors([new FieldError("Upload", count == 1 && outcome.Problems[0].Item == 0
                ? outcome.Problems[0].Message
                : $"The file has {count:N0} problem{(count == 1 ? "" : "s")}, listed below. Nothing has been imported")]);
            return Page();
        }

        Done = outcome;
        return Page();
    }
}
