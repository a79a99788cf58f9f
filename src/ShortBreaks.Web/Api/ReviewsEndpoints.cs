using ShortBreaks.Core.Caseloads;
using ShortBreaks.Core.Reviews;

namespace ShortBreaks.Web.Api;

/// <summary>
/// Reviews for case staff, with the same rules as the reviews pages: the worklist (filtered and paged as the page is, and
/// narrowed to the children the caller's role sees), one review, and its moves (book, record, decide) through
/// <see cref="ReviewService"/>, each saved only over the version the caller last read (409 otherwise). A review of a child
/// the caller may not see is not found; only reviewing officers and the staff who assess make the moves. Every child
/// listed and every review read is audited as a view, as the pages audit them.
/// </summary>
public static class ReviewsEndpoints
{
    public static IEndpointRouteBuilder MapReviewsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiGroup("/api/reviews", "Reviews").RequireAuthorization(Policies.CaseStaff);

        api.MapGet("", WorklistAsync)
            .Describe("ListReviews", "List reviews: the reviewing officers' worklist",
                "Open reviews by due day, 50 a page, with the caller's own caseload against the scheme's guide. officer is \"mine\" " +
                "(the default for a reviewing officer), \"none\" (reviews no officer holds), an officer's user id, or \"all\" for " +
                "everyone's (the default for others); kind (Section17_6, RasPackage, Annual); state (Due, Booked, Held, " +
                "Completed; open reviews when left out); when is weeks (the default: due within weeks weeks, overdue included), " +
                "overdue or any; weeks from 1 to 104 (the scheme's default when left out); page from 1. Only the children the " +
                "caller's role sees are listed; each is audited as viewed.")
            .ProducesValidationProblem();

        api.MapGet("/{reviewId:guid}", ReviewAsync)
            .Describe("GetReview", "Read a review",
                "The review's state, booking, the family's views, the record, each plan outcome's progress, the outcome and its " +
                "letter, and version (send it back with a move). planOutcomes are the outcomes of the plan in force, in the order " +
                "a record gives their progress. Audited.")
            .ForRecord(ChildRecordKind.Review, "reviewId");

        api.MapPost("/{reviewId:guid}/booking", BookAsync)
            .Describe("BookReview", "Book a review, or move its booking",
                "date (yyyy-MM-dd, today or within a year), time as the officer writes it (\"10:30am\"), meeting (InPerson or Call), " +
                "place (or the number or link for a call), invited, and version. The family is asked for their views by the scheme's " +
                "working days before. Reviewing officers and the staff who assess; 409 if the review changed since version.")
            .AcceptsJson<ReviewBookingBody>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ForRecord(ChildRecordKind.Review, "reviewId");

        api.MapPost("/{reviewId:guid}/record", RecordAsync)
            .Describe("RecordReview", "Record a review held",
                "heldOn (yyyy-MM-dd), attended, childVoice, progress (one entry for each of planOutcomes, in order: outcome as " +
                "GetReview gives it, progress Achieved, Partly, NotYet or NoLongerWanted, and evidence), whatIsWorking, " +
                "whatIsNotWorking, budgetAlreadyBuys and version. A booked review only (or a held one, to correct it); 409 if " +
                "the review changed since version.")
            .AcceptsJson<ReviewRecordBody>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ForRecord(ChildRecordKind.Review, "reviewId");

        api.MapPost("/{reviewId:guid}/decision", DecideAsync)
            .Describe("DecideReview", "Decide a review's outcome",
                "decision (ContinueAsIs, ChangePlan, StepUp, StepDown, Close), reasons and version, once the review is held. Each " +
                "outcome is carried out through the journey that already exists (the next review scheduled, a step up or down, " +
                "the case closed); the family reads the record and outcome as a letter. 409 if the review changed since version.")
            .AcceptsJson<ReviewDecisionBody>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ForRecord(ChildRecordKind.Review, "reviewId");

        return app;
    }

    public static async Task<Results<Ok<ReviewWorklistPage>, ProblemHttpResult>> WorklistAsync(
        [Description("mine, none, an officer's user id, or all for everyone's.")] string? officer,
        [Description("Section17_6, RasPackage or Annual.")] string? kind,
        [Description("Due, Booked, Held or Completed; open reviews when left out.")] string? state,
        [Description("weeks (the default), overdue or any.")] string? when,
        [Description("With when=weeks: how many weeks ahead, 1 to 104.")] string? weeks,
        [Description("Page number, from 1.")] string? page,
        ClaimsPrincipal user, ReviewWorklist worklist, StaffVisibility visibility, ShortBreaksDbContext db, CancellationToken ct)
    {
        var userId = user.UserId();
        var errors = new List<FieldError>();
        officer ??= user.IsInRole(Roles.ReviewingOfficer) ? "mine" : "all";
        var officerId = officer switch
        {
            "" or "all" => null,
            "mine" => userId,
            "none" => "",
            _ => await worklist.OfficerAsync(officer, ct) is { } known ? known.Id : null,
        };
        if (officerId is null && officer is not ("" or "all" or "mine"))
        {
            errors.Add(new("officer", "Enter mine, none, all or a reviewing officer's user id"));
        }

        var (kindChosen, kindError) = ApiRefusals.Choice<ReviewKind>(kind, "kind");
        var (stateChosen, stateError) = ApiRefusals.Choice<ReviewState>(state, "state");
        ReviewWindow? window = (when ?? "weeks") switch { "weeks" => ReviewWindow.Weeks, "overdue" => ReviewWindow.Overdue, "any" => ReviewWindow.Any, _ => null };
        if (window is null) errors.Add(new("when", "Enter weeks, overdue or any"));
        var weeksAhead = worklist.DefaultWeeks;
        if (!string.IsNullOrEmpty(weeks))
        {
            if (int.TryParse(weeks, NumberStyles.None, CultureInfo.InvariantCulture, out var w) && w is >= 1 and <= 104) weeksAhead = w;
            else errors.Add(new("weeks", "Enter a number of weeks from 1 to 104"));
        }

        var (number, pageError) = ApiRefusals.PageNumber(page);
        errors.AddRange(new[] { kindError, stateError, pageError }.OfType<FieldError>());
        if (errors.Count > 0) return ApiRefusals.Invalid([.. errors]);

        var viewer = await visibility.ForAsync(user, ct);
        var list = await worklist.ListAsync(new ReviewFilter(officerId, kindChosen, stateChosen, window!.Value, weeksAhead), number,
            viewer ?? StaffViewer.SeeingEveryChild(userId ?? ""), ct);
        foreach (var childId in list.Items.Select(i => i.ChildId).Distinct())
            db.RecordView(nameof(Review), "worklist", childId, "shown on the reviews worklist");
        await db.SaveChangesAsync(ct);

        var caseload = userId is null ? null : await worklist.CaseloadAsync(userId, ct);
        var today = worklist.Today;
        return TypedResults.Ok(new ReviewWorklistPage(
            list.Items.Select(i => new ReviewListEntry(i.Id, i.ChildId, i.ChildName, i.ChildReference, i.Kind, ReviewSchedules.Name(i.Kind), i.DueOn,
                i.OverdueOn(today), i.State, i.BookedFor, i.OfficerName, i.ViewsSent)).ToList(),
            list.Total, list.Page, list.PageSize, list.Pages, weeksAhead,
            caseload is null ? null : new ReviewCaseloadSummary(caseload.OpenReviews, caseload.ReviewGuide, caseload.Families, caseload.FamilyGuide)));
    }

    public static async Task<Results<Ok<ReviewDetail>, ProblemHttpResult>> ReviewAsync(
        Guid reviewId, ReviewService reviews, ShortBreaksDbContext db, CancellationToken ct)
    {
        var view = await reviews.FindAsync(reviewId, ct);
        if (view is null) return ReviewNotFound();
        db.RecordView(nameof(Review), reviewId.ToString(), view.Child.Id, "review read by staff");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(Detail(view, reviews));
    }

    public static async Task<Results<Ok<ReviewDetail>, ProblemHttpResult>> BookAsync(
        Guid reviewId, HttpContext http, ReviewService reviews, CancellationToken ct)
    {
        if (!http.ChildAccess().MayChange) return MayNotChange();
        var body = await ApiJson.ReadAsync<ReviewBookingBody>(http);
        if (body.Problem is { } unreadable) return unreadable;
        var b = body.Value!;
        if (b.Version is not { } version) return ApiRefusals.Invalid(VersionMissing);

        var result = await reviews.BookAsync(reviewId, new ReviewBooking(b.Date, b.Time, b.Meeting, b.Place, b.Invited), version, ct);
        return await AnswerAsync(result, reviewId, reviews, ct);
    }

    public static async Task<Results<Ok<ReviewDetail>, ProblemHttpResult>> RecordAsync(
        Guid reviewId, HttpContext http, ReviewService reviews, CancellationToken ct)
    {
        if (!http.ChildAccess().MayChange) return MayNotChange();
        var body = await ApiJson.ReadAsync<ReviewRecordBody>(http);
        if (body.Problem is { } unreadable) return unreadable;
        var b = body.Value!;
        if (b.Version is not { } version) return ApiRefusals.Invalid(VersionMissing);

        // The progress is given for the plan's outcomes as GetReview lists them; a list that does not name them, in that
        // order, is a mistake in what was sent (the service would take it for the plan changing meanwhile).
        var view = await reviews.FindAsync(reviewId, ct);
        if (view is null) return ReviewNotFound();
        var progress = b.Progress ?? [];
        if (progress.Count != view.PlanOutcomes.Count || progress.Where((p, i) => p?.Outcome != view.PlanOutcomes[i]).Any())
        {
            return ApiRefusals.Invalid(new FieldError("progress", view.PlanOutcomes.Count == 0
                ? "The child has no plan outcomes to record progress on: send an empty list"
                : $"Give the progress of each of the plan's {view.PlanOutcomes.Count} outcomes, in the order planOutcomes lists them"));
        }

        var record = new ReviewRecord(b.HeldOn, b.Attended, b.ChildVoice,
            progress.Select(p => new ReviewProgressEntry(p!.Outcome!, p.Progress, p.Evidence)).ToList(),
            b.WhatIsWorking, b.WhatIsNotWorking, b.BudgetAlreadyBuys);
        var result = await reviews.RecordAsync(reviewId, record, version, ct);
        return await AnswerAsync(result, reviewId, reviews, ct);
    }

    public static async Task<Results<Ok<ReviewDetail>, ProblemHttpResult>> DecideAsync(
        Guid reviewId, HttpContext http, ReviewService reviews, CancellationToken ct)
    {
        if (!http.ChildAccess().MayChange) return MayNotChange();
        var body = await ApiJson.ReadAsync<ReviewDecisionBody>(http);
        if (body.Problem is { } unreadable) return unreadable;
        var b = body.Value!;
        if (b.Version is not { } version) return ApiRefusals.Invalid(VersionMissing);

        var result = await reviews.DecideAsync(reviewId, b.Decision, b.Reasons, version, ct);
        return await AnswerAsync(result, reviewId, reviews, ct);
    }

    private static async Task<Results<Ok<ReviewDetail>, ProblemHttpResult>> AnswerAsync(CommandResult result, Guid reviewId, ReviewService reviews, CancellationToken ct)
    {
        if (!result.Succeeded) return ApiRefusals.Refused(result, "review", BodyField);
        var view = await reviews.FindAsync(reviewId, ct);
        return view is null ? ReviewNotFound() : TypedResults.Ok(Detail(view, reviews));
    }

    /// <summary>The service's "Evidence[1]" is the body's "progress[1].evidence"; "Progress[1]" its "progress[1].progress".</summary>
    private static string BodyField(string field) =>
        field.StartsWith("Evidence[", StringComparison.Ordinal) ? "progress" + field["Evidence".Length..] + ".evidence"
        : field.StartsWith("Progress[", StringComparison.Ordinal) ? field + ".progress"
        : field;

    private static readonly FieldError VersionMissing = new("version", "Enter the version of the review you last read");

    private static ProblemHttpResult MayNotChange() =>
        ApiRefusals.NotAllowed("Reviews are booked, recorded and decided by reviewing officers, personalisation officers and team managers.");

    internal static ProblemHttpResult ReviewNotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Review not found", detail: "There is no review with this id that you can see.");

    private static ReviewDetail Detail(ReviewView view, ReviewService reviews)
    {
        var r = view.Review;
        var progress = ReviewProgress.Read(r.ProgressJson).Select(p => new ReviewProgressDetail(p.Outcome, p.Progress, p.Evidence)).ToList();
        return new ReviewDetail(r.Id, r.ChildId, $"{view.Child.FirstName} {view.Child.LastName}", view.Child.Reference, r.Kind, ReviewSchedules.Name(r.Kind),
            r.DueOn, r.DueOn < reviews.Today && r.State != ReviewState.Completed, r.State, r.OfficerName,
            r.BookedFor, r.BookedTime, r.Meeting, r.Place, r.Invited, r.ViewsDueBy,
            r.ChildViews, r.FamilyViews, r.ViewsSentAt,
            r.HeldOn, r.Attended, r.ChildVoice, progress, r.WhatIsWorking, r.WhatIsNotWorking, r.BudgetAlreadyBuys,
            r.Decision, r.DecisionReasons, r.DecidedAt, r.NextReviewDue, r.LetterId,
            view.PlanOutcomes, view.HasPlan, r.Version);
    }
}

/// <summary>A page of the worklist; caseload is the caller's own against the scheme's guide for a reviewing officer.</summary>
public sealed record ReviewWorklistPage(
    IReadOnlyList<ReviewListEntry> Items, int Total, int Page, int PageSize, int Pages, int Weeks, ReviewCaseloadSummary? Caseload);

public sealed record ReviewListEntry(
    Guid Id, Guid ChildId, string ChildName, string ChildReference, ReviewKind Kind, string KindText, DateOnly DueOn, bool Overdue,
    ReviewState State, DateOnly? BookedFor, string? OfficerName, bool ViewsSent);

public sealed record ReviewCaseloadSummary(int OpenReviews, int ReviewGuide, int Families, int FamilyGuide);

public sealed record ReviewProgressDetail(string Outcome, OutcomeProgress Progress, string Evidence);

/// <summary>A review as its page shows it. version is sent back with every move.</summary>
public sealed record ReviewDetail(
    Guid Id, Guid ChildId, string ChildName, string ChildReference, ReviewKind Kind, string KindText, DateOnly DueOn, bool Overdue,
    ReviewState State, string? OfficerName,
    DateOnly? BookedFor, string? BookedTime, ReviewMeeting? Meeting, string? Place, string? Invited, DateOnly? ViewsDueBy,
    string? ChildViews, string? FamilyViews, DateTime? ViewsSentAt,
    DateOnly? HeldOn, string? Attended, string? ChildVoice, IReadOnlyList<ReviewProgressDetail> Progress,
    string? WhatIsWorking, string? WhatIsNotWorking, string? BudgetAlreadyBuys,
    ReviewDecision? Decision, string? DecisionReasons, DateTime? DecidedAt, DateOnly? NextReviewDue, Guid? LetterId,
    IReadOnlyList<string> PlanOutcomes, bool HasPlan, long Version);

/// <summary>A booking: see BookReview.</summary>
public sealed record ReviewBookingBody
{
    public DateOnly? Date { get; init; }
    public string? Time { get; init; }
    public ReviewMeeting? Meeting { get; init; }
    public string? Place { get; init; }
    public string? Invited { get; init; }
    public long? Version { get; init; }
}

/// <summary>The record of a review held: see RecordReview.</summary>
public sealed record ReviewRecordBody
{
    public DateOnly? HeldOn { get; init; }
    [LongText] public string? Attended { get; init; }
    [LongText] public string? ChildVoice { get; init; }
    public IReadOnlyList<ReviewProgressBody?>? Progress { get; init; }
    [LongText] public string? WhatIsWorking { get; init; }
    [LongText] public string? WhatIsNotWorking { get; init; }
    [LongText] public string? BudgetAlreadyBuys { get; init; }
    public long? Version { get; init; }
}

/// <summary>One plan outcome's progress: the outcome as GetReview names it, how far it has come, and the evidence.</summary>
public sealed record ReviewProgressBody(string? Outcome, OutcomeProgress? Progress, string? Evidence);

/// <summary>A review's outcome: see DecideReview.</summary>
public sealed record ReviewDecisionBody
{
    public ReviewDecision? Decision { get; init; }
    [LongText] public string? Reasons { get; init; }
    public long? Version { get; init; }
}
