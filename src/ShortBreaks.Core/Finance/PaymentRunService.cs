using ShortBreaks.Core.DirectPayments;
using ShortBreaks.Core.Retention;

namespace ShortBreaks.Core.Finance;

/// <summary>A run's items added up by kind of spending and budget head.</summary>
public sealed record RunTotal(SpendingKind Kind, string BudgetHead, string BudgetHeadName, int Count, decimal Amount);

/// <summary>An item as a page shows it: the account only masked.</summary>
public sealed record RunItemRow(PaymentRunItem Item, string AccountShown);

public sealed record RunView(PaymentRun Run, IReadOnlyList<RunTotal> Totals, int Unpaid, IReadOnlyList<RunItemRow> Items, int Page, int Pages);

public sealed record RunList(IReadOnlyList<PaymentRun> Runs, int Total, int Page, int PageSize);

/// <summary>What a call to pay a run did: the items it marked paid, those still unpaid, and any refusal.</summary>
public sealed record PayOutcome(int Paid, int Left, CommandResult Result);

/// <summary>
/// Payment runs: prepared by one finance officer for a day (every direct payment instalment due by then, of an active
/// direct payment with a confirmed account, and every approved provider invoice), approved by another, paid, and exported
/// as the payment file.
/// <para>
/// Each thing is paid once and only once. Preparing takes each instalment or invoice into one run only (the unique
/// <see cref="PaymentRunItem.SourceId"/>, and its state moved from due to in a run by a conditional update); paying marks
/// items in batches, each batch one transaction of conditional updates (an item only while it is unpaid, its source only
/// while it is in this run), so a run stopped part way (a crash, a killed process) is finished by paying it again, and
/// two nodes paying the same run at once each mark only what the other has not. The run's own moves (approve, cancel,
/// paid) are checked against its <see cref="PaymentRun.Version"/>, so two officers never overwrite each other unseen.
/// </para>
/// </summary>
public sealed class PaymentRunService(ShortBreaksDbContext db, SchemeCatalog schemes)
{
    public const int PageSize = 50;

    /// <summary>How many items one transaction marks paid, unless the caller says.</summary>
    public const int DefaultBatchSize = 500;

    public static readonly string Conflict =
        "Someone else changed this payment run while you were working on it. Nothing has been saved over their change: check the run as it is now and try again.";

    private static readonly string SameMoment =
        "Another payment run took some of these payments at the same moment. Nothing is in two runs: check the runs and try again.";

    public DateOnly Today => UkCalendar.DateOf(db.UtcNow);

    public DirectPaymentSettings SettingsOn(DateOnly day) => schemes.InForceOn(day).DirectPaymentRules;

    /// <summary>Prepares a run for <paramref name="payOn"/> of everything due by then and not in another run.</summary>
    public async Task<(PaymentRun? Made, CommandResult Result)> PrepareAsync(DateOnly payOn, CancellationToken ct = default)
    {
        if (payOn < Today) return (null, CommandResult.Fail("PayOn", "The payment date must be today or in the future"));
        var settings = SettingsOn(payOn);
        var instalments = await (from i in db.DirectPaymentInstalments
                                 where i.State == InstalmentState.Scheduled && i.DueOn <= payOn
                                 join d in db.DirectPayments on i.DirectPaymentId equals d.Id
                                 where d.State == DirectPaymentState.Active
                                 join a in PayableAccounts.Current(db) on d.Id equals a.DirectPaymentId
                                 select new { i.Id, i.ChildId, i.Kind, i.Amount, d.Reference, d.RecipientName, AccountId = a.Id, a.CreatedAt }).ToListAsync(ct);
        var invoices = await db.ProviderInvoices.Where(i => i.State == ProviderInvoiceState.Approved)
            .Join(db.Organisations, i => i.OrganisationId, o => o.Id, (i, o) => new { i.Id, i.OrganisationId, i.Reference, o.Name, i.Total }).ToListAsync(ct);
        if (instalments.Count == 0 && invoices.Count == 0)
            return (null, CommandResult.Fail("PayOn", $"Nothing is due to be paid on or before {payOn:d MMMM yyyy}"));

        var number = await db.PaymentRuns.CountAsync(r => r.PayOn == payOn, ct);
        var run = new PaymentRun
        {
            Reference = $"RUN-{payOn:yyyyMMdd}-{number + 1}", PayOn = payOn,
            PreparedAt = db.UtcNow, PreparedByUserId = db.Actor.UserId ?? "", PreparedByName = db.Actor.Name,
        };
        var items = new List<PaymentRunItem>();
        // One account each: should two confirmed accounts ever be current at once, the newest is paid.
        foreach (var i in instalments.GroupBy(i => i.Id).Select(g => g.MaxBy(x => x.CreatedAt)!).OrderBy(i => i.Reference).ThenBy(i => i.Id))
        {
            var kind = i.Kind == ScheduledPaymentKind.OneOff ? SpendingKind.OneOffPayment : SpendingKind.DirectPayment;
            var item = NewItem(run, items.Count, kind, i.Id, i.Reference, i.RecipientName, i.Amount, settings);
            item.ChildId = i.ChildId;
            item.AccountId = i.AccountId;
            items.Add(item);
        }

        foreach (var i in invoices.OrderBy(i => i.Reference))
        {
            var item = NewItem(run, items.Count, SpendingKind.CommissionedServiceInvoice, i.Id, i.Reference, i.Name, i.Total, settings);
            item.OrganisationId = i.OrganisationId;
            items.Add(item);
        }

        run.ItemCount = items.Count;
        run.Total = items.Sum(i => i.Amount);
        return await TakeAsync(run, items, ct);
    }

    /// <summary>
    /// Saves the run and its items and moves each source from due to in this run, all in one transaction; refused, with
    /// nothing kept, when another run took any of them first.
    /// </summary>
    private async Task<(PaymentRun? Made, CommandResult Result)> TakeAsync(PaymentRun run, List<PaymentRunItem> items, CancellationToken ct)
    {
        var auditing = db.AuditChanges;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            // Thousands of items: one audit entry for the run says what it holds, instead of one for each row.
            db.AuditChanges = false;
            db.PaymentRuns.Add(run);
            db.PaymentRunItems.AddRange(items);
            Audit("create", run, new { run.Reference, PayOn = run.PayOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), run.ItemCount, run.Total });
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return (null, CommandResult.Conflicted(SameMoment));
        }
        finally
        {
            db.AuditChanges = auditing;
        }

        var runId = run.Id;
        var instalments = await db.DirectPaymentInstalments
            .Where(i => i.State == InstalmentState.Scheduled && db.PaymentRunItems.Any(x => x.PaymentRunId == runId && x.SourceId == i.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.State, InstalmentState.InRun).SetProperty(i => i.PaymentRunId, runId).SetProperty(i => i.Version, i => i.Version + 1), ct);
        var invoices = await db.ProviderInvoices
            .Where(i => i.State == ProviderInvoiceState.Approved && db.PaymentRunItems.Any(x => x.PaymentRunId == runId && x.SourceId == i.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.State, ProviderInvoiceState.InRun).SetProperty(i => i.PaymentRunId, runId).SetProperty(i => i.Version, i => i.Version + 1), ct);
        if (instalments + invoices != items.Count)
        {
            // Something changed between reading what was due and taking it (cancelled, decided again): take nothing.
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return (null, CommandResult.Conflicted(SameMoment));
        }

        await transaction.CommitAsync(ct);
        return (run, CommandResult.Ok);
    }

    /// <summary>A second finance officer approves a prepared run; the officer who prepared it cannot.</summary>
    public async Task<CommandResult> ApproveAsync(Guid runId, long seenVersion, CancellationToken ct = default)
    {
        var run = await db.PaymentRuns.FirstOrDefaultAsync(r => r.Id == runId, ct);
        if (run is null) return CommandResult.Fail("", "There is no such payment run.");
        if (run.Version != seenVersion) return CommandResult.Conflicted(Conflict);
        if (run.State != PaymentRunState.Prepared) return CommandResult.Fail("", $"Only a prepared run can be approved: this one is {StateName(run.State).ToLowerInvariant()}.");
        if (run.PreparedByUserId == db.Actor.UserId)
            return CommandResult.Fail("", "You prepared this run, so another finance officer must approve it: a run is always checked by a second person.");

        db.ExpectVersion(run, seenVersion);
        run.State = PaymentRunState.Approved;
        run.ApprovedAt = db.UtcNow;
        run.ApprovedByUserId = db.Actor.UserId;
        run.ApprovedByName = db.Actor.Name;
        return await db.SaveOrConflictAsync(CommandResult.Conflicted(Conflict), ct);
    }

    /// <summary>Cancels a run before it is approved: its items are removed, and each instalment and invoice is due again.</summary>
    public async Task<CommandResult> CancelAsync(Guid runId, long seenVersion, CancellationToken ct = default)
    {
        var run = await db.PaymentRuns.FirstOrDefaultAsync(r => r.Id == runId, ct);
        if (run is null) return CommandResult.Fail("", "There is no such payment run.");
        if (run.Version != seenVersion) return CommandResult.Conflicted(Conflict);
        if (run.State != PaymentRunState.Prepared) return CommandResult.Fail("", "Only a run not yet approved can be cancelled.");

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.ExpectVersion(run, seenVersion);
        run.State = PaymentRunState.Cancelled;
        run.CancelledAt = db.UtcNow;
        run.CancelledByName = db.Actor.Name;
        var saved = await db.SaveOrConflictAsync(CommandResult.Conflicted(Conflict), ct);
        if (!saved.Succeeded)
        {
            await transaction.RollbackAsync(ct);
            return saved;
        }

        await db.DirectPaymentInstalments.Where(i => i.PaymentRunId == runId && i.State == InstalmentState.InRun)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.State, InstalmentState.Scheduled).SetProperty(i => i.PaymentRunId, (Guid?)null).SetProperty(i => i.Version, i => i.Version + 1), ct);
        await db.ProviderInvoices.Where(i => i.PaymentRunId == runId && i.State == ProviderInvoiceState.InRun)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.State, ProviderInvoiceState.Approved).SetProperty(i => i.PaymentRunId, (Guid?)null).SetProperty(i => i.Version, i => i.Version + 1), ct);
        await db.PaymentRunItems.Where(i => i.PaymentRunId == runId).ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
        return CommandResult.Ok;
    }

    /// <summary>
    /// Pays an approved run: marks its unpaid items paid, and their instalments and invoices, <paramref name="batchSize"/>
    /// at a time, each batch in one transaction, then the run. Paying a run stopped part way finishes it; paying a paid run
    /// does nothing. <paramref name="pause"/> spaces the batches out (a run paid beside the day's work).
    /// </summary>
    public async Task<PayOutcome> PayAsync(Guid runId, int batchSize = DefaultBatchSize, TimeSpan? pause = null, CancellationToken ct = default)
    {
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), "A batch holds at least one item.");
        var run = await db.PaymentRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, ct);
        if (run is null) return new PayOutcome(0, 0, CommandResult.Fail("", "There is no such payment run."));
        if (run.State == PaymentRunState.Paid) return new PayOutcome(0, 0, CommandResult.Ok);
        if (run.State != PaymentRunState.Approved)
            return new PayOutcome(0, 0, CommandResult.Fail("", "Only an approved run can be paid: a second finance officer approves it first."));

        var paid = 0;
        while (true)
        {
            var batch = await db.PaymentRunItems.AsNoTracking().Where(i => i.PaymentRunId == runId && i.PaidAt == null)
                .OrderBy(i => i.PaymentReference).Take(batchSize).Select(i => new { i.Id, i.SourceId }).ToListAsync(ct);
            if (batch.Count == 0) break;
            paid += await PayBatchAsync(runId, batch.Select(b => b.Id).ToList(), batch.Select(b => b.SourceId).ToList(), ct);
            if (pause is { } wait) await Task.Delay(wait, ct);
        }

        var now = db.UtcNow;
        await db.PaymentRuns.Where(r => r.Id == runId && r.State == PaymentRunState.Approved)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, PaymentRunState.Paid).SetProperty(r => r.PaidAt, now).SetProperty(r => r.Version, r => r.Version + 1), ct);
        return new PayOutcome(paid, 0, CommandResult.Ok);
    }

    private async Task<int> PayBatchAsync(Guid runId, List<Guid> itemIds, List<Guid> sourceIds, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = db.UtcNow;
        var marked = await db.PaymentRunItems.Where(i => itemIds.Contains(i.Id) && i.PaymentRunId == runId && i.PaidAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.PaidAt, now), ct);
        await db.DirectPaymentInstalments.Where(i => sourceIds.Contains(i.Id) && i.PaymentRunId == runId && i.State == InstalmentState.InRun)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.State, InstalmentState.Paid).SetProperty(i => i.PaidAt, now).SetProperty(i => i.Version, i => i.Version + 1), ct);
        await db.ProviderInvoices.Where(i => sourceIds.Contains(i.Id) && i.PaymentRunId == runId && i.State == ProviderInvoiceState.InRun)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.State, ProviderInvoiceState.Paid).SetProperty(i => i.PaidAt, now).SetProperty(i => i.Version, i => i.Version + 1), ct);
        if (marked > 0)
        {
            Audit("pay", new PaymentRun { Id = runId }, new { Items = marked });
            await db.SaveChangesAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return marked;
    }

    /// <summary>Runs, the newest day first.</summary>
    public async Task<RunList> ListAsync(int page, CancellationToken ct = default)
    {
        var total = await db.PaymentRuns.CountAsync(ct);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pages);
        var runs = await db.PaymentRuns.AsNoTracking().OrderByDescending(r => r.PayOn).ThenByDescending(r => r.PreparedAt)
            .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return new RunList(runs, total, page, PageSize);
    }

    /// <summary>
    /// A run with its totals by kind and budget head and one page of its items (accounts masked). The direct payments on
    /// the page are children's financial data, so the view is audited for each of their children.
    /// </summary>
    public async Task<RunView?> RunAsync(Guid runId, int page, CancellationToken ct = default)
    {
        var run = await db.PaymentRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, ct);
        if (run is null) return null;
        var heads = SettingsOn(run.PayOn).BudgetHeads.ToDictionary(h => h.Code, h => h.Name);
        // Added up here rather than in SQL: SQLite cannot sum decimals.
        var amounts = await db.PaymentRunItems.AsNoTracking().Where(i => i.PaymentRunId == runId)
            .Select(i => new { i.Kind, i.BudgetHead, i.Amount, Unpaid = i.PaidAt == null }).ToListAsync(ct);
        var totals = amounts.GroupBy(a => (a.Kind, a.BudgetHead)).OrderBy(g => g.Key.Kind).ThenBy(g => g.Key.BudgetHead)
            .Select(g => new RunTotal(g.Key.Kind, g.Key.BudgetHead, heads.GetValueOrDefault(g.Key.BudgetHead, ""), g.Count(), g.Sum(a => a.Amount))).ToList();

        var pages = Math.Max(1, (amounts.Count + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pages);
        var items = await db.PaymentRunItems.AsNoTracking().Where(i => i.PaymentRunId == runId).OrderBy(i => i.PaymentReference)
            .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var accountIds = items.Select(i => i.AccountId).OfType<Guid>().ToList();
        var accounts = await db.DirectPaymentAccounts.AsNoTracking().Where(a => accountIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        foreach (var childId in items.Select(i => i.ChildId).OfType<Guid>().Distinct())
        {
            db.RecordView(nameof(PaymentRun), run.Id.ToString(), childId, $"payment run {run.Reference}");
        }

        await db.SaveChangesAsync(ct);
        var rows = items.Select(i => new RunItemRow(i, i.AccountId is { } a && accounts.TryGetValue(a, out var account) ? Masked(account) : "")).ToList();
        return new RunView(run, totals, amounts.Count(a => a.Unpaid), rows, page, pages);
    }

    /// <summary>
    /// The run's payment file in the scheme's layout, for an approved or paid run; null otherwise. It holds bank details,
    /// so every download is audited.
    /// </summary>
    public async Task<(string FileName, string Csv)?> PaymentFileAsync(Guid runId, CancellationToken ct = default)
    {
        var run = await db.PaymentRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, ct);
        if (run is null || run.State is not (PaymentRunState.Approved or PaymentRunState.Paid)) return null;
        var rows = await (from i in db.PaymentRunItems.AsNoTracking()
                          where i.PaymentRunId == runId
                          join a in db.DirectPaymentAccounts on i.AccountId equals a.Id into found
                          from a in found.DefaultIfEmpty()
                          orderby i.PaymentReference
                          select new PaymentFileRow(i.PaymentReference, run.PayOn, i.PayeeName, a == null ? null : a.SortCode, a == null ? null : a.AccountNumber,
                              a == null ? null : a.CardAccountReference, i.Amount, i.BudgetHead, i.Kind, run.Reference, i.RecordReference)).ToListAsync(ct);
        Audit("export", run, new { File = "payment file", Rows = rows.Count });
        await db.SaveChangesAsync(ct);
        return ($"{run.Reference}.csv", PaymentFile.Write(rows, SettingsOn(run.PayOn).PaymentFile));
    }

    public static string StateName(PaymentRunState state) => state switch
    {
        PaymentRunState.Prepared => "Waiting for approval",
        PaymentRunState.Approved => "Approved",
        PaymentRunState.Paid => "Paid",
        _ => "Cancelled",
    };

    private static string Masked(DirectPaymentAccount account) => account.Kind == DirectPaymentAccountKind.BankAccount
        ? $"{BankDetails.MaskSortCode(account.SortCode ?? "")} {BankDetails.MaskAccountNumber(account.AccountNumber ?? "")}"
        : "Card " + BankDetails.MaskCardReference(account.CardAccountReference ?? "");

    private static PaymentRunItem NewItem(PaymentRun run, int index, SpendingKind kind, Guid sourceId, string recordReference, string payee, decimal amount, DirectPaymentSettings settings) =>
        new()
        {
            PaymentRunId = run.Id, Kind = kind, SourceId = sourceId, RecordReference = recordReference, PayeeName = payee, Amount = amount,
            PaymentReference = $"{run.Reference}-{(index + 1).ToString("00000", CultureInfo.InvariantCulture)}", BudgetHead = settings.HeadFor(kind).Code,
        };

    private void Audit(string action, PaymentRun run, object details) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = db.UtcNow, UserId = db.Actor.UserId, UserName = db.Actor.Name, Action = action, EntityType = nameof(PaymentRun),
            EntityId = run.Id.ToString(), Details = JsonSerializer.Serialize(details),
        });
}
