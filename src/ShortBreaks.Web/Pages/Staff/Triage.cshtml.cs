namespace ShortBreaks.Web.Pages.Staff;

/// <summary>
/// Requests awaiting a threshold decision, oldest first. Filters are a GET form so a filtered queue can be
/// bookmarked and shared; a value the page does not recognise is ignored rather than refused.
/// Open to all case staff whatever the scheme's visibility setting (<see cref="ShortBreaks.Core.Caseloads.ChildVisibility"/>)
/// on purpose: a request waiting at the duty point is anybody's to take, and a queue narrowed to each officer's caseload
/// would leave new families, who have no key worker yet, waiting unseen. Once decided, a request is seen only with its child.
/// </summary>
public class TriageModel(TriageQueue triage) : GovukPageModel
{
    public override string Title => "Triage queue";

    // Bound as text so that a hand-edited address (?page=abc&channel=zzz) never fails binding.
    [BindProperty(SupportsGet = true, Name = "channel")] public string? ChannelText { get; set; }
    [BindProperty(SupportsGet = true, Name = "waiting")] public string? WaitingText { get; set; }
    [BindProperty(SupportsGet = true, Name = "unmatched")] public string? UnmatchedText { get; set; }
    [BindProperty(SupportsGet = true, Name = "saved")] public string? SavedText { get; set; }

    public RequestChannel? Channel { get; private set; }
    public WaitingState? Waiting { get; private set; }
    public bool Unmatched { get; private set; }

    /// <summary>The reference of a phone request an officer has just saved as a draft.</summary>
    public string? SavedReference { get; private set; }

    public TriagePage Queue { get; private set; } = null!;

    public bool Filtered => Channel is not null || Waiting is not null || Unmatched;

    public async Task OnGetAsync()
    {
        Channel = StaffDisplay.ParseName<RequestChannel>(ChannelText);
        Waiting = StaffDisplay.ParseName<WaitingState>(WaitingText);
        Unmatched = bool.TryParse(UnmatchedText, out var unmatched) && unmatched;
        // Read from the query string itself: "page" is also the route value Razor Pages uses to name the page.
        var page = int.TryParse(Request.Query["page"], out var p) && p >= 1 ? p : 1;
        SavedReference = References.Normalise(SavedText) is { } saved && saved.StartsWith('R') ? saved : null;

        Queue = await triage.GetAsync(new TriageFilter(Channel, Waiting, Unmatched ? true : null, page), HttpContext.RequestAborted);
    }

    /// <summary>The address of a page of the queue with the current filters.</summary>
    public string PageLink(int page) => Links.StaffTriage(Channel?.ToString(), Waiting?.ToString(), Unmatched, page);

    /// <summary>
    /// The page numbers to show, GOV.UK style: the first, the last, and those either side of the current one,
    /// with null where a gap is shown as an ellipsis.
    /// </summary>
    public IReadOnlyList<int?> PageNumbers() => Infrastructure.PageNumbers.Around(Queue.Page, Queue.PageCount);
}
