using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using ShortBreaks.Core.Auditing;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Letters;
using ShortBreaks.Core.Notifications;
using ShortBreaks.Core.Plans;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Core.Tests.Notifications;

/// <summary>Who the existing journeys tell: families of their letters, managers of the panel, key workers of the family.</summary>
public sealed class TellingTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2027, 6, 1, 9, 0, 0, TimeSpan.Zero));

    /// <summary>A team manager's account, for the tests of who is told.</summary>
    public static async Task<string> ManagerAsync(ShortBreaksDbContext db)
    {
        var role = await db.Roles.FirstOrDefaultAsync(r => r.Name == Roles.TeamManager);
        if (role is null)
        {
            role = new IdentityRole(Roles.TeamManager) { NormalizedName = Roles.TeamManager.ToUpperInvariant() };
            db.Roles.Add(role);
        }

        var user = new AppUser { UserName = $"m{Guid.NewGuid():N}@council.example", Email = $"m{Guid.NewGuid():N}@council.example", DisplayName = "A manager" };
        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = role.Id });
        await db.SaveChangesAsync();
        return user.Id;
    }

    [SkippableTheory, AllDatabases]
    public async Task Every_letter_a_family_can_read_reaches_their_list_and_is_emailed_once_unless_its_service_emailed_already(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext(new Actor { UserId = "officer", Name = "Sam Officer" }, _clock);
        var data = new TestData(db);
        var parent = await data.NewFamilyAccountAsync("Parent");
        var child = await data.CreateChildAsync(tier: Tier.FlexibleShortBreaks);
        db.ChildFamilyMembers.Add(new ChildFamilyMember { ChildId = child.Id, UserId = parent, Relationship = "Mother", AddedAt = db.UtcNow });
        await db.SaveChangesAsync();

        var planLetter = db.AddLetter(child.Id, LetterKinds.PlanDecision, "Your child's support plan", "<p>Approved</p>");
        var decision = db.AddLetter(child.Id, LetterKinds.Decision, "Our decision", "<p>Decided</p>");
        var hidden = db.AddLetter(child.Id, LetterKinds.PlanDecision, "A referral", "<p>Not for the family</p>");
        hidden.VisibleToFamily = false;
        // Told by their own services, linking to their own pages: not told twice.
        db.AddLetter(child.Id, LetterKinds.ComplaintResponse, "Our answer to your complaint", "<p>Answer</p>");
        db.AddLetter(child.Id, LetterKinds.Review, "Your child's review", "<p>Review</p>");
        await db.SaveChangesAsync();

        var messages = await db.PersonMessages.AsNoTracking().Where(m => m.UserId == parent).OrderBy(m => m.Detail).ToListAsync();
        messages.Select(m => (m.Title, m.Link, m.Detail)).ShouldBe([
            ("A letter is ready to read in your account", $"/account/letters/{decision.Id}", "Our decision"),
            ("A letter is ready to read in your account", $"/account/letters/{planLetter.Id}", "Your child's support plan"),
        ]);
        var emails = await db.OutboxEmails.AsNoTracking().ToListAsync();
        var email = emails.ShouldHaveSingleItem();
        (email.MessageId, email.Statutory, email.UserId).ShouldBe((messages[1].Id, true, parent));
    }
}
