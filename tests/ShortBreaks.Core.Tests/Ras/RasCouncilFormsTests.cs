using System.Text.Json.Nodes;
using ShortBreaks.Core.Ras;
using static ShortBreaks.Core.Tests.Ras.RasTestSchemes;

namespace ShortBreaks.Core.Tests.Ras;

/// <summary>
/// The forms councils publish their RAS in: inclusive whole-point bands, a band that gives money and asks for an
/// assessment, support already funded taken off in money or hours, the result as hours, the rounding in view.
/// The test scheme scores 0 to 27 points ("wash", "dress", "settle": levels 0, 2, 5, 9).
/// </summary>
public class RasCouncilFormsTests
{
    private static IReadOnlyList<string> Validate(RasScheme scheme) => RasSchemeValidator.Validate(scheme);

    /// <summary>Answers scoring exactly 0 to 27 points in halves, with no support.</summary>
    private static RasAnswers Points(decimal points, IReadOnlyDictionary<string, decimal>? funded = null)
    {
        // wash + dress + settle from the levels 0, 2, 5, 9 and their half levels 1, 3.5, 7.
        (string Id, decimal Points)[] steps = [("none", 0), ("none/some", 1), ("some", 2), ("some/lots", 3.5m), ("lots", 5), ("lots/exceptional", 7), ("exceptional", 9)];
        foreach (var a in steps)
        {
            foreach (var b in steps)
            {
                foreach (var c in steps)
                {
                    if (a.Points + b.Points + c.Points == points)
                        return Answers(a.Id, b.Id, c.Id) with { FundedSupport = funded ?? new Dictionary<string, decimal>() };
                }
            }
        }

        throw new ArgumentException($"No answers score {points}.");
    }

    private static RasConversion Inclusive(params RasBand[] bands) => new(Method: "bands", Bands: bands, BandEdges: RasBandEdges.Inclusive);

    /// <summary>As a council prints them: 0–4 universal, 5–9 £750, 10–19 £1,800, 20–27 £3,000 with an assessment.</summary>
    private static RasConversion PrintedBands() => Inclusive(
        new RasBand(From: 0, To: 4, Amount: 0, Name: "Universal", Routing: RasRouting.Universal),
        new RasBand(From: 5, To: 9, Amount: 750, Name: "Flexible"),
        new RasBand(From: 10, To: 19, Amount: 1800, Name: "Targeted"),
        new RasBand(From: 20, To: 27, Amount: 3000, Name: "Targeted with assessment", FlagForAssessment: true));

    // Inclusive whole-point bands

    [Theory]
    [InlineData("4", "Universal")]
    [InlineData("5", "Flexible")]
    [InlineData("9", "Flexible")]
    [InlineData("9.5", "Flexible")]
    [InlineData("10", "Targeted")]
    [InlineData("19", "Targeted")]
    [InlineData("20", "Targeted with assessment")]
    [InlineData("27", "Targeted with assessment")]
    public void InclusiveBands_HoldBothPrintedEnds(string points, string band)
    {
        var result = RasEngine.Score(With(PrintedBands()), Points(decimal.Parse(points, System.Globalization.CultureInfo.InvariantCulture)));

        result.Band!.Name.ShouldBe(band);
    }

    [Fact]
    public void InclusiveBands_ExplainATotalBetweenTwoBands()
    {
        var working = RasEngine.Explain(With(PrintedBands()), Points(9.5m));

        working.Text.ShouldContain("9.5 points is in the band \"Flexible\" (5 to 9 points; a total between 9 and 10 counts in this band), which gives £750 a year.");
    }

    [Fact]
    public void InclusiveBands_WithAGap_ShowTheFix()
    {
        var errors = Validate(With(Inclusive(
            new RasBand(From: 0, To: 69, Amount: 0, Name: "Low"),
            new RasBand(From: 71, To: 115, Amount: 100, Name: "High"))));

        errors.ShouldContain("phase 'primary', band 'High' (71–115): leaves a gap: the band before ends at 69, so totals from 70 to 70 are in no band; start it at 70 (write 70–115), or end the band before at 70.");
    }

    [Fact]
    public void InclusiveBands_Overlapping_ShowTheFix()
    {
        var errors = Validate(With(Inclusive(
            new RasBand(From: 0, To: 70, Amount: 0, Name: "Low"),
            new RasBand(From: 70, To: 115, Amount: 100, Name: "High"))));

        errors.ShouldContain("phase 'primary', band 'High' (70–115): overlaps the band before, which ends at 70, so 70 is in both; start it at 71 (write 71–115), or end the band before at 69.");
    }

    [Fact]
    public void InclusiveBands_WrittenHalfOpen_AreTakenAsOverlapping()
    {
        // "to" of one band equal to "from" of the next is the half-open way; inclusive edges say which is meant.
        var errors = Validate(With(Inclusive(
            new RasBand(From: 0, To: 10, Amount: 0, Name: "Low"),
            new RasBand(From: 10, To: 27, Amount: 100, Name: "High"))));

        errors.ShouldContain(e => e.Contains("overlaps the band before") && e.Contains("write 11–27"));
    }

    [Fact]
    public void InclusiveBands_MustBeWholePoints()
    {
        var errors = Validate(With(Inclusive(
            new RasBand(From: 0, To: 9.5m, Amount: 0, Name: "Low"),
            new RasBand(From: 10.5m, To: 27, Amount: 100, Name: "High"))));

        errors.ShouldContain("phase 'primary', band 'Low': with inclusive band edges, from and to must be whole points, not 0–9.5.");
    }

    [Fact]
    public void InclusiveBands_OneWholePointWide_AreValid() => Validate(With(Inclusive(
        new RasBand(From: 0, To: 0, Amount: 0, Name: "Nothing"),
        new RasBand(From: 1, To: 27, Amount: 100, Name: "Everything else")))).ShouldBeEmpty();

    [Fact]
    public void InclusiveBands_KeepTheShippedFormValid() => Validate(With(PrintedBands())).ShouldBeEmpty();

    // A band that gives money and asks for an assessment

    [Fact]
    public void FlaggedBand_GivesItsAmountAndFlagsTheAssessment()
    {
        var working = RasEngine.Explain(With(PrintedBands()), Points(21));

        working.Result.Routing.ShouldBe(RasRouting.None);
        working.Result.Amount.ShouldBe(3000);
        working.Result.FlaggedForAssessment.ShouldBeTrue();
        working.Lines.ShouldContain(l => l.Kind == RasWorkingKind.Assessment && l.Text.Contains("you keep this amount while that happens"));
        working.Lines[^1].Text.ShouldStartWith("Your child's indicative budget is £3,000 a year, which you keep while a social worker assesses your child's needs with you.");
    }

    [Fact]
    public void RoutedBand_GivesNoMoneyAndIsNotFlagged()
    {
        var result = RasEngine.Score(With(StandardBands()), Points(21));

        result.Routing.ShouldBe(RasRouting.SocialWorkAssessment);
        result.Amount.ShouldBe(0);
        result.FlaggedForAssessment.ShouldBeFalse();
    }

    [Fact]
    public void FlaggedBand_FollowedByAnUnflaggedMoneyBand_IsAnError()
    {
        var errors = Validate(With(Bands(
            new RasBand(From: 0, To: 10, Amount: 750, Name: "Flagged", FlagForAssessment: true),
            new RasBand(From: 10, To: 27, Amount: 1800, Name: "Plain"))));

        errors.ShouldContain("phase 'primary', band 'Plain': does not ask for a social work assessment but a band before it does; more points must never stop asking for one.");
    }

    [Fact]
    public void RoutedBand_WithAFlag_IsAnError()
    {
        var errors = Validate(With(Bands(
            new RasBand(From: 0, To: 27, Amount: 0, Name: "Social work", Routing: RasRouting.SocialWorkAssessment, FlagForAssessment: true))));

        errors.ShouldContain("phase 'primary', band 'Social work': sends the child to a social work assessment instead of giving money, so it takes no flagForAssessment.");
    }

    // A band whose result is a route refuses an amount

    [Theory]
    [InlineData(RasRouting.Universal, "universal services")]
    [InlineData(RasRouting.SocialWorkAssessment, "a social work assessment")]
    public void RoutedBand_WithAnAmount_IsRefused(RasRouting routing, string where)
    {
        var universal = routing == RasRouting.Universal;
        var errors = Validate(With(Bands(
            new RasBand(From: 0, To: 10, Amount: universal ? 500 : 0, Name: "Low", Routing: RasRouting.Universal),
            new RasBand(From: 10, To: 27, Amount: universal ? 0 : 500, Name: "Routed", Routing: RasRouting.SocialWorkAssessment))));

        var band = routing == RasRouting.Universal ? "Low" : "Routed";
        errors.ShouldContain($"phase 'primary', band '{band}': sends the child to {where} instead of giving money, so its amount must be 0, not 500. To give money and ask for an assessment, leave routing out and set flagForAssessment.");
    }

    // Support already funded, in money or in hours

    private static RasScheme WithFunded(RasConversion? conversion = null, RasRounding? hoursRounding = null)
    {
        RasFundedSupport[] funded =
        [
            new(Id: "equipment", Name: "equipment already funded", Unit: RasFundedSupportUnit.Money),
            new(
                Id: "holiday-club", Name: "hours at the holiday club already funded", Unit: RasFundedSupportUnit.Hours, HourlyRate: 15m,
                HoursRounding: hoursRounding ?? new RasRounding(Mode: RasRoundingMode.Down, To: 1)),
        ];
        var scheme = With(conversion ?? PrintedBands());
        return scheme with { Phases = [.. scheme.Phases.Select(p => p with { FundedSupport = funded })] };
    }

    [Fact]
    public void FundedSupport_InMoney_ComesOffTheAmount()
    {
        var working = RasEngine.Explain(WithFunded(), Points(12, new Dictionary<string, decimal> { ["equipment"] = 250.50m }));

        working.Result.Amount.ShouldBe(1550);
        working.Result.FundedSupportDeducted.ShouldBe(250.50m);
        working.Lines.ShouldContain(l => l.Kind == RasWorkingKind.FundedSupport && l.Amount == -250.50m &&
                                         l.Text == "Equipment already funded: £250.50 a year, which comes off, leaving £1,549.50.");
        working.Lines.ShouldContain(l => l.Kind == RasWorkingKind.Rounding && l.Text == "Before rounding the amount is £1,549.50; rounded up to a multiple of £1 it is £1,550.");
    }

    [Fact]
    public void FundedSupport_InHours_IsRoundedAsTheSchemeSaysThenPriced()
    {
        var working = RasEngine.Explain(WithFunded(), Points(12, new Dictionary<string, decimal> { ["holiday-club"] = 40.75m }));

        // 40.75 hours, down to whole hours: 40 hours at £15 = £600 off £1,800.
        working.Result.Amount.ShouldBe(1200);
        working.Result.FundedSupportDeducted.ShouldBe(600);
        working.Lines.ShouldContain(l => l.Kind == RasWorkingKind.FundedSupport &&
                                         l.Text == "Hours at the holiday club already funded: 40.75 hours a year, rounded down to whole hours to 40 hours, at £15 an hour is £600, which comes off, leaving £1,200.");
    }

    [Theory]
    [InlineData(RasRoundingMode.Up, "1", "40.25", 1185)]
    [InlineData(RasRoundingMode.AwayFromZero, "0.5", "40.25", 1192.5)]
    [InlineData(RasRoundingMode.Down, "0.5", "40.4", 1200)]
    public void FundedSupport_InHours_FollowsTheStatedRounding(RasRoundingMode mode, string to, string hours, decimal beforeRounding)
    {
        var scheme = WithFunded(hoursRounding: new RasRounding(Mode: mode, To: decimal.Parse(to, System.Globalization.CultureInfo.InvariantCulture)));
        var result = RasEngine.Score(scheme, Points(12, new Dictionary<string, decimal> { ["holiday-club"] = decimal.Parse(hours, System.Globalization.CultureInfo.InvariantCulture) }));

        result.FundedSupportDeducted.ShouldBe(1800 - beforeRounding);
        result.Amount.ShouldBe(Math.Ceiling(beforeRounding));
    }

    [Fact]
    public void FundedSupport_NeverTakesTheAmountBelowZero()
    {
        var working = RasEngine.Explain(WithFunded(), Points(6, new Dictionary<string, decimal> { ["equipment"] = 500, ["holiday-club"] = 100 }));

        working.Result.Amount.ShouldBe(0);
        working.Result.FundedSupportDeducted.ShouldBe(750);
        working.Text.ShouldContain("but the amount never goes below £0, so £250 comes off, leaving £0.");
    }

    [Fact]
    public void FundedSupport_DoesNotApplyWhenTheResultIsARoute()
    {
        var result = RasEngine.Score(WithFunded(), Points(2, new Dictionary<string, decimal> { ["equipment"] = 500 }));

        result.Routing.ShouldBe(RasRouting.Universal);
        result.FundedSupportDeducted.ShouldBe(0);
    }

    [Fact]
    public void FundedSupport_BadFigures_AreEachRefusedByField()
    {
        var compiled = CompiledRasScheme.For(WithFunded());

        var ex = Should.Throw<RasAnswersException>(() => compiled.Prepare(Points(12, new Dictionary<string, decimal>
        {
            ["equipment"] = 10.005m, ["holiday-club"] = -1, ["bus-pass"] = 5,
        })));

        var byField = ex.ByField();
        byField["fundedSupport.equipment"].ShouldBe(["Support already funded 'equipment' must be in pounds and pence."]);
        byField["fundedSupport.holiday-club"].ShouldBe(["Support already funded 'holiday-club' must be 0 or more hours a year."]);
        byField["fundedSupport.bus-pass"].Single().ShouldContain("use one of equipment, holiday-club");
    }

    [Fact]
    public void FundedSupport_InHoursWithoutARateOrRounding_IsAnError()
    {
        var scheme = With() with
        {
            Phases = [.. With().Phases.Select(p => p with
            {
                FundedSupport = [new RasFundedSupport(Id: "pa", Name: "personal assistant hours", Unit: RasFundedSupportUnit.Hours)],
            })],
        };

        var errors = Validate(scheme);

        errors.ShouldContain("phase 'primary', fundedSupport 'pa': support in hours needs an hourlyRate of more than 0.");
        errors.ShouldContain("phase 'primary', fundedSupport 'pa': hoursRounding is required (for example mode Down, to 1: down to whole hours).");
    }

    [Fact]
    public void FundedSupport_InMoneyWithARate_IsAnError()
    {
        var scheme = With() with
        {
            Phases = [.. With().Phases.Select(p => p with
            {
                FundedSupport = [new RasFundedSupport(Id: "kit", Name: "equipment", Unit: RasFundedSupportUnit.Money, HourlyRate: 12)],
            })],
        };

        Validate(scheme).ShouldContain("phase 'primary', fundedSupport 'kit': support in money takes no hourlyRate or hoursRounding.");
    }

    // The result as hours at a stated rate

    private static RasHoursConversion HoursAt(decimal rate, RasRoundingMode mode = RasRoundingMode.Down) => new(HourlyRate: rate, Rounding: new RasRounding(Mode: mode, To: 1));

    [Fact]
    public void Hours_ForABand_AreTheAmountAtTheRateRoundedAsStated()
    {
        var working = RasEngine.Explain(With(PrintedBands() with { HoursAt = HoursAt(14m) }), Points(12));

        // £1,800 at £14 an hour is 128.57 hours, down to whole hours: 128.
        working.Result.Hours.ShouldBe(128);
        working.Lines.ShouldContain(l => l.Kind == RasWorkingKind.Hours &&
                                         l.Text == "At £14 an hour, £1,800 a year is 128.5714 hours, rounded down to whole hours: 128 hours of short breaks a year.");
    }

    [Fact]
    public void Hours_ForAPricePerPoint_FollowTheRoundedAmount()
    {
        var working = RasEngine.Explain(With(Price(0, 33.33m, 0, 5000) with { HoursAt = HoursAt(15m, RasRoundingMode.Up) }), Points(3.5m));

        // 3.5 x £33.33 = £116.655, up to £117; £117 at £15 = 7.8 hours, up to 8.
        working.Result.Amount.ShouldBe(117);
        working.Result.Hours.ShouldBe(8);
        var kinds = working.Lines.Select(l => l.Kind).ToList();
        kinds.IndexOf(RasWorkingKind.Conversion).ShouldBeLessThan(kinds.IndexOf(RasWorkingKind.Rounding));
        kinds.IndexOf(RasWorkingKind.Rounding).ShouldBeLessThan(kinds.IndexOf(RasWorkingKind.Hours));
        working.Lines.Single(l => l.Kind == RasWorkingKind.Conversion).Text.ShouldContain("at £33.33 a point that is £116.655 a year.");
    }

    [Fact]
    public void Hours_AreNotGivenForARoute() =>
        RasEngine.Score(With(PrintedBands() with { HoursAt = HoursAt(15m) }), Points(2)).Hours.ShouldBeNull();

    [Fact]
    public void Hours_WithoutAPositiveRate_IsAnError() =>
        Validate(With(PrintedBands() with { HoursAt = HoursAt(0) })).ShouldContain("phase 'primary': conversion.hoursAt.hourlyRate must be more than 0.");

    // The amount before rounding, unrounded, then the rounding, then the result

    [Fact]
    public void Rounding_IsShownEvenWhenItChangesNothing()
    {
        var working = RasEngine.Explain(With(PrintedBands()), Points(12));

        working.Lines.ShouldContain(l => l.Kind == RasWorkingKind.Rounding && l.Text == "Before rounding the amount is £1,800; rounded up to a multiple of £1 it stays £1,800.");
    }

    [Fact]
    public void Rounding_ShowsEveryDigitOfTheAmountBeforeIt()
    {
        // 3.5 x £12.3457 = £43.20995: nothing rounded away before the rounding step.
        var working = RasEngine.Explain(With(Price(0, 12.3457m, 0, 5000), rounding: new RasRounding(Mode: RasRoundingMode.ToEven, To: 0.01m)), Points(3.5m));

        working.Result.Amount.ShouldBe(43.21m);
        working.Lines.ShouldContain(l => l.Kind == RasWorkingKind.Rounding && l.Text == "Before rounding the amount is £43.20995; rounded to the nearest £0.01 it is £43.21.");
    }

    // Nulls in answers and in files

    [Fact]
    public void Prepare_NullAnswerAndNullSupport_AreProblemsByField()
    {
        var compiled = CompiledRasScheme.For(With());
        var answers = new RasAnswers
        {
            AgeYears = 8,
            Levels = new Dictionary<string, string> { ["wash"] = null!, ["dress"] = "none", ["settle"] = "none" },
            Support = new Dictionary<string, string> { ["care"] = null! },
        };

        var ex = Should.Throw<RasAnswersException>(() => compiled.Prepare(answers));

        ex.ByField()["levels.wash"].ShouldBe(["Question 'wash' has no answer: give a level, like 'none'."]);
        ex.ByField()["support.care"].Single().ShouldStartWith("Support for domain 'care' has no level");
    }

    [Theory]
    [InlineData("phases", "phases: phase 2 is empty (null)")]
    [InlineData("domains", "phase 'primary', questionnaire.domains: domain 3 is empty (null)")]
    [InlineData("questions", "phase 'primary', domain 'care', questions: question 3 is empty (null)")]
    [InlineData("levels", "phase 'primary', question 'wash', levels: level 5 is empty (null)")]
    [InlineData("supportLevels", "phase 'primary', supportRules.levels: level 4 is empty (null)")]
    [InlineData("supportRules", "phase 'primary', supportRules.domains: rule 3 is empty (null)")]
    [InlineData("bands", "phase 'primary', conversion.bands: band 5 is empty (null)")]
    [InlineData("fundedSupport", "phase 'primary', fundedSupport: item 1 is empty (null)")]
    public void Parse_ANullInAnyList_IsAProblemNotACrash(string list, string expected)
    {
        var json = JsonNode.Parse(RasSchemeCatalog.ToJson(With()))!;
        var phase = json["phases"]![0]!;
        var target = list switch
        {
            "phases" => json["phases"]!,
            "domains" => phase["questionnaire"]!["domains"]!,
            "questions" => phase["questionnaire"]!["domains"]![0]!["questions"]!,
            "levels" => phase["questionnaire"]!["domains"]![0]!["questions"]![0]!["levels"]!,
            "supportLevels" => phase["supportRules"]!["levels"]!,
            "supportRules" => phase["supportRules"]!["domains"]!,
            "bands" => phase["conversion"]!["bands"]!,
            _ => phase["fundedSupport"] = new JsonArray(),
        };
        if (list == "phases") target.AsArray().Insert(1, null);
        else target.AsArray().Add(null);

        var (scheme, errors) = RasSchemeCatalog.Parse(json.ToJsonString());

        scheme.ShouldBeNull();
        errors.ShouldContain($"{expected}: remove it or fill it in.");
    }

    [Fact]
    public void ShippedFile_KeepsItsFingerprint()
    {
        // New scheme fields are left out of the stored JSON when not used, so a published version's fingerprint stays.
        Shipped.ContentHash.ShouldBe(ShippedHash);
        var json = RasSchemeCatalog.ToJson(Shipped);
        foreach (var field in new[] { "bandEdges", "hoursAt", "flagForAssessment", "fundedSupport" }) json.ShouldNotContain(field);
    }

    private const string ShippedHash = "5901646800d9d1c9";
}
