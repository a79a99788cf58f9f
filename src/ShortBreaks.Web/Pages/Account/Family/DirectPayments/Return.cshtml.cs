using ShortBreaks.Core.DirectPayments;

namespace ShortBreaks.Web.Pages.Account.Family.DirectPayments;

/// <summary>
/// A family sends their monitoring return for the next period: what they spent, what the account holds, and evidence
/// (receipts, timesheets, statements: the agreement's records to keep), each file checked by its first bytes like any
/// evidence upload. The page reads its own form, as upload pages do, so a file over the limits gets a message here.
/// </summary>
[IgnoreAntiforgeryToken] // checked in OnPageHandlerExecutionAsync, once the form has been read safely
[RequestSizeLimit(EvidenceFiles.MaxDiscardedBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ServiceSetup.MaxRequestBytes)]
[ChildAccess(ChildRecordKind.DirectPaymentMoney, "directPaymentId")]
public sealed class ReturnModel(ShortBreaksDbContext db, MonitoringReturnService returns, IAntiforgery antiforgery, ILogger<ReturnModel> logger) : GovukPageModel
{
    private static readonly string[] FieldOrder = ["", "Spent", "BalanceHeld", "Upload", "Notes"];

    [FromRoute] public Guid DirectPaymentId { get; set; }

    public override string Title => "Send a monitoring return";

    public DirectPayment Payment { get; private set; } = null!;
    public (DateOnly From, DateOnly To, DateOnly Due) Period { get; private set; }
    public IReadOnlyList<AgreementItem> Kinds { get; private set; } = [];

    // What was posted, shown back on a problem. Read from the form by this page, never bound.
    public string? Spent { get; private set; }
    public string? BalanceHeld { get; private set; }
    public string? Notes { get; private set; }

    private IFormCollection? _form;
    private string? _formProblem;

    private static string TooLarge => $"Each file must be smaller than {EvidenceFiles.MaxSizeText}, and all of them together smaller than {ServiceSetup.MaxRequestBytes / (1024 * 1024)}MB";

    public override Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context)
    {
        UploadForms.BindRouteAndQueryOnly(PageContext);
        return Task.CompletedTask;
    }

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        (_form, _formProblem) = await UploadForms.ReadPostedAsync(context, antiforgery, logger, TooLarge, "The files could not be uploaded. Try again");
        if (context.Result is null) await next();
    }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        ClearBindingErrors();
        if (!await LoadAsync()) return NotFound();
        if (_form is null)
        {
            AddErrors([new FieldError("Upload", _formProblem ?? "The form could not be read. Try again")]);
            return Page();
        }

        (Spent, BalanceHeld, Notes) = (_form["Spent"], _form["BalanceHeld"], _form["Notes"]);
        var files = new List<ReturnEvidenceFile>();
        string? fileError = null;
        foreach (var kind in Kinds)
        {
            foreach (var upload in _form.Files.GetFiles("Upload-" + kind.Id))
            {
                if (upload.Length == 0 && string.IsNullOrEmpty(upload.FileName)) continue;
                if (upload.Length == 0)
                {
                    fileError ??= $"The file {EvidenceFiles.SafeName(upload.FileName)} is empty";
                }
                else if (upload.Length > ServiceSetup.MaxEvidenceBytes)
                {
                    fileError ??= $"The file {EvidenceFiles.SafeName(upload.FileName)} must be smaller than {EvidenceFiles.MaxSizeText}";
                }
                else
                {
                    using var buffer = new MemoryStream((int)upload.Length);
                    await upload.CopyToAsync(buffer, HttpContext.RequestAborted);
                    var content = buffer.ToArray();
                    if (EvidenceFiles.ContentTypeOf(content) is { } contentType) files.Add(new ReturnEvidenceFile(kind.Id, EvidenceFiles.SafeName(upload.FileName), contentType, content));
                    else fileError ??= $"The file {EvidenceFiles.SafeName(upload.FileName)} must be a PDF, JPG or PNG";
                }
            }
        }

        var (_, result) = await returns.SubmitAsync(DirectPaymentId, new ReturnForm(Spent, BalanceHeld, Notes), fileError is null ? files : [], HttpContext.RequestAborted);
        if (result.Succeeded && fileError is null) return Redirect(Links.FamilyDirectPaymentMoney(DirectPaymentId, "sent"));
        var errors = result.Errors.Where(e => !(fileError is not null && e.Field == "Upload")).ToList();
        if (fileError is not null) errors.Add(new FieldError("Upload", fileError));
        AddErrors(errors.OrderBy(e => Array.IndexOf(FieldOrder, e.Field)));
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        var payment = await db.DirectPayments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == DirectPaymentId, HttpContext.RequestAborted);
        var next = await returns.NextAsync(DirectPaymentId, HttpContext.RequestAborted);
        if (payment is null || next is null) return false;
        (Payment, Period) = (payment, next.Value);
        Kinds = await returns.EvidenceKindsAsync(DirectPaymentId, HttpContext.RequestAborted);
        return true;
    }
}
