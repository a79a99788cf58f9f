namespace ShortBreaks.Core.Ras;

/// <summary>One family's answers in a file to be scored, with the reference that identifies it.</summary>
public sealed record RasBatchRow
{
    public string? Reference { get; init; }
    public int? AgeYears { get; init; }
    public string? PhaseId { get; init; }
    public Dictionary<string, string>? Levels { get; init; }
    public Dictionary<string, string>? Support { get; init; }
    public Dictionary<string, decimal>? FundedSupport { get; init; }
}

public sealed record RasBatchResult(string? Reference, RasResult Result, IReadOnlyList<RasWorkingLine> Working);

/// <summary>
/// Scores a file of answers for scripts (the command line): every row is checked before any is scored, and a
/// file with a bad row gives the problems of every bad row and no results.
/// </summary>
public static class RasBatch
{
    public static (IReadOnlyList<RasBatchResult> Results, IReadOnlyList<string> Errors) Score(RasScheme scheme, IReadOnlyList<RasBatchRow> rows)
    {
        var compiled = CompiledRasScheme.For(scheme);
        var sheets = new RasAnswerSheet[rows.Count];
        var errors = new List<string>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row is null)
            {
                errors.Add($"Row {i + 1}: is empty (null): give the answers, or remove the row.");
                continue;
            }

            try
            {
                sheets[i] = compiled.Prepare(new RasAnswers
                {
                    AgeYears = row.AgeYears,
                    PhaseId = row.PhaseId,
                    Levels = row.Levels ?? [],
                    Support = row.Support ?? [],
                    FundedSupport = row.FundedSupport ?? [],
                });
            }
            catch (RasAnswersException ex)
            {
                var name = row.Reference is null ? $"Row {i + 1}" : $"Row {i + 1} ({row.Reference})";
                errors.AddRange(ex.Problems.Select(e => $"{name}: {e.Field}: {e.Message}"));
            }
        }

        if (errors.Count > 0) return ([], errors);

        var results = new RasBatchResult[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var working = RasEngine.Explain(compiled, sheets[i]);
            results[i] = new RasBatchResult(rows[i].Reference, working.Result, working.Lines);
        }

        return (results, []);
    }

    public static IReadOnlyList<RasBatchRow> ReadJson(string json) =>
        JsonSerializer.Deserialize<List<RasBatchRow>>(json, RasSchemeCatalog.JsonOptions)
        ?? throw new JsonException("The file holds no list of answers.");

    /// <summary>One line a result: reference, version, phase, points, amount, band, routing, hours, flagged for assessment, support already funded taken off.</summary>
    public static string ToCsv(IEnumerable<RasBatchResult> results) =>
        SpreadsheetCsv.Write(["reference", "version", "phase", "total_points", "amount", "band", "routing", "hours", "flagged_for_assessment", "funded_support_deducted"], csv =>
        {
            foreach (var r in results)
            {
                csv.Text(r.Reference).Text(r.Result.Version).Text(r.Result.PhaseId).Number(r.Result.TotalPoints, "G").Number(r.Result.Amount)
                    .Text(r.Result.Band?.Name).Text(r.Result.Routing.ToString()).Number(r.Result.Hours, "G")
                    .Text(r.Result.FlaggedForAssessment ? "yes" : "no").Number(r.Result.FundedSupportDeducted).EndRow();
            }
        });
}
