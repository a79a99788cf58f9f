namespace ShortBreaks.Core.Demo;

/// <summary>What the demo county should look like. The same seed and the same day always give the same county.</summary>
public sealed record DemoOptions
{
    public const int MinimumChildren = 10;
    public const int MaximumChildren = 2_000_000;

    public int Seed { get; init; } = 2026;

    /// <summary>How many child records to create (a council of the seeds' size has about 1,550).</summary>
    public int Children { get; init; } = 1550;

    /// <summary>The day the county is seen from: ages, decision dates and waiting times are counted to it.</summary>
    public required DateOnly Today { get; init; }

    /// <summary>The scheme the decisions are made under: allowances and caseload sizes come from it.</summary>
    public required Scheme Scheme { get; init; }

    /// <summary>Bank holidays for working-day waits; weekends only when not given.</summary>
    public WorkingDays? WorkingDays { get; init; }

    /// <summary>
    /// The RAS versions: when given, every child on Flexible or Targeted Short Breaks gets a completed RAS assessment
    /// scored under the version in force on the day it was completed (so virtual budgets have a caseload to run over).
    /// </summary>
    public Ras.RasSchemeCatalog? Ras { get; init; }
}

/// <summary>A person a demonstrator can sign in as, with the demo password.</summary>
public sealed record DemoLogin(string Email, string DisplayName, string Role, string Description);

/// <summary>What the demo county holds once loaded.</summary>
public sealed record DemoSummary
{
    public required int Children { get; init; }
    public required int FlexibleShortBreaks { get; init; }
    public required int TargetedShortBreaks { get; init; }
    public required int Universal { get; init; }
    public required int SocialCare { get; init; }

    /// <summary>Children whose request is waiting for a threshold decision.</summary>
    public required int AwaitingDecision { get; init; }

    /// <summary>Submitted requests without a decision, including those not yet matched to a child.</summary>
    public required int RequestsAwaitingDecision { get; init; }

    /// <summary>Requests waiting longer than the scheme's decision target.</summary>
    public required int RequestsPastTarget { get; init; }

    /// <summary>Requests not yet matched to a child record.</summary>
    public required int RequestsToMatch { get; init; }

    public required int DraftRequests { get; init; }
    public required int Decisions { get; init; }
    public required int Providers { get; init; }
    public required int PersonalisationOfficers { get; init; }
    public required int ReviewingOfficers { get; init; }
    public required int TeamManagers { get; init; }

    /// <summary>Every council and provider account, the demo logins included.</summary>
    public required int Staff { get; init; }

    public required int FamilyAccounts { get; init; }

    /// <summary>Completed RAS assessments, the superseded earlier ones included.</summary>
    public int RasAssessments { get; init; }

    /// <summary>The most children any one personalisation officer holds.</summary>
    public required int LargestCaseload { get; init; }

    public required TimeSpan Elapsed { get; init; }
}
