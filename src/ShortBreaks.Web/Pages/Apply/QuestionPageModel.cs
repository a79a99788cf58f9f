using Microsoft.AspNetCore.Mvc;
using ShortBreaks.Core.Requests;
using ShortBreaks.Core.Schemes;
using ShortBreaks.Web.Infrastructure;

namespace ShortBreaks.Web.Pages.Apply;

/// <summary>
/// One question of a request. Answers are saved on every "Continue", so a family can stop at any point and
/// come back; "Save and come back later" saves without checking the answer is complete.
/// </summary>
public abstract class QuestionPageModel(RequestService requests) : GovukPageModel
{
    protected RequestService Requests => requests;

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    /// <summary>Set when the person came from "Check your answers", to go back there afterwards.</summary>
    [BindProperty(SupportsGet = true)] public bool Change { get; set; }

    /// <summary>"continue" or "later".</summary>
    [BindProperty] public string? Action { get; set; }

    public ShortBreakRequest Answers { get; private set; } = null!;

    public Scheme Scheme => requests.SchemeInForce;

    public DateOnly Today => requests.Today;

    /// <summary>The slug of this question (see <see cref="RequestSteps"/>).</summary>
    public abstract string Step { get; }

    public override string Title => RequestSteps.Title(Step);

    public bool OnBehalf => Answers.Channel == RequestChannel.DutyPoint;

    public string BackLink => Change ? $"/apply/{Id}/check-answers"
        : RequestSteps.Previous(Step) is { } previous ? $"/apply/{Id}/{previous}"
        : OnBehalf ? "/staff/triage" : "/account";

    /// <summary>Loads the request if this person may change its answers; otherwise the result to return.</summary>
    protected async Task<IActionResult?> LoadAsync()
    {
        var request = await requests.FindAsync(Id, HttpContext.RequestAborted);
        if (request is null || !RequestAccess.CanView(User, request) && !RequestAccess.CanEditAnswers(User, request)) return NotFound();
        if (request.Status != RequestStatus.Draft) return Redirect($"/apply/{Id}/confirmation");
        if (!RequestAccess.CanEditAnswers(User, request)) return NotFound();
        Answers = request;
        return null;
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } refused) return refused;
        Read(Answers);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ClearBindingErrors();
        if (await LoadAsync() is { } refused) return refused;

        var later = Action == "later";
        var errors = Validate();
        if (errors.Count > 0 && !later)
        {
            AddErrors(errors);
            return Page();
        }

        // "Later" keeps what was typed even when it is not yet a complete answer, unless it cannot be stored at all.
        if (later && errors.Count > 0 && !CanStorePartial(errors))
        {
            AddErrors(errors);
            return Page();
        }

        Write(Answers);
        var saved = await requests.SaveDraftAsync(Answers, HttpContext.RequestAborted);
        if (!saved.Succeeded)
        {
            AddErrors(saved.Errors);
            return Page();
        }

        if (later) return Redirect(OnBehalf ? $"/staff/triage?saved={Answers.Reference}" : $"/account?saved={Answers.Reference}");
        if (Change) return Redirect($"/apply/{Id}/check-answers");
        var next = RequestSteps.Next(Step);
        return Redirect(next is null ? $"/apply/{Id}/check-answers" : $"/apply/{Id}/{next}");
    }

    /// <summary>Copies the saved answer into the page's fields.</summary>
    protected abstract void Read(ShortBreakRequest request);

    /// <summary>Checks the answer as typed.</summary>
    protected abstract List<FieldError> Validate();

    /// <summary>Copies the page's fields into the request.</summary>
    protected abstract void Write(ShortBreakRequest request);

    /// <summary>Whether a partial answer can be saved for later despite these errors (text too long cannot).</summary>
    protected virtual bool CanStorePartial(List<FieldError> errors) =>
        errors.All(e => e.Message.StartsWith("Enter", StringComparison.Ordinal) || e.Message.StartsWith("Select", StringComparison.Ordinal));
}
