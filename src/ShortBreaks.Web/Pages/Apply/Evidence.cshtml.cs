namespace ShortBreaks.Web.Pages.Apply;

/// <summary>
/// Evidence: files uploaded one at a time (kept in the database), then "I have added my evidence" or
/// "I will send it later". The page reads its own form, so that a body over the limits is answered with a
/// message on this page, with everything saved before still there, rather than with an error page.
/// </summary>
[IgnoreAntiforgeryToken] // checked in OnPageHandlerExecutionAsync, once the form has been read safely
[RequestSizeLimit(EvidenceFiles.MaxDiscardedBytes)] // but never parsed beyond MaxRequestBytes: see UploadForms.ReadAsync
[RequestFormLimits(MultipartBodyLengthLimit = ServiceSetup.MaxRequestBytes)]
public class EvidenceModel(RequestService requests, IAntiforgery antiforgery, ILogger<EvidenceModel> logger) : QuestionPageModel(requests)
{
    public const string Added = "added";
    public const string SendLater = "later";

    public override string Step => RequestSteps.Evidence;

    public override string Title => "Evidence of the child's disability";

    // Read from the form by this page, never bound: model binding binds any IFormFile property it can set,
    // reading the whole form before the page can catch a body that is too large.
    private IFormFile? _upload;

    /// <summary>"added" or "later".</summary>
    public string? EvidenceChoice { get; private set; }

    public string? KindId { get; private set; }

    public Guid? DocumentId { get; private set; }

    public IReadOnlyList<EvidenceSummary> Files { get; private set; } = [];

    public bool CanAddMore => Files.Count < EvidenceFiles.MaxFilesPerRequest;

    public string PageUrl => Links.ApplyEvidence(Id, Change);

    public string HandlerUrl(string handler) => Links.ApplyEvidenceHandler(Id, handler, Change);

    public string KindLabel(string kindId) => Scheme.Eligibility.Evidence.FirstOrDefault(k => k.Id == kindId)?.Label ?? kindId;

    private static string TooLarge => $"The selected file must be smaller than {EvidenceFiles.MaxSizeText}";

    /// <summary>Why the posted form could not be read, if it could not: shown on the page as the file's error.</summary>
    private string? _formProblem;

    public override Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context)
    {
        UploadForms.BindRouteAndQueryOnly(PageContext);
        return Task.CompletedTask;
    }

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        (var form, _formProblem) = await UploadForms.ReadPostedAsync(context, antiforgery, logger, TooLarge, "The selected file could not be uploaded. Try again");
        if (context.Result is not null) return;
        if (form is not null)
        {
            Action = form["action"];
            EvidenceChoice = form["EvidenceChoice"];
            KindId = form["KindId"];
            _upload = form.Files.GetFile("Upload");
            DocumentId = Guid.TryParse(form["DocumentId"], out var documentId) ? documentId : null;
        }

        await next();
    }

    protected override async Task LoadedAsync() => Files = await Requests.EvidenceAsync(Id, HttpContext.RequestAborted);

    protected override void Read(ShortBreakRequest request) =>
        EvidenceChoice = request.EvidenceStepDone == true ? (Files.Count > 0 ? Added : SendLater) : null;

    public override async Task<IActionResult> OnPostAsync()
    {
        if (_formProblem is not null) return await ShowFormProblemAsync();
        return await base.OnPostAsync();
    }

    protected override List<FieldError> Validate()
    {
        if (EvidenceChoice is not (Added or SendLater))
        {
            return [new FieldError("EvidenceChoice", "Select if you have added your evidence or will send it later")];
        }

        if (EvidenceChoice == Added && Files.Count == 0)
        {
            return [new FieldError("EvidenceChoice", "Upload a file, or select that you will send it later")];
        }

        return [];
    }

    // Files are saved as they are uploaded; an unanswered choice leaves nothing else to keep.
    protected override bool CanStorePartial(List<FieldError> errors) => true;

    protected override void Write(ShortBreakRequest request)
    {
        if (Validate().Count == 0) request.EvidenceStepDone = true;
    }

    public async Task<IActionResult> OnPostUploadAsync()
    {
        ClearBindingErrors();
        if (_formProblem is not null) return await ShowFormProblemAsync();
        if (await LoadDraftAsync() is { } refused) return refused;
        await LoadedAsync();

        var errors = new List<FieldError>();
        if (Scheme.Eligibility.Evidence.All(k => k.Id != KindId)) errors.Add(new("KindId", "Select what the file is"));
        byte[]? content = null;
        string? contentType = null;
        if (_upload is null)
        {
            errors.Add(new("Upload", "Select a file"));
        }
        else if (_upload.Length == 0)
        {
            errors.Add(new("Upload", "The selected file is empty"));
        }
        else if (_upload.Length > ServiceSetup.MaxEvidenceBytes)
        {
            errors.Add(new("Upload", TooLarge));
        }
        else if (!CanAddMore)
        {
            errors.Add(new("Upload", $"You can add up to {EvidenceFiles.MaxFilesPerRequest} files. Remove one to add another"));
        }
        else
        {
            using var buffer = new MemoryStream((int)_upload.Length);
            await _upload.CopyToAsync(buffer, HttpContext.RequestAborted);
            content = buffer.ToArray();
            contentType = EvidenceFiles.ContentTypeOf(content);
            if (contentType is null) errors.Add(new("Upload", "The selected file must be a PDF, JPG or PNG"));
        }

        if (errors.Count > 0) return ShowAgain(errors);

        var added = await Requests.AddEvidenceAsync(Answers, new EvidenceDocument
        {
            KindId = KindId!,
            FileName = EvidenceFiles.SafeName(_upload!.FileName),
            ContentType = contentType!,
            SizeBytes = content!.LongLength,
            Content = content,
        }, HttpContext.RequestAborted);
        return added.Succeeded ? Redirect(PageUrl) : ShowAgain(added.Errors);
    }

    public async Task<IActionResult> OnPostRemoveAsync()
    {
        ClearBindingErrors();
        if (_formProblem is not null) return await ShowFormProblemAsync();
        if (await LoadDraftAsync() is { } refused) return refused;
        if (DocumentId is { } documentId)
        {
            var removed = await Requests.RemoveEvidenceAsync(Answers, documentId, HttpContext.RequestAborted);
            if (!removed.Succeeded)
            {
                await LoadedAsync();
                return ShowAgain(removed.Errors);
            }
        }

        return Redirect(PageUrl);
    }

    private async Task<IActionResult> ShowFormProblemAsync()
    {
        ClearBindingErrors();
        if (await LoadDraftAsync() is { } refused) return refused;
        await LoadedAsync();
        return ShowAgain([new FieldError("Upload", _formProblem!)]);
    }

    /// <summary>The page again with these errors, showing the request's saved answer.</summary>
    private PageResult ShowAgain(IEnumerable<FieldError> errors)
    {
        AddErrors(errors);
        Read(Answers);
        return Page();
    }
}
