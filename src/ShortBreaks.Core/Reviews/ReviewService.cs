namespace ShortBreaks.Core.Reviews;

/// <summary>A review with what its pages show: the child, and the outcomes of the plan in force to record progress on.</summary>
public sealed record ReviewView(Review Review, Child Child, IReadOnlyList<string> PlanOutcomes, bool HasPlan);

/// <summary>
/// A review from booking to outcome: the officer books it (the family is asked for their views), the family sends
/// their views from their account, the officer records the review held and decides its one outcome, each through the
/// journey that already exists (<see cref="TierService"/> for a step up or down, <see cref="CaseClosureService"/> to
/// close, the RAS and plan journeys to change the plan). Every move is checked here with <see cref="ReviewRules"/>, put
/// on the child's timeline with who, when and why, and saved only if nobody changed the review since it was read. The
/// family is told when a review is booked (a task to send their views) and when its record is ready; the officer when the
/// family sends their views: the notices are saved with the change they tell of.
/// </summary>
public sealed class ReviewService(
    ShortBreaksDbContext db, SchemeCatalog schemes, WorkingDays workingDays, TierService tiers, CaseClosureService closures,
    Messenger? messenger = null)
{
    public DateOnly Today => db.Today;
    private Scheme Scheme => schemes.InForceOn(Today);

    public async Task<ReviewView?> FindAsync(Guid reviewId, CancellationToken ct = default)
    {
        var review = await db.Reviews.AsNoTracking().FirstOrDefaultAsync(r => r.Id == reviewId, ct);
        if (review is null) return null;
        var child = await db.Children.AsNoTracking().FirstAsync(c => c.Id == review.ChildId, ct);
        var (outcomes, hasPlan) = await PlanOutcomesAsync(review.ChildId, ct);
        return new ReviewView(review, child, outcomes, hasPlan);
    }

    /// <summary>The child's reviews, newest due first, for the family's and the officer's pages.</summary>
    public Task<List<Review>> ForChildAsync(Guid childId, CancellationToken ct = default) =>
        db.Reviews.AsNoTracking().Where(r => r.ChildId == childId).OrderByDescending(r => r.DueOn).ToListAsync(ct);

    public async Task<CommandResult> BookAsync(Guid reviewId, ReviewBooking booking, long versionSeen, CancellationToken ct = default)
    {
        var review = await db.Reviews.FirstOrDefaultAsync(r => r.Id == reviewId, ct);
        if (review is null) return NotFound;
        if (ReviewRules.BookingRefusal(review.State) is { } refused) return CommandResult.Fail("", refused);
        var errors = ReviewRules.Check(booking, Today);
        if (errors.Count > 0) return CommandResult.Fail(errors);

        db.ExpectVersion(review, versionSeen);
        var rebooked = review.State == ReviewState.Booked;
        review.State = ReviewState.Booked;
        review.BookedFor = booking.Date;
        review.BookedTime = booking.Time!.Trim();
        review.Meeting = booking.Meeting;
        review.Place = booking.Place!.Trim();
        review.Invited = booking.Invited!.Trim();
        review.BookedAt = db.UtcNow;
        review.BookedByName = db.Actor.Name;
        review.ViewsDueBy = ViewsDueBy(booking.Date!.Value);
        if (review.OfficerId is null)
        {
            review.OfficerId = db.Actor.UserId;
            review.OfficerName = db.Actor.Name;
        }

        if (Telling is { } tell)
        {
            var when = $"{ReviewRules.Day(booking.Date!.Value)}, {review.BookedTime}";
            await tell.TellFamilyAsync(review.ChildId, rebooked
                ? new Notice("The date of a review has changed", ServicePaths.FamilyReview(review.Id), Detail: $"The review is now on {when}.")
                : new Notice("A review is coming up: please send your views", ServicePaths.FamilyReview(review.Id),
                    Detail: $"The review is on {when}. Please send your views by {ReviewRules.Day(review.ViewsDueBy.Value)}.", TaskKey: ViewsTask(review.Id)), ct);
        }

        db.AddTimeline(review.ChildId, TimelineKinds.Review,
            $"{ReviewSchedules.Name(review.Kind)} {(rebooked ? "moved to" : "booked for")} {ReviewRules.Day(booking.Date!.Value)}, {review.BookedTime}",
            $"{ReviewRules.Name(booking.Meeting!.Value)}: {review.Place}. Invited: {review.Invited}. The family's views are asked for by {ReviewRules.Day(review.ViewsDueBy.Value)}.");
        return await SaveAsync(ct);
    }

    /// <summary>The child's and the family's views, sent from the family's account before the review.</summary>
    public async Task<CommandResult> SendViewsAsync(Guid reviewId, string? childViews, string? familyViews, long versionSeen, CancellationToken ct = default)
    {
        var review = await db.Reviews.FirstOrDefaultAsync(r => r.Id == reviewId, ct);
        if (review is null) return NotFound;
        if (ReviewRules.ViewsRefusal(review.State) is { } refused) return CommandResult.Fail("", refused);
        var errors = ReviewRules.CheckViews(childViews, familyViews);
        if (errors.Count > 0) return CommandResult.Fail(errors);

        db.ExpectVersion(review, versionSeen);
        review.ChildViews = PlanService.Trim(childViews);
        review.FamilyViews = PlanService.Trim(familyViews);
        review.ViewsSentAt = db.UtcNow;
        review.ViewsSentByName = db.Actor.Name;
        db.AddTimeline(review.ChildId, TimelineKinds.Review, "The family sent their views for the review", null);
        if (Telling is { } tell)
        {
            await tell.CompleteTasksAsync(ViewsTask(review.Id), ct);
            if (review.OfficerId is { } officer)
                await tell.TellAsync(officer, new Notice("A family sent their views for a review", ServicePaths.StaffReview(review.Id), review.ChildId), ct);
        }
        return await SaveAsync(ct);
    }

    public async Task<CommandResult> RecordAsync(Guid reviewId, ReviewRecord record, long versionSeen, CancellationToken ct = default)
    {
        var review = await db.Reviews.FirstOrDefaultAsync(r => r.Id == reviewId, ct);
        if (review is null) return NotFound;
        if (ReviewRules.RecordRefusal(review.State) is { } refused) return CommandResult.Fail("", refused);
        var (outcomes, _) = await PlanOutcomesAsync(review.ChildId, ct);
        if (record.Progress.Count != outcomes.Count || record.Progress.Where((p, i) => p.Outcome != outcomes[i]).Any())
            return CommandResult.Conflicted("The plan's outcomes changed while you were recording the review. Nothing has been saved: check the outcomes as they are now and record the review again.");
        var errors = ReviewRules.Check(record, Today, review.BookedFor);
        if (errors.Count > 0) return CommandResult.Fail(errors);

        db.ExpectVersion(review, versionSeen);
        var corrected = review.State == ReviewState.Held;
        review.State = ReviewState.Held;
        review.HeldOn = record.HeldOn;
        review.Attended = record.Attended!.Trim();
        review.ChildVoice = record.ChildVoice!.Trim();
        review.ProgressJson = ReviewProgress.Write([.. record.Progress.Select(p => new ReviewProgress(p.Outcome, p.Progress!.Value, p.Evidence!.Trim()))]);
        review.WhatIsWorking = record.WhatIsWorking!.Trim();
        review.WhatIsNotWorking = record.WhatIsNotWorking!.Trim();
        review.BudgetAlreadyBuys = record.BudgetAlreadyBuys!.Trim();
        review.RecordedAt = db.UtcNow;
        review.RecordedByName = db.Actor.Name;
        db.AddTimeline(review.ChildId, TimelineKinds.Review,
            $"{ReviewSchedules.Name(review.Kind)} {(corrected ? "record corrected" : "held and recorded")} ({ReviewRules.Day(record.HeldOn!.Value)})",
            $"Attended: {review.Attended}");
        return await SaveAsync(ct);
    }

    /// <summary>
    /// Decides the review's outcome and carries it out in the same unit of work: the next review scheduled, a step up
    /// or down by <see cref="TierService"/>, or the case closed by <see cref="CaseClosureService"/>; a change of plan (or
    /// a step up to Targeted Short Breaks) goes on through the RAS and plan journeys. The family's letter is kept with it.
    /// </summary>
    public async Task<CommandResult> DecideAsync(Guid reviewId, ReviewDecision? decision, string? reasons, long versionSeen, CancellationToken ct = default)
    {
        var review = await db.Reviews.FirstOrDefaultAsync(r => r.Id == reviewId, ct);
        if (review is null) return NotFound;
        if (ReviewRules.DecisionRefusal(review.State) is { } refused) return CommandResult.Fail("", refused);
        var errors = ReviewRules.CheckDecision(decision, reasons);
        if (errors.Count > 0) return CommandResult.Fail(errors);
        var child = await db.Children.FirstAsync(c => c.Id == review.ChildId, ct);
        var plan = await db.SupportPlans.FirstOrDefaultAsync(p => p.ChildId == child.Id && p.EndedAt == null, ct);
        if (ReviewRules.DecisionRefusal(child.Tier, plan is not null, decision!.Value) is { } unfit) return CommandResult.Fail("Decision", unfit);
        if (decision == ReviewDecision.Close && await closures.WhyNotClosableAsync(child, ct, planEndsWithIt: true) is { } notClosable)
            return CommandResult.Fail("Decision", notClosable);

        db.ExpectVersion(review, versionSeen);
        var tierBefore = child.Tier;
        var why = $"Review outcome: {reasons!.Trim()}";
        review.State = ReviewState.Completed;
        review.Decision = decision;
        review.DecisionReasons = reasons.Trim();
        review.DecidedAt = db.UtcNow;
        review.DecidedByName = db.Actor.Name;
        review.DecidedByUserId = db.Actor.UserId;
        switch (decision)
        {
            case ReviewDecision.ContinueAsIs:
                var next = NextAfter(review, child);
                review.NextReviewDue = next.NextDue;
                if (plan is not null)
                {
                    plan.NextReviewDue = next.NextDue;
                    plan.NextReviewKind = next.Kind;
                    plan.ReviewSchedule = next.Description;
                }

                break;
            case ReviewDecision.StepUp when child.Tier == Tier.TargetedShortBreaks:
                await tiers.ApplyAsync(child, TierMove.StepUpToSocialCare, why, ct);
                break;
            case ReviewDecision.ChangePlan:
            case ReviewDecision.StepUp when child.Tier == Tier.FlexibleShortBreaks:
                await StartFollowUpAsync(review, child, decision.Value, ct);
                break;
            case ReviewDecision.StepDown:
                await tiers.ApplyAsync(child, TierMove.StepDownToFlexible, why, ct);
                break;
            case ReviewDecision.Close:
                await tiers.ApplyAsync(child, TierMove.Closure, why, ct);
                closures.Close(child, why);
                break;
        }

        var (title, body) = ReviewLetter.Compose(Scheme, child, review, tierBefore);
        review.LetterId = db.AddLetter(child.Id, LetterKinds.Review, title, body).Id;
        if (Telling is { } tell)
        {
            await tell.CompleteTasksAsync(ViewsTask(review.Id), ct);
            await tell.TellFamilyAsync(child.Id, new Notice("A review record is ready to read", ServicePaths.FamilyLetter(review.LetterId.Value),
                Detail: "The record of the review and what was decided.", Statutory: true), ct);
        }

        db.AddTimeline(child.Id, TimelineKinds.Review, $"Review outcome: {ReviewRules.Name(decision.Value)}",
            $"{review.DecisionReasons}\n{ReviewRules.WhatHappensNext(tierBefore, decision.Value, review.NextReviewDue)}");
        return await SaveAsync(ct);
    }

    /// <summary>
    /// A change of plan, or a step up from Flexible to Targeted Short Breaks, goes on through the RAS and plan journeys,
    /// as the family's letter says: the child's RAS assessment being filled in is carried on (else a new one is started,
    /// as an officer starts one, its questions chosen by the child's age when it is opened), and the key worker (or the
    /// reviewing officer, if the child has none) gets a task that is done when the new plan version is agreed and sent
    /// for approval (<see cref="PlanApprovalService.ChangeTask"/>). The new version is costed against the newest
    /// completed assessment (<see cref="PlanService.ChangeAsync"/>). All in the decision's unit of work.
    /// </summary>
    private async Task StartFollowUpAsync(Review review, Child child, ReviewDecision decision, CancellationToken ct)
    {
        var assessment = await db.RasAssessments.Where(a => a.ChildId == child.Id && a.Status == RasAssessmentStatus.Draft)
            .OrderByDescending(a => a.CreatedAt).FirstOrDefaultAsync(ct);
        var started = assessment is null;
        assessment ??= RasAssessmentService.AddDraft(db, child.Id);
        review.RasAssessmentId = assessment.Id;
        var changing = decision == ReviewDecision.ChangePlan;
        db.AddTimeline(child.Id, TimelineKinds.ReviewFollowUp,
            changing ? "Change of plan started after the review" : "Step up to Targeted Short Breaks started after the review",
            $"{(started ? "A new RAS assessment was started" : "The RAS assessment already started is carried on")}; " +
            (changing ? "then a new version of the plan, agreed with the family and approved as the rules say." : "then a support plan, and the move is made when it is approved."));
        if (Telling is { } tell && (child.KeyWorkerId ?? review.OfficerId ?? db.Actor.UserId) is { } keyWorker)
        {
            await tell.TellAsync(keyWorker, new Notice(
                changing ? "A review decided to change a support plan" : "A review decided on a step up to Targeted Short Breaks",
                ServicePaths.StaffRasTasks(child.Id, assessment.Id), child.Id,
                changing ? "Carry on with the RAS assessment with the family, then make the new version of the plan."
                    : "Carry on with the RAS assessment with the family, then start the support plan for the step up.",
                TaskKey: PlanApprovalService.ChangeTask(child.Id)), ct);
        }
    }

    /// <summary>The review after this one, if it keeps things as they are: the same kind, counted from the day it was held.</summary>
    public ReviewSchedule NextAfter(Review review, Child child) =>
        ReviewSchedules.After(Scheme.Reviews, review.Kind, review.HeldOn ?? Today, child.EhcPlanReviewDate);

    /// <summary>The day the family's views are asked back by: the scheme's working days before the review (today at the earliest).</summary>
    public DateOnly ViewsDueBy(DateOnly reviewOn)
    {
        var by = workingDays.Before(reviewOn, Scheme.ReviewingRules.ViewsDueWorkingDaysBefore);
        return by < Today ? Today : by;
    }

    /// <summary>The outcomes of the child's plan in force today, in order, to record progress on (none without a plan).</summary>
    private async Task<(IReadOnlyList<string> Outcomes, bool HasPlan)> PlanOutcomesAsync(Guid childId, CancellationToken ct)
    {
        var planId = await db.SupportPlans.AsNoTracking().Where(p => p.ChildId == childId && p.EndedAt == null).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
        if (planId is null) return ([], false);
        var today = Today;
        var version = await db.PlanVersions.AsNoTracking().Where(v => v.PlanId == planId).Where(PlanInForce.TakenEffectBy(today))
            .OrderByDescending(v => v.Number).Select(v => (Guid?)v.Id).FirstOrDefaultAsync(ct);
        if (version is null) return ([], true);
        var outcomes = await db.Set<PlanOutcome>().AsNoTracking().Where(o => o.PlanVersionId == version).OrderBy(o => o.Order).Select(o => o.What).ToListAsync(ct);
        return (outcomes, true);
    }

    /// <summary>The family's task of sending their views for a review, done when they send them or the review is decided.</summary>
    public static string ViewsTask(Guid reviewId) => $"review-views:{reviewId}";

    /// <summary>Who is told: without a messenger (the demo's bulk reviews) nobody is.</summary>
    private Messenger? Telling => messenger;

    private static readonly CommandResult NotFound = CommandResult.Fail("", "There is no such review.");

    private Task<CommandResult> SaveAsync(CancellationToken ct) => db.SaveOrConflictAsync(CommandResult.Conflicted(
        "Someone else changed this review while you were working on it. Nothing you entered has been saved over their change: check the review as it is now and try again."), ct);
}
