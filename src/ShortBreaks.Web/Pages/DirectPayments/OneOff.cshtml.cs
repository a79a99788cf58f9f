using ShortBreaks.Core.DirectPayments;

namespace ShortBreaks.Web.Pages.DirectPayments;

/// <summary>An officer adds a one-off payment (a start-up sum, equipment) with its reason to an agreed direct payment.</summary>
[ChildAccess(ChildRecordKind.DirectPayment, "directPaymentId")]
public sealed class OneOffModel(DirectPaymentService payments) : GovukPageModel
{
    [FromRoute] public Guid DirectPaymentId { get; set; }
    [BindProperty] public string? Amount { get; set; }
    [BindProperty(Name = "DueOn")] public DateBoxes DueOn { get; set; } = new();
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public long? SeenVersion { get; set; }

    public override string Title => "Add a one-off payment";

    public DirectPayment Payment { get; private set; } = null!;

    public DateInput DueOnInput => new("DueOn", "When is it paid?", DueOn.Day, DueOn.Month, DueOn.Year)
    {
        Hint = "It goes in the first payment run on or after this day. For example, 27 3 2027",
        ErrorParts = DueOn.ErrorParts,
    };

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (!ChildAccessHandler.IsAssessor(User)) context.Result = Forbid();
    }

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        SeenVersion = Payment.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ClearBindingErrors();
        await LoadAsync();
        if (SeenVersion is not { } seen) return await RefusedAsync([new FieldError("", FormVersion.Missing)], LoadAsync);
        var (dueOn, dateError) = DueOn.Read("DueOn", "The date it is paid");
        var result = await payments.AddOneOffAsync(DirectPaymentId, Amount, dueOn, Reason, seen, HttpContext.RequestAborted);
        if (result.Succeeded) return Redirect(Links.DirectPayment(DirectPaymentId, done: "one-off"));
        var errors = DueOn.KeyRuleErrors(result.Errors.Select(e => e.Field == "DueOn" && dateError is not null ? dateError : e), "DueOn");
        var page = await RefusedAsync(errors, LoadAsync);
        if (result.Conflict) SeenVersion = Payment.Version;
        return page;
    }

    private async Task LoadAsync()
    {
        Payment = (await payments.FindAsync(DirectPaymentId, HttpContext.RequestAborted))!;
        await payments.RecordViewAsync(Payment, "Adding a one-off payment", HttpContext.RequestAborted);
    }
}
