using ShortBreaks.Core.Letters;

namespace ShortBreaks.Core.Notifications;

/// <summary>
/// Every letter a family can read in their account is also a message in their list and an email, whichever service
/// wrote it: the save that keeps the letter tells the child's family accounts, in the same transaction. Letters are
/// statutory, so they are emailed whatever the person chose. A family with no account gets the letter by post.
/// </summary>
public static class LetterNotices
{
    /// <summary>
    /// Letters whose service already emails the family as it writes them (a threshold decision's "a decision is waiting"):
    /// listed, not emailed a second time.
    /// </summary>
    private static readonly HashSet<string> EmailedByTheirService = [LetterKinds.Decision];

    /// <summary>
    /// Letters whose service tells the family itself, in words of its own and linking to its own page (a review's record,
    /// an answer to a complaint): not told twice.
    /// </summary>
    private static readonly HashSet<string> ToldByTheirService = [LetterKinds.Review, LetterKinds.ComplaintResponse];

    /// <summary>Adds the notices for the family letters this save adds; called by the context before it saves.</summary>
    public static async Task AddAsync(ShortBreaksDbContext db, CancellationToken ct)
    {
        // Bulk loads (demo data) write records as they stood, and tell nobody.
        if (!db.AuditChanges) return;
        var letters = db.ChangeTracker.Entries<Letter>()
            .Where(e => e.State == EntityState.Added && e.Entity.VisibleToFamily && !ToldByTheirService.Contains(e.Entity.Kind)).Select(e => e.Entity).ToList();
        if (letters.Count == 0) return;
        var childIds = letters.Select(l => l.ChildId).Distinct().ToList();
        var accounts = await db.ChildFamilyMembers.AsNoTracking().Where(m => childIds.Contains(m.ChildId))
            .Select(m => new { m.ChildId, m.UserId }).ToListAsync(ct);
        if (accounts.Count == 0) return;
        var messenger = new Messenger(db);
        foreach (var letter in letters)
        {
            var path = ServicePaths.FamilyLetter(letter.Id);
            foreach (var account in accounts.Where(a => a.ChildId == letter.ChildId).Select(a => a.UserId).Distinct())
            {
                // A save tried again after a conflict already holds its notices.
                if (db.PersonMessages.Local.Any(m => m.UserId == account && m.Link == path)) continue;
                messenger.Tell(account, new Notice("A letter is ready to read in your account", path, letter.ChildId,
                    letter.Title, Statutory: true, EmailedAlready: EmailedByTheirService.Contains(letter.Kind)));
            }
        }
    }
}
