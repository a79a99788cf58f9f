namespace ShortBreaks.Core.DirectPayments;

/// <summary>What a recoupment would recover now, before a finance officer confirms it.</summary>
public sealed record RecoupmentProposal(MonitoredPayment Monitored, bool OnEnding, decimal Amount, RecoveryMethod Method, DateOnly LetterDate, DateOnly DisputeBy,
    decimal ReducedFromPayments, decimal InvoiceAmount, IReadOnlyList<(DirectPaymentInstalment Instalment, decimal After)> Reductions);

/// <summary>
/// Recoupment of unspent money (the seeds: recoupment of unspent funds; the money "remains public money for the purpose of
/// recovery when the support package ends"). While a direct payment goes on, what the account holds above the scheme's
/// contingency is recovered; once it has ended, the whole unspent balance. A letter gives the reasons, the amount, and
/// how to dispute it by <see cref="DirectPaymentSettings.RecoveryDisputeDays"/> after its date. Recovery is as the scheme
/// says (<see cref="DirectPaymentSettings.Recovery"/>): by reducing the scheduled payments due after that day, from the
/// earliest, never below zero (for a prepaid card, as for a bank account, that is the next payment run after the dispute
/// period), each change kept as a <see cref="RecoupmentDeduction"/>; what the payments still to come cannot cover, and
/// everything when the scheme recovers by invoice, is invoiced to the family.
/// </summary>
public sealed class RecoupmentService(ShortBreaksDbContext db, MonitoringService monitoring, SchemeCatalog schemes)
{
    public const int ReasonsMaxLength = 4000;

    private static readonly CommandResult Changed = CommandResult.Conflicted(
        "The direct payment's payments or balance changed while you were working on it: nothing was recovered. Check the amount as it is now and try again.");

    /// <summary>What would be recovered today, and how; null when there is no such direct payment or it has not been paid.</summary>
    public async Task<RecoupmentProposal?> ProposeAsync(Guid directPaymentId, CancellationToken ct = default)
    {
        var monitored = (await monitoring.MonitorAsync(db.DirectPayments.Where(d => d.Id == directPaymentId && d.State != DirectPaymentState.AwaitingAgreement), ct)).FirstOrDefault();
        if (monitored is null) return null;
        var settings = monitoring.SchemeOf(monitored.Payment).DirectPaymentRules;
        var amount = monitored.Assessment.Recoverable;
        var letterDate = db.Today;
        var disputeBy = DirectPaymentBalances.DisputeBy(letterDate, settings);
        var scheduled = settings.RecoveryMethod == RecoveryMethod.ReduceFuturePayments
            ? await db.DirectPaymentInstalments.Where(i => i.DirectPaymentId == directPaymentId && i.State == InstalmentState.Scheduled && i.DueOn > disputeBy)
                .OrderBy(i => i.DueOn).ThenBy(i => i.Id).ToListAsync(ct)
            : [];
        var (reductions, reduced) = Reduce(scheduled, amount);
        return new RecoupmentProposal(monitored, monitored.Payment.State == DirectPaymentState.Ended, amount, settings.RecoveryMethod, letterDate, disputeBy,
            reduced, amount - reduced, reductions);
    }

    /// <summary>
    /// Takes <paramref name="amount"/> off the instalments in order, each down to no less than zero: the new amounts, and
    /// the total taken (less than the amount only when the instalments cannot cover it). Pure.
    /// </summary>
    public static (IReadOnlyList<(DirectPaymentInstalment Instalment, decimal After)> Reductions, decimal Reduced) Reduce(IEnumerable<DirectPaymentInstalment> instalments, decimal amount)
    {
        var left = amount;
        var reductions = new List<(DirectPaymentInstalment, decimal)>();
        foreach (var instalment in instalments)
        {
            if (left <= 0) break;
            var take = Math.Min(left, instalment.Amount);
            if (take <= 0) continue;
            reductions.Add((instalment, instalment.Amount - take));
            left -= take;
        }

        return (reductions, amount - left);
    }

    /// <summary>
    /// Recovers the amount proposed, which must still be <paramref name="amountSeen"/> (so an officer never recovers a
    /// figure they did not see): the recoupment, its letter to the family, and the reductions, in one unit of work.
    /// </summary>
    public async Task<(Recoupment? Made, CommandResult Result)> RecoverAsync(Guid directPaymentId, string? reasons, decimal amountSeen, CancellationToken ct = default)
    {
        var proposal = await ProposeAsync(directPaymentId, ct);
        if (proposal is null) return (null, CommandResult.Fail("", "There is no direct payment to recover from"));
        reasons = reasons?.Trim() ?? "";
        var errors = new List<FieldError>();
        if (reasons.Length == 0) errors.Add(new("Reasons", "Enter the reasons for recovering the money: the family reads them in the letter"));
        else if (reasons.Length > ReasonsMaxLength) errors.Add(new("Reasons", $"The reasons must be {ReasonsMaxLength:N0} characters or fewer"));
        else if (!Text.PlainText.IsAcceptable(reasons, longText: true)) errors.Add(new("Reasons", Text.PlainText.Message("The reasons")));
        if (proposal.Amount <= 0) errors.Add(new("", "The account holds nothing above what the family may keep: there is nothing to recover"));
        if (errors.Count > 0) return (null, CommandResult.Fail(errors));
        if (proposal.Amount != amountSeen) return (null, Changed);

        var payment = proposal.Monitored.Payment;
        var scheme = schemes.Find(payment.SchemeVersion) ?? schemes.InForceOn(db.Today);
        var child = await db.Children.AsNoTracking().FirstAsync(c => c.Id == payment.ChildId, ct);
        var recoupment = new Recoupment
        {
            DirectPaymentId = payment.Id, ChildId = payment.ChildId, OnEnding = proposal.OnEnding, BalanceHeld = proposal.Monitored.Assessment.Balance,
            Contingency = proposal.Monitored.Assessment.Contingency, Amount = proposal.Amount, Method = proposal.Method,
            ReducedFromPayments = proposal.ReducedFromPayments, InvoiceAmount = proposal.InvoiceAmount, Reasons = reasons,
            LetterDate = proposal.LetterDate, DisputeBy = proposal.DisputeBy, CreatedAt = db.UtcNow, CreatedByUserId = db.Actor.UserId, CreatedByName = db.Actor.Name,
        };
        var (title, body) = RecoupmentLetter.Compose(scheme, child, payment, recoupment, proposal.Reductions.Select(r => (r.Instalment.DueOn, r.Instalment.Amount, r.After)).ToList(), db.UtcNow, db.Actor.Name);
        recoupment.LetterId = db.AddLetter(payment.ChildId, LetterKinds.Recoupment, title, body).Id;
        db.Add(recoupment);
        foreach (var (instalment, after) in proposal.Reductions)
        {
            db.Add(new RecoupmentDeduction
            {
                RecoupmentId = recoupment.Id, InstalmentId = instalment.Id, ChildId = payment.ChildId, DueOn = instalment.DueOn,
                AmountBefore = instalment.Amount, AmountAfter = after, At = db.UtcNow,
            });
            // Tracked as loaded: a payment run taking it meanwhile changes its version, and this save is refused.
            instalment.Amount = after;
        }

        db.AddTimeline(payment.ChildId, TimelineKinds.DirectPaymentMonitoring,
            $"{Money.FormatPence(recoupment.Amount)} to recover from direct payment {payment.Reference}{(recoupment.OnEnding ? " (ended)" : "")}",
            $"{Money.FormatPence(recoupment.ReducedFromPayments)} from payments after {LetterHtml.Day(recoupment.DisputeBy)}; {Money.FormatPence(recoupment.InvoiceAmount)} by invoice");
        var result = await db.SaveOrConflictAsync(Changed, ct);
        return (result.Succeeded ? recoupment : null, result);
    }

    /// <summary>
    /// Withdraws a recoupment (the family's dispute was upheld): its reductions of payments not yet taken by a run are put
    /// back; nothing is invoiced. Refused once a reduced payment has gone into a run, as the money is then recovered.
    /// </summary>
    public async Task<CommandResult> WithdrawAsync(Guid recoupmentId, string? reason, long versionSeen, CancellationToken ct = default)
    {
        var recoupment = await db.Set<Recoupment>().FirstOrDefaultAsync(r => r.Id == recoupmentId, ct);
        if (recoupment is null || recoupment.State != RecoupmentState.Recovering) return CommandResult.Fail("", "This recoupment is not being recovered");
        reason = reason?.Trim() ?? "";
        if (reason.Length == 0) return CommandResult.Fail("WithdrawnReason", "Enter why the recoupment is withdrawn");
        if (reason.Length > ReasonsMaxLength || !Text.PlainText.IsAcceptable(reason, longText: true)) return CommandResult.Fail("WithdrawnReason", $"Enter the reason in plain text, {ReasonsMaxLength:N0} characters or fewer");
        var deductions = await db.Set<RecoupmentDeduction>().Where(d => d.RecoupmentId == recoupmentId).ToListAsync(ct);
        var instalmentIds = deductions.Select(d => d.InstalmentId).ToList();
        var instalments = await db.DirectPaymentInstalments.Where(i => instalmentIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        if (instalments.Values.Any(i => i.State != InstalmentState.Scheduled))
            return CommandResult.Fail("", "A reduced payment has already gone into a payment run: the recoupment can no longer be withdrawn here");

        db.ExpectVersion(recoupment, versionSeen);
        recoupment.State = RecoupmentState.Withdrawn;
        recoupment.WithdrawnReason = reason;
        foreach (var deduction in deductions)
        {
            var instalment = instalments[deduction.InstalmentId];
            instalment.Amount += deduction.AmountBefore - deduction.AmountAfter;
        }

        db.AddTimeline(recoupment.ChildId, TimelineKinds.DirectPaymentMonitoring, $"Recoupment of {Money.FormatPence(recoupment.Amount)} withdrawn", reason);
        return await db.SaveOrConflictAsync(CommandResult.Conflicted("Someone else changed this recoupment while you were working on it. Check it as it is now."), ct);
    }
}
