namespace ShortBreaks.Web.Pages.Rates.Versions;

/// <summary>An administrator starts a new RAS version as a draft copy of an earlier one.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class NewModel(RasVersionService versions) : GovukPageModel
{
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty] public string? NewLabel { get; set; }
    [BindProperty] public string? Notes { get; set; }
    [BindProperty(Name = "EffectiveFrom-day")] public string? Day { get; set; }
    [BindProperty(Name = "EffectiveFrom-month")] public string? Month { get; set; }
    [BindProperty(Name = "EffectiveFrom-year")] public string? Year { get; set; }

    public override string Title => "Make a new RAS version";

    public IReadOnlyList<RasVersionRecord> Options { get; private set; } = [];
    private IReadOnlyList<string> _dateErrorParts = [];

    public DateInput EffectiveFromInput => new("EffectiveFrom", "When does it take effect?", Day, Month, Year)
    {
        Hint = "Assessments completed on or after this day are scored with it. For example, 1 4 2027.",
        Error = DateError(this, "EffectiveFrom"),
        ErrorParts = _dateErrorParts,
    };

    /// <summary>The error for a date's boxes, keyed by the first box it concerns.</summary>
    public static string? DateError(GovukPageModel page, string id) =>
        page.ErrorFor(DateInput.Key(id, DateInput.DayPart)) ?? page.ErrorFor(DateInput.Key(id, DateInput.MonthPart)) ?? page.ErrorFor(DateInput.Key(id, DateInput.YearPart));

    public async Task OnGetAsync() => Options = await versions.ListAsync(HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostAsync()
    {
        ClearBindingErrors();
        var reading = DateInput.Read("The date it takes effect", Day, Month, Year);
        if (reading.Error is not null)
        {
            ModelState.AddModelError(DateInput.Key("EffectiveFrom", reading.ErrorParts[0]), reading.Error);
            _dateErrorParts = reading.ErrorParts;
        }

        var (draft, result) = await versions.CreateDraftAsync(From ?? "", NewLabel, reading.Date, Notes, HttpContext.RequestAborted);
        if (reading.Error is null && result.Succeeded) return Redirect(Links.RatesVersion(draft!.Label, saved: "created"));

        AddErrors(result.Errors
            .Where(e => reading.Error is null || e.Field != "EffectiveFrom")
            .Select(e => e.Field switch
            {
                "Label" => e with { Field = "NewLabel" },
                "BasedOn" => e with { Field = "From" },
                "EffectiveFrom" => e with { Field = DateInput.Key("EffectiveFrom", DateInput.DayPart) },
                _ => e,
            }));
        if (reading.Error is null && DateError(this, "EffectiveFrom") is not null) _dateErrorParts = DateInput.AllParts;
        Options = await versions.ListAsync(HttpContext.RequestAborted);
        return Page();
    }
}
