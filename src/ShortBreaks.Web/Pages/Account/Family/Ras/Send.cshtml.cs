using Microsoft.EntityFrameworkCore;
using ShortBreaks.Core;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Ras;
using ShortBreaks.Core.Requests;
using ShortBreaks.Web.Infrastructure;
using ShortBreaks.Web.Pages.Ras;

namespace ShortBreaks.Web.Pages.Account.Family.Ras;

/// <summary>The family checks their answers and sends them to their officer; only the officer completes the assessment.</summary>
public class SendModel(ShortBreaksDbContext db, RasAssessmentService assessments, RasSchemeCatalog catalog) : RasCheckPageModel(db, assessments, catalog)
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

    public override string Title => "Check your answers";

    protected override string Done => BaseUrl + "?sent=true";

    protected override Task<CommandResult> ActAsync() => Assessments.SendToOfficerAsync(Assessment, VersionSeen, HttpContext.RequestAborted);
}
