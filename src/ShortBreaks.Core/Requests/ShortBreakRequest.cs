namespace ShortBreaks.Core.Requests;

public enum RequestChannel
{
    Online,
    DutyPoint,
}

public enum RequestStatus
{
    /// <summary>Being filled in; saved so the family can come back to it.</summary>
    Draft,
    Submitted,
    Decided,

    /// <summary>Sent to the Multi-Agency Safeguarding Hub: the short breaks flow stops.</summary>
    RoutedToMash,
    Withdrawn,
}

public enum ContactMethod
{
    Email,
    Phone,
    Post,
}

/// <summary>A family's request for short breaks, online or taken by phone at the duty point.</summary>
public sealed class ShortBreakRequest : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Reference { get; set; } = "";
    public RequestChannel Channel { get; set; }
    public RequestStatus Status { get; set; }

    /// <summary>The family account that owns the request; none for a phone request from a family without an account.</summary>
    public string? FamilyUserId { get; set; }

    public string CreatedByUserId { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? SubmittedAt { get; set; }

    // The child, as the family gave it.
    public string? ChildFirstName { get; set; }
    public string? ChildLastName { get; set; }
    public DateOnly? ChildDateOfBirth { get; set; }
    public string? AddressLine1 { get; set; }
    public string? AddressLine2 { get; set; }
    public string? Town { get; set; }
    public string? Postcode { get; set; }
    public string? School { get; set; }
    public bool? AttendsSchool { get; set; }
    public bool? HasEhcPlan { get; set; }
    public DateOnly? EhcPlanReviewDate { get; set; }

    // Needs, as the eligibility criteria ask them.
    /// <summary>Ids of the scheme's eligibility needs the family said apply, comma separated.</summary>
    public string? NeedIds { get; set; }
    public string? DisabilityCodes { get; set; }
    public string? NeedsInOwnWords { get; set; }

    // Family and carers.
    public string? ContactName { get; set; }
    public string? ContactRelationship { get; set; }
    public string? ContactEmail { get; set; }
    public string? ContactPhone { get; set; }
    public ContactMethod? PreferredContact { get; set; }
    public int? SiblingCount { get; set; }
    public string? SiblingDetails { get; set; }

    /// <summary>Whether the evidence step was answered ("I have uploaded it" or "I will send it later").</summary>
    public bool? EvidenceStepDone { get; set; }

    public bool? ConsentToShare { get; set; }
    public DateTime? ConsentRecordedAt { get; set; }

    /// <summary>The child record this request is for, once matched or created.</summary>
    public Guid? ChildId { get; set; }
    public Child? Child { get; set; }

    /// <summary>Whether an officer has confirmed the child record (matched or new).</summary>
    public bool ChildConfirmed { get; set; }

    /// <summary>
    /// The worker who holds the request (whose caseload counts it while it waits for a decision): whoever took it at the
    /// duty point, or else the child's key worker. Kept by every save (<see cref="RequestHolders"/>), never set by hand.
    /// </summary>
    public string? HeldByUserId { get; set; }

    /// <summary>The scheme version in force when the request was submitted.</summary>
    public string? SchemeVersion { get; set; }

    public long Version { get; set; }

    public List<EvidenceDocument> Evidence { get; set; } = [];
    public RequestDecision? Decision { get; set; }

    public IReadOnlyList<string> NeedIdList =>
        string.IsNullOrEmpty(NeedIds) ? [] : NeedIds.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public string ChildName => $"{ChildFirstName} {ChildLastName}".Trim();
}

/// <summary>A file the family sent as evidence, kept in the database so web nodes stay stateless.</summary>
public sealed class EvidenceDocument
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RequestId { get; set; }
    public string KindId { get; set; } = "";
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long SizeBytes { get; set; }
    public byte[] Content { get; set; } = [];
    public DateTime UploadedAt { get; set; }
    public string UploadedByUserId { get; set; } = "";
}

public enum DecisionOutcome
{
    /// <summary>Signposted to universal services and the Local Offer.</summary>
    Universal,
    FlexibleShortBreaksApproved,
    ReferToSocialCare,

    /// <summary>A safeguarding concern: routed to the MASH at once; the normal flow stops.</summary>
    Safeguarding,
}

/// <summary>An officer's threshold decision on a request, with its reasons and the criteria as they stood.</summary>
public sealed class RequestDecision
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RequestId { get; set; }
    public Guid ChildId { get; set; }
    public DecisionOutcome Outcome { get; set; }
    public string Reasons { get; set; } = "";
    public DateTime DecidedAt { get; set; }
    public string DecidedByUserId { get; set; } = "";
    public string DecidedByName { get; set; } = "";
    public string SchemeVersion { get; set; } = "";

    /// <summary>The eligibility result as the officer saw it, as JSON.</summary>
    public string CriteriaJson { get; set; } = "[]";

    public int? AllowanceHoursPerYear { get; set; }
    public decimal? AllowanceDirectPaymentPerYear { get; set; }
    public decimal? AllowanceProviderPerYear { get; set; }

    public Guid? LetterId { get; set; }
}

public static class DecisionOutcomes
{
    public static string Name(DecisionOutcome o) => o switch
    {
        DecisionOutcome.Universal => "Signposted to universal services",
        DecisionOutcome.FlexibleShortBreaksApproved => "Flexible Short Breaks approved",
        DecisionOutcome.ReferToSocialCare => "Referred to social care",
        DecisionOutcome.Safeguarding => "Safeguarding concern: referred to the MASH",
        _ => o.ToString(),
    };
}

/// <summary>A referral out of the short breaks flow: to social care, or to the MASH.</summary>
/// <summary>
/// A child referred out of the short breaks service: to the MASH (a safeguarding concern, emailed the moment it is made)
/// or to children's social care, from a request's decision or by a step up from Flexible or Targeted Short Breaks. A
/// referral to social care waits on the team managers' list until one of them records how it was passed on
/// (<see cref="SocialCareReferrals"/>), so the letter's "we have referred" is never left undone.
/// </summary>
public sealed class Referral
{
    public const int PassedOnHowMaxLength = 1000;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The request whose decision made the referral; null for a step up to social care.</summary>
    public Guid? RequestId { get; set; }

    public Guid ChildId { get; set; }
    public ReferralKind Kind { get; set; }
    public string Reasons { get; set; } = "";
    public DateTime ReferredAt { get; set; }
    public string ReferredByUserId { get; set; } = "";
    public string ReferredByName { get; set; } = "";

    /// <summary>When a manager recorded the referral as passed on to social care; null while it waits.</summary>
    public DateTime? PassedOnAt { get; set; }

    public string? PassedOnByUserId { get; set; }
    public string? PassedOnByName { get; set; }

    /// <summary>How it was passed on, as the manager wrote it: to whom, by what means, and social care's reference.</summary>
    public string? PassedOnHow { get; set; }
}

public enum ReferralKind
{
    SocialCare,
    MultiAgencySafeguardingHub,
}
