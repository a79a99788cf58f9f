namespace ShortBreaks.Core.Providers;

/// <summary>The organisation a signed-in provider user acts for, and whether they administer it.</summary>
public sealed record OrganisationMember(Guid OrganisationId, string OrganisationName, FrameworkStatus Status, bool IsAdministrator);

/// <summary>Who acts for which organisation: the one lookup every provider page and endpoint starts from.</summary>
public sealed class OrganisationMembers(ShortBreaksDbContext db)
{
    /// <summary>The user's organisation, or null when the account acts for none (it was removed from it, say).</summary>
    public Task<OrganisationMember?> ForUserAsync(string userId, CancellationToken ct = default) =>
        db.OrganisationUsers.AsNoTracking()
            .Where(u => u.UserId == userId)
            .Join(db.Organisations, u => u.OrganisationId, o => o.Id, (u, o) => new OrganisationMember(o.Id, o.Name, o.Status, u.IsAdministrator))
            .FirstOrDefaultAsync(ct);
}
