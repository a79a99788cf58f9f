namespace ShortBreaks.Core.Caseloads;

/// <summary>A staff account as the teams page lists it.</summary>
public sealed record StaffMember(string UserId, string Name, string? Email, string? Team, IReadOnlyList<string> Roles, string ConcurrencyStamp);

/// <summary>
/// Staff teams, set by administrators: a child belongs to their key worker's team, which is what staff whose role sees
/// only its team's children see (<see cref="ChildVisibility"/>).
/// </summary>
public sealed class StaffTeams(ShortBreaksDbContext db)
{
    /// <summary>Council staff: everyone with a role other than a family's or a provider's.</summary>
    public static readonly IReadOnlyList<string> CouncilRoles = Roles.Staff.Where(r => r != Roles.Provider).ToList();

    public async Task<List<StaffMember>> ListAsync(CancellationToken ct = default)
    {
        var rows = await (from ur in db.UserRoles.AsNoTracking()
                          join r in db.Roles.AsNoTracking() on ur.RoleId equals r.Id
                          join u in db.Users.AsNoTracking() on ur.UserId equals u.Id
                          where CouncilRoles.Contains(r.Name!)
                          select new { u.Id, u.DisplayName, u.Email, u.Team, u.ConcurrencyStamp, Role = r.Name! }).ToListAsync(ct);
        return rows.GroupBy(r => r.Id)
            .Select(g => new StaffMember(g.Key, g.First().DisplayName, g.First().Email, g.First().Team,
                g.Select(r => r.Role).Order(StringComparer.Ordinal).ToList(), g.First().ConcurrencyStamp ?? ""))
            .OrderBy(m => m.Team ?? "\uffff", StringComparer.OrdinalIgnoreCase).ThenBy(m => m.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    public async Task<StaffMember?> FindAsync(string userId, CancellationToken ct = default) =>
        (await ListAsync(ct)).FirstOrDefault(m => m.UserId == userId);

    /// <summary>
    /// Puts a member of staff in a team (or none, when <paramref name="team"/> is empty), refused when someone else changed
    /// the account since <paramref name="stampSeen"/>.
    /// </summary>
    public async Task<CommandResult> SetTeamAsync(string userId, string? team, string? stampSeen, CancellationToken ct = default)
    {
        var name = string.IsNullOrWhiteSpace(team) ? null : string.Join(' ', team.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (name is { Length: > AppUser.TeamMaxLength }) return CommandResult.Fail("team", $"The team's name must be {AppUser.TeamMaxLength} characters or fewer");
        if (await FindAsync(userId, ct) is null) return CommandResult.Fail("", "There is no staff account to put in a team");
        var user = await db.Users.FirstAsync(u => u.Id == userId, ct);
        db.Entry(user).Property(u => u.ConcurrencyStamp).OriginalValue = stampSeen;
        user.Team = name;
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        return await db.SaveOrConflictAsync(CommandResult.Conflicted(
            "Someone else changed this account while you were working on it. Nothing has been saved: look at the account as it is now and try again."), ct);
    }
}
