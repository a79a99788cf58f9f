using ShortBreaks.Core.Data;

namespace ShortBreaks.Web.Tests.Infrastructure;

/// <summary>
/// The one place the tests' database is chosen. Each factory gets its own SQLite file in its own folder;
/// a PostgreSQL option (a database per factory) can be added here without touching the tests.
/// </summary>
public static class TestDatabase
{
    public static DatabaseOptions For(string folder) => new()
    {
        Provider = DatabaseProvider.Sqlite,
        ConnectionString = Path.Combine(folder, "shortbreaks.db"),
    };
}
