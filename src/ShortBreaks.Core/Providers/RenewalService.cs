using ShortBreaks.Core.Retention;

namespace ShortBreaks.Core.Providers;

/// <summary>A renewal as the officer's queue shows it.</summary>
public sealed record RenewalQueueItem(FsbRenewal Renewal, string ChildName, string ChildReference, bool Overdue);

/// <summary>A renewal with its child, for the family's and the officer's pages.</summary>
public sealed record RenewalView(FsbRenewal Renewal, Child Child, IReadOnlyList<RenewalAnswer> Answers, bool Overdue)
{
    public DateOnly YearEnd => AllowanceYears.EndOf(Renewal.YearStart);

    /// <summary>The last day of the year being renewed from: renew by then.</summary>
    public DateOnly RenewBy => Renewal.YearStart.AddDays(-1);
}

/// <summary>What an officer decides on a renewal.</summary>
public enum RenewalDecision
{
    Approve,

    /// <summary>Send for a fresh threshold decision; the child stays on Flexible Short Breaks until it is made.</summary>
    Refer,
}

/// <summary>
/// The annual renewal of Flexible Short Breaks. Renewals open for every child on Flexible Short Breaks once the
/// current allowance year is within the scheme's weeks of its end (<see cref="RenewalRules.OpenFor"/>); the family is
/// emailed, reminded on the scheme's days, and confirms or changes each of last year's answers. An unchanged renewal is
/// approved automatically when the scheme says so (recorded with the scheme and version), otherwise it waits in the
/// officer's queue, changes shown. Not renewed by the year's end: the officer is told and the family reminded, and
/// nothing is cut: the child stays on Flexible Short Breaks, with next year's allowance, until an officer decides.
/// Emails are claimed with a lease before they are sent (<see cref="RenewalNotice"/>), so several nodes send each once.
/// Every move is checked here, audited, put on the child's timeline and saved only over the version the person saw.
/// </summary>
public sealed class RenewalService(ShortBreaksDbContext db, SchemeCatalog schemes, EmailSender email, ILogger<RenewalService> logger)
{
    public const int ReasonMaxLength = RequestRules.TextMaxLength;

    /// <summary>The UK day now: a renewal window opening "today" just after midnight in summer opens on the UK day.</summary>
    public DateOnly Today => UkCalendar.DateOf(db.UtcNow);

    private Scheme Scheme => schemes.InForceOn(Today);

    public static CommandResult Conflict() => CommandResult.Conflicted(
        "Someone else changed this renewal while you were working on it. Nothing you entered has been saved over their change: check the renewal as it is now and try again.");

    /// <summary>
    /// Opens a renewal for each child on Flexible Short Breaks (case open, not merged) without one for the next year, when
    /// today is in the window: how many it opened. Two nodes opening one child's renewal at once meet at its unique index.
    /// </summary>
    public async Task<int> OpenDueAsync(CancellationToken ct = default)
    {
        var settings = Scheme.ProviderRules;
        if (RenewalRules.OpenFor(Today, settings) is not { } yearStart) return 0;
        var childIds = await db.Children.AsNoTracking()
            .Where(c => c.Tier == Tier.FlexibleShortBreaks && c.ClosedAt == null && c.MergedIntoChildId == null)
            .Where(c => !db.FsbRenewals.Any(r => r.ChildId == c.Id && r.YearStart == yearStart))
            .Select(c => c.Id).ToListAsync(ct);
        var opened = 0;
        foreach (var childId in childIds)
        {
            if (await OpenAsync(childId, yearStart, ct)) opened++;
        }

        return opened;
    }

    private async Task<bool> OpenAsync(Guid childId, DateOnly yearStart, CancellationToken ct)
    {
        var child = await db.Children.AsNoTracking().FirstAsync(c => c.Id == childId, ct);
        var renewal = new FsbRenewal
        {
            ChildId = childId, YearStart = yearStart, Status = RenewalStatus.Invited, InvitedAt = db.UtcNow,
            AnswersJson = RenewalRules.Write(await LastAnswersAsync(child, yearStart, ct)),
        };
        db.FsbRenewals.Add(renewal);
        db.AddTimeline(childId, TimelineKinds.Renewal, $"Renewal of Flexible Short Breaks opened for the year from {RenewalRules.Day(yearStart)}",
            $"The family is asked to renew by {RenewalRules.Day(yearStart.AddDays(-1))}.");
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another node opened it at the same moment: it is open.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>
    /// Last year's answers: this year's answers of the last approved renewal, else the request whose threshold decision
    /// put the child on Flexible Short Breaks, else the child's record.
    /// </summary>
    private async Task<List<RenewalAnswer>> LastAnswersAsync(Child child, DateOnly yearStart, CancellationToken ct)
    {
        var previous = await db.FsbRenewals.AsNoTracking()
            .Where(r => r.ChildId == child.Id && r.YearStart < yearStart && r.Status == RenewalStatus.Approved)
            .OrderByDescending(r => r.YearStart).Select(r => r.AnswersJson).FirstOrDefaultAsync(ct);
        if (previous is not null)
        {
            var answers = RenewalRules.Read(previous);
            if (answers.Count > 0) return [.. answers.Select(a => new RenewalAnswer(a.Id, a.Question, a.Now ?? a.Last))];
        }

        var request = await (from r in db.Requests.AsNoTracking()
                             join d in db.Decisions.AsNoTracking() on r.Id equals d.RequestId
                             where r.ChildId == child.Id && d.Outcome == DecisionOutcome.FlexibleShortBreaksApproved
                             orderby d.DecidedAt descending
                             select r).FirstOrDefaultAsync(ct);
        var needs = Scheme.Eligibility.Needs;
        string Or(string? s) => string.IsNullOrWhiteSpace(s) ? RenewalRules.NotRecorded : s.Trim();
        string Join(params string?[] parts) => Or(string.Join(", ", parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim())));
        var name = child.FirstName;
        if (request is null)
        {
            return
            [
                new(RequestSteps.Address, $"Where {name} lives", Join(child.AddressLine1, child.AddressLine2, child.Town, child.Postcode)),
                new(RequestSteps.School, $"{name}'s school", Or(child.School)),
                new(RequestSteps.EhcPlan, $"Whether {name} has an education, health and care plan", child.HasEhcPlan ? "Yes" : "No"),
                new(RequestSteps.Disability, $"{name}'s disability", Or(child.DisabilityCodes)),
                new(RequestSteps.OwnWords, $"{name}'s needs, in your own words", Or(child.NeedsInFamilyWords)),
            ];
        }

        var needNames = request.NeedIdList.Select(id => needs.FirstOrDefault(n => n.Id == id)?.Question ?? id);
        return
        [
            new(RequestSteps.Address, $"Where {name} lives", Join(request.AddressLine1, request.AddressLine2, request.Town, request.Postcode)),
            new(RequestSteps.School, $"{name}'s school", request.AttendsSchool == false ? "Does not go to school" : Or(request.School)),
            new(RequestSteps.EhcPlan, $"Whether {name} has an education, health and care plan",
                request.HasEhcPlan is null ? RenewalRules.NotRecorded : request.HasEhcPlan.Value ? "Yes" : "No"),
            new(RequestSteps.Needs, $"What support {name} needs", Or(string.Join("; ", needNames))),
            new(RequestSteps.Disability, $"{name}'s disability", Or(request.DisabilityCodes)),
            new(RequestSteps.OwnWords, $"{name}'s needs, in your own words", Or(request.NeedsInOwnWords)),
            new(RequestSteps.Contact, "Your contact details", Join(request.ContactName, request.ContactEmail, request.ContactPhone)),
        ];
    }

    /// <summary>The child's renewal waiting on the family or an officer (the latest open one), or null.</summary>
    public async Task<RenewalView?> OpenForChildAsync(Guid childId, CancellationToken ct = default)
    {
        var renewal = await db.FsbRenewals.AsNoTracking()
            .Where(r => r.ChildId == childId && (r.Status == RenewalStatus.Invited || r.Status == RenewalStatus.Submitted))
            .OrderByDescending(r => r.YearStart).FirstOrDefaultAsync(ct);
        return renewal is null ? null : await ViewAsync(renewal, ct);
    }

    /// <summary>The child's latest renewal, whatever its state, or null.</summary>
    public async Task<RenewalView?> LatestForChildAsync(Guid childId, CancellationToken ct = default)
    {
        var renewal = await db.FsbRenewals.AsNoTracking().Where(r => r.ChildId == childId).OrderByDescending(r => r.YearStart).FirstOrDefaultAsync(ct);
        return renewal is null ? null : await ViewAsync(renewal, ct);
    }

    /// <summary>One renewal, or null.</summary>
    public async Task<RenewalView?> FindAsync(Guid renewalId, CancellationToken ct = default)
    {
        var renewal = await db.FsbRenewals.AsNoTracking().FirstOrDefaultAsync(r => r.Id == renewalId, ct);
        return renewal is null ? null : await ViewAsync(renewal, ct);
    }

    private async Task<RenewalView> ViewAsync(FsbRenewal renewal, CancellationToken ct)
    {
        var child = await db.Children.AsNoTracking().FirstAsync(c => c.Id == renewal.ChildId, ct);
        return new RenewalView(renewal, child, RenewalRules.Read(renewal.AnswersJson), RenewalRules.IsOverdue(renewal.Status, renewal.YearStart, Today));
    }

    /// <summary>
    /// The officer's queue: renewals waiting for a decision and those the family has not answered, overdue first (not
    /// renewed by the year's end), then by the year and when they were sent. Only renewals of children
    /// <paramref name="viewer"/> sees (<see cref="Caseloads.ChildVisibility"/>), filtered in the database; every one when null.
    /// </summary>
    public async Task<IReadOnlyList<RenewalQueueItem>> QueueAsync(Caseloads.StaffViewer? viewer = null, CancellationToken ct = default)
    {
        var today = Today;
        var renewals = db.FsbRenewals.AsNoTracking();
        if (Caseloads.ChildVisibility.VisibleChildIds(db, viewer) is { } visible) renewals = renewals.Where(r => visible.Contains(r.ChildId));
        var rows = await (from r in renewals
                          join c in db.Children.AsNoTracking() on r.ChildId equals c.Id
                          where r.Status == RenewalStatus.Invited || r.Status == RenewalStatus.Submitted
                          select new { Renewal = r, c.FirstName, c.LastName, c.Reference }).ToListAsync(ct);
        return
        [
            .. rows.Select(x => new RenewalQueueItem(x.Renewal, $"{x.FirstName} {x.LastName}", x.Reference, RenewalRules.IsOverdue(x.Renewal.Status, x.Renewal.YearStart, today)))
                .OrderByDescending(i => i.Overdue).ThenByDescending(i => i.Renewal.Status == RenewalStatus.Submitted)
                .ThenBy(i => i.Renewal.YearStart).ThenBy(i => i.Renewal.SubmittedAt ?? i.Renewal.InvitedAt).ThenBy(i => i.ChildName, StringComparer.Ordinal),
        ];
    }

    /// <summary>
    /// The family's answers (or the officer's, taken by phone): each of last year's confirmed or changed. Unchanged, and
    /// the scheme approves unchanged renewals: approved now, recorded as approved automatically under the scheme and its
    /// version. Otherwise it waits for an officer.
    /// </summary>
    public async Task<CommandResult> SubmitAsync(Guid renewalId, IReadOnlyList<RenewalReply> replies, bool takenByPhone, long versionSeen, CancellationToken ct = default)
    {
        var renewal = await db.FsbRenewals.FirstOrDefaultAsync(r => r.Id == renewalId, ct);
        if (renewal is null) return CommandResult.Fail("", "There is no such renewal");
        if (renewal.Version != versionSeen) return Conflict();
        if (renewal.Status != RenewalStatus.Invited) return CommandResult.Fail("", "This renewal has already been sent: there is nothing more to answer");

        var (answers, errors) = RenewalRules.Apply(RenewalRules.Read(renewal.AnswersJson), replies);
        if (errors.Count > 0) return CommandResult.Fail(errors);

        db.ExpectVersion(renewal, versionSeen);
        var scheme = Scheme;
        renewal.AnswersJson = RenewalRules.Write(answers);
        renewal.AnyChanged = answers.Any(a => a.Changed);
        renewal.SubmittedAt = db.UtcNow;
        renewal.SubmittedByUserId = db.Actor.UserId;
        renewal.SubmittedByName = db.Actor.Name;
        renewal.TakenByPhone = takenByPhone;
        var changes = answers.Where(a => a.Changed).Select(a => a.Question).ToList();
        var who = takenByPhone ? $"Taken by phone by {db.Actor.Name}" : "Sent by the family";
        db.AddTimeline(renewal.ChildId, TimelineKinds.Renewal, $"Renewal of Flexible Short Breaks sent for the year from {RenewalRules.Day(renewal.YearStart)}",
            changes.Count == 0 ? $"{who}: every answer confirmed unchanged." : $"{who}: changed {string.Join("; ", changes)}.");
        if (!renewal.AnyChanged && scheme.ProviderRules.Renewal.ApproveUnchangedAutomatically)
        {
            renewal.Status = RenewalStatus.Approved;
            renewal.ApprovedAutomatically = true;
            renewal.DecidedAt = db.UtcNow;
            renewal.DecidedByUserId = null;
            renewal.DecidedByName = null;
            renewal.DecisionReason = RenewalRules.AutomaticApproval(scheme);
            db.AddTimeline(renewal.ChildId, TimelineKinds.Renewal, $"Renewal of Flexible Short Breaks approved for the year from {RenewalRules.Day(renewal.YearStart)}",
                renewal.DecisionReason);
        }
        else
        {
            renewal.Status = RenewalStatus.Submitted;
        }

        return await db.SaveOrConflictAsync(Conflict(), ct);
    }

    /// <summary>
    /// The officer's decision on a sent renewal (or one taken by phone first): approve, so the child's Flexible Short
    /// Breaks carry on into the year and its allowance; or refer for a fresh threshold decision, with reasons. Neither
    /// changes the child's tier: only a threshold decision does.
    /// </summary>
    public async Task<CommandResult> DecideAsync(Guid renewalId, RenewalDecision? decision, string? reason, long versionSeen, CancellationToken ct = default)
    {
        var renewal = await db.FsbRenewals.FirstOrDefaultAsync(r => r.Id == renewalId, ct);
        if (renewal is null) return CommandResult.Fail("", "There is no such renewal");
        if (renewal.Version != versionSeen) return Conflict();
        var errors = new List<FieldError>();
        if (decision is not { } chosen || !Enum.IsDefined(chosen)) errors.Add(new("Decision", "Choose whether to approve the renewal or refer it for a threshold decision"));
        var reasons = reason?.Trim();
        if (decision == RenewalDecision.Refer && string.IsNullOrEmpty(reasons)) errors.Add(new("Reason", "Enter the reasons for referring it"));
        if (decision == RenewalDecision.Approve && renewal.AnyChanged && string.IsNullOrEmpty(reasons))
            errors.Add(new("Reason", "Enter the reasons for approving it with the changed answers"));
        if (reasons is { Length: > ReasonMaxLength }) errors.Add(new("Reason", $"The reasons must be {ReasonMaxLength} characters or fewer"));
        if (renewal.Status == RenewalStatus.Invited) errors.Add(new("", "The family has not sent this renewal yet: take their answers by phone first"));
        else if (renewal.Status != RenewalStatus.Submitted) errors.Add(new("", "This renewal has already been decided"));
        if (errors.Count > 0) return CommandResult.Fail(errors);

        db.ExpectVersion(renewal, versionSeen);
        renewal.Status = decision == RenewalDecision.Approve ? RenewalStatus.Approved : RenewalStatus.Referred;
        renewal.ApprovedAutomatically = false;
        renewal.DecidedAt = db.UtcNow;
        renewal.DecidedByUserId = db.Actor.UserId;
        renewal.DecidedByName = db.Actor.Name;
        renewal.DecisionReason = string.IsNullOrEmpty(reasons) ? null : reasons;
        var year = RenewalRules.Day(renewal.YearStart);
        db.AddTimeline(renewal.ChildId, TimelineKinds.Renewal,
            decision == RenewalDecision.Approve
                ? $"Renewal of Flexible Short Breaks approved for the year from {year}"
                : $"Renewal of Flexible Short Breaks referred for a threshold decision (year from {year})",
            decision == RenewalDecision.Approve
                ? $"Approved by {db.Actor.Name}.{(reasons is { Length: > 0 } ? " " + reasons : "")}"
                : $"Referred by {db.Actor.Name}: {reasons} The child stays on Flexible Short Breaks until the threshold decision.");
        var result = await db.SaveOrConflictAsync(Conflict(), ct);
        if (result.Succeeded) await TellFamilyAsync(renewal, ct);
        return result;
    }

    private async Task TellFamilyAsync(FsbRenewal renewal, CancellationToken ct)
    {
        var child = await db.Children.AsNoTracking().FirstAsync(c => c.Id == renewal.ChildId, ct);
        var message = RenewalEmails.Decided(child, renewal, Scheme.Council, email.Options.PublicBaseUrl);
        foreach (var (to, _) in await FamilyAddressesAsync(child.Id, ct)) await email.TrySendAsync(db, logger, to, child.Id, message, ct);
    }

    /// <summary>Who the family is by email: each linked account, or without one the contact email on the child's last request.</summary>
    private async Task<List<(string Address, bool HasAccount)>> FamilyAddressesAsync(Guid childId, CancellationToken ct)
    {
        var accounts = await (from m in db.ChildFamilyMembers.AsNoTracking()
                              join u in db.Users.AsNoTracking() on m.UserId equals u.Id
                              where m.ChildId == childId && u.Email != null
                              select u.Email!).ToListAsync(ct);
        if (accounts.Count > 0) return [.. accounts.Distinct(StringComparer.OrdinalIgnoreCase).Select(a => (a, true))];
        var contact = await db.Requests.AsNoTracking().Where(r => r.ChildId == childId && r.ContactEmail != null)
            .OrderByDescending(r => r.CreatedAt).Select(r => r.ContactEmail).FirstOrDefaultAsync(ct);
        return string.IsNullOrWhiteSpace(contact) ? [] : [(contact, false)];
    }

    /// <summary>A renewal email due now, before it is claimed.</summary>
    public sealed record DueNotice(Guid RenewalId, RenewalNoticeKind Kind, int Number);

    /// <summary>
    /// The emails due today and not sent: the invitation of each open renewal, the latest reminder due to a family that
    /// has not answered, and the overdue notice once the year has ended without an answer.
    /// </summary>
    public async Task<IReadOnlyList<DueNotice>> DueAsync(CancellationToken ct = default)
    {
        var today = Today;
        var renewal = Scheme.ProviderRules.Renewal;
        var waiting = await db.FsbRenewals.AsNoTracking().Where(r => r.Status == RenewalStatus.Invited)
            .Select(r => new { r.Id, r.YearStart, r.InvitedAt }).ToListAsync(ct);
        if (waiting.Count == 0) return [];
        var ids = waiting.Select(w => w.Id).ToList();
        var sent = (await db.RenewalNotices.AsNoTracking().Where(n => ids.Contains(n.RenewalId) && n.SentAt != null)
            .Select(n => new { n.RenewalId, n.Kind, n.Number }).ToListAsync(ct)).Select(n => new DueNotice(n.RenewalId, n.Kind, n.Number)).ToHashSet();
        var due = new List<DueNotice>();
        foreach (var w in waiting)
        {
            due.Add(new(w.Id, RenewalNoticeKind.Invitation, 0));
            if (today >= w.YearStart) due.Add(new(w.Id, RenewalNoticeKind.Overdue, 0));
            else if (RenewalRules.ReminderDue(UkCalendar.DateOf(w.InvitedAt), w.YearStart, today, renewal) is > 0 and var n) due.Add(new(w.Id, RenewalNoticeKind.Reminder, n));
        }

        return [.. due.Where(d => !sent.Contains(d))];
    }

    /// <summary>
    /// Claims an email for <paramref name="node"/> until the lease passes: its id, or null when it is sent already or
    /// another node holds it. Two nodes making the same one at once meet at its unique index.
    /// </summary>
    public async Task<Guid?> TryClaimAsync(DueNotice due, string node, TimeSpan lease, CancellationToken ct = default)
    {
        var now = db.UtcNow;
        var existing = await db.RenewalNotices.AsNoTracking()
            .FirstOrDefaultAsync(n => n.RenewalId == due.RenewalId && n.Kind == due.Kind && n.Number == due.Number, ct);
        if (existing is null)
        {
            var notice = new RenewalNotice { RenewalId = due.RenewalId, Kind = due.Kind, Number = due.Number, ClaimedBy = node, LeaseUntil = now + lease, Attempts = 1 };
            db.RenewalNotices.Add(notice);
            try
            {
                await db.SaveChangesAsync(ct);
                return notice.Id;
            }
            catch (DbUpdateException)
            {
                // Another node made it at the same moment: it is theirs.
                db.Entry(notice).State = EntityState.Detached;
                return null;
            }
        }

        if (existing.SentAt is not null) return null;
        var taken = await db.RenewalNotices.Where(n => n.Id == existing.Id && n.SentAt == null && (n.LeaseUntil == null || n.LeaseUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ClaimedBy, node).SetProperty(n => n.LeaseUntil, now + lease).SetProperty(n => n.Attempts, n => n.Attempts + 1), ct);
        return taken == 1 ? existing.Id : null;
    }

    /// <summary>
    /// Sends a claimed email and marks it sent: false when the claim was lost before it could be sent. The overdue notice
    /// also tells the child's officer and is put on the timeline; the child stays on Flexible Short Breaks.
    /// </summary>
    public async Task<bool> SendAsync(Guid noticeId, DueNotice due, string node, CancellationToken ct = default)
    {
        var now = db.UtcNow;
        var held = await db.RenewalNotices.AsNoTracking().AnyAsync(n => n.Id == noticeId && n.ClaimedBy == node && n.SentAt == null && n.LeaseUntil > now, ct);
        if (!held) return false;
        var renewal = await db.FsbRenewals.AsNoTracking().FirstAsync(r => r.Id == due.RenewalId, ct);
        var child = await db.Children.AsNoTracking().FirstAsync(c => c.Id == renewal.ChildId, ct);
        var council = Scheme.Council;
        foreach (var (to, hasAccount) in await FamilyAddressesAsync(child.Id, ct))
        {
            var message = RenewalEmails.ToFamily(due.Kind, child, renewal, hasAccount, council, email.Options.PublicBaseUrl);
            await email.TrySendAsync(db, logger, to, child.Id, message, ct);
        }

        // Reminders and the officer being told are noted on the renewal without changing its version, so a family
        // part way through answering is not told someone else changed it.
        if (due.Kind == RenewalNoticeKind.Overdue)
        {
            var officer = child.KeyWorkerId is { } keyWorker
                ? await db.Users.AsNoTracking().Where(u => u.Id == keyWorker).Select(u => u.Email).FirstOrDefaultAsync(ct)
                : null;
            if (!string.IsNullOrWhiteSpace(officer))
                await email.TrySendAsync(db, logger, officer, child.Id, RenewalEmails.OverdueToOfficer(child, renewal, email.Options.PublicBaseUrl), ct);
            await db.FsbRenewals.Where(r => r.Id == renewal.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.OfficerToldAt, now), ct);
            db.AddTimeline(child.Id, TimelineKinds.Renewal, $"Not renewed by {RenewalRules.Day(renewal.YearStart.AddDays(-1))}: the officer is told and the family reminded",
                "Nothing is cut: Flexible Short Breaks carry on until an officer decides.");
            await db.SaveChangesAsync(ct);
        }
        else if (due.Kind == RenewalNoticeKind.Reminder)
        {
            await db.FsbRenewals.Where(r => r.Id == renewal.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Reminders, due.Number).SetProperty(r => r.LastRemindedAt, now), ct);
        }

        var marked = await db.RenewalNotices.Where(n => n.Id == noticeId && n.ClaimedBy == node && n.SentAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.SentAt, db.UtcNow).SetProperty(n => n.LeaseUntil, (DateTime?)null), ct);
        return marked == 1;
    }

    /// <summary>Opens the renewals due, then sends each email due that this node can claim: how many it sent.</summary>
    public async Task<int> RunAsync(string node, TimeSpan lease, CancellationToken ct = default)
    {
        await OpenDueAsync(ct);
        var sent = 0;
        foreach (var due in await DueAsync(ct))
        {
            if (await TryClaimAsync(due, node, lease, ct) is { } id && await SendAsync(id, due, node, ct)) sent++;
        }

        return sent;
    }
}
