namespace ShortBreaks.Core.Ras.Calibration;

/// <summary>
/// What a calibration found: the rates fitted per phase, how well the fitted and the base version fit last year's
/// packages, the packages furthest from the fit, and who would gain or lose against the base version. It holds
/// child references only for the packages furthest from the fit.
/// </summary>
public sealed record CalibrationReport
{
    public required string BaseVersion { get; init; }

    /// <summary>"bands", "pricePerPoint", or "asBase" (each phase keeps its own method).</summary>
    public required string Method { get; init; }

    public required CalibrationFileFormat Format { get; init; }
    public required int PackageCount { get; init; }

    /// <summary>How each band amount is fitted, in words, for the page and the file.</summary>
    public string BandStatistic { get; init; } = CalibrationOptions.BandStatisticText;

    public required IReadOnlyList<CalibrationPhaseFit> Phases { get; init; }

    /// <summary>The fitted version scored over every package.</summary>
    public required CalibrationFitMeasures Fitted { get; init; }

    /// <summary>The base version scored over every package, for comparison.</summary>
    public required CalibrationFitMeasures Base { get; init; }

    public required IReadOnlyList<CalibrationPackageResult> Furthest { get; init; }

    public required IReadOnlyList<CalibrationChangeGroup> ChangesByPhase { get; init; }

    /// <summary>Grouped by the child's main need: the domain with the most points (the first in the questionnaire on a tie).</summary>
    public required IReadOnlyList<CalibrationChangeGroup> ChangesByNeed { get; init; }

    public required CalibrationChangeGroup ChangesInAll { get; init; }
}

/// <param name="Method">"bands" or "pricePerPoint": the fitted version's method in this phase.</param>
/// <param name="PackagesUsed">Packages that went into the fit: those the base version does not route to universal services or a social work assessment.</param>
public sealed record CalibrationPhaseFit(string PhaseId, string PhaseName, string Method, int PackageCount, int PackagesUsed)
{
    public IReadOnlyList<CalibrationBandFit> Bands { get; init; } = [];
    public CalibrationPriceFit? Price { get; init; }

    /// <summary>Anything the officer must know before trusting the phase's figures.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

public sealed record CalibrationBandFit
{
    public required string Name { get; init; }
    public required decimal From { get; init; }
    public required decimal To { get; init; }
    public RasRouting Routing { get; init; }
    public required int PackageCount { get; init; }
    public required decimal BaseAmount { get; init; }
    public required decimal FittedAmount { get; init; }

    /// <summary>The median of the band's packages before rounding, when there were enough of them.</summary>
    public decimal? Median { get; init; }

    /// <summary>True when the band kept its amount or it was changed from the median: see <see cref="Note"/>.</summary>
    public bool Flagged { get; init; }

    public string? Note { get; init; }
}

public sealed record CalibrationPriceFit
{
    public decimal? BaseThreshold { get; init; }
    public decimal? BasePricePerPoint { get; init; }

    /// <summary>The least squares line: cost = intercept + slope × points.</summary>
    public required decimal Intercept { get; init; }

    public required decimal Slope { get; init; }

    /// <summary>Points where the line reaches £0: the fitted threshold.</summary>
    public required decimal Threshold { get; init; }

    public required decimal PricePerPoint { get; init; }
    public required decimal Floor { get; init; }
    public required decimal Cap { get; init; }
}

/// <summary>How closely a version's amounts match what packages actually cost, over the packages it gives money to.</summary>
public sealed record CalibrationFitMeasures
{
    public required string Version { get; init; }

    /// <summary>Packages the version gives money to, and so compared.</summary>
    public required int PackagesCompared { get; init; }

    /// <summary>Packages the version routes to universal services or a social work assessment instead.</summary>
    public required int PackagesRouted { get; init; }

    /// <summary>1 − (sum of squared differences ÷ sum of squares about the mean cost); null when every cost is the same.</summary>
    public double? RSquared { get; init; }

    public required decimal MedianAbsoluteError { get; init; }
    public required decimal MeanAbsoluteError { get; init; }
    public required decimal TotalActual { get; init; }
    public required decimal TotalAmount { get; init; }
}

/// <summary>One package under the base and the fitted version.</summary>
/// <param name="MainNeed">The domain id with the most points, or "none" when every domain is 0.</param>
public sealed record CalibrationPackageResult(
    int Row, string ChildReference, string PhaseId, decimal Points, string MainNeed,
    decimal Actual, decimal BaseAmount, RasRouting BaseRouting, decimal FittedAmount, RasRouting FittedRouting)
{
    /// <summary>Fitted amount less actual cost: positive when the fitted version gives more than the package cost.</summary>
    public decimal Difference => FittedAmount - Actual;
}

/// <summary>Who would gain or lose against the base version in one group (a phase, a main need, or everyone).</summary>
public sealed record CalibrationChangeGroup(
    string Id, string Name, int Packages, int Up, int Down, int Same, decimal TotalBase, decimal TotalFitted)
{
    public decimal TotalChange => TotalFitted - TotalBase;
}
