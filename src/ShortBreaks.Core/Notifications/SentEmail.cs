namespace ShortBreaks.Core.Notifications;

/// <summary>A record that an email was sent (its content is not kept: letters are kept as letters).</summary>
public sealed class SentEmail
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid? ChildId { get; set; }
    public string To { get; set; } = "";
    public string Subject { get; set; } = "";
    public DateTime SentAt { get; set; }
    public string Transport { get; set; } = "";
}
