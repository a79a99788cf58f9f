namespace ShortBreaks.Core.Auditing;

/// <summary>Who did or saw what, and when. Written for every change and every view of a child's record.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public string? UserId { get; set; }
    public string UserName { get; set; } = "";

    /// <summary>"view", "create", "update", "delete", "merge", "sign-in", ...</summary>
    public string Action { get; set; } = "";

    public string EntityType { get; set; } = "";
    public string EntityId { get; set; } = "";

    /// <summary>The child the entry concerns, so a child's whole audit can be read at once.</summary>
    public Guid? ChildId { get; set; }

    /// <summary>What changed (property names, with old and new values where safe), as JSON.</summary>
    public string? Details { get; set; }
}

/// <summary>Who is acting in this unit of work: a signed-in person, or the system (jobs, demo data).</summary>
public sealed class Actor
{
    public string? UserId { get; set; }
    public string Name { get; set; } = "System";

    public static Actor System => new();
}
