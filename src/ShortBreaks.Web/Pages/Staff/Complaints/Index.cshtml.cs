using ShortBreaks.Core.Caseloads;

namespace ShortBreaks.Web.Pages.Staff.Complaints;

/// <summary>
/// Complaints, compliments and appeals: every open case by due date, overdue first, filterable and a page at a time, with
/// counts by stage, subject and outcome. Team managers and administrators see every case that does not name them; other
/// case staff see the cases whose stages they handle (<see cref="ComplaintAccess"/>).
/// </summary>
public sealed class IndexModel(ComplaintService complaints, StaffVisibility visibility) : GovukPageModel
{
    [BindProperty(SupportsGet = true, Name = "kind")] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true, Name = "subject")] public string? Subject { get; set; }
    [BindProperty(SupportsGet = true, Name = "stage")] public string? Stage { get; set; }
    [BindProperty(SupportsGet = true, Name = "outcome")] public string? Outcome { get; set; }
    [BindProperty(SupportsGet = true, Name = "show")] public string? Show { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public string? PageNumber { get; set; }

    public override string Title => "Complaints, compliments and appeals";

    public ComplaintPage List { get; private set; } = null!;
    public bool IsManager { get; private set; }

    /// <summary>Which cases: "open" (the default), "overdue", "mine" or "all".</summary>
    public string Showing => Show is "overdue" or "mine" or "all" ? Show : "open";

    public async Task OnGetAsync()
    {
        var viewer = ComplaintViewers.Of(User);
        IsManager = viewer.IsManager;
        var filter = new ComplaintFilter(Parse<ComplaintKind>(Kind), Parse<ComplaintSubject>(Subject), Parse<ComplaintStageKind>(Stage),
            Parse<ComplaintOutcome>(Outcome), OpenOnly: Showing is "open" or "mine", OverdueOnly: Showing == "overdue", MineOnly: Showing == "mine");
        var page = int.TryParse(PageNumber, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 1;
        // Cases about children the person's role does not let them see are left out, as the cases themselves are.
        var children = await visibility.ForAsync(User, HttpContext.RequestAborted);
        List = await complaints.ListAsync(viewer, filter, page, HttpContext.RequestAborted, children);
    }

    public string PageLink(int page) => Links.StaffComplaints(Clean<ComplaintKind>(Kind), Clean<ComplaintSubject>(Subject), Clean<ComplaintStageKind>(Stage),
        Clean<ComplaintOutcome>(Outcome), Showing == "open" ? null : Showing, page);

    private static T? Parse<T>(string? text) where T : struct, Enum =>
        text is { Length: > 0 } && !text.All(char.IsAsciiDigit) && Enum.TryParse<T>(text, out var value) && Enum.IsDefined(value) ? value : null;

    private static string? Clean<T>(string? text) where T : struct, Enum => Parse<T>(text)?.ToString();
}
