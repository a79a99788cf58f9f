namespace ShortBreaks.Core.Providers;

/// <summary>
/// An organisation that provides short breaks: it registers, applies to the council's framework (open all year, a
/// dynamic purchasing system) and, once approved, publishes services and takes packages. Maps to the HSDS-UK
/// <c>organization</c>; its Companies House and charity numbers are its <c>organization_identifiers</c>.
/// </summary>
public sealed class Organisation : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The name families know it by (HSDS-UK <c>name</c>).</summary>
    public string Name { get; set; } = "";

    /// <summary>The name it is registered under, when different.</summary>
    public string LegalName { get; set; } = "";

    public string? CompaniesHouseNumber { get; set; }
    public string? CharityNumber { get; set; }
    public string? Description { get; set; }
    public string Email { get; set; } = "";
    public string Phone { get; set; } = "";
    public string? Website { get; set; }
    public string? AddressLine { get; set; }
    public string Town { get; set; } = "";
    public string? Postcode { get; set; }

    /// <summary>The person responsible for safeguarding, and how to reach them.</summary>
    public string? SafeguardingLeadName { get; set; }
    public string? SafeguardingLeadEmail { get; set; }
    public string? SafeguardingLeadPhone { get; set; }

    /// <summary>The organisation's DBS policy in its own words: who is checked, how often, at what level.</summary>
    public string? DbsPolicy { get; set; }

    /// <summary>Where it stands on the framework now; each change is a <see cref="FrameworkStatusChange"/>.</summary>
    public FrameworkStatus Status { get; set; } = FrameworkStatus.Registered;

    /// <summary>When it first registered.</summary>
    public DateTime RegisteredAt { get; set; }

    /// <summary>When it was last approved onto the framework.</summary>
    public DateTime? ApprovedAt { get; set; }

    /// <summary>
    /// The id it had in the HSDS-UK feed it was imported from, if any, so a second import updates it. An imported
    /// organisation is listed in the Local Offer directory but takes no packages until it applies and is approved.
    /// </summary>
    public string? ImportedId { get; set; }

    public long Version { get; set; }

    public List<OrganisationInsurance> Insurances { get; set; } = [];
    public List<OrganisationRegistration> Registrations { get; set; } = [];
}

/// <summary>Where an organisation stands on the framework.</summary>
public enum FrameworkStatus
{
    /// <summary>Has an account but has not applied yet.</summary>
    Registered,
    Applied,
    MoreInformationAsked,
    Approved,
    Refused,
    Suspended,
    Removed,
}

/// <summary>
/// A person who signs in for an organisation. An administrator also adds and removes the organisation's users; a
/// worker returns sessions and sees the children with a package from the organisation. One account, one organisation.
/// </summary>
public sealed class OrganisationUser
{
    public Guid OrganisationId { get; set; }

    /// <summary>The account (<c>AspNetUsers.Id</c>).</summary>
    public string UserId { get; set; } = "";

    public bool IsAdministrator { get; set; }
    public DateTime AddedAt { get; set; }
    public string? AddedByName { get; set; }
}

/// <summary>An insurance policy the framework asks for (employer's and public liability at least), with its cover and expiry.</summary>
public sealed class OrganisationInsurance
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public InsuranceKind Kind { get; set; }
    public string Insurer { get; set; } = "";
    public string? PolicyNumber { get; set; }

    /// <summary>The cover, in pounds (for example 5,000,000 employer's liability).</summary>
    public decimal CoverAmount { get; set; }

    /// <summary>The last day the policy covers (UK day). Watched: the organisation takes no new packages after it.</summary>
    public DateOnly ExpiresOn { get; set; }

    /// <summary>The evidence (a certificate), when uploaded.</summary>
    public Guid? DocumentId { get; set; }
}

public enum InsuranceKind
{
    EmployersLiability,
    PublicLiability,
    ProfessionalIndemnity,
    Other,
}

/// <summary>A registration with a regulator (Ofsted or CQC) where the service needs one, and when it runs out.</summary>
public sealed class OrganisationRegistration
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Regulator Regulator { get; set; }
    public string Number { get; set; } = "";

    /// <summary>The last day it is valid, when it has one (UK day). Watched like insurance.</summary>
    public DateOnly? ExpiresOn { get; set; }

    public Guid? DocumentId { get; set; }
}

public enum Regulator
{
    Ofsted,
    Cqc,
    Other,
}

/// <summary>
/// A document an organisation sends as evidence (an insurance certificate, a safeguarding policy, a registration
/// certificate), for its application or for an answer to a framework criterion. Checked like any upload.
/// </summary>
public sealed class OrganisationDocument
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid? ApplicationId { get; set; }

    /// <summary>The framework criterion it answers (<c>ProviderSettings.FrameworkCriteria</c> id), if any.</summary>
    public string? CriterionId { get; set; }

    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long SizeBytes { get; set; }
    public byte[] Content { get; set; } = [];
    public DateTime UploadedAt { get; set; }
    public string? UploadedByName { get; set; }
}
