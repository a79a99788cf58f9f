namespace ShortBreaks.Core.Children;

/// <summary>
/// Closing a child's case when the service has nothing more to do for them, and reopening it. A closed case's
/// retention counts from the day it closed (see <see cref="Retention.RetentionRules.CaseRecord"/>); a new request for
/// the child reopens it (<see cref="ReopenForNewRequest"/>). Who, when and why are kept on the record, on its
/// timeline and in the audit.
/// </summary>
public sealed class CaseClosureService(ShortBreaksDbContext db)
{
    /// <summary>Why the case may not be closed now, or null: open requests and a plan in force must be finished first.</summary>
    /// <param name="planEndsWithIt">The plan is ended in the same unit of work (a review closing the case moves the child off their tier first).</param>
    public async Task<string?> WhyNotClosableAsync(Child child, CancellationToken ct = default, bool planEndsWithIt = false)
    {
        if (child.MergedIntoChildId is not null) return "This record was merged into another: it follows that record, so close that one instead.";
        if (child.ClosedAt is not null) return "The case is already closed.";
        var open = await db.Requests.AsNoTracking().Where(r => r.ChildId == child.Id && r.Status == RequestStatus.Submitted)
            .OrderBy(r => r.SubmittedAt).Select(r => r.Reference).FirstOrDefaultAsync(ct);
        if (open is not null) return $"Request {open} is waiting for a decision: decide it before closing the case.";
        if (planEndsWithIt) return null;
        var today = UkCalendar.DateOf(db.UtcNow);
        var inForce = await (from v in db.PlanVersions.AsNoTracking().Where(PlanInForce.TakenEffectBy(today))
                             join p in db.SupportPlans.AsNoTracking() on v.PlanId equals p.Id
                             where p.ChildId == child.Id && p.EndedAt == null && v.PeriodEnd >= today
                             select (DateOnly?)v.PeriodEnd).FirstOrDefaultAsync(ct);
        if (inForce is { } until)
            return $"A support plan is in force until {until.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}: end it (move the child off their tier) before closing the case.";
        return null;
    }

    /// <summary>Closes the case, with the officer's reason, if nobody changed the record since they saw it.</summary>
    public async Task<CommandResult> CloseAsync(Guid childId, string? reason, long versionSeen, CancellationToken ct = default)
    {
        if (Check(reason, "Enter why the case is being closed") is { } invalid) return invalid;
        var child = await db.Children.FirstOrDefaultAsync(c => c.Id == childId, ct);
        if (child is null) return CommandResult.Fail("", "There is no such child's record.");
        if (await WhyNotClosableAsync(child, ct) is { } why) return CommandResult.Fail("Reason", why);

        db.ExpectVersion(child, versionSeen);
        Close(child, reason!);
        return await db.SaveOrConflictAsync(Changed, ct);
    }

    /// <summary>Closes a case already checked (<see cref="WhyNotClosableAsync"/>) in the current unit of work, without saving.</summary>
    public void Close(Child child, string reason)
    {
        var now = db.UtcNow;
        child.ClosedAt = now;
        child.ClosedByUserId = db.Actor.UserId;
        child.ClosedByName = db.Actor.Name;
        child.ClosureReason = reason.Trim();
        db.TimelineEvents.Add(ChildTimeline.NewEvent(child.Id, TimelineKinds.CaseClosed, "Case closed", child.ClosureReason, null, db.Actor, now));
    }

    /// <summary>Reopens a closed case, with the officer's reason.</summary>
    public async Task<CommandResult> ReopenAsync(Guid childId, string? reason, long versionSeen, CancellationToken ct = default)
    {
        if (Check(reason, "Enter why the case is being reopened") is { } invalid) return invalid;
        var child = await db.Children.FirstOrDefaultAsync(c => c.Id == childId, ct);
        if (child is null) return CommandResult.Fail("", "There is no such child's record.");
        if (child.ClosedAt is null) return CommandResult.Fail("Reason", "The case is open already.");

        db.ExpectVersion(child, versionSeen);
        Reopen(db, child, "Case reopened", reason!.Trim(), null);
        return await db.SaveOrConflictAsync(Changed, ct);
    }

    /// <summary>
    /// A new request matched to a closed case reopens it, in the same unit of work as the match: the family has asked
    /// again, so retention stops counting.
    /// </summary>
    public static void ReopenForNewRequest(ShortBreaksDbContext db, Child child, ShortBreakRequest request)
    {
        if (child.ClosedAt is null) return;
        Reopen(db, child, "Case reopened by a new request", $"Request {request.Reference} was matched to this record.", request.Id);
    }

    private static void Reopen(ShortBreaksDbContext db, Child child, string summary, string detail, Guid? requestId)
    {
        var closed = child.ClosedAt!.Value;
        child.ClosedAt = null;
        child.ClosedByUserId = null;
        child.ClosedByName = null;
        child.ClosureReason = null;
        db.AddTimeline(child.Id, TimelineKinds.CaseReopened, summary,
            $"{detail}\nIt had been closed on {UkCalendar.DateOf(closed).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}.", requestId);
    }

    private static CommandResult? Check(string? reason, string missing)
    {
        if (string.IsNullOrWhiteSpace(reason)) return CommandResult.Fail("Reason", missing);
        if (reason.Length > RequestRules.TextMaxLength) return CommandResult.Fail("Reason", $"The reason must be {RequestRules.TextMaxLength} characters or fewer");
        return null;
    }

    private static readonly CommandResult Changed = CommandResult.Conflicted(
        "Someone else changed this child's record while you were working on it. Nothing has been saved: check the record as it is now and try again.");
}
