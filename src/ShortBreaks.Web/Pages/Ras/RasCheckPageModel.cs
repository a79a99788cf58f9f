namespace ShortBreaks.Web.Pages.Ras;

/// <summary>
/// Every answer on one page, with a link to change each domain; below it the last step: completing the
/// assessment (staff) or sending the answers to the officer (the family).
/// </summary>
public class RasCheckPageModel(ShortBreaksDbContext db, RasAssessmentService assessments, RasSchemeCatalog catalog)
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

    public override string Title => ForFamily ? "Check your answers" : "Check the answers";

    /// <summary>Where the person goes once it is done: the family back to their task list, staff to the result.</summary>
    private string Done => ForFamily ? BaseUrl + "?sent=true" : BaseUrl + "/result";

    /// <summary>What the button does: the family sends the answers to their officer; only staff complete the assessment.</summary>
    private async Task<CommandResult> ActAsync()
    {
        if (ForFamily) return await Assessments.SendToOfficerAsync(Assessment, VersionSeen, HttpContext.RequestAborted);

        var unanswered = UnansweredDomains();
        if (unanswered.Count > 0)
        {
            return CommandResult.Fail(unanswered.Select(t => new FieldError(DomainField(t.Section),
                $"{t.Name}: answer {(t.Questions - t.Answered == 1 ? "the question" : $"the {t.Questions - t.Answered} questions")} not yet answered")).ToList());
        }

        // Anything else the engine refuses (say, answers to a question a newer version dropped) is about the whole assessment.
        var result = await Assessments.CompleteAsync(Assessment, VersionSeen, HttpContext.RequestAborted);
        return result.Conflict ? result : result with { Errors = [.. result.Errors.Select(e => e with { Field = "" })] };
    }

    /// <summary>The field an unanswered domain's error links to: its card on this page.</summary>
    public static string DomainField(string domainId) => "domain-" + domainId;
}
