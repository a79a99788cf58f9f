using ShortBreaks.Core.Retention;

namespace ShortBreaks.Core.Providers;

/// <summary>A Targeted Short Breaks plan's provider lines as packages to broker, kept in step with the plan's versions.</summary>
public static class PlanPackages
{
    /// <summary>
    /// When a Targeted Short Breaks plan version is approved: each of its lines commissioned from a provider becomes a
    /// package to broker (to the organisation the line names, when it names an approved one), so a stepped-up child
    /// keeps their providers. A line the new version keeps as it was keeps its package; a line it changes replaces the
    /// old package (a sent or agreed one is marked replaced, a draft is dropped); a line it drops ends the old package
    /// with the scheme's notice. In the current unit of work: the plan's approval saves it. The provider sees the
    /// change on its agreements at once.
    /// </summary>
    public static async Task FromApprovedPlanAsync(ShortBreaksDbContext db, Scheme scheme, PlanVersion version, CancellationToken ct)
    {
        var today = UkCalendar.DateOf(db.UtcNow);
        var lines = version.Lines.Where(l => l.Route == PaymentRoute.CommissionedFromProvider).OrderBy(l => l.Order).ToList();
        var live = await db.Packages.Include(p => p.Lines)
            .Where(p => p.ChildId == version.ChildId && p.Tier == Tier.TargetedShortBreaks && p.PlanVersionId != null && p.PlanVersionId != version.Id &&
                        (p.State == PackageState.Draft || p.State == PackageState.Sent || p.State == PackageState.Accepted))
            .ToListAsync(ct);
        var oldLineIds = live.Where(p => p.PlanSupportLineId is not null).Select(p => p.PlanSupportLineId!.Value).ToList();
        var oldLines = await db.Set<PlanSupportLine>().AsNoTracking().Where(l => oldLineIds.Contains(l.Id)).ToListAsync(ct);
        var organisationIds = lines.Where(l => l.ProviderId is not null).Select(l => l.ProviderId!.Value).ToList();
        var known = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).Select(o => o.Id).ToListAsync(ct);
        var startsOn = version.EffectiveFrom is { } from && from > today ? from : today;
        if (startsOn < version.PeriodStart) startsOn = version.PeriodStart;
        var kept = new HashSet<Guid>();

        foreach (var line in lines)
        {
            var same = live.FirstOrDefault(p => !kept.Contains(p.Id) && oldLines.FirstOrDefault(o => o.Id == p.PlanSupportLineId) is { } o && SameLine(o, line));
            if (same is not null)
            {
                kept.Add(same.Id);
                same.PlanVersionId = version.Id;
                same.PlanSupportLineId = line.Id;
                continue;
            }

            var package = new Package
            {
                ChildId = version.ChildId, Route = PackageRoute.Provider, Tier = Tier.TargetedShortBreaks, PlanVersionId = version.Id, PlanSupportLineId = line.Id,
                OrganisationId = line.ProviderId is { } id && known.Contains(id) ? id : null,
                YearStart = AllowanceYears.StartOf(startsOn, scheme.ProviderRules), StartsOn = startsOn, EndsOn = version.PeriodEnd < startsOn ? startsOn : version.PeriodEnd,
                State = PackageState.Draft, SchemeVersion = scheme.Version, CreatedAt = db.UtcNow, CreatedByUserId = db.Actor.UserId, CreatedByName = db.Actor.Name,
            };
            db.Packages.Add(package);
            PackageService.RecordMove(db, package, null, PackageActor.Officer, $"From plan version {version.Number}: {line.Description}");
            db.AddTimeline(version.ChildId, TimelineKinds.Package, $"Package to broker from plan version {version.Number}: {line.Description}", line.ProvidedBy);

            var replaced = live.FirstOrDefault(p => !kept.Contains(p.Id) && oldLines.FirstOrDefault(o => o.Id == p.PlanSupportLineId) is { } o && o.Order == line.Order);
            if (replaced is null) continue;
            kept.Add(replaced.Id);
            await ReplaceForPlanAsync(db, scheme, today, replaced, package, version.Number, ct);
        }

        foreach (var gone in live.Where(p => !kept.Contains(p.Id)))
        {
            await ReplaceForPlanAsync(db, scheme, today, gone, null, version.Number, ct);
        }
    }

    private static async Task ReplaceForPlanAsync(ShortBreaksDbContext db, Scheme scheme, DateOnly today, Package old, Package? replacement, int versionNumber, CancellationToken ct)
    {
        var reason = replacement is null ? $"Plan version {versionNumber} no longer has this line" : $"Plan version {versionNumber} changed this line";
        var name = await PackageService.OrganisationNameAsync(db, old.OrganisationId, ct);
        switch (old.State)
        {
            case PackageState.Draft:
                db.Packages.Remove(old);
                return;
            case PackageState.Accepted when replacement is null:
                var from = old.State;
                var earliest = PackageMoves.EarliestEnd(today, scheme.ProviderRules);
                if (earliest < old.EndsOn) old.EndsOn = earliest;
                old.NoticeGivenOn = today;
                old.State = PackageState.Ended;
                PackageService.RecordMove(db, old, from, PackageActor.Officer, reason);
                db.AddTimeline(old.ChildId, TimelineKinds.Package, $"Package {PackageService.Describe(old, name)} ended with notice, last day {PackageService.Day(old.EndsOn)}", reason);
                return;
            default:
                var before = old.State;
                old.State = PackageState.Changed;
                old.ReplacedByPackageId = replacement?.Id;
                PackageService.RecordMove(db, old, before, PackageActor.Officer, reason);
                db.AddTimeline(old.ChildId, TimelineKinds.Package, $"Package {PackageService.Describe(old, name)} replaced", reason);
                return;
        }
    }

    private static bool SameLine(PlanSupportLine a, PlanSupportLine b) =>
        a.Description == b.Description && a.Type == b.Type && a.Quantity == b.Quantity && a.Frequency == b.Frequency && a.UnitCost == b.UnitCost &&
        a.ProviderId == b.ProviderId && a.RateName == b.RateName;

}
