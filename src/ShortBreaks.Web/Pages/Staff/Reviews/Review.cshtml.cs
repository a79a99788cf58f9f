using ShortBreaks.Core.Reviews;

namespace ShortBreaks.Web.Pages.Staff.Reviews;

/// <summary>
/// One review for the reviewing officer: book it (date, time, in person or a call, where, who is invited; the family is
/// asked for their views), record it once held (who attended, the child's voice, each plan outcome's progress with
/// evidence, what is working and what is not, what the budget already buys), and decide its one outcome. Every move is
/// checked by <see cref="ReviewService"/>; of two people saving at once, the second is told and keeps what they typed.
/// </summary>
[ChildAccess(ChildRecordKind.Review, "reviewId")]
public sealed class ReviewModel(ShortBreaksDbContext db, ReviewService reviews) : GovukPageModel
{
    [BindProperty(SupportsGet = true)] public Guid ReviewId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }
    [BindProperty] public long? SeenVersion { get; set; }

    [BindProperty(Name = "Date")] public DateBoxes Date { get; set; } = new();
    [BindProperty] public string? Time { get; set; }
    [BindProperty] public string? Meeting { get; set; }
    [BindProperty] public string? Place { get; set; }
    [BindProperty] public string? Invited { get; set; }

    [BindProperty(Name = "HeldOn")] public DateBoxes HeldOn { get; set; } = new();
    [BindProperty] public string? Attended { get; set; }
    [BindProperty] public string? ChildVoice { get; set; }
    [BindProperty] public List<string?> Progress { get; set; } = [];
    [BindProperty] public List<string?> Evidence { get; set; } = [];
    [BindProperty] public string? WhatIsWorking { get; set; }
    [BindProperty] public string? WhatIsNotWorking { get; set; }
    [BindProperty] public string? BudgetAlreadyBuys { get; set; }

    [BindProperty] public string? Decision { get; set; }
    [BindProperty] public string? Reasons { get; set; }

    public ReviewView View { get; private set; } = null!;
    public bool MayChange => HttpContext.ChildAccess().MayChange;
    public DateOnly Today => reviews.Today;

    /// <summary>When the next review would be due if this one keeps things as they are.</summary>
    public DateOnly NextIfContinued => reviews.NextAfter(View.Review, View.Child).NextDue;

    public override string Title => $"{ReviewSchedules.Name(View.Review.Kind)} due by {ReviewRules.Day(View.Review.DueOn)}";

    public string? DoneText => Done switch
    {
        "booked" => $"The review is booked. {View.Child.FirstName}'s family is asked for their views by {ReviewRules.Day(View.Review.ViewsDueBy!.Value)}.",
        "recorded" => "The review is recorded. Decide its outcome below.",
        "decided" => "The outcome is recorded, and the family can read the record and outcome as a letter in their account.",
        _ => null,
    };

    public string? DateError(string id) =>
        ErrorFor(DateInput.Key(id, DateInput.DayPart)) ?? ErrorFor(DateInput.Key(id, DateInput.MonthPart)) ?? ErrorFor(DateInput.Key(id, DateInput.YearPart));

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync(view: true)) return NotFound();
        var review = View.Review;
        SeenVersion = review.Version;
        Date = DateBoxes.Of(review.BookedFor);
        (Time, Meeting, Place, Invited) = (review.BookedTime, review.Meeting?.ToString(), review.Place, review.Invited);
        HeldOn = DateBoxes.Of(review.HeldOn ?? (review.State == ReviewState.Booked && review.BookedFor <= reviews.Today ? review.BookedFor : null));
        (Attended, ChildVoice, WhatIsWorking, WhatIsNotWorking, BudgetAlreadyBuys) =
            (review.Attended, review.ChildVoice, review.WhatIsWorking, review.WhatIsNotWorking, review.BudgetAlreadyBuys);
        var recorded = ReviewProgress.Read(review.ProgressJson);
        Progress = [.. View.PlanOutcomes.Select(o => recorded.FirstOrDefault(r => r.Outcome == o)?.Progress.ToString())];
        Evidence = [.. View.PlanOutcomes.Select(o => recorded.FirstOrDefault(r => r.Outcome == o)?.Evidence)];
        return Page();
    }

    public Task<IActionResult> OnPostBookAsync() => PostAsync("booked", async seen =>
    {
        var (date, dateError) = Date.Read("Date", "The date of the review");
        var booking = new ReviewBooking(date, Time, ParseMeeting(), Place, Invited);
        var errors = ReviewRules.Check(booking, reviews.Today);
        if (dateError is not null)
        {
            errors.RemoveAll(e => e.Field == "Date");
            errors.Insert(0, dateError);
        }

        if (errors.Count > 0) return Date.KeyRuleErrors(errors, "Date");
        var result = await reviews.BookAsync(ReviewId, booking, seen, HttpContext.RequestAborted);
        return result.Succeeded ? [] : Date.KeyRuleErrors(result.Errors, "Date");
    });

    public Task<IActionResult> OnPostRecordAsync() => PostAsync("recorded", async seen =>
    {
        var (held, heldError) = HeldOn.Read("HeldOn", "The date the review was held");
        var progress = View.PlanOutcomes.Select((o, i) => new ReviewProgressEntry(o, ParseProgress(At(Progress, i)), At(Evidence, i))).ToList();
        var record = new ReviewRecord(held, Attended, ChildVoice, progress, WhatIsWorking, WhatIsNotWorking, BudgetAlreadyBuys);
        var errors = ReviewRules.Check(record, reviews.Today, View.Review.BookedFor);
        if (heldError is not null)
        {
            errors.RemoveAll(e => e.Field == "HeldOn");
            errors.Insert(0, heldError);
        }

        if (errors.Count > 0) return HeldOn.KeyRuleErrors(errors, "HeldOn");
        var result = await reviews.RecordAsync(ReviewId, record, seen, HttpContext.RequestAborted);
        return result.Succeeded ? [] : HeldOn.KeyRuleErrors(result.Errors, "HeldOn");
    });

    public Task<IActionResult> OnPostDecideAsync() => PostAsync("decided", async seen =>
    {
        ReviewDecision? decision = Enum.TryParse<ReviewDecision>(Decision, out var d) && Enum.IsDefined(d) && !int.TryParse(Decision, out _) ? d : null;
        var result = await reviews.DecideAsync(ReviewId, decision, Reasons, seen, HttpContext.RequestAborted);
        return [.. result.Errors];
    });

    private async Task<IActionResult> PostAsync(string done, Func<long, Task<List<FieldError>>> act)
    {
        ClearBindingErrors();
        if (!await LoadAsync(view: false)) return NotFound();
        if (!MayChange) return Forbid();
        List<FieldError> errors = [new("", FormVersion.Missing)];
        if (SeenVersion is { } seen)
        {
            errors = await act(seen);
            if (errors.Count == 0) return Redirect(Links.StaffReview(ReviewId, done));
        }

        return await RefusedAsync(errors, () => LoadAsync(view: false));
    }

    private ReviewMeeting? ParseMeeting() => Meeting switch { nameof(ReviewMeeting.InPerson) => ReviewMeeting.InPerson, nameof(ReviewMeeting.Call) => ReviewMeeting.Call, _ => null };

    private static OutcomeProgress? ParseProgress(string? text) =>
        Enum.TryParse<OutcomeProgress>(text, out var p) && Enum.IsDefined(p) && !int.TryParse(text, out _) ? p : null;

    private static string? At(List<string?> values, int i) => i < values.Count ? values[i] : null;

    private async Task<bool> LoadAsync(bool view)
    {
        var ct = HttpContext.RequestAborted;
        var found = await reviews.FindAsync(ReviewId, ct);
        if (found is null) return false;
        View = found;
        if (view)
        {
            db.RecordView(nameof(Review), ReviewId.ToString(), found.Child.Id, "review read by staff");
            await db.SaveChangesAsync(ct);
        }

        return true;
    }
}
