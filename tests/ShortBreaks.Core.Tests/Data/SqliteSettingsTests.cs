using Microsoft.EntityFrameworkCore;
using ShortBreaks.Core.Data;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Core.Tests.Data;

/// <summary>The settings every SQLite connection the service opens is made with, however often the pool hands it out.</summary>
public class SqliteSettingsTests
{
    [Fact]
    public async Task EveryConnection_SyncsAtCheckpoints_AndKeeps16MiBOfPages_EachTimeThePoolHandsItOut()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var seen = new List<(long Synchronous, long Cache)>();
        for (var i = 0; i < 3; i++)
        {
            await using var db = database.NewContext();
            // EF Core opens and closes the pooled connection around each query: read the settings on the one it hands out.
            (await db.Children.CountAsync()).ShouldBe(0);
            await db.Database.OpenConnectionAsync();
            try
            {
                seen.Add((await ScalarAsync(db, "PRAGMA synchronous"), await ScalarAsync(db, "PRAGMA cache_size")));
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }

        // 1 is NORMAL; a negative cache size is in KiB.
        seen.ShouldAllBe(s => s.Synchronous == 1 && s.Cache == -16 * 1024);
    }

    private static async Task<long> ScalarAsync(ShortBreaksDbContext db, string sql)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
