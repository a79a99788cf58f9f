using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ShortBreaks.Core.Calendar;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Eligibility;
using ShortBreaks.Core.Letters;
using ShortBreaks.Core.Notifications;
using ShortBreaks.Core.Schemes;

namespace ShortBreaks.Core.Requests;

/// <summary>The outcome of a command: done, refused with reasons, or beaten by someone else's change.</summary>
public sealed record CommandResult(IReadOnlyList<FieldError> Errors, bool Conflict = false)
{
    public static readonly CommandResult Ok = new([]);

    public bool Succeeded => Errors.Count == 0 && !Conflict;

    public static CommandResult Fail(string field, string message) => new([new FieldError(field, message)]);

    public static CommandResult Fail(IReadOnlyList<FieldError> errors) => new(errors);

    public static readonly CommandResult Concurrent = new(
        [new FieldError("", "Someone else changed this request while you were working on it. Nothing you entered has been saved over their change: check the request as it is now and try again.")],
        Conflict: true);
}

/// <summary>A family's request from first answer to threshold decision.</summary>
public sealed class RequestService(
    ShortBreaksDbContext db,
    SchemeCatalog schemes,
    EmailSender email,
    ILogger<RequestService> logger)
{
    public DateOnly Today => DateOnly.FromDateTime(db.UtcNow);

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
        try
        {
            await db.SaveChangesAsync(ct);
            return CommandResult.Ok;
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult.Concurrent;
        }
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
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult.Concurrent;
        }

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
            await TryEmailAsync(request.ContactEmail, null,
                $"We have your request for short breaks: {request.Reference}",
                $"Dear {request.ContactName},\n\nThank you for your request for short breaks for {request.ChildFirstName}. " +
                $"Your reference is {request.Reference}.\n\nWe aim to decide within {scheme.Triage.DecisionTargetWorkingDays} working days. " +
                $"We will email you when a decision is waiting in your account.\n\n{scheme.Council.ServiceName}\n{scheme.Council.Name}", ct);
        }
    }

    /// <summary>Children who may be the child in the request: same name and date of birth, or same name and postcode.</summary>
    public async Task<List<Child>> PossibleMatchesAsync(ShortBreakRequest request, CancellationToken ct = default)
    {
        var nameKey = MatchKeys.Name(request.ChildFirstName, request.ChildLastName);
        var postcodeKey = MatchKeys.Postcode(request.Postcode);
        var dob = request.ChildDateOfBirth;
        return await db.Children
            .Where(c => c.MergedIntoChildId == null && c.NameKey == nameKey && (c.DateOfBirth == dob || c.PostcodeKey == postcodeKey))
            .OrderBy(c => c.CreatedAt)
            .ToListAsync(ct);
    }

    /// <summary>
    /// Says which child a submitted request is about: an existing record the officer confirmed as the same
    /// child, or a new record made from the request. Matching to an existing record changes nothing on it and
    /// gives the requester no access to it: the officer links an account to the child as its own step, with its
    /// own checks (<see cref="FamilyLinkService"/>), and chooses field by field which answers replace the
    /// record's (<see cref="UpdateRecordFromRequestAsync"/>). A new record is made from the request, so the
    /// family who sent it online is linked to it: it holds nothing but their own answers.
    /// </summary>
    public async Task<CommandResult> ConfirmChildAsync(ShortBreakRequest request, Guid? existingChildId, long versionSeen, CancellationToken ct = default)
    {
        if (request.Status != RequestStatus.Submitted)
        {
            return CommandResult.Fail("", "Only a request awaiting a decision can be matched to a child.");
        }

        if (request.ChildConfirmed)
        {
            return CommandResult.Fail("", "This request is already matched to a child's record.");
        }

        db.ExpectVersion(request, versionSeen);
        Child child;
        if (existingChildId is { } id)
        {
            var found = await db.Children.FirstOrDefaultAsync(c => c.Id == id, ct);
            if (found is null) return CommandResult.Fail("ChildId", "Select a child's record from the list");
            if (found.MergedIntoChildId is not null) return CommandResult.Fail("ChildId", "That record has been merged into another: select the other record");
            child = found;
        }
        else
        {
            child = new Child
            {
                Reference = References.NewChild(),
                CreatedAt = db.UtcNow,
                Tier = Tier.None,
            };
            foreach (var field in RecordFromRequest.Fields) RecordFromRequest.Apply(field, child, request);
            db.Children.Add(child);
            AddTimeline(child.Id, request.Id, TimelineKinds.RecordCreated, $"Record created from request {request.Reference}", null);
            if (request.FamilyUserId is { } familyUserId)
            {
                child.FamilyMembers.Add(new ChildFamilyMember
                {
                    ChildId = child.Id,
                    UserId = familyUserId,
                    Relationship = request.ContactRelationship ?? "",
                    AddedAt = db.UtcNow,
                    LinkedByUserId = db.Actor.UserId,
                    LinkedByName = db.Actor.Name,
                });
            }
        }

        request.ChildId = child.Id;
        request.ChildConfirmed = true;
        request.UpdatedAt = db.UtcNow;

        var channel = request.Channel == RequestChannel.Online ? "online" : "by phone at the duty point";
        db.TimelineEvents.Add(new TimelineEvent
        {
            ChildId = child.Id,
            RequestId = request.Id,
            At = request.SubmittedAt ?? db.UtcNow,
            Kind = TimelineKinds.RequestSubmitted,
            Summary = $"Request {request.Reference} made {channel}",
            Detail = request.ContactName is null ? null : $"By {request.ContactName} ({request.ContactRelationship})",
            ActorName = request.ContactName ?? "",
        });
        AddTimeline(child.Id, request.Id, TimelineKinds.RequestMatched,
            existingChildId is null ? "Request confirmed as a child new to the service" : "Request matched to this record", null);

        try
        {
            await db.SaveChangesAsync(ct);
            return CommandResult.Ok;
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult.Concurrent;
        }
    }

    /// <summary>
    /// Copies the request's answers the officer chose, and only those, onto the record it is matched to. The
    /// change is audited with the old and new values and put on the child's timeline.
    /// </summary>
    public async Task<CommandResult> UpdateRecordFromRequestAsync(ShortBreakRequest request, IReadOnlyCollection<RecordField> fields, long childVersionSeen, CancellationToken ct = default)
    {
        if (!request.ChildConfirmed || request.ChildId is not { } childId)
        {
            return CommandResult.Fail("", "Match this request to a child's record before updating the record from it.");
        }

        if (fields.Count == 0)
        {
            return CommandResult.Fail("Fields", "Select the answers from the request that should replace the record's");
        }

        var child = await db.Children.FirstOrDefaultAsync(c => c.Id == childId, ct);
        if (child is null || child.MergedIntoChildId is not null)
        {
            return CommandResult.Fail("", "The record this request is matched to has been merged into another: update the record that stays.");
        }

        db.ExpectVersion(child, childVersionSeen);
        var chosen = RecordFromRequest.Fields.Where(fields.Contains).ToList();
        foreach (var field in chosen) RecordFromRequest.Apply(field, child, request);
        AddTimeline(child.Id, request.Id, TimelineKinds.RecordUpdatedFromRequest, $"Record updated from request {request.Reference}",
            string.Join("; ", chosen.Select(RecordFromRequest.Label)));
        try
        {
            await db.SaveChangesAsync(ct);
            return CommandResult.Ok;
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult.Concurrent with
            {
                Errors = [new FieldError("", "Someone else changed this child's record while you were working on it. Nothing has been saved: check the record as it is now and choose again.")],
            };
        }
    }

    /// <summary>The request checked against the eligibility criteria in force on the day of the check.</summary>
    public async Task<EligibilityResult> CheckEligibilityAsync(ShortBreakRequest request, CancellationToken ct = default)
    {
        var evidenceKinds = await db.EvidenceDocuments.Where(d => d.RequestId == request.Id).Select(d => d.KindId).Distinct().ToListAsync(ct);
        return EligibilityCheck.Evaluate(SchemeInForce, FactsOf(request, evidenceKinds), Today);
    }

    public static EligibilityFacts FactsOf(ShortBreakRequest request, IReadOnlyCollection<string> evidenceKinds) =>
        new(request.ChildDateOfBirth, request.NeedIdList, evidenceKinds, request.HasEhcPlan == true);

    /// <summary>
    /// Records the officer's threshold decision, updates the child's tier, writes the letter and tells the
    /// family. A safeguarding concern goes to the MASH at once and the family is not sent the reasons.
    /// </summary>
    public async Task<CommandResult> DecideAsync(ShortBreakRequest request, DecisionOutcome outcome, string? reasons, long versionSeen, CancellationToken ct = default)
    {
        if (!ThresholdDecisions.Outcomes.Contains(outcome))
        {
            return CommandResult.Fail("Outcome", "Select a decision");
        }

        if (request.Status != RequestStatus.Submitted)
        {
            return request.Status is RequestStatus.Decided or RequestStatus.RoutedToMash
                ? CommandResult.Concurrent with { Errors = [new FieldError("", "A decision has already been made on this request.")] }
                : CommandResult.Fail("", "Only a request that has been sent can be decided.");
        }

        if (request.Version != versionSeen)
        {
            return CommandResult.Concurrent;
        }

        var eligibility = await CheckEligibilityAsync(request, ct);
        var child = request.ChildId is { } childId ? await db.Children.FirstAsync(c => c.Id == childId, ct) : null;
        var errors = ThresholdDecisions.Check(outcome, reasons, request.ChildConfirmed, eligibility, child);
        if (errors.Count > 0)
        {
            return CommandResult.Fail(errors);
        }

        if (child is null)
        {
            // A safeguarding concern may be raised before the record is confirmed: it must not wait.
            var matches = await PossibleMatchesAsync(request, ct);
            var confirm = await ConfirmChildAsync(request, matches.Count == 1 ? matches[0].Id : null, request.Version, ct);
            if (!confirm.Succeeded) return confirm;
            versionSeen = request.Version;
            child = await db.Children.FirstAsync(c => c.Id == request.ChildId, ct);
        }

        var scheme = SchemeInForce;
        db.ExpectVersion(request, versionSeen);
        var decision = new RequestDecision
        {
            RequestId = request.Id,
            ChildId = child.Id,
            Outcome = outcome,
            Reasons = reasons!.Trim(),
            DecidedAt = db.UtcNow,
            DecidedByUserId = db.Actor.UserId ?? "",
            DecidedByName = db.Actor.Name,
            SchemeVersion = scheme.Version,
            CriteriaJson = EligibilityJson.Serialize(eligibility.Criteria),
        };

        if (outcome == DecisionOutcome.FlexibleShortBreaksApproved)
        {
            decision.AllowanceHoursPerYear = scheme.Tiers.FlexibleShortBreaks.HoursPerYear;
            decision.AllowanceDirectPaymentPerYear = scheme.Tiers.FlexibleShortBreaks.DirectPaymentPerYear;
            decision.AllowanceProviderPerYear = scheme.Tiers.FlexibleShortBreaks.ProviderPerYear;
            child.KeyWorkerId ??= db.Actor.UserId;
        }

        // The tier changes only by the named move, on the timeline like every other move.
        if (ThresholdDecisions.MoveFor(outcome, child.Tier) is { } move)
        {
            await new Plans.TierService(db, schemes).ApplyAsync(child, move, decision.Reasons, ct);
        }

        if (ThresholdDecisions.SignpostedTier(outcome, child.Tier) is { } signposted) child.Tier = signposted;
        if (ThresholdDecisions.ReferralFor(outcome) is { } referral) db.Referrals.Add(NewReferral(request, child, referral, decision.Reasons));

        request.Status = ThresholdDecisions.StatusAfter(outcome);
        request.UpdatedAt = db.UtcNow;
        db.Decisions.Add(decision);

        Letter? letter = null;
        if (ThresholdDecisions.TellsFamily(outcome))
        {
            var (title, body) = DecisionLetter.Compose(scheme, request, decision);
            letter = new Letter
            {
                ChildId = child.Id,
                RequestId = request.Id,
                Kind = LetterKinds.Decision,
                Title = title,
                BodyHtml = body,
                CreatedAt = db.UtcNow,
                CreatedByUserId = db.Actor.UserId ?? "",
                VisibleToFamily = true,
            };
            db.Letters.Add(letter);
            decision.LetterId = letter.Id;
        }

        AddTimeline(child.Id, request.Id,
            outcome == DecisionOutcome.Safeguarding ? TimelineKinds.Safeguarding : TimelineKinds.Decision,
            DecisionOutcomes.Name(outcome), decision.Reasons);

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult.Concurrent;
        }
        catch (DbUpdateException)
        {
            // Two officers decided at the same moment; the unique index kept the first decision only.
            db.ChangeTracker.Clear();
            if (await db.Decisions.AnyAsync(d => d.RequestId == request.Id, ct)) return CommandResult.Concurrent;
            throw;
        }

        if (!ThresholdDecisions.TellsFamily(outcome))
        {
            await TryEmailAsync(scheme.Council.MashEmail, child.Id,
                $"Safeguarding referral from short breaks: {request.Reference}",
                $"A safeguarding concern was raised on short breaks request {request.Reference} for child record {child.Reference} " +
                $"by {db.Actor.Name} at {db.UtcNow:yyyy-MM-dd HH:mm} UTC.\n\nThe reasons and the request are on the child's record. " +
                "The short breaks flow has stopped for this request.", ct);
        }
        else if (!string.IsNullOrWhiteSpace(request.ContactEmail))
        {
            await TryEmailAsync(request.ContactEmail, child.Id,
                $"A decision on your short breaks request is waiting: {request.Reference}",
                $"Dear {request.ContactName},\n\nWe have made a decision on your request for short breaks for {request.ChildFirstName} " +
                $"(reference {request.Reference}).\n\n" +
                (request.FamilyUserId is null
                    ? "We will also send you the decision letter by post.\n\n"
                    : $"Sign in to read it: {email.Options.PublicBaseUrl.TrimEnd('/')}/account\n\n") +
                $"{scheme.Council.ServiceName}\n{scheme.Council.Name}", ct);
        }

        return CommandResult.Ok;
    }

    private Referral NewReferral(ShortBreakRequest request, Child child, ReferralKind kind, string reasons) => new()
    {
        RequestId = request.Id,
        ChildId = child.Id,
        Kind = kind,
        Reasons = reasons,
        ReferredAt = db.UtcNow,
        ReferredByUserId = db.Actor.UserId ?? "",
        ReferredByName = db.Actor.Name,
    };

    private void AddTimeline(Guid childId, Guid? requestId, string kind, string summary, string? detail) =>
        db.AddTimeline(childId, kind, summary, detail, requestId);

    private Task TryEmailAsync(string to, Guid? childId, string subject, string body, CancellationToken ct) =>
        email.TrySendAsync(db, logger, to, childId, subject, body, ct);
}

public sealed record EvidenceSummary(Guid Id, string KindId, string FileName, string ContentType, long SizeBytes, DateTime UploadedAt);

public enum WaitingState
{
    WithinTarget,
    DueSoon,
    Overdue,
}

public sealed record WaitingTime(int WorkingDaysWaited, int TargetWorkingDays, DateOnly DueBy, WaitingState State);
