using ShortBreaks.Core.SubjectAccess;

namespace ShortBreaks.Web.Pages.Staff.SubjectAccess;

/// <summary>Subject access requests still to answer, the soonest due first, with those past their due day flagged.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class IndexModel(SubjectAccessService subjectAccess, ShortBreaksDbContext db) : GovukPageModel
{
    public override string Title => "Subject access requests";

    public IReadOnlyList<SubjectAccessRequest> Open { get; private set; } = [];
    public IReadOnlyList<SubjectAccessRequest> Released { get; private set; } = [];
    public DateOnly Today => subjectAccess.Today;

    public bool IsOverdue(SubjectAccessRequest request) => SubjectAccessDates.IsOverdue(request.DueOn, db.UtcNow);

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        Open = await subjectAccess.OpenAsync(ct);
        Released = await subjectAccess.RecentlyReleasedAsync(20, ct);
    }
}
