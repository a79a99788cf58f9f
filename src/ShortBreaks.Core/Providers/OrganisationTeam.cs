namespace ShortBreaks.Core.Providers;

/// <summary>A person who signs in for an organisation, as its administrator sees them.</summary>
public sealed record TeamMember(string UserId, string Name, string Email, bool IsAdministrator, DateTime AddedAt, string? AddedByName);

/// <summary>
/// An organisation's users: its administrator adds people (whose accounts the caller makes) and removes them. A removed
/// person loses the provider area at once (every provider page looks the organisation up afresh); the last
/// administrator cannot be removed, so an organisation is never left without one.
/// </summary>
public sealed class OrganisationTeam(ShortBreaksDbContext db)
{
    public static readonly CommandResult ChangedByOthers = CommandResult.Conflicted(
        "Someone else changed your organisation's users at the same time. Nothing has been changed: check the list as it is now and try again.");

    public async Task<IReadOnlyList<TeamMember>> MembersAsync(Guid organisationId, CancellationToken ct = default) =>
        (await (from member in db.OrganisationUsers.AsNoTracking()
                join user in db.Users on member.UserId equals user.Id
                where member.OrganisationId == organisationId
                select new TeamMember(user.Id, user.DisplayName, user.Email ?? "", member.IsAdministrator, member.AddedAt, member.AddedByName))
            .ToListAsync(ct))
        .OrderByDescending(m => m.IsAdministrator).ThenBy(m => m.Name, StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>Adds an account (with the Provider role, made by the caller) to the organisation, refused when it already acts for one.</summary>
    public async Task<CommandResult> AddAsync(Guid organisationId, string userId, bool administrator, CancellationToken ct = default)
    {
        if (await db.OrganisationUsers.AnyAsync(u => u.UserId == userId, ct))
            return CommandResult.Fail("Email", "This person already signs in for an organisation. Ask them for another email address");
        var organisation = await db.Organisations.FirstOrDefaultAsync(o => o.Id == organisationId, ct);
        if (organisation is null) return CommandResult.Fail("", "There is no such organisation.");
        db.OrganisationUsers.Add(new OrganisationUser { OrganisationId = organisationId, UserId = userId, IsAdministrator = administrator, AddedAt = db.UtcNow, AddedByName = db.Actor.Name });
        Touch(organisation);
        return await db.SaveOrConflictAsync(ChangedByOthers, async ex =>
            await db.OrganisationUsers.AsNoTracking().AnyAsync(u => u.UserId == userId, ct)
                ? CommandResult.Fail("Email", "This person already signs in for an organisation. Ask them for another email address")
                : null, ct);
    }

    /// <summary>
    /// Removes a person from the organisation. Refused for the last administrator. The organisation's version is moved
    /// on, so two administrators removing each other at once cannot leave it with none.
    /// </summary>
    public async Task<CommandResult> RemoveAsync(Guid organisationId, string userId, CancellationToken ct = default)
    {
        var organisation = await db.Organisations.FirstOrDefaultAsync(o => o.Id == organisationId, ct);
        var member = await db.OrganisationUsers.FirstOrDefaultAsync(u => u.OrganisationId == organisationId && u.UserId == userId, ct);
        if (organisation is null || member is null) return CommandResult.Fail("", "This person is not one of your organisation's users.");
        if (member.IsAdministrator && await db.OrganisationUsers.CountAsync(u => u.OrganisationId == organisationId && u.IsAdministrator, ct) <= 1)
            return CommandResult.Fail("", "This is the organisation's only administrator. Add another administrator before removing them.");
        db.OrganisationUsers.Remove(member);
        Touch(organisation);
        return await db.SaveOrConflictAsync(ChangedByOthers, ct);
    }

    // Any change to the organisation's users moves its version on: the save fails if another did the same meanwhile.
    private void Touch(Organisation organisation)
    {
        db.ExpectVersion(organisation, organisation.Version);
        db.Entry(organisation).State = EntityState.Modified;
    }
}
