using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using ShortBreaks.Core.Auditing;
using ShortBreaks.Core.Children;
using ShortBreaks.Core.Data;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Schemes;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Core.Tests.Data;

public class AuditAndConcurrencyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Now);
    private readonly Actor _officer = new() { UserId = "officer-1", Name = "Sam Officer" };

    [SkippableTheory, AllDatabases]
    public async Task SaveNewChild_WritesCreateEntryWithActorAndChild(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Child child;
        await using (var db = database.NewContext(_officer, _clock))
        {
            child = await new TestData(db).CreateChildAsync(firstName: "Maya", lastName: "Okafor");
        }

        await using var check = database.NewContext();
        var entry = await check.AuditEntries.SingleAsync(a => a.EntityType == nameof(Child));
        entry.Action.ShouldBe("create");
        entry.UserId.ShouldBe("officer-1");
        entry.UserName.ShouldBe("Sam Officer");
        entry.EntityId.ShouldBe(child.Id.ToString());
        entry.ChildId.ShouldBe(child.Id);
        entry.At.ShouldBe(Now.UtcDateTime);
        var details = Details(entry);
        details["FirstName"].GetString().ShouldBe("Maya");
        details["LastName"].GetString().ShouldBe("Okafor");
    }

    [SkippableTheory, AllDatabases]
    public async Task ModifyChild_WritesUpdateEntryWithOldAndNewValues(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var child = await CreateChildAsync(database, lastName: "Bennett");

        await using (var db = database.NewContext(_officer, _clock))
        {
            var loaded = await db.Children.SingleAsync(c => c.Id == child.Id);
            loaded.LastName = "Bennett-Shah";
            await db.SaveChangesAsync();
            loaded.Version.ShouldBe(1);
        }

        await using var check = database.NewContext();
        var entry = await check.AuditEntries.SingleAsync(a => a.Action == "update");
        entry.EntityType.ShouldBe(nameof(Child));
        entry.ChildId.ShouldBe(child.Id);
        entry.UserName.ShouldBe("Sam Officer");
        var details = Details(entry);
        details.Keys.ShouldBe(["LastName"]);
        details["LastName"].EnumerateArray().Select(v => v.GetString()).ShouldBe(["Bennett", "Bennett-Shah"]);
    }

    [SkippableTheory, AllDatabases]
    public async Task SaveWithoutChanges_WritesNoUpdateEntry(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var child = await CreateChildAsync(database);

        await using (var db = database.NewContext(_officer, _clock))
        {
            var loaded = await db.Children.SingleAsync(c => c.Id == child.Id);
            loaded.LastName = loaded.LastName;
            await db.SaveChangesAsync();
        }

        await using var check = database.NewContext();
        (await check.AuditEntries.CountAsync(a => a.Action == "update")).ShouldBe(0);
    }

    [SkippableTheory, AllDatabases]
    public async Task SecretProperties_AreNeverWrittenInClear(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        const string firstHash = "AQAAAAIAAYagAAAAEFirstSyntheticHash==";
        const string secondHash = "AQAAAAIAAYagAAAAESecondSyntheticHash==";
        const string schemeJson = """{"version":"2026.1","secretish":"scheme text"}""";
        var user = new AppUser { UserName = "family@example.org", Email = "family@example.org", PasswordHash = firstHash, DisplayName = "A Parent" };

        await using (var db = database.NewContext(_officer, _clock))
        {
            db.Users.Add(user);
            db.SchemeVersions.Add(new SchemeVersionRecord { Version = "2026.1", EffectiveFrom = new DateOnly(2026, 4, 1), ContentHash = "abc", Json = schemeJson, FirstLoadedAt = Now.UtcDateTime });
            await db.SaveChangesAsync();
        }

        await using (var db = database.NewContext(_officer, _clock))
        {
            var loaded = await db.Users.SingleAsync(u => u.Id == user.Id);
            loaded.PasswordHash = secondHash;
            await db.SaveChangesAsync();
        }

        await using var check = database.NewContext();
        var entries = await check.AuditEntries.Where(a => a.EntityType == nameof(AppUser) || a.EntityType == nameof(SchemeVersionRecord)).ToListAsync();
        entries.Count.ShouldBe(3);
        foreach (var entry in entries)
        {
            entry.Details.ShouldNotBeNull();
            entry.Details.ShouldNotContain("SyntheticHash");
            entry.Details.ShouldNotContain("scheme text");
        }

        Details(entries.Single(e => e.EntityType == nameof(AppUser) && e.Action == "create"))["PasswordHash"].GetString().ShouldBe("(set)");
        Details(entries.Single(e => e.EntityType == nameof(AppUser) && e.Action == "update"))["PasswordHash"].GetString().ShouldBe("(changed)");
        Details(entries.Single(e => e.EntityType == nameof(SchemeVersionRecord)))["Json"].GetString().ShouldBe("(set)");
    }

    [SkippableTheory, AllDatabases]
    public async Task EvidenceContent_IsNotWrittenToTheAudit(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext(_officer, _clock))
        {
            await new TestData(db).CreateSubmittedRequestAsync(evidenceKindIds: ["professional-letter"]);
        }

        await using var check = database.NewContext();
        var entry = await check.AuditEntries.SingleAsync(a => a.EntityType == "EvidenceDocument");
        entry.Details.ShouldNotBeNull();
        entry.Details.ShouldNotContain("synthetic evidence");
        Details(entry)["Content"].GetString().ShouldBe("(set)");
    }

    [SkippableTheory, AllDatabases]
    public async Task TwoPeopleSavingTheSameChild_SecondIsRefusedAndFirstStands(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var child = await CreateChildAsync(database, lastName: "Original");

        await using var first = database.NewContext(_officer, _clock);
        await using var second = database.NewContext(new Actor { UserId = "officer-2", Name = "Alex Officer" }, _clock);
        var firstCopy = await first.Children.SingleAsync(c => c.Id == child.Id);
        var secondCopy = await second.Children.SingleAsync(c => c.Id == child.Id);

        firstCopy.LastName = "First";
        await first.SaveChangesAsync();
        secondCopy.LastName = "Second";
        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        await using var check = database.NewContext();
        var stored = await check.Children.SingleAsync(c => c.Id == child.Id);
        stored.LastName.ShouldBe("First");
        stored.Version.ShouldBe(1);
        (await check.AuditEntries.CountAsync(a => a.Action == "update")).ShouldBe(1);
    }

    [SkippableTheory, AllDatabases]
    public async Task ExpectVersion_WithStaleVersion_Throws(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var child = await CreateChildAsync(database);
        await using (var db = database.NewContext(_officer, _clock))
        {
            var loaded = await db.Children.SingleAsync(c => c.Id == child.Id);
            loaded.School = "Another School";
            await db.SaveChangesAsync();
        }

        // The officer's page showed version 0; someone has saved version 1 since.
        await using (var db = database.NewContext(_officer, _clock))
        {
            var loaded = await db.Children.SingleAsync(c => c.Id == child.Id);
            db.ExpectVersion(loaded, versionSeen: 0);
            loaded.School = "Stale Edit School";
            await Should.ThrowAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
        }

        await using var check = database.NewContext();
        (await check.Children.SingleAsync(c => c.Id == child.Id)).School.ShouldBe("Another School");
    }

    [SkippableTheory, AllDatabases]
    public async Task ExpectVersion_WithCurrentVersion_Saves(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var child = await CreateChildAsync(database);

        await using (var db = database.NewContext(_officer, _clock))
        {
            var loaded = await db.Children.SingleAsync(c => c.Id == child.Id);
            db.ExpectVersion(loaded, versionSeen: 0);
            loaded.School = "Current Edit School";
            await db.SaveChangesAsync();
        }

        await using var check = database.NewContext();
        var stored = await check.Children.SingleAsync(c => c.Id == child.Id);
        stored.School.ShouldBe("Current Edit School");
        stored.Version.ShouldBe(1);
    }

    [SkippableTheory, AllDatabases]
    public async Task DateTime_RoundTripsAsUtc(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        // Microseconds: PostgreSQL keeps no finer than that.
        var createdAt = new DateTime(2026, 3, 29, 0, 30, 15, 123, 456, DateTimeKind.Utc);
        var child = await CreateChildAsync(database, dateOfBirth: new DateOnly(2016, 2, 29));
        await using (var db = database.NewContext(_officer, _clock))
        {
            var loaded = await db.Children.SingleAsync(c => c.Id == child.Id);
            loaded.CreatedAt = createdAt;
            await db.SaveChangesAsync();
        }

        await using var check = database.NewContext();
        var stored = await check.Children.SingleAsync(c => c.Id == child.Id);
        stored.CreatedAt.ShouldBe(createdAt);
        stored.CreatedAt.Kind.ShouldBe(DateTimeKind.Utc);
        stored.DateOfBirth.ShouldBe(new DateOnly(2016, 2, 29));
        var audit = await check.AuditEntries.FirstAsync();
        audit.At.Kind.ShouldBe(DateTimeKind.Utc);
        audit.At.ShouldBe(Now.UtcDateTime);
    }

    [SkippableTheory, AllDatabases]
    public async Task DateTime_QueriedByRange_FindsUtcValues(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await CreateChildAsync(database);

        await using var check = database.NewContext();
        var from = Now.UtcDateTime.AddMinutes(-1);
        var to = Now.UtcDateTime.AddMinutes(1);
        (await check.AuditEntries.CountAsync(a => a.At >= from && a.At < to)).ShouldBe(1);
    }

    [SkippableTheory, AllDatabases]
    public async Task ViewsOfAListOfChildren_AreEveryOneWrittenExactly(DatabaseProvider provider)
    {
        // 450 views in one save: more than one statement's worth on SQLite (200 rows each), with and without a child and details.
        await using var database = await TestDatabase.CreateAsync(provider);
        var children = Enumerable.Range(0, 450).Select(i => Guid.NewGuid()).ToList();
        await using (var db = database.NewContext(_officer, _clock))
        {
            for (var i = 0; i < children.Count; i++)
            {
                db.RecordView("DirectPayment", $"dp-{i:D3}", i % 7 == 0 ? null : children[i], i % 5 == 0 ? null : $"list ‘{i}’ — £{i}.50");
            }

            (await db.SaveChangesAsync()).ShouldBe(450);
        }

        await using var check = database.NewContext();
        var stored = await check.AuditEntries.OrderBy(a => a.EntityId).ToListAsync();
        stored.Count.ShouldBe(450);
        stored.Select(a => a.Id).Distinct().Count().ShouldBe(450);
        // Written in the order recorded: the keys rise with the views as the page named them.
        stored.Select(a => a.Id).ShouldBeInOrder(SortDirection.Ascending);
        for (var i = 0; i < children.Count; i++)
        {
            var entry = stored[i];
            entry.EntityId.ShouldBe($"dp-{i:D3}");
            entry.Action.ShouldBe("view");
            entry.EntityType.ShouldBe("DirectPayment");
            entry.UserId.ShouldBe("officer-1");
            entry.UserName.ShouldBe("Sam Officer");
            entry.At.ShouldBe(Now.UtcDateTime);
            entry.At.Kind.ShouldBe(DateTimeKind.Utc);
            entry.ChildId.ShouldBe(i % 7 == 0 ? null : children[i]);
            entry.Details.ShouldBe(i % 5 == 0 ? null : $"list ‘{i}’ — £{i}.50");
        }

        // A child's audit is read by its child and time, as the child's audit log reads it.
        (await check.AuditEntries.CountAsync(a => a.ChildId == children[1] && a.At >= Now.UtcDateTime)).ShouldBe(1);
    }

    [SkippableTheory, AllDatabases]
    public async Task AViewAlone_AndAViewWithAChange_AreWrittenOnce_ByEitherSave(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var child = await CreateChildAsync(database, lastName: "Original");
        var before = await CountAuditAsync(database);

        await using (var db = database.NewContext(_officer, _clock))
        {
            // One view alone, by the synchronous save; then a view and a change together, by the asynchronous one.
            db.RecordView(nameof(Child), child.Id.ToString(), child.Id, "record");
            db.SaveChanges().ShouldBe(1);
            db.ViewsToWrite.ShouldBe(0);
            db.SaveChanges().ShouldBe(0); // nothing is written twice

            var copy = await db.Children.SingleAsync(c => c.Id == child.Id);
            copy.LastName = "Changed";
            db.RecordView(nameof(Child), child.Id.ToString(), child.Id, "plan");
            (await db.SaveChangesAsync()).ShouldBe(3); // the child, its update entry and the view
            db.ViewsToWrite.ShouldBe(0);
            (await db.SaveChangesAsync()).ShouldBe(0);
        }

        await using var check = database.NewContext();
        (await CountAuditAsync(database)).ShouldBe(before + 3);
        var views = await check.AuditEntries.Where(a => a.Action == "view" && a.ChildId == child.Id).Select(a => a.Details).ToListAsync();
        views.OrderBy(d => d).ShouldBe(["plan", "record"]);
        (await check.AuditEntries.CountAsync(a => a.Action == "update" && a.ChildId == child.Id)).ShouldBe(1);
    }

    [SkippableTheory, AllDatabases]
    public async Task ManyPagesSavingViewsAtOnce_EachViewIsWrittenOnce_WithItsOwnViewer(DatabaseProvider provider)
    {
        // Twenty pages at once, as a busy service has them: on SQLite they take turns and one writes the views of all
        // those waiting; every page's save returns only once its views are written, each view once, under its viewer.
        await using var database = await TestDatabase.CreateAsync(provider);
        var children = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToList();
        var saved = await Task.WhenAll(Enumerable.Range(0, 20).Select(page => Task.Run(async () =>
        {
            await using var db = database.NewContext(new Actor { UserId = $"officer-{page}", Name = $"Officer {page}" }, _clock);
            foreach (var child in children) db.RecordView("Review", "worklist", child, $"page {page}");
            var written = await db.SaveChangesAsync();
            (await db.AuditEntries.CountAsync(a => a.UserId == $"officer-{page}")).ShouldBe(5); // written when the save returns
            return written;
        })));

        saved.ShouldAllBe(written => written == 5);
        await using var check = database.NewContext();
        var stored = await check.AuditEntries.Where(a => a.Action == "view").ToListAsync();
        stored.Count.ShouldBe(100);
        stored.ShouldAllBe(a => a.Details == "page " + a.UserId!.Substring("officer-".Length) && a.UserName == "Officer " + a.UserId.Substring("officer-".Length));
        stored.GroupBy(a => (a.UserId, a.ChildId)).ShouldAllBe(g => g.Count() == 1);
    }

    [SkippableTheory, AllDatabases]
    public async Task ARefusedSave_WritesNoneOfItsAudit_AndKeepsItForTheNextTry(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var child = await CreateChildAsync(database, lastName: "Original");
        var before = await CountAuditAsync(database);

        await using var first = database.NewContext(_officer, _clock);
        await using var second = database.NewContext(new Actor { UserId = "officer-2", Name = "Alex Officer" }, _clock);
        var firstCopy = await first.Children.SingleAsync(c => c.Id == child.Id);
        var secondCopy = await second.Children.SingleAsync(c => c.Id == child.Id);
        firstCopy.LastName = "First";
        await first.SaveChangesAsync();

        secondCopy.LastName = "Second";
        second.RecordView(nameof(Child), child.Id.ToString(), child.Id, "record");
        second.RecordView(nameof(Child), child.Id.ToString(), child.Id, "plan");
        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        (await CountAuditAsync(database)).ShouldBe(before + 1); // the first officer's update only
        second.ChangeTracker.Entries<AuditEntry>().Count(e => e.State == EntityState.Added).ShouldBe(1); // the refused update
        second.ViewsToWrite.ShouldBe(2); // and the two views, kept for the next try

        // The second officer sees the change, makes theirs again on the current version, and saves: the views go with it.
        second.Entry(secondCopy).State = EntityState.Detached;
        foreach (var refused in second.ChangeTracker.Entries<AuditEntry>().Where(e => e.Entity.Action == "update").ToList()) refused.State = EntityState.Detached;
        var current = await second.Children.SingleAsync(c => c.Id == child.Id);
        current.LastName = "Second";
        await second.SaveChangesAsync();

        await using var check = database.NewContext();
        (await check.Children.SingleAsync(c => c.Id == child.Id)).LastName.ShouldBe("Second");
        var views = await check.AuditEntries.Where(a => a.Action == "view" && a.ChildId == child.Id).Select(a => a.Details).ToListAsync();
        views.OrderBy(d => d).ShouldBe(["plan", "record"]);
        (await check.AuditEntries.CountAsync(a => a.Action == "update" && a.UserId == "officer-2")).ShouldBe(1);
    }

    private static async Task<int> CountAuditAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        return await db.AuditEntries.CountAsync();
    }

    private async Task<Child> CreateChildAsync(TestDatabase database, string? lastName = null, DateOnly? dateOfBirth = null)
    {
        await using var db = database.NewContext(_officer, _clock);
        return await new TestData(db).CreateChildAsync(lastName: lastName, dateOfBirth: dateOfBirth);
    }

    private static Dictionary<string, JsonElement> Details(AuditEntry entry) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(entry.Details!)!;
}
