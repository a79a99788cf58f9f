using ShortBreaks.Core.Providers;

namespace ShortBreaks.Web.Pages.Commissioning.Providers;

/// <summary>Commissioning's queue: organisations by framework status, with the count in each, oldest application first.</summary>
public sealed class IndexModel(FrameworkService framework) : GovukPageModel
{
    public override string Title => "Providers on the framework";

    [BindProperty(SupportsGet = true)] public string? Status { get; set; }

    public FrameworkStatus? Filter { get; private set; }

    public IReadOnlyList<FrameworkQueueRow> Rows { get; private set; } = [];

    public IReadOnlyDictionary<FrameworkStatus, int> Counts { get; private set; } = new Dictionary<FrameworkStatus, int>();

    /// <summary>The statuses as tabs, in the order commissioning works through them.</summary>
    public static readonly IReadOnlyList<FrameworkStatus> Order =
    [
        FrameworkStatus.Applied, FrameworkStatus.MoreInformationAsked, FrameworkStatus.Approved, FrameworkStatus.Suspended,
        FrameworkStatus.Registered, FrameworkStatus.Refused, FrameworkStatus.Removed,
    ];

    public async Task OnGetAsync()
    {
        // An unknown status shows them all rather than an error: it is only a filter.
        Filter = Enum.TryParse<FrameworkStatus>(Status, ignoreCase: true, out var s) && Enum.IsDefined(s) ? s : Status is null ? FrameworkStatus.Applied : null;
        (Rows, Counts) = await framework.QueueAsync(Filter, HttpContext.RequestAborted);
    }
}
