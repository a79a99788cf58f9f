namespace ShortBreaks.Core.Notifications;

/// <summary>A page of a person's list: the tasks waiting on them, and their messages, newest first.</summary>
/// <param name="Tasks">Every task still waiting (the work is not done yet), newest first.</param>
/// <param name="Messages">One page of their messages (tasks done are among them), newest first.</param>
/// <param name="MessageCount">All their messages, for paging.</param>
/// <param name="Unread">Messages and tasks they had not seen before this page was opened.</param>
public sealed record MessagePage(IReadOnlyList<PersonMessage> Tasks, IReadOnlyList<PersonMessage> Messages, int MessageCount, int Unread, EmailChoice EmailChoice);

/// <summary>A person's own list of tasks and messages in the service, and their choice of being emailed.</summary>
public sealed class MessageList(ShortBreaksDbContext db)
{
    /// <summary>The most tasks a list shows at once: more than this waiting is a caseload to reallocate, not a list.</summary>
    public const int MostTasks = 200;

    /// <summary>The person's tasks and a page of their messages. Reading it marks what it shows as read.</summary>
    public async Task<MessagePage> ReadAsync(string userId, int page, int pageSize, CancellationToken ct = default)
    {
        var mine = db.PersonMessages.AsNoTracking().Where(m => m.UserId == userId);
        var tasks = await mine.Where(m => m.TaskKey != null && m.CompletedAt == null)
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Take(MostTasks).ToListAsync(ct);
        var others = mine.Where(m => m.TaskKey == null || m.CompletedAt != null);
        var count = await others.CountAsync(ct);
        var messages = await others.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Skip(Math.Max(0, page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var unread = await mine.CountAsync(m => m.ReadAt == null, ct);
        var choice = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.EmailChoice).FirstOrDefaultAsync(ct);

        // Seen now: the count by the menu link goes down. Tasks stay on the list until their work is done.
        var now = db.UtcNow;
        if (unread > 0)
        {
            await db.PersonMessages.Where(m => m.UserId == userId && m.ReadAt == null && m.CreatedAt <= now)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ReadAt, now), ct);
        }

        return new MessagePage(tasks, messages, count, unread, choice);
    }

    /// <summary>How many tasks wait on the person and messages they have not read: the number by their menu link.</summary>
    public Task<int> WaitingCountAsync(string userId, CancellationToken ct = default) =>
        db.PersonMessages.AsNoTracking().CountAsync(m => m.UserId == userId && (m.ReadAt == null || (m.TaskKey != null && m.CompletedAt == null)), ct);

    /// <summary>Records whether the person is emailed or told only in the service (statutory letters are emailed either way).</summary>
    public async Task<CommandResult> SetEmailChoiceAsync(string userId, EmailChoice? choice, CancellationToken ct = default)
    {
        if (choice is not { } chosen || !Enum.IsDefined(chosen)) return CommandResult.Fail("EmailChoice", "Select how you want to be told");
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null) return CommandResult.Fail("EmailChoice", "Your account could not be found: sign in again");
        if (user.EmailChoice == chosen) return CommandResult.Ok;
        user.EmailChoice = chosen;
        await db.SaveChangesAsync(ct);
        return CommandResult.Ok;
    }
}
