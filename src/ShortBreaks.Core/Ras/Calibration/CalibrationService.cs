namespace ShortBreaks.Core.Ras.Calibration;

/// <summary>The outcome of running a calibration on a file: the run kept, or the problems and nothing kept.</summary>
public sealed record CalibrationOutcome(CalibrationRun? Run, CalibrationImport Import, CommandResult Result);

/// <summary>
/// Calibrations for commissioning and finance officers: import last year's packages, fit the rates, keep the
/// report, and make a draft RAS version from it to be published through the RAS versions.
/// </summary>
public sealed class CalibrationService(ShortBreaksDbContext db, RasVersionService versions)
{
    public const int FileNameMaxLength = 200;

    public static readonly JsonSerializerOptions ReportJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>
    /// Reads the file, fits the rates and keeps the run. Nothing is kept when a row is bad, the base version is
    /// unknown, or the rates cannot be fitted: the problems come back instead.
    /// </summary>
    public async Task<CalibrationOutcome> RunAsync(string fileName, Stream file, string baseVersion, CalibrationOptions options, long maxBytes, CancellationToken ct = default)
    {
        var scheme = await versions.SchemeAsync(baseVersion, ct);
        if (scheme is null) return new(null, new CalibrationImport(), CommandResult.Fail("BaseVersion", "Select a RAS version to start from"));

        var import = CalibrationCsv.Read(file, scheme, maxBytes);
        if (!import.Succeeded) return new(null, import, CommandResult.Fail("Upload", ImportSummary(import)));

        CalibrationResult result;
        try
        {
            result = RasCalibrator.Calibrate(scheme, import.Packages, options);
        }
        catch (CalibrationException ex)
        {
            return new(null, import, CommandResult.Fail(ex.Errors.Select(e => new FieldError("Upload", e)).ToList()));
        }

        var run = new CalibrationRun
        {
            CreatedAt = db.UtcNow,
            CreatedByUserId = db.Actor.UserId,
            CreatedByName = db.Actor.Name,
            FileName = SafeName(fileName),
            RowCount = import.RowCount,
            BaseVersion = scheme.Version,
            Method = options.Method,
            Format = import.Format ?? CalibrationFileFormat.Answers,
            FittedRSquared = result.Report.Fitted.RSquared,
            BaseRSquared = result.Report.Base.RSquared,
            ReportJson = JsonSerializer.Serialize(result.Report, ReportJson),
            FittedSchemeJson = RasSchemeCatalog.ToJson(result.Fitted),
        };
        db.CalibrationRuns.Add(run);
        await db.SaveChangesAsync(ct);
        return new(run, import, CommandResult.Ok);
    }

    /// <summary>"The file has 3 problems", for the error summary; the rows are in the table below it.</summary>
    public static string ImportSummary(CalibrationImport import) => import.ErrorCount == 1
        ? import.Errors[0].Row <= 1 ? import.Errors[0].Message : $"Row {import.Errors[0].Row}: {import.Errors[0].Message}"
        : $"The file has {import.ErrorCount:N0} problems. Nothing has been imported: correct them and upload the file again";

    public Task<List<CalibrationRun>> ListAsync(CancellationToken ct = default) =>
        db.CalibrationRuns.AsNoTracking().OrderByDescending(r => r.CreatedAt).Take(200).ToListAsync(ct);

    /// <summary>A run, recording that someone looked at it (its report names packages by child reference).</summary>
    public async Task<CalibrationRun?> ViewAsync(Guid id, CancellationToken ct = default)
    {
        var run = await db.CalibrationRuns.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (run is null) return null;
        db.RecordView(nameof(CalibrationRun), run.Id.ToString(), null, $"Calibration report on {run.FileName}");
        await db.SaveChangesAsync(ct);
        return run;
    }

    public Task<CalibrationRun?> FindAsync(Guid id, CancellationToken ct = default) =>
        db.CalibrationRuns.FirstOrDefaultAsync(r => r.Id == id, ct);

    public static CalibrationReport ReportOf(CalibrationRun run) =>
        JsonSerializer.Deserialize<CalibrationReport>(run.ReportJson, ReportJson) ?? throw new InvalidOperationException($"Calibration {run.Id} holds no report.");

    public static RasScheme FittedOf(CalibrationRun run) =>
        JsonSerializer.Deserialize<RasScheme>(run.FittedSchemeJson, RasSchemeCatalog.JsonOptions) ?? throw new InvalidOperationException($"Calibration {run.Id} holds no fitted version.");

    /// <summary>
    /// Keeps the fitted rates as a draft RAS version (source: calibrated), to be published through the RAS versions.
    /// One draft per calibration.
    /// </summary>
    public async Task<(RasVersionRecord? Draft, CommandResult Result)> SaveDraftAsync(
        CalibrationRun run, string? label, DateOnly? effectiveFrom, string? notes, long versionSeen, CancellationToken ct = default)
    {
        if (run.DraftLabel is not null)
            return (null, CommandResult.Fail("", $"A draft RAS version, {run.DraftLabel}, has already been made from this calibration."));
        if (run.Version != versionSeen) return (null, Concurrent());

        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(label)) errors.Add(new("Label", "Enter a version label, like 2027.1"));
        if (effectiveFrom is null) errors.Add(new("EffectiveFrom", "Enter the date the version takes effect"));
        if (notes is { Length: > RasVersionService.NotesMaxLength }) errors.Add(new("Notes", $"The notes must be {RasVersionService.NotesMaxLength} characters or fewer"));
        if (errors.Count > 0) return (null, CommandResult.Fail(errors));

        var scheme = FittedOf(run) with { Version = label!.Trim(), EffectiveFrom = effectiveFrom!.Value };
        db.ExpectVersion(run, versionSeen);
        run.DraftLabel = scheme.Version;
        // The draft and the link to it are saved together, so two people cannot both make a draft from one run.
        var (draft, result) = await versions.CreateDraftAsync(scheme, RasVersionSource.Calibrated, run.BaseVersion, notes, ct);
        if (result.Succeeded) return (draft, result);

        db.Entry(run).Property(r => r.DraftLabel).CurrentValue = null;
        db.Entry(run).Property(r => r.DraftLabel).IsModified = false;
        return (null, result.Conflict ? Concurrent() : result);
    }

    private static CommandResult Concurrent() => CommandResult.Concurrent with
    {
        Errors = [new FieldError("", "Someone else has just saved this calibration as a draft. Check the calibration as it is now.")],
    };

    private static string SafeName(string? name)
    {
        var bare = Path.GetFileName((name ?? "").Replace('\\', '/'));
        var clean = new string(bare.Where(ch => !char.IsControl(ch)).ToArray()).Trim();
        if (clean.Length > FileNameMaxLength) clean = clean[..FileNameMaxLength];
        return clean.Length == 0 ? "packages.csv" : clean;
    }
}
