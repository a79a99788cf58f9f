namespace ShortBreaks.Core.Ras;

/// <summary>
/// One version of a council's Resource Allocation System: the questionnaire for each age phase, how support
/// already around the child lowers the points, and how points become an indicative budget. A published version
/// never changes; a change is a new version, so any past result can be scored again exactly.
/// </summary>
public sealed record RasScheme : IVersionedFile
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
public sealed record RasRounding(RasRoundingMode Mode, decimal To);

/// <summary>An age phase, for example primary school age (5 to 10) or secondary school age (11 to 17).</summary>
/// <param name="MinimumAge">The youngest age in whole years scored in this phase.</param>
/// <param name="MaximumAge">The oldest age in whole years scored in this phase (inclusive).</param>
/// <param name="Routing">Optional points thresholds that send a result to universal services or a social work assessment instead of money.</param>
/// <param name="FundedSupport">
/// Support already funded for the child (equipment, hours from another service) that comes off the amount: the
/// officer enters each item's pounds or hours a year with the answers. Optional: without it nothing comes off.
/// </param>
public sealed record RasPhase(
    string Id, string Name, int MinimumAge, int MaximumAge,
    RasQuestionnaire Questionnaire, RasSupportRules SupportRules, RasConversion Conversion,
    RasRoutingThresholds? Routing = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<RasFundedSupport>? FundedSupport = null);

/// <summary>How a kind of support already funded is entered and taken off the amount.</summary>
public enum RasFundedSupportUnit
{
    /// <summary>Pounds a year, taken off as they are.</summary>
    Money,

    /// <summary>Hours a year, rounded by <see cref="RasFundedSupport.HoursRounding"/> and taken off at <see cref="RasFundedSupport.HourlyRate"/>.</summary>
    Hours,
}

/// <summary>A kind of support already funded, for example "Equipment already funded" (money) or "Hours from the school's holiday club" (hours).</summary>
/// <param name="Name">Read in a sentence, for example "equipment already funded".</param>
/// <param name="HourlyRate">For hours: the pounds an hour taken off.</param>
/// <param name="HoursRounding">For hours: how the hours entered are rounded before they are priced (down to whole hours is common: mode Down, to 1).</param>
public sealed record RasFundedSupport(
    string Id, string Name, RasFundedSupportUnit Unit,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? HourlyRate = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] RasRounding? HoursRounding = null);

public sealed record RasQuestionnaire
{
    /// <summary>When true, an answer may fall half way between two adjacent levels and scores their mean.</summary>
    public bool AllowHalfLevels { get; init; }

    public required IReadOnlyList<RasDomain> Domains { get; init; }
}

public sealed record RasDomain(string Id, string Name, IReadOnlyList<RasQuestion> Questions);

/// <param name="Levels">From the least need to the most; points never go down along the list.</param>
public sealed record RasQuestion(string Id, string Text, IReadOnlyList<RasLevel> Levels);

/// <param name="Id">For example "none", "small", "some", "lots", "exceptional".</param>
/// <param name="Label">Read in a sentence after the question's subject, for example "needs lots of support".</param>
public sealed record RasLevel(string Id, string Label, decimal Points);

/// <summary>
/// Support already present around the child (family, friends, other services) lowers a domain's points. A
/// domain without a rule is not lowered. A domain never goes below 0.
/// </summary>
/// <param name="Levels">From the least support to the most, for example none, some, lots. The first is assumed when no support is recorded.</param>
public sealed record RasSupportRules(IReadOnlyList<RasSupportLevel> Levels, IReadOnlyList<RasDomainSupportRule> Domains);

/// <param name="Label">Read in a sentence, for example "some support from family and friends".</param>
public sealed record RasSupportLevel(string Id, string Label);

/// <summary>
/// Exactly one of <see cref="PointsOff"/> (points taken off the domain) or <see cref="PercentOff"/> (a percentage of
/// the domain taken off), each keyed by support level id and never going down as support grows.
/// </summary>
public sealed record RasDomainSupportRule(
    string DomainId, IReadOnlyDictionary<string, decimal>? PointsOff = null, IReadOnlyDictionary<string, decimal>? PercentOff = null);

/// <summary>How points become money: <c>bands</c> or <c>pricePerPoint</c>.</summary>
/// <param name="Method">"bands" or "pricePerPoint".</param>
/// <param name="Bands">
/// For "bands": contiguous bands from 0 to at least the most points possible. A band holds points from its
/// <c>from</c> (included) up to its <c>to</c> (not included), except the last band, which includes its <c>to</c>.
/// </param>
/// <param name="Threshold">For "pricePerPoint": points at or below this earn nothing.</param>
/// <param name="PricePerPoint">For "pricePerPoint": pounds per point above the threshold.</param>
/// <param name="Floor">For "pricePerPoint": the least amount once above the threshold.</param>
/// <param name="Cap">For "pricePerPoint": the most amount.</param>
/// <param name="BandEdges">
/// For "bands": how the edges are written. Left out, a band holds <c>from</c> up to but not including <c>to</c>.
/// "Inclusive" is how councils print them: whole points, both ends included ("0–69", "70–115"), each band starting
/// one point after the band before ends; a total between two whole points (69.5) counts in the lower band.
/// </param>
/// <param name="HoursAt">Optional: the result shown as hours too, at a stated hourly rate with a stated rounding of the hours.</param>
public sealed record RasConversion(
    string Method, IReadOnlyList<RasBand>? Bands = null,
    decimal? Threshold = null, decimal? PricePerPoint = null, decimal? Floor = null, decimal? Cap = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] RasBandEdges? BandEdges = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] RasHoursConversion? HoursAt = null);

public enum RasBandEdges
{
    /// <summary>From (included) up to, but not including, to; the last band includes its to.</summary>
    HalfOpen,

    /// <summary>Whole points, both ends included: "0–69", "70–115".</summary>
    Inclusive,
}

/// <summary>Money turned into hours of short breaks: the amount divided by <see cref="HourlyRate"/>, the hours rounded by <see cref="Rounding"/>.</summary>
/// <param name="Rounding">How the hours are rounded, for example down to whole hours (mode Down, to 1).</param>
public sealed record RasHoursConversion(decimal HourlyRate, RasRounding Rounding);

/// <param name="Routing">When set, a result in this band goes to that route instead of money.</param>
/// <param name="Hours">Hours of short breaks the amount is reckoned to buy, for the family's information.</param>
/// <param name="ProviderAmount">What the same hours cost through an approved provider: a delivery route, not a different band.</param>
/// <param name="FlagForAssessment">
/// When true, the band gives its amount and also asks for a social work assessment: the family keeps the amount
/// while the assessment happens. Unlike a band routed to a social work assessment, which gives no money.
/// </param>
public sealed record RasBand(
    decimal From, decimal To, decimal Amount, string Name,
    RasRouting? Routing = null, int? Hours = null, decimal? ProviderAmount = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? FlagForAssessment = null);

/// <param name="UniversalBelow">Total points below this go to universal services.</param>
/// <param name="SocialWorkAssessmentAbove">Total points above this go to a social work assessment.</param>
public sealed record RasRoutingThresholds(decimal? UniversalBelow = null, decimal? SocialWorkAssessmentAbove = null);

public enum RasRouting
{
    /// <summary>An indicative budget in money.</summary>
    None,

    /// <summary>Universal and early help services, with no budget.</summary>
    Universal,

    /// <summary>Needs too high for the RAS alone: a social work assessment decides.</summary>
    SocialWorkAssessment,
}
