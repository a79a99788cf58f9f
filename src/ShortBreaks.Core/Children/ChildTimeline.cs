namespace ShortBreaks.Core.Children;

/// <summary>Every kind of event on a child's timeline: the one list, so a page or a rule never spells one by hand.</summary>
public static class TimelineKinds
{
    public const string RequestSubmitted = "request-submitted";
    public const string RequestMatched = "request-matched";
    public const string Decision = "decision";
    public const string Safeguarding = "safeguarding";
    public const string Merged = "merged";
    public const string RecordCreated = "record-created";
    public const string FamilyLinked = "family-linked";
    public const string RecordUpdatedFromRequest = "record-updated-from-request";
    public const string TierChange = "tier-change";
    public const string Plan = "plan";
    public const string PlanChangeAsked = "plan-change-asked";
    public const string Panel = "panel";
    public const string Ras = "ras";
    public const string CaseClosed = "case-closed";
    public const string CaseReopened = "case-reopened";
    public const string EvidenceErased = "evidence-erased";
    public const string Package = "package";
    public const string Renewal = "renewal";
    public const string Arrangements = "arrangements";
    public const string DirectPayment = "direct-payment";

    /// <summary>A referral to social care passed on by a team manager, with how.</summary>
    public const string Referral = "referral";

    /// <summary>A child allocated to a key worker, or reassigned from one to another, with who did it and why.</summary>
    public const string Allocation = "allocation";

    /// <summary>A direct payment's statements, returns, audits and recoupments.</summary>
    public const string DirectPaymentMonitoring = "direct-payment-monitoring";

    /// <summary>A review falling due, booked, the family's views, held and recorded, and its outcome.</summary>
    public const string Review = "review";

    /// <summary>The work a review's outcome starts (a RAS assessment and a plan version): the record links to where it carries on.</summary>
    public const string ReviewFollowUp = "review-follow-up";
}

/// <summary>
/// Puts what happened on a child's timeline, and keeps the letters sent about it, in the current unit of work (the
/// command saves them with its change, so an event or a letter is never kept for a change that was not).
/// </summary>
public static class ChildTimeline
{
    /// <summary>Adds an event to a child's timeline, now, by whoever is acting.</summary>
    public static TimelineEvent AddTimeline(this ShortBreaksDbContext db, Guid childId, string kind, string summary, string? detail, Guid? requestId = null)
    {
        var timelineEvent = NewEvent(childId, kind, summary, detail, requestId, db.Actor, db.UtcNow);
        db.TimelineEvents.Add(timelineEvent);
        return timelineEvent;
    }

    /// <summary>
    /// Keeps a letter to the family on the child's record exactly as it is sent: its title and HTML body, from which
    /// the letter pages and the PDF are made. The family sees it in their account.
    /// </summary>
    public static Letter AddLetter(this ShortBreaksDbContext db, Guid childId, string kind, string title, string bodyHtml, Guid? requestId = null)
    {
        var letter = NewLetter(childId, kind, title, bodyHtml, requestId, db.Actor, db.UtcNow);
        db.Letters.Add(letter);
        return letter;
    }

    /// <summary>An event on a child's timeline as <paramref name="by"/> made it at <paramref name="at"/>, not yet added.</summary>
    public static TimelineEvent NewEvent(Guid childId, string kind, string summary, string? detail, Guid? requestId, Actor by, DateTime at) => new()
    {
        ChildId = childId,
        RequestId = requestId,
        At = at,
        Kind = kind,
        Summary = summary,
        Detail = detail,
        ActorUserId = by.UserId,
        ActorName = by.Name,
    };

    /// <summary>A letter to the family as <paramref name="by"/> wrote it at <paramref name="at"/>, not yet added.</summary>
    public static Letter NewLetter(Guid childId, string kind, string title, string bodyHtml, Guid? requestId, Actor by, DateTime at) => new()
    {
        ChildId = childId,
        RequestId = requestId,
        Kind = kind,
        Title = title,
        BodyHtml = bodyHtml,
        CreatedAt = at,
        CreatedByUserId = by.UserId ?? "",
        VisibleToFamily = true,
    };
}
