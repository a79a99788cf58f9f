using ShortBreaks.Core.Caseloads;
using ShortBreaks.Core.Reviews;

namespace ShortBreaks.Web.Pages.Staff.Reviews;

/// <summary>
/// The reviewing officers' worklist: reviews due in the next weeks and overdue, by kind (section 17(6), RAS package,
/// annual), filtered by officer (the reviewing officers of the viewer's team are offered, a county's hundreds being too
/// many for one list; any officer's id in the address is honoured), kind, state and due window, a page at a time, with
/// the signed-in officer's own caseload against the scheme's guide. The filters travel in the query string; a value that is not one of the choices is shown
/// in the error summary, never a 500. Only reviews of children the officer sees are listed (<see cref="ChildVisibility"/>,
/// as the scheme sets it for their role). Each child listed is a view of their record, audited. Case staff only.
/// </summary>
public sealed class IndexModel(ShortBreaksDbContext db, ReviewWorklist worklist, StaffVisibility visibility) : GovukPageModel
{
    public const string Mine = "mine";
    public const string NoOfficer = "none";

    public override string Title => "Reviews";

    [BindProperty(SupportsGet = true, Name = "officer")] public string? Officer { get; set; }
    [BindProperty(SupportsGet = true, Name = "kind")] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true, Name = "state")] public string? State { get; set; }
    [BindProperty(SupportsGet = true, Name = "when")] public string? When { get; set; }
    [BindProperty(SupportsGet = true, Name = "weeks")] public string? WeeksText { get; set; }

    public ReviewPage? Results { get; private set; }
    public ReviewCaseload? Caseload { get; private set; }
    public IReadOnlyList<(string Id, string Name)> Officers { get; private set; } = [];

    /// <summary>The team whose reviewing officers the officer filter offers (every officer's when the viewer has none).</summary>
    public string? OfficersTeam { get; private set; }
    public DateOnly Today => worklist.Today;
    public int Weeks { get; private set; }

    public async Task OnGetAsync()
    {
        ClearBindingErrors();
        var ct = HttpContext.RequestAborted;
        var userId = User.UserId();
        var viewer = await visibility.ForAsync(User, ct) ?? throw new InvalidOperationException("Only case staff reach the reviews worklist.");
        // The officers of the viewer's own team to choose from (a county has hundreds), and the one chosen from another team.
        OfficersTeam = viewer.Team;
        Officers = await worklist.OfficersAsync(viewer.Team, ct);
        if (Officer is { Length: > 0 } chosen && chosen is not (Mine or NoOfficer) && Officers.All(o => o.Id != chosen)
            && await worklist.OfficerAsync(chosen, ct) is { } other)
        {
            Officers = [.. Officers, other];
        }

        if (userId is not null) Caseload = await worklist.CaseloadAsync(userId, ct);
        Officer ??= User.IsInRole(Roles.ReviewingOfficer) ? Mine : "";
        When ??= "weeks";
        var (filter, errors) = Read(userId);
        if (errors.Count > 0)
        {
            AddErrors(errors);
            return;
        }

        var page = int.TryParse(Request.Query["p"], NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p >= 1 ? p : 1;
        Results = await worklist.ListAsync(filter!, page, viewer, ct);
        foreach (var childId in Results.Items.Select(i => i.ChildId).Distinct())
            db.RecordView(nameof(Review), "worklist", childId, "shown on the reviews worklist");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>This page with these filters and another page number.</summary>
    public string Link(int pageNumber) => Links.StaffReviews(Officer, Kind, State, When, Weeks, pageNumber);

    private (ReviewFilter? Filter, List<FieldError> Errors) Read(string? userId)
    {
        var errors = new List<FieldError>();
        var officerId = Officer switch
        {
            "" => (string?)null,
            Mine => userId,
            NoOfficer => "",
            var id when Officers.Any(o => o.Id == id) => id,
            _ => Fail(errors, "officer", "Choose an officer from the list"),
        };
        ReviewKind? kind = null;
        if (!string.IsNullOrEmpty(Kind))
        {
            if (Enum.TryParse<ReviewKind>(Kind, out var k) && Enum.IsDefined(k) && !int.TryParse(Kind, out _)) kind = k;
            else errors.Add(new("kind", "Choose a kind of review from the list"));
        }

        ReviewState? state = null;
        if (!string.IsNullOrEmpty(State))
        {
            if (Enum.TryParse<ReviewState>(State, out var s) && Enum.IsDefined(s) && !int.TryParse(State, out _)) state = s;
            else errors.Add(new("state", "Choose a state from the list"));
        }

        ReviewWindow? window = When switch { "weeks" => ReviewWindow.Weeks, "overdue" => ReviewWindow.Overdue, "any" => ReviewWindow.Any, _ => null };
        if (window is null) errors.Add(new("when", "Choose when the reviews are due"));
        Weeks = worklist.DefaultWeeks;
        if (!string.IsNullOrEmpty(WeeksText))
        {
            if (int.TryParse(WeeksText, NumberStyles.None, CultureInfo.InvariantCulture, out var w) && w is >= 1 and <= 104) Weeks = w;
            else errors.Add(new("weeks", "Enter a number of weeks from 1 to 104"));
        }

        return errors.Count > 0 ? (null, errors) : (new ReviewFilter(officerId, kind, state, window!.Value, Weeks), errors);
    }

    private static string? Fail(List<FieldError> errors, string field, string message)
    {
        errors.Add(new(field, message));
        return null;
    }
}
