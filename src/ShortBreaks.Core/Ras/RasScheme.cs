namespace ShortBreaks.Core.Ras;

/// <summary>
/// One version of a council's Resource Allocation System: the questionnaire for each age phase, how support
/// already around the child lowers the points, and how points become an indicative budget. A published version
/// never changes; a change is a new version, so any past result can be scored again exactly.
/// </summary>
public sealed record RasScheme
{
    /// <summary>Version label, unique across the council's RAS files, for example "2026.1".</summary>
    public required string Version { get; init; }

    /// <summary>The first day assessments are scored under this version.</summary>
    public required DateOnly EffectiveFrom { get; init; }

    /// <summary>Where the figures come from and anything a reader of the file should know.</summary>
    public string? Description { get; init; }

    /// <summary>How the annual amount is rounded.</summary>
    public required RasRounding Rounding { get; init; }

    /// <summary>Age phases, each with its own questionnaire, support rules and conversion.</summary>
    public required IReadOnlyList<RasPhase> Phases { get; init; }

    /// <summary>A short fingerprint of the version as loaded.</summary>
    [JsonIgnore] public string ContentHash { get; init; } = "";
}

public enum RasRoundingMode
{
    /// <summary>To the nearest step; a half goes to the even step (banker's rounding).</summary>
    ToEven,

    /// <summary>To the nearest step; a half goes up.</summary>
    AwayFromZero,

    /// <summary>Always up to the next step.</summary>
    Up,

    /// <summary>Always down to the step below.</summary>
    Down,
}

/// <summary>
/// Round the annual amount to a multiple of <see cref="To"/> (1.00 for whole pounds, 0.01 for pence, 10 for tens; never
/// less than a penny). Also used for hours, where <see cref="To"/> is in hours.
/// </summary>
public sealed record RasRounding
{
    public required RasRoundingMode Mode { get; init; }
    public required decimal To { get; init; }
}

/// <summary>An age phase, for example primary school age (5 to 10) or secondary school age (11 to 17).</summary>
public sealed record RasPhase
{
    public required string Id { get; init; }
    public required string Name { get; init; }

    /// <summary>The youngest age in whole years scored in this phase.</summary>
    public required int MinimumAge { get; init; }

    /// <summary>The oldest age in whole years scored in this phase (inclusive).</summary>
    public required int MaximumAge { get; init; }

    public required RasQuestionnaire Questionnaire { get; init; }
    public required RasSupportRules SupportRules { get; init; }
    public required RasConversion Conversion { get; init; }

    /// <summary>Optional points thresholds that send a result to universal services or a social work assessment instead of money.</summary>
    public RasRoutingThresholds? Routing { get; init; }

    /// <summary>
    /// Support already funded for the child (equipment, hours from another service) that comes off the amount: the
    /// officer enters each item's pounds or hours a year with the answers. Optional: without it nothing comes off.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<RasFundedSupport>? FundedSupport { get; init; }
}

/// <summary>How a kind of support already funded is entered and taken off the amount.</summary>
public enum RasFundedSupportUnit
{
    /// <summary>Pounds a year, taken off as they are.</summary>
    Money,

    /// <summary>Hours a year, rounded by <see cref="RasFundedSupport.HoursRounding"/> and taken off at <see cref="RasFundedSupport.HourlyRate"/>.</summary>
    Hours,
}

/// <summary>A kind of support already funded, for example "Equipment already funded" (money) or "Hours from the school's holiday club" (hours).</summary>
public sealed record RasFundedSupport
{
    public required string Id { get; init; }

    /// <summary>Read in a sentence, for example "equipment already funded".</summary>
    public required string Name { get; init; }

    public required RasFundedSupportUnit Unit { get; init; }

    /// <summary>For hours: the pounds an hour taken off.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? HourlyRate { get; init; }

    /// <summary>For hours: how the hours entered are rounded before they are priced (down to whole hours is common: mode Down, to 1).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public RasRounding? HoursRounding { get; init; }
}

public sealed record RasQuestionnaire
{
    /// <summary>When true, an answer may fall half way between two adjacent levels and scores their mean.</summary>
    public bool AllowHalfLevels { get; init; }

    public required IReadOnlyList<RasDomain> Domains { get; init; }
}

public sealed record RasDomain
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required IReadOnlyList<RasQuestion> Questions { get; init; }
}

public sealed record RasQuestion
{
    public required string Id { get; init; }
    public required string Text { get; init; }

    /// <summary>From the least need to the most; points never go down along the list.</summary>
    public required IReadOnlyList<RasLevel> Levels { get; init; }
}

public sealed record RasLevel
{
    /// <summary>For example "none", "small", "some", "lots", "exceptional".</summary>
    public required string Id { get; init; }

    /// <summary>Read in a sentence after the question's subject, for example "needs lots of support".</summary>
    public required string Label { get; init; }

    public required decimal Points { get; init; }
}

/// <summary>
/// Support already present around the child (family, friends, other services) lowers a domain's points. A
/// domain without a rule is not lowered. A domain never goes below 0.
/// </summary>
public sealed record RasSupportRules
{
    /// <summary>From the least support to the most, for example none, some, lots. The first is assumed when no support is recorded.</summary>
    public required IReadOnlyList<RasSupportLevel> Levels { get; init; }

    public required IReadOnlyList<RasDomainSupportRule> Domains { get; init; }
}

public sealed record RasSupportLevel
{
    public required string Id { get; init; }

    /// <summary>Read in a sentence, for example "some support from family and friends".</summary>
    public required string Label { get; init; }
}

/// <summary>
/// Exactly one of <see cref="PointsOff"/> (points taken off the domain) or <see cref="PercentOff"/> (a percentage of
/// the domain taken off), each keyed by support level id and never going down as support grows.
/// </summary>
public sealed record RasDomainSupportRule
{
    public required string DomainId { get; init; }
    public IReadOnlyDictionary<string, decimal>? PointsOff { get; init; }
    public IReadOnlyDictionary<string, decimal>? PercentOff { get; init; }
}

/// <summary>How points become money: <c>bands</c> or <c>pricePerPoint</c>.</summary>
public sealed record RasConversion
{
    /// <summary>"bands" or "pricePerPoint".</summary>
    public required string Method { get; init; }

    /// <summary>
    /// For "bands": contiguous bands from 0 to at least the most points possible. A band holds points from its
    /// <c>from</c> (included) up to its <c>to</c> (not included), except the last band, which includes its <c>to</c>.
    /// </summary>
    public IReadOnlyList<RasBand>? Bands { get; init; }

    /// <summary>For "pricePerPoint": points at or below this earn nothing.</summary>
    public decimal? Threshold { get; init; }

    /// <summary>For "pricePerPoint": pounds per point above the threshold.</summary>
    public decimal? PricePerPoint { get; init; }

    /// <summary>For "pricePerPoint": the least amount once above the threshold.</summary>
    public decimal? Floor { get; init; }

    /// <summary>For "pricePerPoint": the most amount.</summary>
    public decimal? Cap { get; init; }

    /// <summary>
    /// For "bands": how the edges are written. Left out, a band holds <c>from</c> up to but not including <c>to</c>.
    /// "Inclusive" is how councils print them: whole points, both ends included ("0–69", "70–115"), each band starting
    /// one point after the band before ends; a total between two whole points (69.5) counts in the lower band.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public RasBandEdges? BandEdges { get; init; }

    /// <summary>Optional: the result shown as hours too, at a stated hourly rate with a stated rounding of the hours.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public RasHoursConversion? HoursAt { get; init; }
}

public enum RasBandEdges
{
    /// <summary>From (included) up to, but not including, to; the last band includes its to.</summary>
    HalfOpen,

    /// <summary>Whole points, both ends included: "0–69", "70–115".</summary>
    Inclusive,
}

/// <summary>Money turned into hours of short breaks: the amount divided by <see cref="HourlyRate"/>, the hours rounded by <see cref="Rounding"/>.</summary>
public sealed record RasHoursConversion
{
    public required decimal HourlyRate { get; init; }

    /// <summary>How the hours are rounded, for example down to whole hours (mode Down, to 1).</summary>
    public required RasRounding Rounding { get; init; }
}

public sealed record RasBand
{
    public required decimal From { get; init; }
    public required decimal To { get; init; }
    public required decimal Amount { get; init; }
    public required string Name { get; init; }

    /// <summary>When set, a result in this band goes to that route instead of money.</summary>
    public RasRouting? Routing { get; init; }

    /// <summary>Hours of short breaks the amount is reckoned to buy, for the family's information.</summary>
    public int? Hours { get; init; }

    /// <summary>What the same hours cost through an approved provider: a delivery route, not a different band.</summary>
    public decimal? ProviderAmount { get; init; }

    /// <summary>
    /// When true, the band gives its amount and also asks for a social work assessment: the family keeps the amount
    /// while the assessment happens. Unlike a band routed to a social work assessment, which gives no money.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? FlagForAssessment { get; init; }
}

public sealed record RasRoutingThresholds
{
    /// <summary>Total points below this go to universal services.</summary>
    public decimal? UniversalBelow { get; init; }

    /// <summary>Total points above this go to a social work assessment.</summary>
    public decimal? SocialWorkAssessmentAbove { get; init; }
}

public enum RasRouting
{
    /// <summary>An indicative budget in money.</summary>
    None,

    /// <summary>Universal and early help services, with no budget.</summary>
    Universal,

    /// <summary>Needs too high for the RAS alone: a social work assessment decides.</summary>
    SocialWorkAssessment,
}
