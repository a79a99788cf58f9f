namespace ShortBreaks.Core.Ras.Calibration;

/// <summary>
/// One calibration kept for the record: who ran it and when, on what file and base version, the report, the fitted
/// version, and the draft made from it if any. The packages themselves are not kept: only the figures the report
/// shows (the packages furthest from the fit, by reference). A file with any bad row is never kept.
/// </summary>
public sealed class CalibrationRun : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public DateTime CreatedAt { get; set; }
    public string? CreatedByUserId { get; set; }
    public string CreatedByName { get; set; } = "";

    /// <summary>The uploaded file's name, as a label only.</summary>
    public string FileName { get; set; } = "";

    public int RowCount { get; set; }
    public string BaseVersion { get; set; } = "";

    /// <summary>"asBase", "bands" or "pricePerPoint" (see <see cref="CalibrationOptions"/>).</summary>
    public string Method { get; set; } = "";

    public CalibrationFileFormat Format { get; set; }

    /// <summary>R² of the fitted and the base version, for the list of calibrations.</summary>
    public double? FittedRSquared { get; set; }

    public double? BaseRSquared { get; set; }

    /// <summary>The <see cref="CalibrationReport"/> as JSON.</summary>
    public string ReportJson { get; set; } = "";

    /// <summary>The fitted RAS version as JSON (see <see cref="RasSchemeCatalog.ToJson"/>), from which a draft is made.</summary>
    public string FittedSchemeJson { get; set; } = "";

    /// <summary>The label of the draft RAS version made from this calibration, once made.</summary>
    public string? DraftLabel { get; set; }

    public long Version { get; set; }
}
