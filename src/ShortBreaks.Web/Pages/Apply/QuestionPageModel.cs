namespace ShortBreaks.Web.Pages.Apply;

/// <summary>
/// One question of a request. Answers are saved on every "Continue", so a family can stop at any point and
/// come back; "Save and come back later" saves without checking the answer is complete.
/// </summary>
public abstract class QuestionPageModel(RequestService requests) : ApplyPageModel(requests), IChecksPlainText
{
    /// <summary>Set when the person came from "Check your answers", to go back there afterwards.</summary>
    [BindProperty(SupportsGet = true)] public bool Change { get; set; }

    /// <summary>"continue" or "later".</summary>
    [BindProperty] public string? Action { get; set; }

    /// <summary>The slug of this question (see <see cref="RequestSteps"/>).</summary>
    public abstract string Step { get; }

    public override string Title => RequestSteps.Title(Step);

    public string BackLink => Change ? Links.ApplyCheckAnswers(Id)
        : RequestSteps.Previous(Step) is { } previous ? Links.ApplyStep(Id, previous)
        : OnBehalf ? Links.StaffTriage() : Links.FamilyAccount();

    public async Task<IActionResult> OnGetAsync()
    {
        // A mangled query string (say ?change=maybe) is ignored rather than shown as an error.
        ClearBindingErrors();
        if (await LoadDraftAsync() is { } refused) return refused;
        await LoadedAsync();
        Read(Answers);
        return Page();
    }

    public virtual async Task<IActionResult> OnPostAsync()
    {
        ClearBindingErrors();
        if (await LoadDraftAsync() is { } refused) return refused;
        await LoadedAsync();

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
        var saved = await Requests.SaveDraftAsync(Answers, HttpContext.RequestAborted);
        if (!saved.Succeeded)
        {
            AddErrors(saved.Errors);
            return Page();
        }

        if (later) return Redirect(OnBehalf ? Links.StaffTriage(saved: Answers.Reference) : Links.FamilyAccount(saved: Answers.Reference));
        if (Change) return Redirect(Links.ApplyCheckAnswers(Id));
        var next = RequestSteps.Next(Step);
        return Redirect(next is null ? Links.ApplyCheckAnswers(Id) : Links.ApplyStep(Id, next));
    }

    /// <summary>Loads anything else the question needs once the request is known (its evidence, say).</summary>
    protected virtual Task LoadedAsync() => Task.CompletedTask;

    /// <summary>Copies the saved answer into the page's fields.</summary>
    protected abstract void Read(ShortBreakRequest request);

    /// <summary>Checks the answer as typed.</summary>
    protected abstract List<FieldError> Validate();

    /// <summary>Copies the page's fields into the request. Called for partial answers too, so it stores only what is usable.</summary>
    protected abstract void Write(ShortBreakRequest request);

    /// <summary>Whether a partial answer can be saved for later despite these errors (text too long cannot).</summary>
    protected virtual bool CanStorePartial(List<FieldError> errors) =>
        errors.All(e => e.Message.StartsWith("Enter", StringComparison.Ordinal) || e.Message.StartsWith("Select", StringComparison.Ordinal));

    /// <summary>Text from a textarea with Windows line endings made single characters, as the character count counts them.</summary>
    protected static string? Lines(string? text) => text?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
}
