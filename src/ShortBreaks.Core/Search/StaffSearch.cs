namespace ShortBreaks.Core.Search;

public sealed record ChildHit(Guid Id, string Reference, string Name, DateOnly DateOfBirth, string Postcode, Tier Tier, Guid? MergedIntoChildId);

public sealed record RequestHit(Guid Id, string Reference, string ChildName, DateOnly? DateOfBirth, string? Postcode, RequestStatus Status, DateTime? SubmittedAt);

public sealed record SearchResults(string Query, string Interpretation, IReadOnlyList<ChildHit> Children, IReadOnlyList<RequestHit> Requests);

/// <summary>
/// Finds a child or request by name, reference, date of birth or postcode, from one search box: only children the viewer
/// sees (<see cref="Caseloads.ChildVisibility"/>), and of requests about a child, only those still waiting at the duty
/// point or about a child they see.
/// </summary>
public sealed class StaffSearch(ShortBreaksDbContext db)
{
    public const int Limit = 50;

    private static readonly string[] DateFormats = ["d/M/yyyy", "d-M-yyyy", "d.M.yyyy", "yyyy-MM-dd", "d M yyyy", "d MMMM yyyy", "d MMM yyyy"];

    public async Task<SearchResults> SearchAsync(string? text, Caseloads.StaffViewer viewer, CancellationToken ct = default)
    {
        var query = (text ?? "").Trim();
        if (query.Length == 0) return new SearchResults(query, "", [], []);
        if (query.Length > 100) query = query[..100];

        var children = db.Children.AsNoTracking();
        var requests = db.Requests.AsNoTracking().Where(r => r.Status != RequestStatus.Draft);
        string interpretation;

        // Nine letters with no digit or dash ("Carpenter") are a reference only if that reference exists.
        var reference = References.Normalise(query);
        if (reference is not null && query.All(char.IsLetter) &&
            !await db.Children.AnyAsync(c => c.Reference == reference, ct) && !await db.Requests.AnyAsync(r => r.Reference == reference, ct))
        {
            reference = null;
        }

        if (reference is not null)
        {
            interpretation = "reference";
            children = children.Where(c => c.Reference == reference);
            requests = requests.Where(r => r.Reference == reference);
        }
        else if (DateOnly.TryParseExact(query, DateFormats, CultureInfo.GetCultureInfo("en-GB"), DateTimeStyles.AllowWhiteSpaces, out var dob))
        {
            interpretation = "date of birth";
            children = children.Where(c => c.DateOfBirth == dob);
            requests = requests.Where(r => r.ChildId == null && r.ChildDateOfBirth == dob);
        }
        else if (Postcodes.LooksLikePostcode(query) && query.Any(char.IsDigit))
        {
            interpretation = "postcode";
            var key = MatchKeys.Postcode(query);
            children = Postcodes.IsValid(query)
                ? children.Where(c => c.PostcodeKey == key)
                : children.Where(c => c.PostcodeKey.StartsWith(key));
            var spaced = Postcodes.IsValid(query) ? Postcodes.Format(query) : key;
            requests = requests.Where(r => r.ChildId == null && r.Postcode != null && r.Postcode.ToUpper().StartsWith(spaced));
        }
        else
        {
            interpretation = "name";
            var words = MatchKeys.Name(query, null).Split(' ');
            var last = words[^1];
            if (words.Length == 1)
            {
                children = children.Where(c => c.LastNameKey.StartsWith(last) || c.NameKey.StartsWith(last));
                requests = requests.Where(r => r.ChildId == null && (r.ChildLastName!.ToLower().StartsWith(last) || r.ChildFirstName!.ToLower().StartsWith(last)));
            }
            else
            {
                var full = string.Join(' ', words);
                children = children.Where(c => c.NameKey.StartsWith(full) || (c.LastNameKey.StartsWith(last) && c.NameKey.StartsWith(words[0])));
                var first = words[0];
                requests = requests.Where(r => r.ChildId == null && r.ChildFirstName!.ToLower().StartsWith(first) && r.ChildLastName!.ToLower().StartsWith(last));
            }
        }

        if (!viewer.SeesEveryChild)
        {
            children = Caseloads.ChildVisibility.VisibleTo(children, db, viewer);
            var visible = Caseloads.ChildVisibility.VisibleTo(db.Children, db, viewer).Select(c => c.Id);
            requests = requests.Where(r => r.ChildId == null || r.Status == RequestStatus.Submitted || visible.Contains(r.ChildId!.Value));
        }

        var childHits = await children.OrderBy(c => c.LastNameKey).ThenBy(c => c.NameKey).Take(Limit)
            .Select(c => new ChildHit(c.Id, c.Reference, c.FirstName + " " + c.LastName, c.DateOfBirth, c.Postcode, c.Tier, c.MergedIntoChildId))
            .ToListAsync(ct);
        var requestHits = await requests.OrderByDescending(r => r.SubmittedAt).Take(Limit)
            .Select(r => new RequestHit(r.Id, r.Reference, (r.ChildFirstName ?? "") + " " + (r.ChildLastName ?? ""), r.ChildDateOfBirth, r.Postcode, r.Status, r.SubmittedAt))
            .ToListAsync(ct);
        return new SearchResults(query, interpretation, childHits, requestHits);
    }
}
