using ShortBreaks.Core.Ras;

namespace ShortBreaks.Core.Tests.Ras;

/// <summary>Small RAS schemes written out in the test, so each rule's figures are in view.</summary>
internal static class RasTestSchemes
{
    public static readonly string ShippedFolder = Path.Combine(AppContext.BaseDirectory, "schemes", "ras");

    private static readonly Lazy<RasSchemeCatalog> LazyShipped = new(() => RasSchemeCatalog.LoadFrom(ShippedFolder));

    public static RasScheme Shipped => LazyShipped.Value.Find("2026.1")!;

    public static RasLevel[] Levels() =>
    [
        new(Id: "none", Label: "needs no extra help", Points: 0),
        new(Id: "some", Label: "needs some help", Points: 2),
        new(Id: "lots", Label: "needs lots of help", Points: 5),
        new(Id: "exceptional", Label: "needs help all the time", Points: 9),
    ];

    public static RasConversion Bands(params RasBand[] bands) => new(Method: "bands", Bands: bands);

    public static RasConversion Price(decimal threshold, decimal price, decimal floor, decimal cap) =>
        new(Method: "pricePerPoint", Threshold: threshold, PricePerPoint: price, Floor: floor, Cap: cap);

    /// <summary>The standard bands over 0 to 27 points (the most this scheme can score).</summary>
    public static RasConversion StandardBands() => Bands(
        new RasBand(From: 0, To: 5, Amount: 0, Name: "Universal", Routing: RasRouting.Universal),
        new RasBand(From: 5, To: 10, Amount: 750, Name: "Flexible", Hours: 80, ProviderAmount: 1200),
        new RasBand(From: 10, To: 20, Amount: 1800, Name: "Targeted"),
        new RasBand(From: 20, To: 27, Amount: 0, Name: "Social work", Routing: RasRouting.SocialWorkAssessment));

    /// <summary>
    /// A phase with "care" (questions "wash", "dress") and "sleep" (question "settle"), levels 0, 2, 5, 9.
    /// Support takes 3 or 10 points off care and 25% or 100% off sleep.
    /// </summary>
    public static RasPhase Phase(string id, int min, int max, RasConversion? conversion = null, RasRoutingThresholds? routing = null, bool allowHalfLevels = true) => new(
        Id: id,
        Name: id == "primary" ? "Primary school age" : "Secondary school age",
        MinimumAge: min,
        MaximumAge: max,
        Questionnaire: new RasQuestionnaire
        {
            AllowHalfLevels = allowHalfLevels,
            Domains =
            [
                new RasDomain(
                    Id: "care", Name: "Personal care",
                    Questions: [
                        new RasQuestion(Id: "wash", Text: "Washing", Levels: Levels()),
                        new RasQuestion(Id: "dress", Text: "Dressing", Levels: Levels()),
                    ]),
                new RasDomain(
                    Id: "sleep", Name: "Sleep",
                    Questions: [new RasQuestion(Id: "settle", Text: "Settling to sleep", Levels: Levels())]),
            ],
        },
        SupportRules: new RasSupportRules(
            Levels: [
                new RasSupportLevel(Id: "none", Label: "no support"),
                new RasSupportLevel(Id: "some", Label: "some support from family"),
                new RasSupportLevel(Id: "lots", Label: "lots of support from family"),
            ],
            Domains: [
                new RasDomainSupportRule(DomainId: "care", PointsOff: new Dictionary<string, decimal> { ["none"] = 0, ["some"] = 3, ["lots"] = 10 }),
                new RasDomainSupportRule(DomainId: "sleep", PercentOff: new Dictionary<string, decimal> { ["none"] = 0, ["some"] = 25, ["lots"] = 100 }),
            ]),
        Conversion: conversion ?? StandardBands(),
        Routing: routing);

    /// <summary>Two such phases: primary 5 to 10 and secondary 11 to 17.</summary>
    public static RasScheme With(RasConversion? conversion = null, RasRoutingThresholds? routing = null, bool allowHalfLevels = true, RasRounding? rounding = null) => new()
    {
        Version = "test.1",
        EffectiveFrom = new DateOnly(2026, 4, 1),
        Rounding = rounding ?? new RasRounding(Mode: RasRoundingMode.Up, To: 1),
        Phases =
        [
            Phase("primary", 5, 10, conversion, routing, allowHalfLevels),
            Phase("secondary", 11, 17, conversion, routing, allowHalfLevels),
        ],
    };

    public static RasAnswers Answers(string wash, string dress, string settle, string careSupport = "none", string sleepSupport = "none", int age = 8) => new()
    {
        AgeYears = age,
        Levels = new Dictionary<string, string> { ["wash"] = wash, ["dress"] = dress, ["settle"] = settle },
        Support = new Dictionary<string, string> { ["care"] = careSupport, ["sleep"] = sleepSupport },
    };
}
