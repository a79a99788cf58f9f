namespace ShortBreaks.Web.Pages.Rates.Versions;

/// <summary>An administrator starts a new RAS version as a draft copy of an earlier one.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class NewModel(RasVersionService versions) : GovukPageModel
{
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty] public string? NewLabel { get; set; }
    [BindProperty] public string? Notes { get; set; }
    [BindProperty(Name = "EffectiveFrom")] public DateBoxes EffectiveFrom { get; set; } = new();

    public override string Title => "Make a new RAS version";

    public IReadOnlyList<RasVersionRecord> Options { get; private set; } = [];
    public DateInput EffectiveFromInput => new("EffectiveFrom", "When does it take effect?", EffectiveFrom.Day, EffectiveFrom.Month, EffectiveFrom.Year)
    {
        Hint = "Assessments completed on or after this day are scored with it. For example, 1 4 2027.",
        Error = DateError(this, "EffectiveFrom"),
        ErrorParts = EffectiveFrom.ErrorParts,
    };

    /// <summary>The error for a date's boxes, keyed by the first box it concerns.</summary>
    public static string? DateError(GovukPageModel page, string id) =>
        page.ErrorFor(DateInput.Key(id, DateInput.DayPart)) ?? page.ErrorFor(DateInput.Key(id, DateInput.MonthPart)) ?? page.ErrorFor(DateInput.Key(id, DateInput.YearPart));

    public async Task OnGetAsync() => Options = await versions.ListAsync(HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostAsync()
    {
        ClearBindingErrors();
        var (date, dateError) = EffectiveFrom.Read("EffectiveFrom", "The date it takes effect");
        if (dateError is not null) ModelState.AddModelError(dateError.Field, dateError.Message);

        var (draft, result) = await versions.CreateDraftAsync(From ?? "", NewLabel, date, Notes, HttpContext.RequestAborted);
        if (dateError is null && result.Succeeded) return Redirect(Links.RatesVersion(draft!.Label, saved: "created"));

        AddErrors(result.Errors
            .Where(e => dateError is null || e.Field != "EffectiveFrom")
            .Select(e => e.Field switch
            {
                "Label" => e with { Field = "NewLabel" },
                "BasedOn" => e with { Field = "From" },
                "EffectiveFrom" => e with { Field = DateInput.Key("EffectiveFrom", DateInput.DayPart) },
                _ => e,
            }));
        if (dateError is null && DateError(this, "EffectiveFrom") is not null) EffectiveFrom.ErrorParts = DateInput.AllParts;
        Options = await versions.ListAsync(HttpContext.RequestAborted);
        return Page();
    }
}
