namespace ShortBreaks.Core.SubjectAccess;

/// <summary>What an administrator enters to log a request; the date comes already read from its boxes.</summary>
public sealed record SubjectAccessDetails(string? Subject, string? ChildReference, string? Email, string? RequestedBy, string? IdentityCheck, DateOnly? ReceivedOn);

/// <summary>An administrator's choice for one listed item, as posted: the choice's name and the reason.</summary>
public sealed record ChoiceInput(string Key, string? Choice, string? Reason);

/// <summary>A request with the items listed for review and the choices made so far.</summary>
public sealed record SubjectAccessReview(SubjectAccessRequest Request, SubjectRecord Subject, IReadOnlyDictionary<string, SubjectAccessChoice> Choices)
{
    public int Undecided => Subject.ReviewItems.Count(i => !Choices.ContainsKey(i.Key));
}

/// <summary>
/// Subject access requests from logging to release: an administrator logs who asked about whom and when (the answer is
/// due one calendar month later, <see cref="SubjectAccessSettings"/>), reviews every item about other people, releases
/// the answer once each has a choice, and downloads it as one archive (<see cref="SubjectArchive"/>). Logging, every
/// view of the review, the release and every download are in the audit, with the child's id when the subject is a child.
/// </summary>
public sealed class SubjectAccessService(ShortBreaksDbContext db, SchemeCatalog schemes, SubjectGathering gathering, SubjectArchive archive)
{
    public const int RequestedByMaxLength = 300;
    public const int ReasonMaxLength = 1000;

    public const string ChildSubject = "child";
    public const string FamilySubject = "family";

    /// <summary>The UK day now: the day a request received today is dated, and the day overdue is judged on.</summary>
    public DateOnly Today => UkCalendar.DateOf(db.UtcNow);

    public SubjectAccessSettings Settings => schemes.InForceOn(Today).SubjectAccessRules;

    /// <summary>Requests not yet released, the soonest due first.</summary>
    public Task<List<SubjectAccessRequest>> OpenAsync(CancellationToken ct = default) =>
        db.SubjectAccessRequests.AsNoTracking().Where(s => s.Status == SubjectAccessStatus.Open).OrderBy(s => s.DueOn).ThenBy(s => s.LoggedAt).ToListAsync(ct);

    /// <summary>The latest released requests, for finding an answer to download again.</summary>
    public Task<List<SubjectAccessRequest>> RecentlyReleasedAsync(int count, CancellationToken ct = default) =>
        db.SubjectAccessRequests.AsNoTracking().Where(s => s.Status == SubjectAccessStatus.Released).OrderByDescending(s => s.ReleasedAt).Take(count).ToListAsync(ct);

    public Task<SubjectAccessRequest?> FindAsync(Guid id, CancellationToken ct = default) =>
        db.SubjectAccessRequests.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);

    /// <summary>Logs a request about a child (by the child's reference) or a family member (by their account's email).</summary>
    public async Task<(SubjectAccessRequest? Logged, CommandResult Result)> LogAsync(SubjectAccessDetails details, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        Child? child = null;
        AppUser? account = null;
        switch (details.Subject)
        {
            case ChildSubject:
                var reference = details.ChildReference?.Trim().ToUpperInvariant();
                if (string.IsNullOrEmpty(reference))
                {
                    errors.Add(new(nameof(details.ChildReference), "Enter the child's reference"));
                }
                else if (reference.Length > 20)
                {
                    errors.Add(new(nameof(details.ChildReference), "The child's reference must be 20 characters or fewer"));
                }
                else
                {
                    child = await db.Children.AsNoTracking().FirstOrDefaultAsync(c => c.Reference == reference, ct);
                    if (child is null) errors.Add(new(nameof(details.ChildReference), "No child has this reference: check it, for example C-7KQ2-M9XD"));
                    else if (child.MergedIntoChildId is not null) errors.Add(new(nameof(details.ChildReference), "This record was joined into another: enter the reference of the record that stays"));
                }

                break;
            case FamilySubject:
                var email = details.Email?.Trim();
                if (string.IsNullOrEmpty(email))
                {
                    errors.Add(new(nameof(details.Email), "Enter the email address of the family member's account"));
                }
                else if (!RequestRules.IsEmail(email))
                {
                    errors.Add(new(nameof(details.Email), "Enter an email address in the correct format, like name@example.com"));
                }
                else
                {
                    var normalised = email.ToUpperInvariant();
                    account = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedEmail == normalised, ct);
                    var isFamily = account is not null && await (from ur in db.UserRoles
                                                                 join r in db.Roles on ur.RoleId equals r.Id
                                                                 where ur.UserId == account.Id && r.Name == Roles.Family
                                                                 select ur).AnyAsync(ct);
                    if (!isFamily) errors.Add(new(nameof(details.Email), "No family account uses this email address"));
                }

                break;
            default:
                errors.Add(new(nameof(details.Subject), "Choose whether the request is about a child or a family member"));
                break;
        }

        if (string.IsNullOrWhiteSpace(details.RequestedBy)) errors.Add(new(nameof(details.RequestedBy), "Enter who made the request"));
        else if (details.RequestedBy.Trim().Length > RequestedByMaxLength) errors.Add(new(nameof(details.RequestedBy), $"Who made the request must be {RequestedByMaxLength} characters or fewer"));
        if (string.IsNullOrWhiteSpace(details.IdentityCheck)) errors.Add(new(nameof(details.IdentityCheck), "Enter how you checked the identity of the person who asked"));
        else if (details.IdentityCheck.Trim().Length > RequestRules.TextMaxLength) errors.Add(new(nameof(details.IdentityCheck), $"How you checked their identity must be {RequestRules.TextMaxLength} characters or fewer"));
        if (details.ReceivedOn is not { } received) errors.Add(new(nameof(details.ReceivedOn), "Enter the date the request was received"));
        else if (received > Today) errors.Add(new(nameof(details.ReceivedOn), "The date the request was received must be today or in the past"));
        else if (received < Today.AddYears(-1)) errors.Add(new(nameof(details.ReceivedOn), "The date the request was received must be within the last year"));
        if (errors.Count > 0) return (null, CommandResult.Fail(errors));

        var request = new SubjectAccessRequest
        {
            SubjectKind = child is not null ? SubjectKind.Child : SubjectKind.FamilyMember,
            ChildId = child?.Id,
            FamilyUserId = account?.Id,
            SubjectName = child?.FullName ?? account!.DisplayName,
            SubjectReference = child?.Reference ?? account!.Email ?? "",
            RequestedBy = details.RequestedBy!.Trim(),
            IdentityCheck = details.IdentityCheck!.Trim(),
            ReceivedOn = details.ReceivedOn!.Value,
            DueOn = SubjectAccessDates.DueOn(details.ReceivedOn.Value, Settings),
            LoggedAt = db.UtcNow,
            LoggedByUserId = db.Actor.UserId ?? "",
            LoggedByName = db.Actor.Name,
            Status = SubjectAccessStatus.Open,
        };
        // On the audit only, not the child's timeline: linked family accounts read the timeline, and one parent's
        // request for the record is not for another to see.
        db.SubjectAccessRequests.Add(request);
        await db.SaveChangesAsync(ct);
        return (request, CommandResult.Ok);
    }

    /// <summary>The request, everything held about its subject and the choices made: a view of the record, so audited.</summary>
    public async Task<SubjectAccessReview?> ReviewAsync(Guid id, CancellationToken ct = default)
    {
        var review = await LoadAsync(id, ct);
        if (review is null) return null;
        db.RecordView(nameof(SubjectAccessRequest), id.ToString(), review.Request.ChildId, $"Subject access review of {review.Subject.Reference}");
        await db.SaveChangesAsync(ct);
        return review;
    }

    /// <summary>
    /// Saves the choices posted for listed items (those left without one stay undecided). Every redaction and
    /// withholding needs a reason; a file is included or withheld, never redacted. Refused if anyone saved the
    /// review since <paramref name="versionSeen"/>.
    /// </summary>
    public async Task<CommandResult> ChooseAsync(Guid id, IReadOnlyList<ChoiceInput> inputs, long versionSeen, CancellationToken ct = default)
    {
        var request = await db.SubjectAccessRequests.Include(s => s.Choices).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (request is null) return CommandResult.Fail("", "There is no such subject access request.");
        if (request.Status == SubjectAccessStatus.Released) return CommandResult.Fail("", "This request has been released: its choices can no longer change.");
        var subject = await GatherAsync(request, ct);
        if (subject is null) return CommandResult.Fail("", "The subject of this request is no longer on the service.");

        var items = subject.ReviewItems.Select((item, index) => (item, index)).ToDictionary(p => p.item.Key);
        var errors = new List<FieldError>();
        var chosen = new List<(ReviewItem Item, ReleaseChoice Choice, string? Reason)>();
        foreach (var input in inputs)
        {
            if (!items.TryGetValue(input.Key, out var found)) continue;
            var (item, index) = found;
            var reason = string.IsNullOrWhiteSpace(input.Reason) ? null : input.Reason.Trim();
            if (string.IsNullOrEmpty(input.Choice) && reason is null) continue;
            if (!Enum.TryParse<ReleaseChoice>(input.Choice, out var choice) || !Enum.IsDefined(choice))
            {
                errors.Add(new(ChoiceField(index), $"Choose whether to include, redact or withhold item {index + 1}"));
                continue;
            }

            if (choice == ReleaseChoice.Redact && item.IsFile) errors.Add(new(ChoiceField(index), $"Item {index + 1} is a file: include it or withhold it (send a redacted copy separately)"));
            if (choice != ReleaseChoice.Include && reason is null) errors.Add(new(ReasonField(index), $"Enter the reason for {(choice == ReleaseChoice.Redact ? "redacting" : "withholding")} item {index + 1}"));
            else if (reason?.Length > ReasonMaxLength) errors.Add(new(ReasonField(index), $"The reason for item {index + 1} must be {ReasonMaxLength} characters or fewer"));
            chosen.Add((item, choice, reason));
        }

        if (errors.Count > 0) return CommandResult.Fail(errors);

        db.ExpectVersion(request, versionSeen);
        db.Entry(request).State = EntityState.Modified;
        foreach (var (item, choice, reason) in chosen)
        {
            var saved = request.Choices.FirstOrDefault(c => c.ItemKey == item.Key);
            // Added explicitly: a new row with its key already set, found only through the collection, would be taken for an existing one.
            if (saved is null) db.SubjectAccessChoices.Add(saved = new SubjectAccessChoice { RequestId = request.Id, ItemKey = item.Key });
            else if (saved.Choice == choice && saved.Reason == reason) continue;
            (saved.Choice, saved.Reason, saved.DecidedAt, saved.DecidedByName) = (choice, reason, db.UtcNow, db.Actor.Name);
        }

        return await SaveAsync(CommandResult.Conflicted(
            "Another administrator saved choices for this request while you were working on it. Nothing you chose has been saved: check the choices as they are now and make yours again."), ct);
    }

    /// <summary>
    /// Releases the answer: refused while any listed item has no choice. Records who released it, when, and what
    /// was released and withheld; the archive can then be downloaded.
    /// </summary>
    public async Task<CommandResult> ReleaseAsync(Guid id, long versionSeen, CancellationToken ct = default)
    {
        var request = await db.SubjectAccessRequests.Include(s => s.Choices).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (request is null) return CommandResult.Fail("", "There is no such subject access request.");
        if (request.Status == SubjectAccessStatus.Released) return CommandResult.Fail("", "This request has already been released.");
        var subject = await GatherAsync(request, ct);
        if (subject is null) return CommandResult.Fail("", "The subject of this request is no longer on the service.");
        var choices = request.Choices.ToDictionary(c => c.ItemKey);
        var undecided = subject.ReviewItems.Count(i => !choices.ContainsKey(i.Key));
        if (undecided > 0)
            return CommandResult.Fail("", $"Choose whether to include, redact or withhold every listed item before release: {undecided} {(undecided == 1 ? "has" : "have")} no choice yet");

        var record = new ReleaseRecord(subject.Counts, subject.Letters.Count(l => l.Review is null || choices[l.Review.Key].Choice == ReleaseChoice.Include),
            subject.Files.Count(f => f.Review is null || choices[f.Review.Key].Choice == ReleaseChoice.Include),
            subject.ReviewItems.Select(i => new ReleasedChoice(i.Key, i.Description, i.Why, choices[i.Key].Choice, choices[i.Key].Reason)).ToList());
        db.ExpectVersion(request, versionSeen);
        request.Status = SubjectAccessStatus.Released;
        request.ReleasedAt = db.UtcNow;
        request.ReleasedByUserId = db.Actor.UserId;
        request.ReleasedByName = db.Actor.Name;
        request.ReleaseRecordJson = JsonSerializer.Serialize(record);
        Audit(request, "release", $"Released: {record.Choices.Count(c => c.Choice == ReleaseChoice.Include)} listed items included, {record.Choices.Count(c => c.Choice == ReleaseChoice.Redact)} redacted, {record.Choices.Count(c => c.Choice == ReleaseChoice.Withhold)} withheld");
        return await SaveAsync(CommandResult.Conflicted(
            "Another administrator changed this request while you were working on it, so it was not released. Check the choices as they are now and release it again."), ct);
    }

    /// <summary>Saves, or on a conflict forgets the refused changes, so the page can read the request again and audit that view.</summary>
    private async Task<CommandResult> SaveAsync(CommandResult conflict, CancellationToken ct)
    {
        var result = await db.SaveOrConflictAsync(conflict, ct);
        if (result.Conflict) db.ChangeTracker.Clear();
        return result;
    }

    /// <summary>
    /// Writes the released answer as a ZIP to <paramref name="output"/> and audits the download. Null when the
    /// request does not exist, is not released, or its subject is gone.
    /// </summary>
    public async Task<ArchiveManifest?> DownloadAsync(Guid id, Stream output, CancellationToken ct = default)
    {
        var review = await LoadAsync(id, ct);
        if (review is not { Request.Status: SubjectAccessStatus.Released }) return null;
        var request = review.Request;
        var redaction = new Redaction(review.Subject.ReviewItems, review.Choices);
        var heading = new ArchiveHeading(schemes.InForceOn(Today).Council.Name, request.RequestedBy, request.ReceivedOn, request.ReleasedAt!.Value, request.ReleasedByName ?? "");
        var manifest = await archive.WriteAsync(review.Subject, redaction, heading, output, ct);
        Audit(request, "download", $"Downloaded the answer: {manifest.Files.Count + 1} files");
        await db.SaveChangesAsync(ct);
        return manifest;
    }

    /// <summary>The name the archive is downloaded as.</summary>
    public static string ArchiveName(SubjectAccessRequest request) =>
        $"subject-access-{SubjectArchive.SafeName(request.SubjectKind == SubjectKind.Child ? request.SubjectReference : "family-member", "subject")}-{request.ReleasedAt ?? request.LoggedAt:yyyy-MM-dd}.zip";

    public static string ChoiceField(int index) => $"choice-{index}";

    public static string ReasonField(int index) => $"reason-{index}";

    private async Task<SubjectAccessReview?> LoadAsync(Guid id, CancellationToken ct)
    {
        var request = await db.SubjectAccessRequests.AsNoTracking().Include(s => s.Choices).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (request is null) return null;
        var subject = await GatherAsync(request, ct);
        return subject is null ? null : new SubjectAccessReview(request, subject, request.Choices.ToDictionary(c => c.ItemKey));
    }

    private Task<SubjectRecord?> GatherAsync(SubjectAccessRequest request, CancellationToken ct) =>
        request.SubjectKind == SubjectKind.Child ? gathering.ChildAsync(request.ChildId!.Value, ct) : gathering.FamilyMemberAsync(request.FamilyUserId!, ct);

    private void Audit(SubjectAccessRequest request, string action, string details) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = db.UtcNow,
            UserId = db.Actor.UserId,
            UserName = db.Actor.Name,
            Action = action,
            EntityType = nameof(SubjectAccessRequest),
            EntityId = request.Id.ToString(),
            ChildId = request.ChildId,
            Details = details,
        });
}
