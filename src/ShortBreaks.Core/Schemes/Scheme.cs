namespace ShortBreaks.Core.Schemes;

/// <summary>
/// One version of a council's short breaks scheme: tiers, allowances, eligibility criteria and the
/// figures the rules use. A published version never changes; a change is a new version.
/// </summary>
public sealed record Scheme
{
    /// <summary>Version label, unique across the council's schemes, for example "2026.1".</summary>
    public required string Version { get; init; }

    /// <summary>The first day decisions are made under this version.</summary>
    public required DateOnly EffectiveFrom { get; init; }

    public required CouncilSettings Council { get; init; }
    public required AgeSettings Ages { get; init; }
    public required TriageSettings Triage { get; init; }
    public required TierSettings Tiers { get; init; }
    public required OvernightRates OvernightRates { get; init; }
    public required ReviewSettings Reviews { get; init; }
    public required CaseloadSettings Caseloads { get; init; }
    public required EligibilityCriteria Eligibility { get; init; }

    /// <summary>Links to the Local Offer given to families signposted to universal services.</summary>
    public required IReadOnlyList<LocalOfferLink> LocalOffer { get; init; }

    /// <summary>
    /// Who approves support plans and how plans are costed. Optional: a version without it (such as 2026.1, made
    /// before plans) uses <see cref="PlanSettings.Defaults"/>. Left out of the fingerprint when absent, so adding it
    /// to the code never changes an existing version's fingerprint.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PlanSettings? Plans { get; init; }

    /// <summary>The plan settings in force under this version.</summary>
    [JsonIgnore] public PlanSettings PlanRules => Plans ?? PlanSettings.Defaults;

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

public sealed record CouncilSettings
{
    public required string Name { get; init; }
    public required string ServiceName { get; init; }
    public required string LocalOfferUrl { get; init; }
    public required string MashName { get; init; }
    public required string MashPhone { get; init; }

    /// <summary>Where a safeguarding referral is sent the moment it is made.</summary>
    public required string MashEmail { get; init; }
    public required string ContactEmail { get; init; }
    public required string ContactPhone { get; init; }
}

public sealed record AgeSettings
{
    /// <summary>Youngest age, in whole years, the short breaks offer is for (seeds: 5).</summary>
    public required int MinimumAgeYears { get; init; }

    /// <summary>Children's services end on this birthday (seeds: 18).</summary>
    public required int MaximumAgeYearsExclusive { get; init; }

    /// <summary>How many months before the transfer date a child is listed for planning the move to adult services.</summary>
    public required int AdultTransferPlanningMonths { get; init; }
}

public sealed record TriageSettings
{
    /// <summary>Working days from a request's submission to its threshold decision.</summary>
    public required int DecisionTargetWorkingDays { get; init; }

    /// <summary>A request this many working days or fewer from its target is shown as due soon.</summary>
    public required int DueSoonWorkingDays { get; init; }
}

public sealed record TierSettings
{
    public required FlexibleShortBreaksSettings FlexibleShortBreaks { get; init; }
    public required TargetedShortBreaksSettings TargetedShortBreaks { get; init; }
}

public sealed record FlexibleShortBreaksSettings
{
    public required string Name { get; init; }
    public required int HoursPerYear { get; init; }
    public required decimal DirectPaymentPerYear { get; init; }
    public required decimal ProviderPerYear { get; init; }
    public required decimal HourlyRateMinimum { get; init; }
    public required decimal HourlyRateMaximum { get; init; }
}

public sealed record TargetedShortBreaksSettings
{
    public required string Name { get; init; }
    public required int MaximumHoursPerYear { get; init; }
    public required decimal BudgetMinimum { get; init; }
    public required decimal BudgetMaximum { get; init; }
    public required decimal HourlyRateMinimum { get; init; }
    public required decimal HourlyRateMaximum { get; init; }
}

public sealed record OvernightRates
{
    public required decimal ResidentialUnitMaximum { get; init; }
    public required decimal AtHome { get; init; }
    public required decimal TargetedDirectPayment { get; init; }
    public required decimal TargetedApprovedProvider { get; init; }
    public required decimal CollegeNight { get; init; }

    [JsonPropertyName("section17_6MaximumNightsPerYear")]
    public required int Section17_6MaximumNightsPerYear { get; init; }
}

public sealed record ReviewSettings
{
    public required int RasPackageReviewMonths { get; init; }

    [JsonPropertyName("section17_6ReviewMonths")]
    public required int Section17_6ReviewMonths { get; init; }

    /// <summary>Months of notice before a lower budget takes effect (seeds: 3).</summary>
    public required int ReductionNoticeMonths { get; init; }
}

public sealed record CaseloadSettings
{
    public required int PersonalisationOfficerMinimum { get; init; }
    public required int PersonalisationOfficerMaximum { get; init; }
    public required int ReviewingOfficerReviews { get; init; }
    public required int ReviewingOfficerFamilies { get; init; }
    public required int SocialWorker { get; init; }
}

public sealed record EligibilityCriteria
{
    /// <summary>How many of the needs marked <c>meetsThreshold</c> a child must have.</summary>
    public required int MinimumThresholdNeeds { get; init; }

    /// <summary>Whether at least one accepted kind of evidence must be with the request.</summary>
    public required bool EvidenceRequired { get; init; }

    public required IReadOnlyList<EligibilityNeed> Needs { get; init; }
    public required IReadOnlyList<EvidenceKind> Evidence { get; init; }
}

public sealed record EligibilityNeed
{
    public required string Id { get; init; }
    public required string Question { get; init; }
    public string? Hint { get; init; }

    /// <summary>Whether this need counts towards the threshold for Flexible Short Breaks.</summary>
    public required bool MeetsThreshold { get; init; }
}

public sealed record EvidenceKind
{
    public required string Id { get; init; }
    public required string Label { get; init; }
}

public sealed record LocalOfferLink
{
    public required string Title { get; init; }
    public required string Url { get; init; }
}
