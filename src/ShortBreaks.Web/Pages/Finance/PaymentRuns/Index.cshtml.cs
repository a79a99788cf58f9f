using ShortBreaks.Core.Finance;

namespace ShortBreaks.Web.Pages.Finance.PaymentRuns;

/// <summary>Payment runs, newest first, and preparing a run for a day.</summary>
public sealed class IndexModel(PaymentRunService runs) : GovukPageModel
{
    [BindProperty(SupportsGet = true, Name = "p")] public string? PageNumber { get; set; }
    [BindProperty(Name = "PayOn")] public DateBoxes PayOn { get; set; } = new();

    public override string Title => "Payment runs";

    public RunList List { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        PayOn = DateBoxes.Of(runs.Today);
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ClearBindingErrors();
        var (payOn, error) = PayOn.Read("PayOn", "payment date");
        if (error is not null) return await RefusedAsync([error], LoadAsync);
        if (payOn is null) return await RefusedAsync(PayOn.KeyRuleErrors([new FieldError("PayOn", "Enter the payment date")], "PayOn"), LoadAsync);

        var (run, result) = await runs.PrepareAsync(payOn.Value, HttpContext.RequestAborted);
        if (result.Succeeded) return Redirect(Links.FinancePaymentRun(run!.Id, done: "prepared"));
        return await RefusedAsync(PayOn.KeyRuleErrors(result.Errors, "PayOn"), LoadAsync);
    }

    private async Task LoadAsync() => List = await runs.ListAsync(FinanceDisplay.PageNumber(PageNumber), HttpContext.RequestAborted);
}
