namespace ShortBreaks.Core.Providers;

/// <summary>
/// An organisation's application to join the framework, answered against the scheme's framework criteria
/// (<c>ProviderSettings.FrameworkCriteria</c>). Commissioning checks it, asks for more, approves or refuses. An
/// organisation refused may apply again (a dynamic purchasing system is open all year): each application is a row.
/// </summary>
public sealed class FrameworkApplication : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }

    /// <summary>Applied, MoreInformationAsked, Approved or Refused.</summary>
    public FrameworkStatus Status { get; set; } = FrameworkStatus.Applied;

    /// <summary>The scheme version whose criteria it answers.</summary>
    public string SchemeVersion { get; set; } = "";

    public DateTime SubmittedAt { get; set; }
    public string? SubmittedByUserId { get; set; }
    public string? SubmittedByName { get; set; }
    public DateTime? DecidedAt { get; set; }
    public long Version { get; set; }

    public List<FrameworkAnswer> Answers { get; set; } = [];
}

/// <summary>The organisation's answer to one framework criterion, and commissioning's check of it.</summary>
public sealed class FrameworkAnswer
{
    public Guid ApplicationId { get; set; }

    /// <summary>The criterion's id in the scheme.</summary>
    public string CriterionId { get; set; } = "";

    /// <summary>The question as it was asked, so the answer reads the same after the scheme changes.</summary>
    public string Question { get; set; } = "";

    public string Answer { get; set; } = "";

    /// <summary>Commissioning's view: met, not met, or not checked yet (null).</summary>
    public bool? Met { get; set; }

    public string? CheckNote { get; set; }
}

/// <summary>
/// One move of an organisation's framework status: who, when, why, and, for a suspension or removal, what happens to
/// its live packages. Never changed once written.
/// </summary>
public sealed class FrameworkStatusChange
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid? ApplicationId { get; set; }
    public FrameworkStatus? From { get; set; }
    public FrameworkStatus To { get; set; }
    public DateTime At { get; set; }
    public string? ByUserId { get; set; }
    public string ByName { get; set; } = "";
    public string? Reason { get; set; }

    /// <summary>For a suspension or removal: what happens to the packages already agreed.</summary>
    public LivePackagesOutcome? LivePackages { get; set; }
}

/// <summary>What happens to an organisation's agreed packages when it is suspended or removed.</summary>
public enum LivePackagesOutcome
{
    /// <summary>They carry on to their end; only new packages are stopped.</summary>
    Continue,

    /// <summary>They end with the usual notice, and each child's officer brokers again.</summary>
    EndWithNotice,

    /// <summary>They end at once (a safeguarding concern), and each child's officer brokers again.</summary>
    EndNow,
}
