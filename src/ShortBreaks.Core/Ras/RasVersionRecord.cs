namespace ShortBreaks.Core.Ras;

public enum RasVersionStatus
{
    /// <summary>Being prepared: can be changed, tried over the caseload in a virtual budget, or thrown away.</summary>
    Draft,

    /// <summary>Published: never changes again, and is in force from its effective date.</summary>
    Published,
}

public enum RasVersionSource
{
    /// <summary>Shipped as a file in <c>schemes/ras/</c>.</summary>
    SchemeFile,

    /// <summary>Made by an administrator from an earlier version.</summary>
    Edited,

    /// <summary>Rates fitted from last year's packages by a calibration.</summary>
    Calibrated,
}

/// <summary>
/// A RAS version as the service holds it: every version ever published, exactly as published, and drafts being
/// prepared. A published version is never edited; a change is a new version with its own effective date.
/// </summary>
public sealed class RasVersionRecord : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The version label, for example "2026.1"; the same as the label inside <see cref="Json"/>.</summary>
    public string Label { get; set; } = "";

    public DateOnly EffectiveFrom { get; set; }
    public RasVersionStatus Status { get; set; }
    public RasVersionSource Source { get; set; }

    /// <summary>The version this one was made from, if any.</summary>
    public string? BasedOn { get; set; }

    /// <summary>Why this version exists: what changed and on what evidence.</summary>
    public string? Notes { get; set; }

    /// <summary>The whole RAS version as JSON (see <see cref="RasSchemeCatalog.ToJson"/>).</summary>
    public string Json { get; set; } = "";

    public string ContentHash { get; set; } = "";

    public DateTime CreatedAt { get; set; }
    public string CreatedByName { get; set; } = "";
    public DateTime? PublishedAt { get; set; }
    public string? PublishedByName { get; set; }

    public long Version { get; set; }
}
