using ShortBreaks.Core.Caseloads;

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

    /// <summary>
    /// Every active or ended direct payment with its figures, flagged ones first (for the finance list and the audit
    /// worklist), of the children <paramref name="viewer"/> sees: finance officers and administrators look after every
    /// account (<see cref="StaffViewer.SeeingEveryChild"/>); case staff see only the accounts of the children the
    /// scheme's visibility setting lets them see (<see cref="ChildVisibility"/>), as on every other list of children.
    /// </summary>
    public Task<IReadOnlyList<MonitoredPayment>> ListAsync(StaffViewer viewer, CancellationToken ct = default)
    {
        var payments = db.DirectPayments.Where(d => d.State != DirectPaymentState.AwaitingAgreement);
        if (ChildVisibility.VisibleChildIds(db, viewer) is { } seen) payments = payments.Where(d => seen.Contains(d.ChildId));
        return MonitorAsync(payments, ct);
    }

    /// <summary>The figures of the direct payments <paramref name="query"/> selects, read in a handful of grouped queries whatever their number.</summary>
    public async Task<IReadOnlyList<MonitoredPayment>> MonitorAsync(IQueryable<DirectPayment> query, CancellationToken ct = default)
    {
        // One connection for the queries below, not one opened and closed for each.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            return await MonitorOpenAsync(query, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<IReadOnlyList<MonitoredPayment>> MonitorOpenAsync(IQueryable<DirectPayment> query, CancellationToken ct)
    {
        var rows = await (from d in query.AsNoTracking()
                          join c in db.Children on d.ChildId equals c.Id into named
                          from c in named.DefaultIfEmpty()
                          select new { Payment = d, c.FirstName, c.LastName, c.Reference }).ToListAsync(ct);
        if (rows.Count == 0) return [];
        var ids = rows.Select(r => r.Payment.Id).ToList();
        var accounts = (await db.DirectPaymentAccounts.AsNoTracking().Where(a => ids.Contains(a.DirectPaymentId)).ToListAsync(ct))
            .GroupBy(a => a.DirectPaymentId).ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.ReplacedAt is null).ThenByDescending(a => a.CreatedAt).First());
        var figures = (await Figures(ids).ToListAsync(ct)).ToLookup(f => f.DirectPaymentId);

        var today = db.Today;
        return rows.Select(row =>
        {
            var p = row.Payment;
            var scheme = SchemeOf(p);
            var settings = scheme.DirectPaymentRules;
            var own = figures[p.Id].ToList();
            var returns = own.Where(f => f.Kind == Figure.Return).ToList();
            var next = AccountMonitoring.NextReturn(p.StartsOn, returns.Count == 0 ? null : returns.Max(r => r.Day), settings);
            var money = new AccountMoney(Total(own, Figure.Paid), Total(own, Figure.Return), Total(own, Figure.Invoiced), LatestBalance(own),
                own.Count(f => f.Kind == Figure.OutsidePlan), p.AnnualAmount, next.Due, returns.Count > 0);
            var assessment = AccountMonitoring.Assess(money, p.State == DirectPaymentState.Ended, today, scheme.PlanRules.WeeksPerYear, settings);
            var lastAudited = own.Where(f => f.Kind == Figure.Audit).Max(f => f.Day);
            var account = accounts.GetValueOrDefault(p.Id);
            return new MonitoredPayment(p, row.FirstName is null ? "" : $"{row.FirstName} {row.LastName}", row.Reference ?? "", account?.Kind, Masked(account), assessment, next,
                DirectPaymentBalances.AuditDue(lastAudited ?? p.StartsOn, settings), lastAudited);
        }).OrderByDescending(m => m.Assessment.Flags.Count).ThenBy(m => m.Payment.Reference, StringComparer.Ordinal).ToList();

        // Money is added up here, not in SQL: SQLite keeps decimals as text and cannot add them exactly.
        static decimal Total(List<Figure> own, int kind) => own.Where(f => f.Kind == kind).Sum(f => f.Amount ?? 0);
    }

    /// <summary>
    /// Everything the figures of the direct payments <paramref name="ids"/> are made from, in one query of a row per
    /// thing counted: each paid instalment, each monitoring return (spent, to the end of its period), each recoupment being
    /// recovered by invoice, each statement line marked outside the plan, each audit (its day), and the lines of each
    /// account's latest statement day (balance, order and the time their statement was imported).
    /// </summary>
    private IQueryable<Figure> Figures(List<Guid> ids)
    {
        var lines = db.Set<StatementLine>().Where(l => ids.Contains(l.DirectPaymentId));
        var latestDays = lines.GroupBy(l => l.DirectPaymentId).Select(g => new { DirectPaymentId = g.Key, Date = g.Max(l => l.Date) });
        return db.DirectPaymentInstalments.Where(i => ids.Contains(i.DirectPaymentId) && i.State == InstalmentState.Paid)
                .Select(i => new Figure { DirectPaymentId = i.DirectPaymentId, Kind = Figure.Paid, Amount = i.Amount, Day = null, Order = null, At = null })
            .Concat(db.Set<MonitoringReturn>().Where(r => ids.Contains(r.DirectPaymentId))
                .Select(r => new Figure { DirectPaymentId = r.DirectPaymentId, Kind = Figure.Return, Amount = r.Spent, Day = r.PeriodTo, Order = null, At = null }))
            .Concat(db.Set<Recoupment>().Where(r => ids.Contains(r.DirectPaymentId) && r.State == RecoupmentState.Recovering)
                .Select(r => new Figure { DirectPaymentId = r.DirectPaymentId, Kind = Figure.Invoiced, Amount = r.InvoiceAmount, Day = null, Order = null, At = null }))
            .Concat(lines.Where(l => l.OutsidePlan)
                .Select(l => new Figure { DirectPaymentId = l.DirectPaymentId, Kind = Figure.OutsidePlan, Amount = null, Day = null, Order = null, At = null }))
            .Concat(db.Set<AccountAudit>().Where(a => ids.Contains(a.DirectPaymentId))
                .Select(a => new Figure { DirectPaymentId = a.DirectPaymentId, Kind = Figure.Audit, Amount = null, Day = a.AuditedOn, Order = null, At = null }))
            .Concat(from l in db.Set<StatementLine>()
                    join d in latestDays on new { l.DirectPaymentId, l.Date } equals new { d.DirectPaymentId, d.Date }
                    join s in db.Set<DirectPaymentStatement>() on l.StatementId equals s.Id
                    select new Figure { DirectPaymentId = l.DirectPaymentId, Kind = Figure.LatestLine, Amount = l.Balance, Day = l.Date, Order = l.Order, At = s.ImportedAt });
    }

    /// <summary>The balance on the latest statement line: of the latest day's lines, the latest imported statement's last line in time.</summary>
    private static decimal? LatestBalance(List<Figure> own) =>
        own.Where(f => f.Kind == Figure.LatestLine).OrderBy(f => f.At).ThenBy(f => f.Order).LastOrDefault()?.Amount;

    /// <summary>One row of <see cref="Figures"/>.</summary>
    private sealed class Figure
    {
        public const int Paid = 0, Return = 1, Invoiced = 2, OutsidePlan = 3, Audit = 4, LatestLine = 5;

        public Guid DirectPaymentId { get; init; }
        public int Kind { get; init; }
        public decimal? Amount { get; init; }
        public DateOnly? Day { get; init; }
        public int? Order { get; init; }
        public DateTime? At { get; init; }
    }

    public static string? Masked(DirectPaymentAccount? account) => account switch
    {
        null => null,
        { Kind: DirectPaymentAccountKind.PrepaidCard } => "Prepaid card " + BankDetails.MaskCardReference(account.CardAccountReference ?? ""),
        _ => $"Bank account {BankDetails.MaskSortCode(account.SortCode ?? "")} {BankDetails.MaskAccountNumber(account.AccountNumber ?? "")}",
    };
}
