using Microsoft.EntityFrameworkCore;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Ras;
using ShortBreaks.Core.Requests;
using ShortBreaks.Web.Infrastructure;
using ShortBreaks.Web.Pages.Ras;

namespace ShortBreaks.Web.Pages.Account.Family.Ras;

/// <summary>The family's task list for the questions about their child.</summary>
public class TasksModel(ShortBreaksDbContext db, RasAssessmentService assessments, RasSchemeCatalog catalog) : RasTasksPageModel(db, assessments, catalog)
{
    public override bool ForFamily => true;

    public override string BaseUrl => $"/account/ras/{AssessmentId}";

    public override bool MayEdit => true;

    // Only the family linked to the child: anyone else gets 404, so they cannot tell the assessment exists.
    protected override Task<bool> MayOpenAsync(RasAssessment assessment, CancellationToken ct)
    {
        var userId = User.UserId();
        return Db.ChildFamilyMembers.AnyAsync(m => m.ChildId == assessment.ChildId && m.UserId == userId, ct);
    }

    public override string Title => $"Questions about {Child.FirstName}";

    public override (string Name, string Page) FinalTask => ("Send your answers to your officer", "send");
}
