namespace ShortBreaks.Core.DirectPayments;

/// <summary>A file sent with a return, already checked by its first bytes (PDF, JPEG or PNG) by the page that took it.</summary>
public sealed record ReturnEvidenceFile(string KindId, string FileName, string ContentType, byte[] Content);

/// <summary>A monitoring return as typed: amounts as text, read here so the page keeps what was typed.</summary>
public sealed record ReturnForm(string? Spent, string? BalanceHeld, string? Notes);

/// <summary>
/// A family's monitoring returns: each covers the scheme's <see cref="DirectPaymentSettings.MonitoringReturnMonths"/>
/// from the end of the last (or the direct payment's start), and says what was spent and what the account holds, with
/// evidence files of the kinds the agreement asks the family to keep (receipts, timesheets, statements).
/// </summary>
public sealed class MonitoringReturnService(ShortBreaksDbContext db, MonitoringService monitoring)
{
    /// <summary>The most files one return takes.</summary>
    public const int MaxFiles = 10;

    public const int NotesMaxLength = 2000;

    /// <summary>The period the next return covers, and its day; null when there is no such direct payment or it is not active.</summary>
    public async Task<(DateOnly From, DateOnly To, DateOnly Due)?> NextAsync(Guid directPaymentId, CancellationToken ct = default)
    {
        var payment = await db.DirectPayments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == directPaymentId, ct);
        if (payment is null || payment.State != DirectPaymentState.Active) return null;
        var lastTo = await db.Set<MonitoringReturn>().Where(r => r.DirectPaymentId == directPaymentId).OrderByDescending(r => r.PeriodTo).Select(r => (DateOnly?)r.PeriodTo).FirstOrDefaultAsync(ct);
        return AccountMonitoring.NextReturn(payment.StartsOn, lastTo, monitoring.SchemeOf(payment).DirectPaymentRules);
    }

    /// <summary>The kinds of evidence a return takes: the agreement's records to keep.</summary>
    public async Task<IReadOnlyList<AgreementItem>> EvidenceKindsAsync(Guid directPaymentId, CancellationToken ct = default)
    {
        var payment = await db.DirectPayments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == directPaymentId, ct);
        return payment is null ? [] : monitoring.SchemeOf(payment).DirectPaymentRules.Agreement.RecordsToKeep;
    }

    /// <summary>Sends the next return for the direct payment, by whoever is acting (the family, or an officer for them).</summary>
    public async Task<(MonitoringReturn? Made, CommandResult Result)> SubmitAsync(Guid directPaymentId, ReturnForm form, IReadOnlyList<ReturnEvidenceFile> files, CancellationToken ct = default)
    {
        var payment = await db.DirectPayments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == directPaymentId, ct);
        if (payment is null || payment.State != DirectPaymentState.Active) return (null, CommandResult.Fail("", "Returns are sent only for a direct payment being paid"));
        var settings = monitoring.SchemeOf(payment).DirectPaymentRules;
        var next = (await NextAsync(directPaymentId, ct))!.Value;

        var errors = new List<FieldError>();
        var spent = ReadAmount(form.Spent, "Spent", "what you spent", errors);
        var balance = ReadAmount(form.BalanceHeld, "BalanceHeld", "what the account holds", errors);
        var notes = form.Notes?.Trim();
        if (notes is { Length: > NotesMaxLength }) errors.Add(new("Notes", $"Notes must be {NotesMaxLength:N0} characters or fewer"));
        else if (!Text.PlainText.IsAcceptable(notes, longText: true)) errors.Add(new("Notes", Text.PlainText.Message("Notes")));
        if (files.Count == 0) errors.Add(new("Upload", "Add at least one receipt, timesheet or statement as evidence"));
        else if (files.Count > MaxFiles) errors.Add(new("Upload", $"Add no more than {MaxFiles} files to one return"));
        else if (files.Any(f => settings.Agreement.RecordsToKeep.All(k => k.Id != f.KindId))) errors.Add(new("Upload", "Choose what each file is"));
        if (next.From > db.Today) errors.Add(new("", $"The next return is for the period from {LetterHtml.Day(next.From)}: send it once that period has begun"));
        if (errors.Count > 0) return (null, CommandResult.Fail(errors));

        var made = new MonitoringReturn
        {
            DirectPaymentId = directPaymentId, ChildId = payment.ChildId, PeriodFrom = next.From, PeriodTo = next.To, Spent = spent!.Value, BalanceHeld = balance!.Value,
            Notes = string.IsNullOrEmpty(notes) ? null : notes, SubmittedAt = db.UtcNow, SubmittedByUserId = db.Actor.UserId, SubmittedByName = db.Actor.Name,
        };
        db.Add(made);
        db.AddRange(files.Select(f => new MonitoringReturnEvidence
        {
            ReturnId = made.Id, ChildId = payment.ChildId, KindId = f.KindId, FileName = f.FileName, ContentType = f.ContentType, Size = f.Content.Length,
            Content = f.Content, UploadedAt = db.UtcNow,
        }));
        db.AddTimeline(payment.ChildId, TimelineKinds.DirectPaymentMonitoring, $"Monitoring return sent for direct payment {payment.Reference}",
            $"{LetterHtml.Day(next.From)} to {LetterHtml.Day(next.To)}: spent {Money.Format(made.Spent)}, holding {Money.Format(made.BalanceHeld)}; {files.Count} files");
        await db.SaveChangesAsync(ct);
        return (made, CommandResult.Ok);
    }

    /// <summary>The evidence files of a return, without their bytes.</summary>
    public async Task<IReadOnlyList<MonitoringReturnEvidence>> EvidenceListAsync(Guid directPaymentId, CancellationToken ct = default) =>
        await db.Set<MonitoringReturnEvidence>().AsNoTracking()
            .Where(e => db.Set<MonitoringReturn>().Any(r => r.Id == e.ReturnId && r.DirectPaymentId == directPaymentId))
            .Select(e => new MonitoringReturnEvidence { Id = e.Id, ReturnId = e.ReturnId, ChildId = e.ChildId, KindId = e.KindId, FileName = e.FileName, ContentType = e.ContentType, Size = e.Size, UploadedAt = e.UploadedAt })
            .ToListAsync(ct);

    /// <summary>One evidence file of the direct payment, with its bytes, the download audited; null when it is not one of its files.</summary>
    public async Task<MonitoringReturnEvidence?> EvidenceAsync(Guid directPaymentId, Guid evidenceId, CancellationToken ct = default)
    {
        var file = await db.Set<MonitoringReturnEvidence>().AsNoTracking()
            .FirstOrDefaultAsync(e => e.Id == evidenceId && db.Set<MonitoringReturn>().Any(r => r.Id == e.ReturnId && r.DirectPaymentId == directPaymentId), ct);
        if (file is null) return null;
        db.RecordView(nameof(MonitoringReturnEvidence), file.Id.ToString(), file.ChildId, "return evidence downloaded");
        await db.SaveChangesAsync(ct);
        return file;
    }

    private static decimal? ReadAmount(string? text, string field, string what, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) { errors.Add(new(field, $"Enter {what}, in pounds")); return null; }
        if (!Money.TryParse(text, out var amount) || !Money.IsWholePence(amount)) { errors.Add(new(field, $"Enter {what} in pounds and pence, like 120 or 120.50")); return null; }
        if (amount < 0) { errors.Add(new(field, $"Enter {what} as £0 or more")); return null; }
        if (amount > StatementCsv.MaxAmount) { errors.Add(new(field, $"Enter {what} as less than {Money.Format(StatementCsv.MaxAmount)}")); return null; }
        return amount;
    }
}
