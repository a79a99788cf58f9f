namespace ShortBreaks.Web.Pages.Staff;

/// <summary>Results of the search box in the staff header, saying how the words typed were read.</summary>
public class SearchModel(StaffSearch search, ShortBreaks.Core.Caseloads.StaffVisibility visibility) : GovukPageModel
{
    // The same formats StaffSearch reads a date of birth in, to say back which date it searched for.
    private static readonly string[] DateFormats = ["d/M/yyyy", "d-M-yyyy", "d.M.yyyy", "yyyy-MM-dd", "d M yyyy", "d MMMM yyyy", "d MMM yyyy"];

    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }

    public override string Title => string.IsNullOrWhiteSpace(Query) ? "Find a child or request" : $"Search results for ‘{Results.Query}’";

    public SearchResults Results { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        var viewer = await visibility.ForAsync(User, ct) ?? throw new InvalidOperationException("Only case staff reach the staff search.");
        Results = await search.SearchAsync(Query, viewer, ct);
    }

    /// <summary>How the query was read, in words: "Showing children with date of birth 3 March 2015".</summary>
    public string HowRead()
    {
        var q = Results.Query;
        return Results.Interpretation switch
        {
            "reference" => $"Showing the child or request with reference {References.Normalise(q)}",
            "date of birth" when DateOnly.TryParseExact(q, DateFormats, CultureInfo.GetCultureInfo("en-GB"), DateTimeStyles.AllowWhiteSpaces, out var dob)
                => $"Showing children with date of birth {StaffDisplay.Date(dob)}, and requests not yet matched to a record",
            "date of birth" => "Showing children by date of birth, and requests not yet matched to a record",
            "postcode" when Postcodes.IsValid(q) => $"Showing children with postcode {Postcodes.Format(q)}, and requests not yet matched to a record",
            "postcode" => $"Showing children with a postcode starting {MatchKeys.Postcode(q)}, and requests not yet matched to a record",
            _ => $"Showing children whose name starts with ‘{q}’, and requests not yet matched to a record",
        };
    }
}
