namespace ShortBreaks.Core.Schemes;

/// <summary>What publishing a scheme version did: recorded it, found it already recorded, or refused it.</summary>
public enum SchemePublishOutcome
{
    Published,
    AlreadyPublished,
    Refused,
}

/// <summary>
/// Publishes a scheme version by recording it in the database, where every node of the service picks it up within
/// <c>Nodes:VersionPollSeconds</c> without a restart. Publishing the same file again changes nothing; a different
/// file under a version already recorded, or a version taking effect before today (UK), is refused: decisions already
/// made were made under the version then in force.
/// </summary>
public static class SchemePublishing
{
    public static async Task<(SchemePublishOutcome Outcome, string Message)> PublishAsync(
        ShortBreaksDbContext db, Scheme scheme, TimeProvider clock, CancellationToken ct = default)
    {
        var recorded = await db.SchemeVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Version == scheme.Version, ct);
        if (recorded is not null)
        {
            return recorded.ContentHash == scheme.ContentHash
                ? (SchemePublishOutcome.AlreadyPublished, $"Version '{scheme.Version}' is already published, exactly as in this file.")
                : (SchemePublishOutcome.Refused, $"Version '{scheme.Version}' is already published with different content. Published versions cannot be edited: give the change a new version and effectiveFrom date.");
        }

        var today = UkCalendar.Today(clock);
        if (scheme.EffectiveFrom < today)
        {
            return (SchemePublishOutcome.Refused, $"Version '{scheme.Version}' would take effect on {scheme.EffectiveFrom:d MMMM yyyy}, before today ({today:d MMMM yyyy}). Decisions already made were made under the version then in force: choose today or a later date.");
        }

        db.SchemeVersions.Add(new SchemeVersionRecord
        {
            Version = scheme.Version,
            EffectiveFrom = scheme.EffectiveFrom,
            ContentHash = scheme.ContentHash,
            Json = JsonSerializer.Serialize(scheme, SchemeCatalog.JsonOptions),
            FirstLoadedAt = clock.GetUtcNow().UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Published at the same moment from elsewhere: whichever landed first stands.
            db.ChangeTracker.Clear();
            return await PublishAsync(db, scheme, clock, ct);
        }

        return (SchemePublishOutcome.Published, $"Version '{scheme.Version}' is published and takes effect on {scheme.EffectiveFrom:d MMMM yyyy}.");
    }
}
