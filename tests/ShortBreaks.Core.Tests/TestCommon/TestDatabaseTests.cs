using Microsoft.EntityFrameworkCore;
using Npgsql;
using ShortBreaks.Core.Data;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Core.Tests.TestCommon;

/// <summary>The fixtures every database test stands on.</summary>
public class TestDatabaseTests
{
    [SkippableTheory, AllDatabases]
    public async Task CreateAsync_GivesAFullyMigratedEmptyDatabase(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();

        (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        (await db.Database.GetAppliedMigrationsAsync()).ShouldNotBeEmpty();
        (await db.Children.CountAsync()).ShouldBe(0);
        (await db.AuditEntries.CountAsync()).ShouldBe(0);
        db.Database.IsNpgsql().ShouldBe(provider == DatabaseProvider.PostgreSql);
    }

    [SkippableTheory, AllDatabases]
    public async Task CreateAsync_WithoutMigrating_GivesADatabaseWithNoTables(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrate: false);
        await using var db = database.NewContext();

        (await db.Database.GetAppliedMigrationsAsync()).ShouldBeEmpty();
        await DatabaseSetup.MigrateAsync(db);
        (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
    }

    [SkippableTheory, AllDatabases]
    public async Task EachTestDatabase_IsItsOwn(DatabaseProvider provider)
    {
        await using var first = await TestDatabase.CreateAsync(provider);
        await using var second = await TestDatabase.CreateAsync(provider);
        await using (var db = first.NewContext())
        {
            await new TestData(db).CreateChildAsync();
        }

        first.ConnectionString.ShouldNotBe(second.ConnectionString);
        await using var other = second.NewContext();
        (await other.Children.CountAsync()).ShouldBe(0);
    }

    [SkippableTheory, AllDatabases]
    public async Task Dispose_RemovesTheDatabase(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            await new TestData(db).CreateChildAsync();
        }

        await database.DisposeAsync();

        if (provider == DatabaseProvider.Sqlite)
        {
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
            File.Exists(file).ShouldBeFalse();
        }
        else
        {
            var cluster = await PostgresCluster.GetSharedAsync();
            var name = new NpgsqlConnectionStringBuilder(database.ConnectionString).Database;
            await using var connection = new NpgsqlConnection(cluster.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", connection);
            command.Parameters.AddWithValue("name", name!);
            ((long)(await command.ExecuteScalarAsync())!).ShouldBe(0);
        }
    }

    [SkippableFact]
    public async Task SharedPostgresCluster_ListensOnlyOnLoopback_WithFastSettings()
    {
        var cluster = await PostgresCluster.GetSharedAsync();

        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync();
        (await ShowAsync(connection, "listen_addresses")).ShouldBe("127.0.0.1");
        (await ShowAsync(connection, "fsync")).ShouldBe("off");
        (await ShowAsync(connection, "synchronous_commit")).ShouldBe("off");
        (await ShowAsync(connection, "full_page_writes")).ShouldBe("off");
        (await ShowAsync(connection, "unix_socket_directories")).ShouldBe(cluster.Folder);
        cluster.BinDirectory.ShouldBe(PostgresCluster.FindBinDirectory());
    }

    private static async Task<string?> ShowAsync(NpgsqlConnection connection, string setting)
    {
        await using var command = new NpgsqlCommand($"SHOW {setting}", connection);
        return (string?)await command.ExecuteScalarAsync();
    }
}
