namespace ShortBreaks.Core.Children;

/// <summary>A disabled child known to the service: one record per child, however many requests.</summary>
public sealed class Child : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The child's reference, quoted by families and staff (for example "C-7KQ2-M9XD").</summary>
    public string Reference { get; set; } = "";

    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";

    /// <summary>Lower-case "first last" with extra spaces removed, for matching and search.</summary>
    public string NameKey { get; set; } = "";

    /// <summary>Lower-case last name, for search by surname.</summary>
    public string LastNameKey { get; set; } = "";

    public DateOnly DateOfBirth { get; set; }
    public string AddressLine1 { get; set; } = "";
    public string? AddressLine2 { get; set; }
    public string Town { get; set; } = "";

    /// <summary>Postcode as written for letters, for example "NG1 5AB".</summary>
    public string Postcode { get; set; } = "";

    /// <summary>Postcode upper-case without spaces, for matching and search.</summary>
    public string PostcodeKey { get; set; } = "";

    public string? School { get; set; }
    public bool HasEhcPlan { get; set; }
    public DateOnly? EhcPlanReviewDate { get; set; }

    /// <summary>Children in Need census disability codes, comma separated (see <see cref="CinDisabilityCodes"/>).</summary>
    public string DisabilityCodes { get; set; } = "";

    /// <summary>The child's needs in the family's own words, from their latest request.</summary>
    public string? NeedsInFamilyWords { get; set; }

    public Tier Tier { get; set; }

    /// <summary>The officer who holds the child on their caseload.</summary>
    public string? KeyWorkerId { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Set when this record was found to be a duplicate and merged into another.</summary>
    public Guid? MergedIntoChildId { get; set; }

    /// <summary>
    /// When the case was closed (see <see cref="CaseClosureService"/>); null while it is open. Retention counts from
    /// this moment: a case never closed is never proposed for erasure.
    /// </summary>
    public DateTime? ClosedAt { get; set; }

    public string? ClosedByUserId { get; set; }
    public string? ClosedByName { get; set; }

    /// <summary>Why the case was closed, in the officer's words.</summary>
    public string? ClosureReason { get; set; }

    /// <summary>
    /// What anyone looking after the child must know and do, in staff's words: medication, who collects them,
    /// routines. Shown to providers with a live package (see <see cref="ChildEmergencyContact"/>).
    /// </summary>
    public string? Arrangements { get; set; }

    public long Version { get; set; }

    public List<ChildFamilyMember> FamilyMembers { get; set; } = [];

    public string FullName => $"{FirstName} {LastName}";
}

/// <summary>
/// Someone to call about the child in an emergency, kept on the child's record by staff in the order to call them
/// (<see cref="Position"/>, from 1). Changed with the child's arrangements, under the child's <see cref="Child.Version"/>.
/// </summary>
public sealed class ChildEmergencyContact
{
    public const int NameMaxLength = 200;
    public const int RelationshipMaxLength = 100;
    public const int PhoneMaxLength = 30;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ChildId { get; set; }
    public int Position { get; set; }
    public string Name { get; set; } = "";

    /// <summary>Who they are to the child ("Mother", "Grandfather", "Neighbour").</summary>
    public string Relationship { get; set; } = "";

    public string Phone { get; set; } = "";
}

/// <summary>
/// A family account allowed to see a child's record. An officer links an account only after checking who the
/// person is and that they have parental responsibility, and records how (see <see cref="FamilyLinkService"/>).
/// </summary>
public sealed class ChildFamilyMember
{
    public Guid ChildId { get; set; }
    public string UserId { get; set; } = "";
    public string Relationship { get; set; } = "";
    public DateTime AddedAt { get; set; }

    /// <summary>How the officer confirmed the person's identity; empty for a record made from the family's own request.</summary>
    public string? IdentityCheck { get; set; }

    /// <summary>How the officer confirmed the person's parental responsibility for the child.</summary>
    public string? ParentalResponsibilityCheck { get; set; }

    public string? LinkedByUserId { get; set; }
    public string? LinkedByName { get; set; }
}

/// <summary>One step in a child's journey, shown on their timeline.</summary>
public sealed class TimelineEvent
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ChildId { get; set; }
    public Guid? RequestId { get; set; }
    public DateTime At { get; set; }
    public string Kind { get; set; } = "";
    public string Summary { get; set; } = "";
    public string? Detail { get; set; }
    public string? ActorUserId { get; set; }
    public string ActorName { get; set; } = "";
}

/// <summary>Two records of the same child joined into one.</summary>
public sealed class ChildMerge
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SurvivingChildId { get; set; }
    public Guid MergedChildId { get; set; }
    public string MergedChildReference { get; set; } = "";
    public string Reason { get; set; } = "";
    public DateTime MergedAt { get; set; }
    public string MergedByUserId { get; set; } = "";
    public string MergedByName { get; set; } = "";
}

/// <summary>An entity two people can edit: saved only if nobody saved it since it was read.</summary>
public interface IVersioned
{
    long Version { get; set; }
}
