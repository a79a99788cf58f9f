using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ShortBreaks.Core.Ras;
using ShortBreaks.Core.Ras.Calibration;

namespace ShortBreaks.Core.Tests.Ras.Calibration;

/// <summary>The fit: figures made from known rates come back; noisy figures fit less well; who gains and loses.</summary>
public sealed class RasCalibratorTests
{
    private static readonly RasRounding Pence = new(Mode: RasRoundingMode.AwayFromZero, To: 0.01m);

    /// <summary>A package given by its domain points ("care" and "sleep" of the test scheme).</summary>
    private static CalibrationPackage Package(int row, decimal care, decimal sleep, decimal cost, int age = 8) => new(
        row, $"C{row}", age, age <= 10 ? "primary" : "secondary", cost,
        DomainPoints: new Dictionary<string, decimal> { ["care"] = care, ["sleep"] = sleep });

    [Theory]
    [InlineData(25.0, 10.0, 1)]
    [InlineData(31.52, 4.0, 7)]   // points come in quarters here, so these prices give whole pence
    [InlineData(12.24, 0.0, 2026)]
    public void PricePerPoint_FromCostsMadeWithAKnownPrice_GivesThatPriceBack_WithRSquaredOne(decimal price, decimal threshold, int seed)
    {
        var scheme = RasTestSchemes.With(RasTestSchemes.Price(threshold, 1, 0, 100_000), allowHalfLevels: false, rounding: Pence);
        var packages = CalibrationSample.Generate(scheme, 300, seed, (_, points, _) => points > threshold ? (points - threshold) * price : null);

        var result = RasCalibrator.Calibrate(scheme, packages, new CalibrationOptions { Method = CalibrationOptions.PricePerPoint });

        foreach (var phase in result.Report.Phases)
        {
            phase.Price.ShouldNotBeNull();
            phase.Price.PricePerPoint.ShouldBe(price);
            phase.Price.Threshold.ShouldBe(threshold);
            phase.PackagesUsed.ShouldBe(phase.PackageCount);
        }

        result.Fitted.Phases.ShouldAllBe(p => p.Conversion.PricePerPoint == price && p.Conversion.Threshold == threshold);
        result.Report.Fitted.RSquared.ShouldBe(1.0);
        result.Report.Fitted.MeanAbsoluteError.ShouldBe(0m);
        result.Report.Fitted.TotalAmount.ShouldBe(result.Report.Fitted.TotalActual);
        result.Report.Base.RSquared!.Value.ShouldBeLessThan(1.0);
        RasSchemeValidator.Validate(result.Fitted).ShouldBeEmpty();
    }

    [Fact]
    public void PricePerPoint_KeepsTheBaseFloorAndCap_UnlessTheOfficerGivesNewOnes()
    {
        var scheme = RasTestSchemes.With(RasTestSchemes.Price(2, 10, 100, 5000), allowHalfLevels: false, rounding: Pence);
        var packages = CalibrationSample.Generate(scheme, 100, 3, (_, points, _) => points > 2 ? (points - 2) * 40 : null);

        var kept = RasCalibrator.Calibrate(scheme, packages);
        kept.Fitted.Phases.ShouldAllBe(p => p.Conversion.Floor == 100 && p.Conversion.Cap == 5000);

        var given = RasCalibrator.Calibrate(scheme, packages, new CalibrationOptions { Floor = 200, Cap = 900 });
        given.Fitted.Phases.ShouldAllBe(p => p.Conversion.Floor == 200 && p.Conversion.Cap == 900);
        given.Report.Phases.ShouldAllBe(p => p.Price!.Floor == 200 && p.Price.Cap == 900);
    }

    [Fact]
    public void Bands_FromKnownCosts_GiveEachBandsMedianBack_RoundedByTheScheme_WithEdgesAndRoutingUnchanged()
    {
        var scheme = RasTestSchemes.With(RasTestSchemes.StandardBands());
        var flexible = new[] { 700m, 800m, 900m, 1000m, 1100m };                 // median 900
        var targeted = new[] { 1900m, 2000m, 2100m, 2200m, 2300m, 2400.40m };    // median 2150.00
        var packages = flexible.Select((cost, i) => Package(2 + i, 4, 2, cost))
            .Concat(targeted.Select((cost, i) => Package(20 + i, 10, 5, cost, age: 12)))
            .Concat(targeted.Select((cost, i) => Package(40 + i, 10, 5, cost + 0.5m)))
            .Concat([Package(60, 1, 0, 5000), Package(61, 18, 9, 9000)]) // universal and social work: routed, not fitted
            .ToList();

        var result = RasCalibrator.Calibrate(scheme, packages, new CalibrationOptions { Method = CalibrationOptions.Bands });

        var primary = result.Report.Phases.Single(p => p.PhaseId == "primary");
        primary.Bands.Single(b => b.Name == "Flexible").FittedAmount.ShouldBe(900);
        var primaryTargeted = primary.Bands.Single(b => b.Name == "Targeted");
        primaryTargeted.Median.ShouldBe(2150.50m);
        primaryTargeted.FittedAmount.ShouldBe(2151); // the test scheme rounds up to whole pounds
        primary.PackagesUsed.ShouldBe(11);
        primary.PackageCount.ShouldBe(13);
        var secondary = result.Fitted.Phases.Single(p => p.Id == "secondary").Conversion.Bands!;
        secondary.Single(b => b.Name == "Targeted").Amount.ShouldBe(2150);
        secondary.Single(b => b.Name == "Flexible").Amount.ShouldBe(750); // no packages: kept
        result.Report.Phases.Single(p => p.PhaseId == "secondary").Bands.Single(b => b.Name == "Flexible").Flagged.ShouldBeTrue();

        var original = scheme.Phases[0].Conversion.Bands!;
        var fitted = result.Fitted.Phases[0].Conversion.Bands!;
        fitted.Select(b => (b.From, b.To, b.Routing, b.Name)).ShouldBe(original.Select(b => (b.From, b.To, b.Routing, b.Name)));
    }

    /// <summary>The standard bands as a council prints them: 0–4, 5–9, 10–19, 20–27, a flagged top band, and hours at £15.</summary>
    private static RasConversion PrintedBands() => new(
        Method: "bands",
        BandEdges: RasBandEdges.Inclusive,
        HoursAt: new RasHoursConversion(HourlyRate: 15, Rounding: new RasRounding(Mode: RasRoundingMode.Down, To: 1)),
        Bands: [
            new RasBand(From: 0, To: 4, Amount: 0, Name: "Universal", Routing: RasRouting.Universal),
            new RasBand(From: 5, To: 9, Amount: 750, Name: "Flexible"),
            new RasBand(From: 10, To: 19, Amount: 1800, Name: "Targeted"),
            new RasBand(From: 20, To: 27, Amount: 3000, Name: "Targeted with assessment", FlagForAssessment: true),
        ]);

    [Fact]
    public void Bands_OnAnInclusiveBase_KeepTheEdgesTheFlagAndTheHours_AndTheFittedVersionIsValid()
    {
        var scheme = RasTestSchemes.With(PrintedBands());
        var packages = CalibrationSample.Generate(scheme, 200, 3, (_, points, _) => 100 + points * 100);

        var result = RasCalibrator.Calibrate(scheme, packages, new CalibrationOptions { Method = CalibrationOptions.Bands });

        var fitted = result.Fitted.Phases[0].Conversion;
        fitted.BandEdges.ShouldBe(RasBandEdges.Inclusive);
        fitted.HoursAt.ShouldBe(PrintedBands().HoursAt);
        fitted.Bands!.Select(b => (b.From, b.To, b.FlagForAssessment)).ShouldBe(PrintedBands().Bands!.Select(b => (b.From, b.To, b.FlagForAssessment)));
        RasSchemeValidator.Validate(result.Fitted).ShouldBeEmpty();
    }

    [Fact]
    public void PricePerPoint_OnAnInclusiveBandsBase_SendsTotalsBelowTheNextWholePointToUniversalServices()
    {
        var scheme = RasTestSchemes.With(PrintedBands(), allowHalfLevels: false, rounding: Pence);
        var packages = CalibrationSample.Generate(scheme, 200, 5, (_, points, _) => (points - 2) * 30);

        var result = RasCalibrator.Calibrate(scheme, packages, new CalibrationOptions { Method = CalibrationOptions.PricePerPoint });

        // "0–4" is universal: below 5 points.
        result.Fitted.Phases[0].Routing!.UniversalBelow.ShouldBe(5);
        result.Fitted.Phases[0].Conversion.HoursAt.ShouldBe(PrintedBands().HoursAt);
        RasSchemeValidator.Validate(result.Fitted).ShouldBeEmpty();
    }

    [Fact]
    public void Bands_WithTooFewPackages_KeepTheirAmount_AndAreFlagged()
    {
        var scheme = RasTestSchemes.With(RasTestSchemes.StandardBands());
        var packages = new[] { 3000m, 3100m }.Select((c, i) => Package(2 + i, 12, 0, c)).ToList();

        var result = RasCalibrator.Calibrate(scheme, packages, new CalibrationOptions { Method = CalibrationOptions.Bands, MinimumPackagesPerBand = 3 });

        var band = result.Report.Phases[0].Bands.Single(b => b.Name == "Targeted");
        band.FittedAmount.ShouldBe(1800);
        band.Flagged.ShouldBeTrue();
        band.Note.ShouldNotBeNull().ShouldContain("keeps its amount");
    }

    [Fact]
    public void Bands_NeverGiveLessMoneyForMorePoints()
    {
        var scheme = RasTestSchemes.With(RasTestSchemes.StandardBands());
        var packages = Enumerable.Range(0, 5).Select(i => Package(2 + i, 4, 2, 2000))
            .Concat(Enumerable.Range(0, 5).Select(i => Package(20 + i, 12, 0, 1000))).ToList();

        var result = RasCalibrator.Calibrate(scheme, packages, new CalibrationOptions { Method = CalibrationOptions.Bands });

        var bands = result.Report.Phases[0].Bands;
        bands.Single(b => b.Name == "Flexible").FittedAmount.ShouldBe(2000);
        var targeted = bands.Single(b => b.Name == "Targeted");
        targeted.FittedAmount.ShouldBe(2000);
        targeted.Flagged.ShouldBeTrue();
        RasSchemeValidator.Validate(result.Fitted).ShouldBeEmpty();
    }

    [Fact]
    public void NoisyCosts_FitLessThanPerfectly()
    {
        var scheme = RasTestSchemes.Shipped;
        var packages = CalibrationSample.Generate(scheme, 400, 2025, CalibrationSample.RealisticCost);

        foreach (var method in new[] { CalibrationOptions.Bands, CalibrationOptions.PricePerPoint })
        {
            var result = RasCalibrator.Calibrate(scheme, packages, new CalibrationOptions { Method = method });

            result.Report.Fitted.RSquared!.Value.ShouldBeLessThan(1.0, method);
            result.Report.Fitted.RSquared!.Value.ShouldBeGreaterThan(0.5, method);
            result.Report.Fitted.MedianAbsoluteError.ShouldBeGreaterThan(0m, method);
            result.Report.Furthest.Count.ShouldBe(10);
            result.Report.Furthest.Select(f => Math.Abs(f.Difference)).ShouldBeInOrder(SortDirection.Descending);
        }
    }

    [Fact]
    public void PricePerPoint_OnABandsBase_KeepsTheRoutingBandsAsThresholds()
    {
        var scheme = RasTestSchemes.With(RasTestSchemes.StandardBands(), allowHalfLevels: false, rounding: Pence);
        var packages = CalibrationSample.Generate(scheme, 200, 5, (_, points, _) => (points - 2) * 30);

        var result = RasCalibrator.Calibrate(scheme, packages, new CalibrationOptions { Method = CalibrationOptions.PricePerPoint });

        var phase = result.Fitted.Phases[0];
        phase.Conversion.Method.ShouldBe("pricePerPoint");
        phase.Routing.ShouldNotBeNull();
        phase.Routing.UniversalBelow.ShouldBe(5);
        phase.Routing.SocialWorkAssessmentAbove.ShouldBe(20);
        result.Report.Phases[0].Notes.ShouldContain(n => n.Contains("universal services"));
        // Only packages the base gives money to are fitted, and they lie on one line.
        result.Report.Phases[0].Price!.PricePerPoint.ShouldBe(30);
        result.Report.Phases[0].Price!.Threshold.ShouldBe(2);
    }

    [Fact]
    public void GainersAndLosers_AreCountedByPhaseAndByMainNeed()
    {
        var scheme = RasTestSchemes.With(RasTestSchemes.StandardBands());
        // Flexible band (base £750) fitted to £1,000: everyone in it goes up by £250.
        var packages = Enumerable.Range(0, 5).Select(i => Package(2 + i, 5, 2, 1000))        // main need care
            .Concat(Enumerable.Range(0, 3).Select(i => Package(10 + i, 1, 6, 1000, age: 12)))  // main need sleep
            .Concat(Enumerable.Range(0, 2).Select(i => Package(20 + i, 0, 2, 100)))           // universal both times
            .ToList();

        var result = RasCalibrator.Calibrate(scheme, packages, new CalibrationOptions { Method = CalibrationOptions.Bands, MinimumPackagesPerBand = 3 });

        var all = result.Report.ChangesInAll;
        (all.Up, all.Down, all.Same).ShouldBe((8, 0, 2));
        all.TotalChange.ShouldBe(8 * 250);
        var primary = result.Report.ChangesByPhase.Single(g => g.Id == "primary");
        (primary.Packages, primary.Up, primary.Same).ShouldBe((7, 5, 2));
        var care = result.Report.ChangesByNeed.Single(g => g.Id == "care");
        care.Name.ShouldBe("Personal care");
        (care.Packages, care.Up).ShouldBe((5, 5));
        var sleep = result.Report.ChangesByNeed.Single(g => g.Id == "sleep");
        (sleep.Packages, sleep.Up, sleep.TotalChange).ShouldBe((5, 3, 750m));
    }

    [Fact]
    public void MainNeed_IsTheDomainWithTheMostPoints_FromTheAnswers()
    {
        var scheme = RasTestSchemes.With(RasTestSchemes.StandardBands());
        var package = new CalibrationPackage(
            Row: 2, ChildReference: "A", AgeYears: 7, PhaseId: "primary", ActualAnnualCost: 900,
            Answers: RasTestSchemes.Answers("some", "none", "lots")); // care 2, sleep 5

        var result = RasCalibrator.Calibrate(scheme, [package], new CalibrationOptions { Method = CalibrationOptions.Bands });

        result.Packages.Single().MainNeed.ShouldBe("sleep");
        result.Packages.Single().Points.ShouldBe(7);
    }

    [Fact]
    public void PricePerPoint_ForAFileOfOnePhase_LeavesTheOtherPhaseAsItWas_AndSaysSo()
    {
        var scheme = RasTestSchemes.With(RasTestSchemes.StandardBands());
        var packages = new[] { Package(2, 5, 2, 700), Package(3, 8, 2, 1000), Package(4, 12, 2, 1400) };

        var result = RasCalibrator.Calibrate(scheme, packages, new CalibrationOptions { Method = CalibrationOptions.PricePerPoint });

        result.Fitted.Phases[0].Conversion.Method.ShouldBe("pricePerPoint");
        result.Fitted.Phases[1].ShouldBe(scheme.Phases[1]);
        var secondary = result.Report.Phases[1];
        (secondary.Method, secondary.PackageCount, secondary.Price).ShouldBe(("bands", 0, (CalibrationPriceFit?)null));
        secondary.Notes.ShouldHaveSingleItem().ShouldContain("No packages in this phase");
    }

    [Fact]
    public void Bands_OnAPricePerPointBase_AreRefusedWithAReason()
    {
        var scheme = RasTestSchemes.With(RasTestSchemes.Price(2, 10, 0, 5000));
        var packages = new[] { Package(2, 5, 2, 100), Package(3, 8, 2, 200) };

        var ex = Should.Throw<CalibrationException>(() => RasCalibrator.Calibrate(scheme, packages, new CalibrationOptions { Method = CalibrationOptions.Bands }));

        ex.Errors.ShouldContain(e => e.Contains("no bands to fit"));
    }

    [Fact]
    public void PricePerPoint_WithCostsThatFallAsPointsRise_IsRefused()
    {
        var scheme = RasTestSchemes.With(RasTestSchemes.Price(0, 10, 0, 5000));
        var packages = new[] { Package(2, 5, 2, 900), Package(3, 10, 2, 500), Package(4, 14, 2, 100) };

        var ex = Should.Throw<CalibrationException>(() => RasCalibrator.Calibrate(scheme, packages));

        ex.Errors.ShouldContain(e => e.Contains("do not rise"));
    }

    [Fact]
    public void TheFit_IsTheSameInAnyCulture()
    {
        var scheme = RasTestSchemes.Shipped;
        var packages = CalibrationSample.Generate(scheme, 150, 11, CalibrationSample.RealisticCost);
        var csv = CalibrationSample.ToCsv(scheme, packages);

        string Run()
        {
            var read = CalibrationCsv.Read(new StringReader(csv), scheme);
            read.Succeeded.ShouldBeTrue();
            var result = RasCalibrator.Calibrate(scheme, read.Packages, new CalibrationOptions { Method = CalibrationOptions.PricePerPoint });
            return System.Text.Json.JsonSerializer.Serialize(result.Report, CalibrationService.ReportJson) + CalibrationCsv.ResultsCsv(result.Packages);
        }

        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            var invariant = Run();
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Run().ShouldBe(invariant);
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-FR");
            Run().ShouldBe(invariant);
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void ScoringPointsAlone_AndEachDomainsPoints_AreWhatTheEngineWorksOut()
    {
        foreach (var scheme in new[] { RasTestSchemes.Shipped, RasTestSchemes.With(RasTestSchemes.Price(3, 40, 150, 600), new RasRoutingThresholds(UniversalBelow: 2, SocialWorkAssessmentAbove: 25)) })
        {
            var compiled = CompiledRasScheme.For(scheme);
            foreach (var package in CalibrationSample.Generate(scheme, 300, 17, (_, _, _) => 1m))
            {
                var sheet = compiled.Prepare(package.Answers!);
                var scored = RasEngine.Score(compiled, sheet);
                RasEngine.ScorePoints(compiled, package.PhaseId, scored.TotalPoints).ShouldBe(scored);
                var working = RasEngine.Explain(compiled, sheet).Lines.Where(l => l.Kind == RasWorkingKind.DomainSubtotal).Select(l => (l.DomainId!, l.Points!.Value));
                RasCalibrator.DomainPoints(compiled, sheet).ShouldBe(working);
            }
        }
    }

    [Theory]
    [InlineData(CalibrationOptions.Bands)]
    [InlineData(CalibrationOptions.PricePerPoint)]
    public void Report_ReadBackFromItsJson_WritesTheSameJson(string method)
    {
        var shipped = RasTestSchemes.Shipped;
        var packages = CalibrationSample.Generate(shipped, 200, 11, CalibrationSample.RealisticCost);
        var report = RasCalibrator.Calibrate(shipped, packages, new CalibrationOptions { Method = method }).Report;

        var json = JsonSerializer.Serialize(report, CalibrationService.ReportJson);
        var again = JsonSerializer.Deserialize<CalibrationReport>(json, CalibrationService.ReportJson)!;

        JsonSerializer.Serialize(again, CalibrationService.ReportJson).ShouldBe(json);
        json.ShouldContain("\"phases\":[{\"phaseId\":");
    }

    [Fact]
    public void Report_MissingARequiredValue_IsRefused()
    {
        var shipped = RasTestSchemes.Shipped;
        var report = RasCalibrator.Calibrate(shipped, CalibrationSample.Generate(shipped, 60, 3, CalibrationSample.RealisticCost)).Report;
        var json = JsonNode.Parse(JsonSerializer.Serialize(report, CalibrationService.ReportJson))!;
        json["changesInAll"]!.AsObject().Remove("totalFitted");

        Should.Throw<JsonException>(() => JsonSerializer.Deserialize<CalibrationReport>(json.ToJsonString(), CalibrationService.ReportJson))
            .Message.ShouldContain("'totalFitted'");
    }
}
