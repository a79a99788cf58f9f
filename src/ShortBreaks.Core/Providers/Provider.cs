namespace ShortBreaks.Core.Providers;

/// <summary>An approved provider on the council's framework.</summary>
public sealed class Provider
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    public string Phone { get; set; } = "";
    public string Town { get; set; } = "";

    /// <summary>Comma-separated service types offered, for example "day-care,activities".</summary>
    public string Services { get; set; } = "";

    public DateTime JoinedAt { get; set; }
}
