namespace ShortBreaks.Web.Api;

/// <summary>Every answer of a request, as the question pages ask them. Sent to create a request; returned when reading one.</summary>
public sealed record RequestAnswers
{
    public string? ChildFirstName { get; init; }
    public string? ChildLastName { get; init; }

    [Description("The child's date of birth, as YYYY-MM-DD.")]
    public DateOnly? ChildDateOfBirth { get; init; }

    public string? AddressLine1 { get; init; }
    public string? AddressLine2 { get; init; }
    public string? Town { get; init; }

    [Description("A full UK postcode, in any case and spacing.")]
    public string? Postcode { get; init; }

    public bool? AttendsSchool { get; init; }

    [Description("The school or college, when attendsSchool is true.")]
    public string? School { get; init; }

    public bool? HasEhcPlan { get; init; }

    [Description("The date of the EHC plan's next review, when hasEhcPlan is true.")]
    public DateOnly? EhcPlanReviewDate { get; init; }

    [Description("Ids of the scheme's eligibility needs that apply (for example \"extra-care\"). Empty with noneOfTheseNeeds true when none apply.")]
    public IReadOnlyList<string>? NeedIds { get; init; }

    [Description("True when none of the scheme's needs apply.")]
    public bool? NoneOfTheseNeeds { get; init; }

    [Description("Children in Need census disability codes, for example \"AUT\" or \"COMM\".")]
    public IReadOnlyList<string>? DisabilityCodes { get; init; }

    [LongText] public string? NeedsInOwnWords { get; init; }
    public string? ContactName { get; init; }
    public string? ContactRelationship { get; init; }
    public string? ContactEmail { get; init; }
    public string? ContactPhone { get; init; }
    public ContactMethod? PreferredContact { get; init; }
    public int? SiblingCount { get; init; }
    [LongText] public string? SiblingDetails { get; init; }

    [Description("Agreement to share information to decide on the request. Must be true to send a request.")]
    public bool? ConsentToShare { get; init; }
}

/// <summary>A request as its reader may see it. Fields only staff may see are null for a family.</summary>
public sealed record RequestDetail(
    Guid Id,
    string Reference,
    RequestChannel Channel,
    RequestStatus Status,
    string StatusText,
    DateTime CreatedAt,
    DateTime? SubmittedAt,
    string? SchemeVersion,
    RequestAnswers Answers,
    DateTime? ConsentRecordedAt,
    IReadOnlyList<EvidenceItem> Evidence,
    Guid? ChildId,
    bool ChildConfirmed,
    DecisionDetail? Decision,
    [property: Description("Staff only: send it back when confirming the child or deciding, so a change made since is not overwritten.")] long? Version,
    [property: Description("Staff only.")] DateTime? UpdatedAt,
    [property: Description("Staff only, while the request awaits a decision: working days waited against the target.")] WaitingTime? Waiting);

/// <summary>A file sent with the request. The file itself is not available through the API.</summary>
public sealed record EvidenceItem(Guid Id, string KindId, string FileName, string ContentType, long SizeBytes, DateTime UploadedAt);

/// <summary>A threshold decision. Who decided and the criteria as they stood are shown to staff only.</summary>
public sealed record DecisionDetail(
    Guid Id,
    DecisionOutcome Outcome,
    string OutcomeText,
    string Reasons,
    DateTime DecidedAt,
    string SchemeVersion,
    int? AllowanceHoursPerYear,
    decimal? AllowanceDirectPaymentPerYear,
    decimal? AllowanceProviderPerYear,
    string? DecidedByName,
    IReadOnlyList<CriterionResult>? Criteria);

/// <summary>A decision just made, with where it left the request and the child.</summary>
public sealed record DecisionMade(DecisionDetail Decision, RequestStatus Status, long Version, Guid ChildId, string ChildReference, Tier ChildTier);

/// <summary>One page of requests: the triage queue for staff, or a family's own requests.</summary>
public sealed record RequestList(IReadOnlyList<RequestListItem> Items, int Total, int Page, int PageSize, int PageCount, int? Overdue);

/// <summary>A request in a list. Date of birth, postcode, matching and waiting time are for staff only.</summary>
public sealed record RequestListItem(
    Guid Id,
    string Reference,
    string ChildName,
    RequestChannel Channel,
    RequestStatus Status,
    string StatusText,
    DateTime? SubmittedAt,
    DateOnly? DateOfBirth,
    string? Postcode,
    bool? ChildConfirmed,
    WaitingTime? Waiting);

/// <summary>The officer's confirmation of which child a request is for.</summary>
public sealed record ConfirmChildBody
{
    [Description("An existing child record from the possible matches, or null for a child new to the service.")]
    public Guid? ChildId { get; init; }

    [Description("The request's version as last read: the change is refused if someone changed it since.")]
    public long? Version { get; init; }
}

/// <summary>A threshold decision. Targeted Short Breaks is not an outcome: it is reached only by a step up or a step down.</summary>
public sealed record DecisionBody
{
    [Description("Universal, FlexibleShortBreaksApproved, ReferToSocialCare or Safeguarding. Targeted Short Breaks is reached only by a step up or a step down, never from a request.")]
    public DecisionOutcome? Outcome { get; init; }
    [Description("Why, in plain English: the family is sent them (except for a safeguarding concern). Up to 3000 characters.")]
    [LongText] public string? Reasons { get; init; }

    [Description("The request's version as last read: the decision is refused if someone changed it since.")]
    public long? Version { get; init; }
}

/// <summary>A child record that may be the child in a request.</summary>
public sealed record PossibleMatch(Guid Id, string Reference, string FirstName, string LastName, DateOnly DateOfBirth, string Postcode, string Town, string? School, Tier Tier);

public sealed record EligibilityDetail(string SchemeVersion, bool AllMet, IReadOnlyList<CriterionResult> Criteria);
