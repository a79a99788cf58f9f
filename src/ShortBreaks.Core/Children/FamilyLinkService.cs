namespace ShortBreaks.Core.Children;

/// <summary>What the officer records when linking a family account to a child.</summary>
public sealed record FamilyLinkDetails(string? AccountEmail, string? Relationship, string? IdentityCheck, string? ParentalResponsibilityCheck);

/// <summary>A family account linked to a child, as staff see it.</summary>
public sealed record LinkedFamily(string UserId, string Name, string Email, string Relationship, DateTime AddedAt, string? IdentityCheck,
    string? ParentalResponsibilityCheck, string? LinkedByName);

/// <summary>
/// Linking a family account to a child's record, so the family sees the child's plan and letters. Matching a
/// request to a child never does this: an officer links an account only after checking who the person is and
/// that they have parental responsibility, and records how. The family already linked is told by email.
/// </summary>
public sealed class FamilyLinkService(ShortBreaksDbContext db, SchemeCatalog schemes, EmailSender email, ILogger<FamilyLinkService> logger)
{
    public const int CheckMaxLength = 500;
    public const int RelationshipMaxLength = 100;

    /// <summary>The family accounts linked to a child, oldest link first.</summary>
    public Task<List<LinkedFamily>> LinkedAsync(Guid childId, CancellationToken ct = default) =>
        (from m in db.ChildFamilyMembers.AsNoTracking()
         join u in db.Users.AsNoTracking() on m.UserId equals u.Id
         where m.ChildId == childId
         orderby m.AddedAt
         select new LinkedFamily(u.Id, u.DisplayName, u.Email ?? "", m.Relationship, m.AddedAt, m.IdentityCheck, m.ParentalResponsibilityCheck, m.LinkedByName))
        .ToListAsync(ct);

    /// <summary>The rules for what the officer must record, in the order of the fields on the page.</summary>
    public static List<FieldError> Check(FamilyLinkDetails details)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(details.AccountEmail)) errors.Add(new(nameof(details.AccountEmail), "Enter the email address of the family's account"));
        else if (details.AccountEmail.Length > 256) errors.Add(new(nameof(details.AccountEmail), "The email address must be 256 characters or fewer"));
        if (string.IsNullOrWhiteSpace(details.Relationship)) errors.Add(new(nameof(details.Relationship), "Enter the person's relationship to the child"));
        else if (details.Relationship.Length > RelationshipMaxLength) errors.Add(new(nameof(details.Relationship), $"The relationship must be {RelationshipMaxLength} characters or fewer"));
        if (string.IsNullOrWhiteSpace(details.IdentityCheck)) errors.Add(new(nameof(details.IdentityCheck), "Enter how you confirmed the person's identity"));
        else if (details.IdentityCheck.Length > CheckMaxLength) errors.Add(new(nameof(details.IdentityCheck), $"How you confirmed their identity must be {CheckMaxLength} characters or fewer"));
        if (string.IsNullOrWhiteSpace(details.ParentalResponsibilityCheck)) errors.Add(new(nameof(details.ParentalResponsibilityCheck), "Enter how you confirmed the person has parental responsibility for the child"));
        else if (details.ParentalResponsibilityCheck.Length > CheckMaxLength) errors.Add(new(nameof(details.ParentalResponsibilityCheck), $"How you confirmed parental responsibility must be {CheckMaxLength} characters or fewer"));
        return errors;
    }

    /// <summary>
    /// Links the family account with this email to the child, with the checks the officer made. Saved and audited
    /// (the link, with who made it and how they checked), on the child's timeline, and emailed to every account
    /// already linked.
    /// </summary>
    public async Task<CommandResult> LinkAsync(Guid childId, FamilyLinkDetails details, CancellationToken ct = default)
    {
        var errors = Check(details);
        var child = await db.Children.AsNoTracking().FirstOrDefaultAsync(c => c.Id == childId, ct);
        if (child is null) return CommandResult.Fail("", "There is no record for this child.");
        if (child.MergedIntoChildId is not null) return CommandResult.Fail("", "This record has been merged into another: link the family to the record that stays.");

        AppUser? account = null;
        if (errors.All(e => e.Field != nameof(details.AccountEmail)))
        {
            var normalised = details.AccountEmail!.Trim().ToUpperInvariant();
            account = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedEmail == normalised, ct);
            var isFamily = account is not null && await (from ur in db.UserRoles
                                                         join r in db.Roles on ur.RoleId equals r.Id
                                                         where ur.UserId == account.Id && r.Name == Roles.Family
                                                         select ur).AnyAsync(ct);
            if (!isFamily) errors.Insert(0, new(nameof(details.AccountEmail), "No family account uses this email address: check it with the family, or ask them to make an account first"));
            else if (await db.ChildFamilyMembers.AnyAsync(m => m.ChildId == childId && m.UserId == account!.Id, ct))
                errors.Insert(0, new(nameof(details.AccountEmail), $"This account is already linked to {child.FirstName}'s record"));
        }

        if (errors.Count > 0) return CommandResult.Fail(errors);

        var alreadyLinked = await LinkedAsync(childId, ct);
        var relationship = details.Relationship!.Trim();
        db.ChildFamilyMembers.Add(new ChildFamilyMember
        {
            ChildId = childId,
            UserId = account!.Id,
            Relationship = relationship,
            AddedAt = db.UtcNow,
            IdentityCheck = details.IdentityCheck!.Trim(),
            ParentalResponsibilityCheck = details.ParentalResponsibilityCheck!.Trim(),
            LinkedByUserId = db.Actor.UserId,
            LinkedByName = db.Actor.Name,
        });
        db.AddTimeline(childId, TimelineKinds.FamilyLinked, $"Family account linked: {account.DisplayName} ({relationship})",
            "Identity and parental responsibility checked by the officer.");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone linked the same account at the same moment: the key kept one link.
            db.ChangeTracker.Clear();
            if (await db.ChildFamilyMembers.AnyAsync(m => m.ChildId == childId && m.UserId == account.Id, ct))
                return CommandResult.Fail(nameof(details.AccountEmail), $"This account is already linked to {child.FirstName}'s record");
            throw;
        }

        var council = schemes.InForceOn(db.Today).Council;
        foreach (var family in alreadyLinked.Where(f => !string.IsNullOrWhiteSpace(f.Email)))
        {
            await email.TrySendAsync(db, logger, family.Email, childId, Emails.AnotherAccountLinked(family, child, account.DisplayName, relationship, council), ct);
        }

        return CommandResult.Ok;
    }
}
