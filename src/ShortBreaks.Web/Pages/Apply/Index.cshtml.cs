namespace ShortBreaks.Web.Pages.Apply;

/// <summary>A draft the family has started, as their pages list it.</summary>
public sealed record DraftSummary(Guid Id, string Reference, string? ChildName, DateTime UpdatedAt, int Answered, int Questions, string ContinueUrl)
{
    public static DraftSummary Of(ShortBreakRequest r, Scheme scheme, DateOnly today, ShortBreaksLinks links)
    {
        var missing = RequestRules.MissingSteps(r, scheme, today);
        var next = missing.Count == 0 ? "check-answers" : missing[0];
        return new DraftSummary(r.Id, r.Reference, string.IsNullOrWhiteSpace(r.ChildName) ? null : r.ChildName, r.UpdatedAt,
            RequestSteps.All.Count - missing.Count, RequestSteps.All.Count, links.ApplyStep(r.Id, next));
    }
}

/// <summary>The GOV.UK start page; "Start now" makes a draft for a signed-in family.</summary>
public class StartModel(RequestService requests, ShortBreaksDbContext db) : GovukPageModel
{
    public override string Title => "Apply for short breaks for a disabled child";

    public Scheme Scheme => requests.SchemeInForce;

    public IReadOnlyList<DraftSummary> Drafts { get; private set; } = [];

    /// <summary>Set when "Start now" was pressed with a draft already started: the family is asked which they want.</summary>
    public bool AskAboutDraft { get; private set; }

    public bool IsFamily => User.IsInRole(Roles.Family);

    public async Task OnGetAsync()
    {
        ClearBindingErrors();
        await LoadDraftsAsync();
    }

    public async Task<IActionResult> OnPostStartAsync(bool startNew)
    {
        ClearBindingErrors();
        if (User.Identity?.IsAuthenticated != true) return Redirect(Links.SignInToApply());
        if (!IsFamily) return Forbid();

        await LoadDraftsAsync();
        if (Drafts.Count > 0 && !startNew)
        {
            AskAboutDraft = true;
            return Page();
        }

        var userId = User.UserId()!;
        var request = await requests.StartAsync(RequestChannel.Online, userId, userId, HttpContext.RequestAborted);
        return Redirect(Links.ApplyChildName(request.Id));
    }

    private async Task LoadDraftsAsync()
    {
        if (!IsFamily) return;
        var userId = User.UserId();
        var drafts = await db.Requests.AsNoTracking().OwnRequests(userId)
            .Where(r => r.Status == RequestStatus.Draft)
            .OrderByDescending(r => r.UpdatedAt)
            .ToListAsync(HttpContext.RequestAborted);
        Drafts = drafts.Select(r => DraftSummary.Of(r, Scheme, requests.Today, Links)).ToList();
    }
}
