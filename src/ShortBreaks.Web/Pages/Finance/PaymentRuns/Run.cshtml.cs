using ShortBreaks.Core.Finance;

namespace ShortBreaks.Web.Pages.Finance.PaymentRuns;

/// <summary>
/// One payment run: its totals by kind and budget head, its payments (accounts masked), and what comes next: a second
/// finance officer approves or cancels it, then it is paid and its payment file downloaded. Every move carries the
/// version of the run the officer saw, so two officers never overwrite each other unseen.
/// </summary>
public sealed class RunModel(PaymentRunService runs, ShortBreaksDbContext db) : GovukPageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public string? PageNumber { get; set; }
    [BindProperty(SupportsGet = true, Name = "done")] public string? Done { get; set; }
    [BindProperty] public long? SeenVersion { get; set; }

    public override string Title => View is null ? "Payment run" : $"Payment run {View.Run.Reference}";

    public RunView View { get; private set; } = null!;

    /// <summary>Whether the signed-in officer prepared it (and so may not approve it).</summary>
    public bool PreparedByMe => View.Run.PreparedByUserId == User.UserId();

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        SeenVersion = View.Run.Version;
        return Page();
    }

    public Task<IActionResult> OnPostApproveAsync() => MoveAsync((seen, ct) => runs.ApproveAsync(Id, seen, ct), "approved");

    public Task<IActionResult> OnPostCancelAsync() => MoveAsync((seen, ct) => runs.CancelAsync(Id, seen, ct), "cancelled");

    public Task<IActionResult> OnPostPayAsync() => MoveAsync(async (seen, ct) =>
    {
        // Paying is safe to repeat, but only from the run the officer saw: a run changed since is shown again first.
        var current = await db.PaymentRuns.AsNoTracking().Where(r => r.Id == Id).Select(r => r.Version).FirstAsync(ct);
        if (current != seen) return CommandResult.Conflicted(PaymentRunService.Conflict);
        return (await runs.PayAsync(Id, ct: ct)).Result;
    }, "paid");

    private async Task<IActionResult> MoveAsync(Func<long, CancellationToken, Task<CommandResult>> move, string done)
    {
        ClearBindingErrors();
        if (!await LoadAsync()) return NotFound();
        if (SeenVersion is not { } seen) return await RefusedAsync([new FieldError("", FormVersion.Missing)], ReloadAsync);
        var result = await move(seen, HttpContext.RequestAborted);
        if (result.Succeeded) return Redirect(Links.FinancePaymentRun(Id, done: done));
        return await RefusedAsync(result.Errors, ReloadAsync);
    }

    private async Task ReloadAsync()
    {
        await LoadAsync();
        SeenVersion = View.Run.Version;
    }

    private async Task<bool> LoadAsync()
    {
        var view = await runs.RunAsync(Id, FinanceDisplay.PageNumber(PageNumber), HttpContext.RequestAborted);
        if (view is null) return false;
        View = view;
        return true;
    }
}
