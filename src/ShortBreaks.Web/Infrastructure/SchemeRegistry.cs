namespace ShortBreaks.Web.Infrastructure;

/// <summary>
/// Keeps every scheme version the service has used in the database, exactly as loaded, and refuses to start
/// if a version already used has been edited: a change must be published as a new version. The database is where
/// nodes meet: a version recorded there by another node (or by the <c>scheme publish</c> command) joins this node's
/// catalog at start and, while it runs, within <c>Nodes:VersionPollSeconds</c>.
/// </summary>
public sealed class SchemeRegistry(ShortBreaksDbContext db, SchemeCatalog catalog)
{
    public async Task RecordAsync(CancellationToken ct = default)
    {
        var known = await db.SchemeVersions.AsNoTracking().ToDictionaryAsync(v => v.Version, ct);
        var errors = new List<string>();
        foreach (var scheme in catalog.Versions)
        {
            if (known.TryGetValue(scheme.Version, out var record))
            {
                if (record.ContentHash != scheme.ContentHash)
                {
                    errors.Add($"Version '{scheme.Version}' has been changed since it was first used. Published versions cannot be edited: give the change a new version and effectiveFrom date.");
                }

                continue;
            }

            db.SchemeVersions.Add(new SchemeVersionRecord
            {
                Version = scheme.Version,
                EffectiveFrom = scheme.EffectiveFrom,
                ContentHash = scheme.ContentHash,
                Json = JsonSerializer.Serialize(scheme, SchemeCatalog.JsonOptions),
                FirstLoadedAt = db.UtcNow,
            });
        }

        if (errors.Count > 0)
        {
            throw new SchemeValidationException(errors);
        }

        await db.SaveChangesAsync(ct);
        await SyncRecordedAsync(ct);
    }

    /// <summary>
    /// Adds to the catalog every version recorded in the database that it does not hold yet, and returns how many.
    /// Versions are only ever added, so comparing the counts is all a poll costs when nothing is new.
    /// </summary>
    public async Task<int> SyncRecordedAsync(CancellationToken ct = default)
    {
        if (await db.SchemeVersions.CountAsync(ct) <= catalog.Versions.Count) return 0;
        var held = catalog.Versions.Select(v => v.Version).ToList();
        var records = await db.SchemeVersions.AsNoTracking().Where(v => !held.Contains(v.Version)).ToListAsync(ct);
        var added = 0;
        foreach (var record in records)
        {
            var (scheme, errors) = SchemeCatalog.Parse(record.Json);
            if (scheme is null || scheme.ContentHash != record.ContentHash)
            {
                // A version this build cannot read exactly as recorded is not used: decisions must be explainable.
                throw new SchemeValidationException(errors.Count > 0
                    ? [.. errors.Select(e => $"Version '{record.Version}' recorded in the database: {e}")]
                    : [$"Version '{record.Version}' recorded in the database does not read back to its fingerprint with this build."]);
            }

            if (catalog.TryAdd(scheme)) added++;
        }

        return added;
    }
}
