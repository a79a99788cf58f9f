namespace ShortBreaks.Core.Ras.Calibration;

/// <summary>How a calibration file gives each child's need: the RAS answers, or each domain's points after support.</summary>
public enum CalibrationFileFormat
{
    /// <summary>One column per question holding a level id, and optionally <c>support_&lt;domain&gt;</c> columns.</summary>
    Answers,

    /// <summary>One <c>domain_&lt;domain&gt;</c> column per domain holding its points after support.</summary>
    DomainPoints,
}

/// <summary>
/// One of last year's packages as imported: who (a reference only, never a name), the age that chooses the phase,
/// the child's need and what the package actually cost for the year.
/// </summary>
/// <param name="Row">The row in the file (the header is row 1), so problems and results point back to it.</param>
/// <param name="Answers">The RAS answers, when the file gives answers.</param>
/// <param name="DomainPoints">Domain id to points after support, when the file gives domain points.</param>
public sealed record CalibrationPackage(
    int Row, string ChildReference, int AgeYears, string PhaseId, decimal ActualAnnualCost,
    RasAnswers? Answers = null, IReadOnlyDictionary<string, decimal>? DomainPoints = null);

/// <summary>A problem with one cell (or the whole row, or the file when <see cref="Row"/> is 0 or 1), as people fix it in a spreadsheet.</summary>
public sealed record CalibrationRowError(int Row, string Column, string Value, string Message);

/// <summary>
/// What reading a file gave: every package, or the problems and no packages. Whole or nothing: one bad row means
/// nothing is imported.
/// </summary>
public sealed record CalibrationImport
{
    public CalibrationFileFormat? Format { get; init; }
    public IReadOnlyList<CalibrationPackage> Packages { get; init; } = [];
    public IReadOnlyList<CalibrationRowError> Errors { get; init; } = [];

    /// <summary>Every problem found, which can be more than <see cref="Errors"/> lists (see <see cref="CalibrationCsv.MaxErrorsListed"/>).</summary>
    public int ErrorCount { get; init; }

    /// <summary>Data rows read (not counting the header).</summary>
    public int RowCount { get; init; }

    public bool Succeeded => ErrorCount == 0;
}
