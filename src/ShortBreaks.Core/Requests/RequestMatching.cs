namespace ShortBreaks.Core.Requests;

/// <summary>
/// Which child a sent request is about: the records it may match, confirming one (or a new record), and copying
/// the answers an officer chooses onto the record.
/// </summary>
public sealed class RequestMatching(ShortBreaksDbContext db)
{
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
            CaseClosureService.ReopenForNewRequest(db, child, request);
        }
        else
        {
            child = NewChildFrom(request);
        }

        request.ChildId = child.Id;
        request.ChildConfirmed = true;
        request.UpdatedAt = db.UtcNow;
        AddMatchedEvents(request, child, isNew: existingChildId is null);
        return await db.SaveOrConflictAsync(CommandResult.Concurrent, ct);
    }

    /// <summary>A new record made from the request's answers, with the family who sent it online linked to it.</summary>
    private Child NewChildFrom(ShortBreakRequest request)
    {
        var child = new Child
        {
            Reference = References.NewChild(),
            CreatedAt = db.UtcNow,
            Tier = Tier.None,
        };
        foreach (var field in RecordFromRequest.Fields) RecordFromRequest.Apply(field, child, request);
        db.Children.Add(child);
        db.AddTimeline(child.Id, TimelineKinds.RecordCreated, $"Record created from request {request.Reference}", null, request.Id);
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

        return child;
    }

    /// <summary>The request on the child's timeline: made when it was sent, by the person who sent it; then matched now.</summary>
    private void AddMatchedEvents(ShortBreakRequest request, Child child, bool isNew)
    {
        var channel = request.Channel == RequestChannel.Online ? "online" : "by phone at the duty point";
        db.TimelineEvents.Add(ChildTimeline.NewEvent(child.Id, TimelineKinds.RequestSubmitted, $"Request {request.Reference} made {channel}",
            request.ContactName is null ? null : $"By {request.ContactName} ({request.ContactRelationship})", request.Id,
            new Actor { Name = request.ContactName ?? "" }, request.SubmittedAt ?? db.UtcNow));
        db.AddTimeline(child.Id, TimelineKinds.RequestMatched,
            isNew ? "Request confirmed as a child new to the service" : "Request matched to this record", null, request.Id);
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
        db.AddTimeline(child.Id, TimelineKinds.RecordUpdatedFromRequest, $"Record updated from request {request.Reference}",
            string.Join("; ", chosen.Select(RecordFromRequest.Label)), request.Id);
        return await db.SaveOrConflictAsync(CommandResult.Conflicted(
            "Someone else changed this child's record while you were working on it. Nothing has been saved: check the record as it is now and choose again."), ct);
    }
}
