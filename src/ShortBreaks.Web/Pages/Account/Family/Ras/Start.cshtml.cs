using Microsoft.EntityFrameworkCore;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Ras;
using ShortBreaks.Web.Infrastructure;
using ShortBreaks.Web.Pages.Ras;

namespace ShortBreaks.Web.Pages.Account.Family.Ras;

/// <summary>The family starts the questions about their child before they meet their officer.</summary>
public class StartModel(ShortBreaksDbContext db, RasAssessmentService assessments, RasSchemeCatalog catalog) : RasStartPageModel(db, assessments, catalog)
{
    private readonly ShortBreaksDbContext _db = db;

    public override string Title => $"Fill in the questions about {Child.FirstName}";

    public override bool ForFamily => true;

    public override string TasksUrl(Guid assessmentId) => $"/account/ras/{assessmentId}";

    public override string BackUrl => "/account";

    protected override bool MayStart => true;

    protected override Task<bool> MayOpenAsync(Guid childId, CancellationToken ct)
    {
        var userId = User.UserId();
        return _db.ChildFamilyMembers.AnyAsync(m => m.ChildId == childId && m.UserId == userId, ct);
    }
}
