namespace ShortBreaks.Cli.Commands;

internal static class SchemePublishCommand
{
    public static Command Create() => CommandLine.Create(
        "scheme-publish",
        "Publishes a new scheme version from its file: every running node uses it within seconds, without a restart.",
        [
            CommandLine.Option("--file", "scheme.json", "the new version's file, validated as the service validates it on start (required)"),
            .. DatabaseArguments.Options(),
        ],
        (options, ct) => RunAsync(options, Console.Out, Console.Error, TimeProvider.System, ct),
        notes: "Publishing the same file again changes nothing. A different file under a version already published, or one " +
               "taking effect before today, is refused. Keep the file in the schemes folder too, so the history stays with the service.");

    internal static async Task<int> RunAsync(CommandOptions options, TextWriter stdout, TextWriter stderr, TimeProvider clock, CancellationToken ct)
    {
        var file = options.String("file");
        var database = DatabaseArguments.Read(options);
        options.ThrowIfAnyUnread();
        if (string.IsNullOrWhiteSpace(file)) throw new UsageException("Say which scheme file to publish: --file <scheme.json>.");
        if (!File.Exists(file)) throw new UsageException($"There is no file {Path.GetFullPath(file)}.");

        var (scheme, errors) = SchemeCatalog.Parse(await File.ReadAllTextAsync(file, ct));
        if (scheme is null)
        {
            await stderr.WriteLineAsync($"{Path.GetFileName(file)} is not a valid scheme version:");
            foreach (var error in errors) await stderr.WriteLineAsync("  - " + error);
            return 1;
        }

        await using var db = DatabaseSetup.Create(database, new Actor { Name = "Command line: scheme-publish" });
        var (outcome, message) = await SchemePublishing.PublishAsync(db, scheme, clock, ct);
        if (outcome == SchemePublishOutcome.Refused)
        {
            await stderr.WriteLineAsync(message);
            return 1;
        }

        await stdout.WriteLineAsync(message);
        return 0;
    }
}
