namespace ShortBreaks.Core.Reviews;

/// <summary>
/// The daily scan for reviews falling due across the county: every child on Flexible or Targeted Short Breaks whose
/// next review (by the schedule of the plan in force, or of the package for a child on Flexible Short Breaks with no
/// plan: <see cref="ReviewSchedules"/>) falls within the scheme's look-ahead gets a <see cref="Review"/> on the
/// reviewing officers' worklist. Found in two set-based queries; a review is unique per child and due day, so the scan is
/// safe to run again, and on two nodes at once: a batch that meets a review another node just made is added row by row,
/// skipping the rows already there.
/// </summary>
public sealed class ReviewScanService(ShortBreaksDbContext db, SchemeCatalog schemes, ILogger<ReviewScanService> logger)
{
    /// <summary>Rows saved at a time: large enough to be quick, small enough to keep a save's parameters within limits.</summary>
    private const int BatchSize = 400;

    private sealed record DueReview(Guid ChildId, Guid? PlanId, ReviewKind Kind, DateOnly DueOn, string? OfficerId);

    /// <summary>Makes the reviews now falling due; answers how many it made.</summary>
    public async Task<int> ScanAsync(CancellationToken ct = default)
    {
        var today = db.Today;
        var horizon = today.AddDays(7 * schemes.InForceOn(today).ReviewingRules.LookAheadWeeks);
        var due = new List<DueReview>();
        due.AddRange(await PlanReviewsDueAsync(horizon, ct));
        due.AddRange(await PackageReviewsDueAsync(today, horizon, ct));
        if (due.Count == 0) return 0;

        var officerNames = await OfficerNamesAsync(due, ct);
        var made = 0;
        foreach (var batch in due.Chunk(BatchSize))
            made += await AddAsync(batch, officerNames, ct);
        if (made > 0) logger.LogInformation("Made {Count} reviews falling due by {Horizon}", made, horizon);
        return made;
    }

    /// <summary>Children with a plan whose next review falls by the horizon and is not yet made, with no review open.</summary>
    private Task<List<DueReview>> PlanReviewsDueAsync(DateOnly horizon, CancellationToken ct) =>
        (from p in db.SupportPlans.AsNoTracking()
         where p.EndedAt == null && p.NextReviewDue != null && p.NextReviewDue <= horizon
         join c in db.Children.AsNoTracking() on p.ChildId equals c.Id
         where (c.Tier == Tier.FlexibleShortBreaks || c.Tier == Tier.TargetedShortBreaks) && c.ClosedAt == null && c.MergedIntoChildId == null
               && !db.Reviews.Any(r => r.ChildId == c.Id && (r.DueOn == p.NextReviewDue || r.State != ReviewState.Completed))
         select new DueReview(c.Id, p.Id, p.NextReviewKind, p.NextReviewDue!.Value, c.KeyWorkerId)).ToListAsync(ct);

    /// <summary>
    /// Children on Flexible Short Breaks with a package in force and no plan, none with a review open: due a year from
    /// their first package (or from their last review held, or on the day that review set), or with the EHC plan review.
    /// </summary>
    private async Task<List<DueReview>> PackageReviewsDueAsync(DateOnly today, DateOnly horizon, CancellationToken ct)
    {
        var candidates = await db.Children.AsNoTracking()
            .Where(c => c.Tier == Tier.FlexibleShortBreaks && c.ClosedAt == null && c.MergedIntoChildId == null)
            .Where(c => !db.SupportPlans.Any(p => p.ChildId == c.Id && p.EndedAt == null))
            .Where(c => db.Packages.Any(p => p.ChildId == c.Id && p.State == PackageState.Accepted && p.EndsOn >= today))
            .Where(c => !db.Reviews.Any(r => r.ChildId == c.Id && r.State != ReviewState.Completed))
            .Select(c => new
            {
                c.Id,
                c.KeyWorkerId,
                c.EhcPlanReviewDate,
                FirstPackage = db.Packages.Where(p => p.ChildId == c.Id && (p.State == PackageState.Accepted || p.State == PackageState.Changed || p.State == PackageState.Ended))
                    .Min(p => (DateOnly?)p.StartsOn),
                Last = db.Reviews.Where(r => r.ChildId == c.Id && r.State == ReviewState.Completed).OrderByDescending(r => r.DueOn)
                    .Select(r => new { r.DueOn, r.HeldOn, r.NextReviewDue }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var due = new List<DueReview>();
        foreach (var c in candidates)
        {
            var on = c.Last?.NextReviewDue
                     ?? ReviewSchedules.ForPackage(c.Last?.HeldOn ?? c.FirstPackage ?? today, c.EhcPlanReviewDate).NextDue;
            if (on <= horizon && on != c.Last?.DueOn) due.Add(new DueReview(c.Id, null, ReviewKind.Annual, on, c.KeyWorkerId));
        }

        return due;
    }

    private async Task<Dictionary<string, string>> OfficerNamesAsync(List<DueReview> due, CancellationToken ct)
    {
        var ids = due.Select(d => d.OfficerId).OfType<string>().Distinct().ToList();
        return ids.Count == 0 ? [] : await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }

    private async Task<int> AddAsync(IReadOnlyList<DueReview> batch, Dictionary<string, string> officerNames, CancellationToken ct)
    {
        foreach (var item in batch) Add(item, officerNames);
        try
        {
            await db.SaveChangesAsync(ct);
            return batch.Count;
        }
        catch (DbUpdateException)
        {
            // Another node made some of these at the same moment: add the rest one at a time.
            db.ChangeTracker.Clear();
        }

        var made = 0;
        foreach (var item in batch)
        {
            if (await db.Reviews.AnyAsync(r => r.ChildId == item.ChildId && r.DueOn == item.DueOn, ct)) continue;
            Add(item, officerNames);
            try
            {
                await db.SaveChangesAsync(ct);
                made++;
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
            }
        }

        return made;
    }

    private void Add(DueReview item, Dictionary<string, string> officerNames)
    {
        db.Reviews.Add(new Review
        {
            ChildId = item.ChildId,
            PlanId = item.PlanId,
            Kind = item.Kind,
            DueOn = item.DueOn,
            State = ReviewState.Due,
            CreatedAt = db.UtcNow,
            OfficerId = item.OfficerId,
            OfficerName = item.OfficerId is { } id ? officerNames.GetValueOrDefault(id) : null,
        });
        db.AddTimeline(item.ChildId, TimelineKinds.Review, $"{ReviewSchedules.Name(item.Kind)} due by {ReviewRules.Day(item.DueOn)}", null);
    }
}
