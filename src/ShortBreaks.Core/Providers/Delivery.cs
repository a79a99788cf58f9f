namespace ShortBreaks.Core.Providers;

/// <summary>
/// A provider's return of what it delivered on one package in one month: due on the scheme's day of the following
/// month (<c>ProviderSettings.ReturnDueDayOfMonth</c>), late after it. Sessions may be added as they happen and the
/// return submitted at the month's end.
/// </summary>
public sealed class DeliveryReturn : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PackageId { get; set; }
    public Guid ChildId { get; set; }
    public Guid OrganisationId { get; set; }

    /// <summary>The first day of the month it covers.</summary>
    public DateOnly Month { get; set; }

    public DateOnly DueOn { get; set; }
    public DeliveryReturnStatus Status { get; set; } = DeliveryReturnStatus.Open;
    public DateTime? SubmittedAt { get; set; }
    public string? SubmittedByUserId { get; set; }
    public string? SubmittedByName { get; set; }
    public long Version { get; set; }

    public List<DeliveredSession> Sessions { get; set; } = [];
}

public enum DeliveryReturnStatus
{
    Open,
    Submitted,
}

/// <summary>
/// One session on a return: the day, how much was delivered (hours, nights or sessions, in the line's unit) and by
/// whom, or why it did not happen. A cancelled session delivers nothing; it is kept to show why hours went unused.
/// </summary>
public sealed class DeliveredSession
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ReturnId { get; set; }
    public Guid PackageId { get; set; }
    public Guid PackageLineId { get; set; }
    public Guid ChildId { get; set; }
    public DateOnly Date { get; set; }
    public PriceUnit Unit { get; set; }

    /// <summary>Units delivered (0 for a cancelled session).</summary>
    public decimal Quantity { get; set; }

    /// <summary>Hours counted against the child's hours (quantity times the line's hours each).</summary>
    public decimal Hours { get; set; }

    /// <summary>Who delivered it (names or initials, as the provider records staff).</summary>
    public string? Staff { get; set; }

    public CancellationReason? Cancellation { get; set; }
    public string? CancellationNote { get; set; }
    public DateTime RecordedAt { get; set; }
    public string? RecordedByName { get; set; }
}

public enum CancellationReason
{
    FamilyCancelled,
    ProviderCancelled,
    ChildUnwell,
    NoShow,
}

/// <summary>
/// A child's annual renewal of Flexible Short Breaks: the family is invited before the year ends, confirms or changes
/// each answer shown from last year, and an officer approves it (or the scheme approves unchanged ones automatically,
/// recorded as such). Not renewed by the end: the officer is told and the family reminded; nothing ends without a decision.
/// </summary>
public sealed class FsbRenewal : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ChildId { get; set; }

    /// <summary>The first day of the allowance year being renewed for.</summary>
    public DateOnly YearStart { get; set; }

    public RenewalStatus Status { get; set; } = RenewalStatus.Invited;

    /// <summary>
    /// Each answer as JSON: the question id, last year's answer, this year's answer and whether the family confirmed
    /// or changed it.
    /// </summary>
    public string? AnswersJson { get; set; }

    /// <summary>Whether any answer was changed (a changed renewal is always decided by an officer).</summary>
    public bool AnyChanged { get; set; }

    public DateTime InvitedAt { get; set; }
    public DateTime? LastRemindedAt { get; set; }
    public int Reminders { get; set; }

    /// <summary>When the officer was told it was not renewed by the year's end.</summary>
    public DateTime? OfficerToldAt { get; set; }

    public DateTime? SubmittedAt { get; set; }
    public string? SubmittedByUserId { get; set; }
    public string? SubmittedByName { get; set; }

    /// <summary>An officer took the family's answers by phone (a family with no online account, or who asked to).</summary>
    public bool TakenByPhone { get; set; }

    public DateTime? DecidedAt { get; set; }
    public string? DecidedByUserId { get; set; }
    public string? DecidedByName { get; set; }

    /// <summary>Approved by the scheme's rule for unchanged renewals, not by a person.</summary>
    public bool ApprovedAutomatically { get; set; }

    public string? DecisionReason { get; set; }
    public long Version { get; set; }
}

public enum RenewalStatus
{
    Invited,
    Submitted,
    Approved,

    /// <summary>Not used by renewals: kept so stored values still read.</summary>
    Refused,

    /// <summary>Sent for a fresh threshold decision: the child stays on Flexible Short Breaks until that decision.</summary>
    Referred,
}

/// <summary>What a renewal email is.</summary>
public enum RenewalNoticeKind
{
    /// <summary>To the family: renew before the year ends.</summary>
    Invitation,

    /// <summary>To the family: not renewed yet (numbered by the scheme's reminder days).</summary>
    Reminder,

    /// <summary>The year ended without a renewal: the officer is told and the family reminded.</summary>
    Overdue,
}

/// <summary>
/// One renewal email, claimed by a node with a lease before it is sent (as <see cref="ExpiryWarning"/>), so two nodes
/// never send the same one and one left by a node that stopped is sent by another. Unique on the renewal, kind and number.
/// </summary>
public sealed class RenewalNotice
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RenewalId { get; set; }
    public RenewalNoticeKind Kind { get; set; }

    /// <summary>The reminder's place in the scheme's reminder days (from 1); 0 for the others.</summary>
    public int Number { get; set; }

    public string? ClaimedBy { get; set; }
    public DateTime? LeaseUntil { get; set; }
    public int Attempts { get; set; }
    public DateTime? SentAt { get; set; }
}
