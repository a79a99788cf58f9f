using Microsoft.EntityFrameworkCore.Storage;
using ShortBreaks.Core.Notifications;
using ShortBreaks.Core.Retention;

namespace ShortBreaks.Core.Providers;

/// <summary>
/// What the report is asked for: a provider, a child (reference or part of a name), late returns only; and whose report
/// it is: with a <paramref name="Viewer"/>, only the packages of children they see (<see cref="Caseloads.ChildVisibility"/>),
/// every provider's totals included.
/// </summary>
public sealed record UnusedHoursFilter(Guid? OrganisationId = null, string? Child = null, bool LateOnly = false, Guid? ChildId = null, Caseloads.StaffViewer? Viewer = null)
{
    public const int ChildMaxLength = 100;
}

/// <summary>One agreed package of a child with one provider in the year, with its figures so far.</summary>
public sealed record UnusedHoursRow(
    Guid PackageId, Guid ChildId, string ChildName, string ChildReference, Guid OrganisationId, string OrganisationName,
    PackageState State, DateOnly StartsOn, DateOnly EndsOn, UnusedFigures Figures, int ReturnsDue, int ReturnsLate,
    UnusedHoursDecision? Decision)
{
    /// <summary>Money no longer committed because its unused hours were released for others.</summary>
    public decimal ReleasedMoney => Decision is { State: UnusedHoursState.Released } d ? d.Money : 0;

    /// <summary>What stays committed to the child: agreed less what was released.</summary>
    public decimal CommittedMoney => Figures.AgreedMoney - ReleasedMoney;
}

/// <summary>A provider's packages in the year, added up.</summary>
public sealed record UnusedHoursProvider(Guid OrganisationId, string Name, int Children, int Packages, UnusedFigures Figures, int ReturnsLate, decimal ReleasedMoney)
{
    public decimal CommittedMoney => Figures.AgreedMoney - ReleasedMoney;
}

/// <summary>The report: every provider's totals, one page of children's packages, and the totals of every row the filter selects.</summary>
public sealed record UnusedHoursReport(
    DateOnly YearStart, DateOnly AsOf, IReadOnlyList<UnusedHoursProvider> Providers, IReadOnlyList<UnusedHoursRow> Rows,
    int TotalRows, int Page, int PageSize, UnusedFigures Totals, int ReturnsLate, decimal ReleasedMoney)
{
    public int Pages => Math.Max(1, (TotalRows + PageSize - 1) / PageSize);
}

/// <summary>
/// Unused hours for commissioning and officers: per provider and per child, what was agreed on packages through
/// providers against what returns say was delivered, what is unused so far and the forecast for the year
/// (<see cref="UnusedHoursRules"/>), with months whose return is late. It reads no sessions: each line keeps its delivered
/// total and each package its submitted returns (<see cref="DeliveredTotals"/>), and the database works out and adds up
/// every provider's figures and picks the page (<see cref="UnusedHoursSql"/>), so only the page's rows come back.
/// A child's unused hours can be offered back to the family or released for others (<see cref="UnusedHoursDecision"/>).
/// </summary>
public sealed class UnusedHoursService(ShortBreaksDbContext db, SchemeCatalog schemes, EmailSender email, ILogger<UnusedHoursService> logger)
{
    public const int PageSize = 50;

    public static readonly string Conflict =
        "Someone else decided about these unused hours while you were working on it. Nothing you entered has been saved over their decision: check the package as it is now and try again.";

    public DateOnly Today => UkCalendar.DateOf(db.UtcNow);

    public ProviderSettings Settings => schemes.InForceOn(Today).ProviderRules;

    /// <summary>The allowance year <paramref name="day"/> is in.</summary>
    public DateOnly YearOf(DateOnly day) => AllowanceYears.StartOf(day, Settings);

    /// <summary>
    /// The report for the allowance year starting <paramref name="yearStart"/> as of UK day <paramref name="asOf"/>: page
    /// <paramref name="page"/> of the children's rows (every row when <paramref name="page"/> is null, for downloads).
    /// </summary>
    public async Task<UnusedHoursReport> ReportAsync(DateOnly yearStart, DateOnly asOf, UnusedHoursFilter filter, int? page, CancellationToken ct = default)
    {
        var settings = Settings;
        var lastDue = UnusedHoursRules.LastMonthDue(asOf, settings);
        var postgres = db.Database.IsNpgsql();

        // The totals and the page read one snapshot of the database, so they agree with each other while providers
        // record sessions; on PostgreSQL without compiling the query (its JIT costs more than it saves over these rows).
        await using var snapshot = db.Database.CurrentTransaction is null ? await ReadSnapshotAsync(postgres, ct) : null;
        if (postgres) await db.Database.ExecuteSqlRawAsync("SET LOCAL jit = off", ct);

        // Each provider's totals: every line of the selected packages streamed from the database and worked out here.
        var visible = Caseloads.ChildVisibility.VisibleChildIdsSql(db, filter.Viewer);
        var sums = await SumAsync(new UnusedHoursSql(postgres, yearStart, asOf, lastDue, filter, visible), asOf, lastDue, filter.LateOnly, ct);
        var organisationIds = sums.Keys.ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var providers = sums.Select(s => new UnusedHoursProvider(
                s.Key, names.GetValueOrDefault(s.Key, ""), s.Value.Children.Count, s.Value.Packages, s.Value.Figures, s.Value.ReturnsLate, s.Value.Released))
            .OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.OrganisationId).ToList();
        var total = providers.Sum(p => p.Packages);

        // The page's packages in the report's order, chosen by the database; only they are read and worked out here.
        var size = page is null ? Math.Max(1, total) : PageSize;
        var pages = Math.Max(1, (total + size - 1) / size);
        var current = Math.Clamp(page ?? 1, 1, pages);
        var ids = total == 0
            ? []
            : await db.Database.SqlQuery<Guid>(new UnusedHoursSql(postgres, yearStart, asOf, lastDue, filter, visible).Page((current - 1) * size, page is null ? null : size)).ToListAsync(ct);
        var rows = await RowsAsync(yearStart, asOf, lastDue, settings, ids, names, ct);
        return new UnusedHoursReport(yearStart, asOf, providers, rows, total, current, size,
            providers.Aggregate(default(UnusedFigures), (a, p) => a + p.Figures), providers.Sum(p => p.ReturnsLate), providers.Sum(p => p.ReleasedMoney));
    }

    /// <summary>What one provider's packages add up to, as <see cref="SumAsync"/> goes through their lines.</summary>
    private sealed class ProviderSums
    {
        public HashSet<Guid> Children { get; } = [];
        public int Packages { get; set; }
        public int ReturnsLate { get; set; }
        public decimal Released { get; set; }
        public UnusedFigures Figures { get; set; }
    }

    /// <summary>
    /// Each provider's sums, from one row a package line (<see cref="UnusedHoursSql.Lines"/>) read as it streams: each line
    /// worked out by <see cref="UnusedHoursRules"/>, each package's late returns and released money counted once; with
    /// <paramref name="lateOnly"/>, only packages with a late return (as <see cref="UnusedHoursSql.Page"/> chooses them).
    /// </summary>
    private async Task<Dictionary<Guid, ProviderSums>> SumAsync(UnusedHoursSql sql, DateOnly asOf, DateOnly lastDue, bool lateOnly, CancellationToken ct)
    {
        var sums = new Dictionary<Guid, ProviderSums>();
        var packages = new HashSet<Guid>();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            sql.Prepare(command, sql.Lines());
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var startsOn = UnusedHoursColumns.Day(reader.GetInt32((int)UnusedHoursSql.LineColumn.FirstDay));
                var endsOn = UnusedHoursColumns.Day(reader.GetInt32((int)UnusedHoursSql.LineColumn.LastDay));
                var late = (int)Math.Max(0, UnusedHoursRules.MonthsDue(startsOn, endsOn, lastDue) - reader.GetInt64((int)UnusedHoursSql.LineColumn.ReturnsSubmittedDue));
                if (lateOnly && late == 0) continue;
                var organisationId = reader.GetGuid((int)UnusedHoursSql.LineColumn.OrganisationId);
                if (!sums.TryGetValue(organisationId, out var provider)) sums[organisationId] = provider = new ProviderSums();
                var state = Enum.Parse<PackageState>(reader.GetString((int)UnusedHoursSql.LineColumn.State));
                if (packages.Add(reader.GetGuid((int)UnusedHoursSql.LineColumn.PackageId)))
                {
                    provider.Packages++;
                    provider.Children.Add(reader.GetGuid((int)UnusedHoursSql.LineColumn.ChildId));
                    provider.ReturnsLate += late;
                    if (!reader.IsDBNull((int)UnusedHoursSql.LineColumn.ReleasedMoney)) provider.Released += reader.GetDecimal((int)UnusedHoursSql.LineColumn.ReleasedMoney);
                }

                if (reader.IsDBNull((int)UnusedHoursSql.LineColumn.Unit)) continue;
                var unit = Enum.Parse<PriceUnit>(reader.GetString((int)UnusedHoursSql.LineColumn.Unit));
                var frequency = Enum.Parse<LineFrequency>(reader.GetString((int)UnusedHoursSql.LineColumn.Frequency));
                var quantity = reader.IsDBNull((int)UnusedHoursSql.LineColumn.QuantityWhenEnded) ? 0 : reader.GetDecimal((int)UnusedHoursSql.LineColumn.QuantityWhenEnded);
                var total = reader.GetInt64((int)UnusedHoursSql.LineColumn.TotalHundredths) / 100m;
                var agreed = UnusedHoursRules.Agreed(state, startsOn, endsOn, quantity, frequency, total);
                provider.Figures += UnusedHoursRules.Line(
                    unit, reader.GetInt64((int)UnusedHoursSql.LineColumn.HoursEachHundredths) / 100m, reader.GetInt64((int)UnusedHoursSql.LineColumn.PriceHundredths) / 100m,
                    agreed, reader.GetInt64((int)UnusedHoursSql.LineColumn.DeliveredHundredths) / 100m, startsOn, endsOn, asOf);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return sums;
    }

    /// <summary>
    /// A transaction that only reads, ended (rolled back: it wrote nothing) when disposed: repeatable read on PostgreSQL;
    /// on SQLite a deferred one, a read snapshot that takes no write lock, so providers keep saving meanwhile.
    /// </summary>
    private async Task<IAsyncDisposable> ReadSnapshotAsync(bool postgres, CancellationToken ct)
    {
        if (postgres) return await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        await db.Database.OpenConnectionAsync(ct);
        var transaction = ((Microsoft.Data.Sqlite.SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: true);
        await db.Database.UseTransactionAsync(transaction, ct);
        return new SqliteSnapshot(db, transaction);
    }

    private sealed class SqliteSnapshot(ShortBreaksDbContext db, System.Data.Common.DbTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await db.Database.UseTransactionAsync(null);
            await transaction.DisposeAsync();
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// The rows of the packages <paramref name="ids"/>, in that order: each line's kept delivered total less its sessions
    /// dated after <paramref name="asOf"/>, and the package's kept count of submitted returns less those for months not
    /// yet due, worked out by <see cref="UnusedHoursRules"/> (as the database does for the totals).
    /// </summary>
    private async Task<List<UnusedHoursRow>> RowsAsync(
        DateOnly yearStart, DateOnly asOf, DateOnly lastDue, ProviderSettings settings, List<Guid> ids, Dictionary<Guid, string> names, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var lines = await (
            from p in db.Packages.AsNoTracking()
            where ids.Contains(p.Id)
            join l in db.PackageLines on p.Id equals l.PackageId
            join c in db.Children on p.ChildId equals c.Id
            select new
            {
                LineId = l.Id, PackageId = p.Id, p.ChildId, OrganisationId = p.OrganisationId!.Value, p.State, p.StartsOn, p.EndsOn, p.ReturnsSubmitted,
                l.Unit, l.Quantity, l.Frequency, l.TotalUnits, l.HoursEach, l.UnitPrice, l.DeliveredUnits, c.FirstName, c.LastName, c.Reference,
            }).ToListAsync(ct);
        var lineIds = lines.Select(l => l.LineId).ToList();
        var later = (await db.DeliveredSessions.AsNoTracking().Where(s => s.Date > asOf && s.Cancellation == null && lineIds.Contains(s.PackageLineId))
                .Select(s => new { s.PackageLineId, s.Quantity }).ToListAsync(ct))
            .GroupBy(s => s.PackageLineId).ToDictionary(g => g.Key, g => g.Sum(s => s.Quantity));
        var notDue = await db.DeliveryReturns.AsNoTracking().Where(r => r.Status == DeliveryReturnStatus.Submitted && r.Month > lastDue && ids.Contains(r.PackageId))
            .GroupBy(r => r.PackageId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var decisions = await db.UnusedHoursDecisions.AsNoTracking().Where(d => d.YearStart == yearStart && ids.Contains(d.PackageId)).ToDictionaryAsync(d => d.PackageId, ct);

        var rows = new Dictionary<Guid, UnusedHoursRow>();
        foreach (var group in lines.GroupBy(l => l.PackageId))
        {
            var first = group.First();
            var figures = default(UnusedFigures);
            foreach (var line in group)
            {
                var agreed = UnusedHoursRules.Agreed(line.State, line.StartsOn, line.EndsOn, line.Quantity, line.Frequency, line.TotalUnits);
                var delivered = line.DeliveredUnits - later.GetValueOrDefault(line.LineId);
                figures += UnusedHoursRules.Line(line.Unit, line.HoursEach, line.UnitPrice, agreed, delivered, line.StartsOn, line.EndsOn, asOf);
            }

            var due = UnusedHoursRules.MonthsDue(first.StartsOn, first.EndsOn, asOf, settings);
            var late = Math.Max(0, due - (first.ReturnsSubmitted - notDue.GetValueOrDefault(first.PackageId)));
            rows[first.PackageId] = new UnusedHoursRow(first.PackageId, first.ChildId, $"{first.FirstName} {first.LastName}", first.Reference, first.OrganisationId,
                names.GetValueOrDefault(first.OrganisationId, ""), first.State, first.StartsOn, first.EndsOn, figures, due, late,
                decisions.GetValueOrDefault(first.PackageId));
        }

        return ids.Where(rows.ContainsKey).Select(id => rows[id]).ToList();
    }

    /// <summary>The providers that have packages in the year, for the filter: id and name, by name.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> ProvidersAsync(DateOnly yearStart, CancellationToken ct = default)
    {
        var ids = Packages(yearStart, new UnusedHoursFilter()).Select(p => p.OrganisationId!.Value).Distinct();
        var list = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        return list.OrderBy(o => o.Name, StringComparer.OrdinalIgnoreCase).Select(o => (o.Id, o.Name)).ToList();
    }

    /// <summary>One package's row today (null when it is not an agreed provider package of <paramref name="childId"/>).</summary>
    public async Task<UnusedHoursRow?> PackageAsync(Guid childId, Guid packageId, CancellationToken ct = default)
    {
        var yearStart = await db.Packages.AsNoTracking().Where(p => p.Id == packageId && p.ChildId == childId).Select(p => (DateOnly?)p.YearStart).FirstOrDefaultAsync(ct);
        if (yearStart is null) return null;
        var report = await ReportAsync(yearStart.Value, Today, new UnusedHoursFilter(ChildId: childId), page: null, ct);
        return report.Rows.FirstOrDefault(r => r.PackageId == packageId);
    }

    /// <summary>
    /// Offers a package's unused hours so far back to the family (they are emailed, with the hours and the provider), or
    /// releases them for other children. <paramref name="seenVersion"/> is the decision's version the person saw (null:
    /// they saw none); anyone else's decision in between is a conflict. On the child's timeline and audited.
    /// </summary>
    public async Task<(UnusedHoursDecision? Made, CommandResult Result)> DecideAsync(
        Guid childId, Guid packageId, UnusedHoursState? state, string? reason, long? seenVersion, CancellationToken ct = default)
    {
        var row = await PackageAsync(childId, packageId, ct);
        if (row is null) return (null, CommandResult.Fail("", "There is no agreed package with a provider to decide about."));
        var decision = await db.UnusedHoursDecisions.FirstOrDefaultAsync(d => d.PackageId == packageId, ct);
        if (decision?.Version != seenVersion) return (null, CommandResult.Conflicted(Conflict));

        var errors = UnusedHoursRules.Check(decision?.State, state, reason, row.Figures.ChildHoursUnused, row.Figures.UnusedMoney);
        if (errors.Count > 0) return (null, CommandResult.Fail(errors));

        if (decision is null)
        {
            var yearStart = await db.Packages.Where(p => p.Id == packageId).Select(p => p.YearStart).FirstAsync(ct);
            decision = new UnusedHoursDecision { PackageId = packageId, ChildId = childId, OrganisationId = row.OrganisationId, YearStart = yearStart };
            db.UnusedHoursDecisions.Add(decision);
        }
        else
        {
            db.ExpectVersion(decision, seenVersion!.Value);
        }

        decision.State = state!.Value;
        decision.Hours = row.Figures.ChildHoursUnused;
        decision.Money = row.Figures.UnusedMoney;
        decision.AsOf = Today;
        decision.Reason = reason!.Trim();
        decision.At = db.UtcNow;
        decision.ByUserId = db.Actor.UserId;
        decision.ByName = db.Actor.Name;

        var what = $"{row.Figures.Unused} unused ({Money.FormatPence(row.Figures.UnusedMoney)}) with {row.OrganisationName}";
        db.AddTimeline(childId, TimelineKinds.Package,
            decision.State == UnusedHoursState.Released ? $"Unused hours released for others: {what}" : $"Unused hours offered back to the family: {what}",
            decision.Reason);

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone else decided first (the version moved on, or a first decision was made at the same moment).
            db.ChangeTracker.Clear();
            return (null, CommandResult.Conflicted(Conflict));
        }

        if (decision.State == UnusedHoursState.OfferedToFamily) await EmailFamilyAsync(row, ct);
        return (decision, CommandResult.Ok);
    }

    private async Task EmailFamilyAsync(UnusedHoursRow row, CancellationToken ct)
    {
        var scheme = schemes.InForceOn(Today);
        var addresses = await db.ChildFamilyMembers.AsNoTracking().Where(m => m.ChildId == row.ChildId)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u.Email).ToListAsync(ct);
        var message = new Email(
            $"Short breaks you can still book: {row.ChildName}",
            $"{row.ChildName} has {row.Figures.Unused} agreed with {row.OrganisationName} that have not been used so far this year.\n\n" +
            $"You can book them again with {row.OrganisationName} before the package ends on {row.EndsOn.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}. " +
            $"Contact them to arrange it.\n\nSee your child's short breaks: {email.Options.PublicBaseUrl.TrimEnd('/')}/account/packages/{row.ChildId}\n\n" +
            $"{scheme.Council.ServiceName}\n{scheme.Council.Name}");
        foreach (var to in addresses.Where(a => !string.IsNullOrEmpty(a)).Distinct(StringComparer.OrdinalIgnoreCase))
            await email.TrySendAsync(db, logger, to!, row.ChildId, message, ct);
    }

    /// <summary>Agreed provider packages (accepted, or ended for what they ran) of the year that the filter selects.</summary>
    private IQueryable<Package> Packages(DateOnly yearStart, UnusedHoursFilter filter)
    {
        var query = db.Packages.AsNoTracking().Where(p => p.YearStart == yearStart && p.Route == PackageRoute.Provider && p.OrganisationId != null &&
                                                          (p.State == PackageState.Accepted || p.State == PackageState.Ended));
        if (filter.OrganisationId is { } org) query = query.Where(p => p.OrganisationId == org);
        if (filter.ChildId is { } childId) query = query.Where(p => p.ChildId == childId);
        if (filter.Child?.Trim() is { Length: > 0 } child)
        {
            var key = string.Join(' ', child.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
            var reference = child.ToUpperInvariant();
            query = query.Where(p => db.Children.Any(c => c.Id == p.ChildId && (c.Reference == reference || c.NameKey.Contains(key))));
        }

        return query;
    }
}
