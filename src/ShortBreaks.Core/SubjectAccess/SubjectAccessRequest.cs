namespace ShortBreaks.Core.SubjectAccess;

/// <summary>Whom a subject access request is about.</summary>
public enum SubjectKind
{
    /// <summary>A child known to the service, named by the child's reference.</summary>
    Child,

    /// <summary>A family member with an account, named by the account's email address.</summary>
    FamilyMember,
}

public enum SubjectAccessStatus
{
    /// <summary>Logged and being gathered and reviewed.</summary>
    Open,

    /// <summary>Reviewed and released: the archive may be downloaded.</summary>
    Released,
}

/// <summary>
/// A subject access request (UK GDPR article 15): someone asked for everything the service holds about a child or a
/// family member. Logged by an administrator with who asked, how their identity was checked and the day it was
/// received; answered by one archive after every item about other people has been reviewed. The row carries the
/// concurrency version, so of two administrators reviewing at once, the second is told.
/// </summary>
public sealed class SubjectAccessRequest : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public SubjectKind SubjectKind { get; set; }

    /// <summary>The child the request is about, for a request about a child.</summary>
    public Guid? ChildId { get; set; }

    /// <summary>The family account the request is about, for a request about a family member.</summary>
    public string? FamilyUserId { get; set; }

    /// <summary>The subject's name and reference (a child's reference, or the account's email) when the request was logged.</summary>
    public string SubjectName { get; set; } = "";
    public string SubjectReference { get; set; } = "";

    /// <summary>Who made the request and their relationship to the subject ("Sam Patel, the child's mother").</summary>
    public string RequestedBy { get; set; } = "";

    /// <summary>How the requester's identity (and, for a child, their right to ask for the child) was checked.</summary>
    public string IdentityCheck { get; set; } = "";

    /// <summary>The UK day the request reached the council: the month to answer starts from it.</summary>
    public DateOnly ReceivedOn { get; set; }

    /// <summary>The day the answer is due (see <see cref="SubjectAccessDates.DueOn"/>).</summary>
    public DateOnly DueOn { get; set; }

    public DateTime LoggedAt { get; set; }
    public string LoggedByUserId { get; set; } = "";
    public string LoggedByName { get; set; } = "";

    public SubjectAccessStatus Status { get; set; }
    public DateTime? ReleasedAt { get; set; }
    public string? ReleasedByUserId { get; set; }
    public string? ReleasedByName { get; set; }

    /// <summary>What was released and withheld, as the administrator confirmed it (<see cref="ReleaseRecord"/> as JSON).</summary>
    public string? ReleaseRecordJson { get; set; }

    public long Version { get; set; }

    public List<SubjectAccessChoice> Choices { get; set; } = [];
}

/// <summary>What to do with an item that is about someone other than the subject.</summary>
public enum ReleaseChoice
{
    Include,

    /// <summary>Shown with its words replaced, so the subject knows it exists.</summary>
    Redact,

    /// <summary>Left out of the archive; the index lists that something was withheld and why, never what.</summary>
    Withhold,
}

/// <summary>An administrator's choice for one review item of a request, with the reason.</summary>
public sealed class SubjectAccessChoice
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RequestId { get; set; }

    /// <summary>The item's key (<see cref="ReviewItem.Key"/>): the kind of record, its id and the field.</summary>
    public string ItemKey { get; set; } = "";
    public ReleaseChoice Choice { get; set; }
    public string? Reason { get; set; }
    public DateTime DecidedAt { get; set; }
    public string DecidedByName { get; set; } = "";
}

/// <summary>The release as confirmed: what went out, what was redacted or withheld and why. Kept as JSON on the request.</summary>
public sealed record ReleaseRecord(
    IReadOnlyDictionary<string, int> Counts, int Letters, int Files,
    IReadOnlyList<ReleasedChoice> Choices);

public sealed record ReleasedChoice(string Key, string Description, ReviewReason Why, ReleaseChoice Choice, string? Reason);
