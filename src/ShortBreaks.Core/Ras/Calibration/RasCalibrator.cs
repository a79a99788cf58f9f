namespace ShortBreaks.Core.Ras.Calibration;

/// <summary>What the officer chooses for a calibration.</summary>
public sealed record CalibrationOptions
{
    public const string AsBase = "asBase";
    public const string Bands = "bands";
    public const string PricePerPoint = "pricePerPoint";

    public const string BandStatisticText =
        "Each money band's amount is the median actual cost of the packages whose points fall in it, rounded by the version's rounding rule. " +
        "A band with fewer packages than the minimum keeps its amount. Band edges do not change, and bands that route to other services keep routing.";

    /// <summary><see cref="AsBase"/> (each phase keeps its method), <see cref="Bands"/> or <see cref="PricePerPoint"/>.</summary>
    public string Method { get; init; } = AsBase;

    /// <summary>A new least amount for price per point; otherwise the base's, or £0.</summary>
    public decimal? Floor { get; init; }

    /// <summary>A new most amount for price per point; otherwise the base's, or the dearest package rounded up.</summary>
    public decimal? Cap { get; init; }

    public const int MaxMinimumPackagesPerBand = 10_000;

    /// <summary>A band with fewer packages than this keeps its amount.</summary>
    public int MinimumPackagesPerBand { get; init; } = 5;

    /// <summary>How many of the packages furthest from the fit to list.</summary>
    public int FurthestCount { get; init; } = 10;

    /// <summary>The fitted version's label and start date; by default the base's label with "-calibrated" and the base's date.</summary>
    public string? Label { get; init; }

    public DateOnly? EffectiveFrom { get; init; }

    public static bool IsMethod(string? method) => method is AsBase or Bands or PricePerPoint;
}

/// <summary>A calibration's outcome: the fitted version, the report, and each package's figures (for a file, never stored).</summary>
public sealed record CalibrationResult(RasScheme Fitted, CalibrationReport Report, IReadOnlyList<CalibrationPackageResult> Packages);

/// <summary>The problems that stop a fit (for example too few packages), each in plain English.</summary>
public sealed class CalibrationException(IReadOnlyList<string> errors)
    : Exception("The rates cannot be fitted:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  - " + e)))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}

/// <summary>
/// Fits a RAS version's rates to last year's packages, per age phase: the band amounts (the median of each band's
/// packages) or the price per point (least squares of actual cost on points), keeping the questions, points and
/// support rules of the base version. Then scores every package under the fitted and the base version with the
/// engine, to show how well each fits and who would gain or lose. Pure: no database, the same figures every time.
/// </summary>
public static class RasCalibrator
{
    public static CalibrationResult Calibrate(RasScheme baseScheme, IReadOnlyList<CalibrationPackage> packages, CalibrationOptions? options = null)
    {
        options ??= new CalibrationOptions();
        var errors = new List<string>();
        if (!CalibrationOptions.IsMethod(options.Method)) errors.Add($"The method must be bands or price per point, not '{options.Method}'.");
        if (options.Floor is < 0) errors.Add("The least amount must not be negative.");
        if (options.Cap is < 0) errors.Add("The most amount must not be negative.");
        if (options.Floor is { } f && options.Cap is { } c && f > c) errors.Add("The least amount must not be more than the most amount.");
        if (options.MinimumPackagesPerBand is < 1 or > CalibrationOptions.MaxMinimumPackagesPerBand)
            errors.Add($"The fewest packages for a band must be from 1 to {CalibrationOptions.MaxMinimumPackagesPerBand:N0}.");
        if (packages.Count == 0) errors.Add("There are no packages to fit the rates to.");
        if (errors.Count > 0) throw new CalibrationException(errors);

        var compiledBase = CompiledRasScheme.For(baseScheme);
        var scored = packages.Select(p => Prepare(compiledBase, p)).ToList();

        var phaseFits = new List<CalibrationPhaseFit>();
        var phases = new List<RasPhase>();
        foreach (var phase in baseScheme.Phases)
        {
            var inPhase = scored.Where(s => s.Package.PhaseId == phase.Id).ToList();
            var method = options.Method == CalibrationOptions.AsBase ? phase.Conversion.Method : options.Method;
            var (fittedPhase, fit) = method == CalibrationOptions.Bands
                ? FitBands(baseScheme, phase, inPhase, options, errors)
                : FitPrice(baseScheme, phase, inPhase, options, errors);
            phases.Add(fittedPhase);
            phaseFits.Add(fit);
        }

        if (errors.Count > 0) throw new CalibrationException(errors);

        var fitted = baseScheme with
        {
            Version = options.Label ?? baseScheme.Version + "-calibrated",
            EffectiveFrom = options.EffectiveFrom ?? baseScheme.EffectiveFrom,
            Description = $"Rates fitted from {packages.Count:N0} of last year's packages, based on version {baseScheme.Version}.",
            Phases = phases,
            ContentHash = "",
        };
        var problems = RasSchemeValidator.Validate(fitted);
        if (problems.Count > 0) throw new CalibrationException(problems);
        fitted = fitted with { ContentHash = RasSchemeCatalog.HashOf(fitted) };

        var compiledFitted = CompiledRasScheme.For(fitted);
        var results = scored.Select(s =>
        {
            // The fitted version keeps the base's questions, points and support rules, so a child's points are the same
            // under both: only the conversion to money differs.
            var after = RasEngine.ScorePoints(compiledFitted, s.Package.PhaseId, s.Points);
            return new CalibrationPackageResult(
                s.Package.Row, s.Package.ChildReference, s.Package.PhaseId, s.Points, s.MainNeed,
                Actual: s.Package.ActualAnnualCost,
                BaseAmount: s.Base.Amount, BaseRouting: s.Base.Routing,
                FittedAmount: after.Amount, FittedRouting: after.Routing);
        }).ToList();

        var domainNames = baseScheme.Phases.SelectMany(p => p.Questionnaire.Domains).GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.First().Name);
        var report = new CalibrationReport
        {
            BaseVersion = baseScheme.Version,
            Method = options.Method,
            Format = packages[0].Answers is null ? CalibrationFileFormat.DomainPoints : CalibrationFileFormat.Answers,
            PackageCount = packages.Count,
            BandStatistic = CalibrationOptions.BandStatisticText.Replace("the minimum", $"the minimum of {options.MinimumPackagesPerBand}", StringComparison.Ordinal),
            Phases = phaseFits,
            Fitted = Measure(fitted.Version, results, r => (r.FittedAmount, r.FittedRouting)),
            Base = Measure(baseScheme.Version, results, r => (r.BaseAmount, r.BaseRouting)),
            Furthest = results.Where(r => r.FittedRouting == RasRouting.None)
                .OrderByDescending(r => Math.Abs(r.Difference)).ThenBy(r => r.Row).Take(options.FurthestCount).ToList(),
            ChangesByPhase = baseScheme.Phases.Select(p => Changes(p.Id, p.Name, results.Where(r => r.PhaseId == p.Id))).ToList(),
            ChangesByNeed = results.GroupBy(r => r.MainNeed)
                .Select(g => Changes(g.Key, domainNames.GetValueOrDefault(g.Key, "No points in any domain"), g))
                .OrderByDescending(g => g.Packages).ThenBy(g => g.Name, StringComparer.Ordinal).ToList(),
            ChangesInAll = Changes("all", "All packages", results),
        };
        return new CalibrationResult(fitted, report, results);
    }

    private sealed record Scored(CalibrationPackage Package, decimal Points, string MainNeed, RasResult Base);

    private static Scored Prepare(CompiledRasScheme compiled, CalibrationPackage package)
    {
        if (package.Answers is { } answers)
        {
            RasAnswerSheet sheet;
            try
            {
                sheet = compiled.Prepare(answers);
            }
            catch (RasAnswersException ex)
            {
                throw new CalibrationException(ex.Errors.Select(e => $"Row {package.Row}: {e}").ToList());
            }

            var result = RasEngine.Score(compiled, sheet);
            return new Scored(package, result.TotalPoints, MainNeed(DomainPoints(compiled, sheet)), result);
        }

        var points = package.DomainPoints ?? throw new CalibrationException([$"Row {package.Row}: the package has neither answers nor domain points."]);
        var phase = compiled.Scheme.Phases.First(p => p.Id == package.PhaseId);
        var ordered = phase.Questionnaire.Domains.Select(d => (d.Id, points.GetValueOrDefault(d.Id))).ToList();
        var total = ordered.Sum(d => d.Item2);
        return new Scored(package, total, MainNeed(ordered), RasEngine.ScorePoints(compiled, package.PhaseId, total));
    }

    /// <summary>
    /// Each domain's points after support, as the engine's working gives them (tested against it), without writing the
    /// working out: a calibration scores up to 200,000 packages.
    /// </summary>
    internal static IEnumerable<(string DomainId, decimal Points)> DomainPoints(CompiledRasScheme scheme, RasAnswerSheet answers)
    {
        var p = scheme.Phases[answers.Phase];
        var supportCount = p.SupportLevels.Count;
        for (var d = 0; d < p.DomainIds.Length; d++)
        {
            var raw = 0m;
            for (var q = p.DomainStart[d]; q < p.DomainStart[d + 1]; q++) raw += p.StepPoints[p.StepOffset[q] + answers.Steps[q]];
            var kind = p.SupportKind[d];
            if (kind != SupportKind.None)
            {
                var reduction = p.Reduction[d * supportCount + answers.Support[d]];
                raw = kind == SupportKind.PointsOff ? raw - reduction : raw * (100 - reduction) / 100;
                if (raw < 0) raw = 0;
            }

            yield return (p.DomainIds[d], raw);
        }
    }

    /// <summary>The domain with the most points, the first in the questionnaire on a tie; "none" when all are 0.</summary>
    private static string MainNeed(IEnumerable<(string DomainId, decimal Points)> domains)
    {
        var best = "none";
        var most = 0m;
        foreach (var (id, points) in domains)
        {
            if (points > most)
            {
                most = points;
                best = id;
            }
        }

        return best;
    }

    private static (RasPhase, CalibrationPhaseFit) FitBands(RasScheme scheme, RasPhase phase, List<Scored> packages, CalibrationOptions options, List<string> errors)
    {
        var notes = new List<string>();
        if (phase.Conversion.Bands is not { Count: > 0 } bands)
        {
            errors.Add($"{phase.Name}: version {scheme.Version} converts points by a price per point here, so it has no bands to fit. Choose price per point, or a base version with bands.");
            return (phase, Empty(phase, CalibrationOptions.Bands, packages.Count));
        }

        var used = packages.Where(p => p.Base.Routing == RasRouting.None && p.Base.Band is not null).ToList();
        var fits = new List<CalibrationBandFit>();
        var fittedBands = new List<RasBand>();
        var previous = 0m;
        foreach (var band in bands)
        {
            var inBand = used.Where(p => ReferenceEquals(p.Base.Band, band)).Select(p => p.Package.ActualAnnualCost).ToList();
            if (band.Routing is { } routing && routing != RasRouting.None)
            {
                fits.Add(new CalibrationBandFit { Name = band.Name, From = band.From, To = band.To, Routing = routing, PackageCount = CountInBand(packages, band), BaseAmount = band.Amount, FittedAmount = band.Amount });
                fittedBands.Add(band);
                continue;
            }

            decimal amount;
            decimal? median = null;
            string? note = null;
            if (inBand.Count < options.MinimumPackagesPerBand)
            {
                amount = band.Amount;
                note = $"Only {inBand.Count} package{(inBand.Count == 1 ? "" : "s")}, fewer than {options.MinimumPackagesPerBand}: the band keeps its amount.";
            }
            else
            {
                median = Median(inBand);
                amount = RasEngine.Round(median.Value, scheme.Rounding);
            }

            if (amount < previous)
            {
                note = (note is null ? "" : note + " ") + $"Raised from {Money.Format(amount)} to {Money.Format(previous)}, the band before's amount: more points must never give less money.";
                amount = previous;
            }

            previous = amount;
            fits.Add(new CalibrationBandFit
            {
                Name = band.Name, From = band.From, To = band.To, PackageCount = inBand.Count, BaseAmount = band.Amount,
                FittedAmount = amount, Median = median, Flagged = note is not null, Note = note,
            });
            fittedBands.Add(band with { Amount = amount });
        }

        // The base's band edges (inclusive or not) and its hours at a rate stay: only the amounts are fitted.
        var fittedPhase = phase with { Conversion = phase.Conversion with { Method = CalibrationOptions.Bands, Bands = fittedBands } };
        if (phase.Conversion.Method != CalibrationOptions.Bands) notes.Add("The base version's price per point is replaced by bands.");
        return (fittedPhase, new CalibrationPhaseFit(phase.Id, phase.Name, CalibrationOptions.Bands, packages.Count, PackagesUsed: used.Count)
        {
            Bands = fits, Notes = notes,
        });
    }

    private static int CountInBand(List<Scored> packages, RasBand band) => packages.Count(p => ReferenceEquals(p.Base.Band, band));

    private static (RasPhase, CalibrationPhaseFit) FitPrice(RasScheme scheme, RasPhase phase, List<Scored> packages, CalibrationOptions options, List<string> errors)
    {
        var notes = new List<string>();
        var c = phase.Conversion;
        var used = packages.Where(p => p.Base.Routing == RasRouting.None).ToList();
        if (used.Count == 0)
        {
            // A file may cover one phase only: the others are left as they were, and say so.
            return (phase, Empty(phase, c.Method, packages.Count) with
            {
                Notes = [$"No packages in this phase to fit a price per point to: it keeps version {scheme.Version}'s {(c.Method == CalibrationOptions.Bands ? "bands" : "price per point")}."],
            });
        }

        if (used.Count < 2 || used.Select(p => p.Points).Distinct().Count() < 2)
        {
            errors.Add($"{phase.Name}: a price per point needs packages at two or more different points totals; there {(used.Count == 1 ? "is" : "are")} {used.Count} package{(used.Count == 1 ? "" : "s")} to fit.");
            return (phase, Empty(phase, CalibrationOptions.PricePerPoint, packages.Count));
        }

        // Least squares of cost on points, in decimal so that figures generated from a price come back exactly.
        var n = used.Count;
        var meanX = used.Sum(p => p.Points) / n;
        var meanY = used.Sum(p => p.Package.ActualAnnualCost) / n;
        var sxy = used.Sum(p => (p.Points - meanX) * (p.Package.ActualAnnualCost - meanY));
        var sxx = used.Sum(p => (p.Points - meanX) * (p.Points - meanX));
        var slope = sxy / sxx;
        var intercept = meanY - slope * meanX;
        if (slope <= 0)
        {
            errors.Add($"{phase.Name}: the packages' costs do not rise with their points (the fitted line slopes {(slope == 0 ? "flat" : "down")}), so no price per point can be fitted.");
            return (phase, Empty(phase, CalibrationOptions.PricePerPoint, packages.Count));
        }

        var threshold = -intercept / slope;
        var price = slope;
        if (threshold < 0)
        {
            // A line reaching £0 below 0 points cannot be a threshold: fit the price with the threshold at 0 instead.
            threshold = 0;
            price = used.Sum(p => p.Points * p.Package.ActualAnnualCost) / used.Sum(p => p.Points * p.Points);
            notes.Add("The fitted line reaches £0 below 0 points, so the threshold is 0 and the price per point is fitted from 0 points.");
        }

        threshold = Math.Round(threshold, 2, MidpointRounding.AwayFromZero);
        price = Math.Round(price, 2, MidpointRounding.AwayFromZero);
        var roundTo = scheme.Rounding.To;
        var floor = options.Floor ?? c.Floor ?? 0m;
        var cap = options.Cap ?? c.Cap ?? RasEngine.Round(used.Max(p => p.Package.ActualAnnualCost), scheme.Rounding with { Mode = RasRoundingMode.Up });
        if (options.Floor is null && c.Floor is null) notes.Add($"The base version has no least amount here, so it is {Money.Format(floor)}.");
        if (options.Cap is null && c.Cap is null) notes.Add($"The base version has no most amount here, so it is the dearest package, {Money.Format(cap)}.");
        if (floor % roundTo != 0 || cap % roundTo != 0)
            errors.Add($"{phase.Name}: the least and most amounts must be whole multiples of the version's rounding step ({roundTo.ToString("0.##", CultureInfo.InvariantCulture)}).");
        if (floor > cap) errors.Add($"{phase.Name}: the least amount ({Money.Format(floor)}) is more than the most amount ({Money.Format(cap)}).");

        var routing = phase.Routing;
        if (c.Method == CalibrationOptions.Bands && c.Bands is { Count: > 0 } bands)
        {
            // Routing bands keep routing: their edges become the phase's routing thresholds.
            var universal = bands.TakeWhile(b => b.Routing == RasRouting.Universal).LastOrDefault();
            var socialWork = bands.SkipWhile(b => b.Routing != RasRouting.SocialWorkAssessment).FirstOrDefault();
            // An inclusive universal band "0–19" sends totals below 20 there.
            var universalEnd = universal is null ? (decimal?)null : c.BandEdges == RasBandEdges.Inclusive ? universal.To + 1 : universal.To;
            routing = new RasRoutingThresholds(
                UniversalBelow: routing?.UniversalBelow ?? universalEnd,
                SocialWorkAssessmentAbove: routing?.SocialWorkAssessmentAbove ?? socialWork?.From);
            if (universal is not null) notes.Add($"Below {Pts(universalEnd!.Value)} points still goes to universal services, as in the band \"{universal.Name}\".");
            if (socialWork is not null) notes.Add($"More than {Pts(socialWork.From)} points still goes to a social work assessment, as in the band \"{socialWork.Name}\"; exactly {Pts(socialWork.From)} points now gets a budget.");
            if (routing.UniversalBelow is null && routing.SocialWorkAssessmentAbove is null) routing = null;
        }

        var fittedPhase = phase with
        {
            Conversion = new RasConversion(Method: CalibrationOptions.PricePerPoint, Threshold: threshold, PricePerPoint: price, Floor: floor, Cap: cap, HoursAt: c.HoursAt),
            Routing = routing,
        };
        return (fittedPhase, new CalibrationPhaseFit(phase.Id, phase.Name, CalibrationOptions.PricePerPoint, packages.Count, PackagesUsed: n)
        {
            Price = new CalibrationPriceFit
            {
                BaseThreshold = c.Threshold, BasePricePerPoint = c.PricePerPoint,
                Intercept = Math.Round(intercept, 2, MidpointRounding.AwayFromZero), Slope = Math.Round(slope, 4, MidpointRounding.AwayFromZero),
                Threshold = threshold, PricePerPoint = price, Floor = floor, Cap = cap,
            },
            Notes = notes,
        });
    }

    private static CalibrationPhaseFit Empty(RasPhase phase, string method, int count) =>
        new(phase.Id, phase.Name, method, count, PackagesUsed: 0);

    internal static decimal Median(IReadOnlyList<decimal> values)
    {
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static CalibrationFitMeasures Measure(string version, List<CalibrationPackageResult> results, Func<CalibrationPackageResult, (decimal Amount, RasRouting Routing)> amountOf)
    {
        var compared = results.Select(r => (r.Actual, Result: amountOf(r))).Where(x => x.Result.Routing == RasRouting.None).ToList();
        if (compared.Count == 0)
        {
            return new CalibrationFitMeasures { Version = version, PackagesCompared = 0, PackagesRouted = results.Count, MedianAbsoluteError = 0, MeanAbsoluteError = 0, TotalActual = 0, TotalAmount = 0 };
        }

        var errors = compared.Select(x => Math.Abs(x.Result.Amount - x.Actual)).ToList();
        var mean = compared.Average(x => x.Actual);
        var ssTot = compared.Sum(x => (double)((x.Actual - mean) * (x.Actual - mean)));
        var ssRes = compared.Sum(x => (double)((x.Result.Amount - x.Actual) * (x.Result.Amount - x.Actual)));
        return new CalibrationFitMeasures
        {
            Version = version,
            PackagesCompared = compared.Count,
            PackagesRouted = results.Count - compared.Count,
            RSquared = ssTot == 0 ? null : 1 - ssRes / ssTot,
            MedianAbsoluteError = Math.Round(Median(errors), 2, MidpointRounding.AwayFromZero),
            MeanAbsoluteError = Math.Round(errors.Average(), 2, MidpointRounding.AwayFromZero),
            TotalActual = compared.Sum(x => x.Actual),
            TotalAmount = compared.Sum(x => x.Result.Amount),
        };
    }

    private static CalibrationChangeGroup Changes(string id, string name, IEnumerable<CalibrationPackageResult> results)
    {
        var list = results.ToList();
        return new CalibrationChangeGroup(
            id,
            name,
            Packages: list.Count,
            Up: list.Count(r => r.FittedAmount > r.BaseAmount),
            Down: list.Count(r => r.FittedAmount < r.BaseAmount),
            Same: list.Count(r => r.FittedAmount == r.BaseAmount),
            TotalBase: list.Sum(r => r.BaseAmount),
            TotalFitted: list.Sum(r => r.FittedAmount));
    }

    private static string Pts(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);
}
