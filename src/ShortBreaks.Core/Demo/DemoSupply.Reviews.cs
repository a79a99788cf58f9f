using Microsoft.Extensions.Logging.Abstractions;

namespace ShortBreaks.Core.Demo;

/// <summary>
/// Reviews in the demo county, made as the service makes them: the plans in force are given review dates spread from a
/// few weeks ago to a few weeks ahead (so some are overdue), the daily scan (<see cref="ReviewScanService"/>) puts them
/// and the Flexible Short Breaks packages falling due on the worklist, and the demo reviewing officer holds some of
/// them: a few booked, one held and waiting for its outcome, and a few decided with their letters, through
/// <see cref="ReviewService"/>. Deterministic: the plans are chosen by the child's reference; capped, so a large
/// county stays quick to make.
/// </summary>
internal sealed partial class DemoSupply
{
    /// <summary>Days from today each chosen plan's review falls due: overdue, due soon, and further ahead.</summary>
    private static readonly int[] DueInDays = [-30, -12, -3, 4, 9, 15, 22, 30, 41, 50];

    public const int ReviewsBooked = 3;
    public const int ReviewsDecided = 2;

    /// <summary>Adds the reviews, on the demo's today; answers how many the scan made.</summary>
    public async Task<int> AddReviewsAsync(CancellationToken ct)
    {
        var (db, options, schemes) = (_db, _options, _schemes);
        _clock.Now = Utc(options.Today, 9);
        var (actorId, actorName) = (db.Actor.UserId, db.Actor.Name);
        var reviewer = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Email == "reviewer@" + DemoCounty.EmailDomain, ct);
        try
        {
            var plans = await (from p in db.SupportPlans
                               join c in db.Children on p.ChildId equals c.Id
                               where p.EndedAt == null && p.ApprovedNumber != null && c.Tier == Tier.TargetedShortBreaks
                               orderby c.Reference
                               select p).Take(DueInDays.Length).ToListAsync(ct);
            foreach (var (plan, i) in plans.Select((p, i) => (p, i))) plan.NextReviewDue = options.Today.AddDays(DueInDays[i]);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();

            var made = await new ReviewScanService(db, schemes, NullLogger<ReviewScanService>.Instance).ScanAsync(ct);
            if (reviewer is null) return made;

            // The demo reviewing officer holds the reviews of the plans chosen, and as many again of the others.
            var planIds = plans.Select(p => p.Id).ToList();
            var held = await db.Reviews.Where(r => r.State == ReviewState.Due && r.PlanId != null && planIds.Contains(r.PlanId.Value))
                .OrderBy(r => r.DueOn).ToListAsync(ct);
            held.AddRange(await db.Reviews.Where(r => r.State == ReviewState.Due && r.PlanId == null).OrderBy(r => r.DueOn).Take(held.Count).ToListAsync(ct));
            foreach (var review in held) (review.OfficerId, review.OfficerName) = (reviewer.Id, reviewer.DisplayName);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();

            (db.Actor.UserId, db.Actor.Name) = (reviewer.Id, reviewer.DisplayName);
            var service = new ReviewService(db, schemes, options.WorkingDays ?? new WorkingDays([]), new TierService(db, schemes), new CaseClosureService(db));
            foreach (var (review, i) in held.Take(ReviewsBooked + 1 + ReviewsDecided).Select((r, i) => (r, i)))
            {
                var holdNow = i >= ReviewsBooked;
                var date = holdNow ? options.Today : options.Today.AddDays(7 + i * 3);
                var booking = new ReviewBooking(date, "10:00am", i % 2 == 0 ? ReviewMeeting.InPerson : ReviewMeeting.Call,
                    i % 2 == 0 ? "The family home" : "Video call: the link is in the invitation", "The child, their parents, the provider and the class teacher");
                if (!(await service.BookAsync(review.Id, booking, review.Version, ct)).Succeeded || !holdNow) continue;
                await RecordAndDecideAsync(db, service, review.Id, decide: i > ReviewsBooked, ct);
                db.ChangeTracker.Clear();
            }

            return made;
        }
        finally
        {
            (db.Actor.UserId, db.Actor.Name) = (actorId, actorName);
            db.ChangeTracker.Clear();
        }
    }

    private static async Task RecordAndDecideAsync(ShortBreaksDbContext db, ReviewService service, Guid reviewId, bool decide, CancellationToken ct)
    {
        var view = (await service.FindAsync(reviewId, ct))!;
        var progress = view.PlanOutcomes.Select((o, i) => new ReviewProgressEntry(o, i % 2 == 0 ? OutcomeProgress.Achieved : OutcomeProgress.Partly,
            i % 2 == 0 ? "Happens most weeks, by the provider's returns and the family's account." : "Some weeks; the family would like it more often.")).ToList();
        var record = new ReviewRecord(service.Today, "The child, their mother, the reviewing officer and the provider's support worker",
            "Said the youth club is the best part of the week, and that the bus there is too noisy.", progress,
            "The weekend sessions: the family gets a rest and the child sees friends.", "Getting there: the transport is unreliable.",
            "The sessions in the plan, with some hours left in the year that could pay for travel.");
        var recorded = await service.RecordAsync(reviewId, record, view.Review.Version, ct);
        if (!recorded.Succeeded || !decide) return;
        var version = await db.Reviews.AsNoTracking().Where(r => r.Id == reviewId).Select(r => r.Version).SingleAsync(ct);
        await service.DecideAsync(reviewId, ReviewDecision.ContinueAsIs, "The plan meets its outcomes; the family will use the spare hours for travel.", version, ct);
    }
}
