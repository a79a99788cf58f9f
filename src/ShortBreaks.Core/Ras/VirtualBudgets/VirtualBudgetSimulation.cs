namespace ShortBreaks.Core.Ras.VirtualBudgets;

/// <summary>What a RAS version would do to the current caseload, counted and totalled.</summary>
public sealed record VirtualBudgetSummary
{
    public required string Version { get; init; }

    /// <summary>The day the run was made: the falling budgets' notice counts from it.</summary>
    public required DateOnly RunOn { get; init; }

    /// <summary>Children on Flexible or Targeted Short Breaks with a completed RAS assessment.</summary>
    public required int Cases { get; init; }

    /// <summary>Cases the version gives an amount of money to (it may be £0 for universal services).</summary>
    public required int Up { get; init; }
    public required int Down { get; init; }
    public required int Same { get; init; }

    /// <summary>Cases the version sends to universal services: their budget would fall to £0 (counted in <see cref="Down"/> or <see cref="Same"/>).</summary>
    public required int RoutedToUniversal { get; init; }

    /// <summary>Cases the version sends for a social work assessment: no amount is set, so they keep today's amount in the totals.</summary>
    public required int RoutedToSocialWork { get; init; }

    /// <summary>Cases whose stored answers cannot be scored under the version; they keep today's amount in the totals.</summary>
    public required int NotScorable { get; init; }

    public required IReadOnlyList<VirtualBudgetProblem> NotScorableReasons { get; init; }

    /// <summary>Today's budgets (the override where there is one, else the indicative amount), for every case.</summary>
    public required decimal CurrentTotal { get; init; }

    /// <summary>
    /// The budgets under the version: the amount it sets (£0 for universal services), and today's amount for
    /// cases sent for a social work assessment or that cannot be scored.
    /// </summary>
    public required decimal NewTotal { get; init; }

    /// <summary>Today's amount of the cases counted at it in <see cref="NewTotal"/> (social work assessment or not scorable).</summary>
    public required decimal CarriedAtCurrentTotal { get; init; }

    public decimal Change => NewTotal - CurrentTotal;

    public required IReadOnlyList<VirtualBudgetGroup> ByPhase { get; init; }
    public required IReadOnlyList<VirtualBudgetGroup> ByTier { get; init; }

    /// <summary>Months of notice before a lower budget takes effect, from the scheme in force.</summary>
    public required int NoticeMonths { get; init; }

    /// <summary>The financial year the version would be spent in (from its effective date, or the run's day if later).</summary>
    public required int FinancialYear { get; init; }

    /// <summary>The service budget for that financial year, when finance has set one.</summary>
    public decimal? ServiceBudget { get; init; }

    /// <summary>What would be left of the service budget under the version (negative: over budget).</summary>
    public decimal? Headroom => ServiceBudget - NewTotal;

    public required TimeSpan Elapsed { get; init; }
}

/// <summary>One reason cases cannot be scored, with how many it stops and an example reference.</summary>
public sealed record VirtualBudgetProblem(string Reason, int Cases, string Example);

/// <summary>A slice of the caseload (an age phase or a tier) with its counts and totals.</summary>
public sealed record VirtualBudgetGroup(string Id, string Name, int Cases, int Up, int Down, int Same, int Routed, int NotScorable, decimal CurrentTotal, decimal NewTotal)
{
    public decimal Change => NewTotal - CurrentTotal;
}

/// <summary>A family whose budget would fall under the version, and the first day the lower budget could apply.</summary>
public sealed record VirtualBudgetFall(
    Guid ChildId,
    string Reference,
    string ChildName,
    string? KeyWorker,
    Tier Tier,
    string PhaseId,
    decimal Current,
    decimal New,
    RasRouting Routing,
    DateOnly TakesEffectFrom)
{
    public decimal Change => New - Current;
}

public enum VirtualBudgetOutcome
{
    Up,
    Down,
    Same,

    /// <summary>Sent for a social work assessment: the version sets no amount.</summary>
    SocialWorkAssessment,

    /// <summary>The stored answers cannot be scored under the version (see <see cref="VirtualBudgetCase.Problem"/>).</summary>
    NotScorable,
}

/// <summary>One family in a run: today's budget and what the version would make it (null when it sets none).</summary>
public sealed record VirtualBudgetCase(
    Guid ChildId,
    string Reference,
    string ChildName,
    string? KeyWorkerId,
    Tier Tier,
    string? PhaseId,
    decimal Current,
    decimal? New,
    VirtualBudgetOutcome Outcome,
    RasRouting Routing,
    string? Problem);

public sealed record VirtualBudgetResult(VirtualBudgetSummary Summary, IReadOnlyList<VirtualBudgetFall> Falls);

/// <summary>
/// Runs a RAS version over the whole current caseload without changing anything: every child on Flexible or
/// Targeted Short Breaks with a completed assessment (the latest per child) is scored again from the stored
/// answers, and compared with today's budget. The assessments are streamed from the database untracked, row by
/// row, so memory stays flat however large the caseload.
/// </summary>
public static class VirtualBudgetSimulation
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private sealed record CaseRow(
        Guid ChildId, string Reference, string FirstName, string LastName, string? KeyWorkerId, Tier Tier,
        int? AgeYears, string? PhaseId, string LevelsJson, string SupportJson, decimal? Indicative, decimal? Override, string? FundedSupportJson);

    private sealed class Tally(string id, string name)
    {
        public int Cases, Up, Down, Same, Routed, NotScorable;
        public decimal Current, New;

        public VirtualBudgetGroup ToGroup() => new(id, name, Cases, Up, Down, Same, Routed, NotScorable, Current, New);
    }

    /// <summary>
    /// The yearly cost of each child's plan in force on <paramref name="today"/> (<see cref="Plans.PlanInForce"/>: a lower
    /// version under reconsideration is not in force until the panel decides), for children whose plan has not ended.
    /// </summary>
    private static async Task<Dictionary<Guid, decimal>> PlanCostsInForceAsync(ShortBreaksDbContext db, DateOnly today, CancellationToken ct)
    {
        var versions = await db.PlanVersions.AsNoTracking()
            .Where(Plans.PlanInForce.TakenEffectBy(today))
            .Join(db.SupportPlans.AsNoTracking().Where(p => p.EndedAt == null), v => v.PlanId, p => p.Id, (v, p) => v)
            .Select(v => new Plans.PlanVersion { Id = v.Id, PlanId = v.PlanId, ChildId = v.ChildId, Number = v.Number, Status = v.Status, EffectiveFrom = v.EffectiveFrom, AnnualCost = v.AnnualCost })
            .ToListAsync(ct);
        return versions.GroupBy(v => v.ChildId)
            .ToDictionary(g => g.Key, g => Plans.PlanInForce.Of(g, today)!.AnnualCost);
    }

    /// <param name="noticeMonths">Months of notice before a lower budget takes effect (the scheme's <c>reviews.reductionNoticeMonths</c>).</param>
    /// <param name="eachCase">Told of every case as it is scored, for a per-family list (the command line's CSV).</param>
    public static async Task<VirtualBudgetResult> RunAsync(ShortBreaksDbContext db, RasScheme version, DateOnly today, int noticeMonths,
        CancellationToken ct = default, Action<VirtualBudgetCase>? eachCase = null)
    {
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var compiled = CompiledRasScheme.For(version);
        var reader = new StoredAnswerReader(compiled);
        var takesEffectFrom = Plans.NoticeDates.LowerBudgetFrom(today, noticeMonths, notBefore: version.EffectiveFrom);
        var financialYear = FinancialYears.Of(version.EffectiveFrom > today ? version.EffectiveFrom : today);

        var phases = version.Phases.ToDictionary(p => p.Id, p => new Tally(p.Id, p.Name), StringComparer.Ordinal);
        var tiers = new Dictionary<Tier, Tally>
        {
            [Tier.FlexibleShortBreaks] = new(nameof(Tier.FlexibleShortBreaks), Tiers.Name(Tier.FlexibleShortBreaks)),
            [Tier.TargetedShortBreaks] = new(nameof(Tier.TargetedShortBreaks), Tiers.Name(Tier.TargetedShortBreaks)),
        };
        var problems = new Dictionary<string, (int Cases, string Example)>(StringComparer.Ordinal);
        var falls = new List<(CaseRow Row, decimal Current, decimal New, RasRouting Routing, string PhaseId)>();
        int cases = 0, up = 0, down = 0, same = 0, universal = 0, socialWork = 0, notScorable = 0;
        decimal currentTotal = 0, newTotal = 0, carried = 0;

        var plansInForce = await PlanCostsInForceAsync(db, today, ct);

        var query =
            from a in db.RasAssessments.AsNoTracking()
            join c in db.Children.AsNoTracking() on a.ChildId equals c.Id
            where a.Status == RasAssessmentStatus.Completed
                  && (c.Tier == Tier.FlexibleShortBreaks || c.Tier == Tier.TargetedShortBreaks)
                  && c.MergedIntoChildId == null
            orderby a.ChildId, a.CompletedAt descending, a.CreatedAt descending
            select new CaseRow(a.ChildId, c.Reference, c.FirstName, c.LastName, c.KeyWorkerId, c.Tier,
                a.AgeYears, a.PhaseId, a.LevelsJson, a.SupportJson, a.IndicativeAmount, a.OverrideAmount, a.FundedSupportJson);

        // One long read of the whole caseload: a busy database (say, vacuuming after a large load) may take longer
        // than the default 30 seconds to start sending it, and a run should wait rather than fail.
        var timeout = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        var previousChild = Guid.Empty;
        try
        {
            await foreach (var row in query.AsAsyncEnumerable().WithCancellation(ct))
            {
                // Ordered by child, latest first: the first row of each child is the assessment that counts.
                if (row.ChildId == previousChild) continue;
                previousChild = row.ChildId;

                cases++;
                var current = plansInForce.TryGetValue(row.ChildId, out var planCost) ? planCost : row.Override ?? row.Indicative ?? 0m;
                currentTotal += current;
                var tier = tiers[row.Tier];
                tier.Cases++;
                tier.Current += current;

                var sheet = reader.Read(row.AgeYears, row.PhaseId, row.LevelsJson, row.SupportJson, out var problem, row.FundedSupportJson);
                if (sheet is null)
                {
                    notScorable++;
                    problems[problem!] = problems.TryGetValue(problem!, out var seen) ? (seen.Cases + 1, seen.Example) : (1, row.Reference);
                    var stored = PhaseTally(phases, row.PhaseId);
                    Count(current, current, tier, stored, t => t.NotScorable++);
                    newTotal += current;
                    carried += current;
                    eachCase?.Invoke(CaseOf(row, row.PhaseId, current, null, VirtualBudgetOutcome.NotScorable, RasRouting.None, problem));
                    continue;
                }

                var result = RasEngine.Score(compiled, sheet);
                var phase = phases[result.PhaseId];
                if (result.Routing == RasRouting.SocialWorkAssessment)
                {
                    socialWork++;
                    Count(current, current, tier, phase, t => t.Routed++);
                    newTotal += current;
                    carried += current;
                    eachCase?.Invoke(CaseOf(row, result.PhaseId, current, null, VirtualBudgetOutcome.SocialWorkAssessment, result.Routing, null));
                    continue;
                }

                var amount = result.Routing == RasRouting.Universal ? 0m : result.Amount;
                if (result.Routing == RasRouting.Universal)
                {
                    universal++;
                    tier.Routed++;
                    phase.Routed++;
                }

                newTotal += amount;
                if (amount > current)
                {
                    up++;
                    Count(current, amount, tier, phase, t => t.Up++);
                }
                else if (amount < current)
                {
                    down++;
                    Count(current, amount, tier, phase, t => t.Down++);
                    falls.Add((row, current, amount, result.Routing, result.PhaseId));
                }
                else
                {
                    same++;
                    Count(current, amount, tier, phase, t => t.Same++);
                }

                if (eachCase is not null)
                {
                    var outcome = amount > current ? VirtualBudgetOutcome.Up : amount < current ? VirtualBudgetOutcome.Down : VirtualBudgetOutcome.Same;
                    eachCase(CaseOf(row, result.PhaseId, current, amount, outcome, result.Routing, null));
                }
            }
        }
        finally
        {
            db.Database.SetCommandTimeout(timeout);
        }

        var keyWorkers = await KeyWorkerNamesAsync(db, falls.Select(f => f.Row.KeyWorkerId), ct);

        var serviceBudget = await db.ServiceBudgets.AsNoTracking()
            .Where(b => b.FinancialYear == financialYear).Select(b => (decimal?)b.Amount).FirstOrDefaultAsync(ct);

        var fallList = falls
            .Select(f => new VirtualBudgetFall(f.Row.ChildId, f.Row.Reference, $"{f.Row.FirstName} {f.Row.LastName}",
                f.Row.KeyWorkerId is { } k && keyWorkers.TryGetValue(k, out var name) ? name : null,
                f.Row.Tier, f.PhaseId, f.Current, f.New, f.Routing, takesEffectFrom))
            .OrderBy(f => f.Change).ThenBy(f => f.Reference, StringComparer.Ordinal)
            .ToList();

        var summary = new VirtualBudgetSummary
        {
            Version = version.Version,
            RunOn = today,
            Cases = cases,
            Up = up,
            Down = down,
            Same = same,
            RoutedToUniversal = universal,
            RoutedToSocialWork = socialWork,
            NotScorable = notScorable,
            NotScorableReasons = problems.OrderByDescending(p => p.Value.Cases).ThenBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => new VirtualBudgetProblem(p.Key, p.Value.Cases, p.Value.Example)).ToList(),
            CurrentTotal = currentTotal,
            NewTotal = newTotal,
            CarriedAtCurrentTotal = carried,
            ByPhase = phases.Values.Select(t => t.ToGroup()).Where(g => g.Cases > 0 || version.Phases.Any(p => p.Id == g.Id)).ToList(),
            ByTier = tiers.Values.Select(t => t.ToGroup()).ToList(),
            NoticeMonths = noticeMonths,
            FinancialYear = financialYear,
            ServiceBudget = serviceBudget,
            Elapsed = stopwatch.Elapsed,
        };
        return new VirtualBudgetResult(summary, fallList);
    }

    /// <summary>Staff names by user id, for the ids given (looked up 500 at a time).</summary>
    public static async Task<Dictionary<string, string>> KeyWorkerNamesAsync(ShortBreaksDbContext db, IEnumerable<string?> ids, CancellationToken ct = default)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var chunk in ids.OfType<string>().Distinct(StringComparer.Ordinal).Chunk(500))
        {
            foreach (var user in await db.Users.AsNoTracking().Where(u => chunk.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct))
            {
                names[user.Id] = user.DisplayName;
            }
        }

        return names;
    }

    private static VirtualBudgetCase CaseOf(CaseRow row, string? phaseId, decimal current, decimal? amount, VirtualBudgetOutcome outcome, RasRouting routing, string? problem) =>
        new(row.ChildId, row.Reference, $"{row.FirstName} {row.LastName}", row.KeyWorkerId, row.Tier, phaseId, current, amount, outcome, routing, problem);

    /// <summary>
    /// Every family in a run, one line each (RFC 4180 quoting): today's budget, the version's, the change and the
    /// outcome; the reason when the answers cannot be scored.
    /// </summary>
    public static string CasesCsv(IEnumerable<VirtualBudgetCase> cases, IReadOnlyDictionary<string, string> keyWorkers) =>
        SpreadsheetCsv.Write(["reference", "child", "key_worker", "tier", "phase", "current", "new", "change", "outcome", "routing", "problem"], csv =>
        {
            foreach (var c in cases)
            {
                csv.Text(c.Reference).Text(c.ChildName).Text(c.KeyWorkerId is { } k && keyWorkers.TryGetValue(k, out var name) ? name : null)
                    .Text(Tiers.Name(c.Tier)).Text(c.PhaseId).Number(c.Current).Number(c.New).Number(c.New - c.Current)
                    .Text(c.Outcome.ToString()).Text(c.Routing.ToString()).Text(c.Problem).EndRow();
            }
        });

    private static Tally PhaseTally(Dictionary<string, Tally> phases, string? phaseId)
    {
        var id = phaseId ?? "unknown";
        if (!phases.TryGetValue(id, out var tally))
        {
            tally = new Tally(id, phaseId is null ? "No phase recorded" : $"{phaseId} (not in this version)");
            phases[id] = tally;
        }

        return tally;
    }

    private static void Count(decimal current, decimal amount, Tally tier, Tally phase, Action<Tally> outcome)
    {
        phase.Cases++;
        phase.Current += current;
        phase.New += amount;
        tier.New += amount;
        outcome(tier);
        outcome(phase);
    }

    /// <summary>The families whose budget would fall, one line each (RFC 4180 quoting), for a spreadsheet.</summary>
    public static string FallsCsv(IEnumerable<VirtualBudgetFall> falls) =>
        SpreadsheetCsv.Write(["reference", "child", "key_worker", "tier", "phase", "current", "new", "change", "routing", "takes_effect_from"], csv =>
        {
            foreach (var f in falls)
            {
                csv.Text(f.Reference).Text(f.ChildName).Text(f.KeyWorker).Text(Tiers.Name(f.Tier)).Text(f.PhaseId)
                    .Number(f.Current).Number(f.New).Number(f.Change).Text(f.Routing.ToString()).Date(f.TakesEffectFrom).EndRow();
            }
        });
}
