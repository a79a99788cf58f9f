using Microsoft.AspNetCore.Mvc;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Ras;
using ShortBreaks.Core.Requests;
using ShortBreaks.Web.Pages.Ras;

namespace ShortBreaks.Web.Pages.Staff.Ras;

/// <summary>The assessment task list for staff: a task per domain of the phase, the support already there, then check answers.</summary>
public class TasksModel(ShortBreaksDbContext db, RasAssessmentService assessments, RasSchemeCatalog catalog) : RasTasksPageModel(db, assessments, catalog)
{
    [BindProperty(SupportsGet = true)] public Guid ChildId { get; set; }

    public override bool ForFamily => false;

    public override string BaseUrl => $"/staff/children/{ChildId}/ras/{AssessmentId}";

    public override bool MayEdit => IsAssessor(User);

    protected override Task<bool> MayOpenAsync(RasAssessment assessment, CancellationToken ct) => Task.FromResult(assessment.ChildId == ChildId);

    public override string Title => "Resource Allocation System assessment";

    public override (string Name, string Page) FinalTask => ("Check answers and work out the indicative budget", "check");
}
