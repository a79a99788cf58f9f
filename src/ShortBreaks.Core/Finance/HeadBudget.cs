namespace ShortBreaks.Core.Finance;

/// <summary>
/// A budget head's (cost centre's) budget for one financial year, set by finance beside the service budget: budget
/// monitoring shows each head's forecast outturn against it, and spreads it over the months as it spreads the service
/// budget (<see cref="BudgetMonitoringRules.Profile"/>).
/// </summary>
public sealed class HeadBudget : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The calendar year the financial year starts in (1 April).</summary>
    public int FinancialYear { get; set; }

    /// <summary>The budget head's cost centre code, as the scheme configures it.</summary>
    public string HeadCode { get; set; } = "";

    public decimal Amount { get; set; }
    public string? SetByUserId { get; set; }
    public string SetByName { get; set; } = "";
    public DateTime SetAt { get; set; }
    public long Version { get; set; }
}

/// <summary>A head's budget as a form sends it: the head's code, the amount as typed (empty for none) and the version of its budget the person saw (null when it had none).</summary>
public sealed record HeadBudgetInput(string Code, string? Amount, long? VersionSeen)
{
    /// <summary>The form field of a head's amount, and the key its error is reported under.</summary>
    public static string FieldOf(string code) => "amount-" + code;
}
