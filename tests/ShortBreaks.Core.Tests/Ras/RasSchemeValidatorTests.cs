using System.Text.Json.Nodes;
using ShortBreaks.Core.Ras;
using static ShortBreaks.Core.Tests.Ras.RasTestSchemes;

namespace ShortBreaks.Core.Tests.Ras;

public class RasSchemeValidatorTests
{
    private static IReadOnlyList<string> Validate(RasScheme scheme) => RasSchemeValidator.Validate(scheme);

    private static RasScheme WithPhase(Func<RasPhase, RasPhase> change)
    {
        var scheme = With();
        return scheme with { Phases = [change(scheme.Phases[0]), scheme.Phases[1]] };
    }

    private static RasPhase WithQuestion(RasPhase p, RasQuestion q) => p with
    {
        Questionnaire = p.Questionnaire with
        {
            Domains = [p.Questionnaire.Domains[0] with { Questions = [q, p.Questionnaire.Domains[0].Questions[1]] }, p.Questionnaire.Domains[1]],
        },
    };

    [Fact]
    public void Validate_TestScheme_HasNoErrors() => Validate(With()).ShouldBeEmpty();

    [Fact]
    public void Validate_BandsWithAGap_IsAnError()
    {
        var errors = Validate(With(Bands(
            new RasBand(From: 0, To: 10, Amount: 0, Name: "Low"),
            new RasBand(From: 10.5m, To: 27, Amount: 100, Name: "High"))));

        errors.ShouldContain("phase 'primary', band 'High': leaves a gap: it starts at 10.5 but the band before ends at 10; start it at 10.");
    }

    [Fact]
    public void Validate_OverlappingBands_IsAnError()
    {
        var errors = Validate(With(Bands(
            new RasBand(From: 0, To: 10, Amount: 0, Name: "Low"),
            new RasBand(From: 9, To: 27, Amount: 100, Name: "High"))));

        errors.ShouldContain("phase 'primary', band 'High': overlaps the band before: it starts at 9 but the band before ends at 10; start it at 10.");
    }

    [Fact]
    public void Validate_BandsNotReachingTheMostPoints_IsAnError()
    {
        var errors = Validate(With(Bands(new RasBand(From: 0, To: 26.5m, Amount: 0, Name: "All"))));
        errors.ShouldContain("phase 'primary': the bands end at 26.5 points but a child can score up to 27.");
    }

    [Fact]
    public void Validate_BandsNotStartingAtZero_IsAnError()
    {
        Validate(With(Bands(new RasBand(From: 1, To: 27, Amount: 0, Name: "All"))))
            .ShouldContain("phase 'primary': the first band must start at 0 points, not 1.");
    }

    [Fact]
    public void Validate_BandAmountGoingDown_IsAnError()
    {
        Validate(With(Bands(
            new RasBand(From: 0, To: 10, Amount: 500, Name: "Low"),
            new RasBand(From: 10, To: 27, Amount: 400, Name: "High"))))
            .ShouldContain("phase 'primary', band 'High': amount is less than the band before; more points must never give less money.");
    }

    [Fact]
    public void Validate_UniversalBandAfterMoney_IsAnError()
    {
        Validate(With(Bands(
            new RasBand(From: 0, To: 10, Amount: 500, Name: "Low"),
            new RasBand(From: 10, To: 27, Amount: 0, Name: "High", Routing: RasRouting.Universal))))
            .ShouldContain("phase 'primary', band 'High': routing goes back down; bands must run from universal, through money, to a social work assessment.");
    }

    [Fact]
    public void Validate_LevelPointsGoingDown_IsAnError()
    {
        var question = new RasQuestion(
            Id: "wash", Text: "Washing",
            Levels: [new RasLevel(Id: "none", Label: "none", Points: 3), new RasLevel(Id: "some", Label: "some", Points: 2)]);

        Validate(WithPhase(p => WithQuestion(p, question)))
            .ShouldContain("phase 'primary', question 'wash': level 'some' scores fewer points than 'none' before it; points must not go down.");
    }

    [Fact]
    public void Validate_DuplicateIds_AreErrors()
    {
        var question = new RasQuestion(
            Id: "dress", Text: "Washing",
            Levels: [new RasLevel(Id: "none", Label: "none", Points: 0), new RasLevel(Id: "none", Label: "again", Points: 2)]);

        var errors = Validate(WithPhase(p => WithQuestion(p, question) with { Id = "secondary" }));

        errors.ShouldContain("phases: id 'secondary' is used more than once.");
        errors.ShouldContain("phase 'secondary': question id 'dress' is used more than once.");
        errors.ShouldContain("phase 'secondary', question 'dress': level id 'none' is used more than once.");
    }

    [Fact]
    public void Validate_OverlappingPhaseAges_IsAnError()
    {
        Validate(WithPhase(p => p with { MaximumAge = 12 }))
            .ShouldContain("phases 'primary' and 'secondary' overlap: ages 11 to 12 are in both.");
    }

    [Fact]
    public void Validate_FloorAboveCap_IsAnError()
    {
        Validate(With(Price(0, 10, floor: 500, cap: 400)))
            .ShouldContain("phase 'primary': conversion.floor (500) must not be more than conversion.cap (400).");
    }

    [Fact]
    public void Validate_PricePerPointMissingFigures_IsAnError()
    {
        Validate(With(new RasConversion(Method: "pricePerPoint", PricePerPoint: 10)))
            .ShouldContain("phase 'primary': conversion by pricePerPoint needs threshold, pricePerPoint, floor and cap.");
    }

    [Fact]
    public void Validate_UnknownConversionMethod_IsAnError()
    {
        Validate(With(new RasConversion(Method: "guess")))
            .ShouldContain("phase 'primary': conversion.method must be \"bands\" or \"pricePerPoint\", not \"guess\".");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("0.005")]
    [InlineData("0.0099")]
    public void Validate_RoundingBelowAPenny_IsAnError(string to)
    {
        Validate(With(rounding: new RasRounding(Mode: RasRoundingMode.Up, To: decimal.Parse(to, System.Globalization.CultureInfo.InvariantCulture))))
            .ShouldContain($"rounding.to must be at least 0.01 (a penny), not {decimal.Parse(to, System.Globalization.CultureInfo.InvariantCulture):0.####}.");
    }

    [Fact]
    public void Validate_RoundingToAPenny_IsAllowed() =>
        Validate(With(rounding: new RasRounding(Mode: RasRoundingMode.Up, To: 0.01m))).ShouldBeEmpty();

    [Fact]
    public void Validate_CapNotAMultipleOfTheRounding_IsAnError()
    {
        Validate(With(Price(0, 10, 0, 1005), rounding: new RasRounding(Mode: RasRoundingMode.Up, To: 10)))
            .ShouldContain("phase 'primary': conversion.floor and conversion.cap must be whole multiples of rounding.to (10).");
    }

    [Fact]
    public void Validate_SupportTakingLessForMoreSupport_IsAnError()
    {
        var scheme = WithPhase(p => p with
        {
            SupportRules = p.SupportRules with
            {
                Domains = [new RasDomainSupportRule(DomainId: "care", PointsOff: new Dictionary<string, decimal> { ["none"] = 0, ["some"] = 5, ["lots"] = 4 })],
            },
        });

        Validate(scheme).ShouldContain("phase 'primary', support rule for 'care': pointsOff for 'lots' is less than for the support level before it; more support must never take off less.");
    }

    [Fact]
    public void Validate_SupportRuleWithBothOrNeither_IsAnError()
    {
        var both = new Dictionary<string, decimal> { ["none"] = 0, ["some"] = 1, ["lots"] = 2 };
        var scheme = WithPhase(p => p with
        {
            SupportRules = p.SupportRules with
            {
                Domains =
                [
                    new RasDomainSupportRule(DomainId: "care", PointsOff: both, PercentOff: both),
                    new RasDomainSupportRule(DomainId: "nowhere", PercentOff: new Dictionary<string, decimal> { ["none"] = 0, ["some"] = 10, ["lots"] = 120 }),
                ],
            },
        });

        var errors = Validate(scheme);

        errors.ShouldContain("phase 'primary', support rule for 'care': give exactly one of pointsOff or percentOff.");
        errors.ShouldContain("phase 'primary', support rule for 'nowhere': there is no such domain.");
        errors.ShouldContain("phase 'primary', support rule for 'nowhere': percentOff for 'lots' must not be more than 100.");
    }

    [Fact]
    public void Parse_UnknownProperty_IsRefused()
    {
        var (scheme, errors) = RasSchemeCatalog.Parse("""{ "version": "x", "effectiveFrom": "2026-04-01", "rounding": { "mode": "Up", "to": 1 }, "phases": [], "colour": "red" }""");

        scheme.ShouldBeNull();
        errors.ShouldHaveSingleItem().ShouldContain("colour");
    }

    [Fact]
    public void Parse_UnknownRoundingMode_IsRefused()
    {
        var (scheme, errors) = RasSchemeCatalog.Parse("""{ "version": "x", "effectiveFrom": "2026-04-01", "rounding": { "mode": "Sideways", "to": 1 }, "phases": [] }""");

        scheme.ShouldBeNull();
        errors.ShouldHaveSingleItem().ShouldStartWith("is not a valid RAS file");
    }

    [Theory]
    [InlineData("rounding", "mode", "RasRounding")]
    [InlineData("phases/0", "name", "RasPhase")]
    [InlineData("phases/0/questionnaire/domains/0/questions/0/levels/0", "points", "RasLevel")]
    [InlineData("phases/0/supportRules/levels/0", "label", "RasSupportLevel")]
    [InlineData("phases/0/conversion", "method", "RasConversion")]
    [InlineData("phases/0/conversion/bands/0", "amount", "RasBand")]
    public void Parse_MissingRequiredValue_IsRefusedByName(string path, string property, string type)
    {
        var json = JsonNode.Parse(RasSchemeCatalog.ToJson(Shipped))!;
        var target = path.Split('/').Aggregate(json, (node, part) => int.TryParse(part, out var i) ? node[i]! : node[part]!);
        target.AsObject().Remove(property);

        var (scheme, errors) = RasSchemeCatalog.Parse(json.ToJsonString());

        scheme.ShouldBeNull();
        errors.ShouldHaveSingleItem().ShouldBe(
            $"is not a valid RAS file: JSON deserialization for type 'ShortBreaks.Core.Ras.{type}' was missing required properties including: '{property}'.");
    }

    [Fact]
    public void Shipped_ReadBackFromItsJson_WritesTheSameJson()
    {
        var json = RasSchemeCatalog.ToJson(Shipped);

        var again = RasSchemeCatalog.Parse(json).Scheme!;

        RasSchemeCatalog.ToJson(again).ShouldBe(json);
        again.ContentHash.ShouldBe(Shipped.ContentHash);
    }

    [Fact]
    public void LoadFrom_FolderWithABadFile_ListsTheFileAndItsErrors()
    {
        var folder = Directory.CreateTempSubdirectory("ras-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "bad.json"), """{ "version": "", "effectiveFrom": "2026-04-01", "rounding": { "mode": "Up", "to": 1 }, "phases": [] }""");

            var ex = Should.Throw<RasSchemeValidationException>(() => RasSchemeCatalog.LoadFrom(folder.FullName));

            ex.Errors.ShouldBe(["bad.json: version is required.", "bad.json: phases must list at least one phase."]);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
