namespace ShortBreaks.Core.Retention;

public enum RetentionReviewStatus
{
    /// <summary>A node is listing what has passed its retention (it holds the review with a lease).</summary>
    Scanning,

    /// <summary>Listed: waiting for a manager to confirm or keep each item.</summary>
    Ready,
}

/// <summary>
/// One month's retention review: every record found past its retention by that month's scan, for a manager to
/// confirm (erase) or keep with a reason. One per month, whichever node makes it: the month is unique.
/// </summary>
public sealed class RetentionReview : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The UK month the review is for, "2026-12".</summary>
    public string Month { get; set; } = "";

    public RetentionReviewStatus Status { get; set; }
    public DateTime StartedAt { get; set; }

    /// <summary>"Monthly scan", or the manager who started a scan now.</summary>
    public string StartedByName { get; set; } = "";

    /// <summary>When the last scan of the month finished.</summary>
    public DateTime? ScannedAt { get; set; }

    /// <summary>The scheme version whose retention periods the last scan used.</summary>
    public string SchemeVersion { get; set; } = "";

    /// <summary>The node scanning, while it holds the lease.</summary>
    public string? ClaimedBy { get; set; }

    /// <summary>Until when that node holds the scan; a scan whose lease has passed was left by a node that stopped.</summary>
    public DateTime? LeaseUntil { get; set; }

    public int Attempts { get; set; }

    /// <summary>When a manager last confirmed or kept an item: every decision moves <see cref="Version"/> on.</summary>
    public DateTime? LastDecidedAt { get; set; }

    public long Version { get; set; }
}

public enum RetentionItemKind
{
    /// <summary>A child's whole case record (with any duplicate record merged into it).</summary>
    CaseRecord,

    /// <summary>The evidence files of a refused request; the request and its decision stay with the case record.</summary>
    RequestEvidence,

    /// <summary>A month's audit entries (tombstones of erased records are never among them).</summary>
    AuditEntries,
}

public enum RetentionItemStatus
{
    Proposed,
    Erased,
    Kept,

    /// <summary>Found, when a manager confirmed it, to be no longer past its retention (a case reopened, say).</summary>
    NoLongerDue,
}

/// <summary>
/// One record a review lists as past its retention, why (the dates that made it so), and what the manager decided.
/// It holds references and dates, never a name or a case detail, so it stays after the record is erased.
/// </summary>
public sealed class RetentionItem
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ReviewId { get; set; }
    public RetentionItemKind Kind { get; set; }

    /// <summary>What the item is about, the same in every review: the child's id, the request's id, or the month "2019-03".</summary>
    public string TargetKey { get; set; } = "";

    /// <summary>The child whose record it is (for evidence, the child the request was for).</summary>
    public Guid? SubjectChildId { get; set; }

    public Guid? RequestId { get; set; }

    /// <summary>The child's or request's reference, or the month of the audit entries.</summary>
    public string Reference { get; set; } = "";

    /// <summary>The scheme's rule, in words: "6 years after the case closed (later than the 25th birthday)".</summary>
    public string Rule { get; set; } = "";

    /// <summary>The day retention began: the case closed, the request was decided, or the month's last day.</summary>
    public DateOnly From { get; set; }

    /// <summary>The first day the record may be erased.</summary>
    public DateOnly RetentionEnds { get; set; }

    /// <summary>How many files, or audit entries, the item holds when listed.</summary>
    public int Count { get; set; }

    public RetentionItemStatus Status { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecidedByUserId { get; set; }
    public string? DecidedByName { get; set; }

    /// <summary>Why a kept item is kept (a legal hold, a complaint open), or why an item was no longer due.</summary>
    public string? Reason { get; set; }

    /// <summary>A kept item is not proposed again before this day; none: not until it is released.</summary>
    public DateOnly? KeepUntil { get; set; }

    public DateTime? ReleasedAt { get; set; }
    public string? ReleasedByName { get; set; }
}
