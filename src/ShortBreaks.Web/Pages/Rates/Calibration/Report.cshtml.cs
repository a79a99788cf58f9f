namespace ShortBreaks.Web.Pages.Rates.Calibration;

/// <summary>
/// A calibration's report: the fitted rates per phase, how well they and the version started from fit, the
/// packages furthest from the fit, who would gain or lose; and saving the rates as a draft RAS version.
/// </summary>
public sealed class ReportModel(CalibrationService calibrations) : GovukPageModel
{
    [FromRoute] public Guid Id { get; set; }

    [BindProperty] public string? Label { get; set; }
    [BindProperty(Name = "EffectiveFrom")] public DateBoxes EffectiveFrom { get; set; } = new();
    [BindProperty] public string? Notes { get; set; }
    [BindProperty] public long? RunVersion { get; set; }

    public override string Title => "Calibration report";

    public CalibrationRun Run { get; private set; } = null!;
    public CalibrationReport Report { get; private set; } = null!;

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
        var (date, dateError) = EffectiveFrom.Read("EffectiveFrom", "The date the version takes effect");
        if (dateError is not null) errors.Add(dateError);

        if (errors.Count == 0)
        {
            var (_, result) = await calibrations.SaveDraftAsync(Run, Label, date, Notes, RunVersion ?? -1, HttpContext.RequestAborted);
            if (result.Succeeded) return Redirect(Links.RatesCalibration(Id, saved: true));
            errors.AddRange(EffectiveFrom.KeyRuleErrors(result.Errors, "EffectiveFrom"));
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
