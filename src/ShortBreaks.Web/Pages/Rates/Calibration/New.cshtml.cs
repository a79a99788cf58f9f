namespace ShortBreaks.Web.Pages.Rates.Calibration;

/// <summary>
/// Upload last year's packages, choose the version to start from and the method, and fit the rates. A file with
/// any bad row is not kept: its problems are listed row by row (in pages, and as a CSV to download), carried from
/// page to page in the form itself so nothing is stored. The page reads its own form, so that a file over the
/// limit gets a message here rather than an error page.
/// </summary>
[IgnoreAntiforgeryToken] // checked in OnPageHandlerExecutionAsync, once the form has been read safely
[RequestSizeLimit(EvidenceFiles.MaxDiscardedBytes)] // but never parsed beyond MaxRequestBytes: see ReadFormAsync
[RequestFormLimits(MultipartBodyLengthLimit = ServiceSetup.MaxRequestBytes)]
public sealed class NewModel(
    CalibrationService calibrations,
    RasVersionService versions,
    RasSchemeCatalog catalog,
    IAntiforgery antiforgery,
    ILogger<NewModel> logger) : GovukPageModel
{
    /// <summary>The largest file accepted here: well inside the request limit.</summary>
    public const long MaxFileBytes = 25L * 1024 * 1024;

    public const int ProblemsPerPage = 50;

    public static string MaxFileText => $"{MaxFileBytes / (1024 * 1024)}MB";

    public override string Title => "Calibrate the rates from last year's packages";

    public string? BaseVersion { get; private set; }
    public string Method { get; private set; } = CalibrationOptions.AsBase;
    public string? Floor { get; private set; }
    public string? Cap { get; private set; }
    public string? MinimumPerBand { get; private set; }

    public IReadOnlyList<RasVersionRecord> Versions { get; private set; } = [];

    /// <summary>The problems of the file just uploaded, the page of them shown, and the file's name.</summary>
    public IReadOnlyList<CalibrationRowError> Problems { get; private set; } = [];

    public int ProblemCount { get; private set; }
    public int ProblemsPage { get; private set; } = 1;
    public string? ProblemsFileName { get; private set; }

    public int ProblemPages => Math.Max(1, (Problems.Count + ProblemsPerPage - 1) / ProblemsPerPage);

    public IEnumerable<CalibrationRowError> ProblemsOnPage => Problems.Skip((ProblemsPage - 1) * ProblemsPerPage).Take(ProblemsPerPage);

    /// <summary>The problems as JSON, posted back by the paging and download buttons.</summary>
    public string ProblemsJson => JsonSerializer.Serialize(new ProblemList(ProblemsFileName ?? "", ProblemCount, Problems), CalibrationService.ReportJson);

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

    public async Task OnGetAsync()
    {
        await LoadAsync();
        BaseVersion = Request.Query["version"].FirstOrDefault() is { } v && Versions.Any(r => r.Label == v) ? v : InForce;
    }

    /// <summary>A CSV with the version's columns and an example row per phase.</summary>
    public async Task<IActionResult> OnGetTemplateAsync(string? version, string? format)
    {
        var scheme = version is null ? null : await versions.SchemeAsync(version, HttpContext.RequestAborted);
        if (scheme is null) return NotFound();
        var fileFormat = format == "domains" ? CalibrationFileFormat.DomainPoints : CalibrationFileFormat.Answers;
        var csv = CalibrationCsv.Template(scheme, fileFormat);
        var name = $"calibration-template-{scheme.Version}-{(fileFormat == CalibrationFileFormat.DomainPoints ? "domain-points" : "answers")}.csv";
        return File(Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", name);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (_form is null)
        {
            BaseVersion = InForce;
            AddErrors([new FieldError("Upload", _formProblem ?? "Select a file")]);
            return Page();
        }

        BaseVersion = _form["BaseVersion"].FirstOrDefault();
        Method = _form["Method"].FirstOrDefault() ?? "";
        Floor = _form["Floor"].FirstOrDefault()?.Trim();
        Cap = _form["Cap"].FirstOrDefault()?.Trim();
        MinimumPerBand = _form["MinimumPerBand"].FirstOrDefault()?.Trim();
        var upload = _form.Files.GetFile("Upload");

        var errors = new List<FieldError>();
        if (string.IsNullOrEmpty(BaseVersion) || Versions.All(v => v.Label != BaseVersion)) errors.Add(new("BaseVersion", "Select a RAS version to start from"));
        if (!CalibrationOptions.IsMethod(Method)) errors.Add(new("Method", "Select how points become money"));
        var floor = Pounds("Floor", Floor, "least amount", errors);
        var cap = Pounds("Cap", Cap, "most amount", errors);
        if (floor is { } f && cap is { } c && f > c) errors.Add(new("Cap", "The most amount must not be less than the least amount"));
        var minimum = new CalibrationOptions().MinimumPackagesPerBand;
        if (!string.IsNullOrEmpty(MinimumPerBand) &&
            (!int.TryParse(MinimumPerBand, NumberStyles.None, CultureInfo.InvariantCulture, out minimum) || minimum is < 1 or > CalibrationOptions.MaxMinimumPackagesPerBand))
        {
            errors.Add(new("MinimumPerBand", $"Enter the fewest packages as a whole number from 1 to {CalibrationOptions.MaxMinimumPackagesPerBand:N0}"));
        }

        if (upload is null || upload.Length == 0 && string.IsNullOrEmpty(upload.FileName)) errors.Add(new("Upload", "Select a CSV file of last year's packages"));
        else if (upload.Length == 0) errors.Add(new("Upload", "The selected file is empty"));
        else if (upload.Length > MaxFileBytes) errors.Add(new("Upload", $"The selected file must be smaller than {MaxFileText}"));
        if (errors.Count > 0)
        {
            AddErrors(errors);
            return Page();
        }

        await using var stream = upload!.OpenReadStream();
        var outcome = await calibrations.RunAsync(upload.FileName, stream, BaseVersion!,
            new CalibrationOptions { Method = Method, Floor = floor, Cap = cap, MinimumPackagesPerBand = minimum }, MaxFileBytes, HttpContext.RequestAborted);
        if (!outcome.Result.Succeeded)
        {
            AddErrors(outcome.Result.Errors);
            Problems = outcome.Import.Errors;
            ProblemCount = outcome.Import.ErrorCount;
            ProblemsFileName = EvidenceFiles.SafeName(upload.FileName);
            return Page();
        }

        return Redirect(Links.RatesCalibration(outcome.Run!.Id));
    }

    /// <summary>Another page of the problems of the file just uploaded.</summary>
    public async Task<IActionResult> OnPostProblemsAsync()
    {
        await LoadAsync();
        if (!ReadProblems()) return Redirect(Links.RatesCalibrationNew());
        BaseVersion = _form!["BaseVersion"].FirstOrDefault() ?? InForce;
        Method = _form["Method"].FirstOrDefault() ?? CalibrationOptions.AsBase;
        ProblemsPage = int.TryParse(_form["ProblemsPage"], NumberStyles.None, CultureInfo.InvariantCulture, out var page) ? Math.Clamp(page, 1, ProblemPages) : 1;
        AddErrors([new FieldError("Upload", CalibrationService.ImportSummary(new CalibrationImport { Errors = Problems, ErrorCount = ProblemCount }))]);
        return Page();
    }

    /// <summary>The problems of the file just uploaded, as a CSV to fix the file from.</summary>
    public IActionResult OnPostProblemsCsv()
    {
        if (!ReadProblems()) return Redirect(Links.RatesCalibrationNew());
        var name = Path.GetFileNameWithoutExtension(ProblemsFileName) is { Length: > 0 } stem ? $"{stem}-problems.csv" : "calibration-problems.csv";
        return File(Encoding.UTF8.GetBytes(CalibrationCsv.ErrorsCsv(Problems)), "text/csv; charset=utf-8", name);
    }

    private bool ReadProblems()
    {
        if (_form?["Problems"].FirstOrDefault() is not { Length: > 0 } json) return false;
        try
        {
            if (JsonSerializer.Deserialize<ProblemList>(json, CalibrationService.ReportJson) is not { } list) return false;
            Problems = list.Problems.Take(CalibrationCsv.MaxErrorsListed).ToList();
            ProblemCount = Math.Max(list.Count, Problems.Count);
            ProblemsFileName = EvidenceFiles.SafeName(list.FileName);
            return Problems.Count > 0;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private async Task LoadAsync() => Versions = await versions.ListAsync(HttpContext.RequestAborted);

    private string InForce => catalog.InForceOn(versions.Today).Version;

    public static string MethodName(string method) => method switch
    {
        CalibrationOptions.Bands => "Bands",
        CalibrationOptions.PricePerPoint => "Price per point",
        _ => "The same as the version chosen",
    };

    private static decimal? Pounds(string field, string? text, string name, List<FieldError> errors)
    {
        if (string.IsNullOrEmpty(text)) return null;
        var value = CalibrationCsv.ParseMoney(text, out var error);
        if (error is not null)
        {
            errors.Add(new(field, $"Enter the {name} in pounds, like 500"));
            return null;
        }

        return value;
    }

    private sealed record ProblemList(string FileName, int Count, IReadOnlyList<CalibrationRowError> Problems);
}
