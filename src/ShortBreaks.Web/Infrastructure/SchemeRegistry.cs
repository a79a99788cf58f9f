namespace ShortBreaks.Web.Infrastructure;

/// <summary>
/// Keeps every scheme version the service has used in the database, exactly as loaded, and refuses to start
/// if a version already used has been edited: a change must be published as a new version.
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
    }
}
