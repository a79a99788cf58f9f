namespace ShortBreaks.Web.Pages.Staff;

/// <summary>The staff home: what is waiting, the officer's own caseload, and their recent decisions.</summary>
public class IndexModel(ShortBreaksDbContext db, TriageQueue triage, RequestService requests) : GovukPageModel
{
    public const int RecentDecisionCount = 10;

    public override string Title => "Short breaks requests";

    public int AwaitingDecision { get; private set; }
    public int Overdue { get; private set; }
    public int Unmatched { get; private set; }
    public int Caseload { get; private set; }

    /// <summary>The scheme's caseload guide for this officer's role, in words; null when the role has none.</summary>
    public string? CaseloadGuide { get; private set; }

    public bool OverCaseloadGuide { get; private set; }
    public IReadOnlyList<RecentDecision> RecentDecisions { get; private set; } = [];

    public sealed record RecentDecision(Guid RequestId, string Reference, string ChildName, DecisionOutcome Outcome, DateTime DecidedAt);

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        var me = User.UserId();

        // The duty point's counts are everyone's (the triage queue is open to all case staff whatever the visibility
        // setting); the caseload and recent decisions are the officer's own, so no count here names a hidden child.
        var queue = await triage.GetAsync(new TriageFilter(), ct);
        AwaitingDecision = queue.Total;
        Overdue = queue.Overdue;
        Unmatched = await db.Requests.CountAsync(r => r.Status == RequestStatus.Submitted && !r.ChildConfirmed, ct);

        Caseload = await db.Children.CountAsync(c => c.KeyWorkerId == me && c.MergedIntoChildId == null, ct);
        (CaseloadGuide, var maximum) = Guide(requests.SchemeInForce.Caseloads);
        OverCaseloadGuide = maximum is { } max && Caseload > max;

        RecentDecisions = await (from d in db.Decisions.AsNoTracking()
                                 join r in db.Requests.AsNoTracking() on d.RequestId equals r.Id
                                 where d.DecidedByUserId == me
                                 orderby d.DecidedAt descending
                                 select new RecentDecision(r.Id, r.Reference, (r.ChildFirstName ?? "") + " " + (r.ChildLastName ?? ""), d.Outcome, d.DecidedAt))
            .Take(RecentDecisionCount).ToListAsync(ct);
    }

    private (string? Guide, int? Maximum) Guide(CaseloadSettings caseloads)
    {
        if (User.IsInRole(Roles.PersonalisationOfficer))
        {
            return ($"The guide for a personalisation officer is {caseloads.PersonalisationOfficerMinimum} to {caseloads.PersonalisationOfficerMaximum} families.",
                caseloads.PersonalisationOfficerMaximum);
        }

        if (User.IsInRole(Roles.ReviewingOfficer))
        {
            return ($"The guide for a reviewing officer is about {caseloads.ReviewingOfficerFamilies} families, as well as about {caseloads.ReviewingOfficerReviews} reviews.",
                caseloads.ReviewingOfficerFamilies);
        }

        return (null, null);
    }
}
