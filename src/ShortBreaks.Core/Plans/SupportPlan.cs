namespace ShortBreaks.Core.Plans;

/// <summary>
/// A child's person centred support plan: a living document the family owns. Every change makes a new
/// <see cref="PlanVersion"/>; earlier versions stay readable. The plan row carries the concurrency version, so of
/// two people changing the same version, one wins and the other is told.
/// </summary>
public sealed class SupportPlan : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ChildId { get; set; }
    public DateTime CreatedAt { get; set; }
    public string CreatedByName { get; set; } = "";

    /// <summary>The number of the newest version.</summary>
    public int LatestNumber { get; set; }

    /// <summary>
    /// The number of the newest approved version. It is in force from its <see cref="PlanVersion.EffectiveFrom"/>: a
    /// lower budget waits for its notice period, and the version before stays in force until then.
    /// </summary>
    public int? ApprovedNumber { get; set; }

    /// <summary>Set when the plan has ended (closure, transfer to adult services, a step to another tier).</summary>
    public DateTime? EndedAt { get; set; }

    /// <summary>The move the first approval makes (a step up, or a step down from social care), if any.</summary>
    public TierMove? PendingMove { get; set; }

    /// <summary>When the plan is next reviewed, and why on that schedule.</summary>
    public DateOnly? NextReviewDue { get; set; }
    public string? ReviewSchedule { get; set; }

    /// <summary>Which kind of review is next (section 17(6), RAS package or annual), so a review falling due is made as that kind.</summary>
    public ReviewKind NextReviewKind { get; set; } = ReviewKind.Annual;

    public long Version { get; set; }
}

public enum PlanVersionStatus
{
    /// <summary>Being written; not yet agreed by both the family and the officer.</summary>
    Draft,

    /// <summary>Agreed by both; waiting for a manager or the panel.</summary>
    AwaitingApproval,

    /// <summary>In force (or was, until a later version replaced it).</summary>
    Approved,

    /// <summary>The manager or panel did not approve it.</summary>
    NotApproved,

    /// <summary>A later version was made before this one was approved.</summary>
    Superseded,
}

public enum PlanApprovalRoute
{
    /// <summary>The scheme needs no approval beyond the family and the officer.</summary>
    None,
    Manager,
    Panel,
}

public enum OutcomeTerm
{
    Short,
    Medium,
    Long,
}

/// <summary>One version of a plan, exactly as it stood. Content never changes once saved; only agreement and approval are added.</summary>
public sealed class PlanVersion
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PlanId { get; set; }
    public Guid ChildId { get; set; }
    public int Number { get; set; }
    public PlanVersionStatus Status { get; set; }

    /// <summary>What changed from the version before, in the words of the person who changed it.</summary>
    public string ChangeSummary { get; set; } = "";

    // All about me.
    public string? WhatMattersToMe { get; set; }
    public string? HowBestToSupportMe { get; set; }
    public string? MyCommunication { get; set; }

    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }

    /// <summary>The RAS assessment the indicative budget comes from, if any (a plan carried over from social care may have none).</summary>
    public Guid? RasAssessmentId { get; set; }
    public decimal? IndicativeBudget { get; set; }

    /// <summary>The plan's cost a year and over its period, worked out by <see cref="PlanCosting"/> when the version was saved.</summary>
    public decimal AnnualCost { get; set; }
    public decimal PeriodCost { get; set; }

    /// <summary>Why the version exists when it is not a change of content: for example "Carried over from social care".</summary>
    public string? Origin { get; set; }

    public DateTime CreatedAt { get; set; }
    public string CreatedByUserId { get; set; } = "";
    public string CreatedByName { get; set; } = "";

    public DateTime? FamilyAgreedAt { get; set; }
    public string? FamilyAgreedByName { get; set; }
    public DateTime? OfficerAgreedAt { get; set; }
    public string? OfficerAgreedByName { get; set; }

    public PlanApprovalRoute ApprovalRoute { get; set; }

    /// <summary>Why this route: "Entry to Targeted Short Breaks", "Costs £240 a year more than the indicative budget".</summary>
    public string? ApprovalReason { get; set; }

    public DateTime? DecidedAt { get; set; }
    public string? DecidedByName { get; set; }
    public string? DecisionReasons { get; set; }

    /// <summary>Once approved: the day it takes effect (later than approval when the budget falls and notice must run).</summary>
    public DateOnly? EffectiveFrom { get; set; }

    public List<PlanOutcome> Outcomes { get; set; } = [];
    public List<PlanSupportLine> Lines { get; set; } = [];
    public List<PlanOnCost> OnCosts { get; set; } = [];
}

/// <summary>What the child and family want to achieve, by when, and how everyone will know.</summary>
public sealed class PlanOutcome
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PlanVersionId { get; set; }
    public int Order { get; set; }
    public string What { get; set; } = "";
    public OutcomeTerm Term { get; set; }
    public DateOnly? ByWhen { get; set; }
    public string HowWeWillKnow { get; set; } = "";
}

public sealed class PlanSupportLine
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PlanVersionId { get; set; }
    public int Order { get; set; }
    public string Description { get; set; } = "";
    public SupportType Type { get; set; }
    public decimal Quantity { get; set; }
    public SupportFrequency Frequency { get; set; }
    public decimal UnitCost { get; set; }
    public PaymentRoute Route { get; set; }
    public string? RateName { get; set; }
    public Guid? ProviderId { get; set; }
    public string? ProvidedBy { get; set; }

    public SupportLine ToLine() => new()
    {
        Description = Description,
        Type = Type,
        Quantity = Quantity,
        Frequency = Frequency,
        UnitCost = UnitCost,
        Route = Route,
        RateName = RateName,
        ProvidedBy = ProvidedBy,
        ProviderId = ProviderId,
    };
}

public sealed class PlanOnCost
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PlanVersionId { get; set; }
    public int Order { get; set; }
    public string Description { get; set; } = "";
    public decimal MonthlyAmount { get; set; }
    public PaymentRoute Route { get; set; }

    public OnCost ToOnCost() => new() { Description = Description, MonthlyAmount = MonthlyAmount, Route = Route };
}

/// <summary>A change of a child's tier, by a named move, with who, when and why.</summary>
public sealed class TierChange
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ChildId { get; set; }
    public TierMove Move { get; set; }
    public Tier From { get; set; }
    public Tier To { get; set; }
    public DateTime At { get; set; }
    public string? ByUserId { get; set; }
    public string ByName { get; set; } = "";
    public string Reason { get; set; } = "";
}
