using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShortBreaks.Api.Tests.Infrastructure;
using ShortBreaks.Core.Data;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Api.Tests;

/// <summary>This project and its PostgreSQL twin really run the app on different databases.</summary>
public sealed class DatabaseProviderTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task App_RunsOnTheDatabaseThisProjectIsFor()
    {
        var expected = WebTestDatabase.ProviderOf(typeof(DatabaseProviderTests).Assembly);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ShortBreaksDbContext>();

        db.Database.ProviderName.ShouldBe(expected == DatabaseProvider.PostgreSql ? "Npgsql.EntityFrameworkCore.PostgreSQL" : "Microsoft.EntityFrameworkCore.Sqlite");
        (await db.Database.CanConnectAsync()).ShouldBeTrue();
    }
}
