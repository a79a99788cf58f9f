using Microsoft.EntityFrameworkCore;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.DirectPayments;

/// <summary>
/// The family side of the money load run: the demo county's families with a direct payment have no password, so the
/// second demo parent (who has the demo password and no child) is linked to the child of the direct payment paid most
/// often, as an officer would link a parent with parental responsibility. Once; kept in the database.
/// </summary>
internal static class MoneySeed
{
    public const string FamilyEmail = "parent2@demo.example";

    public static async Task<Guid> EnsureFamilyAsync(ShortBreaksDbContext db)
    {
        var parent = await db.Users.SingleAsync(u => u.NormalizedEmail == FamilyEmail.ToUpperInvariant());
        var paid = await db.DirectPaymentInstalments.Where(i => i.State == InstalmentState.Paid)
            .GroupBy(i => i.DirectPaymentId).Select(g => new { Id = g.Key, Count = g.Count() }).ToListAsync();
        var active = await db.DirectPayments.Where(d => d.State == DirectPaymentState.Active).Select(d => new { d.Id, d.ChildId }).ToListAsync();
        var chosen = active.OrderByDescending(d => paid.FirstOrDefault(p => p.Id == d.Id)?.Count ?? 0).ThenBy(d => d.Id).FirstOrDefault()
            ?? throw new InvalidOperationException("The county has no direct payment: make it with a generator that writes the year of money.");
        if (!await db.ChildFamilyMembers.AnyAsync(m => m.ChildId == chosen.ChildId && m.UserId == parent.Id))
        {
            db.AuditChanges = false;
            db.ChildFamilyMembers.Add(new ChildFamilyMember
            {
                ChildId = chosen.ChildId, UserId = parent.Id, Relationship = "Mother", AddedAt = DateTime.UtcNow,
                IdentityCheck = "Load run: linked to measure the family's money page", ParentalResponsibilityCheck = "Load run",
            });
            await db.SaveChangesAsync();
        }

        return chosen.Id;
    }
}
