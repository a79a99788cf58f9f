namespace ShortBreaks.Core.Requests;

/// <summary>
/// A family's request until it is sent: drafts, evidence and sending, and the scheme a request is judged under.
/// Which child it is about is <see cref="RequestMatching"/>; the threshold decision is <see cref="ThresholdDecisionService"/>.
/// </summary>
public sealed class RequestService(
    ShortBreaksDbContext db,
    SchemeCatalog schemes,
    EmailSender email,
    ILogger<RequestService> logger)
{
    public DateOnly Today => db.Today;

    public Scheme SchemeInForce => schemes.InForceOn(Today);

    /// <summary>The scheme a request is judged under: the one in force when it was submitted, else today's.</summary>
    public Scheme SchemeFor(ShortBreakRequest request) =>
        (request.SchemeVersion is null ? null : schemes.Find(request.SchemeVersion)) ?? SchemeInForce;

    private ShortBreakRequest NewDraft(RequestChannel channel, string? familyUserId, string createdByUserId) => new()
    {
        Reference = References.NewRequest(),
        Channel = channel,
        Status = RequestStatus.Draft,
        FamilyUserId = familyUserId,
        CreatedByUserId = createdByUserId,
        CreatedAt = db.UtcNow,
        UpdatedAt = db.UtcNow,
    };

    public async Task<ShortBreakRequest> StartAsync(RequestChannel channel, string? familyUserId, string createdByUserId, CancellationToken ct = default)
    {
        var request = NewDraft(channel, familyUserId, createdByUserId);
        db.Requests.Add(request);
        await db.SaveChangesAsync(ct);
        return request;
    }

    public Task<ShortBreakRequest?> FindAsync(Guid id, CancellationToken ct = default) =>
        db.Requests.Include(r => r.Decision).FirstOrDefaultAsync(r => r.Id == id, ct);

    /// <summary>Saves answers to a draft. Only a draft can be changed this way.</summary>
    public async Task<CommandResult> SaveDraftAsync(ShortBreakRequest request, CancellationToken ct = default)
    {
        if (request.Status != RequestStatus.Draft)
        {
            return CommandResult.Fail("", "This request has been sent, so its answers can no longer be changed here. Contact the short breaks team to tell us about a change.");
        }

        request.UpdatedAt = db.UtcNow;
        return await db.SaveOrConflictAsync(CommandResult.Concurrent, ct);
    }

    public async Task<CommandResult> AddEvidenceAsync(ShortBreakRequest request, EvidenceDocument document, CancellationToken ct = default)
    {
        if (request.Status is not (RequestStatus.Draft or RequestStatus.Submitted))
        {
            return CommandResult.Fail("File", "Evidence cannot be added to a request that has been decided.");
        }

        if (await db.EvidenceDocuments.CountAsync(d => d.RequestId == request.Id, ct) >= RequestRules.MaxEvidenceFiles)
        {
            return CommandResult.Fail("Upload", $"You can add up to {RequestRules.MaxEvidenceFiles} files. Remove one to add another");
        }

        document.RequestId = request.Id;
        document.UploadedAt = db.UtcNow;
        document.UploadedByUserId = db.Actor.UserId ?? "";
        db.EvidenceDocuments.Add(document);
        request.UpdatedAt = db.UtcNow;
        await db.SaveChangesAsync(ct);
        return CommandResult.Ok;
    }

    public async Task<CommandResult> RemoveEvidenceAsync(ShortBreakRequest request, Guid documentId, CancellationToken ct = default)
    {
        if (request.Status != RequestStatus.Draft)
        {
            return CommandResult.Fail("", "Evidence can only be removed before the request is sent.");
        }

        var removed = await db.EvidenceDocuments.Where(d => d.RequestId == request.Id && d.Id == documentId).ToListAsync(ct);
        db.EvidenceDocuments.RemoveRange(removed);
        await db.SaveChangesAsync(ct);
        return CommandResult.Ok;
    }

    /// <summary>Evidence with the request, without the file contents.</summary>
    public Task<List<EvidenceSummary>> EvidenceAsync(Guid requestId, CancellationToken ct = default) =>
        db.EvidenceDocuments.Where(d => d.RequestId == requestId).OrderBy(d => d.UploadedAt)
            .Select(d => new EvidenceSummary(d.Id, d.KindId, d.FileName, d.ContentType, d.SizeBytes, d.UploadedAt))
            .ToListAsync(ct);

    /// <summary>Sends a complete draft to the council.</summary>
    public async Task<CommandResult> SubmitAsync(ShortBreakRequest request, CancellationToken ct = default)
    {
        if (request.Status != RequestStatus.Draft)
        {
            return CommandResult.Fail("", "This request has already been sent.");
        }

        var scheme = SchemeInForce;
        if (MarkSubmitted(request, scheme) is { } incomplete) return incomplete;
        var saved = await db.SaveOrConflictAsync(CommandResult.Concurrent, ct);
        if (!saved.Succeeded) return saved;

        await ConfirmSubmittedAsync(request, scheme, ct);
        return CommandResult.Ok;
    }

    /// <summary>
    /// Makes and sends a request in one go (the API): the answers are checked and the request is stored already
    /// sent, in one save, so a request that is refused, or that the database refuses, leaves no draft behind.
    /// </summary>
    public async Task<(ShortBreakRequest? Request, CommandResult Result)> CreateSubmittedAsync(
        RequestChannel channel, string? familyUserId, string createdByUserId, Action<ShortBreakRequest> answer, CancellationToken ct = default)
    {
        var request = NewDraft(channel, familyUserId, createdByUserId);
        answer(request);
        var scheme = SchemeInForce;
        if (MarkSubmitted(request, scheme) is { } incomplete) return (null, incomplete);

        db.Requests.Add(request);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            // Nothing was stored: forget the request and its audit entries, so a later save in this scope does not try them again.
            foreach (var added in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList()) added.State = EntityState.Detached;
            throw;
        }

        await ConfirmSubmittedAsync(request, scheme, ct);
        return (request, CommandResult.Ok);
    }

    /// <summary>Marks a complete request sent under the scheme in force, or says which steps are not complete.</summary>
    private CommandResult? MarkSubmitted(ShortBreakRequest request, Scheme scheme)
    {
        var missing = RequestRules.MissingSteps(request, scheme, Today);
        if (missing.Count > 0)
        {
            return CommandResult.Fail(missing.Select(step => new FieldError(step, $"{RequestSteps.Title(step)} is not complete")).ToList());
        }

        request.Status = RequestStatus.Submitted;
        request.SubmittedAt = db.UtcNow;
        request.UpdatedAt = db.UtcNow;
        request.SchemeVersion = scheme.Version;
        return null;
    }

    private async Task ConfirmSubmittedAsync(ShortBreakRequest request, Scheme scheme, CancellationToken ct)
    {
        if (request.PreferredContact == ContactMethod.Email && !string.IsNullOrWhiteSpace(request.ContactEmail))
        {
            await email.TrySendAsync(db, logger, request.ContactEmail, null, Emails.RequestReceived(request, scheme), ct);
        }
    }
}

public sealed record EvidenceSummary(Guid Id, string KindId, string FileName, string ContentType, long SizeBytes, DateTime UploadedAt);

public enum WaitingState
{
    WithinTarget,
    DueSoon,
    Overdue,
}

public sealed record WaitingTime(int WorkingDaysWaited, int TargetWorkingDays, DateOnly DueBy, WaitingState State);
