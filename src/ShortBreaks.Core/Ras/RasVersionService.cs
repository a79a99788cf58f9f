namespace ShortBreaks.Core.Ras;

/// <summary>
/// RAS versions held in the service: the shipped files recorded as first loaded, drafts made from an earlier
/// version (by an administrator or by a calibration), and publishing a draft as a new version. A published
/// version is never changed: the catalog only ever gains versions.
/// </summary>
public sealed class RasVersionService(ShortBreaksDbContext db, RasSchemeCatalog catalog)
{
    public const int LabelMaxLength = 40;
    public const int NotesMaxLength = RequestRules.TextMaxLength;

    public DateOnly Today => db.Today;

    /// <summary>
    /// On start: records each shipped file the first time it is seen, refuses a file whose published content has
    /// changed, and adds the versions published in the service to the catalog.
    /// </summary>
    public async Task RecordAsync(CancellationToken ct = default)
    {
        var known = await db.RasVersions.ToDictionaryAsync(v => v.Label, ct);
        var errors = new List<string>();
        foreach (var scheme in catalog.Versions)
        {
            if (known.TryGetValue(scheme.Version, out var record))
            {
                if (record.Status == RasVersionStatus.Draft)
                    errors.Add($"RAS version '{scheme.Version}' is a file and also a draft in the service. Rename the draft or the file.");
                else if (record.ContentHash != scheme.ContentHash)
                    errors.Add($"RAS version '{scheme.Version}' has been changed since it was published. A published version cannot be edited: give the change a new version and effectiveFrom date.");
                continue;
            }

            db.RasVersions.Add(new RasVersionRecord
            {
                Label = scheme.Version,
                EffectiveFrom = scheme.EffectiveFrom,
                Status = RasVersionStatus.Published,
                Source = RasVersionSource.SchemeFile,
                Notes = scheme.Description,
                Json = RasSchemeCatalog.ToJson(scheme),
                ContentHash = scheme.ContentHash,
                CreatedAt = db.UtcNow,
                CreatedByName = "Scheme file",
                PublishedAt = db.UtcNow,
                PublishedByName = "Scheme file",
            });
        }

        foreach (var record in known.Values.Where(r => r.Status == RasVersionStatus.Published && catalog.Find(r.Label) is null))
        {
            var (scheme, parseErrors) = RasSchemeCatalog.Parse(record.Json);
            if (scheme is null)
            {
                errors.AddRange(parseErrors.Select(e => $"Published RAS version '{record.Label}' {e}"));
                continue;
            }

            try
            {
                catalog.Add(scheme);
            }
            catch (RasSchemeValidationException ex)
            {
                errors.AddRange(ex.Errors);
            }
        }

        if (errors.Count > 0) throw new RasSchemeValidationException(errors);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Adds to the catalog the versions another node has published since this one last looked, and says how many.
    /// Published versions are never changed or deleted, so a count that matches the catalog's means nothing is new.
    /// </summary>
    public async Task<int> SyncPublishedAsync(CancellationToken ct = default)
    {
        var published = await db.RasVersions.CountAsync(v => v.Status == RasVersionStatus.Published, ct);
        if (published <= catalog.Versions.Count) return 0;
        var known = catalog.Versions.Select(v => v.Version).ToList();
        var added = 0;
        foreach (var record in await db.RasVersions.AsNoTracking()
                     .Where(v => v.Status == RasVersionStatus.Published && !known.Contains(v.Label)).ToListAsync(ct))
        {
            catalog.Add(SchemeOf(record));
            added++;
        }

        return added;
    }

    public Task<List<RasVersionRecord>> ListAsync(CancellationToken ct = default) =>
        db.RasVersions.AsNoTracking().OrderByDescending(v => v.EffectiveFrom).ThenBy(v => v.Label).ToListAsync(ct);

    public Task<RasVersionRecord?> FindAsync(Guid id, CancellationToken ct = default) =>
        db.RasVersions.FirstOrDefaultAsync(v => v.Id == id, ct);

    public Task<RasVersionRecord?> FindAsync(string label, CancellationToken ct = default) =>
        db.RasVersions.FirstOrDefaultAsync(v => v.Label == label, ct);

    /// <summary>The concurrency version a record has in the database now, whatever this context holds.</summary>
    public Task<long> CurrentVersionAsync(Guid id, CancellationToken ct = default) =>
        db.RasVersions.AsNoTracking().Where(v => v.Id == id).Select(v => v.Version).FirstOrDefaultAsync(ct);

    /// <summary>The version a record holds (a draft or a published one), as a scheme the engine can score with.</summary>
    public static RasScheme SchemeOf(RasVersionRecord record) =>
        JsonSerializer.Deserialize<RasScheme>(record.Json, RasSchemeCatalog.JsonOptions) is { } scheme
            ? scheme with { ContentHash = record.ContentHash }
            : throw new InvalidOperationException($"RAS version '{record.Label}' holds no scheme.");

    /// <summary>
    /// A published version when one has the label, else a draft: what a virtual budget runs. A draft is scored
    /// as it stands today; null when there is no such version.
    /// </summary>
    public async Task<RasScheme?> SchemeAsync(string label, CancellationToken ct = default)
    {
        if (catalog.Find(label) is { } published) return published;
        var record = await db.RasVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Label == label, ct);
        return record is null ? null : SchemeOf(record);
    }

    /// <summary>Starts a draft as a copy of an existing version, under a new label and effective date.</summary>
    public async Task<(RasVersionRecord? Draft, CommandResult Result)> CreateDraftAsync(
        string basedOn, string? label, DateOnly? effectiveFrom, string? notes, CancellationToken ct = default)
    {
        var source = await SchemeAsync(basedOn, ct);
        if (source is null) return (null, CommandResult.Fail("BasedOn", $"There is no RAS version '{basedOn}'"));
        var errors = await CheckLabelAndDateAsync(null, label, effectiveFrom, ct);
        if (notes is { Length: > NotesMaxLength }) errors.Add(new("Notes", $"The notes must be {NotesMaxLength} characters or fewer"));
        if (errors.Count > 0) return (null, CommandResult.Fail(errors));

        var scheme = source with { Version = label!.Trim(), EffectiveFrom = effectiveFrom!.Value };
        return await AddDraftAsync(scheme, RasVersionSource.Edited, basedOn, notes, ct);
    }

    /// <summary>Keeps a whole scheme as a new draft (for example rates fitted by a calibration), once it is valid.</summary>
    public async Task<(RasVersionRecord? Draft, CommandResult Result)> CreateDraftAsync(
        RasScheme scheme, RasVersionSource source, string? basedOn, string? notes, CancellationToken ct = default)
    {
        var errors = await CheckLabelAndDateAsync(null, scheme.Version, scheme.EffectiveFrom, ct);
        errors.AddRange(RasSchemeValidator.Validate(scheme).Select(e => new FieldError("", e)));
        if (notes is { Length: > NotesMaxLength }) errors.Add(new("Notes", $"The notes must be {NotesMaxLength} characters or fewer"));
        if (errors.Count > 0) return (null, CommandResult.Fail(errors));
        return await AddDraftAsync(scheme, source, basedOn, notes, ct);
    }

    /// <summary>Replaces a draft's content. The scheme must be valid; the label and date follow the scheme.</summary>
    public async Task<CommandResult> UpdateDraftAsync(RasVersionRecord draft, RasScheme scheme, string? notes, long versionSeen, CancellationToken ct = default)
    {
        if (draft.Status != RasVersionStatus.Draft) return CommandResult.Fail("", $"RAS version '{draft.Label}' is published and cannot be changed. Make a new draft from it.");
        var errors = await CheckLabelAndDateAsync(draft.Id, scheme.Version, scheme.EffectiveFrom, ct);
        errors.AddRange(RasSchemeValidator.Validate(scheme).Select(e => new FieldError("", e)));
        if (notes is { Length: > NotesMaxLength }) errors.Add(new("Notes", $"The notes must be {NotesMaxLength} characters or fewer"));
        if (errors.Count > 0) return CommandResult.Fail(errors);

        db.ExpectVersion(draft, versionSeen);
        draft.Label = scheme.Version;
        draft.EffectiveFrom = scheme.EffectiveFrom;
        draft.Notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
        draft.Json = RasSchemeCatalog.ToJson(scheme);
        draft.ContentHash = RasSchemeCatalog.HashOf(scheme);
        return await SaveAsync(ct);
    }

    /// <summary>
    /// Publishes a draft: from its effective date (today or later) every new assessment is scored under it. It
    /// can never be changed again.
    /// </summary>
    public async Task<CommandResult> PublishAsync(RasVersionRecord draft, long versionSeen, CancellationToken ct = default)
    {
        if (draft.Status != RasVersionStatus.Draft) return CommandResult.Fail("", $"RAS version '{draft.Label}' is already published.");
        var scheme = SchemeOf(draft);
        var errors = await CheckLabelAndDateAsync(draft.Id, scheme.Version, scheme.EffectiveFrom, ct);
        errors.AddRange(RasSchemeValidator.Validate(scheme).Select(e => new FieldError("", e)));
        if (errors.Count > 0) return CommandResult.Fail(errors);

        db.ExpectVersion(draft, versionSeen);
        draft.Status = RasVersionStatus.Published;
        draft.PublishedAt = db.UtcNow;
        draft.PublishedByName = db.Actor.Name;
        var result = await SaveAsync(ct);
        if (result.Succeeded) catalog.Add(scheme);
        return result;
    }

    /// <summary>Throws a draft away. Published versions stay for ever.</summary>
    public async Task<CommandResult> DeleteDraftAsync(RasVersionRecord draft, long versionSeen, CancellationToken ct = default)
    {
        if (draft.Status != RasVersionStatus.Draft) return CommandResult.Fail("", "A published version cannot be deleted.");
        db.ExpectVersion(draft, versionSeen);
        db.RasVersions.Remove(draft);
        return await SaveAsync(ct);
    }

    private async Task<(RasVersionRecord?, CommandResult)> AddDraftAsync(RasScheme scheme, RasVersionSource source, string? basedOn, string? notes, CancellationToken ct)
    {
        var draft = new RasVersionRecord
        {
            Label = scheme.Version,
            EffectiveFrom = scheme.EffectiveFrom,
            Status = RasVersionStatus.Draft,
            Source = source,
            BasedOn = basedOn,
            Notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim(),
            Json = RasSchemeCatalog.ToJson(scheme),
            ContentHash = RasSchemeCatalog.HashOf(scheme),
            CreatedAt = db.UtcNow,
            CreatedByName = db.Actor.Name,
        };
        db.RasVersions.Add(draft);
        var result = await SaveAsync(ct);
        return (result.Succeeded ? draft : null, result);
    }

    private async Task<List<FieldError>> CheckLabelAndDateAsync(Guid? self, string? label, DateOnly? effectiveFrom, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        label = label?.Trim();
        if (string.IsNullOrEmpty(label)) errors.Add(new("Label", "Enter a version label, like 2027.1"));
        else if (label.Length > LabelMaxLength) errors.Add(new("Label", $"The version label must be {LabelMaxLength} characters or fewer"));
        else if (!label.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
            errors.Add(new("Label", "The version label can only hold letters, numbers, full stops, hyphens and underscores"));
        else if (catalog.Find(label) is not null || await db.RasVersions.AnyAsync(v => v.Label == label && v.Id != self, ct))
            errors.Add(new("Label", $"There is already a RAS version '{label}': choose another label"));

        if (effectiveFrom is null) errors.Add(new("EffectiveFrom", "Enter the date the version takes effect"));
        else if (effectiveFrom < Today) errors.Add(new("EffectiveFrom", "The date the version takes effect must be today or in the future"));
        else if (catalog.Versions.Any(v => v.EffectiveFrom == effectiveFrom))
            errors.Add(new("EffectiveFrom", $"Another published version takes effect on {effectiveFrom:d MMMM yyyy}: choose another date"));
        return errors;
    }

    private Task<CommandResult> SaveAsync(CancellationToken ct) => db.SaveOrConflictAsync(
        CommandResult.Conflicted("Someone else changed this RAS version while you were working on it. Check it as it is now and try again."),
        _ => Task.FromResult(LabelTaken()), ct);

    /// <summary>A new version refused by the unique label: someone else made one with that label at the same moment.</summary>
    private CommandResult? LabelTaken()
    {
        var added = db.ChangeTracker.Entries<RasVersionRecord>().Where(e => e.State == EntityState.Added).ToList();
        if (added.Count == 0) return null;
        foreach (var entry in added) entry.State = EntityState.Detached;
        return CommandResult.Fail("Label", "Someone else has just made a version with that label: choose another label");
    }
}
