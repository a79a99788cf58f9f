namespace ShortBreaks.Web.Pages.Ras;

/// <summary>
/// The indicative budget (or the route the answers lead to) with its whole working, recomputed under the version
/// the assessment was scored with, so it reads the same whatever has been published since.
/// </summary>
public class RasResultPageModel(ShortBreaksDbContext db, RasAssessmentService assessments, RasSchemeCatalog catalog)
    : RasPageModel(db, assessments, catalog)
{
    public RasWorking Working { get; private set; } = null!;

    public override string Title => ForFamily ? $"{Child.FirstName}'s indicative budget" : "Indicative budget and how it was worked out";

    public RasPhase ScoredPhase => Scheme.Phases.First(p => p.Id == Working.Result.PhaseId);

    public async Task<IActionResult> OnGetAsync()
    {
        ClearBindingErrors();
        if (await LoadAsync(recordView: true) is { } missing) return missing;
        if (Assessment.Status != RasAssessmentStatus.Completed) return Redirect(BaseUrl);
        Working = Assessments.Recompute(Assessment);
        return Page();
    }
}
