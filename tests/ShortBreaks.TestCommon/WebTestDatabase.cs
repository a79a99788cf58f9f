using System.Reflection;
using ShortBreaks.Core.Data;

namespace ShortBreaks.TestCommon;

/// <summary>
/// The database a web test project's app runs on. Each web test project is built twice: as itself on SQLite,
/// and as a ".PostgreSql" twin compiling the same files with the assembly metadata
/// <c>TestDatabaseProvider=PostgreSql</c>, so every page and API test runs on both databases.
/// </summary>
public static class WebTestDatabase
{
    public const string MetadataKey = "TestDatabaseProvider";

    public static DatabaseProvider ProviderOf(Assembly testAssembly) =>
        testAssembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == MetadataKey)?.Value is { } value
            ? Enum.Parse<DatabaseProvider>(value, ignoreCase: true)
            : DatabaseProvider.Sqlite;

    /// <summary>
    /// The provider of the test project running in this process: the metadata of whichever loaded assembly
    /// carries it (one test assembly per process), SQLite when none does.
    /// </summary>
    public static DatabaseProvider Current =>
        AppDomain.CurrentDomain.GetAssemblies()
            .FirstOrDefault(a => !a.IsDynamic && a.GetCustomAttributes<AssemblyMetadataAttribute>().Any(m => m.Key == MetadataKey)) is { } tests
            ? ProviderOf(tests)
            : DatabaseProvider.Sqlite;

    /// <summary>
    /// A new migrated database for one app (a test class's factory). Called from a fixture, so a missing
    /// PostgreSQL fails the tests that need it (with the reason) rather than skipping them.
    /// </summary>
    public static TestDatabase Create(Assembly testAssembly) =>
        TestDatabase.CreateAsync(ProviderOf(testAssembly)).GetAwaiter().GetResult();
}
