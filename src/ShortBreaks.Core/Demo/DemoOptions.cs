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

/// <summary>A person a demonstrator can sign in as, with the demo password; <paramref name="Title"/> tells two logins of one role apart.</summary>
public sealed record DemoLogin(string Email, string DisplayName, string Role, string Description, string? Title = null);

/// <summary>What the demo county holds once loaded.</summary>
/// <param name="AwaitingDecision">Children whose request is waiting for a threshold decision.</param>
/// <param name="RequestsAwaitingDecision">Submitted requests without a decision, including those not yet matched to a child.</param>
/// <param name="RequestsPastTarget">Requests waiting longer than the scheme's decision target.</param>
/// <param name="RequestsToMatch">Requests not yet matched to a child record.</param>
/// <param name="Staff">Every council and provider account, the demo logins included.</param>
/// <param name="RasAssessments">Completed RAS assessments, the superseded earlier ones included.</param>
/// <param name="LargestCaseload">The most children any one personalisation officer holds.</param>
/// <param name="Packages">Packages made through the package service: Flexible Short Breaks packages and plans' provider lines brokered.</param>
/// <param name="DirectPayments">Direct payments agreed, from the packages taken as a direct payment.</param>
/// <param name="PaymentRuns">Monthly payment runs: paid, and the next one waiting for approval when it is being prepared today.</param>
/// <param name="Invoices">Providers' invoices made from the sessions they delivered.</param>
/// <param name="Unallocated">Children on Flexible or Targeted Short Breaks with no key worker, for a manager to allocate.</param>
public sealed record DemoSummary(
    int Children,
    int FlexibleShortBreaks,
    int TargetedShortBreaks,
    int Universal,
    int SocialCare,
    int AwaitingDecision,
    int RequestsAwaitingDecision,
    int RequestsPastTarget,
    int RequestsToMatch,
    int DraftRequests,
    int Decisions,
    int Providers,
    int PersonalisationOfficers,
    int ReviewingOfficers,
    int TeamManagers,
    int Staff,
    int FamilyAccounts,
    int RasAssessments,
    int LargestCaseload,
    TimeSpan Elapsed,
    int Packages = 0,
    int DirectPayments = 0,
    int PaymentRuns = 0,
    int Invoices = 0,
    int Unallocated = 0);
