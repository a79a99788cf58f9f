namespace ShortBreaks.Core.Schemes;

/// <summary>
/// One version of a council's short breaks scheme: tiers, allowances, eligibility criteria and the
/// figures the rules use. A published version never changes; a change is a new version.
/// </summary>
/// <param name="Version">Version label, unique across the council's schemes, for example "2026.1".</param>
/// <param name="EffectiveFrom">The first day decisions are made under this version.</param>
/// <param name="LocalOffer">Links to the Local Offer given to families signposted to universal services.</param>
/// <param name="Plans">
/// Who approves support plans and how plans are costed. Optional: a version without it (such as 2026.1, made
/// before plans) uses <see cref="PlanSettings.Defaults"/>. Left out of the fingerprint when absent, so adding it
/// to the code never changes an existing version's fingerprint.
/// </param>
/// <param name="Retention">
/// How long each kind of record is kept before it is proposed for erasure. Optional, like <paramref name="Plans"/>:
/// a version without it uses <see cref="RetentionSettings.Defaults"/>.
/// </param>
/// <param name="SubjectAccess">
/// How long the council has to answer a subject access request. Optional in the same way as <paramref name="Plans"/>:
/// without it, <see cref="SubjectAccessSettings.Defaults"/> (one calendar month).
/// </param>
/// <param name="Providers">
/// The provider framework's criteria, kinds of service, the feed's taxonomy, expiry warnings, delivery returns and
/// renewal timings. Optional in the same way: without it, <see cref="ProviderSettings.Defaults"/>.
/// </param>
/// <param name="DirectPayments">
/// Direct payments and their money: payment frequency, timing and rounding, monitoring, surplus, contingency and
/// recovery, audits, the agreement's lists, budget heads and the payment file. Optional in the same way: without it,
/// <see cref="DirectPaymentSettings.Defaults"/>.
/// </param>
/// <param name="Visibility">
/// Which children each case-staff role sees: every child, their team's, or their own caseload and those they are
/// working on. Optional in the same way: without it, <see cref="VisibilitySettings.Defaults"/> (every child).
/// <param name="Reviewing">
/// How far ahead reviews falling due are listed, the worklist's window and when the family's views are asked back by.
/// Optional in the same way: without it, <see cref="ReviewingSettings.Defaults"/>.
/// <param name="Complaints">
/// The timescales of complaints and appeals, in working days. Optional in the same way: without it,
/// <see cref="ComplaintSettings.Defaults"/> (the statutory children's social care procedure's).
/// </param>
public sealed record Scheme(
    string Version, DateOnly EffectiveFrom,
    CouncilSettings Council, AgeSettings Ages, TriageSettings Triage, TierSettings Tiers, OvernightRates OvernightRates,
    ReviewSettings Reviews, CaseloadSettings Caseloads, EligibilityCriteria Eligibility,
    IReadOnlyList<LocalOfferLink> LocalOffer,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] PlanSettings? Plans = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] RetentionSettings? Retention = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SubjectAccessSettings? SubjectAccess = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ProviderSettings? Providers = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DirectPaymentSettings? DirectPayments = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] VisibilitySettings? Visibility = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ReviewingSettings? Reviewing = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ComplaintSettings? Complaints = null) : IVersionedFile
{
    /// <summary>The plan settings in force under this version.</summary>
    [JsonIgnore] public PlanSettings PlanRules => Plans ?? PlanSettings.Defaults;

    /// <summary>The retention periods in force under this version.</summary>
    [JsonIgnore] public RetentionSettings RetentionPeriods => Retention ?? RetentionSettings.Defaults;

    /// <summary>The subject access settings in force under this version.</summary>
    [JsonIgnore] public SubjectAccessSettings SubjectAccessRules => SubjectAccess ?? SubjectAccessSettings.Defaults;

    /// <summary>The provider framework, feed, returns and renewal settings in force under this version.</summary>
    [JsonIgnore] public ProviderSettings ProviderRules => Providers ?? ProviderSettings.Defaults;

    /// <summary>The direct payment and money settings in force under this version.</summary>
    [JsonIgnore] public DirectPaymentSettings DirectPaymentRules => DirectPayments ?? DirectPaymentSettings.Defaults;

    /// <summary>Which children each case-staff role sees under this version.</summary>
    [JsonIgnore] public VisibilitySettings VisibilityRules => Visibility ?? VisibilitySettings.Defaults;
    /// <summary>How reviews falling due are found and listed under this version.</summary>
    [JsonIgnore] public ReviewingSettings ReviewingRules => Reviewing ?? ReviewingSettings.Defaults;
    /// <summary>The complaint and appeal timescales in force under this version.</summary>
    [JsonIgnore] public ComplaintSettings ComplaintRules => Complaints ?? ComplaintSettings.Defaults;

    /// <summary>A short fingerprint of the exact text the version was loaded from.</summary>
    [JsonIgnore] public string ContentHash { get; init; } = "";
}

/// <summary>When a support plan needs a manager or the panel, and the costing conventions.</summary>
public sealed record PlanSettings
{
    /// <summary>The seeds' practice: entry to Targeted Short Breaks and any plan above the indicative budget go to panel.</summary>
    public static readonly PlanSettings Defaults = new();

    /// <summary>A step up to Targeted Short Breaks is approved by the panel.</summary>
    public bool PanelForEntryToTargeted { get; init; } = true;

    /// <summary>
    /// A step down from social care into Targeted Short Breaks is approved by the panel. Optional: when absent it
    /// follows <see cref="PanelForEntryToTargeted"/>, as every entry to that tier does.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? PanelForStepDownFromSocialCare { get; init; }

    /// <summary>A plan costing more a year than the indicative budget goes to the panel.</summary>
    public bool PanelWhenAboveIndicativeBudget { get; init; } = true;

    /// <summary>A plan costing more a year than the one in force goes to the panel.</summary>
    public bool PanelWhenBudgetRises { get; init; } = true;

    /// <summary>Any other agreed plan is approved by a team manager; when false it is in force once the family and officer agree.</summary>
    public bool ManagerApprovesOtherPlans { get; init; } = true;

    /// <summary>Weeks a weekly line of support is paid for in a year.</summary>
    public decimal WeeksPerYear { get; init; } = 52m;

    /// <summary>The longest a plan runs before it must be renewed, in months.</summary>
    public int MaximumPlanMonths { get; init; } = 12;
}

/// <summary>
/// How long the service keeps each kind of record, and the day of the month it lists what has passed its period for
/// a manager to confirm. The defaults follow common council practice for children's social care records.
/// </summary>
public sealed record RetentionSettings
{
    public static readonly RetentionSettings Defaults = new();

    /// <summary>A child's case record is kept at least until this birthday (default 25).</summary>
    public int CaseRecordUntilAgeYears { get; init; } = 25;

    /// <summary>
    /// ...and at least this many whole years after the case was closed (default 6), whichever is later. A case
    /// never closed is never proposed for erasure.
    /// </summary>
    public int CaseRecordYearsAfterClosure { get; init; } = 6;

    /// <summary>
    /// The evidence files sent with a request that was refused (signposted to universal services) are kept this many
    /// months after the decision (default 12); the request and its decision stay with the case record.
    /// </summary>
    public int RefusedRequestEvidenceMonths { get; init; } = 12;

    /// <summary>Audit entries are kept this many years (default 7). Tombstones of erased records are kept for good.</summary>
    public int AuditYears { get; init; } = 7;

    /// <summary>The day of the month (UK date, 1 to 28 so every month has it) the monthly retention scan runs (default 1).</summary>
    public int ScanDayOfMonth { get; init; } = 1;
}

/// <summary>How long a subject access request may take to answer.</summary>
public sealed record SubjectAccessSettings
{
    /// <summary>The UK GDPR's period: one calendar month from the day the request was received.</summary>
    public static readonly SubjectAccessSettings Defaults = new();

    /// <summary>Calendar months from the day a request is received to the day its answer is due (1 to 3).</summary>
    public int ResponseMonths { get; init; } = 1;
}

/// <param name="MashEmail">Where a safeguarding referral is sent the moment it is made.</param>
public sealed record CouncilSettings(
    string Name, string ServiceName, string LocalOfferUrl,
    string MashName, string MashPhone, string MashEmail,
    string ContactEmail, string ContactPhone);

/// <param name="MinimumAgeYears">Youngest age, in whole years, the short breaks offer is for (seeds: 5).</param>
/// <param name="MaximumAgeYearsExclusive">Children's services end on this birthday (seeds: 18).</param>
/// <param name="AdultTransferPlanningMonths">How many months before the transfer date a child is listed for planning the move to adult services.</param>
public sealed record AgeSettings(int MinimumAgeYears, int MaximumAgeYearsExclusive, int AdultTransferPlanningMonths);

/// <param name="DecisionTargetWorkingDays">Working days from a request's submission to its threshold decision.</param>
/// <param name="DueSoonWorkingDays">A request this many working days or fewer from its target is shown as due soon.</param>
public sealed record TriageSettings(int DecisionTargetWorkingDays, int DueSoonWorkingDays);

public sealed record TierSettings(FlexibleShortBreaksSettings FlexibleShortBreaks, TargetedShortBreaksSettings TargetedShortBreaks);

public sealed record FlexibleShortBreaksSettings(
    string Name, int HoursPerYear, decimal DirectPaymentPerYear, decimal ProviderPerYear,
    decimal HourlyRateMinimum, decimal HourlyRateMaximum);

public sealed record TargetedShortBreaksSettings(
    string Name, int MaximumHoursPerYear, decimal BudgetMinimum, decimal BudgetMaximum,
    decimal HourlyRateMinimum, decimal HourlyRateMaximum);

public sealed record OvernightRates(
    decimal ResidentialUnitMaximum, decimal AtHome, decimal TargetedDirectPayment, decimal TargetedApprovedProvider,
    decimal CollegeNight,
    [property: JsonPropertyName("section17_6MaximumNightsPerYear")] int Section17_6MaximumNightsPerYear);

/// <param name="ReductionNoticeMonths">Months of notice before a lower budget takes effect (seeds: 3).</param>
public sealed record ReviewSettings(
    int RasPackageReviewMonths,
    [property: JsonPropertyName("section17_6ReviewMonths")] int Section17_6ReviewMonths,
    int ReductionNoticeMonths);

public sealed record CaseloadSettings(
    int PersonalisationOfficerMinimum, int PersonalisationOfficerMaximum,
    int ReviewingOfficerReviews, int ReviewingOfficerFamilies, int SocialWorker);

/// <param name="MinimumThresholdNeeds">How many of the needs marked <c>meetsThreshold</c> a child must have.</param>
/// <param name="EvidenceRequired">Whether at least one accepted kind of evidence must be with the request.</param>
public sealed record EligibilityCriteria(
    int MinimumThresholdNeeds, bool EvidenceRequired, IReadOnlyList<EligibilityNeed> Needs, IReadOnlyList<EvidenceKind> Evidence);

public sealed record EligibilityNeed
{
    public required string Id { get; init; }
    public required string Question { get; init; }
    public string? Hint { get; init; }

    /// <summary>Whether this need counts towards the threshold for Flexible Short Breaks.</summary>
    public required bool MeetsThreshold { get; init; }
}

public sealed record EvidenceKind(string Id, string Label);

public sealed record LocalOfferLink(string Title, string Url);
