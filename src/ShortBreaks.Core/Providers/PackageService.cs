using System.Globalization;
using ShortBreaks.Core.Notifications;
using ShortBreaks.Core.Plans;
using ShortBreaks.Core.Retention;

namespace ShortBreaks.Core.Providers;

/// <summary>
/// Brokering packages: a child's Flexible Short Breaks package built from the menu and the direct payment within the
/// allowance, a Targeted Short Breaks plan's provider lines brokered to organisations, each provider package sent as a
/// service agreement for the provider to accept or decline, and changed (replaced at the prices then) or ended with
/// notice. Every move is allowed only by <see cref="PackageMoves.Refusal"/>, written as a <see cref="PackageStateChange"/>
/// with who and why, put on the child's timeline and audited with the change; two people moving one package at once:
/// the second is told and nothing is saved over the first.
/// </summary>
public sealed class PackageService(ShortBreaksDbContext db, SchemeCatalog schemes, EmailSender email, ILogger<PackageService> logger)
{
    /// <summary>Most units one line may have each time, and most hours of a direct payment: far above any real package.</summary>
    public const decimal MaximumQuantity = 10_000m;

    /// <summary>The UK day now: a package starting "today" just after midnight in summer starts on the UK day.</summary>
    public DateOnly Today => UkCalendar.DateOf(db.UtcNow);

    private Scheme Scheme => schemes.InForceOn(Today);

    private readonly List<(string To, Guid ChildId, Email Email)> _emails = [];

    public static CommandResult Conflict() => CommandResult.Conflicted(
        "Someone else changed this package while you were working on it. Nothing you entered has been saved over their change: check the package as it is now and try again.");

    /// <summary>Answered when someone else committed a package against the same child's allowance year first.</summary>
    public static CommandResult AllowanceConflict() => CommandResult.Conflicted(
        "Someone else changed this child's packages for the year while you were working on them. Nothing you entered has been saved over their change: check the packages and what is left of the allowance, and try again.");

    // The allowance year this unit of work commits against (taken in OverAllowanceAsync), and whether it makes its row.
    private (Guid ChildId, DateOnly YearStart, bool Made)? _allowanceYear;

    /// <summary>
    /// A child's packages for the allowance year <paramref name="day"/> falls in (today when null), with the Flexible
    /// Short Breaks allowance when the child is on it; null when there is no such child.
    /// </summary>
    public async Task<PackageYear?> YearAsync(Guid childId, DateOnly? day = null, CancellationToken ct = default)
    {
        var child = await db.Children.AsNoTracking().FirstOrDefaultAsync(c => c.Id == childId, ct);
        if (child is null) return null;
        var yearStart = AllowanceYears.StartOf(day ?? Today, Scheme.ProviderRules);
        var packages = await db.Packages.AsNoTracking().Include(p => p.Lines)
            .Where(p => p.ChildId == childId && (p.YearStart == yearStart || p.State == PackageState.Draft))
            .ToListAsync(ct);
        packages = [.. packages.OrderBy(p => p.StartsOn).ThenBy(p => p.CreatedAt)];
        var ids = packages.Select(p => p.Id).ToList();
        var changes = await db.PackageStateChanges.AsNoTracking().Where(c => ids.Contains(c.PackageId)).ToListAsync(ct);
        var allowance = child.Tier == Tier.FlexibleShortBreaks ? await AllowanceAsync(childId, yearStart, ct) : null;
        var used = PackageAllowances.Used(packages.Where(p => p.YearStart == yearStart));
        return new PackageYear(child, yearStart, allowance, used, packages, Ordered(changes), await NamesAsync(packages, ct));
    }

    /// <summary>One package with its lines, or null.</summary>
    public Task<Package?> PackageAsync(Guid packageId, CancellationToken ct = default) =>
        db.Packages.AsNoTracking().Include(p => p.Lines).FirstOrDefaultAsync(p => p.Id == packageId, ct);

    /// <summary>A package's moves, oldest first.</summary>
    public async Task<IReadOnlyList<PackageStateChange>> ChangesAsync(Guid packageId, CancellationToken ct = default) =>
        Ordered(await db.PackageStateChanges.AsNoTracking().Where(c => c.PackageId == packageId).ToListAsync(ct));

    /// <summary>Moves oldest first; a package made and sent in one go has both at one instant, its making first.</summary>
    public static IReadOnlyList<PackageStateChange> Ordered(IEnumerable<PackageStateChange> changes) =>
        [.. changes.OrderBy(c => c.At).ThenBy(c => c.From is null ? 0 : 1)];

    /// <summary>
    /// The menu on <paramref name="day"/>: every active service of an approved organisation with a price in force that
    /// day, each with why its organisation cannot take a new package now, if it cannot.
    /// </summary>
    public async Task<IReadOnlyList<MenuItem>> MenuAsync(DateOnly day, CancellationToken ct = default)
    {
        var organisations = await db.Organisations.AsNoTracking().Include(o => o.Insurances).Include(o => o.Registrations)
            .Where(o => o.Status == FrameworkStatus.Approved).ToListAsync(ct);
        var byId = organisations.ToDictionary(o => o.Id);
        var ids = byId.Keys.ToList();
        var services = await db.Services.AsNoTracking().Include(s => s.Prices)
            .Where(s => ids.Contains(s.OrganisationId) && s.Status == ServiceStatus.Active).ToListAsync(ct);
        var settings = Scheme.ProviderRules;
        var refusals = organisations.ToDictionary(o => o.Id, o => OrganisationRules.NewPackageRefusal(o, settings, Today));
        return [.. services
            .Select(s => (Service: s, Price: ServicePrices.InForce(s.Prices, day)))
            .Where(x => x.Price is not null)
            .Select(x => new MenuItem(x.Service.Id, x.Service.Name, x.Service.Kind, x.Service.OrganisationId, byId[x.Service.OrganisationId].Name,
                x.Price!.Unit, x.Price.Amount, HoursEach(x.Price), refusals[x.Service.OrganisationId]))
            .OrderBy(m => m.OrganisationName, StringComparer.OrdinalIgnoreCase).ThenBy(m => m.ServiceName, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>
    /// Builds a child's Flexible Short Breaks package and commits it against the allowance: a provider package is
    /// sent to the provider as a service agreement, a direct payment is agreed at once. Refused with the reason when
    /// it is over what is left of the allowance, or the organisation cannot take new packages.
    /// </summary>
    public async Task<(Package? Made, CommandResult Result)> BuildAsync(Guid childId, PackageRequest request, PackageActor actor, CancellationToken ct = default)
    {
        var child = await db.Children.AsNoTracking().FirstOrDefaultAsync(c => c.Id == childId, ct);
        if (child is null) return (null, CommandResult.Fail("", "There is no such child."));
        if (actor is not (PackageActor.Officer or PackageActor.Family)) return (null, CommandResult.Fail("", "Only the child's officer or family can build a package."));
        if (child.ClosedAt is not null) return (null, CommandResult.Fail("", $"{child.FirstName}'s case is closed: reopen it before brokering a package."));
        if (child.Tier != Tier.FlexibleShortBreaks)
            return (null, CommandResult.Fail("", $"{child.FirstName} is not on Flexible Short Breaks, so has no allowance to build a package from."));

        var package = new Package { ChildId = childId, Tier = Tier.FlexibleShortBreaks };
        var errors = await FillAsync(package, request, planEnd: null, ct);
        if (errors.Count > 0) return (null, CommandResult.Fail(errors));
        var refusal = await OverAllowanceAsync(package, replacing: null, ct);
        if (refusal is not null) return (null, CommandResult.Fail("", refusal));

        db.Packages.Add(package);
        await CommitAsync(package, actor, from: null, "Built from the menu", ct);
        return await SaveMadeAsync(package, ct);
    }

    /// <summary>
    /// The officer brokers a package waiting to be brokered (a Targeted Short Breaks plan's provider line), or brokers
    /// again a package its provider declined: the lines chosen are sent as a service agreement (a declined package
    /// stays as it was, and a new one is made for the same plan line or allowance).
    /// </summary>
    public async Task<(Package? Made, CommandResult Result)> BrokerAsync(Guid packageId, PackageRequest request, long versionSeen, CancellationToken ct = default)
    {
        var existing = await db.Packages.Include(p => p.Lines).FirstOrDefaultAsync(p => p.Id == packageId, ct);
        if (existing is null) return (null, CommandResult.Fail("", "There is no such package."));
        if (existing.Version != versionSeen) return (null, Conflict());
        if (existing.State is not (PackageState.Draft or PackageState.Declined))
            return (null, CommandResult.Fail("", $"A package that is {PackageMoves.Describe(existing.State)} is not brokered again: change it instead."));
        if (existing.ReplacedByPackageId is not null) return (null, CommandResult.Fail("", "This package has already been brokered again."));

        var planEnd = existing.PlanVersionId is { } planVersionId
            ? await db.PlanVersions.AsNoTracking().Where(v => v.Id == planVersionId).Select(v => (DateOnly?)v.PeriodEnd).FirstOrDefaultAsync(ct)
            : null;
        if (existing.State == PackageState.Draft)
        {
            if (request.Route == PackageRoute.DirectPayment && existing.Tier == Tier.TargetedShortBreaks)
                return (null, CommandResult.Fail("Route", "This plan line is commissioned from a provider: choose a service from the menu."));
            existing.Lines.Clear();
            var errors = await FillAsync(existing, request, planEnd, ct);
            if (errors.Count > 0) return (null, CommandResult.Fail(errors));
            var refusal = await OverAllowanceAsync(existing, replacing: null, ct);
            if (refusal is not null) return (null, CommandResult.Fail("", refusal));
            db.ExpectVersion(existing, versionSeen);
            db.Entry(existing).State = EntityState.Modified;
            await CommitAsync(existing, PackageActor.Officer, PackageState.Draft, "Brokered", ct);
            return await SaveMadeAsync(existing, ct);
        }

        var again = new Package { ChildId = existing.ChildId, Tier = existing.Tier, PlanVersionId = existing.PlanVersionId, PlanSupportLineId = existing.PlanSupportLineId };
        if (request.Route == PackageRoute.DirectPayment && existing.Tier == Tier.TargetedShortBreaks)
            return (null, CommandResult.Fail("Route", "This plan line is commissioned from a provider: choose a service from the menu."));
        var problems = await FillAsync(again, request, planEnd, ct);
        if (problems.Count > 0) return (null, CommandResult.Fail(problems));
        var over = await OverAllowanceAsync(again, replacing: null, ct);
        if (over is not null) return (null, CommandResult.Fail("", over));
        // The declined package points to the one brokered in its place, so it leaves the officer's list once, and a
        // second officer brokering it again at the same time is told.
        db.ExpectVersion(existing, versionSeen);
        existing.ReplacedByPackageId = again.Id;
        db.Packages.Add(again);
        await CommitAsync(again, PackageActor.Officer, null, $"Brokered again after {await OrganisationNameAsync(existing.OrganisationId, ct)} declined", ct);
        return await SaveMadeAsync(again, ct);
    }

    /// <summary>The provider accepts a service agreement sent to its organisation.</summary>
    public Task<CommandResult> AcceptAsync(Guid packageId, Guid organisationId, long versionSeen, CancellationToken ct = default) =>
        MoveAsync(packageId, PackageMove.Accept, PackageActor.Provider, organisationId, reason: null, versionSeen, null, ct);

    /// <summary>The provider declines a service agreement, with its reason; the child's officer is told and brokers again.</summary>
    public Task<CommandResult> DeclineAsync(Guid packageId, Guid organisationId, string? reason, long versionSeen, CancellationToken ct = default) =>
        MoveAsync(packageId, PackageMove.Decline, PackageActor.Provider, organisationId, reason, versionSeen, null, ct);

    /// <summary>
    /// Ends an agreed package with notice: its last day is <paramref name="lastDay"/>, no earlier than the scheme's
    /// notice from today (<see cref="PackageMoves.EarliestEnd"/>) and before the day it would have ended anyway. The
    /// officer or the provider (for its own organisation's package, <paramref name="organisationId"/>) gives notice;
    /// the other is told.
    /// </summary>
    public Task<CommandResult> EndAsync(Guid packageId, DateOnly? lastDay, string? reason, PackageActor actor, Guid? organisationId, long versionSeen, CancellationToken ct = default) =>
        MoveAsync(packageId, PackageMove.End, actor, organisationId, reason, versionSeen, package =>
        {
            var earliest = PackageMoves.EarliestEnd(Today, Scheme.ProviderRules);
            if (lastDay is not { } day) return [new("LastDay", "Enter the last day of the package")];
            if (day < earliest)
                return [new("LastDay", $"The last day must be on or after {Day(earliest)}: {Scheme.ProviderRules.PackageEndNoticeDays} days' notice")];
            if (day >= package.EndsOn) return [new("LastDay", $"The package ends on {Day(package.EndsOn)} anyway: enter a day before it")];
            package.NoticeGivenOn = Today;
            package.EndsOn = day;
            return [];
        }, ct);

    /// <summary>
    /// The officer changes a sent or agreed package: a new package (sent, or agreed for a direct payment) at the prices
    /// in force on its start replaces it, and the old one keeps its own prices and is marked replaced.
    /// </summary>
    public async Task<(Package? Made, CommandResult Result)> ChangeAsync(Guid packageId, PackageRequest request, string? reason, long versionSeen, CancellationToken ct = default)
    {
        var old = await db.Packages.Include(p => p.Lines).FirstOrDefaultAsync(p => p.Id == packageId, ct);
        if (old is null) return (null, CommandResult.Fail("", "There is no such package."));
        if (old.Version != versionSeen) return (null, Conflict());
        if (PackageMoves.Refusal(old.State, old.Route, PackageMove.Change, PackageActor.Officer) is { } refused) return (null, CommandResult.Fail("", refused));
        if (request.Route == PackageRoute.DirectPayment && old.Tier == Tier.TargetedShortBreaks)
            return (null, CommandResult.Fail("Route", "This plan line is commissioned from a provider: choose a service from the menu."));

        var planEnd = old.PlanVersionId is { } planVersionId
            ? await db.PlanVersions.AsNoTracking().Where(v => v.Id == planVersionId).Select(v => (DateOnly?)v.PeriodEnd).FirstOrDefaultAsync(ct)
            : null;
        var replacement = new Package { ChildId = old.ChildId, Tier = old.Tier, PlanVersionId = old.PlanVersionId, PlanSupportLineId = old.PlanSupportLineId };
        var errors = await FillAsync(replacement, request, planEnd, ct);
        errors.AddRange(ReasonProblems(reason, "Reason", "Enter why the package is changing"));
        if (errors.Count > 0) return (null, CommandResult.Fail(errors));
        var over = await OverAllowanceAsync(replacement, replacing: old.Id, ct);
        if (over is not null) return (null, CommandResult.Fail("", over));

        db.ExpectVersion(old, versionSeen);
        var from = old.State;
        old.State = PackageState.Changed;
        old.ReplacedByPackageId = replacement.Id;
        RecordMove(old, from, PackageActor.Officer, reason!.Trim());
        db.AddTimeline(old.ChildId, TimelineKinds.Package, $"Package {Describe(old, await OrganisationNameAsync(old.OrganisationId, ct))} changed", reason.Trim());
        db.Packages.Add(replacement);
        // The old package's direct payment pays up to the day before the replacement starts, never for the same days twice.
        await DirectPayments.PackageDirectPayments.EndAsync(db, schemes, old, replacement.StartsOn.AddDays(-1), "was replaced by a changed package", ct);
        await CommitAsync(replacement, PackageActor.Officer, null, $"Replaces the package changed: {reason.Trim()}", ct);
        if (old.OrganisationId is not null) await QueueOrganisationEmailAsync(old, "been replaced", reason.Trim(), ct);
        return await SaveMadeAsync(replacement, ct);
    }

    /// <summary>A provider's service agreements, newest first: only its own organisation's, never a draft.</summary>
    public async Task<IReadOnlyList<ServiceAgreement>> AgreementsAsync(Guid organisationId, CancellationToken ct = default)
    {
        // Only what the organisation still needs to know: the packages ProviderChildAccess lets it see.
        var rows = await db.Packages.AsNoTracking().Include(p => p.Lines)
            .Where(ProviderChildAccess.Visible(organisationId, Today, Scheme.ProviderRules))
            .Join(db.Children, p => p.ChildId, c => c.Id, (p, c) => new { Package = p, c.FirstName, c.LastName, c.DateOfBirth })
            .ToListAsync(ct);
        return [.. rows.OrderByDescending(r => r.Package.CreatedAt).Select(r => new ServiceAgreement(r.Package, $"{r.FirstName} {r.LastName}", r.DateOfBirth, []))];
    }

    /// <summary>
    /// One of a provider's own service agreements with its moves; null when it is not its organisation's, or when
    /// <see cref="ProviderChildAccess"/> no longer lets the organisation see it (declined, replaced, or long ended).
    /// </summary>
    public async Task<ServiceAgreement?> AgreementAsync(Guid organisationId, Guid packageId, CancellationToken ct = default)
    {
        var row = await db.Packages.AsNoTracking().Include(p => p.Lines)
            .Where(ProviderChildAccess.Visible(organisationId, Today, Scheme.ProviderRules))
            .Where(p => p.Id == packageId)
            .Join(db.Children, p => p.ChildId, c => c.Id, (p, c) => new { Package = p, c.FirstName, c.LastName, c.DateOfBirth })
            .FirstOrDefaultAsync(ct);
        return row is null ? null : new ServiceAgreement(row.Package, $"{row.FirstName} {row.LastName}", row.DateOfBirth, await ChangesAsync(packageId, ct));
    }

    private async Task<CommandResult> MoveAsync(Guid packageId, PackageMove move, PackageActor actor, Guid? organisationId, string? reason, long versionSeen,
        Func<Package, List<FieldError>>? apply, CancellationToken ct)
    {
        var package = await db.Packages.Include(p => p.Lines).FirstOrDefaultAsync(p => p.Id == packageId, ct);
        // A provider reaches only its own organisation's packages: any other is answered as if it did not exist.
        if (package is null || (actor == PackageActor.Provider && (organisationId is null || package.OrganisationId != organisationId)))
            return CommandResult.Fail("", "There is no such package.");
        if (package.Version != versionSeen) return Conflict();
        if (PackageMoves.Refusal(package.State, package.Route, move, actor) is { } refused) return CommandResult.Fail("", refused);

        var errors = apply?.Invoke(package) ?? [];
        if (PackageMoves.NeedsReason(move)) errors.AddRange(ReasonProblems(reason, "Reason", move == PackageMove.Decline ? "Enter why you are declining the package" : "Enter why the package is ending"));
        if (errors.Count > 0) return CommandResult.Fail(errors);

        db.ExpectVersion(package, versionSeen);
        var from = package.State;
        package.State = PackageMoves.To(move);
        var why = reason?.Trim();
        RecordMove(package, from, actor, string.IsNullOrEmpty(why) ? null : why);
        var name = await OrganisationNameAsync(package.OrganisationId, ct);
        var summary = move switch
        {
            PackageMove.Accept => $"Package {Describe(package, name)} accepted by the provider",
            PackageMove.Decline => $"Package {Describe(package, name)} declined by the provider",
            _ => $"Package {Describe(package, name)} ended with notice by the {PackageDisplay.Actor(actor)}, last day {Day(package.EndsOn)}",
        };
        db.AddTimeline(package.ChildId, TimelineKinds.Package, summary, why);
        // A package taken as a direct payment that ends early: its direct payment pays for no day after its last.
        if (move == PackageMove.End) await DirectPayments.PackageDirectPayments.EndAsync(db, schemes, package, package.EndsOn, "was ended with notice", ct);

        if (actor == PackageActor.Provider && move != PackageMove.Accept) await QueueOfficerEmailAsync(package, name, move == PackageMove.Decline ? "declined" : "gave notice to end", why!, ct);
        if (actor != PackageActor.Provider && move == PackageMove.End && package.OrganisationId is not null) await QueueOrganisationEmailAsync(package, "been ended with notice", why!, ct);
        var result = await db.SaveOrConflictAsync(Conflict(), ct);
        if (result.Succeeded) await SendQueuedAsync(ct);
        else _emails.Clear();
        return result;
    }

    /// <summary>Fills a new package from the request at the prices in force on its start; problems by field, in the page's order.</summary>
    private async Task<List<FieldError>> FillAsync(Package package, PackageRequest request, DateOnly? planEnd, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var settings = Scheme.ProviderRules;
        if (request.Route is not { } route || !Enum.IsDefined(route)) errors.Add(new("Route", "Choose a service from the menu or a direct payment"));

        var startsOn = request.StartsOn;
        if (startsOn is null) errors.Add(new("StartsOn", "Enter the day the package starts"));
        else if (startsOn < Today) errors.Add(new("StartsOn", "The package must start today or later"));
        var yearStart = startsOn is { } s ? AllowanceYears.StartOf(s, settings) : default;
        var lastDay = planEnd ?? AllowanceYears.EndOf(yearStart);
        var endsOn = request.EndsOn ?? lastDay;
        if (startsOn is not null)
        {
            if (endsOn < startsOn)
            {
                errors.Add(new("EndsOn", "The last day must be on or after the first day"));
            }
            else if (endsOn > lastDay)
            {
                errors.Add(new("EndsOn", planEnd is null
                    ? $"The last day must be on or before {Day(lastDay)}, the end of the allowance year"
                    : $"The last day must be on or before {Day(lastDay)}, the end of the plan"));
            }
        }

        if (request.Route == PackageRoute.DirectPayment)
        {
            if (request.DirectPaymentHours is not { } hours) errors.Add(new("DirectPaymentHours", "Enter the hours taken as a direct payment"));
            else if (hours <= 0 || hours > MaximumQuantity) errors.Add(new("DirectPaymentHours", $"The hours must be more than 0 and at most {MaximumQuantity:0}"));
            else if (hours * 2 != decimal.Truncate(hours * 2)) errors.Add(new("DirectPaymentHours", "Enter the hours in whole or half hours"));
        }
        else if (request.Route == PackageRoute.Provider)
        {
            if (request.Lines.Count == 0) errors.Add(new("ServiceId", "Choose a service from the menu"));
            if (request.Lines.Count > 20) errors.Add(new("", "A package has at most 20 services"));
        }

        if (errors.Count > 0 || request.Route is null) return errors;

        package.Route = request.Route.Value;
        package.YearStart = yearStart;
        package.StartsOn = startsOn!.Value;
        package.EndsOn = endsOn;
        package.SchemeVersion = schemes.InForceOn(startsOn.Value).Version;
        if (package.CreatedAt == default)
        {
            package.CreatedAt = db.UtcNow;
            package.CreatedByUserId = db.Actor.UserId;
            package.CreatedByName = db.Actor.Name;
        }

        if (package.Route == PackageRoute.DirectPayment)
        {
            package.OrganisationId = null;
            package.DirectPaymentHours = request.DirectPaymentHours;
            package.DirectPaymentAmount = PackageAllowances.DirectPaymentAmount(schemes.InForceOn(startsOn.Value).Tiers.FlexibleShortBreaks, request.DirectPaymentHours!.Value);
            return errors;
        }

        package.DirectPaymentHours = null;
        package.DirectPaymentAmount = null;
        var serviceIds = request.Lines.Where(l => l.ServiceId is not null).Select(l => l.ServiceId!.Value).Distinct().ToList();
        var services = await db.Services.AsNoTracking().Include(s => s.Prices).Where(s => serviceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        Guid? organisationId = null;
        for (var i = 0; i < request.Lines.Count; i++)
        {
            var asked = request.Lines[i];
            var prefix = i == 0 ? "" : $"Lines[{i}].";
            if (asked.ServiceId is not { } serviceId || !services.TryGetValue(serviceId, out var service) || service.Status != ServiceStatus.Active)
            {
                errors.Add(new(prefix + "ServiceId", "Choose a service from the menu"));
                continue;
            }

            if (organisationId is null)
            {
                organisationId = service.OrganisationId;
            }
            else if (organisationId != service.OrganisationId)
            {
                errors.Add(new(prefix + "ServiceId", "A package is with one organisation: build another package for this service"));
                continue;
            }

            var price = ServicePrices.InForce(service.Prices, package.StartsOn);
            if (price is null)
            {
                errors.Add(new(prefix + "ServiceId", $"{service.Name} has no price in force on {Day(package.StartsOn)}"));
                continue;
            }

            if (asked.Quantity is not { } quantity) errors.Add(new(prefix + "Quantity", $"Enter how many {PackageDisplay.UnitName(price.Unit, plural: true)}"));
            else if (quantity <= 0 || quantity > MaximumQuantity) errors.Add(new(prefix + "Quantity", $"The number of {PackageDisplay.UnitName(price.Unit, plural: true)} must be more than 0 and at most {MaximumQuantity:0}"));
            else if (quantity * 2 != decimal.Truncate(quantity * 2)) errors.Add(new(prefix + "Quantity", "Enter a whole or half number"));
            if (asked.Frequency is not { } frequency || !Enum.IsDefined(frequency)) errors.Add(new(prefix + "Frequency", "Choose how often"));
            if (asked.Notes is { Length: > RequestRules.TextMaxLength }) errors.Add(new(prefix + "Notes", $"The notes must be {RequestRules.TextMaxLength} characters or fewer"));
            if (errors.Count > 0) continue;

            var total = AllowanceYears.TotalUnits(asked.Quantity!.Value, asked.Frequency!.Value, package.StartsOn, package.EndsOn);
            if (total <= 0)
            {
                errors.Add(new(prefix + "Frequency", asked.Frequency == LineFrequency.Weekly
                    ? "Between these days there is not a whole week: choose in all, or a later last day"
                    : "Between these days there is not a whole month: choose in all, or a later last day"));
                continue;
            }

            package.Lines.Add(new PackageLine
            {
                PackageId = package.Id, ChildId = package.ChildId, ServiceId = service.Id, ServiceName = service.Name, Unit = price.Unit,
                Quantity = asked.Quantity.Value, Frequency = asked.Frequency.Value, TotalUnits = total, HoursEach = HoursEach(price),
                UnitPrice = price.Amount, ServicePriceId = price.Id, PriceEffectiveFrom = price.EffectiveFrom,
                Notes = string.IsNullOrWhiteSpace(asked.Notes) ? null : asked.Notes.Trim(),
            });
        }

        if (errors.Count > 0 || organisationId is null) return errors;
        package.OrganisationId = organisationId;
        var organisation = await db.Organisations.AsNoTracking().Include(o => o.Insurances).Include(o => o.Registrations).FirstAsync(o => o.Id == organisationId, ct);
        if (OrganisationRules.NewPackageRefusal(organisation, settings, Today) is { } refusal) errors.Add(new("ServiceId", refusal));
        return errors;
    }

    /// <summary>Why a Flexible Short Breaks package is over what is left of the allowance (leaving out the one it replaces), or null.</summary>
    private async Task<string?> OverAllowanceAsync(Package package, Guid? replacing, CancellationToken ct)
    {
        if (package.Tier != Tier.FlexibleShortBreaks) return null;
        // The year's row is read before the packages, so a commit saved by anyone after this read fails this save.
        var year = await TakeAllowanceYearAsync(package.ChildId, package.YearStart, ct);
        var allowance = await AllowanceAsync(package.ChildId, package.YearStart, ct);
        var others = await db.Packages.AsNoTracking().Include(p => p.Lines)
            .Where(p => p.ChildId == package.ChildId && p.YearStart == package.YearStart && p.Id != package.Id && p.Id != replacing)
            .ToListAsync(ct);
        var refusal = PackageAllowances.Refusal(allowance, PackageAllowances.Used(others), PackageAllowances.Use(package));
        if (refusal is not null)
        {
            // Nothing is committed: the year is left as it was for whatever else this unit of work saves.
            db.Entry(year).State = EntityState.Detached;
            _allowanceYear = null;
        }

        return refusal;
    }

    /// <summary>
    /// Puts the child's <see cref="AllowanceYear"/> in this unit of work: made when there is none yet, else marked
    /// changed so its version is bumped and checked on save (<see cref="SaveMadeAsync"/> answers a conflict).
    /// </summary>
    private async Task<AllowanceYear> TakeAllowanceYearAsync(Guid childId, DateOnly yearStart, CancellationToken ct)
    {
        // A row this context already holds (from an earlier save) is read again: its version then may be stale.
        var row = db.AllowanceYears.Local.FirstOrDefault(a => a.ChildId == childId && a.YearStart == yearStart);
        if (row is not null)
        {
            await db.Entry(row).ReloadAsync(ct);
            if (db.Entry(row).State == EntityState.Detached) row = null;
        }
        else
        {
            row = await db.AllowanceYears.FirstOrDefaultAsync(a => a.ChildId == childId && a.YearStart == yearStart, ct);
        }

        _allowanceYear = (childId, yearStart, row is null);
        if (row is null)
        {
            row = new AllowanceYear { ChildId = childId, YearStart = yearStart, ChangedAt = db.UtcNow };
            db.AllowanceYears.Add(row);
        }
        else
        {
            row.ChangedAt = db.UtcNow;
            db.Entry(row).Property(a => a.ChangedAt).IsModified = true;
        }

        return row;
    }

    /// <summary>The child's allowance for a year: pro rata from the day they last came onto Flexible Short Breaks, if in the year.</summary>
    private async Task<FsbAllowance> AllowanceAsync(Guid childId, DateOnly yearStart, CancellationToken ct)
    {
        var joined = await db.TierChanges.AsNoTracking().Where(c => c.ChildId == childId && c.To == Tier.FlexibleShortBreaks)
            .Select(c => (DateTime?)c.At).OrderByDescending(at => at).FirstOrDefaultAsync(ct);
        var since = joined is { } at ? UkCalendar.DateOf(at) : yearStart;
        return PackageAllowances.For(schemes.InForceOn(yearStart > Today ? yearStart : Today).Tiers.FlexibleShortBreaks, yearStart, since);
    }

    /// <summary>Sends a provider package (or agrees a direct payment) and records it; in the current unit of work.</summary>
    private async Task CommitAsync(Package package, PackageActor actor, PackageState? from, string reason, CancellationToken ct)
    {
        var move = package.Route == PackageRoute.DirectPayment ? PackageMove.AgreeDirectPayment : PackageMove.Send;
        if (from is null)
        {
            // A new package is made a draft and moved at once, so the move is checked like any other.
            RecordMove(package, null, actor, reason, PackageState.Draft);
        }

        var refused = PackageMoves.Refusal(PackageState.Draft, package.Route, move, actor);
        if (refused is not null) throw new InvalidOperationException(refused);
        package.State = PackageMoves.To(move);
        RecordMove(package, PackageState.Draft, actor, from is null ? null : reason);
        var name = await OrganisationNameAsync(package.OrganisationId, ct);
        db.AddTimeline(package.ChildId, TimelineKinds.Package,
            package.Route == PackageRoute.DirectPayment
                ? $"Direct payment agreed: {PackageAllowances.Hours(package.DirectPaymentHours ?? 0)}, {Money.FormatPence(package.DirectPaymentAmount ?? 0)}, {Day(package.StartsOn)} to {Day(package.EndsOn)}"
                : $"Package {Describe(package, name)} sent to the provider as a service agreement",
            $"Built by the {PackageDisplay.Actor(actor)}. {PackageEmails.Summary(package).Trim()}");
        if (package.Route == PackageRoute.Provider) await QueueAgreementEmailAsync(package, ct);
    }

    private void RecordMove(Package package, PackageState? from, PackageActor actor, string? reason, PackageState? to = null) =>
        RecordMove(db, package, from, actor, reason, to);

    /// <summary>Writes one move of a package, by whoever is acting, in the current unit of work.</summary>
    internal static void RecordMove(ShortBreaksDbContext db, Package package, PackageState? from, PackageActor actor, string? reason, PackageState? to = null) =>
        db.PackageStateChanges.Add(new PackageStateChange
        {
            PackageId = package.Id, ChildId = package.ChildId, From = from, To = to ?? package.State, By = actor, At = db.UtcNow,
            ByUserId = db.Actor.UserId, ByName = db.Actor.Name, Reason = reason,
        });

    private async Task<(Package?, CommandResult)> SaveMadeAsync(Package package, CancellationToken ct)
    {
        var year = _allowanceYear;
        _allowanceYear = null;
        var conflict = year is null ? Conflict() : AllowanceConflict();
        // Two first commits for one child and year at once both make the year's row: the second is refused by its key.
        var result = await db.SaveOrConflictAsync(conflict, async _ =>
            year is { Made: true } y && await db.AllowanceYears.AsNoTracking().AnyAsync(a => a.ChildId == y.ChildId && a.YearStart == y.YearStart, ct)
                ? conflict
                : null, ct);
        if (!result.Succeeded)
        {
            _emails.Clear();
            return (null, result);
        }

        await SendQueuedAsync(ct);
        return (package, result);
    }

    private async Task QueueAgreementEmailAsync(Package package, CancellationToken ct)
    {
        var child = await db.Children.AsNoTracking().Where(c => c.Id == package.ChildId).Select(c => c.FirstName + " " + c.LastName).FirstAsync(ct);
        foreach (var to in await OrganisationEmailsAsync(package.OrganisationId!.Value, ct))
            _emails.Add((to, package.ChildId, PackageEmails.AgreementSent(package, child, Scheme.Council, email.Options.PublicBaseUrl)));
    }

    private async Task QueueOrganisationEmailAsync(Package package, string what, string reason, CancellationToken ct)
    {
        var child = await db.Children.AsNoTracking().Where(c => c.Id == package.ChildId).Select(c => c.FirstName + " " + c.LastName).FirstAsync(ct);
        foreach (var to in await OrganisationEmailsAsync(package.OrganisationId!.Value, ct))
            _emails.Add((to, package.ChildId, PackageEmails.AgreementChanged(package, child, what, reason, Scheme.Council, email.Options.PublicBaseUrl)));
    }

    private async Task QueueOfficerEmailAsync(Package package, string organisationName, string what, string reason, CancellationToken ct)
    {
        var child = await db.Children.AsNoTracking().FirstAsync(c => c.Id == package.ChildId, ct);
        if (child.KeyWorkerId is null) return;
        var to = await db.Users.AsNoTracking().Where(u => u.Id == child.KeyWorkerId).Select(u => u.Email).FirstOrDefaultAsync(ct);
        if (string.IsNullOrEmpty(to)) return;
        _emails.Add((to, child.Id, PackageEmails.ProviderAnswered(package, child.FullName, child.Reference, organisationName, what, reason, Scheme.Council, email.Options.PublicBaseUrl)));
    }

    private async Task<List<string>> OrganisationEmailsAsync(Guid organisationId, CancellationToken ct) =>
        (await db.OrganisationUsers.AsNoTracking().Where(u => u.OrganisationId == organisationId)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u.Email).ToListAsync(ct))
        .Where(e => !string.IsNullOrEmpty(e)).Select(e => e!).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    private async Task SendQueuedAsync(CancellationToken ct)
    {
        var queued = _emails.ToList();
        _emails.Clear();
        foreach (var (to, childId, message) in queued) await email.TrySendAsync(db, logger, to, childId, message, ct);
    }

    private Task<string> OrganisationNameAsync(Guid? organisationId, CancellationToken ct) => OrganisationNameAsync(db, organisationId, ct);

    internal static async Task<string> OrganisationNameAsync(ShortBreaksDbContext db, Guid? organisationId, CancellationToken ct) =>
        organisationId is { } id ? await db.Organisations.AsNoTracking().Where(o => o.Id == id).Select(o => o.Name).FirstOrDefaultAsync(ct) ?? "the provider" : "direct payment";

    private async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IEnumerable<Package> packages, CancellationToken ct)
    {
        var ids = packages.Where(p => p.OrganisationId is not null).Select(p => p.OrganisationId!.Value).Distinct().ToList();
        return await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
    }

    internal static string Describe(Package package, string organisationName) =>
        package.Route == PackageRoute.DirectPayment
            ? "(direct payment)"
            : package.Lines.Count == 0 ? $"with {organisationName}" : $"with {organisationName} ({string.Join(", ", package.Lines.Select(l => l.ServiceName))})";

    private static List<FieldError> ReasonProblems(string? reason, string field, string missing) =>
        string.IsNullOrWhiteSpace(reason) ? [new(field, missing)]
        : reason.Length > RequestRules.TextMaxLength ? [new(field, $"The reason must be {RequestRules.TextMaxLength} characters or fewer")]
        : [];

    private static decimal HoursEach(ServicePrice price) => price.HoursEach ?? (price.Unit == PriceUnit.Hour ? 1 : 0);

    internal static string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
