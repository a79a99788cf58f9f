using ShortBreaks.Core.Caseloads;

namespace ShortBreaks.Core.Requests;

/// <summary>A referral to social care as the team managers' list shows it, with the child it is about.</summary>
public sealed record SocialCareReferralView(Referral Referral, string ChildName, string ChildReference, string? RequestReference);

/// <summary>
/// Referrals to children's social care, from a request's decision ("refer to social care") or a step up from Flexible or
/// Targeted Short Breaks. The letter tells the family their request is referred and a social worker will contact them;
/// children's social care works outside this service, so each referral is a task on every team manager's list until
/// one of them records how it was passed on (to whom, by what means, social care's reference), on the child's timeline.
/// Nothing is passed on by itself, so nothing is said to be passed on that was not.
/// </summary>
public sealed class SocialCareReferrals(ShortBreaksDbContext db, Messenger messenger)
{
    /// <summary>How many of those passed on the list shows after the waiting ones (the page and the API).</summary>
    public const int RecentPassedOn = 20;

    /// <summary>The task on the managers' lists while the referral waits.</summary>
    public static string TaskKey(Guid referralId) => $"social-care-referral:{referralId}";

    /// <summary>
    /// Adds the referral to the current unit of work, and a task for every team manager to pass it on: saved with the
    /// decision or move that made it, so a refused save refers nobody.
    /// </summary>
    public async Task<Referral> ReferAsync(Guid childId, Guid? requestId, string reasons, CancellationToken ct = default)
    {
        var referral = new Referral
        {
            RequestId = requestId, ChildId = childId, Kind = ReferralKind.SocialCare, Reasons = reasons.Trim(), ReferredAt = db.UtcNow,
            ReferredByUserId = db.Actor.UserId ?? "", ReferredByName = db.Actor.Name,
        };
        db.Referrals.Add(referral);
        await TellManagersAsync(referral, ct);
        return referral;
    }

    /// <summary>The task for a referral already added (a request's decision adds its own).</summary>
    public Task TellManagersAsync(Referral referral, CancellationToken ct = default) =>
        messenger.TellRoleAsync(Roles.TeamManager, new Notice("A referral to social care is waiting to be passed on", ServicePaths.StaffReferral(referral.Id),
            referral.ChildId, TaskKey: TaskKey(referral.Id)), ct);

    /// <summary>
    /// Referrals to social care of the children <paramref name="viewer"/> sees: those waiting to be passed on (oldest
    /// first, every one), then the <paramref name="recentPassedOn"/> most recently passed on.
    /// </summary>
    public async Task<(IReadOnlyList<SocialCareReferralView> Waiting, IReadOnlyList<SocialCareReferralView> PassedOn)> ListAsync(
        StaffViewer viewer, int recentPassedOn, CancellationToken ct = default)
    {
        var referrals = db.Referrals.AsNoTracking().Where(r => r.Kind == ReferralKind.SocialCare);
        if (ChildVisibility.VisibleChildIds(db, viewer) is { } seen) referrals = referrals.Where(r => seen.Contains(r.ChildId));

        var waiting = await ViewsAsync(referrals.Where(r => r.PassedOnAt == null).OrderBy(r => r.ReferredAt).ThenBy(r => r.Id), ct);
        var passedOn = await ViewsAsync(referrals.Where(r => r.PassedOnAt != null).OrderByDescending(r => r.PassedOnAt).ThenBy(r => r.Id).Take(recentPassedOn), ct);
        return (waiting, passedOn);
    }

    /// <summary>One referral with its child, or null (a referral to the MASH is not on this list).</summary>
    public async Task<SocialCareReferralView?> FindAsync(Guid referralId, CancellationToken ct = default) =>
        (await ViewsAsync(db.Referrals.AsNoTracking().Where(r => r.Id == referralId && r.Kind == ReferralKind.SocialCare), ct)).FirstOrDefault();

    private async Task<IReadOnlyList<SocialCareReferralView>> ViewsAsync(IQueryable<Referral> referrals, CancellationToken ct)
    {
        var rows = await (from r in referrals
                          join c in db.Children on r.ChildId equals c.Id
                          join q in db.Requests on r.RequestId equals q.Id into requests
                          from q in requests.DefaultIfEmpty()
                          select new { Referral = r, c.FirstName, c.LastName, c.Reference, Request = q == null ? null : q.Reference }).ToListAsync(ct);
        return rows.Select(r => new SocialCareReferralView(r.Referral, $"{r.FirstName} {r.LastName}", r.Reference, r.Request)).ToList();
    }

    /// <summary>
    /// Records how the referral was passed on, on the child's timeline, and marks the managers' task done. Refused when
    /// <paramref name="how"/> is blank or too long; a referral someone else recorded first is not recorded over.
    /// </summary>
    public async Task<CommandResult> PassOnAsync(Guid referralId, string? how, CancellationToken ct = default)
    {
        var referral = await db.Referrals.FirstOrDefaultAsync(r => r.Id == referralId && r.Kind == ReferralKind.SocialCare, ct);
        if (referral is null) return CommandResult.Fail("", "There is no such referral to social care.");
        if (referral.PassedOnAt is not null) return PassedOnAlready(referral);
        var text = how?.Trim();
        if (string.IsNullOrEmpty(text)) return CommandResult.Fail("How", "Enter how the referral was passed on to social care");
        if (text.Length > Referral.PassedOnHowMaxLength) return CommandResult.Fail("How", $"How it was passed on must be {Referral.PassedOnHowMaxLength} characters or fewer");

        // PassedOnAt is the referral's concurrency token: the row is updated only while it still waits, so of two
        // managers at once the second is told and nothing is written over the first.
        referral.PassedOnAt = db.UtcNow;
        referral.PassedOnByUserId = db.Actor.UserId;
        referral.PassedOnByName = db.Actor.Name;
        referral.PassedOnHow = text;
        db.AddTimeline(referral.ChildId, TimelineKinds.Referral, "Referral passed on to social care", text, referral.RequestId);
        await messenger.CompleteTasksAsync(TaskKey(referralId), ct);
        var saved = await db.SaveOrConflictAsync(CommandResult.Conflicted(""), ct);
        if (saved.Succeeded) return saved;
        db.ChangeTracker.Clear();
        return PassedOnAlready(await db.Referrals.AsNoTracking().FirstAsync(r => r.Id == referralId, ct));
    }

    private static CommandResult PassedOnAlready(Referral referral) =>
        CommandResult.Conflicted($"{referral.PassedOnByName} recorded this referral as passed on to social care on {UkCalendar.When(referral.PassedOnAt!.Value)}. Nothing was changed.");
}
