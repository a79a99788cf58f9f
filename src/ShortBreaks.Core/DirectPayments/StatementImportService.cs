namespace ShortBreaks.Core.DirectPayments;

/// <summary>What an import did: the statement kept, or the file's problems by row (nothing kept).</summary>
public sealed record StatementImportOutcome(DirectPaymentStatement? Statement, CommandResult Result, IReadOnlyList<StatementRowError> RowErrors, int RowErrorsNotListed);

/// <summary>
/// Statements from the card provider or a bank, imported as CSV for a direct payment's account: the column mapping of
/// each source (remembered from the first import), the import itself (all or nothing; lines already imported from an
/// earlier or overlapping file are recognised by their fingerprint and not kept twice, and a file holding nothing new
/// is refused), and an officer marking a line as spending outside the plan.
/// </summary>
public sealed class StatementImportService(ShortBreaksDbContext db, MonitoringService monitoring)
{
    private static readonly CommandResult MappingChanged = CommandResult.Conflicted(
        "Someone else changed the column mapping for these statements while you were working on it. Check the mapping as it is now and try again.");

    private static readonly CommandResult LineChanged = CommandResult.Conflicted(
        "Someone else marked this statement line while you were working on it. Nothing you entered has been saved over their change: check the line as it is now and try again.");

    public Task<StatementColumnMapping?> MappingAsync(DirectPaymentAccountKind source, CancellationToken ct = default) =>
        db.Set<StatementColumnMapping>().AsNoTracking().FirstOrDefaultAsync(m => m.Source == source, ct);

    /// <summary>The account a statement for the direct payment is of: the one paid into now, or the last one.</summary>
    public async Task<DirectPaymentAccount?> AccountAsync(Guid directPaymentId, CancellationToken ct = default) =>
        (await db.DirectPaymentAccounts.AsNoTracking().Where(a => a.DirectPaymentId == directPaymentId).ToListAsync(ct))
        .OrderByDescending(a => a.ReplacedAt is null).ThenByDescending(a => a.CreatedAt).FirstOrDefault();

    /// <summary>
    /// Imports a statement for a direct payment. <paramref name="columns"/> sets (or changes) the source's remembered
    /// mapping first, checked against the file's headers; null uses the one remembered. <paramref name="mappingVersionSeen"/>
    /// is the remembered mapping's version the person saw, when they changed it.
    /// </summary>
    public async Task<StatementImportOutcome> ImportAsync(Guid directPaymentId, string? fileName, string text, StatementColumns? columns,
        long? mappingVersionSeen, CancellationToken ct = default)
    {
        var payment = await db.DirectPayments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == directPaymentId, ct);
        if (payment is null) return Refused(CommandResult.Fail("", "There is no such direct payment"));
        var account = await AccountAsync(directPaymentId, ct);
        if (account is null) return Refused(CommandResult.Fail("Upload", "The direct payment has no account yet: add its bank or card account before importing a statement"));
        if (text.Length == 0) return Refused(CommandResult.Fail("Upload", "Choose a CSV file of the statement"));

        var mapping = await db.Set<StatementColumnMapping>().FirstOrDefaultAsync(m => m.Source == account.Kind, ct);
        if (columns is not null)
        {
            var problems = StatementCsv.MappingProblems(columns, StatementCsv.Headers(text));
            if (problems.Count > 0) return Refused(CommandResult.Fail(problems));
            if (mapping is null)
            {
                mapping = new StatementColumnMapping { Source = account.Kind };
                db.Add(mapping);
            }
            else if (mappingVersionSeen is { } seen)
            {
                db.ExpectVersion(mapping, seen);
            }

            mapping.DateColumn = columns.Date!.Trim();
            mapping.DescriptionColumn = columns.Description!.Trim();
            mapping.AmountInColumn = columns.AmountIn!.Trim();
            mapping.AmountOutColumn = string.IsNullOrWhiteSpace(columns.AmountOut) ? null : columns.AmountOut.Trim();
            mapping.BalanceColumn = columns.Balance!.Trim();
            mapping.DateFormat = columns.DateFormat!;
            mapping.UpdatedAt = db.UtcNow;
            mapping.UpdatedByUserId = db.Actor.UserId;
            mapping.UpdatedByName = db.Actor.Name;
        }
        else if (mapping is null)
        {
            return Refused(CommandResult.Fail("DateColumn", $"Say which columns of the {SourceName(account.Kind)} statement hold what: this is its first import"));
        }

        var file = StatementCsv.Read(text, mapping);
        if (!file.Succeeded) return new(null, CommandResult.Fail("Upload", "The statement was not imported: the file has problems, listed below by row"), file.Errors, file.ErrorsNotListed);

        var fingerprints = file.Lines.Select(l => l.Fingerprint).ToList();
        var held = (await db.Set<StatementLine>().Where(l => l.DirectPaymentId == directPaymentId && fingerprints.Contains(l.Fingerprint))
            .Select(l => l.Fingerprint).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var fresh = file.Lines.Where(l => !held.Contains(l.Fingerprint)).ToList();
        if (fresh.Count == 0) return Refused(CommandResult.Fail("Upload", "Every line of this statement has already been imported for this direct payment: nothing was added"));

        var latest = file.Lines.OrderBy(l => l.Date).ThenBy(l => l.Order).Last();
        var statement = new DirectPaymentStatement
        {
            DirectPaymentId = directPaymentId, ChildId = payment.ChildId, AccountId = account.Id, Source = account.Kind,
            FileName = SafeName(fileName), FirstDate = file.Lines.Min(l => l.Date), LastDate = file.Lines.Max(l => l.Date),
            LinesAdded = fresh.Count, LinesAlreadyImported = file.Lines.Count - fresh.Count, ClosingBalance = latest.Balance,
            ImportedAt = db.UtcNow, ImportedByUserId = db.Actor.UserId, ImportedByName = db.Actor.Name,
        };
        db.Add(statement);
        db.AddRange(fresh.Select(l => new StatementLine
        {
            StatementId = statement.Id, DirectPaymentId = directPaymentId, ChildId = payment.ChildId, Row = l.Row, Order = l.Order, Date = l.Date,
            Description = l.Description, AmountIn = l.AmountIn, AmountOut = l.AmountOut, Balance = l.Balance, Fingerprint = l.Fingerprint,
        }));
        db.AddTimeline(payment.ChildId, TimelineKinds.DirectPaymentMonitoring, $"Statement imported for direct payment {payment.Reference}",
            $"{fresh.Count} lines from {LetterHtml.Day(statement.FirstDate)} to {LetterHtml.Day(statement.LastDate)}" +
            (statement.LinesAlreadyImported > 0 ? $"; {statement.LinesAlreadyImported} already imported" : ""));
        var result = await db.SaveOrConflictAsync(MappingChanged, async ex =>
        {
            db.ChangeTracker.Clear();
            // Two imports of the same lines at once: the unique fingerprint lets one in.
            return await db.Set<StatementLine>().AnyAsync(l => l.DirectPaymentId == directPaymentId && l.Fingerprint == fresh[0].Fingerprint, ct)
                ? CommandResult.Fail("Upload", "These lines were imported by someone else just now: look at the account's statements before importing again")
                : null;
        }, ct);
        return new(result.Succeeded ? statement : null, result, [], 0);
    }

    /// <summary>
    /// Marks a statement line as spending outside the plan (with the reason, and the agreement's may-not-buy item when it
    /// is one of them), or clears the mark.
    /// </summary>
    public async Task<CommandResult> MarkLineAsync(Guid lineId, bool outsidePlan, string? reason, string? mayNotBuyId, long versionSeen, CancellationToken ct = default)
    {
        var line = await db.Set<StatementLine>().FirstOrDefaultAsync(l => l.Id == lineId, ct);
        if (line is null) return CommandResult.Fail("", "There is no such statement line");
        var payment = await db.DirectPayments.AsNoTracking().FirstAsync(d => d.Id == line.DirectPaymentId, ct);
        var settings = monitoring.SchemeOf(payment).DirectPaymentRules;
        reason = reason?.Trim();
        mayNotBuyId = string.IsNullOrWhiteSpace(mayNotBuyId) ? null : mayNotBuyId.Trim();
        if (outsidePlan)
        {
            var errors = new List<FieldError>();
            if (mayNotBuyId is not null && settings.Agreement.MayNotBuy.All(i => i.Id != mayNotBuyId)) errors.Add(new("MayNotBuyId", "Choose one of the things a direct payment may not buy, or none"));
            if (string.IsNullOrEmpty(reason)) errors.Add(new("Reason", "Enter why this spending is outside the plan"));
            else if (reason.Length > 1000) errors.Add(new("Reason", "The reason must be 1,000 characters or fewer"));
            else if (!Text.PlainText.IsAcceptable(reason, longText: true)) errors.Add(new("Reason", Text.PlainText.Message("The reason")));
            if (errors.Count > 0) return CommandResult.Fail(errors);
        }

        db.ExpectVersion(line, versionSeen);
        line.OutsidePlan = outsidePlan;
        line.OutsidePlanReason = outsidePlan ? reason : null;
        line.MayNotBuyId = outsidePlan ? mayNotBuyId : null;
        line.MarkedAt = db.UtcNow;
        line.MarkedByName = db.Actor.Name;
        return await db.SaveOrConflictAsync(LineChanged, ct);
    }

    public static string SourceName(DirectPaymentAccountKind source) => source == DirectPaymentAccountKind.PrepaidCard ? "card provider's" : "bank's";

    private static StatementImportOutcome Refused(CommandResult result) => new(null, result, [], 0);

    private static string SafeName(string? name)
    {
        var bare = Path.GetFileName((name ?? "").Replace('\\', '/'));
        var kept = new string(bare.Where(c => !char.IsControl(c) && !char.IsSurrogate(c) && c is not ('"' or '/')).ToArray()).Trim();
        if (kept.Length > 150) kept = kept[..150];
        return kept.Length == 0 ? "statement.csv" : kept;
    }
}
