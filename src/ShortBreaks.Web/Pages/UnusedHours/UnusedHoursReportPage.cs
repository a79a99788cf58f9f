using System.Text;
using ShortBreaks.Core.Providers;

namespace ShortBreaks.Web.Pages.UnusedHours;

/// <summary>
/// The unused-hours report as a page (commissioning's and officers' alike): filters by year, provider, child and late
/// returns, a page of children's packages at a time, and CSV and Excel downloads of every row the same filters select.
/// The filters travel in the query string; anything that is not one is shown in the error summary. Each child named is
/// a view of their record, audited.
/// </summary>
public abstract class UnusedHoursReportPage(ShortBreaksDbContext db, UnusedHoursService service) : GovukPageModel
{
    public override string Title => "Unused hours";

    [BindProperty(SupportsGet = true, Name = "year")] public string? YearText { get; set; }
    [BindProperty(SupportsGet = true, Name = "provider")] public string? ProviderText { get; set; }
    [BindProperty(SupportsGet = true, Name = "child")] public string? Child { get; set; }
    [BindProperty(SupportsGet = true, Name = "late")] public string? LateText { get; set; }

    public UnusedHoursReport? Report { get; private set; }
    public IReadOnlyList<(Guid Id, string Name)> Providers { get; private set; } = [];
    public DateOnly YearStart { get; private set; }
    public UnusedHoursQuery Query { get; private set; } = new(null, null, null, false);

    /// <summary>Whether the children link to their packages (only case staff see a child's record).</summary>
    public abstract bool LinksToChildren { get; }

    /// <summary>
    /// Whose report it is, for <see cref="ShortBreaks.Core.Caseloads.ChildVisibility"/>: the officer's, on the staff page, so
    /// it lists only the children they see; null (every child) for commissioning, whose roles the setting does not cover.
    /// </summary>
    protected virtual Task<ShortBreaks.Core.Caseloads.StaffViewer?> ViewerAsync() => Task.FromResult<ShortBreaks.Core.Caseloads.StaffViewer?>(null);

    /// <summary>The page's own link, with these filters (and handler, for downloads).</summary>
    public abstract string Link(UnusedHoursQuery query, string? handler = null);

    /// <summary>"1 April 2026 to 31 March 2027".</summary>
    public static string YearLabel(DateOnly start) =>
        string.Create(CultureInfo.InvariantCulture, $"{start:d MMMM yyyy} to {AllowanceYears.EndOf(start):d MMMM yyyy}");

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return Page();
        var page = int.TryParse(Request.Query["p"], NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p >= 1 ? p : 1;
        Report = await service.ReportAsync(YearStart, service.Today, await FilterAsync(), page, HttpContext.RequestAborted);
        await RecordViewsAsync(Report.Rows, "shown in the unused-hours report");
        return Page();
    }

    public Task<IActionResult> OnGetCsvAsync() => DownloadAsync("csv", "text/csv; charset=utf-8", rows => Encoding.UTF8.GetBytes(UnusedHoursExport.Csv(rows)));

    public Task<IActionResult> OnGetXlsxAsync() => DownloadAsync("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", UnusedHoursExport.Xlsx);

    private async Task<IActionResult> DownloadAsync(string extension, string contentType, Func<IReadOnlyList<UnusedHoursRow>, byte[]> write)
    {
        if (!await LoadAsync()) return Page();
        var report = await service.ReportAsync(YearStart, service.Today, await FilterAsync(), page: null, HttpContext.RequestAborted);
        await RecordViewsAsync(report.Rows, $"downloaded ({extension}) in the unused-hours report");
        return File(write(report.Rows), contentType, UnusedHoursExport.FileName(YearStart, report.AsOf, extension));
    }

    private async Task<UnusedHoursFilter> FilterAsync() => new(Query.Provider, Query.Child, Query.Late, Viewer: await ViewerAsync());

    /// <summary>Reads the filters; false (with the errors added) when any is not one.</summary>
    private async Task<bool> LoadAsync()
    {
        ClearBindingErrors();
        var ct = HttpContext.RequestAborted;
        var current = service.YearOf(service.Today);
        var errors = new List<FieldError>();
        int? year = null;
        if (!string.IsNullOrWhiteSpace(YearText))
        {
            if (int.TryParse(YearText.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y >= 2000 && y <= current.Year + 1) year = y;
            else errors.Add(new("year", $"Enter the year as the calendar year it starts in, from 2000 to {current.Year + 1}, for example {current.Year}"));
        }

        Guid? provider = null;
        if (!string.IsNullOrWhiteSpace(ProviderText))
        {
            if (Guid.TryParse(ProviderText.Trim(), out var id)) provider = id;
            else errors.Add(new("provider", "Select a provider from the list"));
        }

        if (Child is { Length: > UnusedHoursFilter.ChildMaxLength }) errors.Add(new("child", $"The child's name or reference must be {UnusedHoursFilter.ChildMaxLength} characters or fewer"));
        var late = LateText == "true";
        if (LateText is not null && !late && LateText != "false") errors.Add(new("late", "Tick the box to show only packages with late returns, or leave it empty"));

        YearStart = year is { } chosen ? new DateOnly(chosen, current.Month, 1) : current;
        Query = new UnusedHoursQuery(year, provider, Child?.Trim(), late);
        Providers = await service.ProvidersAsync(YearStart, ct);
        if (errors.Count == 0) return true;
        AddErrors(errors);
        return false;
    }

    // Each child named is a view of that child's record.
    private async Task RecordViewsAsync(IEnumerable<UnusedHoursRow> rows, string details)
    {
        var any = false;
        foreach (var childId in rows.Select(r => r.ChildId).Distinct())
        {
            db.RecordView("UnusedHoursReport", YearStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), childId, details);
            any = true;
        }

        if (any) await db.SaveChangesAsync(HttpContext.RequestAborted);
    }
}
