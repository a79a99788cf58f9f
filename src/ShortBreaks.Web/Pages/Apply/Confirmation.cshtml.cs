namespace ShortBreaks.Web.Pages.Apply;

public class ConfirmationModel(RequestService requests, WorkingDays workingDays) : ApplyPageModel(requests)
{
    public override string Title => "Request sent";

    public int TargetWorkingDays { get; private set; }

    public DateOnly DecideBy { get; private set; }

    public bool HasEvidence { get; private set; }

    /// <summary>
    /// Waiting for a decision, as the family sees it. A request routed to the safeguarding hub looks exactly
    /// like one waiting, so nothing on the family's pages reveals a referral.
    /// </summary>
    public bool Waiting => FamilyView.Waiting(Answers.Status);

    // Without a POST handler, Razor Pages would render the page for a POST without running OnGet.
    public IActionResult OnPost() => NotFound();

    public async Task<IActionResult> OnGetAsync()
    {
        ClearBindingErrors();
        if (await LoadSentAsync() is { } refused) return refused;
        var triage = Requests.SchemeFor(Answers).Triage;
        TargetWorkingDays = triage.DecisionTargetWorkingDays;
        DecideBy = DecisionTarget.DueBy(Answers.SubmittedAt ?? Answers.UpdatedAt, triage, workingDays);
        HasEvidence = (await Requests.EvidenceAsync(Id, HttpContext.RequestAborted)).Count > 0;
        return Page();
    }
}
