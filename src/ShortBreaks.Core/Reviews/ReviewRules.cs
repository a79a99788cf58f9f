using ShortBreaks.Core.Plans;
using ShortBreaks.Core.Text;

namespace ShortBreaks.Core.Reviews;

/// <summary>What an officer enters to book a review.</summary>
public sealed record ReviewBooking(DateOnly? Date, string? Time, ReviewMeeting? Meeting, string? Place, string? Invited);

/// <summary>What an officer records of a review held: one progress row for each outcome of the plan in force.</summary>
public sealed record ReviewRecord(
    DateOnly? HeldOn, string? Attended, string? ChildVoice, IReadOnlyList<ReviewProgressEntry> Progress,
    string? WhatIsWorking, string? WhatIsNotWorking, string? BudgetAlreadyBuys);

/// <summary>One plan outcome's progress as entered: null where nothing was chosen.</summary>
public sealed record ReviewProgressEntry(string Outcome, OutcomeProgress? Progress, string? Evidence);

/// <summary>
/// The rules of a review (pure): which move is allowed from which state, what a booking, a record, the family's views
/// and an outcome must hold, and which outcomes fit the child's tier. The pages and the API refuse the same things
/// with the same words because they all come through here.
/// </summary>
public static class ReviewRules
{
    public static readonly IReadOnlyList<ReviewState> Open = [ReviewState.Due, ReviewState.Booked, ReviewState.Held];

    public static string Name(ReviewState state) => state switch
    {
        ReviewState.Due => "Due",
        ReviewState.Booked => "Booked",
        ReviewState.Held => "Held, outcome to decide",
        _ => "Completed",
    };

    public static string Name(ReviewDecision decision) => decision switch
    {
        ReviewDecision.ContinueAsIs => "Continue as it is",
        ReviewDecision.ChangePlan => "Change the plan",
        ReviewDecision.StepUp => "Step up",
        ReviewDecision.StepDown => "Step down",
        _ => "Close",
    };

    public static string Name(OutcomeProgress progress) => progress switch
    {
        OutcomeProgress.Achieved => "Achieved",
        OutcomeProgress.Partly => "Partly achieved",
        OutcomeProgress.NotYet => "Not yet achieved",
        _ => "No longer wanted",
    };

    public static string Name(ReviewMeeting meeting) => meeting == ReviewMeeting.Call ? "By phone or video call" : "In person";

    /// <summary>Why a review in <paramref name="state"/> cannot be booked, or null.</summary>
    public static string? BookingRefusal(ReviewState state) => state is ReviewState.Due or ReviewState.Booked
        ? null
        : "This review has been held: it cannot be booked again.";

    public static string? ViewsRefusal(ReviewState state) => state == ReviewState.Booked
        ? null
        : state == ReviewState.Due ? "The review is not booked yet: your views are asked for once it is." : "The review has been held: views can no longer be sent.";

    public static string? RecordRefusal(ReviewState state) => state is ReviewState.Booked or ReviewState.Held
        ? null
        : state == ReviewState.Due ? "Book the review before recording it." : "The review's outcome is decided: the record cannot be changed.";

    public static string? DecisionRefusal(ReviewState state) => state == ReviewState.Held
        ? null
        : state == ReviewState.Completed ? "The review's outcome is already decided." : "Record the review before deciding its outcome.";

    /// <summary>The outcomes open to a child on <paramref name="tier"/>, with or without a plan.</summary>
    public static IReadOnlyList<ReviewDecision> DecisionsFor(Tier tier, bool hasPlan) =>
        Enum.GetValues<ReviewDecision>().Where(d => DecisionRefusal(tier, hasPlan, d) is null).ToList();

    /// <summary>Why <paramref name="decision"/> does not fit a child on <paramref name="tier"/>, or null.</summary>
    public static string? DecisionRefusal(Tier tier, bool hasPlan, ReviewDecision decision) => (tier, decision) switch
    {
        (Tier.FlexibleShortBreaks or Tier.TargetedShortBreaks, ReviewDecision.ContinueAsIs or ReviewDecision.Close) => null,
        (Tier.TargetedShortBreaks, ReviewDecision.ChangePlan) when hasPlan => null,
        (_, ReviewDecision.ChangePlan) => "Only a child with a support plan can have it changed: a child on Flexible Short Breaks has their package changed, or steps up.",
        (Tier.FlexibleShortBreaks or Tier.TargetedShortBreaks, ReviewDecision.StepUp) => null,
        (Tier.TargetedShortBreaks, ReviewDecision.StepDown) => null,
        (_, ReviewDecision.StepDown) => "Only a child on Targeted Short Breaks can step down: for a child on Flexible Short Breaks, close the case instead.",
        _ => $"The child is on {Tiers.Name(tier)}: reviews are for children on Flexible or Targeted Short Breaks.",
    };

    /// <summary>What the outcome leads to, in a sentence for the officer and the letter.</summary>
    public static string WhatHappensNext(Tier tier, ReviewDecision decision, DateOnly? nextReview) => (tier, decision) switch
    {
        (_, ReviewDecision.ContinueAsIs) => $"The support carries on as it is. The next review is due by {Day(nextReview!.Value)}.",
        (_, ReviewDecision.ChangePlan) => "The support plan will be changed: a new RAS assessment and a new version of the plan follow, agreed with you, and approved by a manager or the panel where the rules say so. A lower budget takes effect only after notice.",
        (Tier.FlexibleShortBreaks, ReviewDecision.StepUp) => "The child steps up to Targeted Short Breaks: a RAS assessment and a support plan follow, and the move is made when the plan is approved.",
        (_, ReviewDecision.StepUp) => "The child steps up to specialist social care, who will be in touch.",
        (_, ReviewDecision.StepDown) => "The child steps down to Flexible Short Breaks: the support plan ends, and Flexible Short Breaks carry on.",
        _ => "The short breaks service ends for the child and the case is closed.",
    };

    public static List<FieldError> Check(ReviewBooking booking, DateOnly today)
    {
        var errors = new List<FieldError>();
        if (booking.Date is not { } date) errors.Add(new("Date", "Enter the date of the review"));
        else if (date < today) errors.Add(new("Date", "The date of the review must be today or in the future"));
        else if (date > today.AddYears(1)) errors.Add(new("Date", "The date of the review must be within a year"));
        Text(errors, "Time", booking.Time, "Enter the time of the review", 20);
        if (booking.Meeting is null) errors.Add(new("Meeting", "Choose whether the review is in person or a call"));
        Text(errors, "Place", booking.Place, booking.Meeting == ReviewMeeting.Call ? "Enter the phone number or link for the call" : "Enter where the review is held", Review.ShortTextMaxLength);
        Text(errors, "Invited", booking.Invited, "Enter who is invited", Review.TextMaxLength);
        return errors;
    }

    public static List<FieldError> CheckViews(string? childViews, string? familyViews)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(childViews) && string.IsNullOrWhiteSpace(familyViews))
            errors.Add(new("ChildViews", "Enter the child's views, the family's views, or both"));
        Length(errors, "ChildViews", childViews, "The child's views");
        Length(errors, "FamilyViews", familyViews, "The family's views");
        return errors;
    }

    /// <param name="bookedFor">The day it was booked for: a review is not recorded as held before it was booked to be.</param>
    public static List<FieldError> Check(ReviewRecord record, DateOnly today, DateOnly? bookedFor)
    {
        var errors = new List<FieldError>();
        if (record.HeldOn is not { } held) errors.Add(new("HeldOn", "Enter the date the review was held"));
        else if (held > today) errors.Add(new("HeldOn", "The date the review was held must be today or in the past"));
        else if (bookedFor is { } booked && held < booked.AddMonths(-1)) errors.Add(new("HeldOn", $"The review was booked for {Day(booked)}: enter the day it was held"));
        Text(errors, "Attended", record.Attended, "Enter who attended", Review.TextMaxLength);
        Text(errors, "ChildVoice", record.ChildVoice, "Enter what the child said or showed about their short breaks", Review.TextMaxLength);
        for (var i = 0; i < record.Progress.Count; i++)
        {
            var row = record.Progress[i];
            if (row.Progress is null) errors.Add(new($"Progress[{i}]", $"Choose how far outcome {i + 1} has come"));
            Text(errors, $"Evidence[{i}]", row.Evidence, $"Enter the evidence for outcome {i + 1}", Review.TextMaxLength);
        }

        Text(errors, "WhatIsWorking", record.WhatIsWorking, "Enter what is working", Review.TextMaxLength);
        Text(errors, "WhatIsNotWorking", record.WhatIsNotWorking, "Enter what is not working", Review.TextMaxLength);
        Text(errors, "BudgetAlreadyBuys", record.BudgetAlreadyBuys, "Enter what the current budget already buys", Review.TextMaxLength);
        return errors;
    }

    public static List<FieldError> CheckDecision(ReviewDecision? decision, string? reasons)
    {
        var errors = new List<FieldError>();
        if (decision is null) errors.Add(new("Decision", "Choose the outcome of the review"));
        Text(errors, "Reasons", reasons, "Enter the reasons for the outcome", Review.TextMaxLength);
        return errors;
    }

    public static string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    private static void Text(List<FieldError> errors, string field, string? text, string missing, int max)
    {
        if (string.IsNullOrWhiteSpace(text)) errors.Add(new(field, missing));
        else if (text.Length > max) errors.Add(new(field, $"This must be {max} characters or fewer"));
        else if (!PlainText.IsAcceptable(text, longText: true)) errors.Add(new(field, $"This {PlainText.Refusal}"));
    }

    private static void Length(List<FieldError> errors, string field, string? text, string what)
    {
        if (text is null) return;
        if (text.Length > Review.TextMaxLength) errors.Add(new(field, $"{what} must be {Review.TextMaxLength} characters or fewer"));
        else if (!PlainText.IsAcceptable(text, longText: true)) errors.Add(new(field, PlainText.Message(what)));
    }
}
