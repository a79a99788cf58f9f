namespace ShortBreaks.Core.Ras.VirtualBudgets;

/// <summary>
/// Virtual budget runs: asked for by commissioning, finance or managers, run one at a time in the background, and
/// kept with their results. Also the service budget each run is measured against.
/// </summary>
public sealed class VirtualBudgetService(ShortBreaksDbContext db, RasVersionService versions, SchemeCatalog schemes)
{
    public const decimal MaximumServiceBudget = 9_999_999_999.99m;

    public DateOnly Today => db.Today;

    /// <summary>Records a run of a version (a draft or a published one) to be run in the background.</summary>
    public async Task<(VirtualBudgetRun? Run, CommandResult Result)> RequestAsync(string? versionLabel, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(versionLabel)) return (null, CommandResult.Fail("VersionLabel", "Choose the RAS version to try"));
        if (await versions.SchemeAsync(versionLabel, ct) is null) return (null, CommandResult.Fail("VersionLabel", $"There is no RAS version '{versionLabel}'"));

        var run = new VirtualBudgetRun
        {
            VersionLabel = versionLabel,
            RequestedByUserId = db.Actor.UserId,
            RequestedByName = db.Actor.Name,
            RequestedAt = db.UtcNow,
            Status = VirtualBudgetRunStatus.Queued,
        };
        db.VirtualBudgetRuns.Add(run);
        await db.SaveChangesAsync(ct);
        return (run, CommandResult.Ok);
    }

    public Task<List<VirtualBudgetRun>> ListAsync(int take = 50, CancellationToken ct = default) =>
        db.VirtualBudgetRuns.AsNoTracking().OrderByDescending(r => r.RequestedAt).Take(take)
            .Select(r => new VirtualBudgetRun
            {
                Id = r.Id,
                VersionLabel = r.VersionLabel,
                RequestedByName = r.RequestedByName,
                RequestedAt = r.RequestedAt,
                Status = r.Status,
                StartedAt = r.StartedAt,
                FinishedAt = r.FinishedAt,
            })
            .ToListAsync(ct);

    public Task<VirtualBudgetRun?> FindAsync(Guid id, CancellationToken ct = default) =>
        db.VirtualBudgetRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);

    /// <summary>
    /// Runs a node may take, oldest first: waiting, or left part way by a node whose lease has passed (it stopped).
    /// </summary>
    public Task<List<Guid>> ClaimableAsync(CancellationToken ct = default)
    {
        var now = db.UtcNow;
        return Unfinished().Where(r => r.LeaseUntil == null || r.LeaseUntil < now)
            .OrderBy(r => r.RequestedAt).Select(r => r.Id).ToListAsync(ct);
    }

    /// <summary>
    /// Takes a run for a node until <paramref name="lease"/> from now, if no other node holds it. One conditional
    /// update in the database, so of two nodes asking at once exactly one gets it.
    /// </summary>
    public async Task<bool> TryClaimAsync(Guid runId, string node, TimeSpan lease, CancellationToken ct = default)
    {
        var now = db.UtcNow;
        var until = now + lease;
        return await Unfinished().Where(r => r.Id == runId && (r.LeaseUntil == null || r.LeaseUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ClaimedBy, node).SetProperty(r => r.LeaseUntil, until).SetProperty(r => r.Attempts, r => r.Attempts + 1), ct) == 1;
    }

    /// <summary>Keeps a claimed run for another lease; false when the node no longer holds it.</summary>
    public async Task<bool> RenewAsync(Guid runId, string node, TimeSpan lease, CancellationToken ct = default)
    {
        var until = db.UtcNow + lease;
        return await Unfinished().Where(r => r.Id == runId && r.ClaimedBy == node)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.LeaseUntil, until), ct) == 1;
    }

    /// <summary>Lets a run go (a node stopping part way), so the next node to look takes it up at once.</summary>
    public Task<int> ReleaseAsync(Guid runId, string node, CancellationToken ct = default) =>
        Unfinished().Where(r => r.Id == runId && r.ClaimedBy == node)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ClaimedBy, (string?)null).SetProperty(r => r.LeaseUntil, (DateTime?)null), ct);

    private IQueryable<VirtualBudgetRun> Unfinished() =>
        db.VirtualBudgetRuns.Where(r => r.Status == VirtualBudgetRunStatus.Queued || r.Status == VirtualBudgetRunStatus.Running);

    /// <summary>
    /// Runs a run the node has claimed (<see cref="TryClaimAsync"/>) and keeps its results, or the reason it failed.
    /// The start and the end are versioned saves, so a node that lost its lease part way cannot overwrite the
    /// node that took the run over. Returns false when there was nothing for this node to run.
    /// </summary>
    public async Task<bool> ExecuteAsync(Guid runId, string node, CancellationToken ct = default)
    {
        var run = await db.VirtualBudgetRuns.FirstOrDefaultAsync(r => r.Id == runId, ct);
        if (run is null || run.Status is VirtualBudgetRunStatus.Completed or VirtualBudgetRunStatus.Failed || run.ClaimedBy != node) return false;

        run.Status = VirtualBudgetRunStatus.Running;
        run.StartedAt = db.UtcNow;
        if (!(await db.SaveOrConflictAsync(CommandResult.Conflicted("Another worker claimed this run."), ct)).Succeeded) return false;

        try
        {
            var scheme = await versions.SchemeAsync(run.VersionLabel, ct)
                         ?? throw new VirtualBudgetException($"RAS version '{run.VersionLabel}' no longer exists (a draft may have been deleted).");
            var today = Today;
            var result = await VirtualBudgetSimulation.RunAsync(db, scheme, today, schemes.InForceOn(today).Reviews.ReductionNoticeMonths, ct);
            run.Status = VirtualBudgetRunStatus.Completed;
            run.SummaryJson = JsonSerializer.Serialize(result.Summary, VirtualBudgetSimulation.JsonOptions);
            run.FallsJson = JsonSerializer.Serialize(result.Falls, VirtualBudgetSimulation.JsonOptions);
        }
        catch (Exception ex) when (ex is VirtualBudgetException or RasSchemeValidationException or JsonException or InvalidOperationException or DbUpdateException)
        {
            run.Status = VirtualBudgetRunStatus.Failed;
            run.Error = ex.Message.Length > 4000 ? ex.Message[..4000] : ex.Message;
        }

        run.FinishedAt = db.UtcNow;
        run.LeaseUntil = null;
        return (await db.SaveOrConflictAsync(CommandResult.Conflicted("Another node took this run over."), ct)).Succeeded;
    }

    public static VirtualBudgetSummary? SummaryOf(VirtualBudgetRun run) =>
        run.SummaryJson is null ? null : JsonSerializer.Deserialize<VirtualBudgetSummary>(run.SummaryJson, VirtualBudgetSimulation.JsonOptions);

    public static IReadOnlyList<VirtualBudgetFall> FallsOf(VirtualBudgetRun run) =>
        run.FallsJson is null ? [] : JsonSerializer.Deserialize<List<VirtualBudgetFall>>(run.FallsJson, VirtualBudgetSimulation.JsonOptions) ?? [];

    public Task<List<ServiceBudget>> ServiceBudgetsAsync(CancellationToken ct = default) =>
        db.ServiceBudgets.AsNoTracking().OrderByDescending(b => b.FinancialYear).ToListAsync(ct);

    public Task<ServiceBudget?> ServiceBudgetAsync(int financialYear, CancellationToken ct = default) =>
        db.ServiceBudgets.AsNoTracking().FirstOrDefaultAsync(b => b.FinancialYear == financialYear, ct);

    /// <summary>
    /// Sets the service budget for a financial year. <paramref name="versionSeen"/> is the version of the budget
    /// the person saw (null when there was none), so two people setting it at once never overwrite each other unseen.
    /// </summary>
    public async Task<CommandResult> SetServiceBudgetAsync(int? financialYear, decimal? amount, long? versionSeen, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        var thisYear = FinancialYears.Of(Today);
        if (financialYear is null) errors.Add(new("FinancialYear", "Enter the year the financial year starts, like " + thisYear));
        else if (financialYear < thisYear - 5 || financialYear > thisYear + 5)
            errors.Add(new("FinancialYear", $"The financial year must start between {thisYear - 5} and {thisYear + 5}"));
        if (amount is null) errors.Add(new("Amount", "Enter the service budget for the year, in pounds"));
        else if (amount <= 0) errors.Add(new("Amount", "The service budget must be more than £0"));
        else if (amount > MaximumServiceBudget) errors.Add(new("Amount", "The service budget must be less than £10,000,000,000"));
        else if (decimal.Round(amount.Value, 2) != amount) errors.Add(new("Amount", "The service budget must be in pounds and pence, like 4500000 or 4500000.50"));
        if (errors.Count > 0) return CommandResult.Fail(errors);

        var budget = await db.ServiceBudgets.FirstOrDefaultAsync(b => b.FinancialYear == financialYear, ct);
        if (budget is null)
        {
            if (versionSeen is not null) return Changed();
            budget = new ServiceBudget { FinancialYear = financialYear!.Value };
            db.ServiceBudgets.Add(budget);
        }
        else
        {
            if (versionSeen is null) return Changed();
            db.ExpectVersion(budget, versionSeen.Value);
        }

        budget.Amount = amount!.Value;
        budget.SetByUserId = db.Actor.UserId;
        budget.SetByName = db.Actor.Name;
        budget.SetAt = db.UtcNow;
        return await db.SaveOrConflictAsync(Changed(), _ => Task.FromResult(SetAtTheSameMoment(budget)), ct);
    }

    /// <summary>A first budget for the year refused by the unique year: someone else set one at the same moment.</summary>
    private CommandResult? SetAtTheSameMoment(ServiceBudget budget)
    {
        if (db.Entry(budget).State != EntityState.Added) return null;
        db.Entry(budget).State = EntityState.Detached;
        return Changed();
    }

    private static CommandResult Changed() => CommandResult.Conflicted(
        "Someone else set the service budget for this year while you were working on it. Check it as it is now and try again.");
}

/// <summary>A run that cannot go ahead, with the reason in words staff can act on.</summary>
public sealed class VirtualBudgetException(string message) : Exception(message);
