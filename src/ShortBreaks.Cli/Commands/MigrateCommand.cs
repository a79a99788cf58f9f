namespace ShortBreaks.Cli.Commands;

internal static class MigrateCommand
{
    public static Command Create() => CommandLine.Create(
        "migrate",
        "Creates the database, or brings it up to date with the latest migrations.",
        DatabaseArguments.Options(),
        RunAsync);

    private static async Task<int> RunAsync(CommandOptions options, CancellationToken ct)
    {
        var database = DatabaseArguments.Read(options);
        options.ThrowIfAnyUnread();

        var stopwatch = Stopwatch.StartNew();
        await using var db = DatabaseSetup.Create(database, new Actor { Name = "Command line: migrate" });
        await DatabaseSetup.MigrateAsync(db, ct);
        Console.WriteLine($"{DatabaseArguments.Describe(database)} is up to date ({stopwatch.Elapsed.TotalSeconds:0.0} s).");
        return 0;
    }
}
