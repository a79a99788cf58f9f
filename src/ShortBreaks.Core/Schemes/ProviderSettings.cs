namespace ShortBreaks.Core.Schemes;

/// <summary>
/// The approved provider framework, the Local Offer feed's taxonomy, delivery returns and annual renewal of Flexible
/// Short Breaks. Optional in a scheme version: without it, <see cref="Defaults"/> (from the seeds and common council
/// practice). The allowance itself (hours and money a year) is <c>tiers.flexibleShortBreaks</c>.
/// </summary>
public sealed record ProviderSettings
{
    public static readonly ProviderSettings Defaults = new();

    /// <summary>The questions commissioning checks an application against.</summary>
    public IReadOnlyList<FrameworkCriterion> FrameworkCriteria { get; init; } =
    [
        new("legal-status", "Is the organisation registered with Companies House or the Charity Commission, or is it a sole trader?", EvidenceRequired: false),
        new("regulator", "Is the organisation registered with Ofsted or the CQC for the services it offers, where the law asks for it?", EvidenceRequired: true),
        new("safeguarding", "Does the organisation have a safeguarding policy, reviewed in the last year, and a named safeguarding lead?", EvidenceRequired: true),
        new("dbs", "Are all staff and volunteers who work with children checked at enhanced DBS level with a barred list check, and rechecked?", EvidenceRequired: true),
        new("insurance", "Does the organisation hold employer's liability and public liability insurance at the amounts the council asks for?", EvidenceRequired: true),
        new("training", "Are staff trained for the needs the services cater for (for example moving and handling, medication, communication)?", EvidenceRequired: false),
        new("unit-costs", "Can the organisation show how its unit costs per hour, night or session are made up?", EvidenceRequired: false),
        new("outcomes", "How does the organisation measure and evidence what it does for children and families?", EvidenceRequired: false),
        new("complaints", "Does the organisation have a complaints procedure families are told about?", EvidenceRequired: false),
    ];

    /// <summary>The insurance every organisation must hold, and the least cover of each, in pounds.</summary>
    public IReadOnlyList<RequiredInsurance> RequiredInsurance { get; init; } =
    [
        new("EmployersLiability", 5_000_000m),
        new("PublicLiability", 5_000_000m),
    ];

    /// <summary>The kinds of service on the menu, each with the unit it is usually priced in and its term in the taxonomy.</summary>
    public IReadOnlyList<ServiceKind> Kinds { get; init; } =
    [
        new("day-care", "Day care", "Hour", "kind-day-care"),
        new("personal-assistant", "Personal assistant hours", "Hour", "kind-personal-assistant"),
        new("sitting", "Sitting service at home", "Hour", "kind-sitting"),
        new("activities", "Activities and clubs", "Session", "kind-activities"),
        new("after-school", "After-school club", "Session", "kind-after-school"),
        new("holiday-scheme", "Holiday scheme", "Session", "kind-holiday-scheme"),
        new("sport", "Sport and leisure", "Session", "kind-sport"),
        new("youth-club", "Youth club", "Session", "kind-youth-club"),
        new("overnight-at-home", "Overnight at home", "Night", "kind-overnight-at-home"),
        new("residential-overnight", "Residential overnight", "Night", "kind-residential-overnight"),
    ];

    /// <summary>The taxonomy the HSDS-UK feed classes services with: kinds of short break and needs catered for.</summary>
    public FeedTaxonomy Taxonomy { get; init; } = new(
        "short-breaks", "Short breaks for disabled children", "Kinds of short break and the needs a service caters for.",
        [
            new("kinds", "Kind of short break", null),
            new("kind-day-care", "Day care", "kinds"),
            new("kind-personal-assistant", "Personal assistant hours", "kinds"),
            new("kind-sitting", "Sitting service at home", "kinds"),
            new("kind-activities", "Activities and clubs", "kinds"),
            new("kind-after-school", "After-school club", "kinds"),
            new("kind-holiday-scheme", "Holiday scheme", "kinds"),
            new("kind-sport", "Sport and leisure", "kinds"),
            new("kind-youth-club", "Youth club", "kinds"),
            new("kind-overnight-at-home", "Overnight at home", "kinds"),
            new("kind-residential-overnight", "Residential overnight", "kinds"),
            new("needs", "Needs catered for", null),
            new("need-autism", "Autism", "needs"),
            new("need-learning", "Learning disability", "needs"),
            new("need-physical", "Physical disability", "needs"),
            new("need-sensory", "Sensory impairment (hearing or sight)", "needs"),
            new("need-complex-health", "Complex health needs", "needs"),
            new("need-behaviour", "Behaviour that challenges", "needs"),
            new("need-communication", "Communication needs", "needs"),
        ]);

    /// <summary>Days before an insurance or registration expires that the provider and commissioning are emailed.</summary>
    public IReadOnlyList<int> ExpiryWarningDays { get; init; } = [60, 14];

    /// <summary>The day of the month (1 to 28) a month's delivery return is due, in the month after it; late after it.</summary>
    public int ReturnDueDayOfMonth { get; init; } = 10;

    /// <summary>
    /// Days after an agreed package's last day that its organisation still sees the child and may make or correct the
    /// package's returns: long enough for the last month's return, due on <see cref="ReturnDueDayOfMonth"/> of the next
    /// month, to be made late and corrected.
    /// </summary>
    public int ReturnsOpenDaysAfterPackageEnds { get; init; } = 92;

    /// <summary>Days of notice to end an agreed package, by the council or the provider.</summary>
    public int PackageEndNoticeDays { get; init; } = 28;

    /// <summary>The month (1 to 12) the allowance year starts on its first day (default April, the council's financial year).</summary>
    public int YearStartMonth { get; init; } = 4;

    public RenewalSettings Renewal { get; init; } = new();
}

/// <summary>One question of the framework. <paramref name="EvidenceRequired"/>: a document must come with the answer.</summary>
public sealed record FrameworkCriterion(string Id, string Question, bool EvidenceRequired, string? Hint = null);

/// <summary>An insurance every organisation must hold. <paramref name="Kind"/> is an <c>InsuranceKind</c> name.</summary>
public sealed record RequiredInsurance(string Kind, decimal MinimumCover);

/// <summary>A kind of service. <paramref name="Unit"/> is a <c>PriceUnit</c> name (Hour, Night or Session).</summary>
public sealed record ServiceKind(string Id, string Name, string Unit, string TermId);

/// <summary>
/// The feed's taxonomy (HSDS-UK <c>taxonomy</c>) and its terms (<c>taxonomy_term</c>, with <c>parent_id</c>). Ids are
/// words here; the feed gives each a UUID made from the word, so they stay the same from version to version.
/// </summary>
public sealed record FeedTaxonomy(string Id, string Name, string Description, IReadOnlyList<TaxonomyTermSetting> Terms);

public sealed record TaxonomyTermSetting(string Id, string Name, string? ParentId, string? Description = null);

/// <summary>When families are asked to renew Flexible Short Breaks.</summary>
public sealed record RenewalSettings
{
    /// <summary>Weeks before the allowance year ends that families are invited to renew.</summary>
    public int InviteWeeksBeforeYearEnd { get; init; } = 8;

    /// <summary>Days after the invitation a family that has not answered is reminded (each in turn).</summary>
    public IReadOnlyList<int> ReminderDays { get; init; } = [14, 28];

    /// <summary>A renewal with every answer confirmed unchanged is approved without an officer (recorded as such).</summary>
    public bool ApproveUnchangedAutomatically { get; init; }
}
