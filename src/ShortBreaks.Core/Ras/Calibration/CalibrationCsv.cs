namespace ShortBreaks.Core.Ras.Calibration;

/// <summary>
/// Reads last year's packages from CSV for a calibration, checking every row before any is used, and writes the
/// template, the problems and the per-package results as CSV.
/// </summary>
/// <remarks>
/// Columns: <c>child_reference</c>, <c>age</c>, <c>actual_annual_cost</c>, and either one column per question id of
/// the base version (a level id such as <c>some</c>, or a half level such as <c>some/lots</c> where allowed) with
/// optional <c>support_&lt;domain id&gt;</c> columns (a support level id), or one <c>domain_&lt;domain id&gt;</c>
/// column per domain (the domain's points after support). Where the phases ask different questions, a child's
/// cells for questions (or domains) outside their phase are left empty.
/// </remarks>
public static class CalibrationCsv
{
    public const string ChildReferenceColumn = "child_reference";
    public const string AgeColumn = "age";
    public const string CostColumn = "actual_annual_cost";
    public const string SupportPrefix = "support_";
    public const string DomainPrefix = "domain_";

    /// <summary>The most packages one file may hold: more than any council's year, small enough to fit in one go.</summary>
    public const int MaxRows = 200_000;

    /// <summary>The largest file read: 200,000 rows of 40 answers and 10 support levels, with long question ids, are about 70MB.</summary>
    public const long MaxBytes = 128L * 1024 * 1024;

    /// <summary>The most problems listed one by one; the rest are counted.</summary>
    public const int MaxErrorsListed = 1_000;

    public const int ChildReferenceMaxLength = 50;

    /// <summary>The largest annual cost accepted, to catch a figure typed in pence or with extra digits.</summary>
    public const decimal MaxAnnualCost = 1_000_000m;

    public static CalibrationImport Read(Stream stream, RasScheme scheme, long maxBytes = MaxBytes)
    {
        if (stream.CanSeek && stream.Length > maxBytes)
        {
            return Failed(new CalibrationRowError(0, "", "", $"The file must be smaller than {maxBytes / (1024 * 1024)}MB"));
        }

        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        return Read(reader, scheme);
    }

    public static CalibrationImport Read(TextReader reader, RasScheme scheme)
    {
        var layout = new SchemeLayout(scheme);
        var errors = new ErrorList();
        var badData = new List<string>();
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            BadDataFound = args => badData.Add(args.Field),
            DetectDelimiter = false,
            TrimOptions = TrimOptions.None,
        };

        try
        {
            using var parser = new CsvParser(reader, config);
            if (!parser.Read())
            {
                return Failed(new CalibrationRowError(1, "", "", "The file is empty: it needs a header row and a row for each package"));
            }

            var header = parser.Record!.Select(h => h.Trim().ToLowerInvariant()).ToArray();
            var columns = ReadHeader(header, layout, errors, out var format);
            if (errors.Count > 0 || columns is null)
            {
                return errors.ToImport(format, 0, []);
            }

            var packages = new List<CalibrationPackage>();
            var references = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            var rowCount = 0;
            var row = 1;
            while (parser.Read())
            {
                row++;
                var record = parser.Record!;
                if (record.All(string.IsNullOrWhiteSpace)) continue; // a blank line, as spreadsheets leave at the end
                rowCount++;
                if (rowCount > MaxRows)
                {
                    errors.Add(new CalibrationRowError(row, "", "", $"The file has more than {MaxRows:N0} packages, the most one calibration can use"));
                    break;
                }

                if (badData.Count > 0)
                {
                    errors.Add(new CalibrationRowError(row, "", Shorten(badData[0]), "The row has a quotation mark in the wrong place"));
                    badData.Clear();
                    continue;
                }

                if (record.Length != header.Length)
                {
                    errors.Add(new CalibrationRowError(row, "", "", $"The row has {record.Length} values but the header has {header.Length} columns"));
                    continue;
                }

                var package = ReadRow(row, record, columns, layout, format!.Value, references, errors);
                if (package is not null) packages.Add(package);
            }

            if (rowCount == 0 && errors.Count == 0)
            {
                errors.Add(new CalibrationRowError(2, "", "", "The file has a header row but no packages"));
            }

            return errors.ToImport(format, rowCount, packages);
        }
        catch (CsvHelperException ex)
        {
            errors.Add(new CalibrationRowError(ex.Context?.Parser?.Row ?? 0, "", "", "The file could not be read as CSV: " + FirstLine(ex.Message)));
            return errors.ToImport(null, 0, []);
        }
    }

    private static Dictionary<string, int>? ReadHeader(string[] header, SchemeLayout layout, ErrorList errors, out CalibrationFileFormat? format)
    {
        format = null;
        if (header.Length == 1 && header[0].Contains(';'))
        {
            // Spreadsheets set to some European languages save "CSV" with semicolons.
            errors.Add(new CalibrationRowError(1, "", "", "The values are separated by semicolons: save the file as CSV with commas between values"));
            return null;
        }

        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++)
        {
            if (header[i].Length == 0) errors.Add(new CalibrationRowError(1, $"column {i + 1}", "", "A column has no name"));
            else if (!columns.TryAdd(header[i], i)) errors.Add(new CalibrationRowError(1, header[i], header[i], $"The column '{header[i]}' is in the file more than once"));
        }

        var hasQuestions = columns.Keys.Any(layout.QuestionPhases.ContainsKey);
        var hasDomains = columns.Keys.Any(c => c.StartsWith(DomainPrefix, StringComparison.Ordinal));
        if (hasQuestions && hasDomains)
        {
            errors.Add(new CalibrationRowError(1, "", "", "The file has both question columns and domain_ columns: give the answers or the domain points, not both"));
            return null;
        }

        if (!hasQuestions && !hasDomains)
        {
            errors.Add(new CalibrationRowError(1, "", "", $"The file has no question columns and no domain_ columns for RAS version {layout.Scheme.Version}: download the template for the columns"));
        }

        format = hasDomains ? CalibrationFileFormat.DomainPoints : CalibrationFileFormat.Answers;
        var required = new List<string> { ChildReferenceColumn, AgeColumn, CostColumn };
        var optional = new HashSet<string>(StringComparer.Ordinal);
        if (hasQuestions) required.AddRange(layout.QuestionPhases.Keys);
        if (hasDomains) required.AddRange(layout.DomainIds.Select(d => DomainPrefix + d));
        if (hasQuestions) optional.UnionWith(layout.DomainIds.Select(d => SupportPrefix + d));

        foreach (var missing in required.Where(c => !columns.ContainsKey(c)))
        {
            errors.Add(new CalibrationRowError(1, missing, "", $"The column '{missing}' is missing"));
        }

        foreach (var unknown in columns.Keys.Where(c => c.Length > 0 && !required.Contains(c) && !optional.Contains(c)))
        {
            errors.Add(new CalibrationRowError(1, unknown, unknown, $"'{unknown}' is not a column of a calibration file for RAS version {layout.Scheme.Version}"));
        }

        return columns;
    }

    private static CalibrationPackage? ReadRow(int row, string[] record, Dictionary<string, int> columns, SchemeLayout layout,
        CalibrationFileFormat format, Dictionary<string, int> references, ErrorList errors)
    {
        var before = errors.Count;
        string Cell(string column) => record[columns[column]].Trim();

        var reference = Cell(ChildReferenceColumn);
        if (reference.Length == 0) errors.Add(new(row, ChildReferenceColumn, "", "Enter the child's reference"));
        else if (reference.Length > ChildReferenceMaxLength) errors.Add(new(row, ChildReferenceColumn, Shorten(reference), $"The child's reference must be {ChildReferenceMaxLength} characters or fewer"));
        else if (!references.TryAdd(reference, row)) errors.Add(new(row, ChildReferenceColumn, reference, $"The child's reference is also on row {references[reference]}: each package must be for a different child"));

        var ageText = Cell(AgeColumn);
        RasPhase? phase = null;
        var age = 0;
        if (ageText.Length == 0) errors.Add(new(row, AgeColumn, "", "Enter the child's age in whole years"));
        else if (!int.TryParse(ageText, NumberStyles.None, CultureInfo.InvariantCulture, out age)) errors.Add(new(row, AgeColumn, Shorten(ageText), "The age must be a whole number of years, like 9"));
        else if ((phase = layout.Scheme.Phases.FirstOrDefault(p => p.MinimumAge <= age && age <= p.MaximumAge)) is null)
            errors.Add(new(row, AgeColumn, ageText, $"No phase of RAS version {layout.Scheme.Version} covers a child aged {age} ({layout.AgesText})"));

        var costText = Cell(CostColumn);
        var cost = ParseMoney(costText, out var costError);
        if (costError is not null) errors.Add(new(row, CostColumn, Shorten(costText), costError));

        RasAnswers? answers = null;
        Dictionary<string, decimal>? domainPoints = null;
        if (phase is not null)
        {
            if (format == CalibrationFileFormat.Answers) answers = ReadAnswers(row, age, phase, record, columns, layout, errors);
            else domainPoints = ReadDomainPoints(row, phase, record, columns, layout, errors);
        }

        if (errors.Count > before || phase is null) return null;
        return new CalibrationPackage(row, reference, age, phase.Id, cost, answers, domainPoints);
    }

    private static RasAnswers ReadAnswers(int row, int age, RasPhase phase, string[] record, Dictionary<string, int> columns, SchemeLayout layout, ErrorList errors)
    {
        var levels = new Dictionary<string, string>(layout.Questions[phase.Id].Count, StringComparer.Ordinal);
        foreach (var (questionId, phases) in layout.QuestionPhases)
        {
            var value = record[columns[questionId]].Trim().ToLowerInvariant();
            var question = layout.Questions[phase.Id].GetValueOrDefault(questionId);
            if (question is null)
            {
                if (value.Length > 0) errors.Add(new(row, questionId, Shorten(value), $"This question is not asked in the {phase.Name} questionnaire ({string.Join(", ", phases)}): leave it empty for a child aged {age}"));
                continue;
            }

            if (value.Length == 0) { errors.Add(new(row, questionId, "", "Enter the answer's level, like " + string.Join(", ", question.Levels.Select(l => l.Id)))); continue; }
            var ids = layout.LevelIds[question];
            var problem = LevelProblem(ids, value, phase);
            if (problem is not null) errors.Add(new(row, questionId, Shorten(value), problem));
            else levels[questionId] = ids.IndexOf(value) is var i and >= 0 ? ids[i] : value; // the scheme's own string: a big file holds millions of answers
        }

        var support = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var domainId in layout.DomainIds)
        {
            if (!columns.TryGetValue(SupportPrefix + domainId, out var column)) continue;
            var value = record[column].Trim().ToLowerInvariant();
            if (value.Length == 0) continue;
            if (!layout.DomainMaximum[phase.Id].ContainsKey(domainId))
                errors.Add(new(row, SupportPrefix + domainId, Shorten(value), $"This domain is not in the {phase.Name} questionnaire: leave it empty for a child aged {age}"));
            else if (!layout.SupportLevelIds[phase.Id].TryGetValue(value, out var level))
                errors.Add(new(row, SupportPrefix + domainId, Shorten(value), "The support level must be one of " + string.Join(", ", phase.SupportRules.Levels.Select(l => l.Id))));
            else support[domainId] = level;
        }

        return new RasAnswers { AgeYears = age, PhaseId = phase.Id, Levels = levels, Support = support };
    }

    private static Dictionary<string, decimal> ReadDomainPoints(int row, RasPhase phase, string[] record, Dictionary<string, int> columns, SchemeLayout layout, ErrorList errors)
    {
        var points = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var domainId in layout.DomainIds)
        {
            var column = DomainPrefix + domainId;
            var value = record[columns[column]].Trim();
            if (!layout.DomainMaximum[phase.Id].TryGetValue(domainId, out var most))
            {
                if (value.Length > 0) errors.Add(new(row, column, Shorten(value), $"This domain is not in the {phase.Name} questionnaire: leave it empty for this child"));
                continue;
            }

            if (value.Length == 0) errors.Add(new(row, column, "", "Enter the domain's points after support, like 12"));
            else if (!decimal.TryParse(value, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var p))
                errors.Add(new(row, column, Shorten(value), "The domain's points must be a number, like 12 or 12.5"));
            else if (p < 0) errors.Add(new(row, column, value, "The domain's points must not be negative"));
            else if (p > most) errors.Add(new(row, column, value, $"The domain's points must not be more than the most it can score ({most.ToString("0.##", CultureInfo.InvariantCulture)})"));
            else points[domainId] = p;
        }

        return points;
    }

    private static string? LevelProblem(List<string> ids, string value, RasPhase phase)
    {
        var slash = value.IndexOf('/');
        if (slash < 0)
        {
            return ids.Contains(value) ? null : $"The answer must be one of {string.Join(", ", ids)}";
        }

        if (!phase.Questionnaire.AllowHalfLevels) return $"Half levels are not allowed in the {phase.Name} questionnaire: use one of {string.Join(", ", ids)}";
        var lower = ids.IndexOf(value[..slash]);
        var upper = ids.IndexOf(value[(slash + 1)..]);
        return lower >= 0 && upper == lower + 1 ? null : $"A half level must name two levels next to each other, lower first, like {ids[0]}/{ids[1]}";
    }

    /// <summary>The annual cost as people type it (see <see cref="Money.TryParse"/>): never negative, never more than pence.</summary>
    public static decimal ParseMoney(string text, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(text)) { error = "Enter what the package actually cost for the year, in pounds"; return 0; }
        if (!Money.TryParse(text, out var value))
        {
            error = "The cost must be an amount in pounds, like 2400 or £2,400.50";
            return 0;
        }

        if (value < 0) { error = "The cost must not be negative"; return 0; }
        if (!Money.IsWholePence(value)) { error = "The cost must be in pounds and pence, with no more than 2 decimal places"; return 0; }
        if (value > MaxAnnualCost) { error = $"The cost must be no more than {Money.Format(MaxAnnualCost)} a year: check it is in pounds, not pence"; return 0; }
        return value;
    }

    /// <summary>A header and one example row per phase, for the officer to fill in from last year's records.</summary>
    public static string Template(RasScheme scheme, CalibrationFileFormat format)
    {
        var layout = new SchemeLayout(scheme);
        var header = new List<string> { ChildReferenceColumn, AgeColumn };
        if (format == CalibrationFileFormat.Answers)
        {
            header.AddRange(layout.QuestionPhases.Keys);
            header.AddRange(layout.DomainIds.Select(d => SupportPrefix + d));
        }
        else
        {
            header.AddRange(layout.DomainIds.Select(d => DomainPrefix + d));
        }

        header.Add(CostColumn);
        return SpreadsheetCsv.Write(header, csv =>
        {
            var n = 0;
            foreach (var phase in scheme.Phases)
            {
                n++;
                csv.Text($"EXAMPLE-{n}").Number(phase.MinimumAge);
                var questions = phase.Questionnaire.Domains.SelectMany(d => d.Questions).ToDictionary(q => q.Id);
                if (format == CalibrationFileFormat.Answers)
                {
                    foreach (var q in layout.QuestionPhases.Keys) csv.Text(questions.TryGetValue(q, out var question) ? question.Levels[Math.Min(2, question.Levels.Count - 1)].Id : "");
                    foreach (var d in layout.DomainIds) csv.Text(phase.Questionnaire.Domains.Any(x => x.Id == d) ? phase.SupportRules.Levels[0].Id : "");
                }
                else
                {
                    foreach (var d in layout.DomainIds)
                    {
                        if (phase.Questionnaire.Domains.FirstOrDefault(x => x.Id == d) is { } domain) csv.Number(domain.Questions.Sum(q => q.Levels[Math.Min(2, q.Levels.Count - 1)].Points), "0.##");
                        else csv.Text("");
                    }
                }

                csv.Number(2400m);
                csv.EndRow();
            }
        });
    }

    /// <summary>The problems as CSV: row, column, value, problem.</summary>
    public static string ErrorsCsv(IEnumerable<CalibrationRowError> errors) =>
        SpreadsheetCsv.Write(["row", "column", "value", "problem"], csv =>
        {
            foreach (var e in errors)
            {
                csv.Number(e.Row).Text(e.Column).Text(e.Value).Text(e.Message).EndRow();
            }
        });

    /// <summary>Each package under the base and the fitted version, one line a package.</summary>
    public static string ResultsCsv(IEnumerable<CalibrationPackageResult> results) =>
        SpreadsheetCsv.Write(["row", "child_reference", "phase", "total_points", "main_need", "actual_annual_cost", "base_amount", "base_routing", "fitted_amount", "fitted_routing", "change"], csv =>
        {
            foreach (var r in results)
            {
                csv.Number(r.Row).Text(r.ChildReference).Text(r.PhaseId).Number(r.Points, "G").Text(r.MainNeed)
                    .Number(r.Actual).Number(r.BaseAmount).Text(r.BaseRouting.ToString()).Number(r.FittedAmount).Text(r.FittedRouting.ToString())
                    .Number(r.FittedAmount - r.BaseAmount).EndRow();
            }
        });

    private static string Shorten(string value) => value.Length > 60 ? value[..60] + "…" : value;

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    private static CalibrationImport Failed(CalibrationRowError error) => new() { Errors = [error], ErrorCount = 1 };

    private sealed class ErrorList
    {
        private readonly List<CalibrationRowError> _listed = [];

        public int Count { get; private set; }

        public void Add(CalibrationRowError error)
        {
            Count++;
            if (_listed.Count < MaxErrorsListed) _listed.Add(error);
        }

        public CalibrationImport ToImport(CalibrationFileFormat? format, int rows, List<CalibrationPackage> packages) => Count > 0
            ? new CalibrationImport { Format = format, Errors = _listed, ErrorCount = Count, RowCount = rows }
            : new CalibrationImport { Format = format, Packages = packages, RowCount = rows };
    }

    /// <summary>The columns a version's file has: every question and domain of every phase, in the questionnaire's order.</summary>
    private sealed class SchemeLayout
    {
        public SchemeLayout(RasScheme scheme)
        {
            Scheme = scheme;
            foreach (var phase in scheme.Phases)
            {
                var questions = Questions[phase.Id] = new Dictionary<string, RasQuestion>(StringComparer.Ordinal);
                var maximum = DomainMaximum[phase.Id] = new Dictionary<string, decimal>(StringComparer.Ordinal);
                SupportLevelIds[phase.Id] = phase.SupportRules.Levels.Select(l => l.Id).ToHashSet(StringComparer.Ordinal);
                foreach (var domain in phase.Questionnaire.Domains)
                {
                    maximum[domain.Id] = domain.Questions.Sum(q => q.Levels.Max(l => l.Points));
                    foreach (var question in domain.Questions)
                    {
                        questions[question.Id] = question;
                        LevelIds[question] = question.Levels.Select(l => l.Id).ToList();
                    }

                    if (!DomainIds.Contains(domain.Id)) DomainIds.Add(domain.Id);
                    foreach (var question in domain.Questions)
                    {
                        if (!QuestionPhases.TryGetValue(question.Id, out var phases)) QuestionPhases[question.Id] = phases = [];
                        phases.Add(phase.Name);
                    }
                }
            }

            AgesText = string.Join("; ", scheme.Phases.OrderBy(p => p.MinimumAge).Select(p => $"{p.Name} {p.MinimumAge} to {p.MaximumAge}"));
        }

        public RasScheme Scheme { get; }
        public List<string> DomainIds { get; } = [];

        // Per phase, looked up for every cell of every row.
        public Dictionary<string, Dictionary<string, RasQuestion>> Questions { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, Dictionary<string, decimal>> DomainMaximum { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, HashSet<string>> SupportLevelIds { get; } = new(StringComparer.Ordinal);
        public Dictionary<RasQuestion, List<string>> LevelIds { get; } = new(ReferenceEqualityComparer.Instance);

        /// <summary>Question id to the names of the phases that ask it, in file order.</summary>
        public Dictionary<string, List<string>> QuestionPhases { get; } = new(StringComparer.Ordinal);

        public string AgesText { get; }
    }
}
