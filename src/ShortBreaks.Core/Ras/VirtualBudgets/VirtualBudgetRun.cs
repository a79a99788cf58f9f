namespace ShortBreaks.Core.Ras.VirtualBudgets;

public enum VirtualBudgetRunStatus
{
    /// <summary>Asked for and waiting its turn: runs go one at a time in the background.</summary>
    Queued,
    Running,
    Completed,
    Failed,
}

/// <summary>
/// One try of a RAS version over the current caseload, run in the background. It changes nothing: the summary and
/// the families whose budget would fall are kept here, as JSON, exactly as they were on the day it ran.
/// </summary>
public sealed class VirtualBudgetRun : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The RAS version tried (a draft or a published one).</summary>
    public string VersionLabel { get; set; } = "";

    public string? RequestedByUserId { get; set; }
    public string RequestedByName { get; set; } = "";
    public DateTime RequestedAt { get; set; }
    public VirtualBudgetRunStatus Status { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }

    /// <summary>The <see cref="VirtualBudgetSummary"/> as JSON, once completed.</summary>
    public string? SummaryJson { get; set; }

    /// <summary>The families whose budget would fall (<see cref="VirtualBudgetFall"/>), as JSON, once completed.</summary>
    public string? FallsJson { get; set; }

    /// <summary>Why the run failed, in words staff can act on.</summary>
    public string? Error { get; set; }

    /// <summary>The node running it, while it holds the lease.</summary>
    public string? ClaimedBy { get; set; }

    /// <summary>
    /// Until when the node running it holds it: it renews the lease as it goes, so a run whose lease has passed was
    /// left by a node that stopped, and another node takes it up.
    /// </summary>
    public DateTime? LeaseUntil { get; set; }

    /// <summary>How many times a node has started it: more than one when a node stopped part way.</summary>
    public int Attempts { get; set; }

    public long Version { get; set; }
}

/// <summary>
/// The money the council has for personal budgets in one financial year (1 April to 31 March), set by finance,
/// so a virtual budget shows whether a version fits in it.
/// </summary>
public sealed class ServiceBudget : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The calendar year the financial year starts in: 2026 is 1 April 2026 to 31 March 2027.</summary>
    public int FinancialYear { get; set; }

    public decimal Amount { get; set; }
    public string? SetByUserId { get; set; }
    public string SetByName { get; set; } = "";
    public DateTime SetAt { get; set; }
    public long Version { get; set; }
}

public static class FinancialYears
{
    /// <summary>The financial year a day falls in, named by the year it starts (1 April).</summary>
    public static int Of(DateOnly day) => day.Month >= 4 ? day.Year : day.Year - 1;

    /// <summary>"2026 to 2027".</summary>
    public static string Name(int year) => $"{year} to {year + 1}";

    public static DateOnly Start(int year) => new(year, 4, 1);
}
