using ShortBreaks.Core.Ras.VirtualBudgets;
namespace ShortBreaks.Core.Retention;

/// <summary>A review with how many of its items are in each state, for the list of reviews.</summary>
public sealed record RetentionReviewSummary(RetentionReview Review, int Proposed, int Erased, int Kept, int NoLongerDue);

/// <summary>What a confirmation did: how many items were erased, and how many were found no longer due.</summary>
public sealed record RetentionConfirmation(int Erased, int NoLongerDue);

/// <summary>
/// Retention: the monthly scan that lists every record past its retention in the month's review, a manager's
/// confirmation that erases them (checking each again at that moment) and the keeping of an item with a reason.
/// Erasing leaves one tombstone audit entry per item ("erase"): what kind of record, its reference and ids, when,
/// on whose confirmation and under which rule, and never a name, an address or a case detail.
/// </summary>
public sealed class RetentionService(ShortBreaksDbContext db, SchemeCatalog schemes)
{
    /// <summary>Largest number of items a review page shows, and "confirm all shown" confirms, at once.</summary>
    public const int PageSize = 200;

    public const string EraseAction = "erase";

    public DateOnly Today => UkCalendar.DateOf(db.UtcNow);

    public Scheme SchemeInForce => schemes.InForceOn(Today);

    public RetentionSettings Settings => SchemeInForce.RetentionPeriods;

    /// <summary>This UK month's key: the review a scan now adds to.</summary>
    public string ThisMonth => RetentionRules.MonthKey(Today);

    public async Task<List<RetentionReviewSummary>> ListAsync(CancellationToken ct = default)
    {
        var reviews = await db.RetentionReviews.AsNoTracking().OrderByDescending(r => r.Month).Take(60).ToListAsync(ct);
        var ids = reviews.Select(r => r.Id).ToList();
        var counts = await db.RetentionItems.AsNoTracking().Where(i => ids.Contains(i.ReviewId))
            .GroupBy(i => new { i.ReviewId, i.Status }).Select(g => new { g.Key.ReviewId, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        int Count(Guid id, RetentionItemStatus status) => counts.Where(c => c.ReviewId == id && c.Status == status).Sum(c => c.Count);
        return reviews.Select(r => new RetentionReviewSummary(r, Count(r.Id, RetentionItemStatus.Proposed), Count(r.Id, RetentionItemStatus.Erased),
            Count(r.Id, RetentionItemStatus.Kept), Count(r.Id, RetentionItemStatus.NoLongerDue))).ToList();
    }

    public Task<RetentionReview?> FindAsync(Guid reviewId, CancellationToken ct = default) =>
        db.RetentionReviews.AsNoTracking().FirstOrDefaultAsync(r => r.Id == reviewId, ct);

    /// <summary>A review's items: those waiting first (at most <see cref="PageSize"/>), then those decided.</summary>
    public async Task<(List<RetentionItem> Proposed, int ProposedTotal, List<RetentionItem> Decided)> ItemsAsync(Guid reviewId, CancellationToken ct = default)
    {
        var items = db.RetentionItems.AsNoTracking().Where(i => i.ReviewId == reviewId);
        var proposed = await items.Where(i => i.Status == RetentionItemStatus.Proposed)
            .OrderBy(i => i.Kind).ThenBy(i => i.RetentionEnds).ThenBy(i => i.Reference).Take(PageSize).ToListAsync(ct);
        var total = await items.CountAsync(i => i.Status == RetentionItemStatus.Proposed, ct);
        var decided = await items.Where(i => i.Status != RetentionItemStatus.Proposed)
            .OrderByDescending(i => i.DecidedAt).ThenBy(i => i.Reference).Take(PageSize).ToListAsync(ct);
        return (proposed, total, decided);
    }

    public Task<RetentionItem?> ItemAsync(Guid reviewId, Guid itemId, CancellationToken ct = default) =>
        db.RetentionItems.AsNoTracking().FirstOrDefaultAsync(i => i.ReviewId == reviewId && i.Id == itemId, ct);

    // ---- The scan ----

    /// <summary>Whether this month's scan is due and not yet made (nor being made by a node that is up).</summary>
    public async Task<bool> MonthlyScanWaitingAsync(CancellationToken ct = default)
    {
        if (!RetentionRules.ScanDue(Today, Settings)) return false;
        var month = ThisMonth;
        var now = db.UtcNow;
        return !await db.RetentionReviews.AnyAsync(r => r.Month == month && (r.Status == RetentionReviewStatus.Ready || r.LeaseUntil >= now), ct);
    }

    /// <summary>
    /// Takes the scan of <paramref name="month"/> for a node until <paramref name="lease"/> from now. The first node
    /// makes the month's review (the month is unique, so of two nodes making it at once one wins); after that, one
    /// conditional update, so of two nodes asking at once exactly one gets it. A finished review is taken again only
    /// when <paramref name="again"/> (a manager's "scan now"); a scan left by a node that stopped is always taken up.
    /// </summary>
    public async Task<Guid?> TryClaimAsync(string month, string node, TimeSpan lease, bool again, CancellationToken ct = default)
    {
        var now = db.UtcNow;
        var until = now + lease;
        if (!await db.RetentionReviews.AnyAsync(r => r.Month == month, ct))
        {
            var review = new RetentionReview
            {
                Month = month,
                Status = RetentionReviewStatus.Scanning,
                StartedAt = now,
                StartedByName = db.Actor.Name,
                SchemeVersion = SchemeInForce.Version,
                ClaimedBy = node,
                LeaseUntil = until,
                Attempts = 1,
            };
            db.RetentionReviews.Add(review);
            try
            {
                await db.SaveChangesAsync(ct);
                return review.Id;
            }
            catch (DbUpdateException)
            {
                // Another node made the month's review at the same moment: try to take it like any other.
                db.Entry(review).State = EntityState.Detached;
                if (!await db.RetentionReviews.AnyAsync(r => r.Month == month, ct)) throw;
            }
        }

        var claimed = await db.RetentionReviews
            .Where(r => r.Month == month && (r.LeaseUntil == null || r.LeaseUntil < now) && (again || r.Status == RetentionReviewStatus.Scanning))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ClaimedBy, node).SetProperty(r => r.LeaseUntil, until)
                .SetProperty(r => r.Status, RetentionReviewStatus.Scanning).SetProperty(r => r.Attempts, r => r.Attempts + 1), ct);
        if (claimed != 1) return null;
        return await db.RetentionReviews.Where(r => r.Month == month).Select(r => (Guid?)r.Id).FirstAsync(ct);
    }

    /// <summary>Keeps a claimed scan for another lease; false when the node no longer holds it.</summary>
    public async Task<bool> RenewAsync(Guid reviewId, string node, TimeSpan lease, CancellationToken ct = default)
    {
        var until = db.UtcNow + lease;
        return await db.RetentionReviews.Where(r => r.Id == reviewId && r.ClaimedBy == node && r.Status == RetentionReviewStatus.Scanning)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.LeaseUntil, until), ct) == 1;
    }

    /// <summary>
    /// Lists in a review the node has claimed every record past its retention today that is not yet in it, and marks
    /// it ready. Scanning the same month again adds only what is new. An item kept (and not released) is left out
    /// until its date; one already erased is not found again. False when the node no longer held the review.
    /// </summary>
    public async Task<bool> ScanAsync(Guid reviewId, string node, CancellationToken ct = default)
    {
        var review = await db.RetentionReviews.FirstOrDefaultAsync(r => r.Id == reviewId, ct);
        // The claim was a direct update: read the review as it is now, not as this context last saw it.
        if (review is not null) await db.Entry(review).ReloadAsync(ct);
        if (review is null || review.ClaimedBy != node || review.Status != RetentionReviewStatus.Scanning) return false;

        var today = Today;
        var scheme = SchemeInForce;
        var settings = scheme.RetentionPeriods;
        var listed = (await db.RetentionItems.Where(i => i.ReviewId == reviewId).Select(i => new { i.Kind, i.TargetKey }).ToListAsync(ct))
            .Select(i => (i.Kind, i.TargetKey)).ToHashSet();
        var held = (await db.RetentionItems.Where(i => i.Status == RetentionItemStatus.Kept && i.ReleasedAt == null && (i.KeepUntil == null || i.KeepUntil > today))
            .Select(i => new { i.Kind, i.TargetKey }).ToListAsync(ct)).Select(i => (i.Kind, i.TargetKey)).ToHashSet();

        var found = new List<RetentionItem>();
        found.AddRange(await DueCaseRecordsAsync(settings, today, ct));
        var caseRecords = found.Select(f => f.SubjectChildId).ToHashSet();
        found.AddRange((await DueEvidenceAsync(settings, today, ct)).Where(e => !caseRecords.Contains(e.SubjectChildId)));
        found.AddRange(await DueAuditMonthsAsync(settings, today, ct));

        var added = 0;
        foreach (var item in found.Where(f => !listed.Contains((f.Kind, f.TargetKey)) && !held.Contains((f.Kind, f.TargetKey))))
        {
            item.ReviewId = reviewId;
            item.Status = RetentionItemStatus.Proposed;
            db.RetentionItems.Add(item);
            added++;
        }

        review.Status = RetentionReviewStatus.Ready;
        review.ScannedAt = db.UtcNow;
        review.SchemeVersion = scheme.Version;
        review.ClaimedBy = null;
        review.LeaseUntil = null;
        db.AuditEntries.Add(Entry("retention-scan", nameof(RetentionReview), review.Month,
            JsonSerializer.Serialize(new { reviewId, found = found.Count, added, scheme = scheme.Version })));

        // The items and the review are one save, recorded by the one entry above rather than an entry per item.
        db.AuditChanges = false;
        try
        {
            return (await db.SaveOrConflictAsync(CommandResult.Conflicted("Another node took this scan over."), ct)).Succeeded;
        }
        finally
        {
            db.AuditChanges = true;
        }
    }

    /// <summary>Scans this month now, for a manager: false when another scan of it is running on a node that is up.</summary>
    public async Task<bool> ScanNowAsync(string node, TimeSpan lease, CancellationToken ct = default)
    {
        var reviewId = await TryClaimAsync(ThisMonth, node, lease, again: true, ct);
        return reviewId is { } id && await ScanAsync(id, node, ct);
    }

    private async Task<List<RetentionItem>> DueCaseRecordsAsync(RetentionSettings settings, DateOnly today, CancellationToken ct)
    {
        // The later rule is at least the years after closure, so a case closed since then cannot be due.
        var closedBefore = UkCalendar.DayStartUtc(today.AddYears(-settings.CaseRecordYearsAfterClosure).AddDays(1));
        var closed = await db.Children.AsNoTracking()
            .Where(c => c.ClosedAt != null && c.ClosedAt < closedBefore && c.MergedIntoChildId == null)
            .Select(c => new { c.Id, c.Reference, c.DateOfBirth, ClosedAt = c.ClosedAt!.Value }).ToListAsync(ct);
        var due = new List<RetentionItem>();
        foreach (var c in closed)
        {
            var closedOn = UkCalendar.DateOf(c.ClosedAt);
            var (ends, rule) = RetentionRules.CaseRecord(c.DateOfBirth, closedOn, settings);
            if (!RetentionRules.Past(ends, today)) continue;
            due.Add(new RetentionItem
            {
                Kind = RetentionItemKind.CaseRecord, TargetKey = c.Id.ToString(), SubjectChildId = c.Id, Reference = c.Reference,
                Rule = rule, From = closedOn, RetentionEnds = ends, Count = 1,
            });
        }

        return due;
    }

    private async Task<List<RetentionItem>> DueEvidenceAsync(RetentionSettings settings, DateOnly today, CancellationToken ct)
    {
        var decidedBefore = UkCalendar.DayStartUtc(today.AddMonths(-settings.RefusedRequestEvidenceMonths).AddDays(1));
        var refused = RetentionRules.RefusedOutcomes.ToList();
        var requests = await (from d in db.Decisions.AsNoTracking()
                              join r in db.Requests.AsNoTracking() on d.RequestId equals r.Id
                              where refused.Contains(d.Outcome) && d.DecidedAt < decidedBefore
                              let files = db.EvidenceDocuments.Count(e => e.RequestId == r.Id)
                              where files > 0
                              select new { r.Id, r.Reference, d.ChildId, d.DecidedAt, Files = files }).ToListAsync(ct);
        var due = new List<RetentionItem>();
        foreach (var r in requests)
        {
            var decidedOn = UkCalendar.DateOf(r.DecidedAt);
            var (ends, rule) = RetentionRules.RefusedEvidence(decidedOn, settings);
            if (!RetentionRules.Past(ends, today)) continue;
            due.Add(new RetentionItem
            {
                Kind = RetentionItemKind.RequestEvidence, TargetKey = r.Id.ToString(), SubjectChildId = r.ChildId, RequestId = r.Id,
                Reference = r.Reference, Rule = rule, From = decidedOn, RetentionEnds = ends, Count = r.Files,
            });
        }

        return due;
    }

    private async Task<List<RetentionItem>> DueAuditMonthsAsync(RetentionSettings settings, DateOnly today, CancellationToken ct)
    {
        // Audit entries are stored in UTC and counted by their UTC month.
        var kept = RetentionRules.OldestAuditMonthKept(today, settings);
        var before = new DateTime(kept.Year, kept.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        var months = await db.AuditEntries.AsNoTracking().Where(a => a.At < before && a.Action != EraseAction)
            .GroupBy(a => new { a.At.Year, a.At.Month }).Select(g => new { g.Key.Year, g.Key.Month, Count = g.Count() }).ToListAsync(ct);
        return months.Select(m =>
        {
            var month = new DateOnly(m.Year, m.Month, 1);
            var (ends, rule) = RetentionRules.AuditMonth(month, settings);
            return new RetentionItem
            {
                Kind = RetentionItemKind.AuditEntries, TargetKey = RetentionRules.MonthKey(month), Reference = RetentionRules.MonthKey(month),
                Rule = rule, From = month.AddMonths(1).AddDays(-1), RetentionEnds = ends, Count = m.Count,
            };
        }).ToList();
    }

    // ---- Confirming and keeping ----

    /// <summary>
    /// Erases the items a manager confirmed, in one transaction, if nobody decided anything on the review since they
    /// saw it (<paramref name="versionSeen"/>). Each is checked again first: one no longer past its retention (a case
    /// reopened since the scan, a hold placed) is marked so and left alone.
    /// </summary>
    public async Task<(RetentionConfirmation? Done, CommandResult Result)> ConfirmAsync(Guid reviewId, IReadOnlyCollection<Guid> itemIds, long versionSeen, CancellationToken ct = default)
    {
        if (itemIds.Count == 0) return (null, CommandResult.Fail("", "Choose at least one record to erase"));
        if (itemIds.Count > PageSize) return (null, CommandResult.Fail("", $"Confirm at most {PageSize} records at once"));

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync<(RetentionConfirmation? Done, CommandResult Result)>(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (!await TakeTurnAsync(reviewId, versionSeen, ct)) return (null, Changed);

            var items = await db.RetentionItems.Where(i => i.ReviewId == reviewId && itemIds.Contains(i.Id)).ToListAsync(ct);
            if (items.Count != itemIds.Distinct().Count()) return (null, CommandResult.Fail("", "Some of those records are not on this review. Open the review again."));
            if (items.Any(i => i.Status != RetentionItemStatus.Proposed)) return (null, Changed);

            if (db.Database.IsNpgsql())
            {
                // The audit trail refuses every deletion except retention's, inside its own transaction (see DatabaseSetup).
                await db.Database.ExecuteSqlRawAsync("SET LOCAL shortbreaks.retention_erasure = 'on'", ct);
            }

            var today = Today;
            var settings = Settings;
            var scheme = SchemeInForce.Version;
            var held = (await db.RetentionItems.Where(i => i.ReviewId != reviewId && i.Status == RetentionItemStatus.Kept && i.ReleasedAt == null && (i.KeepUntil == null || i.KeepUntil > today))
                .Select(i => new { i.Kind, i.TargetKey }).ToListAsync(ct)).Select(i => (i.Kind, i.TargetKey)).ToHashSet();
            int erased = 0, notDue = 0;
            foreach (var item in items)
            {
                var why = held.Contains((item.Kind, item.TargetKey))
                    ? "A manager has kept this record on another review."
                    : item.Kind switch
                    {
                        RetentionItemKind.CaseRecord => await EraseCaseRecordAsync(item, settings, today, scheme, ct),
                        RetentionItemKind.RequestEvidence => await EraseEvidenceAsync(item, settings, today, scheme, ct),
                        _ => await EraseAuditMonthAsync(item, settings, today, scheme, ct),
                    };
                item.DecidedAt = db.UtcNow;
                item.DecidedByUserId = db.Actor.UserId;
                item.DecidedByName = db.Actor.Name;
                if (why is null)
                {
                    item.Status = RetentionItemStatus.Erased;
                    erased++;
                }
                else
                {
                    item.Status = RetentionItemStatus.NoLongerDue;
                    item.Reason = why;
                    notDue++;
                }
            }

            db.AuditChanges = false;
            try
            {
                await db.SaveChangesAsync(ct);
            }
            finally
            {
                db.AuditChanges = true;
            }

            await transaction.CommitAsync(ct);
            return (new RetentionConfirmation(erased, notDue), CommandResult.Ok);
        });
    }

    /// <summary>
    /// Keeps an item with a reason (a legal hold, a complaint open): it is not proposed again before
    /// <paramref name="keepUntil"/>, or, with no date, until a manager releases it.
    /// </summary>
    public async Task<CommandResult> KeepAsync(Guid reviewId, Guid itemId, string? reason, DateOnly? keepUntil, long versionSeen, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(reason)) errors.Add(new("Reason", "Enter why this record is being kept"));
        else if (reason.Length > RequestRules.TextMaxLength) errors.Add(new("Reason", $"The reason must be {RequestRules.TextMaxLength} characters or fewer"));
        var today = Today;
        if (keepUntil is { } until && (until <= today || until > today.AddYears(50)))
            errors.Add(new("KeepUntil", until <= today ? "The date to keep it until must be in the future" : "The date to keep it until must be within 50 years"));
        if (errors.Count > 0) return CommandResult.Fail(errors);

        var item = await db.RetentionItems.FirstOrDefaultAsync(i => i.ReviewId == reviewId && i.Id == itemId, ct);
        if (item is null) return CommandResult.Fail("", "There is no such record on this review.");
        if (item.Status != RetentionItemStatus.Proposed) return Changed;
        if (!await MarkDecidedAsync(reviewId, versionSeen, ct)) return Changed;

        item.Status = RetentionItemStatus.Kept;
        item.Reason = reason!.Trim();
        item.KeepUntil = keepUntil;
        item.DecidedAt = db.UtcNow;
        item.DecidedByUserId = db.Actor.UserId;
        item.DecidedByName = db.Actor.Name;
        db.AuditEntries.Add(Entry("retention-keep", KindEntity(item.Kind), item.TargetKey,
            JsonSerializer.Serialize(new { reference = item.Reference, reviewId, itemId, reason = item.Reason, keepUntil })));
        return await SaveDecisionAsync(ct);
    }

    /// <summary>
    /// Releases a kept item: the next month's review proposes it again if it is still past its retention (a review lists a
    /// record once, so this month's keeps it as kept and released).
    /// </summary>
    public async Task<CommandResult> ReleaseAsync(Guid reviewId, Guid itemId, long versionSeen, CancellationToken ct = default)
    {
        var item = await db.RetentionItems.FirstOrDefaultAsync(i => i.ReviewId == reviewId && i.Id == itemId, ct);
        if (item is null) return CommandResult.Fail("", "There is no such record on this review.");
        if (item.Status != RetentionItemStatus.Kept || item.ReleasedAt is not null) return Changed;
        if (!await MarkDecidedAsync(reviewId, versionSeen, ct)) return Changed;

        item.ReleasedAt = db.UtcNow;
        item.ReleasedByName = db.Actor.Name;
        db.AuditEntries.Add(Entry("retention-release", KindEntity(item.Kind), item.TargetKey,
            JsonSerializer.Serialize(new { reference = item.Reference, reviewId, itemId })));
        return await SaveDecisionAsync(ct);
    }

    private async Task<bool> MarkDecidedAsync(Guid reviewId, long versionSeen, CancellationToken ct)
    {
        var review = await db.RetentionReviews.FirstOrDefaultAsync(r => r.Id == reviewId, ct);
        if (review is null) return false;
        db.ExpectVersion(review, versionSeen);
        review.LastDecidedAt = db.UtcNow;
        return true;
    }

    private async Task<CommandResult> SaveDecisionAsync(CancellationToken ct)
    {
        db.AuditChanges = false;
        try
        {
            return await db.SaveOrConflictAsync(Changed, ct);
        }
        finally
        {
            db.AuditChanges = true;
        }
    }

    /// <summary>Moves the review's version on if it is still the one the manager saw: of two managers, the second is told.</summary>
    private async Task<bool> TakeTurnAsync(Guid reviewId, long versionSeen, CancellationToken ct)
    {
        var now = db.UtcNow;
        return await db.RetentionReviews.Where(r => r.Id == reviewId && r.Version == versionSeen && r.Status == RetentionReviewStatus.Ready)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Version, r => r.Version + 1).SetProperty(r => r.LastDecidedAt, now), ct) == 1;
    }

    /// <summary>Why a case record may not be erased now, or null.</summary>
    public async Task<string?> CaseRecordNotDueAsync(Guid childId, RetentionSettings settings, DateOnly today, CancellationToken ct = default)
    {
        var child = await db.Children.AsNoTracking().Where(c => c.Id == childId)
            .Select(c => new { c.DateOfBirth, c.ClosedAt, c.MergedIntoChildId }).FirstOrDefaultAsync(ct);
        if (child is null) return "The record no longer exists.";
        if (child.MergedIntoChildId is not null) return "The record has been merged into another since the scan: it follows that record.";
        if (child.ClosedAt is not { } closedAt) return "The case has been reopened since the scan.";
        var (ends, _) = RetentionRules.CaseRecord(child.DateOfBirth, UkCalendar.DateOf(closedAt), settings);
        if (!RetentionRules.Past(ends, today)) return $"The record is now kept until {ends.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))} (it was closed again, or the scheme's periods changed).";
        if (await db.Requests.AnyAsync(r => r.ChildId == childId && r.Status == RequestStatus.Submitted, ct)) return "A request for the child is waiting for a decision.";
        return await OpenSubjectAccessAsync(childId, null, ct);
    }

    /// <summary>
    /// A subject access request still being answered about the child, or about the family member who made the request,
    /// holds the record: what it asks for must not be erased before the answer is released.
    /// </summary>
    private async Task<string?> OpenSubjectAccessAsync(Guid childId, string? familyUserId, CancellationToken ct)
    {
        var due = await db.SubjectAccessRequests.AsNoTracking()
            .Where(s => s.Status == SubjectAccess.SubjectAccessStatus.Open && (s.ChildId == childId || (familyUserId != null && s.FamilyUserId == familyUserId)))
            .OrderBy(s => s.DueOn).Select(s => (DateOnly?)s.DueOn).FirstOrDefaultAsync(ct);
        return due is { } on
            ? $"A subject access request about the record is being answered (due {on.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}): release it before the record is erased."
            : null;
    }

    private async Task<string?> EraseCaseRecordAsync(RetentionItem item, RetentionSettings settings, DateOnly today, string scheme, CancellationToken ct)
    {
        var childId = item.SubjectChildId!.Value;
        if (await CaseRecordNotDueAsync(childId, settings, today, ct) is { } why) return why;

        // The record, and every duplicate merged into it (they follow the record that stays).
        var ids = new List<Guid> { childId };
        for (var next = ids.ToList(); next.Count > 0;)
        {
            next = await db.Children.Where(c => c.MergedIntoChildId != null && next.Contains(c.MergedIntoChildId.Value) && !ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct);
            ids.AddRange(next);
        }

        var duplicates = await db.Children.Where(c => ids.Contains(c.Id) && c.Id != childId).Select(c => c.Reference).ToListAsync(ct);
        var requestIds = await db.Requests.Where(r => r.ChildId != null && ids.Contains(r.ChildId.Value)).Select(r => r.Id).ToListAsync(ct);
        var evidenceIds = await db.EvidenceDocuments.Where(e => requestIds.Contains(e.RequestId)).Select(e => e.Id).ToListAsync(ct);
        var planIds = await db.SupportPlans.Where(p => ids.Contains(p.ChildId)).Select(p => p.Id).ToListAsync(ct);
        var versionIds = await db.PlanVersions.Where(v => ids.Contains(v.ChildId) || planIds.Contains(v.PlanId)).Select(v => v.Id).ToListAsync(ct);

        // Audit entries about the record: those naming the child, and those about its requests and files written before
        // the request was matched to it. Tombstones are never erased.
        var entityIds = ids.Concat(requestIds).Concat(evidenceIds).Select(i => i.ToString()).ToList();
        var rows = new Dictionary<string, int>
        {
            ["AuditEntries"] = await db.AuditEntries.Where(a => a.Action != EraseAction && ((a.ChildId != null && ids.Contains(a.ChildId.Value)) || entityIds.Contains(a.EntityId))).ExecuteDeleteAsync(ct),
            // What people were told about the child, and the emails that tell it, sent or waiting.
            ["OutboxEmails"] = await db.OutboxEmails.Where(e => db.PersonMessages.Any(m => m.Id == e.MessageId && m.ChildId != null && ids.Contains(m.ChildId.Value))).ExecuteDeleteAsync(ct),
            ["PersonMessages"] = await db.PersonMessages.Where(m => m.ChildId != null && ids.Contains(m.ChildId.Value)).ExecuteDeleteAsync(ct),
            // Direct payments and the money around them, before the plans, packages and letters they point to. A payment
            // run or provider invoice keeps its recorded total; only the child's own lines and payments go.
            // Complaints before the letters their stages point to.
            ["ComplaintExtensions"] = await db.ComplaintExtensions.Where(e => ids.Contains(e.ChildId)).ExecuteDeleteAsync(ct),
            ["ComplaintStages"] = await db.ComplaintStages.Where(s => ids.Contains(s.ChildId)).ExecuteDeleteAsync(ct),
            ["Complaints"] = await db.Complaints.Where(c => ids.Contains(c.ChildId)).ExecuteDeleteAsync(ct),
            ["RecoupmentDeductions"] = await db.RecoupmentDeductions.Where(d => ids.Contains(d.ChildId)).ExecuteDeleteAsync(ct),
            ["Recoupments"] = await db.Recoupments.Where(r => ids.Contains(r.ChildId)).ExecuteDeleteAsync(ct),
            ["AccountAudits"] = await db.AccountAudits.Where(a => ids.Contains(a.ChildId)).ExecuteDeleteAsync(ct),
            ["MonitoringReturnEvidence"] = await db.MonitoringReturnEvidence.Where(e => ids.Contains(e.ChildId)).ExecuteDeleteAsync(ct),
            ["MonitoringReturns"] = await db.MonitoringReturns.Where(r => ids.Contains(r.ChildId)).ExecuteDeleteAsync(ct),
            ["StatementLines"] = await db.StatementLines.Where(l => ids.Contains(l.ChildId)).ExecuteDeleteAsync(ct),
            ["DirectPaymentStatements"] = await db.DirectPaymentStatements.Where(s => ids.Contains(s.ChildId)).ExecuteDeleteAsync(ct),
            ["PaymentRunItems"] = await db.PaymentRunItems.Where(i => i.ChildId != null && ids.Contains(i.ChildId.Value)).ExecuteDeleteAsync(ct),
            ["ProviderInvoiceLines"] = await db.ProviderInvoiceLines.Where(l => ids.Contains(l.ChildId)).ExecuteDeleteAsync(ct),
            ["DirectPaymentInstalments"] = await db.DirectPaymentInstalments.Where(i => ids.Contains(i.ChildId)).ExecuteDeleteAsync(ct),
            ["DirectPaymentAccounts"] = await db.DirectPaymentAccounts.Where(a => ids.Contains(a.ChildId)).ExecuteDeleteAsync(ct),
            ["DirectPayments"] = await db.DirectPayments.Where(d => ids.Contains(d.ChildId)).ExecuteDeleteAsync(ct),
            ["FamilyAgreementsOnBehalf"] = await db.FamilyAgreementsOnBehalf.Where(a => ids.Contains(a.ChildId) || versionIds.Contains(a.PlanVersionId)).ExecuteDeleteAsync(ct),
            ["PanelItems"] = await db.PanelItems.Where(p => ids.Contains(p.ChildId)).ExecuteDeleteAsync(ct),
            ["BudgetNotices"] = await db.BudgetNotices.Where(n => ids.Contains(n.ChildId)).ExecuteDeleteAsync(ct),
            ["PlanOutcomes"] = await db.Set<PlanOutcome>().Where(o => versionIds.Contains(o.PlanVersionId)).ExecuteDeleteAsync(ct),
            ["PlanSupportLines"] = await db.Set<PlanSupportLine>().Where(l => versionIds.Contains(l.PlanVersionId)).ExecuteDeleteAsync(ct),
            ["PlanOnCosts"] = await db.Set<PlanOnCost>().Where(o => versionIds.Contains(o.PlanVersionId)).ExecuteDeleteAsync(ct),
            ["PlanVersions"] = await db.PlanVersions.Where(v => versionIds.Contains(v.Id)).ExecuteDeleteAsync(ct),
            ["SupportPlans"] = await db.SupportPlans.Where(p => planIds.Contains(p.Id)).ExecuteDeleteAsync(ct),
            ["TierChanges"] = await db.TierChanges.Where(t => ids.Contains(t.ChildId)).ExecuteDeleteAsync(ct),
            ["RasAssessments"] = await db.RasAssessments.Where(a => ids.Contains(a.ChildId)).ExecuteDeleteAsync(ct),
            ["EvidenceDocuments"] = await db.EvidenceDocuments.Where(e => requestIds.Contains(e.RequestId)).ExecuteDeleteAsync(ct),
            ["Decisions"] = await db.Decisions.Where(d => ids.Contains(d.ChildId) || requestIds.Contains(d.RequestId)).ExecuteDeleteAsync(ct),
            ["Referrals"] = await db.Referrals.Where(r => ids.Contains(r.ChildId) || (r.RequestId != null && requestIds.Contains(r.RequestId.Value))).ExecuteDeleteAsync(ct),
            ["Letters"] = await db.Letters.Where(l => ids.Contains(l.ChildId)).ExecuteDeleteAsync(ct),
            ["SentEmails"] = await db.SentEmails.Where(e => e.ChildId != null && ids.Contains(e.ChildId.Value)).ExecuteDeleteAsync(ct),
            ["TimelineEvents"] = await db.TimelineEvents.Where(e => ids.Contains(e.ChildId)).ExecuteDeleteAsync(ct),
            ["ChildMerges"] = await db.ChildMerges.Where(m => ids.Contains(m.SurvivingChildId) || ids.Contains(m.MergedChildId)).ExecuteDeleteAsync(ct),
            ["ChildEmergencyContacts"] = await db.ChildEmergencyContacts.Where(c => ids.Contains(c.ChildId)).ExecuteDeleteAsync(ct),
            ["ChildFamilyMembers"] = await db.ChildFamilyMembers.Where(m => ids.Contains(m.ChildId)).ExecuteDeleteAsync(ct),
            ["SubjectAccessChoices"] = await db.SubjectAccessChoices.Where(c => db.SubjectAccessRequests.Any(s => s.Id == c.RequestId && s.ChildId != null && ids.Contains(s.ChildId.Value))).ExecuteDeleteAsync(ct),
            ["SubjectAccessRequests"] = await db.SubjectAccessRequests.Where(s => s.ChildId != null && ids.Contains(s.ChildId.Value)).ExecuteDeleteAsync(ct),
            ["Requests"] = await db.Requests.Where(r => requestIds.Contains(r.Id)).ExecuteDeleteAsync(ct),
            ["DeliveredSessions"] = await EraseSessionsAsync(ids, ct),
            ["DeliveryReturns"] = await db.DeliveryReturns.Where(r => ids.Contains(r.ChildId)).ExecuteDeleteAsync(ct),
            ["UnusedHoursDecisions"] = await db.UnusedHoursDecisions.Where(d => ids.Contains(d.ChildId)).ExecuteDeleteAsync(ct),
            ["PackageStateChanges"] = await db.PackageStateChanges.Where(c => ids.Contains(c.ChildId)).ExecuteDeleteAsync(ct),
            ["PackageLines"] = await db.PackageLines.Where(l => ids.Contains(l.ChildId)).ExecuteDeleteAsync(ct),
            ["Packages"] = await db.Packages.Where(p => ids.Contains(p.ChildId)).ExecuteDeleteAsync(ct),
            ["AllowanceYears"] = await db.AllowanceYears.Where(a => ids.Contains(a.ChildId)).ExecuteDeleteAsync(ct),
            ["FsbRenewals"] = await db.FsbRenewals.Where(r => ids.Contains(r.ChildId)).ExecuteDeleteAsync(ct),
            ["Reviews"] = await db.Reviews.Where(r => ids.Contains(r.ChildId)).ExecuteDeleteAsync(ct),
            ["Children"] = await db.Children.Where(c => ids.Contains(c.Id)).ExecuteDeleteAsync(ct),
        };

        rows["VirtualBudgetRunFalls"] = await EraseFromVirtualBudgetRunsAsync(ids, ct);
        // Reviews and complaints went by bulk deletes, which the change tracker does not see: the kept counts are stale.
        if (rows["Reviews"] > 0) db.MoveChangeStamp(ChangeStamp.Reviews);
        if (rows["Complaints"] + rows["ComplaintStages"] + rows["ComplaintExtensions"] > 0) db.MoveChangeStamp(ChangeStamp.Complaints);

        db.AuditEntries.Add(Tombstone(item, nameof(Child), childId.ToString(), scheme, new
        {
            mergedDuplicates = duplicates.Order().ToList(),
            childIds = ids,
            rows = rows.Where(r => r.Value > 0).ToDictionary(r => r.Key, r => r.Value),
        }));
        return null;
    }

    /// <summary>The children's delivered sessions, taken off the totals of any line that stays (see <see cref="DeliveredTotals"/>).</summary>
    private async Task<int> EraseSessionsAsync(List<Guid> ids, CancellationToken ct)
    {
        var sessions = db.DeliveredSessions.Where(x => ids.Contains(x.ChildId));
        await DeliveredTotals.SubtractAsync(db, sessions, db.PackageLines.Where(l => ids.Contains(l.ChildId)), ct);
        return await sessions.ExecuteDeleteAsync(ct);
    }

    /// <summary>
    /// A virtual budget run keeps, by name, the families whose budget would fall: the erased children leave those lists
    /// (the run's summary holds only counts and stays as it was). Returns how many entries were taken out.
    /// </summary>
    private async Task<int> EraseFromVirtualBudgetRunsAsync(List<Guid> ids, CancellationToken ct)
    {
        var erased = 0;
        foreach (var id in ids)
        {
            var text = id.ToString();
            var runs = await db.VirtualBudgetRuns.Where(r => r.FallsJson != null && r.FallsJson.Contains(text)).ToListAsync(ct);
            foreach (var run in runs)
            {
                var falls = JsonSerializer.Deserialize<List<VirtualBudgetFall>>(run.FallsJson!, VirtualBudgetSimulation.JsonOptions) ?? [];
                var kept = falls.Where(f => !ids.Contains(f.ChildId)).ToList();
                erased += falls.Count - kept.Count;
                run.FallsJson = JsonSerializer.Serialize(kept, VirtualBudgetSimulation.JsonOptions);
            }
        }

        return erased;
    }

    private async Task<string?> EraseEvidenceAsync(RetentionItem item, RetentionSettings settings, DateOnly today, string scheme, CancellationToken ct)
    {
        var requestId = item.RequestId!.Value;
        var decision = await db.Decisions.AsNoTracking().Where(d => d.RequestId == requestId)
            .Select(d => new { d.Outcome, d.DecidedAt, d.ChildId }).FirstOrDefaultAsync(ct);
        if (decision is null) return "The request no longer exists.";
        if (!RetentionRules.RefusedOutcomes.Contains(decision.Outcome)) return "The request's decision has changed since the scan.";
        var (ends, _) = RetentionRules.RefusedEvidence(UkCalendar.DateOf(decision.DecidedAt), settings);
        if (!RetentionRules.Past(ends, today)) return "The evidence is not yet past its retention.";
        var familyUserId = await db.Requests.AsNoTracking().Where(r => r.Id == requestId).Select(r => r.FamilyUserId).FirstOrDefaultAsync(ct);
        if (await OpenSubjectAccessAsync(decision.ChildId, familyUserId, ct) is { } held) return held;

        var files = await db.EvidenceDocuments.Where(e => e.RequestId == requestId).ExecuteDeleteAsync(ct);
        if (files == 0) return "The request's evidence files have already been erased.";
        db.AddTimeline(decision.ChildId, TimelineKinds.EvidenceErased, $"Evidence files of request {item.Reference} erased",
            $"{files} {(files == 1 ? "file" : "files")} erased under the scheme's retention rule: {item.Rule}. The request and its decision are kept with this record.", requestId);
        db.AuditEntries.Add(Tombstone(item, nameof(ShortBreakRequest), requestId.ToString(), scheme, new { files }));
        return null;
    }

    private async Task<string?> EraseAuditMonthAsync(RetentionItem item, RetentionSettings settings, DateOnly today, string scheme, CancellationToken ct)
    {
        if (RetentionRules.MonthOf(item.TargetKey) is not { } month) return "The month is not one the service knows.";
        if (!RetentionRules.Past(RetentionRules.AuditMonth(month, settings).Ends, today)) return "The month's audit entries are not yet past their retention.";
        var start = new DateTime(month.Year, month.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        var end = start.AddMonths(1);
        var entries = await db.AuditEntries.Where(a => a.At >= start && a.At < end && a.Action != EraseAction).ExecuteDeleteAsync(ct);
        db.AuditEntries.Add(Tombstone(item, nameof(AuditEntry), item.TargetKey, scheme, new { entries }));
        return null;
    }

    private AuditEntry Tombstone(RetentionItem item, string entityType, string entityId, string scheme, object erased) =>
        Entry(EraseAction, entityType, entityId, JsonSerializer.Serialize(new
        {
            kind = KindName(item.Kind),
            reference = item.Reference,
            rule = item.Rule,
            scheme,
            reviewId = item.ReviewId,
            itemId = item.Id,
            erased,
        }));

    // No child id on these entries: they outlive the record.
    private AuditEntry Entry(string action, string entityType, string entityId, string details) => new()
    {
        At = db.UtcNow,
        UserId = db.Actor.UserId,
        UserName = db.Actor.Name,
        Action = action,
        EntityType = entityType,
        EntityId = entityId,
        Details = details,
    };

    private static string KindEntity(RetentionItemKind kind) => kind switch
    {
        RetentionItemKind.CaseRecord => nameof(Child),
        RetentionItemKind.RequestEvidence => nameof(ShortBreakRequest),
        _ => nameof(AuditEntry),
    };

    public static string KindName(RetentionItemKind kind) => kind switch
    {
        RetentionItemKind.CaseRecord => "Child's case record",
        RetentionItemKind.RequestEvidence => "Evidence files of a refused request",
        RetentionItemKind.AuditEntries => "Audit entries of a month",
        _ => kind.ToString(),
    };

    private static readonly CommandResult Changed = CommandResult.Conflicted(
        "Another manager confirmed or kept records on this review while you were looking at it. Nothing has been erased: check the review as it is now and try again.");
}
