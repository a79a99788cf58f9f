namespace ShortBreaks.Web.Pages.Staff.Duty;

/// <summary>
/// The duty point: an officer takes a request by phone and types the family's answers into the same question
/// pages families use online.
/// </summary>
[Authorize(Policy = Policies.Decider)]
public class NewModel(ShortBreaksDbContext db, RequestService requests) : GovukPageModel
{
    public override string Title => "Take a phone request";

    public IReadOnlyList<Draft> Drafts { get; private set; } = [];

    /// <summary>A phone request the officer started and has not sent, with the question to carry on from.</summary>
    public sealed record Draft(Guid Id, string Reference, string ChildName, DateTime StartedAt, DateTime UpdatedAt, string ContinueAt);

    public async Task OnGetAsync()
    {
        var me = User.UserId();
        var drafts = await db.Requests.AsNoTracking()
            .Where(r => r.Channel == RequestChannel.DutyPoint && r.Status == RequestStatus.Draft && r.CreatedByUserId == me)
            .OrderByDescending(r => r.UpdatedAt)
            .ToListAsync(HttpContext.RequestAborted);

        var scheme = requests.SchemeInForce;
        Drafts = drafts.Select(r => new Draft(r.Id, r.Reference, r.ChildName, r.CreatedAt, r.UpdatedAt,
            RequestRules.MissingSteps(r, scheme, requests.Today).FirstOrDefault() ?? "check-answers")).ToList();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var request = await requests.StartAsync(RequestChannel.DutyPoint, familyUserId: null, createdByUserId: User.UserId()!, HttpContext.RequestAborted);
        return Redirect(Links.ApplyChildName(request.Id));
    }
}
