using ShortBreaks.Core.Plans;

namespace ShortBreaks.Core.Reviews;

/// <summary>Where a review stands. Every move is checked by <see cref="ReviewRules"/>; Completed is final.</summary>
public enum ReviewState
{
    /// <summary>Falling due (made by the daily scan): not yet booked.</summary>
    Due,

    /// <summary>A date, a place or call and who is invited are set; the family is asked for their views.</summary>
    Booked,

    /// <summary>Held and recorded: waiting for its outcome.</summary>
    Held,

    /// <summary>The outcome is decided and the family has the record as a letter.</summary>
    Completed,
}

/// <summary>How the review meeting is held.</summary>
public enum ReviewMeeting
{
    InPerson,
    Call,
}

/// <summary>How far a plan outcome has come, as the review found it.</summary>
public enum OutcomeProgress
{
    Achieved,
    Partly,
    NotYet,
    NoLongerWanted,
}

/// <summary>What the review decided, each carried out through the journey that already exists for it.</summary>
public enum ReviewDecision
{
    /// <summary>The plan or package carries on as it is; the next review is scheduled.</summary>
    ContinueAsIs,

    /// <summary>A new RAS assessment and a new plan version, with the panel and notice rules as for any change.</summary>
    ChangePlan,

    /// <summary>To Targeted Short Breaks (through a RAS and a plan) or to social care.</summary>
    StepUp,

    /// <summary>From Targeted to Flexible Short Breaks.</summary>
    StepDown,

    /// <summary>The service ends for the child and the case is closed.</summary>
    Close,
}

/// <summary>
/// One review of a child on Flexible or Targeted Short Breaks, due by the schedule of the plan or package in force
/// (<see cref="ReviewSchedules"/>): booked, held and recorded, and ended in one outcome. One per child and due day
/// (a unique key), so the daily scan on two nodes makes it once. Two people editing it: the second is told.
/// </summary>
public sealed class Review : IVersioned
{
    public const int TextMaxLength = RequestRules.TextMaxLength;
    public const int ShortTextMaxLength = 300;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ChildId { get; set; }

    /// <summary>The plan reviewed, when the child has one; a child on Flexible Short Breaks is reviewed on their package.</summary>
    public Guid? PlanId { get; set; }

    public ReviewKind Kind { get; set; }
    public DateOnly DueOn { get; set; }
    public ReviewState State { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>The reviewing officer who holds it: the child's key worker when made, or whoever books it.</summary>
    public string? OfficerId { get; set; }
    public string? OfficerName { get; set; }

    // Booking.
    public DateOnly? BookedFor { get; set; }

    /// <summary>The time of day, as the officer wrote it ("10:30am").</summary>
    public string? BookedTime { get; set; }
    public ReviewMeeting? Meeting { get; set; }

    /// <summary>Where it is held, or the number or link for a call.</summary>
    public string? Place { get; set; }

    /// <summary>Who is invited, in the officer's words.</summary>
    public string? Invited { get; set; }
    public DateTime? BookedAt { get; set; }
    public string? BookedByName { get; set; }

    /// <summary>The day the family's views are asked back by (working days before the review).</summary>
    public DateOnly? ViewsDueBy { get; set; }

    // The family's views, sent from their account (or taken by the officer).
    public string? ChildViews { get; set; }
    public string? FamilyViews { get; set; }
    public DateTime? ViewsSentAt { get; set; }
    public string? ViewsSentByName { get; set; }

    // The record of the review held.
    public DateOnly? HeldOn { get; set; }
    public string? Attended { get; set; }
    public string? ChildVoice { get; set; }
    public string? WhatIsWorking { get; set; }
    public string? WhatIsNotWorking { get; set; }

    /// <summary>What the current budget already buys (Case Study A: use it differently before more is considered).</summary>
    public string? BudgetAlreadyBuys { get; set; }
    public DateTime? RecordedAt { get; set; }
    public string? RecordedByName { get; set; }

    /// <summary>Each plan outcome's progress with its evidence, as JSON (<see cref="ReviewProgress"/>).</summary>
    public string ProgressJson { get; set; } = "[]";

    // The outcome.
    public ReviewDecision? Decision { get; set; }
    public string? DecisionReasons { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecidedByName { get; set; }

    /// <summary>Who decided the outcome, so an appeal of it goes to a manager who did not.</summary>
    public string? DecidedByUserId { get; set; }

    /// <summary>
    /// The RAS assessment a change of plan or a step up to Targeted Short Breaks goes on with (started by the decision, or
    /// the child's assessment already being filled in), so the review links to where the work carries on.
    /// </summary>
    public Guid? RasAssessmentId { get; set; }

    /// <summary>When the outcome keeps things as they are: the next review's day.</summary>
    public DateOnly? NextReviewDue { get; set; }

    /// <summary>The letter the family reads the record and outcome in.</summary>
    public Guid? LetterId { get; set; }

    public long Version { get; set; }
}

/// <summary>One plan outcome's progress at a review: what it was, how far it has come, and the evidence.</summary>
public sealed record ReviewProgress(string Outcome, OutcomeProgress Progress, string Evidence)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static string Write(IReadOnlyList<ReviewProgress> progress) => JsonSerializer.Serialize(progress, Options);

    public static IReadOnlyList<ReviewProgress> Read(string json) =>
        string.IsNullOrWhiteSpace(json) ? [] : JsonSerializer.Deserialize<List<ReviewProgress>>(json, Options) ?? [];
}
