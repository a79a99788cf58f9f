using System.Text.Json;
using ShortBreaks.Core.Auditing;
using ShortBreaks.Core.Retention;
using ShortBreaks.Core.Schemes;

namespace ShortBreaks.Core.Providers;

/// <summary>Agreed against delivered on one package line, over the whole package.</summary>
public sealed record LineDelivery(
    Guid LineId, string ServiceName, PriceUnit Unit, decimal Quantity, LineFrequency Frequency, decimal TotalUnits, decimal HoursEach, decimal Delivered, int Cancelled)
{
    public decimal Left => Math.Max(0, TotalUnits - Delivered);
}

/// <summary>A package with what was agreed and what its returns say was delivered.</summary>
public sealed record PackageDelivery(
    Guid PackageId, Guid? OrganisationId, string OrganisationName, PackageState State, DateOnly StartsOn, DateOnly EndsOn,
    IReadOnlyList<LineDelivery> Lines, int ReturnsSubmitted, int ReturnsLate, int ReturnsOverdue);

/// <summary>Where one month's return on a package stands.</summary>
public sealed record ReturnMonthStatus(DateOnly Month, DateOnly DueOn, DeliveryReturnStatus? Status, bool Late, bool Overdue, int Sessions);

/// <summary>A package taking returns, with each of its months so far, newest first.</summary>
public sealed record PackageReturns(Guid PackageId, Guid ChildId, string ChildName, DateOnly StartsOn, DateOnly EndsOn, IReadOnlyList<ReturnMonthStatus> Months);

public sealed record PackageReturnsList(IReadOnlyList<PackageReturns> Packages, int Total, int Page, int PageSize);

/// <summary>A change to a return after it was submitted: who, when, why and what.</summary>
public sealed record ReturnCorrection(DateTime At, string ByName, string Reason, string Change);

/// <summary>One month of a package as its provider sees it: the return (null before anything is returned) and the lines' totals.</summary>
public sealed record ReturnMonthView(
    Package Package, string ChildName, DateOnly Month, DateOnly DueOn, DeliveryReturn? Return, IReadOnlyList<LineDelivery> Lines,
    IReadOnlyList<ReturnCorrection> Corrections, bool TakesReturns, string? SubmitRefusal, bool Late, bool Overdue);

/// <summary>What a change to a return did: <see cref="NotFound"/> when the organisation has no such package (or session) to change.</summary>
public sealed record DeliveryCommand(CommandResult Result, bool NotFound = false, DeliveryReturn? Return = null, DeliveredSession? Session = null)
{
    public static readonly DeliveryCommand Missing = new(CommandResult.Ok, NotFound: true);
}

/// <summary>
/// Providers' delivery returns: sessions added as they happen (or all at the month's end), a month's return submitted
/// (late after its due day), and corrected afterwards only with a reason. Every method takes the organisation the
/// person acts for and answers only for its own packages that <see cref="ProviderChildAccess"/> lets it see; two
/// people changing one return at once are told (the return's <see cref="DeliveryReturn.Version"/>).
/// </summary>
public sealed class DeliveryReturnService(ShortBreaksDbContext db, SchemeCatalog schemes)
{
    public const int PageSize = 25;

    public static readonly string Conflict =
        "Someone else changed this return while you were working on it. Nothing you entered has been saved over their change: check the return as it is now and try again.";

    public DateOnly Today => UkCalendar.DateOf(db.UtcNow);

    public ProviderSettings Settings => schemes.InForceOn(Today).ProviderRules;

    /// <summary>The organisation's package, with its lines, when the organisation sees it today; otherwise null.</summary>
    public Task<Package?> PackageAsync(Guid organisationId, Guid packageId, CancellationToken ct = default) =>
        db.Packages.AsNoTracking().Include(p => p.Lines).Where(ProviderChildAccess.Visible(organisationId, Today, Settings))
            .FirstOrDefaultAsync(p => p.Id == packageId, ct);

    /// <summary>The organisation's packages that take returns, by child, with each month so far.</summary>
    public async Task<PackageReturnsList> ReturnsAsync(Guid organisationId, int page, CancellationToken ct = default)
    {
        var today = Today;
        var settings = Settings;
        var packages = db.Packages.AsNoTracking().Where(ProviderChildAccess.Visible(organisationId, today, settings))
            .Where(p => p.State != PackageState.Sent);
        var total = await packages.CountAsync(ct);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pages);
        var rows = await packages.Join(db.Children, p => p.ChildId, c => c.Id, (p, c) => new { p.Id, p.ChildId, c.FirstName, c.LastName, c.LastNameKey, c.NameKey, p.StartsOn, p.EndsOn })
            .OrderBy(r => r.LastNameKey).ThenBy(r => r.NameKey).ThenBy(r => r.StartsOn).ThenBy(r => r.Id)
            .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var returns = await db.DeliveryReturns.AsNoTracking().Where(r => ids.Contains(r.PackageId))
            .Select(r => new { r.PackageId, r.Month, r.DueOn, r.Status, r.SubmittedAt, Sessions = r.Sessions.Count }).ToListAsync(ct);

        var list = rows.Select(r =>
        {
            var months = new List<ReturnMonthStatus>();
            var last = DeliveryRules.MonthOf(r.EndsOn < today ? r.EndsOn : today);
            for (var month = DeliveryRules.MonthOf(r.StartsOn); month <= last; month = month.AddMonths(1))
            {
                var found = returns.FirstOrDefault(x => x.PackageId == r.Id && x.Month == month);
                var due = found?.DueOn ?? DeliveryRules.DueOn(month, settings);
                var status = found?.Status;
                months.Add(new ReturnMonthStatus(month, due, status,
                    found?.SubmittedAt is { } at && DeliveryRules.IsLate(due, UkCalendar.DateOf(at)),
                    DeliveryRules.IsOverdue(status ?? DeliveryReturnStatus.Open, due, today), found?.Sessions ?? 0));
            }

            months.Reverse();
            return new PackageReturns(r.Id, r.ChildId, $"{r.FirstName} {r.LastName}", r.StartsOn, r.EndsOn, months);
        }).ToList();
        return new PackageReturnsList(list, total, page, PageSize);
    }

    /// <summary>
    /// One month of the organisation's package: its return, the lines' totals so far and any corrections. Null when the
    /// organisation does not see the package or it does not run in that month. Audited as a view of the child's record.
    /// </summary>
    public async Task<ReturnMonthView?> MonthAsync(Guid organisationId, Guid packageId, DateOnly month, CancellationToken ct = default)
    {
        month = DeliveryRules.MonthOf(month);
        var package = await PackageAsync(organisationId, packageId, ct);
        if (package is null || !DeliveryRules.InPackage(package, month)) return null;
        var today = Today;
        var settings = Settings;
        var child = await db.Children.AsNoTracking().Where(c => c.Id == package.ChildId).Select(c => c.FirstName + " " + c.LastName).FirstAsync(ct);
        var found = await db.DeliveryReturns.AsNoTracking().Include(r => r.Sessions)
            .FirstOrDefaultAsync(r => r.PackageId == packageId && r.Month == month, ct);
        found?.Sessions.Sort((a, b) => a.Date != b.Date ? a.Date.CompareTo(b.Date) : a.RecordedAt.CompareTo(b.RecordedAt));
        var lines = await LinesAsync(package, ct);
        var corrections = found is null ? [] : await CorrectionsAsync(found.Id, ct);
        var due = found?.DueOn ?? DeliveryRules.DueOn(month, settings);

        db.RecordView(nameof(DeliveryReturn), found?.Id.ToString() ?? packageId.ToString(), package.ChildId, $"return for {DeliveryRules.MonthKey(month)}");
        await db.SaveChangesAsync(ct);

        return new ReturnMonthView(package, child, month, due, found, lines, corrections,
            ProviderChildAccess.TakesReturns(package.State, package.EndsOn, today, settings),
            found?.Status == DeliveryReturnStatus.Submitted ? null : DeliveryRules.SubmitRefusal(month, today),
            found?.SubmittedAt is { } at && DeliveryRules.IsLate(due, UkCalendar.DateOf(at)),
            DeliveryRules.IsOverdue(found?.Status ?? DeliveryReturnStatus.Open, due, today));
    }

    /// <summary>
    /// Returns a session on the organisation's package, in the return for the session's month (opened if it is the
    /// first). <paramref name="seenVersion"/>, when given, is the version of that return the person saw (null: they saw
    /// none). A submitted return is corrected only with <paramref name="reason"/>.
    /// </summary>
    public async Task<DeliveryCommand> AddSessionAsync(Guid organisationId, Guid packageId, SessionInput input, long? seenVersion, string? reason, bool versionGiven, CancellationToken ct = default)
    {
        var package = await PackageAsync(organisationId, packageId, ct);
        if (package is null) return DeliveryCommand.Missing;
        if (Refusal(package) is { } refused) return refused;

        var line = input.LineId is { } lineId ? package.Lines.FirstOrDefault(l => l.Id == lineId) : package.Lines.Count == 1 ? package.Lines[0] : null;
        var lineSessions = line is null ? [] : await db.DeliveredSessions.AsNoTracking().Where(s => s.PackageLineId == line.Id).ToListAsync(ct);
        var errors = DeliveryRules.Check(package, line, input, lineSessions, Today);
        if (errors.Count > 0) return new DeliveryCommand(CommandResult.Fail(errors));

        var month = DeliveryRules.MonthOf(input.Date!.Value);
        var delivery = await db.DeliveryReturns.FirstOrDefaultAsync(r => r.PackageId == packageId && r.Month == month, ct);
        if (versionGiven && seenVersion != delivery?.Version) return new DeliveryCommand(CommandResult.Conflicted(Conflict));
        if (delivery is not null && DeliveryRules.CorrectionReasonProblem(delivery.Status, reason) is { } noReason)
        {
            return new DeliveryCommand(CommandResult.Fail([noReason]));
        }

        if (delivery is null)
        {
            delivery = new DeliveryReturn
            {
                PackageId = packageId, ChildId = package.ChildId, OrganisationId = organisationId, Month = month, DueOn = DeliveryRules.DueOn(month, Settings),
            };
            db.DeliveryReturns.Add(delivery);
        }
        else
        {
            Touch(delivery);
        }

        var cancelled = input.Cancellation is not null;
        var session = new DeliveredSession
        {
            ReturnId = delivery.Id, PackageId = packageId, PackageLineId = line!.Id, ChildId = package.ChildId, Date = input.Date.Value, Unit = line.Unit,
            Quantity = cancelled ? 0 : input.Quantity!.Value, Hours = cancelled ? 0 : input.Quantity!.Value * line.HoursEach,
            Staff = Clean(input.Staff), Cancellation = input.Cancellation, CancellationNote = cancelled ? Clean(input.CancellationNote) : null,
            RecordedAt = db.UtcNow, RecordedByName = db.Actor.Name,
        };
        db.DeliveredSessions.Add(session);
        if (delivery.Status == DeliveryReturnStatus.Submitted)
        {
            RecordCorrection(delivery, reason!, $"Added {session.Date:d MMMM yyyy}: {DeliveryRules.Describe(session)}");
        }

        return await SaveAsync(delivery, session, ct);
    }

    /// <summary>Takes a session off its return; on a submitted return only with <paramref name="reason"/>.</summary>
    public async Task<DeliveryCommand> RemoveSessionAsync(Guid organisationId, Guid packageId, Guid sessionId, long? seenVersion, string? reason, CancellationToken ct = default)
    {
        var package = await PackageAsync(organisationId, packageId, ct);
        if (package is null) return DeliveryCommand.Missing;
        var session = await db.DeliveredSessions.FirstOrDefaultAsync(s => s.Id == sessionId && s.PackageId == packageId, ct);
        if (session is null) return DeliveryCommand.Missing;
        if (Refusal(package) is { } refused) return refused;

        var delivery = await db.DeliveryReturns.FirstAsync(r => r.Id == session.ReturnId, ct);
        if (seenVersion is { } seen && seen != delivery.Version) return new DeliveryCommand(CommandResult.Conflicted(Conflict));
        if (DeliveryRules.CorrectionReasonProblem(delivery.Status, reason) is { } noReason) return new DeliveryCommand(CommandResult.Fail([noReason]), Return: delivery);

        db.DeliveredSessions.Remove(session);
        Touch(delivery);
        if (delivery.Status == DeliveryReturnStatus.Submitted)
        {
            RecordCorrection(delivery, reason!, $"Removed {session.Date:d MMMM yyyy}: {DeliveryRules.Describe(session)}");
        }

        return await SaveAsync(delivery, session, ct);
    }

    /// <summary>
    /// Submits a month's return (a nil return when nothing was delivered), from the month's last day on. Late when the
    /// UK day it is submitted on is after its due day.
    /// </summary>
    public async Task<DeliveryCommand> SubmitAsync(Guid organisationId, Guid packageId, DateOnly month, long? seenVersion, bool versionGiven, CancellationToken ct = default)
    {
        month = DeliveryRules.MonthOf(month);
        var package = await PackageAsync(organisationId, packageId, ct);
        if (package is null || !DeliveryRules.InPackage(package, month)) return DeliveryCommand.Missing;
        if (Refusal(package) is { } refused) return refused;

        var delivery = await db.DeliveryReturns.FirstOrDefaultAsync(r => r.PackageId == packageId && r.Month == month, ct);
        if (versionGiven && seenVersion != delivery?.Version) return new DeliveryCommand(CommandResult.Conflicted(Conflict));
        if (delivery?.Status == DeliveryReturnStatus.Submitted)
        {
            return new DeliveryCommand(CommandResult.Fail("", $"The return for {DeliveryRules.MonthName(month)} is already submitted: correct it instead."), Return: delivery);
        }

        if (DeliveryRules.SubmitRefusal(month, Today) is { } early) return new DeliveryCommand(CommandResult.Fail("", early));
        if (delivery is null)
        {
            delivery = new DeliveryReturn
            {
                PackageId = packageId, ChildId = package.ChildId, OrganisationId = organisationId, Month = month, DueOn = DeliveryRules.DueOn(month, Settings),
            };
            db.DeliveryReturns.Add(delivery);
        }

        delivery.Status = DeliveryReturnStatus.Submitted;
        delivery.SubmittedAt = db.UtcNow;
        delivery.SubmittedByUserId = db.Actor.UserId;
        delivery.SubmittedByName = db.Actor.Name;
        return await SaveAsync(delivery, null, ct);
    }

    /// <summary>
    /// Each provider package of the child (only <paramref name="organisationId"/>'s that it sees, when given; every one
    /// sent or agreed, for staff) with agreed against delivered on each line and how its returns stand.
    /// </summary>
    public async Task<IReadOnlyList<PackageDelivery>> DeliveredAgainstAgreedAsync(Guid childId, Guid? organisationId, CancellationToken ct = default)
    {
        var today = Today;
        var settings = Settings;
        var query = organisationId is { } org
            ? db.Packages.AsNoTracking().Where(ProviderChildAccess.Visible(org, today, settings))
            : db.Packages.AsNoTracking().Where(p => p.Route == PackageRoute.Provider &&
                                                    (p.State == PackageState.Sent || p.State == PackageState.Accepted || p.State == PackageState.Ended));
        var packages = await query.Where(p => p.ChildId == childId).Include(p => p.Lines).OrderByDescending(p => p.StartsOn).ToListAsync(ct);
        var orgIds = packages.Select(p => p.OrganisationId).OfType<Guid>().Distinct().ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var ids = packages.Select(p => p.Id).ToList();
        var returns = await db.DeliveryReturns.AsNoTracking().Where(r => ids.Contains(r.PackageId))
            .Select(r => new { r.PackageId, r.Month, r.Status, r.DueOn, r.SubmittedAt }).ToListAsync(ct);
        var totals = await LineTotalsAsync(ids, ct);

        return packages.Select(p =>
        {
            var mine = returns.Where(r => r.PackageId == p.Id).ToList();
            return new PackageDelivery(p.Id, p.OrganisationId, p.OrganisationId is { } o && names.TryGetValue(o, out var name) ? name : "",
                p.State, p.StartsOn, p.EndsOn, Lines(p, totals),
                mine.Count(r => r.Status == DeliveryReturnStatus.Submitted),
                mine.Count(r => r.SubmittedAt is { } at && DeliveryRules.IsLate(r.DueOn, UkCalendar.DateOf(at))),
                OverdueMonths(p, mine.Where(r => r.Status == DeliveryReturnStatus.Submitted).Select(r => r.Month).ToHashSet(), today, settings));
        }).ToList();
    }

    /// <summary>Months of an agreed package whose return was due before <paramref name="today"/> and is not submitted.</summary>
    private static int OverdueMonths(Package package, HashSet<DateOnly> submitted, DateOnly today, ProviderSettings settings)
    {
        if (package.State is not (PackageState.Accepted or PackageState.Ended)) return 0;
        var overdue = 0;
        for (var month = DeliveryRules.MonthOf(package.StartsOn); month <= DeliveryRules.MonthOf(package.EndsOn); month = month.AddMonths(1))
        {
            if (!DeliveryRules.IsOverdue(DeliveryReturnStatus.Open, DeliveryRules.DueOn(month, settings), today)) break;
            if (!submitted.Contains(month)) overdue++;
        }

        return overdue;
    }

    private DeliveryCommand? Refusal(Package package) =>
        ProviderChildAccess.TakesReturns(package.State, package.EndsOn, Today, Settings)
            ? null
            : new DeliveryCommand(CommandResult.Fail("", package.State == PackageState.Sent
                ? "The package has not been accepted yet: accept it before returning what was delivered."
                : "Returns on this package are closed."));

    private async Task<IReadOnlyList<LineDelivery>> LinesAsync(Package package, CancellationToken ct) =>
        Lines(package, await LineTotalsAsync([package.Id], ct));

    private static List<LineDelivery> Lines(Package package, Dictionary<Guid, (decimal Delivered, int Cancelled)> totals) =>
        package.Lines.OrderBy(l => l.ServiceName).Select(l =>
        {
            var (delivered, cancelled) = totals.GetValueOrDefault(l.Id);
            return new LineDelivery(l.Id, l.ServiceName, l.Unit, l.Quantity, l.Frequency, l.TotalUnits, l.HoursEach, delivered, cancelled);
        }).ToList();

    private async Task<Dictionary<Guid, (decimal Delivered, int Cancelled)>> LineTotalsAsync(List<Guid> packageIds, CancellationToken ct)
    {
        // Summed here rather than in SQL: SQLite cannot sum decimals, and a package's sessions are a few hundred at most.
        var sessions = await db.DeliveredSessions.AsNoTracking().Where(s => packageIds.Contains(s.PackageId))
            .Select(s => new { s.PackageLineId, s.Quantity, Cancelled = s.Cancellation != null }).ToListAsync(ct);
        return sessions.GroupBy(s => s.PackageLineId)
            .ToDictionary(g => g.Key, g => (g.Where(s => !s.Cancelled).Sum(s => s.Quantity), g.Count(s => s.Cancelled)));
    }

    private async Task<IReadOnlyList<ReturnCorrection>> CorrectionsAsync(Guid returnId, CancellationToken ct)
    {
        var id = returnId.ToString();
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == CorrectAction && a.EntityType == nameof(DeliveryReturn) && a.EntityId == id)
            .OrderBy(a => a.Id).ToListAsync(ct);
        return entries.Select(a =>
        {
            var details = a.Details is null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(a.Details);
            return new ReturnCorrection(a.At, a.UserName, details?.GetValueOrDefault("reason") ?? "", details?.GetValueOrDefault("change") ?? "");
        }).ToList();
    }

    /// <summary>The audit action a correction to a submitted return is written with; the return's page lists them.</summary>
    public const string CorrectAction = "correct";

    private void RecordCorrection(DeliveryReturn delivery, string reason, string change) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = db.UtcNow, UserId = db.Actor.UserId, UserName = db.Actor.Name, Action = CorrectAction,
            EntityType = nameof(DeliveryReturn), EntityId = delivery.Id.ToString(), ChildId = delivery.ChildId,
            Details = JsonSerializer.Serialize(new Dictionary<string, string> { ["reason"] = reason.Trim(), ["change"] = change }),
        });

    /// <summary>
    /// Marks the return changed whenever a session is added or removed, so its version moves on and a second person
    /// saving from the same version is refused rather than both adding past the agreed amount.
    /// </summary>
    private void Touch(DeliveryReturn delivery) => db.Entry(delivery).State = EntityState.Modified;

    private async Task<DeliveryCommand> SaveAsync(DeliveryReturn delivery, DeliveredSession? session, CancellationToken ct)
    {
        var opening = db.Entry(delivery).State == EntityState.Added;
        try
        {
            await db.SaveChangesAsync(ct);
            return new DeliveryCommand(CommandResult.Ok, Return: delivery, Session: session);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new DeliveryCommand(CommandResult.Conflicted(Conflict));
        }
        catch (DbUpdateException) when (opening)
        {
            // The month's return was opened by someone else at the same moment (one return a package a month).
            db.ChangeTracker.Clear();
            return new DeliveryCommand(CommandResult.Conflicted(Conflict));
        }
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
