using Microsoft.EntityFrameworkCore;
using Npgsql;
using ShortBreaks.Core.Auditing;
using ShortBreaks.Core.Data;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Core.Tests.Data;

/// <summary>On PostgreSQL the audit trail only grows: the database itself refuses to change or delete it.</summary>
public class AuditAppendOnlyTests
{
    [SkippableTheory]
    [InlineData("UPDATE \"AuditEntries\" SET \"UserName\" = 'Someone else'")]
    [InlineData("DELETE FROM \"AuditEntries\"")]
    [InlineData("TRUNCATE \"AuditEntries\"")]
    public async Task ChangingOrDeletingAuditEntries_IsRefusedByPostgreSql(string sql)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        await using (var db = database.NewContext())
        {
            db.AuditEntries.Add(new AuditEntry { At = DateTime.UtcNow, UserName = "Sam Officer", Action = "view", EntityType = "Child", EntityId = "1" });
            await db.SaveChangesAsync();
        }

        await using var check = database.NewContext();
        var refused = await Should.ThrowAsync<PostgresException>(() => check.Database.ExecuteSqlRawAsync(sql));

        refused.MessageText.ShouldContain("The audit trail cannot be changed or deleted");
        (await check.AuditEntries.CountAsync(a => a.UserName == "Sam Officer")).ShouldBe(1);
    }

    [SkippableFact]
    public async Task MigratingAgain_KeepsOneSetOfTriggers_AndAddingEntriesStillWorks()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        await using var db = database.NewContext();

        await DatabaseSetup.MigrateAsync(db);
        db.AuditEntries.Add(new AuditEntry { At = DateTime.UtcNow, UserName = "Sam Officer", Action = "view", EntityType = "Child", EntityId = "2" });
        await db.SaveChangesAsync();

        var triggers = await db.Database.SqlQueryRaw<int>(
            "SELECT count(*)::int AS \"Value\" FROM pg_trigger WHERE tgrelid = '\"AuditEntries\"'::regclass AND NOT tgisinternal").SingleAsync();
        triggers.ShouldBe(2);
    }
}
