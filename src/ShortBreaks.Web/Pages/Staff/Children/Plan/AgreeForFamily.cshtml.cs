namespace ShortBreaks.Web.Pages.Staff.Children.Plan;

/// <summary>
/// An officer records the family's agreement to the newest version for a family with no online account: who agreed,
/// how (in person, by phone, or a signed paper copy uploaded as evidence), when, and any comments. The page reads its
/// own form, as the evidence page does, so a file over the limits gets a message here rather than an error page.
/// </summary>
[IgnoreAntiforgeryToken] // checked in OnPageHandlerExecutionAsync, once the form has been read safely
[RequestSizeLimit(EvidenceFiles.MaxDiscardedBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ServiceSetup.MaxRequestBytes)]
[ChildAccess(ChildRecordKind.Child, "childId")]
public sealed class AgreeForFamilyModel(ShortBreaksDbContext db, PlanService plans, PlanApprovalService approvals, IAntiforgery antiforgery, ILogger<AgreeForFamilyModel> logger) : GovukPageModel
{
    public static readonly IReadOnlyList<(AgreementMethod Value, string Text)> Methods =
    [
        (AgreementMethod.InPerson, "In person"),
        (AgreementMethod.ByPhone, "By phone"),
        (AgreementMethod.SignedPaperCopy, "They signed a paper copy (upload it below)"),
    ];

    // The order of the fields on the page, for the error summary.
    private static readonly string[] FieldOrder = ["", "AgreedByName", "Relationship", "Method", "AgreedOn-day", "AgreedOn-month", "AgreedOn-year", "SignedCopy", "Comments"];

    [FromRoute] public Guid ChildId { get; set; }

    public override string Title => "Record the family's agreement";

    public string ChildName { get; private set; } = "";
    public SupportPlan? Plan { get; private set; }
    public PlanVersion? Latest { get; private set; }

    /// <summary>Whether the newest version is waiting for the family's agreement.</summary>
    public bool CanRecord => Plan is { EndedAt: null } && Latest is { Status: PlanVersionStatus.Draft, FamilyAgreedAt: null };

    // What was posted, shown back on a problem. Read from the form by this page, never bound.
    public string? AgreedByName { get; private set; }
    public string? Relationship { get; private set; }
    public string? Method { get; private set; }
    public string? Day { get; private set; }
    public string? Month { get; private set; }
    public string? Year { get; private set; }
    public string? Comments { get; private set; }
    public IReadOnlyList<string> DateErrorParts { get; private set; } = [];

    private IFormCollection? _form;
    private string? _formProblem;

    private static string TooLarge => $"The signed copy must be smaller than {EvidenceFiles.MaxSizeText}";

    public override Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context)
    {
        UploadForms.BindRouteAndQueryOnly(PageContext);
        return Task.CompletedTask;
    }

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        // The officers who agree plans: a reviewing officer may read the plan but not agree it for anyone.
        if (!User.IsInRole(Roles.PersonalisationOfficer) && !User.IsInRole(Roles.TeamManager) && !User.IsInRole(Roles.Admin))
        {
            context.Result = Forbid();
            return;
        }

        (_form, _formProblem) = await UploadForms.ReadPostedAsync(context, antiforgery, logger, TooLarge, "The signed copy could not be uploaded. Try again");
        if (context.Result is null) await next();
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        Day = Month = Year = null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ClearBindingErrors();
        if (!await LoadAsync()) return NotFound();
        if (_form is null)
        {
            AddErrors([new FieldError("SignedCopy", _formProblem ?? "The form could not be read. Try again")]);
            return Page();
        }

        var form = _form;
        AgreedByName = form["AgreedByName"];
        Relationship = form["Relationship"];
        Method = form["Method"];
        Day = form["AgreedOn-day"];
        Month = form["AgreedOn-month"];
        Year = form["AgreedOn-year"];
        Comments = form["Comments"];

        if (!long.TryParse(form["SeenVersion"], NumberStyles.None, CultureInfo.InvariantCulture, out var seen))
        {
            AddErrors([new FieldError("", FormVersion.Missing)]);
            return Page();
        }

        if (!CanRecord || !int.TryParse(form["Number"], NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number != Latest!.Number)
        {
            AddErrors([new FieldError("", "The plan has changed since you opened this page: check the newest version before you record the family's agreement.")]);
            return Page();
        }

        var pageErrors = new List<FieldError>();
        var date = DateInput.Read("The date they agreed the plan", Day, Month, Year);
        if (date.Error is not null)
        {
            pageErrors.Add(new FieldError(DateInput.Key("AgreedOn", date.ErrorParts[0]), date.Error));
            DateErrorParts = date.ErrorParts;
        }

        var (file, fileError) = await ReadSignedCopyAsync(form.Files.GetFile("SignedCopy"));
        if (fileError is not null) pageErrors.Add(new FieldError("SignedCopy", fileError));

        var input = new AgreementOnBehalfInput
        {
            AgreedByName = AgreedByName,
            Relationship = Relationship,
            Method = Enum.GetNames<AgreementMethod>().Contains(Method) ? Enum.Parse<AgreementMethod>(Method!) : null,
            AgreedOn = date.Date,
            Comments = Comments,
            File = file,
        };

        CommandResult result;
        if (pageErrors.Count > 0)
        {
            // Every problem at once: the service's checks for the fields the page could read, the page's for the rest.
            var checks = approvals.CheckAgreementOnBehalf(input, Latest)
                .Where(e => !(e.Field == "AgreedOn" && date.Error is not null) && !(e.Field == "SignedCopy" && fileError is not null));
            result = CommandResult.Fail(pageErrors.Concat(checks).ToList());
        }
        else
        {
            result = await approvals.AgreeOnBehalfOfFamilyAsync(Latest.Id, input, seen, HttpContext.RequestAborted);
            if (result.Succeeded) return Redirect(Links.StaffPlan(ChildId));
        }

        var errors = result.Errors.Select(e => e.Field switch
        {
            "AgreedOn" => e with { Field = DateInput.Key("AgreedOn", DateInput.DayPart) },
            "AgreedByName" or "Relationship" or "Method" or "SignedCopy" or "Comments" or "" => e,
            _ when e.Field.StartsWith("AgreedOn-", StringComparison.Ordinal) => e,
            _ => e with { Field = "" },
        }).ToList();
        if (result.Errors.Any(e => e.Field == "AgreedOn")) DateErrorParts = DateInput.AllParts;
        AddErrors(errors.OrderBy(e => Array.IndexOf(FieldOrder, e.Field)));
        if (result.Conflict)
        {
            db.ChangeTracker.Clear();
            await LoadAsync();
        }

        return Page();
    }

    /// <summary>The signed copy, checked as any evidence upload is (its type from its first bytes, its size); none when no file was chosen.</summary>
    private async Task<(AgreementFile? File, string? Error)> ReadSignedCopyAsync(IFormFile? upload)
    {
        if (upload is null || (upload.Length == 0 && string.IsNullOrEmpty(upload.FileName))) return (null, null);
        if (upload.Length == 0) return (null, "The selected file is empty");
        if (upload.Length > ServiceSetup.MaxEvidenceBytes) return (null, TooLarge);
        using var buffer = new MemoryStream((int)upload.Length);
        await upload.CopyToAsync(buffer, HttpContext.RequestAborted);
        var content = buffer.ToArray();
        return EvidenceFiles.ContentTypeOf(content) is { } contentType
            ? (new AgreementFile(EvidenceFiles.SafeName(upload.FileName), contentType, content), null)
            : (null, "The signed copy must be a PDF, JPG or PNG");
    }

    private async Task<bool> LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        var child = await db.Children.AsNoTracking().FirstOrDefaultAsync(c => c.Id == ChildId, ct);
        if (child is null) return false;
        ChildName = child.FullName;
        Plan = await plans.OpenPlanAsync(ChildId, ct);
        Latest = Plan is null ? null : await plans.VersionAsync(Plan.Id, Plan.LatestNumber, ct);
        db.RecordView(nameof(SupportPlan), ChildId.ToString(), ChildId, "Recording the family's agreement");
        await db.SaveChangesAsync(ct);
        return true;
    }

    public DateInput AgreedOnInput => new("AgreedOn", "When did they agree it?", Day, Month, Year)
    {
        Hint = $"For example, {db.Today:d M yyyy}",
        Error = ModelState.Keys.Where(k => k.StartsWith("AgreedOn", StringComparison.Ordinal)).Select(ErrorFor).FirstOrDefault(e => e is not null),
        ErrorParts = DateErrorParts,
    };
}
