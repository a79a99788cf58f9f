namespace ShortBreaks.Web.Pages.Rates.Calibration;

/// <summary>
/// A calibration's report: the fitted rates per phase, how well they and the version started from fit, the
/// packages furthest from the fit, who would gain or lose; and saving the rates as a draft RAS version.
/// </summary>
public sealed class ReportModel(CalibrationService calibrations) : GovukPageModel
{
    [FromRoute] public Guid Id { get; set; }

    [BindProperty] public string? Label { get; set; }
    [BindProperty(Name = "EffectiveFrom-day")] public string? Day { get; set; }
    [BindProperty(Name = "EffectiveFrom-month")] public string? Month { get; set; }
    [BindProperty(Name = "EffectiveFrom-year")] public string? Year { get; set; }
    [BindProperty] public string? Notes { get; set; }
    [BindProperty] public long? RunVersion { get; set; }

    public override string Title => "Calibration report";

    public CalibrationRun Run { get; private set; } = null!;
    public CalibrationReport Report { get; private set; } = null!;

    /// <summary>The boxes of the effective date that are in error, for the date input.</summary>
    public IReadOnlyList<string> DateErrorParts { get; private set; } = [];

    /// <summary>Set after a draft has just been saved, for the confirmation banner.</summary>
    public bool JustSaved { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool saved = false)
    {
        if (!await LoadAsync()) return NotFound();
        JustSaved = saved && Run.DraftLabel is not null;
        return Page();
    }

    public async Task<IActionResult> OnPostSaveDraftAsync()
    {
        ClearBindingErrors();
        if (!await LoadAsync()) return NotFound();
        var errors = new List<FieldError>();
        var date = DateInput.Read("The date the version takes effect", Day, Month, Year);
        if (date.Error is not null)
        {
            errors.Add(new FieldError(DateInput.Key("EffectiveFrom", date.ErrorParts[0]), date.Error));
            DateErrorParts = date.ErrorParts;
        }

        if (errors.Count == 0)
        {
            var (_, result) = await calibrations.SaveDraftAsync(Run, Label, date.Date, Notes, RunVersion ?? -1, HttpContext.RequestAborted);
            if (result.Succeeded) return Redirect(Links.RatesCalibration(Id, saved: true));
            errors.AddRange(result.Errors.Select(e => e.Field == "EffectiveFrom" ? e with { Field = DateInput.Key("EffectiveFrom", DateInput.DayPart) } : e));
            if (result.Errors.Any(e => e.Field == "EffectiveFrom")) DateErrorParts = DateInput.AllParts;
            if (result.Conflict) await LoadAsync();
        }

        AddErrors(errors);
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        var run = await calibrations.ViewAsync(Id, HttpContext.RequestAborted);
        if (run is null) return false;
        Run = run;
        Report = CalibrationService.ReportOf(run);
        if (!HttpMethods.IsPost(Request.Method)) RunVersion = run.Version;
        return true;
    }

    public string? DateError => ModelState.Keys.Where(k => k.StartsWith("EffectiveFrom", StringComparison.Ordinal)).Select(ErrorFor).FirstOrDefault(e => e is not null);

    public static string Points(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    public static string RSquared(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "not measured (every cost is the same)";

    public string PhaseName(string phaseId) => Report.Phases.FirstOrDefault(p => p.PhaseId == phaseId)?.PhaseName ?? phaseId;

    public string NeedName(string domainId) => Report.ChangesByNeed.FirstOrDefault(g => g.Id == domainId)?.Name ?? domainId;
}
