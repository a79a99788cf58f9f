using ShortBreaks.Core.DirectPayments;

namespace ShortBreaks.Web.Pages.DirectPayments;

/// <summary>
/// An officer records the family's agreement to the direct payment agreement for a family with no online account: who
/// agreed, how (in person or by phone) and when, as for plans. It keeps the agreed text as a letter and schedules the payments.
/// </summary>
[ChildAccess(ChildRecordKind.DirectPayment, "directPaymentId")]
public sealed class AgreeForFamilyModel(ShortBreaksDbContext db, DirectPaymentService payments) : GovukPageModel
{
    public static readonly IReadOnlyList<(AgreementMethod Value, string Text)> Methods = [(AgreementMethod.InPerson, "In person"), (AgreementMethod.ByPhone, "By phone")];

    [FromRoute] public Guid DirectPaymentId { get; set; }
    [BindProperty] public string? AgreedByName { get; set; }
    [BindProperty] public string? Relationship { get; set; }
    [BindProperty] public string? Method { get; set; }
    [BindProperty(Name = "AgreedOn")] public DateBoxes AgreedOn { get; set; } = new();
    [BindProperty] public long? SeenVersion { get; set; }

    public override string Title => "Record the family's agreement";

    public DirectPayment Payment { get; private set; } = null!;

    public DateInput AgreedOnInput => new("AgreedOn", "When did they agree it?", AgreedOn.Day, AgreedOn.Month, AgreedOn.Year)
    {
        Hint = $"For example, {db.Today:d M yyyy}",
        ErrorParts = AgreedOn.ErrorParts,
    };

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (!ChildAccessHandler.IsAssessor(User)) context.Result = Forbid();
    }

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        SeenVersion = Payment.Version;
        AgreedByName = Payment.RecipientName;
        Relationship = Payment.RecipientRelationship;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ClearBindingErrors();
        await LoadAsync();
        if (SeenVersion is not { } seen) return await RefusedAsync([new FieldError("", FormVersion.Missing)], LoadAsync);
        var (agreedOn, dateError) = AgreedOn.Read("AgreedOn", "The date they agreed it");
        var method = Enum.TryParse<AgreementMethod>(Method, out var m) && Methods.Any(x => x.Value == m) ? m : (AgreementMethod?)null;
        var result = await payments.AgreeOnBehalfAsync(DirectPaymentId, new DirectPaymentAgreementOnBehalf(AgreedByName, Relationship, method, agreedOn), seen, HttpContext.RequestAborted);
        if (result.Succeeded) return Redirect(Links.DirectPayment(DirectPaymentId, done: "agreed"));
        // A date that could not be read is named as the boxes found it, in place of the service's "enter the date".
        var errors = AgreedOn.KeyRuleErrors(result.Errors.Select(e => e.Field == "AgreedOn" && dateError is not null ? dateError : e), "AgreedOn");
        var page = await RefusedAsync(errors, LoadAsync);
        if (result.Conflict) SeenVersion = Payment.Version;
        return page;
    }

    private async Task LoadAsync()
    {
        Payment = (await payments.FindAsync(DirectPaymentId, HttpContext.RequestAborted))!;
        await payments.RecordViewAsync(Payment, "Recording the family's agreement", HttpContext.RequestAborted);
    }
}
