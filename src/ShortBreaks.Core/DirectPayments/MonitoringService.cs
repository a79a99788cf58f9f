namespace ShortBreaks.Core.DirectPayments;

/// <summary>A direct payment as monitoring shows it: never the bank details, only the kind of account and its masked reference.</summary>
public sealed record MonitoredPayment(DirectPayment Payment, string ChildName, string ChildReference, DirectPaymentAccountKind? AccountKind, string? MaskedAccount,
    AccountAssessment Assessment, (DateOnly From, DateOnly To, DateOnly Due) NextReturn, DateOnly AuditDue, DateOnly? LastAudited);

/// <summary>An account's monitoring page: its figures, statements, lines, returns, audits and recoupments.</summary>
public sealed record AccountMonitoringView(MonitoredPayment Monitored, DirectPaymentSettings Settings, IReadOnlyList<DirectPaymentStatement> Statements,
    IReadOnlyList<StatementLine> Lines, IReadOnlyList<MonitoringReturn> Returns, IReadOnlyList<AccountAudit> Audits, IReadOnlyList<Recoupment> Recoupments);

/// <summary>
/// Monitoring direct payment accounts: each account's balance held, in money and weeks of payments, with its flags
/// (<see cref="AccountMonitoring"/>), for the finance list and an account's page; every view of one account is audited.
/// Statements come in through <see cref="StatementImportService"/>, returns through <see cref="MonitoringReturnService"/>.
/// </summary>
public sealed class MonitoringService(ShortBreaksDbContext db, SchemeCatalog schemes)
{
    /// <summary>The scheme a direct payment was made under (its settings and weeks a year), or the one in force if that version is gone.</summary>
    public Scheme SchemeOf(DirectPayment payment) => schemes.Find(payment.SchemeVersion) ?? schemes.InForceOn(db.Today);

    /// <summary>One account's page, the view audited; null when there is no such direct payment.</summary>
    public async Task<AccountMonitoringView?> ViewAsync(Guid directPaymentId, CancellationToken ct = default)
    {
        var monitored = (await MonitorAsync(db.DirectPayments.Where(d => d.Id == directPaymentId), ct)).FirstOrDefault();
        if (monitored is null) return null;
        var statements = await db.Set<DirectPaymentStatement>().AsNoTracking().Where(s => s.DirectPaymentId == directPaymentId).OrderByDescending(s => s.ImportedAt).ToListAsync(ct);
        var lines = await db.Set<StatementLine>().AsNoTracking().Where(l => l.DirectPaymentId == directPaymentId)
            .OrderByDescending(l => l.Date).ThenByDescending(l => l.Order).Take(200).ToListAsync(ct);
        var returns = await db.Set<MonitoringReturn>().AsNoTracking().Where(r => r.DirectPaymentId == directPaymentId).OrderByDescending(r => r.PeriodFrom).ToListAsync(ct);
        var audits = await db.Set<AccountAudit>().AsNoTracking().Where(a => a.DirectPaymentId == directPaymentId).OrderByDescending(a => a.AuditedOn).ToListAsync(ct);
        var recoupments = await db.Set<Recoupment>().AsNoTracking().Where(r => r.DirectPaymentId == directPaymentId).OrderByDescending(r => r.CreatedAt).ToListAsync(ct);
        db.RecordView(nameof(DirectPayment), directPaymentId.ToString(), monitored.Payment.ChildId, "direct payment monitoring");
        await db.SaveChangesAsync(ct);
        return new AccountMonitoringView(monitored, SchemeOf(monitored.Payment).DirectPaymentRules, statements, lines, returns, audits, recoupments);
    }

    /// <summary>Every active or ended direct payment with its figures, flagged ones first (for the finance list and the audit worklist).</summary>
    public Task<IReadOnlyList<MonitoredPayment>> ListAsync(CancellationToken ct = default) =>
        MonitorAsync(db.DirectPayments.Where(d => d.State != DirectPaymentState.AwaitingAgreement), ct);

    /// <summary>The figures of the direct payments <paramref name="query"/> selects, read in a handful of grouped queries whatever their number.</summary>
    public async Task<IReadOnlyList<MonitoredPayment>> MonitorAsync(IQueryable<DirectPayment> query, CancellationToken ct = default)
    {
        var payments = await query.AsNoTracking().ToListAsync(ct);
        if (payments.Count == 0) return [];
        var ids = payments.Select(p => p.Id).ToList();
        var childIds = payments.Select(p => p.ChildId).Distinct().ToList();
        var children = await db.Children.AsNoTracking().Where(c => childIds.Contains(c.Id))
            .Select(c => new { c.Id, c.FirstName, c.LastName, c.Reference }).ToDictionaryAsync(c => c.Id, ct);
        var accounts = (await db.DirectPaymentAccounts.AsNoTracking().Where(a => ids.Contains(a.DirectPaymentId)).ToListAsync(ct))
            .GroupBy(a => a.DirectPaymentId).ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.ReplacedAt is null).ThenByDescending(a => a.CreatedAt).First());
        // Money is added up here, not in SQL: SQLite keeps decimals as text and cannot add them exactly.
        var paid = (await db.DirectPaymentInstalments.Where(i => ids.Contains(i.DirectPaymentId) && i.State == InstalmentState.Paid)
                .Select(i => new { i.DirectPaymentId, i.Amount }).ToListAsync(ct))
            .GroupBy(i => i.DirectPaymentId).ToDictionary(g => g.Key, g => g.Sum(i => i.Amount));
        var returns = (await db.Set<MonitoringReturn>().Where(r => ids.Contains(r.DirectPaymentId)).Select(r => new { r.DirectPaymentId, r.Spent, r.PeriodTo }).ToListAsync(ct))
            .GroupBy(r => r.DirectPaymentId).ToDictionary(g => g.Key, g => new { Spent = g.Sum(r => r.Spent), LastTo = g.Max(r => r.PeriodTo) });
        var invoiced = (await db.Set<Recoupment>().Where(r => ids.Contains(r.DirectPaymentId) && r.State == RecoupmentState.Recovering)
                .Select(r => new { r.DirectPaymentId, r.InvoiceAmount }).ToListAsync(ct))
            .GroupBy(r => r.DirectPaymentId).ToDictionary(g => g.Key, g => g.Sum(r => r.InvoiceAmount));
        var outside = await db.Set<StatementLine>().Where(l => ids.Contains(l.DirectPaymentId) && l.OutsidePlan)
            .GroupBy(l => l.DirectPaymentId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var lastAudits = await db.Set<AccountAudit>().Where(a => ids.Contains(a.DirectPaymentId))
            .GroupBy(a => a.DirectPaymentId).Select(g => new { g.Key, Last = g.Max(a => a.AuditedOn) }).ToDictionaryAsync(x => x.Key, x => x.Last, ct);
        var closing = await LatestBalancesAsync(ids, ct);

        var today = db.Today;
        return payments.Select(p =>
        {
            var scheme = SchemeOf(p);
            var settings = scheme.DirectPaymentRules;
            var returned = returns.GetValueOrDefault(p.Id);
            var next = AccountMonitoring.NextReturn(p.StartsOn, returned?.LastTo, settings);
            var money = new AccountMoney(paid.GetValueOrDefault(p.Id), returned?.Spent ?? 0, invoiced.GetValueOrDefault(p.Id),
                closing.TryGetValue(p.Id, out var balance) ? balance : null, outside.GetValueOrDefault(p.Id), p.AnnualAmount, next.Due, returned is not null);
            var assessment = AccountMonitoring.Assess(money, p.State == DirectPaymentState.Ended, today, scheme.PlanRules.WeeksPerYear, settings);
            var lastAudited = lastAudits.TryGetValue(p.Id, out var last) ? last : (DateOnly?)null;
            var account = accounts.GetValueOrDefault(p.Id);
            var child = children.GetValueOrDefault(p.ChildId);
            return new MonitoredPayment(p, child is null ? "" : $"{child.FirstName} {child.LastName}", child?.Reference ?? "", account?.Kind, Masked(account), assessment, next,
                DirectPaymentBalances.AuditDue(lastAudited ?? p.StartsOn, settings), lastAudited);
        }).OrderByDescending(m => m.Assessment.Flags.Count).ThenBy(m => m.Payment.Reference, StringComparer.Ordinal).ToList();
    }

    /// <summary>The balance on each direct payment's latest statement line (the latest date; on that day, the latest imported statement's last line in time).</summary>
    private async Task<Dictionary<Guid, decimal>> LatestBalancesAsync(List<Guid> ids, CancellationToken ct)
    {
        var latestDates = db.Set<StatementLine>().Where(l => ids.Contains(l.DirectPaymentId)).GroupBy(l => l.DirectPaymentId)
            .Select(g => new { DirectPaymentId = g.Key, Date = g.Max(l => l.Date) });
        var candidates = await db.Set<StatementLine>().Join(latestDates, l => new { l.DirectPaymentId, l.Date }, d => new { d.DirectPaymentId, d.Date }, (l, _) => l)
            .Select(l => new { l.DirectPaymentId, l.Date, l.Order, l.Balance, l.StatementId }).ToListAsync(ct);
        var statementTimes = await db.Set<DirectPaymentStatement>().Where(s => ids.Contains(s.DirectPaymentId)).Select(s => new { s.Id, s.ImportedAt }).ToDictionaryAsync(s => s.Id, s => s.ImportedAt, ct);
        return candidates.GroupBy(c => c.DirectPaymentId)
            .ToDictionary(g => g.Key, g => g.OrderBy(c => statementTimes.GetValueOrDefault(c.StatementId)).ThenBy(c => c.Order).Last().Balance);
    }

    public static string? Masked(DirectPaymentAccount? account) => account switch
    {
        null => null,
        { Kind: DirectPaymentAccountKind.PrepaidCard } => "Prepaid card " + BankDetails.MaskCardReference(account.CardAccountReference ?? ""),
        _ => $"Bank account {BankDetails.MaskSortCode(account.SortCode ?? "")} {BankDetails.MaskAccountNumber(account.AccountNumber ?? "")}",
    };
}
