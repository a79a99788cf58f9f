namespace ShortBreaks.Core.Ras;

public enum RasAssessmentStatus
{
    /// <summary>Answers being gathered with the family; saved so the work is never lost.</summary>
    Draft,

    /// <summary>Scored: the figures are kept with the RAS version they were scored under.</summary>
    Completed,
}

/// <summary>
/// A child's RAS assessment: the answers, and once completed the indicative budget as scored, with the version
/// it was scored under so it can be recomputed and explained exactly, whatever is published later.
/// </summary>
public sealed class RasAssessment : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ChildId { get; set; }
    public RasAssessmentStatus Status { get; set; }
    public int? AgeYears { get; set; }
    public string? PhaseId { get; set; }

    /// <summary>The level chosen per question id, as JSON.</summary>
    public string LevelsJson { get; set; } = "{}";

    /// <summary>The support present per domain id, as JSON.</summary>
    public string SupportJson { get; set; } = "{}";

    /// <summary>Support already funded per item id of the phase (pounds or hours a year), as JSON; null when none was entered.</summary>
    public string? FundedSupportJson { get; set; }

    public DateTime CreatedAt { get; set; }
    public string CreatedByUserId { get; set; } = "";

    public string? RasVersion { get; set; }
    public decimal? TotalPoints { get; set; }
    public decimal? IndicativeAmount { get; set; }
    public string? Band { get; set; }
    public RasRouting? Routing { get; set; }
    public DateTime? CompletedAt { get; set; }
    public string? CompletedByName { get; set; }

    /// <summary>An amount the officer recorded instead of the indicative one, with the reason and who agreed it.</summary>
    public decimal? OverrideAmount { get; set; }
    public string? OverrideReason { get; set; }
    public string? OverrideAgreedBy { get; set; }
    public string? OverrideRecordedByName { get; set; }
    public DateTime? OverrideRecordedAt { get; set; }

    /// <summary>When the family sent their answers to their officer, having filled them in from their account.</summary>
    public DateTime? FamilyFinishedAt { get; set; }

    public string? FamilyFinishedByName { get; set; }

    public long Version { get; set; }
}
