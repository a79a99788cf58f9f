using ShortBreaks.Core.Data;
using ShortBreaks.Core.Ras;
using ShortBreaks.Web.Pages.Ras;

namespace ShortBreaks.Web.Pages.Staff.Ras;

/// <summary>Starts a RAS assessment for a child, from their record.</summary>
public class StartModel(ShortBreaksDbContext db, RasAssessmentService assessments, RasSchemeCatalog catalog) : RasStartPageModel(db, assessments, catalog)
{
    public override string Title => "Start a RAS assessment";

    public override bool ForFamily => false;

    public override string TasksUrl(Guid assessmentId) => $"/staff/children/{ChildId}/ras/{assessmentId}";

    public override string BackUrl => $"/staff/children/{ChildId}";

    protected override bool MayStart => RasPageModel.IsAssessor(User);

    protected override Task<bool> MayOpenAsync(Guid childId, CancellationToken ct) => Task.FromResult(true);
}
