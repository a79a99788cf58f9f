using Microsoft.Data.Sqlite;

namespace ShortBreaks.Cli;

/// <summary>The options every command that uses the database shares, with the web host's environment variables as fallback.</summary>
internal static class DatabaseArguments
{
    public const string DefaultSqlitePath = "data/shortbreaks.db";

    /// <summary>--provider and --connection, for every command that uses the database.</summary>
    public static Option[] Options() =>
    [
        CommandLine.Option("--provider", "Sqlite|PostgreSql", "the database (default Sqlite; or set Database__Provider)"),
        CommandLine.Option("--connection", "value",
            "a connection string, or for SQLite a file path (default data/shortbreaks.db; or set Database__ConnectionString)"),
    ];

    public static DatabaseOptions Read(CommandOptions options)
    {
        var providerText = options.String("provider") ?? Environment.GetEnvironmentVariable("Database__Provider");
        var connection = options.String("connection") ?? Environment.GetEnvironmentVariable("Database__ConnectionString");

        var provider = DatabaseProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(providerText) &&
            (providerText.Any(char.IsDigit) || !Enum.TryParse(providerText.Trim(), ignoreCase: true, out provider)))
        {
            throw new UsageException($"Unknown database provider '{providerText}': use Sqlite or PostgreSql.");
        }

        if (string.IsNullOrWhiteSpace(connection))
        {
            if (provider == DatabaseProvider.PostgreSql)
            {
                throw new UsageException("PostgreSql needs a connection string: give --connection \"Host=...;Database=...;Username=...\".");
            }

            connection = DefaultSqlitePath;
        }

        try
        {
            if (provider == DatabaseProvider.PostgreSql)
            {
                _ = new DbConnectionStringBuilder { ConnectionString = connection };
            }
            else if (connection.Contains('=', StringComparison.Ordinal))
            {
                _ = new SqliteConnectionStringBuilder(connection);
            }
        }
        catch (ArgumentException ex)
        {
            throw new UsageException($"The connection string is not valid: {ex.Message}");
        }

        return new DatabaseOptions { Provider = provider, ConnectionString = connection };
    }

    /// <summary>Where the database is, without any password in the connection string.</summary>
    public static string Describe(DatabaseOptions options)
    {
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            var source = options.ConnectionString.Contains('=', StringComparison.Ordinal)
                ? new SqliteConnectionStringBuilder(options.ConnectionString).DataSource
                : options.ConnectionString;
            return source == ":memory:" ? "SQLite in memory" : $"SQLite {Path.GetFullPath(source)}";
        }

        var postgres = new DbConnectionStringBuilder { ConnectionString = options.ConnectionString };
        var host = postgres.TryGetValue("Host", out var h) ? h : "?";
        var database = postgres.TryGetValue("Database", out var d) ? d : "?";
        return $"PostgreSQL {database} on {host}";
    }
}
