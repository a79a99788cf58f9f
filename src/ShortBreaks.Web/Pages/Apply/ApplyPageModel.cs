namespace ShortBreaks.Web.Pages.Apply;

/// <summary>
/// A page of one request's application: the questions, check answers and confirmation. Anyone who may not
/// see the request is told it does not exist (404), so request ids cannot be probed.
/// </summary>
[ChildAccess(ChildRecordKind.Request, "id")]
public abstract class ApplyPageModel(RequestService requests) : GovukPageModel
{
    protected RequestService Requests => requests;

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public ShortBreakRequest Answers { get; private set; } = null!;

    public Scheme Scheme => requests.SchemeInForce;

    public DateOnly Today => requests.Today;

    /// <summary>Whether the family who owns the request is the person signed in.</summary>
    public bool IsOwner => User.IsFamilyOwner(Answers);

    /// <summary>An officer filling in a phone request for the family: the pages speak to the officer.</summary>
    public bool OnBehalf => Answers.Channel == RequestChannel.DutyPoint && !IsOwner;

    public string Caption => OnBehalf ? $"Phone request {Answers.Reference}" : "Apply for short breaks";

    /// <summary>Loads a draft if this person may change its answers; otherwise the result to return.</summary>
    protected async Task<IActionResult?> LoadDraftAsync()
    {
        var request = await requests.FindAsync(Id, HttpContext.RequestAborted);
        if (request is null) return NotFound();
        if (request.Status != RequestStatus.Draft)
        {
            // Once sent, the answers are read-only: the owner and the officer who took it see the confirmation.
            return CanSeeSent(request) ? Redirect(Links.ApplyConfirmation(Id)) : NotFound();
        }

        if (!RequestAccess.CanEditAnswers(User, request)) return NotFound();
        Answers = request;
        return null;
    }

    /// <summary>Loads a request that has been sent, for its confirmation; a draft goes back to check answers.</summary>
    protected async Task<IActionResult?> LoadSentAsync()
    {
        var request = await requests.FindAsync(Id, HttpContext.RequestAborted);
        if (request is null) return NotFound();
        if (request.Status == RequestStatus.Draft)
        {
            return RequestAccess.CanEditAnswers(User, request) ? Redirect(Links.ApplyCheckAnswers(Id)) : NotFound();
        }

        if (!CanSeeSent(request)) return NotFound();
        Answers = request;
        return null;
    }

    private bool CanSeeSent(ShortBreakRequest request) =>
        User.IsFamilyOwner(request) ||
        (request.Channel == RequestChannel.DutyPoint && User.IsDecider());
}
