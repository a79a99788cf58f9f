using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ShortBreaks.Core.Auditing;
using ShortBreaks.Core.Caseloads;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Schemes;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Core.Tests.Caseloads;

/// <summary>
/// The node's kept staff list, on every database: the accounts' change stamp moves with every change ASP.NET Identity
/// makes to an account or its roles and with no other save; the list is kept while the stamp stays, and read again after
/// a change made on any node.
/// </summary>
public sealed class KeptStaffListTests
{
    private static readonly Actor Admin = new() { UserId = "admin", Name = "Ada Admin" };

    private static Task<Guid> StampAsync(ShortBreaksDbContext db) =>
        db.ChangeStamps.AsNoTracking().Where(s => s.Area == ChangeStamp.Accounts).Select(s => s.Stamp).SingleAsync();

    // The same account store the service signs people in and manages staff with.
    private static UserManager<AppUser> Users(ShortBreaksDbContext db) =>
        new(new UserStore<AppUser>(db), Options.Create(new IdentityOptions()), new PasswordHasher<AppUser>(), [], [],
            new UpperInvariantLookupNormalizer(), new IdentityErrorDescriber(), null!, NullLogger<UserManager<AppUser>>.Instance);

    private static async Task EnsureRolesAsync(ShortBreaksDbContext db)
    {
        foreach (var role in Roles.KeyWorkers.Append(Roles.FinanceOfficer))
        {
            if (!await db.Roles.AnyAsync(r => r.Name == role)) db.Roles.Add(new IdentityRole(role) { NormalizedName = role.ToUpperInvariant() });
        }

        await db.SaveChangesAsync();
    }

    private static async Task<AppUser> CreateAsync(UserManager<AppUser> users, string name, string? team, string role)
    {
        var user = new AppUser { UserName = $"{Guid.NewGuid():N}@example.org", Email = $"{Guid.NewGuid():N}@example.org", DisplayName = name, Team = team, CreatedAt = DateTime.UtcNow };
        (await users.CreateAsync(user)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, role)).Succeeded.ShouldBeTrue();
        return user;
    }

    private static CaseloadService Service(ShortBreaksDbContext db, KeptStaffList kept) =>
        new(db, ShippedSchemes.Catalog, new Core.Notifications.Messenger(db), kept);

    [SkippableTheory, AllDatabases]
    public async Task Stamp_MovesWithEveryChangeToAnAccountOrItsRoles_AndNoOther(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext(Admin);
        await EnsureRolesAsync(db);
        var users = Users(db);
        var seen = new List<Guid> { await StampAsync(db) };

        async Task MovedAsync(string what)
        {
            var now = await StampAsync(db);
            seen.ShouldNotContain(now, what);
            seen.Add(now);
        }

        var user = new AppUser { UserName = "olu@example.org", Email = "olu@example.org", DisplayName = "Olu Officer", Team = "North", CreatedAt = DateTime.UtcNow };
        (await users.CreateAsync(user)).Succeeded.ShouldBeTrue();
        await MovedAsync("an account added");
        (await users.AddToRoleAsync(user, Roles.PersonalisationOfficer)).Succeeded.ShouldBeTrue();
        await MovedAsync("a role given");
        user.DisplayName = "Olu Okafor";
        user.Team = "South";
        (await users.UpdateAsync(user)).Succeeded.ShouldBeTrue();
        await MovedAsync("renamed and moved to another team");
        (await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue)).Succeeded.ShouldBeTrue();
        await MovedAsync("disabled");

        await new TestData(db).CreateChildAsync(keyWorkerId: user.Id);
        (await StampAsync(db)).ShouldBe(seen[^1], "a save with no account in it leaves the stamp");

        (await users.RemoveFromRoleAsync(user, Roles.PersonalisationOfficer)).Succeeded.ShouldBeTrue();
        await MovedAsync("a role taken away");
        (await users.DeleteAsync(user)).Succeeded.ShouldBeTrue();
        await MovedAsync("an account deleted");
        (await db.ChangeStamps.AsNoTracking().SingleAsync(s => s.Area == ChangeStamp.Accounts)).ChangedAt.ShouldBe(db.UtcNow, TimeSpan.FromMinutes(1));
    }

    [SkippableTheory, AllDatabases]
    public async Task StaffList_IsKeptWhileNoAccountChanges_AndReadAgainAfterAChangeOnAnyNode(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var one = database.NewContext(Admin);
        await using var two = database.NewContext(Admin);
        await EnsureRolesAsync(one);
        var olu = await CreateAsync(Users(one), "Olu Officer", "North", Roles.PersonalisationOfficer);
        await CreateAsync(Users(one), "Fola Finance", "North", Roles.FinanceOfficer);
        // Each node keeps its own list.
        var keptOne = new KeptStaffList();
        var nodeOne = Service(one, keptOne);
        var nodeTwo = Service(two, new KeptStaffList());
        (await nodeOne.WorkersAsync()).Select(w => w.Name).ShouldBe(["Olu Officer"], "only case-holding roles hold cases");
        (await nodeTwo.TeamsAsync()).ShouldBe(["North"]);
        keptOne.Kept.ShouldBe(1);

        // A name changed behind the change tracker's back, without moving the stamp: the kept list is what is shown, which
        // is why no account is changed other than through a save.
        await one.Users.Where(u => u.Id == olu.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.DisplayName, "Olu Sneaked"));
        (await nodeOne.WorkerAsync(olu.Id))!.Value.Name.ShouldBe("Olu Officer", "kept while the stamp stays");
        one.MoveChangeStamp(ChangeStamp.Accounts);
        await one.SaveChangesAsync();
        (await nodeOne.WorkerAsync(olu.Id))!.Value.Name.ShouldBe("Olu Sneaked");

        // A worker added on node two, in a new team, is on node one's next page; a role taken on node one leaves node two's.
        var rhea = await CreateAsync(Users(two), "Rhea Reviewer", "West", Roles.ReviewingOfficer);
        var page = await nodeOne.CaseloadPageAsync(new WorkerFilter(), 1);
        page.Workers.Select(w => w.Name).ShouldBe(["Olu Sneaked", "Rhea Reviewer"]);
        (await nodeOne.TeamsAsync()).ShouldBe(["North", "West"]);
        (await nodeOne.WorkersInTeamAsync("West")).Select(w => w.UserId).ShouldBe([rhea.Id]);
        var users = Users(one);
        (await users.RemoveFromRoleAsync((await users.FindByIdAsync(rhea.Id))!, Roles.ReviewingOfficer)).Succeeded.ShouldBeTrue();
        (await nodeTwo.WorkerAsync(rhea.Id)).ShouldBeNull();
        (await nodeTwo.CaseloadPageAsync(new WorkerFilter(Team: "West"), 1)).Total.ShouldBe(0);
    }

    [SkippableTheory, AllDatabases]
    public async Task CaseloadPage_MatchesTheStartOfANameIgnoringCaseInAnyAlphabet(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext(Admin);
        await EnsureRolesAsync(db);
        var users = Users(db);
        await CreateAsync(users, "Élodie Évans", "North", Roles.ReviewingOfficer);
        await CreateAsync(users, "eleanor East", "North", Roles.PersonalisationOfficer);
        await CreateAsync(users, "Ömer Öztürk", "North", Roles.TeamManager);
        var service = Service(db, new KeptStaffList());

        (await service.CaseloadPageAsync(new WorkerFilter(Name: "élo"), 1)).Workers.Select(w => w.Name).ShouldBe(["Élodie Évans"]);
        (await service.CaseloadPageAsync(new WorkerFilter(Name: " ELE "), 1)).Workers.Select(w => w.Name).ShouldBe(["eleanor East"]);
        (await service.CaseloadPageAsync(new WorkerFilter(Name: "öMER"), 1)).Workers.Select(w => w.Name).ShouldBe(["Ömer Öztürk"]);
        (await service.CaseloadPageAsync(new WorkerFilter(Team: "North"), 1)).Workers.Select(w => w.Name)
            .ShouldBe(["eleanor East", "Élodie Évans", "Ömer Öztürk"], "by name, ignoring case");
    }
}
