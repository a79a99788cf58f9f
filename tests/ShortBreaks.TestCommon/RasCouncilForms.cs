using ShortBreaks.Core.Ras;

namespace ShortBreaks.TestCommon;

/// <summary>
/// A RAS version written the way councils publish theirs, made from a shipped version: the primary phase's bands
/// as inclusive whole-point ranges, the £3,000 band giving its amount and asking for a social work assessment,
/// the result as hours at £15 an hour (down to whole hours), and support already funded in money (equipment) and
/// in hours (a holiday club, at £15 an hour, down to whole hours).
/// </summary>
public static class RasCouncilForms
{
    public const string Version = "2026.2-forms";

    public static RasScheme From(RasScheme shipped, DateOnly effectiveFrom) => shipped with
    {
        Version = Version,
        EffectiveFrom = effectiveFrom,
        Phases = [.. shipped.Phases.Select(p => p.Id != "primary" ? p : p with
        {
            Conversion = new RasConversion(
                Method: "bands",
                BandEdges: RasBandEdges.Inclusive,
                HoursAt: new RasHoursConversion(HourlyRate: 15m, Rounding: new RasRounding(Mode: RasRoundingMode.Down, To: 1)),
                Bands: [
                    new RasBand(From: 0, To: 19, Amount: 0, Name: "Universal and early help services", Routing: RasRouting.Universal),
                    new RasBand(From: 20, To: 49, Amount: 750, Name: "Flexible Short Breaks"),
                    new RasBand(From: 50, To: 74, Amount: 1800, Name: "Targeted Short Breaks, band 1"),
                    new RasBand(From: 75, To: 99, Amount: 2400, Name: "Targeted Short Breaks, band 2"),
                    new RasBand(From: 100, To: 129, Amount: 3000, Name: "Targeted Short Breaks, band 3", FlagForAssessment: true),
                    new RasBand(From: 130, To: 240, Amount: 0, Name: "Social work assessment", Routing: RasRouting.SocialWorkAssessment),
                ]),
            FundedSupport =
            [
                new RasFundedSupport(Id: "equipment", Name: "equipment already funded", Unit: RasFundedSupportUnit.Money),
                new RasFundedSupport(
                    Id: "holiday-club", Name: "hours at a holiday club already funded", Unit: RasFundedSupportUnit.Hours, HourlyRate: 15m,
                    HoursRounding: new RasRounding(Mode: RasRoundingMode.Down, To: 1)),
            ],
        })],
    };

    /// <summary>Answers to the primary questionnaire: the first <paramref name="lots"/> questions "lots" (4 points each), the rest "none".</summary>
    public static Dictionary<string, string> PrimaryLevels(RasScheme scheme, int lots) =>
        scheme.Phases.Single(p => p.Id == "primary").Questionnaire.Domains.SelectMany(d => d.Questions)
            .Select((q, i) => (q.Id, Level: i < lots ? "lots" : "none")).ToDictionary(x => x.Id, x => x.Level);
}
