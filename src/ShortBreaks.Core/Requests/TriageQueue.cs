namespace ShortBreaks.Core.Requests;

public sealed record TriageFilter(RequestChannel? Channel = null, WaitingState? Waiting = null, bool? Unmatched = null, int Page = 1);

public sealed record TriageItem(Guid Id, string Reference, string ChildName, DateOnly? DateOfBirth, string? Postcode, RequestChannel Channel, DateTime SubmittedAt, bool ChildConfirmed, WaitingTime Waiting);

public sealed record TriagePage(IReadOnlyList<TriageItem> Items, int Total, int Page, int PageSize, int Overdue)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// Requests awaiting a threshold decision, oldest first, with how long each has waited. Not narrowed by who sees which
/// children (<see cref="Caseloads.ChildVisibility"/>): the duty point is every decider's, so a waiting request is open to all.
/// </summary>
public sealed class TriageQueue(ShortBreaksDbContext db, SchemeCatalog schemes, WorkingDays workingDays)
{
    public const int PageSize = 50;

    public async Task<TriagePage> GetAsync(TriageFilter filter, CancellationToken ct = default)
    {
        var today = db.Today;
        var scheme = schemes.InForceOn(today);
        var target = scheme.Triage.DecisionTargetWorkingDays;

        // A request is overdue when submitted before this instant (its target day has passed).
        var overdueBefore = SubmittedBeforeForWaited(today, target + 1);
        var dueSoonBefore = SubmittedBeforeForWaited(today, target - scheme.Triage.DueSoonWorkingDays);

        var waiting = db.Requests.AsNoTracking().Where(r => r.Status == RequestStatus.Submitted);
        var query = waiting;
        if (filter.Channel is { } channel) query = query.Where(r => r.Channel == channel);
        if (filter.Unmatched == true) query = query.Where(r => !r.ChildConfirmed);
        query = filter.Waiting switch
        {
            WaitingState.Overdue => query.Where(r => r.SubmittedAt < overdueBefore),
            WaitingState.DueSoon => query.Where(r => r.SubmittedAt >= overdueBefore && r.SubmittedAt < dueSoonBefore),
            WaitingState.WithinTarget => query.Where(r => r.SubmittedAt >= dueSoonBefore),
            _ => query,
        };

        var total = await query.CountAsync(ct);
        var overdue = await waiting.CountAsync(r => r.SubmittedAt < overdueBefore, ct);
        var page = Math.Clamp(filter.Page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var rows = await query.OrderBy(r => r.SubmittedAt).ThenBy(r => r.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(r => new { r.Id, r.Reference, r.ChildFirstName, r.ChildLastName, r.ChildDateOfBirth, r.Postcode, r.Channel, r.SubmittedAt, r.ChildConfirmed, r.SchemeVersion })
            .ToListAsync(ct);

        var items = rows.Select(r => new TriageItem(r.Id, r.Reference, $"{r.ChildFirstName} {r.ChildLastName}", r.ChildDateOfBirth, r.Postcode, r.Channel,
            r.SubmittedAt!.Value, r.ChildConfirmed,
            // Each request's target is the one promised when it was sent (see DecisionTarget).
            Waiting(r.SubmittedAt.Value, today, (r.SchemeVersion is null ? null : schemes.Find(r.SchemeVersion)) ?? scheme))).ToList();
        return new TriagePage(items, total, page, PageSize, overdue);
    }

    public WaitingTime Waiting(DateTime submittedAt, DateOnly today, Scheme scheme) =>
        DecisionTarget.Waiting(submittedAt, today, scheme.Triage, workingDays);

    /// <summary>The earliest submission day that has waited fewer than <paramref name="waited"/> working days by today, as a UTC instant.</summary>
    private DateTime SubmittedBeforeForWaited(DateOnly today, int waited)
    {
        // Walk back until a day has waited at least `waited` working days; the day after it is the first that has not.
        var day = today;
        while (workingDays.Between(day, today) < waited) day = day.AddDays(-1);
        return day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
    }
}
