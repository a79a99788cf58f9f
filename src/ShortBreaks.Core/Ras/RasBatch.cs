using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ShortBreaks.Core.Ras;

/// <summary>One family's answers in a file to be scored, with the reference that identifies it.</summary>
public sealed record RasBatchRow
{
    public string? Reference { get; init; }
    public int? AgeYears { get; init; }
    public string? PhaseId { get; init; }
    public Dictionary<string, string>? Levels { get; init; }
    public Dictionary<string, string>? Support { get; init; }
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
            try
            {
                sheets[i] = compiled.Prepare(new RasAnswers
                {
                    AgeYears = row.AgeYears,
                    PhaseId = row.PhaseId,
                    Levels = row.Levels ?? [],
                    Support = row.Support ?? [],
                });
            }
            catch (RasAnswersException ex)
            {
                var name = row.Reference is null ? $"Row {i + 1}" : $"Row {i + 1} ({row.Reference})";
                errors.AddRange(ex.Errors.Select(e => $"{name}: {e}"));
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

    /// <summary>One line a result: reference, version, phase, points, amount, band, routing (RFC 4180 quoting).</summary>
    public static string ToCsv(IEnumerable<RasBatchResult> results)
    {
        var csv = new StringBuilder("reference,version,phase,total_points,amount,band,routing\n");
        foreach (var r in results)
        {
            csv.Append(Quote(r.Reference)).Append(',').Append(Quote(r.Result.Version)).Append(',').Append(Quote(r.Result.PhaseId)).Append(',')
                .Append(r.Result.TotalPoints.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(r.Result.Amount.ToString("0.00", CultureInfo.InvariantCulture)).Append(',')
                .Append(Quote(r.Result.Band?.Name)).Append(',').Append(r.Result.Routing).Append('\n');
        }

        return csv.ToString();
    }

    private static string Quote(string? value) =>
        value is null ? "" : value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
}
