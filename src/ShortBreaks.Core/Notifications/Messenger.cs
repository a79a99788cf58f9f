using System.Runtime.CompilerServices;
using ShortBreaks.Core.Caseloads;

namespace ShortBreaks.Core.Notifications;

/// <summary>
/// Tells people what needs them: an item in their list in the service and, unless they chose only the list, an email
/// in the outbox. It only adds rows: the caller's own save writes them with the change they tell of, so a change
/// refused or rolled back tells nobody, and the outbox (<see cref="OutboxService"/>) sends each email once. Given the
/// scheme catalogue (the container gives it), a notice about a child told to everyone in a role goes only to those the
/// scheme's visibility setting lets see the child (<see cref="TellRoleAsync"/>).
/// </summary>
public sealed class Messenger(ShortBreaksDbContext db, SchemeCatalog? schemes = null)
{
    /// <summary>
    /// The tasks told in each unit of work (a context, whichever messenger told them) and not yet done, so a task told
    /// twice before the save is listed once without looking through every row the context tracks: a night's scan may
    /// tell thousands.
    /// </summary>
    private static readonly ConditionalWeakTable<ShortBreaksDbContext, HashSet<(string UserId, string Key)>> ToldTasks = new();

    private HashSet<(string UserId, string Key)> ToldTasksOfThisUnit => ToldTasks.GetValue(db, _ => []);

    /// <summary>
    /// Tells one account. A task (a notice with a <see cref="Notice.TaskKey"/>) already waiting on the account's list
    /// is not added again, so a scan that finds the same work twice tells once.
    /// </summary>
    public async Task TellAsync(string userId, Notice notice, CancellationToken ct = default)
    {
        if (notice.TaskKey is { } key && await HasOpenTaskAsync(userId, key, ct)) return;
        Tell(userId, notice);
    }

    /// <summary>
    /// Tells each of the accounts, with one query for which of them already have the task waiting (a notice with a
    /// <see cref="Notice.TaskKey"/>), rather than one per account.
    /// </summary>
    public async Task<int> TellEachAsync(IEnumerable<string> userIds, Notice notice, CancellationToken ct = default)
    {
        var accounts = userIds.Where(u => !string.IsNullOrEmpty(u)).Distinct(StringComparer.Ordinal).ToList();
        if (accounts.Count == 0) return 0;
        var waiting = new HashSet<string>(StringComparer.Ordinal);
        if (notice.TaskKey is { } key)
        {
            foreach (var chunk in accounts.Chunk(500))
            {
                waiting.UnionWith(await db.PersonMessages.AsNoTracking()
                    .Where(m => m.TaskKey == key && m.CompletedAt == null && chunk.Contains(m.UserId)).Select(m => m.UserId).ToListAsync(ct));
            }

            waiting.UnionWith(accounts.Where(a => ToldTasksOfThisUnit.Contains((a, key))));
        }

        var told = 0;
        foreach (var account in accounts.Where(a => !waiting.Contains(a)))
        {
            Tell(account, notice);
            told++;
        }

        return told;
    }

    /// <summary>Tells one account, without looking for the same task waiting (for a message, or a task new by nature).</summary>
    public void Tell(string userId, Notice notice)
    {
        if (string.IsNullOrEmpty(userId)) return;
        // A path in the service, never another site: the list and the email link only to the service's own pages.
        if (!notice.Link.StartsWith('/') || notice.Link.StartsWith("//", StringComparison.Ordinal) || notice.Link.StartsWith("/\\", StringComparison.Ordinal))
        {
            throw new ArgumentException("A notice links to a page of the service, by its path.", nameof(notice));
        }

        var now = db.UtcNow;
        var message = new PersonMessage
        {
            UserId = userId, ChildId = notice.ChildId, Title = notice.Title, Detail = notice.Detail, Link = notice.Link,
            CreatedAt = now, TaskKey = notice.TaskKey,
        };
        db.PersonMessages.Add(message);
        if (notice.TaskKey is { } taskKey) ToldTasksOfThisUnit.Add((userId, taskKey));
        if (notice.EmailedAlready) return;
        db.OutboxEmails.Add(new OutboxEmail { MessageId = message.Id, UserId = userId, Statutory = notice.Statutory, State = OutboxState.Waiting, CreatedAt = now });
    }

    /// <summary>Tells every family account linked to the child (a family with no account is written to by letter).</summary>
    public async Task<int> TellFamilyAsync(Guid childId, Notice notice, CancellationToken ct = default)
    {
        var accounts = await db.ChildFamilyMembers.AsNoTracking().Where(m => m.ChildId == childId).Select(m => m.UserId).Distinct().ToListAsync(ct);
        await TellEachAsync(accounts, notice with { ChildId = childId }, ct);
        return accounts.Count;
    }

    /// <summary>
    /// Tells every account in the role that can sign in (not locked out): for example every team manager. A notice about a
    /// child goes only to those of them who see the child under the scheme's visibility setting
    /// (<see cref="ChildVisibility"/>), so nobody is handed a task they cannot open or a family's words about a child
    /// hidden from them; when none of them sees the child (a child not yet saved, or one no key worker holds under a
    /// narrower setting), every one of them is told, so the work never waits unseen. <paramref name="everyoneInRole"/>:
    /// tell them all whatever they see (the panel's agenda, which makes every child on it one its managers work on once
    /// the item is saved).
    /// </summary>
    public async Task<int> TellRoleAsync(string role, Notice notice, CancellationToken ct = default, bool everyoneInRole = false)
    {
        var candidates = await (from userRole in db.UserRoles
                                join r in db.Roles on userRole.RoleId equals r.Id
                                join user in db.Users on userRole.UserId equals user.Id
                                where r.Name == role
                                select new { user.Id, user.LockoutEnd }).Distinct().ToListAsync(ct);
        // Locked out is judged here: SQLite cannot compare the stored offsets.
        var now = new DateTimeOffset(db.UtcNow);
        var accounts = candidates.Where(c => c.LockoutEnd is null || c.LockoutEnd < now).Select(c => c.Id).ToList();
        if (!everyoneInRole && notice.ChildId is { } childId) accounts = await WhoSeesAsync(role, accounts, childId, ct);
        await TellEachAsync(accounts, notice, ct);
        return accounts.Count;
    }

    // The accounts of these that see the child, or all of them when none does (see TellRoleAsync). No query when the
    // scheme lets everyone in the role see every child (the default): a person sees what the widest of their roles allows.
    private async Task<List<string>> WhoSeesAsync(string role, List<string> accounts, Guid childId, CancellationToken ct)
    {
        if (schemes is null || accounts.Count == 0) return accounts;
        var settings = schemes.InForceOn(db.Today).VisibilityRules;
        if (settings.ScopeFor(role) == ChildVisibilityScope.All) return accounts;
        var roles = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var chunk in accounts.Chunk(500))
        {
            var held = await (from userRole in db.UserRoles
                              join r in db.Roles on userRole.RoleId equals r.Id
                              where chunk.Contains(userRole.UserId)
                              select new { userRole.UserId, r.Name }).ToListAsync(ct);
            foreach (var h in held)
            {
                if (!roles.TryGetValue(h.UserId, out var list)) roles[h.UserId] = list = [];
                if (h.Name is not null) list.Add(h.Name);
            }
        }

        if (accounts.All(a => settings.ScopeFor(roles.GetValueOrDefault(a) ?? []) == ChildVisibilityScope.All)) return accounts;
        // Each account as the pages see it: its scope and team worked out by the one rule (StaffVisibility).
        var visibility = new StaffVisibility(db, schemes);
        var seeing = new List<string>();
        foreach (var account in accounts)
        {
            if (await visibility.ViewerAsync(account, roles.GetValueOrDefault(account) ?? [], ct) is { } viewer
                && await visibility.SeesAsync(viewer, childId, ct))
            {
                seeing.Add(account);
            }
        }

        return seeing.Count > 0 ? seeing : accounts;
    }

    /// <summary>
    /// Marks done every waiting task with the key, whoever's list it is on (the work is done, by whoever did it). Saved
    /// with the caller's change.
    /// </summary>
    public async Task CompleteTasksAsync(string taskKey, CancellationToken ct = default)
    {
        var now = db.UtcNow;
        var waiting = await db.PersonMessages.Where(m => m.TaskKey == taskKey && m.CompletedAt == null).ToListAsync(ct);
        foreach (var task in waiting) task.CompletedAt = now;
        ToldTasksOfThisUnit.RemoveWhere(t => t.Key == taskKey);
        foreach (var added in db.PersonMessages.Local.Where(m => m.TaskKey == taskKey && m.CompletedAt == null)) added.CompletedAt = now;
    }

    private async Task<bool> HasOpenTaskAsync(string userId, string key, CancellationToken ct) =>
        ToldTasksOfThisUnit.Contains((userId, key)) ||
        await db.PersonMessages.AsNoTracking().AnyAsync(m => m.UserId == userId && m.TaskKey == key && m.CompletedAt == null, ct);
}
