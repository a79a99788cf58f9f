namespace ShortBreaks.Core.Notifications;

/// <summary>The "Outbox" configuration section: how hard the outbox tries before giving an email up.</summary>
public sealed class OutboxOptions
{
    /// <summary>Attempts before an email that keeps failing is marked failed for an administrator to see (default 5).</summary>
    public int MaximumAttempts { get; set; } = 5;

    /// <summary>Minutes to wait after a failed attempt, times the attempts made so far (default 5: 5, 10, 15...).</summary>
    public double RetryMinutes { get; set; } = 5;

    /// <summary>Emails one node claims in a turn (default 100): the rest wait for the next turn or another node.</summary>
    public int Batch { get; set; } = 100;
}

/// <summary>
/// Sends the emails waiting in the outbox. Each is claimed by one node with a lease before it is sent and marked sent
/// straight after, both without the node's stopping token, so a node stopping between the two does not leave it to
/// be sent again; only a node that dies in those milliseconds leaves one for another node once its lease passes, and
/// that one goes with the same Message-ID, which mail systems take as the same email. The address and the person's
/// choice are read at sending: an email to someone who has since chosen only the list is not sent.
/// </summary>
public sealed class OutboxService(ShortBreaksDbContext db, EmailSender sender, SchemeCatalog schemes, OutboxOptions options, ILogger<OutboxService> logger)
{
    /// <summary>Claims and sends what is waiting; returns how many were sent.</summary>
    public async Task<int> SendWaitingAsync(string node, TimeSpan lease, CancellationToken ct = default)
    {
        var now = db.UtcNow;
        var waiting = await db.OutboxEmails.AsNoTracking()
            .Where(e => e.State == OutboxState.Waiting && (e.LeaseUntil == null || e.LeaseUntil < now))
            .OrderBy(e => e.CreatedAt).Select(e => e.Id).Take(Math.Max(1, options.Batch)).ToListAsync(ct);
        var sent = 0;
        foreach (var id in waiting)
        {
            ct.ThrowIfCancellationRequested();
            if (await SendOneAsync(id, node, lease)) sent++;
        }

        return sent;
    }

    /// <summary>Claims one email and sends it; false when another node holds it, it is not to be sent, or sending failed.</summary>
    private async Task<bool> SendOneAsync(Guid id, string node, TimeSpan lease)
    {
        // From the claim to the mark, the node's stopping token is not used: a graceful stop finishes the email in hand.
        var none = CancellationToken.None;
        var now = db.UtcNow;
        var claimed = await db.OutboxEmails.Where(e => e.Id == id && e.State == OutboxState.Waiting && (e.LeaseUntil == null || e.LeaseUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ClaimedBy, node).SetProperty(e => e.LeaseUntil, now + lease).SetProperty(e => e.Attempts, e => e.Attempts + 1), none);
        if (claimed == 0) return false;

        var email = await db.OutboxEmails.AsNoTracking().FirstAsync(e => e.Id == id, none);
        var message = await db.PersonMessages.AsNoTracking().FirstOrDefaultAsync(m => m.Id == email.MessageId, none);
        var person = await db.Users.AsNoTracking().Where(u => u.Id == email.UserId)
            .Select(u => new { u.Email, u.EmailConfirmed, u.EmailChoice }).FirstOrDefaultAsync(none);
        var skip = message is null ? "the message was erased"
            : person is null ? "the account no longer exists"
            : string.IsNullOrWhiteSpace(person.Email) ? "the account has no email address"
            : person.EmailChoice == EmailChoice.ListOnly && !email.Statutory ? "the person chose only the list in the service"
            : null;
        if (skip is not null)
        {
            await FinishAsync(id, node, OutboxState.NotSent, skip, null);
            return false;
        }

        var scheme = schemes.InForceOn(db.Today);
        var link = sender.Options.PublicBaseUrl.TrimEnd('/') + message!.Link;
        var body = $"{message.Title}.\n\nSign in to see it: {link}\n\n" +
                   "You can choose to be told only in the service, not by email, from your list of tasks and messages.\n\n" +
                   $"{scheme.Council.ServiceName}\n{scheme.Council.Name}";
        try
        {
            await sender.SendAsync(person!.Email!, message.Title, body, none, messageId: $"{id:N}@{MessageIdDomain()}");
        }
        catch (Exception ex) when (ex is IOException or MailKit.ProtocolException or MailKit.CommandException or System.Net.Sockets.SocketException or FormatException or MimeKit.ParseException or UnauthorizedAccessException)
        {
            // The kind of failure only: a mail server's message can quote the address.
            logger.LogError("Could not send outbox email {OutboxId} (attempt {Attempt}): {Failure}", id, email.Attempts, ex.GetType().Name);
            if (email.Attempts >= Math.Max(1, options.MaximumAttempts))
            {
                await FinishAsync(id, node, OutboxState.Failed, $"{ex.GetType().Name} after {email.Attempts} attempts", null);
            }
            else
            {
                var retryAt = db.UtcNow + TimeSpan.FromMinutes(Math.Max(0, options.RetryMinutes) * email.Attempts);
                await db.OutboxEmails.Where(e => e.Id == id && e.ClaimedBy == node && e.State == OutboxState.Waiting)
                    .ExecuteUpdateAsync(s => s.SetProperty(e => e.LeaseUntil, retryAt).SetProperty(e => e.Outcome, ex.GetType().Name), none);
            }

            return false;
        }

        await FinishAsync(id, node, OutboxState.Sent, null, db.UtcNow);
        db.SentEmails.Add(new SentEmail { ChildId = message.ChildId, To = person.Email!, Subject = message.Title, SentAt = db.UtcNow, Transport = sender.Transport });
        await db.SaveChangesAsync(none);
        db.ChangeTracker.Clear();
        return true;
    }

    private Task<int> FinishAsync(Guid id, string node, OutboxState state, string? outcome, DateTime? sentAt) =>
        db.OutboxEmails.Where(e => e.Id == id && e.ClaimedBy == node && e.State == OutboxState.Waiting)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.State, state).SetProperty(e => e.Outcome, outcome)
                .SetProperty(e => e.SentAt, sentAt).SetProperty(e => e.LeaseUntil, (DateTime?)null), CancellationToken.None);

    private string MessageIdDomain()
    {
        var from = sender.Options.FromAddress;
        var at = from.LastIndexOf('@');
        return at >= 0 && at < from.Length - 1 ? from[(at + 1)..] : "shortbreaks.invalid";
    }

    /// <summary>What waits, failed and was not sent, for the scheduled work page.</summary>
    public async Task<OutboxSummary> SummaryAsync(CancellationToken ct = default)
    {
        var counts = await db.OutboxEmails.AsNoTracking().GroupBy(e => e.State).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        int Count(OutboxState s) => counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0;
        var oldest = await db.OutboxEmails.AsNoTracking().Where(e => e.State == OutboxState.Waiting).MinAsync(e => (DateTime?)e.CreatedAt, ct);
        return new OutboxSummary(Count(OutboxState.Waiting), Count(OutboxState.Sent), Count(OutboxState.NotSent), Count(OutboxState.Failed), oldest);
    }
}

/// <summary>The outbox at a glance: emails in each state, and when the oldest waiting one was written.</summary>
public sealed record OutboxSummary(int Waiting, int Sent, int NotSent, int Failed, DateTime? OldestWaitingSince);
