namespace ShortBreaks.Core.Identity;

public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public const int TeamMaxLength = 100;

    /// <summary>
    /// The staff team this person works in ("North", "Transitions"), set by an administrator; null for none. A child
    /// belongs to their key worker's team, which is what staff whose role sees only its team's children see.
    /// </summary>
    public string? Team { get; set; }

    /// <summary>Whether they are emailed when something needs them, or told only in their list in the service.</summary>
    public Notifications.EmailChoice EmailChoice { get; set; }
}

/// <summary>The roles in DESIGN.md. A council can give one person several.</summary>
public static class Roles
{
    public const string Family = "Family";
    public const string PersonalisationOfficer = "PersonalisationOfficer";
    public const string ReviewingOfficer = "ReviewingOfficer";
    public const string TeamManager = "TeamManager";
    public const string CommissioningOfficer = "CommissioningOfficer";
    public const string FinanceOfficer = "FinanceOfficer";
    public const string Provider = "Provider";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All =
        [Family, PersonalisationOfficer, ReviewingOfficer, TeamManager, CommissioningOfficer, FinanceOfficer, Provider, Admin];

    /// <summary>Everyone who is not a family: they sign in with a second factor (an authenticator app).</summary>
    public static readonly IReadOnlyList<string> Staff =
        [PersonalisationOfficer, ReviewingOfficer, TeamManager, CommissioningOfficer, FinanceOfficer, Provider, Admin];

    /// <summary>Council staff who work with children's records.</summary>
    public static readonly IReadOnlyList<string> CaseStaff = [PersonalisationOfficer, ReviewingOfficer, TeamManager, Admin];

    /// <summary>Staff who may hold children on their caseload as key worker.</summary>
    public static readonly IReadOnlyList<string> KeyWorkers = [PersonalisationOfficer, ReviewingOfficer, TeamManager];

    /// <summary>Staff who may take a request at the duty point and make threshold decisions.</summary>
    public static readonly IReadOnlyList<string> Deciders = [PersonalisationOfficer, TeamManager];

    /// <summary>Staff who calibrate the RAS and try versions over the caseload in virtual budgets.</summary>
    public static readonly IReadOnlyList<string> RatesStaff = [CommissioningOfficer, FinanceOfficer, TeamManager, Admin];

    /// <summary>Staff who run the provider framework and watch what is bought: commissioning, managers and administrators.</summary>
    public static readonly IReadOnlyList<string> Commissioners = [CommissioningOfficer, TeamManager, Admin];

    /// <summary>
    /// Staff who see a child's direct payment, its agreement and its money (statements, audits, recoupment): case staff,
    /// and finance officers for the money (never the case notes). What each may change is the child access handler's.
    /// </summary>
    public static readonly IReadOnlyList<string> DirectPaymentStaff = [PersonalisationOfficer, ReviewingOfficer, TeamManager, FinanceOfficer, Admin];

    /// <summary>Staff who see budget monitoring (money by budget head, never a child): finance officers, managers and administrators.</summary>
    public static readonly IReadOnlyList<string> BudgetStaff = [FinanceOfficer, TeamManager, Admin];

    public static string Name(string role) => role switch
    {
        Family => "Parent carer",
        PersonalisationOfficer => "Personalisation officer",
        ReviewingOfficer => "Reviewing officer",
        TeamManager => "Team manager",
        CommissioningOfficer => "Commissioning officer",
        FinanceOfficer => "Finance officer",
        Provider => "Provider",
        Admin => "Administrator",
        _ => role,
    };
}

/// <summary>Authorization policy names shared by pages and the API.</summary>
public static class Policies
{
    public const string CaseStaff = "CaseStaff";
    public const string Decider = "Decider";
    public const string Family = "Family";
    public const string Manager = "Manager";

    /// <summary>Calibration and virtual budgets: commissioning, finance, managers and administrators.</summary>
    public const string Rates = "Rates";

    /// <summary>Administrators only: for example publishing a new RAS version.</summary>
    public const string Admin = "Admin";

    /// <summary>The provider framework and what is bought from it (<see cref="Roles.Commissioners"/>).</summary>
    public const string Commissioning = "Commissioning";

    /// <summary>A person who signs in for a provider organisation.</summary>
    public const string Provider = "Provider";

    /// <summary>A child's direct payment pages, and its monitoring, audit and recoupment (<see cref="Roles.DirectPaymentStaff"/>).</summary>
    public const string DirectPayments = "DirectPayments";
    /// <summary>Provider invoices and payment runs: finance officers only (they see money, not case notes).</summary>
    public const string Finance = "Finance";
    /// <summary>Budget monitoring by head and month (<see cref="Roles.BudgetStaff"/>).</summary>
    public const string BudgetMonitoring = "BudgetMonitoring";
}
