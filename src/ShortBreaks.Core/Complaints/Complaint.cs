namespace ShortBreaks.Core.Complaints;

/// <summary>What a family raises: a complaint (the statutory stages), a compliment (recorded and thanked), or an appeal of a decision.</summary>
public enum ComplaintKind
{
    Complaint,
    Compliment,
    Appeal,
}

/// <summary>
/// What a complaint, compliment or appeal is about. Stored by name, so a new subject is a new member, never a change to
/// stored rows. The decisions (every member from
/// <see cref="EligibilityDecision"/> on) are what an appeal may be about.
/// </summary>
public enum ComplaintSubject
{
    /// <summary>The service in general: how the family was treated, delays, communication.</summary>
    Service,

    /// <summary>A named member of staff: never shown to that person.</summary>
    Worker,

    /// <summary>A threshold (eligibility) decision on a request.</summary>
    EligibilityDecision,

    /// <summary>A budget: the amount of an approved plan version.</summary>
    Budget,

    /// <summary>A support plan version that was not approved.</summary>
    PlanNotApproved,

    /// <summary>The outcome of a completed review, named by <see cref="Complaint.SubjectRecordId"/>.</summary>
    ReviewOutcome,
}

/// <summary>Who raised it.</summary>
public enum ComplaintMadeBy
{
    ParentCarer,
    YoungPerson,
}

/// <summary>How it reached the council: from the family's account, or by phone to an officer who recorded it.</summary>
public enum ComplaintChannel
{
    Online,
    Phone,
}

/// <summary>The stages of the statutory procedure, and the one stage of an appeal.</summary>
public enum ComplaintStageKind
{
    /// <summary>Stage 1: local resolution by the team.</summary>
    LocalResolution = 1,

    /// <summary>Stage 2: an investigation.</summary>
    Investigation = 2,

    /// <summary>Stage 3: a review panel, its report and the council's response.</summary>
    ReviewPanel = 3,

    /// <summary>An appeal heard by a manager or the panel who did not make the decision.</summary>
    Appeal = 10,
}

/// <summary>The finding of a stage (for an appeal: upheld means the decision is changed).</summary>
public enum ComplaintOutcome
{
    Upheld,
    PartlyUpheld,
    NotUpheld,
    Withdrawn,

    /// <summary>A compliment, passed on and thanked.</summary>
    Noted,
}

/// <summary>
/// A complaint, compliment or appeal about a child's service. Seen only by its handlers (the owners of its stages) and
/// team managers and administrators, never by a worker it names, and by the family linked to the child
/// (<see cref="ComplaintAccess"/>). The row's <see cref="Version"/> guards the whole case: every change to a stage saves
/// the complaint too, so two handlers working on one stage cannot both save.
/// </summary>
public sealed class Complaint : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ChildId { get; set; }
    public ComplaintKind Kind { get; set; }
    public ComplaintSubject Subject { get; set; }

    /// <summary>
    /// The decision appealed (a request decision, a plan version, a completed review), or the completed review a complaint
    /// about a review outcome is about (<see cref="ComplaintRules.NamesRecord"/>).
    /// </summary>
    public Guid? SubjectRecordId { get; set; }

    /// <summary>The member of staff it names: they never see it.</summary>
    public string? SubjectWorkerUserId { get; set; }

    public string? SubjectWorkerName { get; set; }

    /// <summary>Who made the decision appealed (kept so the appeal goes to someone else), as user ids separated by spaces.</summary>
    public string? DecisionMakerUserIds { get; set; }

    public ComplaintMadeBy MadeBy { get; set; }
    public ComplaintChannel Channel { get; set; }

    /// <summary>The family account that made it online, or the officer who took it by phone.</summary>
    public string? MadeByUserId { get; set; }

    public string MadeByName { get; set; } = "";

    /// <summary>The UK day it was received: stage 1's clock starts here.</summary>
    public DateOnly ReceivedOn { get; set; }

    /// <summary>When the matter complained of happened, as the family says.</summary>
    public DateOnly? MatterAroseOn { get; set; }

    /// <summary>Made more than the scheme's months after the matter: flagged for the manager to decide whether to consider it.</summary>
    public bool Late { get; set; }

    public string Summary { get; set; } = "";
    public string? OutcomeWanted { get; set; }

    /// <summary>The stage open now (or the last one, once closed).</summary>
    public ComplaintStageKind? CurrentStage { get; set; }

    /// <summary>The open stage's due date, kept here so the managers' list is one indexed query.</summary>
    public DateOnly? CurrentDueOn { get; set; }

    /// <summary>Whether the family may still ask for the next stage (the last stage answered and not final).</summary>
    public bool Open { get; set; }

    /// <summary>The last stage's finding, once answered.</summary>
    public ComplaintOutcome? Outcome { get; set; }

    public string SchemeVersion { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? ClosedAt { get; set; }

    /// <summary>Moved by every change to the case or a stage, so the case's <see cref="Version"/> guards its stages too.</summary>
    public DateTime ChangedAt { get; set; }

    public long Version { get; set; }

    public List<ComplaintStage> Stages { get; set; } = [];
}

/// <summary>One stage of a complaint or an appeal: its owner, its due date and the latest it may be extended to, and its answer.</summary>
public sealed class ComplaintStage
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ComplaintId { get; set; }
    public Guid ChildId { get; set; }
    public ComplaintStageKind Kind { get; set; }

    /// <summary>Who handles it; unassigned until a manager gives it to someone.</summary>
    public string? OwnerUserId { get; set; }

    public string? OwnerName { get; set; }

    public DateOnly StartedOn { get; set; }
    public DateOnly DueOn { get; set; }

    /// <summary>No extension may go past this day (the scheme's maximum from <see cref="StartedOn"/>).</summary>
    public DateOnly LatestDueOn { get; set; }

    /// <summary>Stage 3: the day the review panel sat (the report's clock starts).</summary>
    public DateOnly? PanelHeldOn { get; set; }

    /// <summary>Stage 3: the day the panel's report was received (the council's response clock starts).</summary>
    public DateOnly? PanelReportOn { get; set; }

    public DateOnly? RespondedOn { get; set; }
    public DateTime? RespondedAt { get; set; }
    public ComplaintOutcome? Outcome { get; set; }
    public string? Response { get; set; }
    public string? RespondedByName { get; set; }
    public Guid? LetterId { get; set; }

    /// <summary>The day the daily scan first found it overdue (cleared by an extension), so it is told once.</summary>
    public DateOnly? OverdueFoundOn { get; set; }

    /// <summary>The scan run that found it overdue: two nodes' scans mark different rows.</summary>
    public string? OverdueFoundBy { get; set; }

    public List<ComplaintExtension> Extensions { get; set; } = [];
}

/// <summary>A stage's due date moved later, with the reason (never past the stage's latest day).</summary>
public sealed class ComplaintExtension
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid StageId { get; set; }
    public Guid ChildId { get; set; }
    public DateOnly FromDueOn { get; set; }
    public DateOnly ToDueOn { get; set; }
    public string Reason { get; set; } = "";
    public DateTime At { get; set; }
    public string? ByUserId { get; set; }
    public string ByName { get; set; } = "";
}
