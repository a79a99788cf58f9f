using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ShortBreaks.Core.Data;

/// <summary>
/// The service's data. One model for every provider; <see cref="SqliteShortBreaksDbContext"/> and
/// <see cref="PostgresShortBreaksDbContext"/> exist only so each provider keeps its own migrations.
/// Every save writes audit entries for what it changed, in the same transaction. It also keeps the keys that protect
/// cookies and form tokens, so that every node of the service reads what any other wrote.
/// </summary>
public abstract class ShortBreaksDbContext(DbContextOptions options, Actor actor, TimeProvider clock)
    : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<Child> Children => Set<Child>();
    public DbSet<ChildFamilyMember> ChildFamilyMembers => Set<ChildFamilyMember>();
    public DbSet<ChildEmergencyContact> ChildEmergencyContacts => Set<ChildEmergencyContact>();
    public DbSet<TimelineEvent> TimelineEvents => Set<TimelineEvent>();
    public DbSet<ChildMerge> ChildMerges => Set<ChildMerge>();
    public DbSet<ShortBreakRequest> Requests => Set<ShortBreakRequest>();
    public DbSet<EvidenceDocument> EvidenceDocuments => Set<EvidenceDocument>();
    public DbSet<RequestDecision> Decisions => Set<RequestDecision>();
    public DbSet<Referral> Referrals => Set<Referral>();
    public DbSet<Letter> Letters => Set<Letter>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<SchemeVersionRecord> SchemeVersions => Set<SchemeVersionRecord>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<OrganisationUser> OrganisationUsers => Set<OrganisationUser>();
    public DbSet<OrganisationDocument> OrganisationDocuments => Set<OrganisationDocument>();
    public DbSet<FrameworkApplication> FrameworkApplications => Set<FrameworkApplication>();
    public DbSet<FrameworkStatusChange> FrameworkStatusChanges => Set<FrameworkStatusChange>();
    public DbSet<ExpiryWarning> ExpiryWarnings => Set<ExpiryWarning>();
    public DbSet<Service> Services => Set<Service>();
    public DbSet<Location> Locations => Set<Location>();
    public DbSet<ChangeStamp> ChangeStamps => Set<ChangeStamp>();
    public DbSet<Package> Packages => Set<Package>();
    public DbSet<PackageLine> PackageLines => Set<PackageLine>();
    public DbSet<AllowanceYear> AllowanceYears => Set<AllowanceYear>();
    public DbSet<PackageStateChange> PackageStateChanges => Set<PackageStateChange>();
    public DbSet<DeliveryReturn> DeliveryReturns => Set<DeliveryReturn>();
    public DbSet<DeliveredSession> DeliveredSessions => Set<DeliveredSession>();
    public DbSet<UnusedHoursDecision> UnusedHoursDecisions => Set<UnusedHoursDecision>();
    public DbSet<FsbRenewal> FsbRenewals => Set<FsbRenewal>();
    public DbSet<RenewalNotice> RenewalNotices => Set<RenewalNotice>();
    public DbSet<SentEmail> SentEmails => Set<SentEmail>();
    public DbSet<Ras.RasAssessment> RasAssessments => Set<Ras.RasAssessment>();
    public DbSet<Ras.RasVersionRecord> RasVersions => Set<Ras.RasVersionRecord>();
    public DbSet<Plans.SupportPlan> SupportPlans => Set<Plans.SupportPlan>();
    public DbSet<Plans.PlanVersion> PlanVersions => Set<Plans.PlanVersion>();
    public DbSet<Plans.TierChange> TierChanges => Set<Plans.TierChange>();
    public DbSet<Plans.PanelItem> PanelItems => Set<Plans.PanelItem>();
    public DbSet<Plans.BudgetNotice> BudgetNotices => Set<Plans.BudgetNotice>();
    public DbSet<Plans.FamilyAgreementOnBehalf> FamilyAgreementsOnBehalf => Set<Plans.FamilyAgreementOnBehalf>();
    public DbSet<Ras.VirtualBudgets.VirtualBudgetRun> VirtualBudgetRuns => Set<Ras.VirtualBudgets.VirtualBudgetRun>();
    public DbSet<Ras.VirtualBudgets.ServiceBudget> ServiceBudgets => Set<Ras.VirtualBudgets.ServiceBudget>();
    public DbSet<Finance.HeadBudget> HeadBudgets => Set<Finance.HeadBudget>();
    public DbSet<Ras.Calibration.CalibrationRun> CalibrationRuns => Set<Ras.Calibration.CalibrationRun>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Retention.RetentionReview> RetentionReviews => Set<Retention.RetentionReview>();
    public DbSet<Retention.RetentionItem> RetentionItems => Set<Retention.RetentionItem>();
    public DbSet<SubjectAccess.SubjectAccessRequest> SubjectAccessRequests => Set<SubjectAccess.SubjectAccessRequest>();
    public DbSet<SubjectAccess.SubjectAccessChoice> SubjectAccessChoices => Set<SubjectAccess.SubjectAccessChoice>();
    public DbSet<DirectPayments.DirectPayment> DirectPayments => Set<DirectPayments.DirectPayment>();
    public DbSet<DirectPayments.DirectPaymentAccount> DirectPaymentAccounts => Set<DirectPayments.DirectPaymentAccount>();
    public DbSet<DirectPayments.DirectPaymentInstalment> DirectPaymentInstalments => Set<DirectPayments.DirectPaymentInstalment>();
    public DbSet<Finance.ProviderInvoice> ProviderInvoices => Set<Finance.ProviderInvoice>();
    public DbSet<Finance.ProviderInvoiceLine> ProviderInvoiceLines => Set<Finance.ProviderInvoiceLine>();
    public DbSet<Finance.PaymentRun> PaymentRuns => Set<Finance.PaymentRun>();
    public DbSet<Finance.PaymentRunItem> PaymentRunItems => Set<Finance.PaymentRunItem>();
    public DbSet<DirectPayments.StatementColumnMapping> StatementColumnMappings => Set<DirectPayments.StatementColumnMapping>();
    public DbSet<DirectPayments.DirectPaymentStatement> DirectPaymentStatements => Set<DirectPayments.DirectPaymentStatement>();
    public DbSet<DirectPayments.StatementLine> StatementLines => Set<DirectPayments.StatementLine>();
    public DbSet<DirectPayments.MonitoringReturn> MonitoringReturns => Set<DirectPayments.MonitoringReturn>();
    public DbSet<DirectPayments.MonitoringReturnEvidence> MonitoringReturnEvidence => Set<DirectPayments.MonitoringReturnEvidence>();
    public DbSet<DirectPayments.AccountAudit> AccountAudits => Set<DirectPayments.AccountAudit>();
    public DbSet<DirectPayments.Recoupment> Recoupments => Set<DirectPayments.Recoupment>();
    public DbSet<DirectPayments.RecoupmentDeduction> RecoupmentDeductions => Set<DirectPayments.RecoupmentDeduction>();
    public DbSet<Reviews.Review> Reviews => Set<Reviews.Review>();
    public DbSet<Complaints.Complaint> Complaints => Set<Complaints.Complaint>();
    public DbSet<Complaints.ComplaintStage> ComplaintStages => Set<Complaints.ComplaintStage>();
    public DbSet<Complaints.ComplaintExtension> ComplaintExtensions => Set<Complaints.ComplaintExtension>();
    public DbSet<Notifications.PersonMessage> PersonMessages => Set<Notifications.PersonMessage>();
    public DbSet<Notifications.OutboxEmail> OutboxEmails => Set<Notifications.OutboxEmail>();
    public DbSet<Scheduling.ScheduledJob> ScheduledJobs => Set<Scheduling.ScheduledJob>();

    public Actor Actor => actor;
    public TimeProvider Clock => clock;
    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// The UK day of <see cref="UtcNow"/>: the day a rule or a scheme in force is judged on. Not the UTC date, which in
    /// summer is still yesterday for the first hour of the council's day.
    /// </summary>
    public DateOnly Today => UkCalendar.DateOf(UtcNow);

    /// <summary>Set false by bulk loads (demo data) that write their own single audit entry.</summary>
    public bool AuditChanges { get; set; } = true;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
        configurationBuilder.Properties<decimal>().HavePrecision(12, 2);
        configurationBuilder.Properties<decimal?>().HavePrecision(12, 2);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ShortBreaksDbContext).Assembly);
    }

    /// <summary>
    /// Tells EF the version the person saw, so the save fails with <see cref="DbUpdateConcurrencyException"/>
    /// if anyone else saved the entity since.
    /// </summary>
    public void ExpectVersion<T>(T entity, long versionSeen) where T : class, IVersioned =>
        Entry(entity).Property(e => e.Version).OriginalValue = versionSeen;

    // Views recorded and not yet written: kept out of the change tracker (a list of fifty children is fifty views, and
    // every look the save takes at its tracked entries would go over each one) and written by the next save, in its
    // transaction, in one statement (see AuditBatch). A refused save keeps them for the next try.
    private readonly List<AuditEntry> _views = [];

    /// <summary>Views recorded by <see cref="RecordView"/> that the next save writes.</summary>
    public int ViewsToWrite => _views.Count;

    /// <summary>Records that someone looked at a child's record (or part of it). The next save writes it.</summary>
    public void RecordView(string entityType, string entityId, Guid? childId, string? details = null) =>
        _views.Add(new AuditEntry
        {
            At = UtcNow,
            UserId = actor.UserId,
            UserName = actor.Name,
            Action = "view",
            EntityType = entityType,
            EntityId = entityId,
            ChildId = childId,
            Details = details,
        });

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (_views.Count > 0 && !ChangeTracker.HasChanges()) return SaveViews();
        var holders = RequestHolders.Keep(this);
        PrepareForSave();
        MoveChangeStamps();
        var gate = SqliteWriteGate();
        gate?.Wait();
        try
        {
            var delivered = DeliveredTotals.Pending(this);
            var audit = AuditBatch.Take(this, _views);
            if (!delivered.Any && audit.Count == 0 && !holders.Any) return base.SaveChanges(acceptAllChangesOnSuccess);
            try
            {
                using var own = Database.CurrentTransaction is null ? Database.BeginTransaction() : null;
                if (delivered.Any) DeliveredTotals.Apply(this, delivered);
                var saved = base.SaveChanges(acceptAllChangesOnSuccess) + audit.Insert(this);
                if (holders.Any) RequestHolders.Move(this, holders);
                own?.Commit();
                _views.Clear();
                return saved;
            }
            catch
            {
                audit.Restore(this);
                throw;
            }
        }
        finally
        {
            gate?.Release();
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (_views.Count > 0 && !ChangeTracker.HasChanges()) return await SaveViewsAsync(cancellationToken);
        await Notifications.LetterNotices.AddAsync(this, cancellationToken);
        var holders = await RequestHolders.KeepAsync(this, cancellationToken);
        PrepareForSave();
        MoveChangeStamps();
        var gate = SqliteWriteGate();
        if (gate is not null) await gate.WaitAsync(cancellationToken);
        try
        {
            // Sessions and returns change their lines' and packages' kept totals in the same transaction (see DeliveredTotals).
            // On SQLite, the save's audit entries go in one statement (see AuditBatch), in the same transaction.
            var delivered = DeliveredTotals.Pending(this);
            var audit = AuditBatch.Take(this, _views);
            if (!delivered.Any && audit.Count == 0 && !holders.Any) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            try
            {
                await using var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
                if (delivered.Any) await DeliveredTotals.ApplyAsync(this, delivered, cancellationToken);
                var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken) + await audit.InsertAsync(this, cancellationToken);
                // A child's new key worker takes over their online requests in the same transaction (see RequestHolders).
                if (holders.Any) await RequestHolders.MoveAsync(this, holders, cancellationToken);
                if (own is not null) await own.CommitAsync(cancellationToken);
                _views.Clear();
                return saved;
            }
            catch
            {
                audit.Restore(this);
                throw;
            }
        }
        finally
        {
            gate?.Release();
        }
    }

    /// <summary>
    /// A save of recorded views alone (a page that shows children and changes nothing): one statement, or for a long list
    /// several in one transaction, taken in turn with the other writers on SQLite.
    /// </summary>
    private int SaveViews()
    {
        var gate = SqliteWriteGate();
        gate?.Wait();
        try
        {
            var batch = AuditBatch.Of(_views);
            using var own = Database.CurrentTransaction is null && batch.Statements > 1 ? Database.BeginTransaction() : null;
            Database.OpenConnection();
            int written;
            try
            {
                written = batch.Insert(this);
            }
            finally
            {
                Database.CloseConnection();
            }

            own?.Commit();
            _views.Clear();
            return written;
        }
        finally
        {
            gate?.Release();
        }
    }

    private async Task<int> SaveViewsAsync(CancellationToken ct)
    {
        if (SqliteWriteGate() is { } gate) return await SaveViewsInTurnAsync(gate, ct);
        var batch = AuditBatch.Of(_views);
        await using var own = Database.CurrentTransaction is null && batch.Statements > 1 ? await Database.BeginTransactionAsync(ct) : null;
        await Database.OpenConnectionAsync(ct);
        int written;
        try
        {
            written = await batch.InsertAsync(this, ct);
        }
        finally
        {
            await Database.CloseConnectionAsync();
        }

        if (own is not null) await own.CommitAsync(ct);
        _views.Clear();
        return written;
    }

    /// <summary>
    /// Views saved on SQLite, where writers take turns: this save's views wait in a queue with those of the other pages
    /// waiting their turn, and whichever page's turn comes first writes every view in the queue, in one statement, and
    /// tells each page its views are written. A busy service so makes one write for many pages instead of one each,
    /// and each page still answers only once its views are in the database.
    /// </summary>
    private async Task<int> SaveViewsInTurnAsync(SemaphoreSlim gate, CancellationToken ct)
    {
        var queue = SqliteViewQueues.GetOrAdd(Database.GetConnectionString() ?? "", _ => new ViewQueue());
        var mine = new QueuedViews([.. _views], new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (queue) queue.Waiting.Add(mine);
        try
        {
            await gate.WaitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            // Taken out of the queue unless another page is already writing it.
            bool removed;
            lock (queue) removed = queue.Waiting.Remove(mine);
            if (removed) throw;
            await mine.Written.Task;
            _views.Clear();
            throw;
        }

        try
        {
            if (!mine.Written.Task.IsCompleted)
            {
                List<QueuedViews> batch;
                lock (queue)
                {
                    batch = queue.Waiting;
                    queue.Waiting = [];
                }

                try
                {
                    var all = AuditBatch.Of([.. batch.SelectMany(b => b.Views)]);
                    await Database.OpenConnectionAsync(CancellationToken.None);
                    try
                    {
                        await all.InsertAsync(this, CancellationToken.None);
                    }
                    finally
                    {
                        await Database.CloseConnectionAsync();
                    }

                    foreach (var queued in batch) queued.Written.TrySetResult(queued.Views.Count);
                }
                catch (Exception e)
                {
                    foreach (var queued in batch) queued.Written.TrySetException(e);
                }
            }
        }
        finally
        {
            gate.Release();
        }

        var written = await mine.Written.Task;
        _views.Clear();
        return written;
    }

    private sealed record QueuedViews(List<AuditEntry> Views, TaskCompletionSource<int> Written);

    private sealed class ViewQueue
    {
        public List<QueuedViews> Waiting = [];
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, ViewQueue> SqliteViewQueues = new();

    /// <summary>
    /// When the save changes anything the Local Offer directory lists, gives the directory's stamp a new value in the
    /// same save (so in the same transaction), which tells every node to read its directory again. The row is made by
    /// the migration; it is updated without reading it first.
    /// </summary>
    /// <summary>
    /// Gives the <see cref="ChangeStamp"/> of <paramref name="area"/> a new value in the next save: for work that changes
    /// the area's rows without the change tracker (a bulk delete), in the same transaction as that save.
    /// </summary>
    public void MoveChangeStamp(string area)
    {
        if (!ChangeStamp.Watched.ContainsKey(area)) throw new ArgumentException($"'{area}' is not an area with a change stamp.", nameof(area));
        var stamp = ChangeTracker.Entries<ChangeStamp>().FirstOrDefault(e => e.Entity.Area == area)?.Entity
                    ?? Attach(new ChangeStamp { Area = area }).Entity;
        stamp.Stamp = Guid.NewGuid();
        stamp.ChangedAt = UtcNow;
        var entry = Entry(stamp);
        entry.Property(s => s.Stamp).IsModified = true;
        entry.Property(s => s.ChangedAt).IsModified = true;
    }

    // Each area whose rows this save adds, changes or deletes takes a new stamp in the same save (see ChangeStamp).
    private void MoveChangeStamps()
    {
        List<string>? moved = null;
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            foreach (var (area, types) in ChangeStamp.Watched)
            {
                if (types.Contains(entry.Metadata.ClrType) && !(moved?.Contains(area) ?? false)) (moved ??= []).Add(area);
            }
        }

        foreach (var area in moved ?? []) MoveChangeStamp(area);
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> SqliteWriteGates = new();

    /// <summary>
    /// SQLite allows one writer at a time, and a writer that finds the database busy sleeps 150 ms before trying
    /// again. Every view of a child's record is an audited write, so writers in this process take turns instead
    /// (SQLite runs on one node; PostgreSQL needs no gate).
    /// </summary>
    private SemaphoreSlim? SqliteWriteGate() =>
        Database.IsSqlite() && Database.CurrentTransaction is null
            ? SqliteWriteGates.GetOrAdd(Database.GetConnectionString() ?? "", _ => new SemaphoreSlim(1, 1))
            : null;

    private static readonly HashSet<string> SecretProperties =
        ["PasswordHash", "SecurityStamp", "ConcurrencyStamp", "Content", "Json", "BodyHtml", "TokenValue", "Value", "SummaryJson", "FallsJson", "Xml"];

    /// <summary>Bank details: the audit keeps only their masked form, as every page shows them.</summary>
    private static readonly Dictionary<string, Func<string, string>> MaskedProperties = new()
    {
        ["SortCode"] = ShortBreaks.Core.DirectPayments.BankDetails.MaskSortCode,
        ["AccountNumber"] = ShortBreaks.Core.DirectPayments.BankDetails.MaskAccountNumber,
        ["CardAccountReference"] = ShortBreaks.Core.DirectPayments.BankDetails.MaskCardReference,
    };

    private static object? Masked(string name, object? value) =>
        value is string text && MaskedProperties.TryGetValue(name, out var mask) ? mask(text) : Shorten(value);

    private void PrepareForSave()
    {
        var now = UtcNow;
        var entries = ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is not AuditEntry)
            .ToList();

        foreach (var entry in entries)
        {
            if (entry.State == EntityState.Modified && entry.Entity is IVersioned versioned)
            {
                versioned.Version++;
            }
        }

        if (!AuditChanges)
        {
            return;
        }

        foreach (var entry in entries)
        {
            var action = entry.State switch
            {
                EntityState.Added => "create",
                EntityState.Deleted => "delete",
                _ => "update",
            };

            var details = Describe(entry);
            if (entry.State == EntityState.Modified && details.Count == 0)
            {
                continue;
            }

            AuditEntries.Add(new AuditEntry
            {
                At = now,
                UserId = actor.UserId,
                UserName = actor.Name,
                Action = action,
                EntityType = entry.Metadata.ClrType.Name,
                EntityId = KeyOf(entry),
                ChildId = ChildIdOf(entry),
                Details = details.Count == 0 ? null : JsonSerializer.Serialize(details),
            });
        }
    }

    private static Dictionary<string, object?> Describe(EntityEntry entry)
    {
        var details = new Dictionary<string, object?>();
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            // Columns the database works out itself (UnusedHoursColumns) copy figures the entry already describes.
            if (name == nameof(IVersioned.Version) || property.Metadata.IsPrimaryKey() || property.Metadata.GetComputedColumnSql() is not null)
            {
                continue;
            }

            var secret = SecretProperties.Contains(name);
            switch (entry.State)
            {
                case EntityState.Added when property.CurrentValue is not null:
                    details[name] = secret ? "(set)" : Masked(name, property.CurrentValue);
                    break;
                case EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue):
                    details[name] = secret
                        ? "(changed)"
                        : new[] { Masked(name, property.OriginalValue), Masked(name, property.CurrentValue) };
                    break;
            }
        }

        return details;
    }

    private static object? Shorten(object? value) => value switch
    {
        string s when s.Length > 200 => s[..200] + "…",
        byte[] b => $"({b.Length} bytes)",
        _ => value,
    };

    private static string KeyOf(EntityEntry entry) =>
        string.Join("/", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString()));

    private static Guid? ChildIdOf(EntityEntry entry) => entry.Entity switch
    {
        Child c => c.Id,
        _ when entry.Metadata.FindProperty("ChildId") is { } p => entry.Property(p.Name).CurrentValue as Guid?,
        _ => null,
    };

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private sealed class NullableUtcDateTimeConverter() : ValueConverter<DateTime?, DateTime?>(
        v => v == null ? v : v.Value.Kind == DateTimeKind.Utc ? v : v.Value.ToUniversalTime(),
        v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));
}

public sealed class SqliteShortBreaksDbContext(DbContextOptions<SqliteShortBreaksDbContext> options, Actor actor, TimeProvider clock)
    : ShortBreaksDbContext(options, actor, clock)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        UnusedHoursColumns.Configure(builder, postgres: false);
        Finance.BudgetMonitoringColumns.Configure(builder, postgres: false);
    }
}

public sealed class PostgresShortBreaksDbContext(DbContextOptions<PostgresShortBreaksDbContext> options, Actor actor, TimeProvider clock)
    : ShortBreaksDbContext(options, actor, clock)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        UnusedHoursColumns.Configure(builder, postgres: true);
        Finance.BudgetMonitoringColumns.Configure(builder, postgres: true);
    }
}
