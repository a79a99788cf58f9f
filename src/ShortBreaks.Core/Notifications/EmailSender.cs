using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace ShortBreaks.Core.Notifications;

/// <summary>The "Email" configuration section.</summary>
public sealed class EmailOptions
{
    public string FromAddress { get; set; } = "shortbreaks@example.org";
    public string FromName { get; set; } = "Short breaks";

    /// <summary>SMTP server; when empty, emails are written as .eml files to <see cref="PickupDirectory"/>.</summary>
    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 587;
    public string? SmtpUserName { get; set; }
    public string? SmtpPassword { get; set; }

    /// <summary>StartTls (default), SslOnConnect or None.</summary>
    public string SmtpSecurity { get; set; } = "StartTls";

    public string PickupDirectory { get; set; } = "data/mail";

    /// <summary>The service's public address, used in links inside emails.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";
}

/// <summary>Sends email by SMTP when a server is configured, otherwise to files in a folder.</summary>
public sealed class EmailSender(EmailOptions options, ILogger<EmailSender> logger)
{
    public EmailOptions Options => options;

    public string Transport => string.IsNullOrWhiteSpace(options.SmtpHost) ? "pickup-directory" : "smtp";

    /// <param name="messageId">
    /// The Message-ID to send it with (the outbox gives its own, so an email sent again after a node died is the same
    /// email to the mail systems that receive it); a new one when null.
    /// </param>
    public async Task SendAsync(string to, string subject, string textBody, CancellationToken cancellationToken = default, string? messageId = null)
    {
        var message = new MimeMessage();
        if (messageId is not null) message.MessageId = messageId;
        message.From.Add(new MailboxAddress(options.FromName, options.FromAddress));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = textBody };

        if (string.IsNullOrWhiteSpace(options.SmtpHost))
        {
            Directory.CreateDirectory(options.PickupDirectory);
            var file = Path.Combine(options.PickupDirectory, $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml");
            await message.WriteToAsync(file, cancellationToken);
            // Never the subject or the address: they can name a child or a family.
            logger.LogInformation("Email written to {File}", Path.GetFileName(file));
            return;
        }

        using var client = new SmtpClient();
        var security = Enum.TryParse<SecureSocketOptions>(options.SmtpSecurity, true, out var s) ? s : SecureSocketOptions.StartTls;
        await client.ConnectAsync(options.SmtpHost, options.SmtpPort, security, cancellationToken);
        if (!string.IsNullOrEmpty(options.SmtpUserName))
        {
            await client.AuthenticateAsync(options.SmtpUserName, options.SmtpPassword ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
        logger.LogInformation("Email sent by SMTP");
    }
}
