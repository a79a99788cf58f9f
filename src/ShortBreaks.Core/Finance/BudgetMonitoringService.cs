using System.Data.Common;
using Microsoft.EntityFrameworkCore.Storage;
using ShortBreaks.Core.DirectPayments;
using ShortBreaks.Core.Ras.VirtualBudgets;
using ShortBreaks.Core.Retention;
using ShortBreaks.Core.Schemes;

namespace ShortBreaks.Core.Finance;

/// <summary>
/// Budget monitoring for a financial year (1 April to 31 March), by budget head and month, for finance officers and
/// managers. What each figure counts:
/// <list type="bullet">
/// <item><b>Paid</b>: every payment run item paid (direct payment instalments, one-off payments and provider invoices),
/// in the month of its run's payment day, on the budget head the run accounted it to. A payment reduced by a recoupment
/// counts at its amount before the reduction, so that the recoupment shows on its own line.</item>
/// <item><b>Recovered</b>: what recoupment took off payments that have been paid, on the scheme's recoupment head, in
/// the month of the reduced payment. (What is to be recovered by an invoice to the family is not counted: the service
/// holds no record of that invoice being paid.)</item>
/// <item><b>Committed</b>: what is still to be paid for the year under every direct payment schedule and package in
/// force: every scheduled instalment not yet paid, due in the year, in its month; every provider invoice made and not yet
/// paid (not rejected), in the month it is for; and for each accepted package line with a provider, its cost spread evenly
/// over the package's days, for its days in the year from the month after the last month invoiced for it.</item>
/// </list>
/// The sums run in the database, grouped by head and month, in one read snapshot so that a payment run paying meanwhile is
/// neither counted twice nor lost; amounts are summed in whole pence (every payment, instalment and invoice is in whole
/// pence), so the sums are exact on SQLite as on PostgreSQL. <see cref="BudgetMonitoringRules"/> adds them up.
/// </summary>
public sealed class BudgetMonitoringService(ShortBreaksDbContext db, SchemeCatalog schemes)
{
    public DateOnly Today => UkCalendar.DateOf(db.UtcNow);

    /// <summary>The direct payment settings (budget heads, spending heads) for the financial year: those in force on today, or on the year's nearest day.</summary>
    public DirectPaymentSettings SettingsFor(int financialYear)
    {
        var start = FinancialYears.Start(financialYear);
        var end = FinancialYears.Start(financialYear + 1).AddDays(-1);
        var today = Today;
        return schemes.InForceOn(today < start ? start : today > end ? end : today).DirectPaymentRules;
    }

    /// <summary>Whether the report can be made for <paramref name="financialYear"/>: from ten years ago to next year.</summary>
    public bool IsYearShown(int financialYear)
    {
        var (earliest, latest) = BudgetMonitoringRules.YearsAround(Today);
        return financialYear >= earliest && financialYear <= latest;
    }

    public async Task<BudgetMonitoringReport> ReportAsync(int financialYear, CancellationToken ct = default)
    {
        var today = Today;
        var start = FinancialYears.Start(financialYear);
        var end = FinancialYears.Start(financialYear + 1).AddDays(-1);
        var settings = SettingsFor(financialYear);
        var postgres = db.Database.IsNpgsql();

        decimal? serviceBudget;
        Dictionary<string, decimal> headBudgets;
        List<BudgetAmount> paid, recovered, committed;
        await using (db.Database.CurrentTransaction is null ? await ReadSnapshotAsync(postgres, ct) : null)
        {
            if (postgres) await db.Database.ExecuteSqlRawAsync("SET LOCAL jit = off", ct);
            var sql = new BudgetMonitoringSql(postgres, start, end);
            serviceBudget = await db.ServiceBudgets.AsNoTracking().Where(b => b.FinancialYear == financialYear).Select(b => (decimal?)b.Amount).FirstOrDefaultAsync(ct);
            headBudgets = await db.HeadBudgets.AsNoTracking().Where(b => b.FinancialYear == financialYear).ToDictionaryAsync(b => b.HeadCode, b => b.Amount, StringComparer.Ordinal, ct);

            var runs = await db.PaymentRuns.AsNoTracking().Where(r => r.PayOn >= start && r.PayOn <= end).ToDictionaryAsync(r => r.Id, r => r.PayOn, ct);
            paid = await ReadAsync(sql.Paid(), r => new BudgetAmount(r.GetString(1), runs[r.GetGuid(0)], Pounds(r, 2)), ct);
            var reductions = await ReadAsync(sql.Recovered(), r => new BudgetAmount(r.GetString(0), Month(r.GetString(1)), Pounds(r, 2)), ct);
            // A reduced payment counts at its amount before the reduction, and the reduction as recovered on its own head.
            paid.AddRange(reductions);
            var recoupmentHead = settings.HeadFor(SpendingKind.Recoupment).Code;
            recovered = reductions.Select(r => r with { Head = recoupmentHead }).ToList();

            var directPaymentHead = settings.HeadFor(SpendingKind.DirectPayment).Code;
            var oneOffHead = settings.HeadFor(SpendingKind.OneOffPayment).Code;
            var commissionedHead = settings.HeadFor(SpendingKind.CommissionedServiceInvoice).Code;
            committed = await ReadAsync(sql.ScheduledInstalments(), r => new BudgetAmount(
                r.GetString(0) == nameof(ScheduledPaymentKind.OneOff) ? oneOffHead : directPaymentHead, r.GetFieldValue<DateOnly>(1), Pounds(r, 2)), ct);
            committed.AddRange(await ReadAsync(sql.UnpaidInvoices(), r => new BudgetAmount(commissionedHead, Month(r.GetString(0)), Pounds(r, 1)), ct));
            var lines = await ReadAsync(sql.PackageLines(), r => (
                StartsOn: r.GetFieldValue<DateOnly>(0), EndsOn: r.GetFieldValue<DateOnly>(1),
                Cost: r.GetDecimal(2) * r.GetDecimal(3), LastInvoiced: r.IsDBNull(4) ? (DateOnly?)null : r.GetFieldValue<DateOnly>(4)), ct);
            foreach (var line in lines)
            {
                var from = line.LastInvoiced is { } month ? BudgetMonitoringRules.MonthOf(month).AddMonths(1) : start;
                if (from < start) from = start;
                foreach (var (m, amount) in BudgetMonitoringRules.Spread(line.Cost, line.StartsOn, line.EndsOn, from, end))
                {
                    committed.Add(new BudgetAmount(commissionedHead, m, amount));
                }
            }
        }

        return BudgetMonitoringRules.Build(financialYear, today, serviceBudget, settings.BudgetHeads, paid, recovered, committed, headBudgets);
    }

    /// <summary>The budgets set for the heads in <paramref name="financialYear"/>, by head code.</summary>
    public Task<Dictionary<string, HeadBudget>> HeadBudgetsAsync(int financialYear, CancellationToken ct = default) =>
        db.HeadBudgets.AsNoTracking().Where(b => b.FinancialYear == financialYear).ToDictionaryAsync(b => b.HeadCode, StringComparer.Ordinal, ct);

    /// <summary>
    /// Sets the budgets of the heads for a financial year, all or none: each head's amount as typed (empty takes its
    /// budget away), with the version of its budget the person saw (null when it had none), so two people setting them at
    /// once never overwrite each other unseen. Heads are the year's configured heads and any head that already has a
    /// budget that year. Each change is audited.
    /// </summary>
    public async Task<CommandResult> SetHeadBudgetsAsync(int financialYear, IReadOnlyList<HeadBudgetInput> inputs, CancellationToken ct = default)
    {
        if (!IsYearShown(financialYear))
        {
            var (earliest, latest) = BudgetMonitoringRules.YearsAround(Today);
            return CommandResult.Fail([new("year", $"Choose a financial year from {FinancialYears.Name(earliest)} to {FinancialYears.Name(latest)}")]);
        }

        var existing = await db.HeadBudgets.Where(b => b.FinancialYear == financialYear).ToDictionaryAsync(b => b.HeadCode, StringComparer.Ordinal, ct);
        var heads = SettingsFor(financialYear).BudgetHeads.Select(h => h.Code).Concat(existing.Keys).ToHashSet(StringComparer.Ordinal);
        var errors = new List<FieldError>();
        var amounts = new Dictionary<string, decimal?>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            var field = HeadBudgetInput.FieldOf(input.Code);
            if (amounts.ContainsKey(input.Code) || errors.Any(e => e.Field == field))
            {
                errors.Add(new(field, $"The budget for {input.Code} is given more than once"));
            }
            else if (!heads.Contains(input.Code))
            {
                errors.Add(new(field, $"{input.Code} is not a budget head in {FinancialYears.Name(financialYear)}"));
            }
            else if (string.IsNullOrWhiteSpace(input.Amount))
            {
                amounts[input.Code] = null;
            }
            else if (!Money.TryParse(input.Amount, out var amount))
            {
                errors.Add(new(field, $"Enter the budget for {input.Code} in pounds, like 250000 or 250000.50, or leave it empty"));
            }
            else if (amount < 0)
            {
                errors.Add(new(field, $"The budget for {input.Code} must be £0 or more"));
            }
            else if (amount > VirtualBudgetService.MaximumServiceBudget)
            {
                errors.Add(new(field, $"The budget for {input.Code} must be less than £10,000,000,000"));
            }
            else if (!Money.IsWholePence(amount))
            {
                errors.Add(new(field, $"The budget for {input.Code} must be in pounds and pence, with no fraction of a penny"));
            }
            else
            {
                amounts[input.Code] = amount;
            }
        }

        if (errors.Count > 0) return CommandResult.Fail(errors);

        foreach (var input in inputs)
        {
            var amount = amounts[input.Code];
            if (existing.TryGetValue(input.Code, out var budget))
            {
                if (input.VersionSeen is null) return Changed();
                db.ExpectVersion(budget, input.VersionSeen.Value);
                if (amount is null)
                {
                    db.HeadBudgets.Remove(budget);
                    continue;
                }

                if (budget.Amount == amount) continue;
            }
            else
            {
                if (input.VersionSeen is not null) return Changed();
                if (amount is null) continue;
                budget = new HeadBudget { FinancialYear = financialYear, HeadCode = input.Code };
                db.HeadBudgets.Add(budget);
            }

            budget.Amount = amount.Value;
            budget.SetByUserId = db.Actor.UserId;
            budget.SetByName = db.Actor.Name;
            budget.SetAt = db.UtcNow;
        }

        return await db.SaveOrConflictAsync(Changed(), _ => Task.FromResult<CommandResult?>(Changed()), ct);

        static CommandResult Changed() => CommandResult.Conflicted(
            "Someone else changed the budgets of the heads for this year while you were working on them. Check them as they are now and try again.");
    }

    /// <summary>
    /// What a RAS version's virtual budget would do to this year's and next year's forecast outturn. The version changes
    /// each family's yearly budget: a rise from the version's first day (or the run's day, if later), a fall only once the
    /// notice the scheme gives has run (<see cref="VirtualBudgetFall.TakesEffectFrom"/>). This year's change is each
    /// change's share for its days left in the year; next year's is the whole year's change. Next year's forecast before
    /// the change is what is committed for it so far.
    /// </summary>
    public async Task<VirtualBudgetOutturn> VirtualBudgetEffectAsync(VirtualBudgetSummary summary, IReadOnlyList<VirtualBudgetFall> falls, DateOnly versionEffectiveFrom, CancellationToken ct = default)
    {
        var thisYear = FinancialYears.Of(summary.RunOn);
        var fallChange = falls.Sum(f => f.New - f.Current);
        var riseChange = summary.Change - fallChange;
        var risesFrom = versionEffectiveFrom > summary.RunOn ? versionEffectiveFrom : summary.RunOn;
        var fallsFrom = falls.Count > 0 ? falls[0].TakesEffectFrom : risesFrom;

        async Task<VirtualBudgetYear> YearAsync(int year)
        {
            var report = await ReportAsync(year, ct);
            var change = BudgetMonitoringRules.Penny(ShareOfYear(riseChange, risesFrom, year) + ShareOfYear(fallChange, fallsFrom, year));
            return new VirtualBudgetYear(year, report.Total.Outturn, change, report.ServiceBudget);
        }

        return new VirtualBudgetOutturn(await YearAsync(thisYear), await YearAsync(thisYear + 1));
    }

    /// <summary>A yearly amount's share for the financial year's days from <paramref name="from"/> (all of it when it starts before the year).</summary>
    public static decimal ShareOfYear(decimal yearly, DateOnly from, int financialYear)
    {
        var start = FinancialYears.Start(financialYear);
        var end = FinancialYears.Start(financialYear + 1).AddDays(-1);
        if (from > end) return 0m;
        if (from <= start) return yearly;
        var days = end.DayNumber - start.DayNumber + 1m;
        return yearly * (end.DayNumber - from.DayNumber + 1) / days;
    }

    private static DateOnly Month(string yearMonth) =>
        DateOnly.ParseExact(yearMonth + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);

    // SQLite sums whole numbers as an integer, PostgreSQL as numeric.
    private static decimal Pounds(DbDataReader reader, int column) =>
        reader.IsDBNull(column) ? 0m : Convert.ToDecimal(reader.GetValue(column), CultureInfo.InvariantCulture) / 100m;

    private async Task<List<T>> ReadAsync<T>(FormattableString sql, Func<DbDataReader, T> row, CancellationToken ct)
    {
        var rows = new List<T>();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            BudgetMonitoringSql.Prepare(command, sql);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) rows.Add(row(reader));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return rows;
    }

    /// <summary>
    /// A transaction that only reads, ended (rolled back: it wrote nothing) when disposed: repeatable read on PostgreSQL;
    /// on SQLite a deferred one, a read snapshot that takes no write lock, so payment runs keep saving meanwhile.
    /// </summary>
    private async Task<IAsyncDisposable> ReadSnapshotAsync(bool postgres, CancellationToken ct)
    {
        if (postgres) return await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        await db.Database.OpenConnectionAsync(ct);
        var transaction = ((Microsoft.Data.Sqlite.SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: true);
        await db.Database.UseTransactionAsync(transaction, ct);
        return new SqliteSnapshot(db, transaction);
    }

    private sealed class SqliteSnapshot(ShortBreaksDbContext db, DbTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await db.Database.UseTransactionAsync(null);
            await transaction.DisposeAsync();
            await db.Database.CloseConnectionAsync();
        }
    }
}

/// <summary>One financial year's forecast outturn, a RAS version's change to it, and the service budget.</summary>
public sealed record VirtualBudgetYear(int FinancialYear, decimal Outturn, decimal Change, decimal? ServiceBudget)
{
    public decimal WithVersion => Outturn + Change;

    /// <summary>The service budget less the outturn with the version: negative is over budget.</summary>
    public decimal? Variance => ServiceBudget - WithVersion;
}

/// <summary>A RAS version's effect on this year's and next year's forecast outturn.</summary>
public sealed record VirtualBudgetOutturn(VirtualBudgetYear ThisYear, VirtualBudgetYear NextYear);

/// <summary>
/// Budget monitoring's SQL: each read grouped by head and month in the database, amounts summed as whole pence. Months
/// are "yyyy-MM" text on both databases.
/// </summary>
internal sealed class BudgetMonitoringSql(bool postgres, DateOnly start, DateOnly end)
{
    /// <summary>
    /// Paid payment run items by run and head, for the runs paying in the year: read from the index that holds them
    /// (<see cref="BudgetMonitoringColumns"/>) a run at a time, in its order, so nothing is sorted.
    /// </summary>
    public FormattableString Paid() => Sql($"""
        SELECT i."PaymentRunId", i."BudgetHead", SUM(i."{BudgetMonitoringColumns.AmountPence}")
        FROM "PaymentRunItems" i
        WHERE i."PaymentRunId" IN (SELECT r."Id" FROM "PaymentRuns" r WHERE r."PayOn" >= @start AND r."PayOn" <= @end) AND i."PaidAt" IS NOT NULL
        GROUP BY i."PaymentRunId", i."BudgetHead"
        """);

    /// <summary>What recoupment took off payments since paid, by the head and month they were paid in.</summary>
    public FormattableString Recovered() => Sql($"""
        SELECT i."BudgetHead", {MonthOf("r.\"PayOn\"")}, SUM({Pence("d.\"AmountBefore\"")} - {Pence("d.\"AmountAfter\"")})
        FROM "RecoupmentDeductions" d
        JOIN "PaymentRunItems" i ON i."SourceId" = d."InstalmentId"
        JOIN "PaymentRuns" r ON r."Id" = i."PaymentRunId"
        WHERE r."PayOn" >= @start AND r."PayOn" <= @end AND i."PaidAt" IS NOT NULL
        GROUP BY i."BudgetHead", {MonthOf("r.\"PayOn\"")}
        """);

    /// <summary>
    /// Instalments still to be paid (scheduled, or in a run not yet paid) due in the year, by kind and due day, from the
    /// index that holds them.
    /// </summary>
    public FormattableString ScheduledInstalments() => Sql($"""
        SELECT i."Kind", i."DueOn", SUM(i."{BudgetMonitoringColumns.AmountPence}")
        FROM "DirectPaymentInstalments" i
        WHERE i."State" IN ('Scheduled', 'InRun') AND i."DueOn" >= @start AND i."DueOn" <= @end
        GROUP BY i."State", i."DueOn", i."Kind"
        """);

    /// <summary>Provider invoices made for a month of the year and not yet paid or rejected, by month.</summary>
    public FormattableString UnpaidInvoices() => Sql($"""
        SELECT {MonthOf("v.\"Month\"")}, SUM({Pence("v.\"Total\"")})
        FROM "ProviderInvoices" v
        WHERE v."State" IN ('Submitted', 'Approved', 'InRun') AND v."Month" >= @start AND v."Month" <= @end
        GROUP BY {MonthOf("v.\"Month\"")}
        """);

    /// <summary>
    /// Each line of an accepted package with a provider that runs into the year: the package's days, the line's units and
    /// price, and the last month invoiced for it (an invoice not rejected).
    /// </summary>
    public FormattableString PackageLines() => Sql($"""
        SELECT p."StartsOn", p."EndsOn", l."TotalUnits", l."UnitPrice",
          (SELECT MAX(v."Month") FROM "ProviderInvoiceLines" il JOIN "ProviderInvoices" v ON v."Id" = il."InvoiceId"
           WHERE il."PackageLineId" = l."Id" AND v."State" <> 'Rejected')
        FROM "Packages" p JOIN "PackageLines" l ON l."PackageId" = p."Id"
        WHERE p."State" = 'Accepted' AND p."Route" = 'Provider' AND p."EndsOn" >= @start AND p."StartsOn" <= @end
        """);

    /// <summary>Makes <paramref name="command"/> run <paramref name="sql"/>, the year's first and last days as parameters.</summary>
    public static void Prepare(DbCommand command, FormattableString sql)
    {
        command.CommandText = sql.Format;
        for (var i = 0; i < sql.ArgumentCount; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = i == 0 ? "@start" : "@end";
            parameter.Value = sql.GetArgument(i);
            command.Parameters.Add(parameter);
        }
    }

    private FormattableString Sql(string text) => System.Runtime.CompilerServices.FormattableStringFactory.Create(text, start, end);

    private string MonthOf(string column) => postgres ? $"to_char({column}, 'YYYY-MM')" : $"substr({column}, 1, 7)";

    // SQLite keeps decimals as text: a whole-pence amount times 100, rounded, is its exact number of pence.
    private string Pence(string column) => postgres ? $"CAST(ROUND({column} * 100) AS BIGINT)" : $"CAST(ROUND({column} * 100) AS INTEGER)";
}
