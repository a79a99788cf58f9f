using ShortBreaks.Core.Identity;

namespace ShortBreaks.Core.Schemes;

/// <summary>Which children a member of case staff sees, as a council sets it for their role.</summary>
public enum ChildVisibilityScope
{
    /// <summary>Every child known to the service (the default, and the only choice before this setting).</summary>
    All,

    /// <summary>Children whose key worker is in the same staff team, and those of <see cref="Own"/>.</summary>
    Team,

    /// <summary>Their own caseload (children they are key worker for) and the children they are working on.</summary>
    Own,
}

/// <summary>
/// Who sees which children: per case-staff role, <see cref="ChildVisibilityScope.All"/>, <c>Team</c> or <c>Own</c>.
/// Optional in a scheme version: without it, <see cref="Defaults"/> (everyone sees every child, as before). Each value
/// is a <see cref="ChildVisibilityScope"/> name, checked by the validator and read through <see cref="ScopeFor(string)"/>.
/// Administrators always see every child: they set up the service and answer for it. A person with several roles sees
/// what the widest of them allows.
/// </summary>
public sealed record VisibilitySettings
{
    public static readonly VisibilitySettings Defaults = new();

    /// <summary>What a personalisation officer sees: a <see cref="ChildVisibilityScope"/> name.</summary>
    public string PersonalisationOfficer { get; init; } = nameof(ChildVisibilityScope.All);

    /// <summary>What a reviewing officer sees: a <see cref="ChildVisibilityScope"/> name.</summary>
    public string ReviewingOfficer { get; init; } = nameof(ChildVisibilityScope.All);

    /// <summary>What a team manager sees: a <see cref="ChildVisibilityScope"/> name.</summary>
    public string TeamManager { get; init; } = nameof(ChildVisibilityScope.All);

    /// <summary>The roles this setting is given for, with the scheme file's name of each.</summary>
    public static readonly IReadOnlyList<(string Role, string Field)> SetRoles =
    [
        (Roles.PersonalisationOfficer, "personalisationOfficer"),
        (Roles.ReviewingOfficer, "reviewingOfficer"),
        (Roles.TeamManager, "teamManager"),
    ];

    /// <summary>The written value for a role, or null for a role this setting does not cover.</summary>
    public string? ValueFor(string role) => role switch
    {
        Roles.PersonalisationOfficer => PersonalisationOfficer,
        Roles.ReviewingOfficer => ReviewingOfficer,
        Roles.TeamManager => TeamManager,
        _ => null,
    };

    /// <summary>What one case-staff role sees; administrators see everything; any other role, nothing (null).</summary>
    public ChildVisibilityScope? ScopeFor(string role) =>
        role == Roles.Admin ? ChildVisibilityScope.All
        : ValueFor(role) is { } value ? (Enum.TryParse<ChildVisibilityScope>(value, out var scope) ? scope : ChildVisibilityScope.Own)
        : null;

    /// <summary>
    /// What a person with these roles sees: the widest scope of any of their case-staff roles, or null when they hold none
    /// (they see no child as case staff). An unreadable value (the validator refuses it) is read as the narrowest.
    /// </summary>
    public ChildVisibilityScope? ScopeFor(IEnumerable<string> roles)
    {
        ChildVisibilityScope? widest = null;
        foreach (var role in roles)
        {
            if (ScopeFor(role) is { } scope && (widest is null || scope < widest)) widest = scope;
        }

        return widest;
    }
}
