namespace ShortBreaks.Core.Plans;

/// <summary>How a family without an online account told the officer they agree the plan.</summary>
public enum AgreementMethod
{
    InPerson,
    ByPhone,

    /// <summary>A signed paper copy, uploaded as evidence.</summary>
    SignedPaperCopy,
}

/// <summary>
/// A family's agreement to a plan version, recorded by an officer on their behalf (a family with no online account:
/// phone-only families, most children stepping down from social care): who agreed, how, when, and any comments.
/// </summary>
public sealed class FamilyAgreementOnBehalf
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PlanVersionId { get; set; }
    public Guid ChildId { get; set; }

    /// <summary>The name of the person who agreed, and how they are related to the child ("Mother", "Foster carer").</summary>
    public string AgreedByName { get; set; } = "";
    public string Relationship { get; set; } = "";
    public AgreementMethod Method { get; set; }
    public DateOnly AgreedOn { get; set; }
    public string? Comments { get; set; }

    public DateTime RecordedAt { get; set; }
    public string RecordedByUserId { get; set; } = "";
    public string RecordedByName { get; set; } = "";

    /// <summary>The signed paper copy, when agreed that way: checked like any evidence upload (type by its first bytes, size).</summary>
    public string? FileName { get; set; }
    public string? ContentType { get; set; }
    public long? SizeBytes { get; set; }

    // Named "Content" so the audit leaves the file's bytes out, as it does for every stored file.
    public byte[]? Content { get; set; }

    public static string MethodText(AgreementMethod method) => method switch
    {
        AgreementMethod.InPerson => "in person",
        AgreementMethod.ByPhone => "by phone",
        _ => "by signing a paper copy",
    };

    /// <summary>"Sam Patel (mother), by phone on 3 December 2026, recorded by Amira Hughes": for the plan, the approval and the timeline.</summary>
    public string Describe() =>
        $"{AgreedByName} ({Relationship}), {MethodText(Method)} on {AgreedOn.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))}, recorded by {RecordedByName}";
}

/// <summary>What an officer enters when recording a family's agreement on their behalf.</summary>
public sealed record AgreementOnBehalfInput
{
    public string? AgreedByName { get; init; }
    public string? Relationship { get; init; }
    public AgreementMethod? Method { get; init; }
    public DateOnly? AgreedOn { get; init; }
    public string? Comments { get; init; }

    /// <summary>The signed copy, already checked as an evidence upload (its type from its first bytes).</summary>
    public AgreementFile? File { get; init; }

    public const int AgreedByNameMaxLength = 200;
    public const int RelationshipMaxLength = 100;

    /// <summary>Problems with what was entered, in the order of the page's fields.</summary>
    public List<FieldError> Check(PlanVersion version, DateOnly today)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(AgreedByName)) errors.Add(new("AgreedByName", "Enter the name of the person who agreed the plan"));
        else if (AgreedByName.Trim().Length > AgreedByNameMaxLength) errors.Add(new("AgreedByName", $"The name must be {AgreedByNameMaxLength} characters or fewer"));
        if (string.IsNullOrWhiteSpace(Relationship)) errors.Add(new("Relationship", "Enter how they are related to the child"));
        else if (Relationship.Trim().Length > RelationshipMaxLength) errors.Add(new("Relationship", $"The relationship must be {RelationshipMaxLength} characters or fewer"));
        if (Method is not { } method || !Enum.IsDefined(method)) errors.Add(new("Method", "Choose how they agreed the plan"));
        var made = UkCalendar.DateOf(version.CreatedAt);
        if (AgreedOn is not { } agreedOn) errors.Add(new("AgreedOn", "Enter the date they agreed the plan"));
        else if (agreedOn > today) errors.Add(new("AgreedOn", "The date they agreed the plan must be today or in the past"));
        else if (agreedOn < made) errors.Add(new("AgreedOn", $"The date they agreed the plan must be on or after {made:d MMMM yyyy}, when version {version.Number} was made"));
        if (Method == AgreementMethod.SignedPaperCopy && File is null) errors.Add(new("SignedCopy", "Upload the signed copy of the plan"));
        if (Comments?.Length > RequestRules.TextMaxLength) errors.Add(new("Comments", $"Comments must be {RequestRules.TextMaxLength} characters or fewer"));
        return errors;
    }
}

public sealed record AgreementFile(string FileName, string ContentType, byte[] Content);
