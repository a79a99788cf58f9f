using Microsoft.AspNetCore.Mvc;
using ShortBreaks.Core;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Ras;
using ShortBreaks.Core.Requests;
using ShortBreaks.Web.Pages.Ras;

namespace ShortBreaks.Web.Pages.Staff.Ras;

/// <summary>Check answers, then complete the assessment: it is scored under the RAS version in force today.</summary>
public class CheckModel(ShortBreaksDbContext db, RasAssessmentService assessments, RasSchemeCatalog catalog) : RasCheckPageModel(db, assessments, catalog)
{
    [BindProperty(SupportsGet = true)] public Guid ChildId { get; set; }

    public override bool ForFamily => false;

    public override string BaseUrl => $"/staff/children/{ChildId}/ras/{AssessmentId}";

    public override bool MayEdit => IsAssessor(User);

    protected override Task<bool> MayOpenAsync(RasAssessment assessment, CancellationToken ct) => Task.FromResult(assessment.ChildId == ChildId);

    public override string Title => "Check the answers";

    protected override string Done => BaseUrl + "/result";

    protected override async Task<CommandResult> ActAsync()
    {
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
}
