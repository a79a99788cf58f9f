namespace ShortBreaks.Core.Providers;

/// <summary>A decision commissioning makes on an organisation.</summary>
public enum FrameworkDecision
{
    Approve,
    AskForMoreInformation,
    Refuse,
    Suspend,
    Remove,
    Reinstate,
}

/// <summary>
/// The framework's rules (pure): the formats of the numbers an organisation gives, which decisions can be made from
/// which status, and what an application still lacks before it can be sent.
/// </summary>
public static partial class FrameworkRules
{
    public const int NameMaxLength = 200;
    public const int TextMaxLength = 3000;
    public const int ShortTextMaxLength = 200;

    // Companies House: 8 digits, or 2 letters (SC, NI, OC, SO, NC, R0...) and 6 digits.
    [GeneratedRegex(@"^([0-9]{8}|[A-Z]{2}[0-9]{6}|R0[0-9]{6})$")]
    private static partial Regex CompanyNumberPattern();

    // Charity Commission (6 or 7 digits, a linked charity with "-n"), OSCR (SC and 6 digits), Northern Ireland (NIC and 6 digits, or 100000 and up).
    [GeneratedRegex(@"^([0-9]{6,7}(-[0-9]{1,3})?|SC[0-9]{6}|NIC[0-9]{6}|1[0-9]{5})$")]
    private static partial Regex CharityNumberPattern();

    // Ofsted unique reference numbers: 6 or 7 digits, or EY / SC and 6 digits (early years and children's social care).
    [GeneratedRegex(@"^((EY|SC)[0-9]{6}|[0-9]{6,7})$")]
    private static partial Regex OfstedNumberPattern();

    // CQC location and provider ids: "1-" and 9 to 11 digits.
    [GeneratedRegex(@"^1-[0-9]{9,11}$")]
    private static partial Regex CqcNumberPattern();

    /// <summary>A number as entered, tidied for checking and keeping: no spaces, capitals.</summary>
    public static string Tidy(string? number) => string.Concat((number ?? "").Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();

    public static bool IsCompanyNumber(string? number) => CompanyNumberPattern().IsMatch(Tidy(number));

    public static bool IsCharityNumber(string? number) => CharityNumberPattern().IsMatch(Tidy(number));

    public static bool IsRegistrationNumber(Regulator regulator, string? number) => regulator switch
    {
        Regulator.Ofsted => OfstedNumberPattern().IsMatch(Tidy(number)),
        Regulator.Cqc => CqcNumberPattern().IsMatch(Tidy(number)),
        _ => Tidy(number).Length is > 0 and <= 40,
    };

    /// <summary>The status a decision leads to.</summary>
    public static FrameworkStatus To(FrameworkDecision decision) => decision switch
    {
        FrameworkDecision.Approve or FrameworkDecision.Reinstate => FrameworkStatus.Approved,
        FrameworkDecision.AskForMoreInformation => FrameworkStatus.MoreInformationAsked,
        FrameworkDecision.Refuse => FrameworkStatus.Refused,
        FrameworkDecision.Suspend => FrameworkStatus.Suspended,
        _ => FrameworkStatus.Removed,
    };

    /// <summary>The decisions commissioning can make on an organisation in <paramref name="status"/>.</summary>
    public static IReadOnlyList<FrameworkDecision> Allowed(FrameworkStatus status) => status switch
    {
        FrameworkStatus.Applied => [FrameworkDecision.Approve, FrameworkDecision.AskForMoreInformation, FrameworkDecision.Refuse],
        FrameworkStatus.MoreInformationAsked => [FrameworkDecision.Refuse],
        FrameworkStatus.Approved => [FrameworkDecision.Suspend, FrameworkDecision.Remove],
        FrameworkStatus.Suspended => [FrameworkDecision.Reinstate, FrameworkDecision.Remove],
        _ => [],
    };

    /// <summary>Whether a decision needs reasons written with it (all but approval, which the organisation asked for).</summary>
    public static bool NeedsReason(FrameworkDecision decision) => decision != FrameworkDecision.Approve;

    /// <summary>Whether the decision must say what happens to the organisation's live packages.</summary>
    public static bool NeedsLivePackagesOutcome(FrameworkDecision decision) => decision is FrameworkDecision.Suspend or FrameworkDecision.Remove;

    /// <summary>Whether an organisation in <paramref name="status"/> may send its application (first time, again after a refusal, or with the more asked for).</summary>
    public static bool CanSubmit(FrameworkStatus status) => status is FrameworkStatus.Registered or FrameworkStatus.MoreInformationAsked or FrameworkStatus.Refused;

    /// <summary>Whether an organisation in <paramref name="status"/> changes its application while commissioning is not looking at it.</summary>
    public static bool IsOnFramework(FrameworkStatus status) => status is FrameworkStatus.Approved or FrameworkStatus.Suspended;

    public static string Describe(FrameworkDecision decision) => decision switch
    {
        FrameworkDecision.Approve => "Approve",
        FrameworkDecision.AskForMoreInformation => "Ask for more information",
        FrameworkDecision.Refuse => "Refuse",
        FrameworkDecision.Suspend => "Suspend",
        FrameworkDecision.Remove => "Remove from the framework",
        _ => "Reinstate",
    };

    /// <summary>
    /// What an application still lacks before it can be sent, each as a task-list section and a message, in the order of
    /// the task list; empty when it is ready.
    /// </summary>
    public static IReadOnlyList<FieldError> Missing(Organisation organisation, IReadOnlyCollection<FrameworkAnswer> answers,
        IReadOnlyCollection<OrganisationDocument> documents, int services, ProviderSettings settings, DateOnly today)
    {
        var missing = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(organisation.LegalName) || string.IsNullOrWhiteSpace(organisation.Phone) || string.IsNullOrWhiteSpace(organisation.Town))
            missing.Add(new(ApplicationSections.Organisation, "Give the organisation's legal name, phone number and town"));
        if (string.IsNullOrWhiteSpace(organisation.SafeguardingLeadName) || string.IsNullOrWhiteSpace(organisation.SafeguardingLeadEmail))
            missing.Add(new(ApplicationSections.Safeguarding, "Name the safeguarding lead and give their email address"));
        if (string.IsNullOrWhiteSpace(organisation.DbsPolicy))
            missing.Add(new(ApplicationSections.Safeguarding, "Describe the organisation's DBS policy"));
        foreach (var required in settings.RequiredInsurance)
        {
            if (!Enum.TryParse<InsuranceKind>(required.Kind, out var kind)) continue;
            if (!organisation.Insurances.Any(i => i.Kind == kind && i.CoverAmount >= required.MinimumCover && i.ExpiresOn >= today))
                missing.Add(new(ApplicationSections.Insurance, $"Add {OrganisationRules.InsuranceName(kind)} insurance of at least {Money.Format(required.MinimumCover)}, in date"));
        }

        if (organisation.Registrations.FirstOrDefault(r => r.ExpiresOn < today) is { } expired)
            missing.Add(new(ApplicationSections.Registrations, $"The {OrganisationRules.RegulatorName(expired.Regulator)} registration {expired.Number} has expired: update it or remove it"));
        foreach (var criterion in settings.FrameworkCriteria)
        {
            if (answers.FirstOrDefault(a => a.CriterionId == criterion.Id) is not { Answer.Length: > 0 })
                missing.Add(new(ApplicationSections.Criteria, $"Answer: {criterion.Question}"));
            else if (criterion.EvidenceRequired && documents.All(d => d.CriterionId != criterion.Id))
                missing.Add(new(ApplicationSections.Documents, $"Upload evidence for: {criterion.Question}"));
        }

        if (services == 0) missing.Add(new(ApplicationSections.Services, "Add at least one service, with its price"));
        return missing;
    }
}

/// <summary>The sections of an application's task list, as keys of what is missing.</summary>
public static class ApplicationSections
{
    public const string Organisation = "organisation";
    public const string Safeguarding = "safeguarding";
    public const string Registrations = "registrations";
    public const string Insurance = "insurance";
    public const string Criteria = "criteria";
    public const string Documents = "documents";
    public const string Services = "services";
}
