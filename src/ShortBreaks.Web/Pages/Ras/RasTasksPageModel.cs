using Microsoft.AspNetCore.Mvc;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Ras;

namespace ShortBreaks.Web.Pages.Ras;

/// <summary>The assessment's task list: one task per domain, the support already there, then the last step.</summary>
public abstract class RasTasksPageModel(ShortBreaksDbContext db, RasAssessmentService assessments, RasSchemeCatalog catalog)
    : RasPageModel(db, assessments, catalog)
{
    [BindProperty(SupportsGet = true)] public bool Saved { get; set; }

    [BindProperty(SupportsGet = true)] public bool Sent { get; set; }

    /// <summary>The last task: "Check answers" for staff, "Send to your officer" for the family.</summary>
    public abstract (string Name, string Page) FinalTask { get; }

    public async Task<IActionResult> OnGetAsync()
    {
        ClearBindingErrors();
        if (await LoadAsync(recordView: true) is { } missing) return missing;
        if (Assessment.Status == RasAssessmentStatus.Completed) return Redirect(BaseUrl + "/result");
        return Page();
    }
}
