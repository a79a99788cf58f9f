using ShortBreaks.Web.Pages.Ras;

namespace ShortBreaks.Web.Pages.Staff.Ras;

/// <summary>
/// Records an amount different from the indicative budget, with the reason and who agreed it. The indicative
/// figure stays on the record beside it; every change to the agreed amount is kept in the audit.
/// </summary>
public class OverrideModel(ShortBreaksDbContext db, RasAssessmentService assessments, RasSchemeCatalog catalog) : RasPageModel(db, assessments, catalog)
{
    [BindProperty] public string? Amount { get; set; }

    [BindProperty] public string? Reason { get; set; }

    [BindProperty] public string? AgreedBy { get; set; }

    public override string Title => "Record a different amount";

    public int ReasonMaxLength => RasAssessmentService.ReasonMaxLength;

    public async Task<IActionResult> OnGetAsync()
    {
        ClearBindingErrors();
        if (await LoadAsync(recordView: true) is { } missing) return missing;
        if (!MayEdit) return Forbid();
        if (Assessment.Status != RasAssessmentStatus.Completed) return Redirect(BaseUrl);
        Amount = Assessment.OverrideAmount?.ToString("0.##", CultureInfo.InvariantCulture);
        Reason = Assessment.OverrideReason;
        AgreedBy = Assessment.OverrideAgreedBy;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ClearBindingErrors();
        if (await LoadAsync(recordView: false) is { } missing) return missing;
        if (!MayEdit) return Forbid();

        decimal? amount = null;
        if (!string.IsNullOrWhiteSpace(Amount))
        {
            if (Money.TryParse(Amount, out var parsed) && parsed < 100_000_000m)
            {
                amount = parsed;
            }
            else
            {
                AddErrors([new FieldError(nameof(Amount), "Enter the amount a year as a number of pounds, like 2400 or 2400.50")]);
            }
        }

        var result = await Assessments.OverrideAsync(Assessment, amount, Reason, AgreedBy, VersionSeen, HttpContext.RequestAborted);
        if (result.Conflict)
        {
            await ReloadAfterConflictAsync();
            AddErrors(result.Errors);
            return Page();
        }

        if (!result.Succeeded || HasErrors)
        {
            // The service's own message for the amount gives way to the one about what was typed.
            AddErrors(result.Errors.Where(e => e.Field != nameof(Amount) || ErrorFor(nameof(Amount)) is null));
            return Page();
        }

        return Redirect(BaseUrl + "/result");
    }
}
