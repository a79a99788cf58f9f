namespace ShortBreaks.Core.Notifications;

/// <summary>Sends an email after a change is saved, and records that it was sent.</summary>
public static class EmailRecord
{
    /// <summary>Sends and records an email whose words come from <see cref="Emails"/>.</summary>
    public static Task<bool> TrySendAsync(this EmailSender sender, ShortBreaksDbContext db, ILogger logger, string to, Guid? childId, Email email, CancellationToken ct) =>
        sender.TrySendAsync(db, logger, to, childId, email.Subject, email.Body, ct);

    /// <summary>
    /// Sends and records the email. A failure to send is logged for the team to follow up and never undoes the
    /// change the email is about, which is already saved.
    /// </summary>
    public static async Task<bool> TrySendAsync(this EmailSender email, ShortBreaksDbContext db, ILogger logger,
        string to, Guid? childId, string subject, string body, CancellationToken ct)
    {
        try
        {
            await email.SendAsync(to, subject, body, ct);
            db.SentEmails.Add(new SentEmail { ChildId = childId, To = to, Subject = subject, SentAt = db.UtcNow, Transport = email.Transport });
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (Exception ex) when (ex is IOException or MailKit.ProtocolException or MailKit.CommandException or System.Net.Sockets.SocketException or FormatException or MimeKit.ParseException)
        {
            // The kind of failure only: a mail server's message can quote the address, and the subject can name the child.
            logger.LogError("Could not send an email about child {ChildId}: {Failure}", childId, ex.GetType().Name);
            return false;
        }
    }
}
