namespace ShortBreaks.Core.Plans;

public enum PanelItemKind
{
    /// <summary>A child stepping up to Targeted Short Breaks.</summary>
    EntryToTargeted,

    /// <summary>A plan that costs more than the indicative budget.</summary>
    AboveIndicativeBudget,

    /// <summary>A plan whose budget is higher than the one in place.</summary>
    HigherBudget,

    /// <summary>A family asks for a decision (such as a lower budget) to be looked at again.</summary>
    Reconsideration,
}

public enum PanelItemStatus
{
    Awaiting,
    Decided,
    Withdrawn,
}

public enum PanelOutcome
{
    Approved,
    NotApproved,

    /// <summary>The panel wants more before it decides; the item stays on the agenda.</summary>
    Deferred,
}

/// <summary>A case on the panel's agenda, with what the panel decided and why.</summary>
public sealed class PanelItem : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ChildId { get; set; }
    public PanelItemKind Kind { get; set; }
    public PanelItemStatus Status { get; set; }

    /// <summary>The plan version the panel is asked to approve, if any.</summary>
    public Guid? PlanVersionId { get; set; }

    /// <summary>The notice a reconsideration is about, if any.</summary>
    public Guid? BudgetNoticeId { get; set; }

    /// <summary>Why it is on the agenda, in a sentence.</summary>
    public string Summary { get; set; } = "";

    public DateTime AddedAt { get; set; }
    public string AddedByName { get; set; } = "";

    /// <summary>The meeting it is listed for, if set.</summary>
    public DateOnly? MeetingDate { get; set; }

    public PanelOutcome? Outcome { get; set; }
    public string? Reasons { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecidedByName { get; set; }

    /// <summary>Who recorded the panel's decision: a manager who decided about a child goes on seeing them.</summary>
    public string? DecidedByUserId { get; set; }

    public long Version { get; set; }
}

public enum BudgetNoticeStatus
{
    /// <summary>Notice is running: the old package continues.</summary>
    Running,

    /// <summary>The family asked for the decision to be looked at again; the old package continues meanwhile.</summary>
    Reconsidering,

    /// <summary>Reconsidered and the lower budget withdrawn: the old package stays.</summary>
    Withdrawn,

    /// <summary>Reconsidered and not upheld: the lower budget takes effect on the later of its notice date and the panel's decision.</summary>
    Confirmed,
}

/// <summary>
/// Notice that a child's budget will fall: the lower figure takes effect only after the notice period, with a
/// letter giving the reasons and how to ask for reconsideration.
/// </summary>
public sealed class BudgetNotice : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ChildId { get; set; }
    public Guid PlanId { get; set; }

    /// <summary>The version in force when notice was given, and the lower one that follows it.</summary>
    public int FromNumber { get; set; }
    public int ToNumber { get; set; }

    public decimal CurrentAnnualAmount { get; set; }
    public decimal NewAnnualAmount { get; set; }
    public string Reasons { get; set; } = "";
    public DateTime GivenAt { get; set; }
    public string GivenByName { get; set; } = "";
    /// <summary>
    /// The day the lower budget takes effect (<see cref="NoticeDates"/>); while a reconsideration is open it is the
    /// earliest it could, and the panel's decision may move it later.
    /// </summary>
    public DateOnly TakesEffectOn { get; set; }
    public Guid? LetterId { get; set; }
    public BudgetNoticeStatus Status { get; set; }
    public DateTime? ReconsiderationRequestedAt { get; set; }

    public long Version { get; set; }
}
