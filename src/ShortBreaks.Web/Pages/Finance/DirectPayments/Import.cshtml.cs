using ShortBreaks.Core.DirectPayments;

namespace ShortBreaks.Web.Pages.Finance.DirectPayments;

/// <summary>
/// A finance officer imports a statement from the card provider or the bank as CSV for a direct payment's account. The
/// columns are mapped the first time for each source and remembered (shown filled in after that, and changed here if
/// the file's layout changes). All or nothing: a file with any problem keeps nothing and lists every problem by row.
/// The page reads its own form, as upload pages do, so a file over the limit gets a message here.
/// </summary>
[IgnoreAntiforgeryToken] // checked in OnPageHandlerExecutionAsync, once the form has been read safely
[RequestSizeLimit(EvidenceFiles.MaxDiscardedBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ServiceSetup.MaxRequestBytes)]
[ChildAccess(ChildRecordKind.DirectPaymentMoney, "directPaymentId")]
public sealed class ImportModel(ShortBreaksDbContext db, StatementImportService imports, IAntiforgery antiforgery, ILogger<ImportModel> logger) : GovukPageModel
{
    private static readonly string[] FieldOrder = ["", "Upload", "DateColumn", "DescriptionColumn", "AmountInColumn", "AmountOutColumn", "BalanceColumn", "DateFormat"];

    [FromRoute] public Guid DirectPaymentId { get; set; }

    public override string Title => "Import a statement";

    public DirectPayment Payment { get; private set; } = null!;
    public DirectPaymentAccount? Account { get; private set; }
    public StatementColumnMapping? Mapping { get; private set; }

    // What was posted, shown back on a problem. Read from the form by this page, never bound.
    public string? DateColumn { get; private set; }
    public string? DescriptionColumn { get; private set; }
    public string? AmountInColumn { get; private set; }
    public string? AmountOutColumn { get; private set; }
    public string? BalanceColumn { get; private set; }
    public string? DateFormat { get; private set; }
    public IReadOnlyList<StatementRowError> RowErrors { get; private set; } = [];
    public int RowErrorsNotListed { get; private set; }

    private IFormCollection? _form;
    private string? _formProblem;

    private static string TooLarge => $"The file must be smaller than {StatementCsv.MaxBytes / (1024 * 1024)}MB";

    public override Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context)
    {
        UploadForms.BindRouteAndQueryOnly(PageContext);
        return Task.CompletedTask;
    }

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        // Only those who look after the money import statements (the child is checked once the form is read).
        if (!ChildAccessHandler.IsFinance(User))
        {
            context.Result = Forbid();
            return;
        }

        (_form, _formProblem) = await UploadForms.ReadPostedAsync(context, antiforgery, logger, TooLarge, "The file could not be uploaded. Try again");
        if (context.Result is null) await next();
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!HttpContext.ChildAccess().MayChange) return Forbid();
        if (!await LoadAsync()) return NotFound();
        (DateColumn, DescriptionColumn, AmountInColumn, AmountOutColumn, BalanceColumn, DateFormat) =
            (Mapping?.DateColumn, Mapping?.DescriptionColumn, Mapping?.AmountInColumn, Mapping?.AmountOutColumn, Mapping?.BalanceColumn, Mapping?.DateFormat);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ClearBindingErrors();
        if (!HttpContext.ChildAccess().MayChange) return Forbid();
        if (!await LoadAsync()) return NotFound();
        if (_form is null)
        {
            AddErrors([new FieldError("Upload", _formProblem ?? "The form could not be read. Try again")]);
            return Page();
        }

        var form = _form;
        (DateColumn, DescriptionColumn, AmountInColumn, AmountOutColumn, BalanceColumn, DateFormat) =
            (form["DateColumn"], form["DescriptionColumn"], form["AmountInColumn"], form["AmountOutColumn"], form["BalanceColumn"], form["DateFormat"]);
        long? mappingSeen = null;
        if (Mapping is not null)
        {
            if (!long.TryParse(form["MappingVersion"], NumberStyles.None, CultureInfo.InvariantCulture, out var seen))
            {
                AddErrors([new FieldError("", FormVersion.Missing)]);
                return Page();
            }

            mappingSeen = seen;
        }

        var upload = form.Files.GetFile("Upload");
        if (upload is null || upload.Length == 0)
        {
            AddErrors([new FieldError("Upload", upload is null || string.IsNullOrEmpty(upload.FileName) ? "Choose a CSV file of the statement" : "The selected file is empty")]);
            return Page();
        }

        if (upload.Length > StatementCsv.MaxBytes)
        {
            AddErrors([new FieldError("Upload", TooLarge)]);
            return Page();
        }

        string text;
        using (var reader = new StreamReader(upload.OpenReadStream(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
            text = await reader.ReadToEndAsync(HttpContext.RequestAborted);

        var columns = new StatementColumns(DateColumn, DescriptionColumn, AmountInColumn, AmountOutColumn, BalanceColumn, DateFormat);
        var unchanged = Mapping is not null && Same(DateColumn, Mapping.DateColumn) && Same(DescriptionColumn, Mapping.DescriptionColumn) && Same(AmountInColumn, Mapping.AmountInColumn)
                        && Same(AmountOutColumn, Mapping.AmountOutColumn) && Same(BalanceColumn, Mapping.BalanceColumn) && DateFormat == Mapping.DateFormat;
        var outcome = await imports.ImportAsync(DirectPaymentId, upload.FileName, text, unchanged ? null : columns, mappingSeen, HttpContext.RequestAborted);
        if (outcome.Result.Succeeded) return Redirect(Links.FinanceDirectPayment(DirectPaymentId, "imported"));

        RowErrors = outcome.RowErrors;
        RowErrorsNotListed = outcome.RowErrorsNotListed;
        AddErrors(outcome.Result.Errors.OrderBy(e => Array.IndexOf(FieldOrder, e.Field)));
        db.ChangeTracker.Clear();
        await LoadAsync();
        return Page();
    }

    private static bool Same(string? typed, string? remembered) => string.Equals((typed ?? "").Trim(), remembered ?? "", StringComparison.Ordinal);

    private async Task<bool> LoadAsync()
    {
        var payment = await db.DirectPayments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == DirectPaymentId, HttpContext.RequestAborted);
        if (payment is null) return false;
        Payment = payment;
        Account = await imports.AccountAsync(DirectPaymentId, HttpContext.RequestAborted);
        Mapping = Account is null ? null : await imports.MappingAsync(Account.Kind, HttpContext.RequestAborted);
        return true;
    }
}
