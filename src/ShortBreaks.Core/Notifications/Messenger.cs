using System.Runtime.CompilerServices;

namespace ShortBreaks.Core.Notifications;

/// <summary>
/// Tells people what needs them: an item in their list in the service and, unless they chose only the list, an email
/// in the outbox. It only adds rows: the caller's own save writes them with the change they tell of, so a change
/// refused or rolled back tells nobody, and the outbox (<see cref="OutboxService"/>) sends each email once.
/// </summary>
public sealed class Messenger(ShortBreaksDbContext db)
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

    /// <summary>Tells every account in the role that can sign in (not locked out): for example every team manager.</summary>
    public async Task<int> TellRoleAsync(string role, Notice notice, CancellationToken ct = default)
    {
        var candidates = await (from userRole in db.UserRoles
                                join r in db.Roles on userRole.RoleId equals r.Id
                                join user in db.Users on userRole.UserId equals user.Id
                                where r.Name == role
                                select new { user.Id, user.LockoutEnd }).Distinct().ToListAsync(ct);
        // Locked out is judged here: SQLite cannot compare the stored offsets.
        var now = new DateTimeOffset(db.UtcNow);
        var accounts = candidates.Where(c => c.LockoutEnd is null || c.LockoutEnd < now).Select(c => c.Id).ToList();
        await TellEachAsync(accounts, notice, ct);
        return accounts.Count;
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
