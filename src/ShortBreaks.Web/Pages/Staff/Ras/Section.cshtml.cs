using Microsoft.AspNetCore.Mvc;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Ras;
using ShortBreaks.Core.Requests;
using ShortBreaks.Web.Pages.Ras;

namespace ShortBreaks.Web.Pages.Staff.Ras;

/// <summary>A domain of the questionnaire, or the support already around the child, as staff fill it in with the family.</summary>
public class SectionModel(ShortBreaksDbContext db, RasAssessmentService assessments, RasSchemeCatalog catalog) : RasSectionPageModel(db, assessments, catalog)
{
    [BindProperty(SupportsGet = true)] public Guid ChildId { get; set; }

    public override bool ForFamily => false;

    public override string BaseUrl => $"/staff/children/{ChildId}/ras/{AssessmentId}";

    public override bool MayEdit => IsAssessor(User);

    protected override Task<bool> MayOpenAsync(RasAssessment assessment, CancellationToken ct) => Task.FromResult(assessment.ChildId == ChildId);

    protected override string CheckPage => "check";
}
