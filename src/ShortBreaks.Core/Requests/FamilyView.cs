namespace ShortBreaks.Core.Requests;

/// <summary>
/// What a family may see of a case: their own requests; a child's record, plan and letters only once their account
/// is linked to the child; and never anything that reveals a safeguarding referral (a request routed to the MASH
/// reads as still under review, with no decision, event or letter about the concern). Pure: the family's pages,
/// the API and the letters all ask here.
/// </summary>
public static class FamilyView
{
    /// <summary>A family sees the requests their own account sent.</summary>
    public static bool OwnsRequest(string? userId, ShortBreakRequest request) =>
        userId is not null && request.FamilyUserId is not null && request.FamilyUserId == userId;

    /// <summary>The requests a family's account sent.</summary>
    public static IQueryable<ShortBreakRequest> OwnRequests(this IQueryable<ShortBreakRequest> requests, string? userId) =>
        requests.Where(r => r.FamilyUserId != null && r.FamilyUserId == userId);

    /// <summary>The status a family is shown: a request routed to the MASH reads exactly like one under review.</summary>
    public static RequestStatus Status(RequestStatus status) =>
        status == RequestStatus.RoutedToMash ? RequestStatus.Submitted : status;

    /// <summary>Whether the family is waiting for a decision, as they see it.</summary>
    public static bool Waiting(RequestStatus status) => Status(status) == RequestStatus.Submitted;

    /// <summary>A decision is shown to the family only once the request is decided, and never a safeguarding concern.</summary>
    public static bool SeesDecision(RequestStatus status, DecisionOutcome? outcome) =>
        status == RequestStatus.Decided && outcome is { } o && o != DecisionOutcome.Safeguarding;

    /// <summary>A letter is shown only if it was written for the family (never for a safeguarding concern).</summary>
    public static bool SeesLetter(bool visibleToFamily) => visibleToFamily;

    /// <summary>The letters a family's account may read: those meant for the family, of children linked to the account.</summary>
    public static IQueryable<Letter> LettersFor(this IQueryable<Letter> letters, IQueryable<ChildFamilyMember> links, string? userId) =>
        letters.Where(l => l.VisibleToFamily && links.Any(m => m.UserId == userId && m.ChildId == l.ChildId));

    /// <summary>
    /// Whether a timeline event is shown to the family: nothing about a safeguarding concern or a merge, nor the
    /// team's reasons for moving the child between key workers, and of a request routed to the MASH only that it was made.
    /// </summary>
    public static bool SeesTimelineEvent(TimelineEvent e, IReadOnlySet<Guid> requestsRoutedToMash) =>
        e.Kind is not (TimelineKinds.Safeguarding or TimelineKinds.Merged or TimelineKinds.Allocation) &&
        (e.RequestId is not { } requestId || !requestsRoutedToMash.Contains(requestId) || e.Kind == TimelineKinds.RequestSubmitted);
}
