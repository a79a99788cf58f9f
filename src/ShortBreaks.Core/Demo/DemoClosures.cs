namespace ShortBreaks.Core.Demo;

/// <summary>
/// Former children in the demo county, so the first retention scan has something to list: a few children signposted
/// to universal services are made into young adults whose requests were decided years ago, and their cases are
/// closed through <see cref="CaseClosureService"/> by the demo officer. Their records are dated back as a whole
/// (birth, request, decision, letter, timeline and the closure itself) by the same number of years, so each record
/// reads as it would have been kept. Deterministic: the children are chosen by reference.
/// </summary>
internal static class DemoClosures
{
    public const int Closed = 3;

    /// <summary>
    /// How old each former child is today once their record is dated back: the first two are past their retention
    /// (25 and more than six years since closure); the third is not yet 25, so their record is kept until then.
    /// </summary>
    private static readonly int[] AgesNow = [27, 30, 23];

    public static async Task<int> AddAsync(ShortBreaksDbContext db, DemoOptions options, CancellationToken ct)
    {
        var closure = new CaseClosureService(db);
        var (actorId, actorName) = (db.Actor.UserId, db.Actor.Name);
        var officer = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Email == "officer@" + DemoCounty.EmailDomain, ct);
        var audit = db.AuditChanges;
        db.AuditChanges = false; // the load writes its own single audit entry
        var made = 0;
        try
        {
            var candidates = await db.Children.AsNoTracking()
                .Where(c => c.Tier == Tier.Universal && c.MergedIntoChildId == null
                            && !db.Requests.Any(r => r.ChildId == c.Id && r.Status != RequestStatus.Decided)
                            && !db.SupportPlans.Any(p => p.ChildId == c.Id) && !db.RasAssessments.Any(a => a.ChildId == c.Id)
                            && !db.ChildFamilyMembers.Any(m => m.ChildId == c.Id))
                .OrderBy(c => c.Reference).Select(c => c.Id).Take(Closed).ToListAsync(ct);
            foreach (var (childId, i) in candidates.Select((id, i) => (id, i)))
            {
                (db.Actor.UserId, db.Actor.Name) = (officer?.Id, officer?.DisplayName ?? "Demo officer");
                var child = await db.Children.AsNoTracking().SingleAsync(c => c.Id == childId, ct);
                var result = await closure.CloseAsync(childId, "Signposted to universal services; nothing more for the team to do.", child.Version, ct);
                db.ChangeTracker.Clear();
                if (!result.Succeeded) continue;
                var age = EligibilityCheck.AgeOn(child.DateOfBirth, UkCalendar.DateOf(db.UtcNow));
                await DateBackAsync(db, options.Scheme, childId, AgesNow[i % AgesNow.Length] - age, ct);
                db.ChangeTracker.Clear();
                made++;
            }
        }
        finally
        {
            (db.Actor.UserId, db.Actor.Name) = (actorId, actorName);
            db.AuditChanges = audit;
        }

        return made;
    }

    private static async Task DateBackAsync(ShortBreaksDbContext db, Scheme scheme, Guid childId, int years, CancellationToken ct)
    {
        DateTime Back(DateTime at) => at.AddYears(-years);
        var child = await db.Children.SingleAsync(c => c.Id == childId, ct);
        child.DateOfBirth = child.DateOfBirth.AddYears(-years);
        child.CreatedAt = Back(child.CreatedAt);
        child.ClosedAt = Back(child.ClosedAt!.Value);
        if (child.EhcPlanReviewDate is { } review) child.EhcPlanReviewDate = review.AddYears(-years);
        foreach (var r in await db.Requests.Where(r => r.ChildId == childId).Include(r => r.Evidence).ToListAsync(ct))
        {
            r.CreatedAt = Back(r.CreatedAt);
            r.UpdatedAt = Back(r.UpdatedAt);
            r.SubmittedAt = r.SubmittedAt is { } s ? Back(s) : null;
            r.ConsentRecordedAt = r.ConsentRecordedAt is { } c ? Back(c) : null;
            r.ChildDateOfBirth = r.ChildDateOfBirth?.AddYears(-years);
            if (r.EhcPlanReviewDate is { } ehc) r.EhcPlanReviewDate = ehc.AddYears(-years);
            foreach (var e in r.Evidence) e.UploadedAt = Back(e.UploadedAt);
        }

        var requests = await db.Requests.Where(r => r.ChildId == childId).ToDictionaryAsync(r => r.Id, ct);
        var letters = await db.Letters.Where(l => l.ChildId == childId).ToListAsync(ct);
        foreach (var l in letters) l.CreatedAt = Back(l.CreatedAt);
        foreach (var d in await db.Decisions.Where(d => d.ChildId == childId).ToListAsync(ct))
        {
            d.DecidedAt = Back(d.DecidedAt);
            // The letter is dated with the decision: written again as it was sent on that day.
            if (letters.FirstOrDefault(l => l.Id == d.LetterId) is { } letter && requests.TryGetValue(d.RequestId, out var request))
                (letter.Title, letter.BodyHtml) = DecisionLetter.Compose(scheme, request, d);
        }
        foreach (var e in await db.TimelineEvents.Where(e => e.ChildId == childId).ToListAsync(ct)) e.At = Back(e.At);
        foreach (var e in await db.SentEmails.Where(e => e.ChildId == childId).ToListAsync(ct)) e.SentAt = Back(e.SentAt);
        foreach (var t in await db.TierChanges.Where(t => t.ChildId == childId).ToListAsync(ct)) t.At = Back(t.At);
        await db.SaveChangesAsync(ct);
    }
}
