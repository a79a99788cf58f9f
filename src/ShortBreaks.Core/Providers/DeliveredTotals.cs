using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace ShortBreaks.Core.Providers;

/// <summary>
/// Keeps the totals the unused-hours report reads instead of every session and return:
/// <see cref="PackageLine.DeliveredUnits"/> (the sum of the line's sessions that were not cancelled) and
/// <see cref="Package.ReturnsSubmitted"/> (its returns that are submitted). Every save that adds, changes or removes a
/// <see cref="DeliveredSession"/> or a <see cref="DeliveryReturn"/> adds the difference in the same transaction, as an
/// atomic <c>SET x = x + @d</c>, rows in order of id and before the sessions and returns are written, so two saves on
/// one line wait for each other rather than deadlock or lose one's units. Bulk deletions that bypass the change
/// tracker (erasure) call <see cref="SubtractAsync"/> first.
/// </summary>
public static class DeliveredTotals
{
    /// <summary>What the context is about to save changes: units by line and submitted returns by package.</summary>
    public sealed record Changes(SortedDictionary<Guid, decimal> Units, SortedDictionary<Guid, int> Returns)
    {
        public bool Any => Units.Count > 0 || Returns.Count > 0;
    }

    /// <summary>The units each line and the submitted returns each package gain (or lose) from the pending save.</summary>
    public static Changes Pending(DbContext db)
    {
        var units = new SortedDictionary<Guid, decimal>();
        foreach (var entry in db.ChangeTracker.Entries<DeliveredSession>())
        {
            if (entry.State is EntityState.Deleted or EntityState.Modified) Add(units, entry, current: false, sign: -1);
            if (entry.State is EntityState.Added or EntityState.Modified) Add(units, entry, current: true, sign: 1);
        }

        var returns = new SortedDictionary<Guid, int>();
        foreach (var entry in db.ChangeTracker.Entries<DeliveryReturn>())
        {
            var status = entry.Property(r => r.Status);
            var package = entry.Property(r => r.PackageId);
            if (entry.State is EntityState.Deleted or EntityState.Modified && status.OriginalValue == DeliveryReturnStatus.Submitted)
            {
                returns[package.OriginalValue] = returns.GetValueOrDefault(package.OriginalValue) - 1;
            }

            if (entry.State is EntityState.Added or EntityState.Modified && status.CurrentValue == DeliveryReturnStatus.Submitted)
            {
                returns[package.CurrentValue] = returns.GetValueOrDefault(package.CurrentValue) + 1;
            }
        }

        foreach (var zero in units.Where(d => d.Value == 0).Select(d => d.Key).ToList()) units.Remove(zero);
        foreach (var zero in returns.Where(d => d.Value == 0).Select(d => d.Key).ToList()) returns.Remove(zero);
        return new Changes(units, returns);
    }

    /// <summary>
    /// Adds the changes: in the row a line or package being inserted in the same save carries, otherwise by an atomic
    /// update in the database (in the caller's transaction). A row the context tracks is told its new total without
    /// being marked changed.
    /// </summary>
    public static async Task ApplyAsync(DbContext db, Changes changes, CancellationToken ct)
    {
        foreach (var (lineId, delta) in changes.Units)
        {
            if (Track<PackageLine, decimal>(db, l => l.Id == lineId, nameof(PackageLine.DeliveredUnits), d => d + delta)) continue;
            await db.Set<PackageLine>().Where(l => l.Id == lineId).ExecuteUpdateAsync(s => s.SetProperty(l => l.DeliveredUnits, l => l.DeliveredUnits + delta), ct);
        }

        foreach (var (packageId, delta) in changes.Returns)
        {
            if (Track<Package, int>(db, p => p.Id == packageId, nameof(Package.ReturnsSubmitted), n => n + delta)) continue;
            await db.Set<Package>().Where(p => p.Id == packageId).ExecuteUpdateAsync(s => s.SetProperty(p => p.ReturnsSubmitted, p => p.ReturnsSubmitted + delta), ct);
        }
    }

    /// <inheritdoc cref="ApplyAsync"/>
    public static void Apply(DbContext db, Changes changes)
    {
        foreach (var (lineId, delta) in changes.Units)
        {
            if (Track<PackageLine, decimal>(db, l => l.Id == lineId, nameof(PackageLine.DeliveredUnits), d => d + delta)) continue;
            db.Set<PackageLine>().Where(l => l.Id == lineId).ExecuteUpdate(s => s.SetProperty(l => l.DeliveredUnits, l => l.DeliveredUnits + delta));
        }

        foreach (var (packageId, delta) in changes.Returns)
        {
            if (Track<Package, int>(db, p => p.Id == packageId, nameof(Package.ReturnsSubmitted), n => n + delta)) continue;
            db.Set<Package>().Where(p => p.Id == packageId).ExecuteUpdate(s => s.SetProperty(p => p.ReturnsSubmitted, p => p.ReturnsSubmitted + delta));
        }
    }

    /// <summary>
    /// Takes the sessions <paramref name="sessions"/> selects off their lines' totals before they are deleted in bulk,
    /// for lines that stay (<paramref name="deletedLines"/> are deleted with them and need nothing).
    /// </summary>
    public static async Task SubtractAsync(DbContext db, IQueryable<DeliveredSession> sessions, IQueryable<PackageLine> deletedLines, CancellationToken ct)
    {
        // Summed here: SQLite cannot sum decimals, and these are one child's sessions.
        var rows = await sessions.Where(s => s.Cancellation == null && !deletedLines.Any(l => l.Id == s.PackageLineId))
            .Select(s => new { s.PackageLineId, s.Quantity }).ToListAsync(ct);
        var units = new SortedDictionary<Guid, decimal>();
        foreach (var row in rows) units[row.PackageLineId] = units.GetValueOrDefault(row.PackageLineId) - row.Quantity;
        await ApplyAsync(db, new Changes(units, []), ct);
    }

    private static void Add(SortedDictionary<Guid, decimal> units, EntityEntry<DeliveredSession> entry, bool current, int sign)
    {
        var cancellation = entry.Property(s => s.Cancellation);
        if ((current ? cancellation.CurrentValue : cancellation.OriginalValue) is not null) return;
        var line = entry.Property(s => s.PackageLineId);
        var quantity = entry.Property(s => s.Quantity);
        var lineId = current ? line.CurrentValue : line.OriginalValue;
        units[lineId] = units.GetValueOrDefault(lineId) + sign * (current ? quantity.CurrentValue : quantity.OriginalValue);
    }

    /// <summary>
    /// Adds to a tracked row's total in memory. True when the row is being inserted (its insert carries the total);
    /// false when the database still has to be told (or the row is not tracked).
    /// </summary>
    private static bool Track<TEntity, TValue>(DbContext db, Func<TEntity, bool> match, string property, Func<TValue, TValue> add) where TEntity : class
    {
        var tracked = db.ChangeTracker.Entries<TEntity>().FirstOrDefault(e => match(e.Entity));
        if (tracked is null) return false;
        var value = tracked.Property<TValue>(property);
        value.CurrentValue = add(value.CurrentValue);
        if (tracked.State == EntityState.Added) return true;
        value.OriginalValue = value.CurrentValue;
        value.IsModified = false;
        return false;
    }
}
