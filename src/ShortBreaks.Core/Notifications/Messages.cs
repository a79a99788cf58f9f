namespace ShortBreaks.Core.Notifications;

/// <summary>
/// What a person is told: the same words in their in-service list and, by their choice, in an email.
/// </summary>
/// <param name="Title">
/// What happened, said in the email's subject and at the top of the in-service item. Never names the child, the family
/// or any case detail (an email can be read over a shoulder or forwarded): "A review record is ready to read".
/// </param>
/// <param name="Link">The page that holds the detail, as a path in the service (from the links class).</param>
/// <param name="ChildId">The child it is about, if any: kept with the child's record and gathered for subject access.</param>
/// <param name="Detail">Shown only in the service, to a person signed in who may see it (it may name the child).</param>
/// <param name="Statutory">A statutory letter or decision: emailed whatever the person chose.</param>
/// <param name="TaskKey">
/// Makes it a task on the person's to-do list until the thing is done (<see cref="Messenger.CompleteTasksAsync"/>), for
/// example <c>review-views:{reviewId}</c>; null for a message that only informs.
/// </param>
public sealed record Notice(string Title, string Link, Guid? ChildId = null, string? Detail = null, bool Statutory = false, string? TaskKey = null);

/// <summary>How a person wants to be told of what needs them.</summary>
public enum EmailChoice
{
    /// <summary>An email for each new task or message, as well as the list in the service (the default).</summary>
    EmailAndList,

    /// <summary>Only the list in the service; statutory letters and decisions are still emailed.</summary>
    ListOnly,
}

/// <summary>
/// One item in a person's list of tasks and messages in the service: a message to read, or a task that stays on their
/// to-do list until what it asks is done (by them or by anyone else: the task is about the work, not the person).
/// </summary>
public sealed class PersonMessage
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The account told.</summary>
    public string UserId { get; set; } = "";

    public Guid? ChildId { get; set; }
    public string Title { get; set; } = "";
    public string? Detail { get; set; }
    public string Link { get; set; } = "";
    public DateTime CreatedAt { get; set; }

    /// <summary>When the person first opened their list with it there, or opened it.</summary>
    public DateTime? ReadAt { get; set; }

    /// <summary>What makes it a task; null for a message.</summary>
    public string? TaskKey { get; set; }

    /// <summary>When the task was done; null while it waits (and always null for a message).</summary>
    public DateTime? CompletedAt { get; set; }
}

/// <summary>Where an email stands in the outbox.</summary>
public enum OutboxState
{
    /// <summary>Waiting to be claimed by a node and sent.</summary>
    Waiting,

    /// <summary>Handed to the mail server (or written to the pickup folder).</summary>
    Sent,

    /// <summary>Not sent, and never will be: the person chose only the list, or has no confirmed email address.</summary>
    NotSent,

    /// <summary>Given up after the outbox's attempts; an administrator sees it on the scheduled work page.</summary>
    Failed,
}

/// <summary>
/// An email to send, written in the same transaction as the change it tells of, then claimed by one node with a lease
/// and sent once: a change rolled back sends nothing, and a restart or a second node never sends it twice. It names
/// the account, not the address: the address and the person's choice are read when it is sent.
/// </summary>
public sealed class OutboxEmail
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The in-service message it tells of: its title and link are the email's.</summary>
    public Guid MessageId { get; set; }

    public string UserId { get; set; } = "";
    public bool Statutory { get; set; }
    public OutboxState State { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? ClaimedBy { get; set; }
    public DateTime? LeaseUntil { get; set; }
    public int Attempts { get; set; }
    public DateTime? SentAt { get; set; }

    /// <summary>Why it was not sent or failed, in words without the address (an exception's kind, not its message).</summary>
    public string? Outcome { get; set; }
}
