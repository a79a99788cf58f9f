namespace ShortBreaks.Web.Pages.Ras;

/// <summary>The assessment's task list: one task per domain, the support already there, then the last step.</summary>
public class RasTasksPageModel(ShortBreaksDbContext db, RasAssessmentService assessments, RasSchemeCatalog catalog)
    : RasPageModel(db, assessments, catalog)
{
    [BindProperty(SupportsGet = true)] public bool Saved { get; set; }

    [BindProperty(SupportsGet = true)] public bool Sent { get; set; }

    /// <summary>The last task: "Check answers" for staff, "Send to your officer" for the family.</summary>
    public (string Name, string Page) FinalTask =>
        ForFamily ? ("Send your answers to your officer", Audience.CheckPage) : ("Check answers and work out the indicative budget", Audience.CheckPage);

    public override string Title => ForFamily ? $"Questions about {Child.FirstName}" : "Resource Allocation System assessment";

    public async Task<IActionResult> OnGetAsync()
    {
        ClearBindingErrors();
        if (await LoadAsync(recordView: true) is { } missing) return missing;
        if (Assessment.Status == RasAssessmentStatus.Completed) return Redirect(BaseUrl + "/result");
        return Page();
    }
}
