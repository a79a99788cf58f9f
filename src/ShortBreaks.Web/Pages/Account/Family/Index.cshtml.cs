using ShortBreaks.Core.Providers;
using ShortBreaks.Web.Pages.Apply;

namespace ShortBreaks.Web.Pages.Account.Family;

/// <summary>A request the family has sent, as they see it: never with anything that reveals a safeguarding referral.</summary>
public sealed record SentRequest(Guid Id, string Reference, string ChildName, DateTime SubmittedAt, string Status, string TagClass, string? Detail, Guid? LetterId);

public sealed record FamilyLetter(Guid Id, string Title, DateTime CreatedAt);

/// <summary>The family's home: drafts to continue, requests sent and their decisions.</summary>
public class IndexModel(RequestService requests, ShortBreaksDbContext db, WorkingDays workingDays) : GovukPageModel
{
    private static readonly System.Globalization.CultureInfo UkCulture = System.Globalization.CultureInfo.GetCultureInfo("en-GB");

    public override string Title => "Your account";

    public IReadOnlyList<DraftSummary> Drafts { get; private set; } = [];

    public IReadOnlyList<SentRequest> Sent { get; private set; } = [];

    public IReadOnlyList<FamilyLetter> Letters { get; private set; } = [];

    public IReadOnlyList<ShortBreaks.Web.Pages.Ras.FamilyRasChild> RasChildren { get; private set; } = [];

    /// <summary>The family's children who have a support plan.</summary>
    public IReadOnlyList<(Guid ChildId, string FirstName)> PlanChildren { get; private set; } = [];

    /// <summary>The family's children on Flexible Short Breaks, whose packages they build from their account.</summary>
    public IReadOnlyList<(Guid ChildId, string FirstName)> PackageChildren { get; private set; } = [];

    /// <summary>The family's children whose Flexible Short Breaks are waiting for the family to renew them.</summary>
    public IReadOnlyList<(Guid ChildId, string FirstName)> RenewalChildren { get; private set; } = [];

    /// <summary>Reviews booked, held or decided in the last year, for the family to send views or read the record.</summary>
    public IReadOnlyList<(Guid ReviewId, string FirstName, Core.Reviews.ReviewState State, DateOnly? BookedFor)> Reviews { get; private set; } = [];
    /// <summary>Every child linked to the account: each can have a complaint, compliment or appeal made about their service.</summary>
    public IReadOnlyList<(Guid ChildId, string FirstName)> LinkedChildren { get; private set; } = [];

    /// <summary>The direct payments of the account's children: to read and agree, and to see the account and payments.</summary>
    public IReadOnlyList<(Guid DirectPaymentId, string FirstName, string Reference, bool AwaitingAgreement)> DirectPayments { get; private set; } = [];

    /// <summary>The reference just saved for later, when it is one of this family's.</summary>
    public string? SavedReference { get; private set; }

    // Without a POST handler, Razor Pages would render the page for a POST without running OnGet.
    public IActionResult OnPost() => NotFound();

    public async Task OnGetAsync(string? saved)
    {
        ClearBindingErrors();
        var userId = User.UserId();
        var ct = HttpContext.RequestAborted;
        var mine = await db.Requests.AsNoTracking().Include(r => r.Decision)
            .OwnRequests(userId)
            .OrderByDescending(r => r.UpdatedAt)
            .ToListAsync(ct);

        Letters = await db.Letters.AsNoTracking()
            .LettersFor(db.ChildFamilyMembers, userId)
            .OrderByDescending(l => l.CreatedAt)
            .Select(l => new FamilyLetter(l.Id, l.Title, l.CreatedAt))
            .ToListAsync(ct);
        var letterIds = Letters.Select(l => l.Id).ToHashSet();

        Drafts = mine.Where(r => r.Status == RequestStatus.Draft).Select(r => DraftSummary.Of(r, requests.SchemeInForce, requests.Today, Links)).ToList();
        Sent = mine.Where(r => r.Status != RequestStatus.Draft)
            .OrderByDescending(r => r.SubmittedAt)
            .Select(r => Describe(r, letterIds))
            .ToList();
        RasChildren = await ShortBreaks.Web.Pages.Ras.FamilyRasChildren.ForUserAsync(db, userId, ct);
        PlanChildren = (await db.Children.AsNoTracking()
                .Where(c => db.ChildFamilyMembers.Any(m => m.UserId == userId && m.ChildId == c.Id) && db.SupportPlans.Any(p => p.ChildId == c.Id))
                .OrderBy(c => c.FirstName).Select(c => new { c.Id, c.FirstName }).ToListAsync(ct))
            .Select(c => (c.Id, c.FirstName)).ToList();
        PackageChildren = (await db.Children.AsNoTracking()
                .Where(c => db.ChildFamilyMembers.Any(m => m.UserId == userId && m.ChildId == c.Id) && c.Tier == Tier.FlexibleShortBreaks)
                .OrderBy(c => c.FirstName).Select(c => new { c.Id, c.FirstName }).ToListAsync(ct))
            .Select(c => (c.Id, c.FirstName)).ToList();
        RenewalChildren = (await db.Children.AsNoTracking()
                .Where(c => db.ChildFamilyMembers.Any(m => m.UserId == userId && m.ChildId == c.Id) &&
                            db.FsbRenewals.Any(r => r.ChildId == c.Id && r.Status == RenewalStatus.Invited))
                .OrderBy(c => c.FirstName).Select(c => new { c.Id, c.FirstName }).ToListAsync(ct))
            .Select(c => (c.Id, c.FirstName)).ToList();
        var reviewsSince = UkCalendar.DateOf(db.UtcNow).AddYears(-1);
        Reviews = (await db.Reviews.AsNoTracking()
                .Where(r => db.ChildFamilyMembers.Any(m => m.UserId == userId && m.ChildId == r.ChildId) && r.State != Core.Reviews.ReviewState.Due && r.DueOn >= reviewsSince)
                .Join(db.Children, r => r.ChildId, c => c.Id, (r, c) => new { r.Id, c.FirstName, r.State, r.BookedFor, r.DueOn })
                .OrderByDescending(r => r.DueOn).ToListAsync(ct))
            .Select(r => (r.Id, r.FirstName, r.State, r.BookedFor)).ToList();
        LinkedChildren = (await db.Children.AsNoTracking()
                .Where(c => db.ChildFamilyMembers.Any(m => m.UserId == userId && m.ChildId == c.Id) && c.MergedIntoChildId == null)
                .OrderBy(c => c.FirstName).Select(c => new { c.Id, c.FirstName }).ToListAsync(ct))
            .Select(c => (c.Id, c.FirstName)).ToList();
        DirectPayments = (await db.DirectPayments.AsNoTracking()
                .Where(d => db.ChildFamilyMembers.Any(m => m.UserId == userId && m.ChildId == d.ChildId))
                .Join(db.Children, d => d.ChildId, c => c.Id, (d, c) => new { d.Id, c.FirstName, d.Reference, d.State, d.CreatedAt })
                .OrderBy(d => d.CreatedAt).ToListAsync(ct))
            .Select(d => (d.Id, d.FirstName, d.Reference, d.State == Core.DirectPayments.DirectPaymentState.AwaitingAgreement)).ToList();
        SavedReference = mine.FirstOrDefault(r => r.Reference == saved)?.Reference;
    }

    private SentRequest Describe(ShortBreakRequest r, HashSet<Guid> visibleLetters)
    {
        var submitted = r.SubmittedAt ?? r.UpdatedAt;
        var childName = string.IsNullOrWhiteSpace(r.ChildName) ? "your child" : r.ChildName;
        // What the family may see decides what each card says (see FamilyView): a request routed to the MASH
        // reads exactly like one waiting.
        switch (FamilyView.Status(r.Status))
        {
            case RequestStatus.Decided:
                var letter = r.Decision?.LetterId is { } id && visibleLetters.Contains(id) ? id : (Guid?)null;
                return new SentRequest(r.Id, r.Reference, childName, submitted, "Decided", "govuk-tag--green",
                    r.Decision is { } d && FamilyView.SeesDecision(r.Status, d.Outcome) ? $"We made a decision on {UkCalendar.Day(d.DecidedAt)}." : null, letter);
            case RequestStatus.Withdrawn:
                return new SentRequest(r.Id, r.Reference, childName, submitted, "Withdrawn", "govuk-tag--grey", null, null);
            default:
                var scheme = requests.SchemeFor(r);
                var by = DecisionTarget.DueBy(submitted, scheme.Triage, workingDays);
                return new SentRequest(r.Id, r.Reference, childName, submitted, "We are looking at your request", "govuk-tag--blue",
                    $"We aim to decide by {by.ToString("d MMMM yyyy", UkCulture)}.", null);
        }
    }
}
