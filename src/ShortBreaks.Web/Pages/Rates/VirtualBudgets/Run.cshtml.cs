using ShortBreaks.Core.Finance;

namespace ShortBreaks.Web.Pages.Rates.VirtualBudgets;

/// <summary>
/// One virtual budget run: its status while it waits or runs (with a link to check again; the page never refreshes
/// itself), then the summary and the families whose budget would fall, a page at a time or as a CSV file.
/// </summary>
public sealed class RunModel(VirtualBudgetService service, ShortBreaksDbContext db, BudgetMonitoringService budgets, RasVersionService versions) : GovukPageModel
{
    public const int PageSize = 25;

    public override string Title => Run.Status == VirtualBudgetRunStatus.Completed
        ? $"Virtual budgets under RAS version {Run.VersionLabel}"
        : $"Virtual budget run of RAS version {Run.VersionLabel}";

    public VirtualBudgetRun Run { get; private set; } = null!;
    public VirtualBudgetSummary? Summary { get; private set; }
    public IReadOnlyList<VirtualBudgetFall> Falls { get; private set; } = [];
    public int FallCount { get; private set; }

    /// <summary>The version's effect on this year's and next year's forecast outturn (budget monitoring), for a completed run.</summary>
    public VirtualBudgetOutturn? Outturn { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public int PageCount => Math.Max(1, (FallCount + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var run = await service.FindAsync(id, ct);
        if (run is null) return NotFound();
        Run = run;
        Summary = VirtualBudgetService.SummaryOf(run);
        if (Summary is null) return Page();

        var falls = VirtualBudgetService.FallsOf(run);
        FallCount = falls.Count;
        // Rises take effect from the version's first day (the run's day when the version is no longer kept).
        var effectiveFrom = (await versions.SchemeAsync(run.VersionLabel, ct))?.EffectiveFrom ?? Summary.RunOn;
        Outturn = await budgets.VirtualBudgetEffectAsync(Summary, falls, effectiveFrom, ct);
        // Read from the query string itself: "page" is also the route value Razor Pages uses to name the page.
        var requested = int.TryParse(Request.Query["p"], out var p) && p >= 1 ? p : 1;
        PageNumber = Math.Min(requested, PageCount);
        Falls = falls.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList();
        await RecordViewsAsync(Falls, "shown in a virtual budget run's families whose budget would fall", ct);
        return Page();
    }

    /// <summary>The families whose budget would fall, every one, as CSV for a spreadsheet.</summary>
    public async Task<IActionResult> OnGetCsvAsync(Guid id, CancellationToken ct)
    {
        var run = await service.FindAsync(id, ct);
        if (run is null || run.Status != VirtualBudgetRunStatus.Completed) return NotFound();
        var falls = VirtualBudgetService.FallsOf(run);
        await RecordViewsAsync(falls, "downloaded in a virtual budget run's families whose budget would fall", ct);
        return File(Encoding.UTF8.GetBytes(VirtualBudgetSimulation.FallsCsv(falls)), "text/csv; charset=utf-8",
            $"virtual-budgets-{run.VersionLabel}-falls-{UkCalendar.DateOf(run.FinishedAt!.Value):yyyy-MM-dd}.csv");
    }

    public string PageLink(int page) => Links.RatesVirtualBudgetRun(Run.Id, page) + "#falls";

    // Each family named is a view of that child's record.
    private async Task RecordViewsAsync(IEnumerable<VirtualBudgetFall> falls, string details, CancellationToken ct)
    {
        var any = false;
        foreach (var fall in falls)
        {
            db.RecordView("VirtualBudgetRun", Run?.Id.ToString() ?? "", fall.ChildId, details);
            any = true;
        }

        if (any) await db.SaveChangesAsync(ct);
    }
}
