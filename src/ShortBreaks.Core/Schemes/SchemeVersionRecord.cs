namespace ShortBreaks.Core.Schemes;

/// <summary>
/// A scheme version as it was first loaded, kept so a decision made under it can always be explained
/// with the exact figures, and so an edited published version is refused.
/// </summary>
public sealed class SchemeVersionRecord
{
    public string Version { get; set; } = "";
    public DateOnly EffectiveFrom { get; set; }
    public string ContentHash { get; set; } = "";
    public string Json { get; set; } = "";
    public DateTime FirstLoadedAt { get; set; }
}
