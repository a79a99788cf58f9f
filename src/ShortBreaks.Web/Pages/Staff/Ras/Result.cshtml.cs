using Microsoft.AspNetCore.Mvc;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Ras;
using ShortBreaks.Core.Requests;
using ShortBreaks.Web.Pages.Ras;

namespace ShortBreaks.Web.Pages.Staff.Ras;

/// <summary>The indicative budget, or the route, with the whole working, the version scored under and any agreed different amount.</summary>
public class ResultModel(ShortBreaksDbContext db, RasAssessmentService assessments, RasSchemeCatalog catalog) : RasResultPageModel(db, assessments, catalog)
{
    [BindProperty(SupportsGet = true)] public Guid ChildId { get; set; }

    public override bool ForFamily => false;

    public override string BaseUrl => $"/staff/children/{ChildId}/ras/{AssessmentId}";

    public override bool MayEdit => IsAssessor(User);

    protected override Task<bool> MayOpenAsync(RasAssessment assessment, CancellationToken ct) => Task.FromResult(assessment.ChildId == ChildId);

    public override string Title => "Indicative budget and how it was worked out";
}
