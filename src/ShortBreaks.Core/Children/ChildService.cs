namespace ShortBreaks.Core.Children;

public sealed record ChildRecord(
    Child Child,
    IReadOnlyList<TimelineEvent> Timeline,
    IReadOnlyList<RequestSummary> Requests,
    IReadOnlyList<LetterSummary> Letters,
    string? KeyWorkerName,
    IReadOnlyList<FamilyContact> Family);

public sealed record RequestSummary(Guid Id, string Reference, RequestStatus Status, RequestChannel Channel, DateTime? SubmittedAt, DecisionOutcome? Outcome, DateTime? DecidedAt);

public sealed record LetterSummary(Guid Id, string Title, DateTime CreatedAt, bool VisibleToFamily);

public sealed record FamilyContact(string Name, string Email, string Relationship);

/// <summary>A child's record: what it holds, who may see it, and merging records wrongly split.</summary>
public sealed class ChildService(ShortBreaksDbContext db)
{
    /// <summary>The record, and an audit entry saying who looked at it. Null if there is no such child.</summary>
    public async Task<ChildRecord?> ViewAsync(Guid id, CancellationToken ct = default)
    {
        var child = await db.Children.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (child is null) return null;

        var timeline = await db.TimelineEvents.AsNoTracking().Where(e => e.ChildId == id)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(500).ToListAsync(ct);
        var requests = await db.Requests.AsNoTracking().Where(r => r.ChildId == id)
            .OrderByDescending(r => r.SubmittedAt)
            .Select(r => new RequestSummary(r.Id, r.Reference, r.Status, r.Channel, r.SubmittedAt,
                r.Decision == null ? null : r.Decision.Outcome, r.Decision == null ? null : r.Decision.DecidedAt))
            .ToListAsync(ct);
        // Complaint responses are read from the complaint, which only its handlers and managers see (never a worker it names).
        var letters = await db.Letters.AsNoTracking().Where(l => l.ChildId == id && l.Kind != LetterKinds.ComplaintResponse).OrderByDescending(l => l.CreatedAt)
            .Select(l => new LetterSummary(l.Id, l.Title, l.CreatedAt, l.VisibleToFamily)).ToListAsync(ct);
        var keyWorker = child.KeyWorkerId is null ? null
            : await db.Users.AsNoTracking().Where(u => u.Id == child.KeyWorkerId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        var family = await (from m in db.ChildFamilyMembers.AsNoTracking()
                            join u in db.Users.AsNoTracking() on m.UserId equals u.Id
                            where m.ChildId == id
                            select new FamilyContact(u.DisplayName, u.Email ?? "", m.Relationship)).ToListAsync(ct);

        db.RecordView(nameof(Child), id.ToString(), id);
        await db.SaveChangesAsync(ct);
        return new ChildRecord(child, timeline, requests, letters, keyWorker, family);
    }

    public Task<bool> IsFamilyMemberAsync(Guid childId, string userId, CancellationToken ct = default) =>
        db.ChildFamilyMembers.AnyAsync(m => m.ChildId == childId && m.UserId == userId, ct);

    /// <summary>
    /// Joins a duplicate record into the record that stays: its requests, decisions, letters, referrals and
    /// timeline move across; the duplicate is kept, marked as merged, so its reference still leads to the right
    /// child. Family accounts linked to the duplicate are not carried across: merging must not give an account
    /// the other record, so each is named on the timeline for the officer to link with the identity and
    /// parental responsibility checks (<see cref="FamilyLinkService"/>).
    /// </summary>
    public async Task<CommandResult> MergeAsync(Guid survivingId, Guid duplicateId, string? reason, long survivingVersion, long duplicateVersion, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reason)) return CommandResult.Fail("Reason", "Enter why these records are the same child");
        if (reason.Length > RequestRules.TextMaxLength) return CommandResult.Fail("Reason", $"The reason must be {RequestRules.TextMaxLength} characters or fewer");
        if (survivingId == duplicateId) return CommandResult.Fail("DuplicateId", "Select a different record to merge");

        var surviving = await db.Children.Include(c => c.FamilyMembers).FirstOrDefaultAsync(c => c.Id == survivingId, ct);
        var duplicate = await db.Children.Include(c => c.FamilyMembers).FirstOrDefaultAsync(c => c.Id == duplicateId, ct);
        if (surviving is null || duplicate is null) return CommandResult.Fail("DuplicateId", "Select a child's record that exists");
        if (surviving.MergedIntoChildId is not null || duplicate.MergedIntoChildId is not null)
            return CommandResult.Fail("DuplicateId", "One of these records has already been merged");

        db.ExpectVersion(surviving, survivingVersion);
        db.ExpectVersion(duplicate, duplicateVersion);

        await db.Requests.Where(r => r.ChildId == duplicateId).ForEachAsync(r => r.ChildId = survivingId, ct);
        await db.Decisions.Where(d => d.ChildId == duplicateId).ForEachAsync(d => d.ChildId = survivingId, ct);
        await db.Letters.Where(l => l.ChildId == duplicateId).ForEachAsync(l => l.ChildId = survivingId, ct);
        await db.Referrals.Where(r => r.ChildId == duplicateId).ForEachAsync(r => r.ChildId = survivingId, ct);
        await db.TimelineEvents.Where(e => e.ChildId == duplicateId).ForEachAsync(e => e.ChildId = survivingId, ct);
        await db.Complaints.Where(c => c.ChildId == duplicateId).ForEachAsync(c => c.ChildId = survivingId, ct);
        await db.ComplaintStages.Where(c => c.ChildId == duplicateId).ForEachAsync(c => c.ChildId = survivingId, ct);
        await db.ComplaintExtensions.Where(c => c.ChildId == duplicateId).ForEachAsync(c => c.ChildId = survivingId, ct);
        var notCarried = duplicate.FamilyMembers.Where(d => surviving.FamilyMembers.All(m => m.UserId != d.UserId)).Select(d => d.UserId).ToList();
        var notCarriedNames = await db.Users.Where(u => notCarried.Contains(u.Id)).Select(u => u.DisplayName + " (" + u.Email + ")").ToListAsync(ct);
        db.ChildFamilyMembers.RemoveRange(duplicate.FamilyMembers);

        var codes = CinDisabilityCodes.Parse(surviving.DisabilityCodes).Union(CinDisabilityCodes.Parse(duplicate.DisabilityCodes));
        surviving.DisabilityCodes = CinDisabilityCodes.Format(codes);
        if (surviving.Tier < duplicate.Tier) surviving.Tier = duplicate.Tier;
        surviving.KeyWorkerId ??= duplicate.KeyWorkerId;
        surviving.Version++;
        duplicate.MergedIntoChildId = survivingId;

        db.ChildMerges.Add(new ChildMerge
        {
            SurvivingChildId = survivingId,
            MergedChildId = duplicateId,
            MergedChildReference = duplicate.Reference,
            Reason = reason.Trim(),
            MergedAt = db.UtcNow,
            MergedByUserId = db.Actor.UserId ?? "",
            MergedByName = db.Actor.Name,
        });
        db.AddTimeline(survivingId, TimelineKinds.Merged, $"Record {duplicate.Reference} merged into this record",
            notCarriedNames.Count == 0 ? reason.Trim()
                : $"{reason.Trim()}\nFamily accounts linked to {duplicate.Reference} were not carried across; link them after checking who they are: {string.Join("; ", notCarriedNames.Order())}.");
        db.AuditEntries.Add(new AuditEntry
        {
            At = db.UtcNow,
            UserId = db.Actor.UserId,
            UserName = db.Actor.Name,
            Action = "merge",
            EntityType = nameof(Child),
            EntityId = survivingId.ToString(),
            ChildId = survivingId,
            Details = System.Text.Json.JsonSerializer.Serialize(new { merged = duplicate.Reference, mergedId = duplicateId, reason = reason.Trim() }),
        });

        return await db.SaveOrConflictAsync(CommandResult.Concurrent, ct);
    }
}
