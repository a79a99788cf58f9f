using Microsoft.AspNetCore.Mvc;
using ShortBreaks.Core;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Ras;
using ShortBreaks.Core.Requests;

namespace ShortBreaks.Web.Pages.Ras;

/// <summary>
/// Every answer on one page, with a link to change each domain; below it the last step: completing the
/// assessment (staff) or sending the answers to the officer (the family).
/// </summary>
public abstract class RasCheckPageModel(ShortBreaksDbContext db, RasAssessmentService assessments, RasSchemeCatalog catalog)
    : RasPageModel(db, assessments, catalog)
{
    public async Task<IActionResult> OnGetAsync()
    {
        ClearBindingErrors();
        if (await LoadAsync(recordView: true) is { } missing) return missing;
        if (Phase is null) return Redirect(BaseUrl);
        if (Assessment.Status == RasAssessmentStatus.Completed) return Redirect(BaseUrl + "/result");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ClearBindingErrors();
        if (await LoadAsync(recordView: false) is { } missing) return missing;
        if (!MayEdit) return Forbid();
        if (Phase is null) return Redirect(BaseUrl);
        var result = await ActAsync();
        if (result.Conflict)
        {
            await ReloadAfterConflictAsync();
            AddErrors(result.Errors.Count > 0 ? result.Errors : ConflictErrors(ForFamily));
            return Page();
        }

        if (!result.Succeeded)
        {
            AddErrors(result.Errors);
            return Page();
        }

        return Redirect(Done);
    }

    /// <summary>What the button does.</summary>
    protected abstract Task<CommandResult> ActAsync();

    /// <summary>Where the person goes once it is done.</summary>
    protected abstract string Done { get; }

    /// <summary>The field an unanswered domain's error links to: its card on this page.</summary>
    public static string DomainField(string domainId) => "domain-" + domainId;
}
