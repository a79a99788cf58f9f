using ShortBreaks.Core.Caseloads;

namespace ShortBreaks.Core.DirectPayments;

/// <summary>A direct payment on the audit worklist: when its audit is due, and how it stands.</summary>
public sealed record AuditWorkItem(MonitoredPayment Monitored, DateOnly Due, AuditStanding Standing);

/// <summary>An audit as the auditor typed it.</summary>
public sealed record AuditForm(DateOnly? PeriodFrom, DateOnly? PeriodTo, IReadOnlyList<string> Checked, string? BalanceFound, string? Outcome, string? Findings);

/// <summary>
/// The annual audit of direct payment accounts: the worklist of those due and overdue (each account is audited every
/// <see cref="DirectPaymentSettings.AuditIntervalMonths"/>, counted from its last audit or its start), and the audit
/// itself: the period, which of the agreement's records were checked, the balance found, the outcome and findings.
/// </summary>
public sealed class AccountAuditService(ShortBreaksDbContext db, MonitoringService monitoring)
{
    public const int FindingsMaxLength = 4000;

    /// <summary>Active direct payments (and ended ones never audited since they ended) by when their audit is due: overdue first.</summary>
    public async Task<IReadOnlyList<AuditWorkItem>> WorklistAsync(bool dueOnly, StaffViewer viewer, CancellationToken ct = default)
    {
        var today = db.Today;
        var all = await monitoring.ListAsync(viewer, ct);
        return all
            .Where(m => m.Payment.State == DirectPaymentState.Active || (m.Payment.EndsOn is { } end && (m.LastAudited is null || m.LastAudited < end)))
            .Select(m => new AuditWorkItem(m, m.AuditDue, AccountMonitoring.AuditStandingOn(m.AuditDue, today)))
            .Where(w => !dueOnly || w.Standing != AuditStanding.NotYetDue)
            .OrderBy(w => w.Due).ThenBy(w => w.Monitored.Payment.Reference, StringComparer.Ordinal).ToList();
    }

    /// <summary>Records an audit of the direct payment's account, dated today.</summary>
    public async Task<(AccountAudit? Made, CommandResult Result)> RecordAsync(Guid directPaymentId, AuditForm form, CancellationToken ct = default)
    {
        var payment = await db.DirectPayments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == directPaymentId, ct);
        if (payment is null || payment.State == DirectPaymentState.AwaitingAgreement) return (null, CommandResult.Fail("", "Only a direct payment that has been paid can be audited"));
        var settings = monitoring.SchemeOf(payment).DirectPaymentRules;
        var today = db.Today;

        var errors = new List<FieldError>();
        var (from, to) = (form.PeriodFrom, form.PeriodTo);
        if (from is null) errors.Add(new("PeriodFrom", "Enter the first day the audit looked at"));
        if (to is null) errors.Add(new("PeriodTo", "Enter the last day the audit looked at"));
        if (from is { } f && to is { } t)
        {
            if (t < f) errors.Add(new("PeriodTo", "The last day must be on or after the first day"));
            else if (t > today) errors.Add(new("PeriodTo", "The last day cannot be in the future"));
            else if (f < payment.StartsOn) errors.Add(new("PeriodFrom", $"The first day cannot be before the direct payment began on {LetterHtml.Day(payment.StartsOn)}"));
        }

        var known = settings.Agreement.RecordsToKeep.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var checkedIds = form.Checked.Where(c => !string.IsNullOrWhiteSpace(c)).Distinct(StringComparer.Ordinal).ToList();
        if (checkedIds.Count == 0) errors.Add(new("Checked", "Select what you checked"));
        else if (checkedIds.Any(c => !known.Contains(c))) errors.Add(new("Checked", "Select only records the agreement asks the family to keep"));

        decimal balance = 0;
        if (string.IsNullOrWhiteSpace(form.BalanceFound)) errors.Add(new("BalanceFound", "Enter the balance the account held, in pounds"));
        else if (!Money.TryParse(form.BalanceFound, out balance) || !Money.IsWholePence(balance) || Math.Abs(balance) > StatementCsv.MaxAmount)
            errors.Add(new("BalanceFound", "Enter the balance in pounds and pence, like 420 or 420.50"));

        if (!Enum.TryParse<AccountAuditOutcome>(form.Outcome, out var outcome) || !Enum.IsDefined(outcome) || int.TryParse(form.Outcome, out _))
            errors.Add(new("Outcome", "Select the outcome of the audit"));
        var findings = form.Findings?.Trim() ?? "";
        if (findings.Length == 0) errors.Add(new("Findings", "Enter what the audit found"));
        else if (findings.Length > FindingsMaxLength) errors.Add(new("Findings", $"Findings must be {FindingsMaxLength:N0} characters or fewer"));
        else if (!Text.PlainText.IsAcceptable(findings, longText: true)) errors.Add(new("Findings", Text.PlainText.Message("Findings")));
        if (errors.Count > 0) return (null, CommandResult.Fail(errors));

        var audit = new AccountAudit
        {
            DirectPaymentId = directPaymentId, ChildId = payment.ChildId, AuditedOn = today, PeriodFrom = from!.Value, PeriodTo = to!.Value,
            Checked = string.Join(',', checkedIds), BalanceFound = balance, Outcome = outcome, Findings = findings,
            RecordedAt = db.UtcNow, AuditedByUserId = db.Actor.UserId, AuditedByName = db.Actor.Name,
        };
        db.Add(audit);
        db.AddTimeline(payment.ChildId, TimelineKinds.DirectPaymentMonitoring, $"Direct payment {payment.Reference} audited: {AccountMonitoring.OutcomeText(outcome)}",
            $"{LetterHtml.Day(audit.PeriodFrom)} to {LetterHtml.Day(audit.PeriodTo)}; balance {Money.Format(balance)}; next audit due {LetterHtml.Day(DirectPaymentBalances.AuditDue(today, settings))}");
        await db.SaveChangesAsync(ct);
        return (audit, CommandResult.Ok);
    }
}
