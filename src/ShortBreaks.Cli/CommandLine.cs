using System.CommandLine.Help;
using System.CommandLine.Invocation;
using ShortBreaks.Cli.Commands;

namespace ShortBreaks.Cli;

/// <summary>
/// The tool's commands and options, declared once with System.CommandLine: it parses the arguments and writes
/// every <c>--help</c>. Each command lives in its own file under Commands/ and is added to <see cref="Commands"/>.
/// </summary>
internal static class CommandLine
{
    public const string ToolName = "ShortBreaks.Cli";

    /// <summary>Every command, in the order the help lists them.</summary>
    public static Command[] Commands() =>
    [
        MigrateCommand.Create(),
        BackupCommand.Create(),
        RestoreCommand.Create(),
        SchemePublishCommand.Create(),
        DemoDataCommand.Create(),
        RasScoreCommand.Create(),
        RasSimulateCommand.Create(),
        RasCalibrateCommand.Create(),
        RasCalibrationSampleCommand.Create(),
        DemoCodeCommand.Create(),
        PaymentRunPayCommand.Create(),
    ];

    public static RootCommand Root()
    {
        var root = new RootCommand(
            "The short breaks service's command-line tool.\n" +
            $"(from a clone: dotnet run --project src/ShortBreaks.Cli -- <command> [options])");
        foreach (var command in Commands()) root.Add(command);
        foreach (var version in root.Options.OfType<VersionOption>().ToList()) root.Options.Remove(version);
        Notes.AddOrUpdate(root, $"Run '{ToolName} <command> --help' for a command's options.");
        foreach (var help in root.Options.OfType<HelpOption>())
        {
            help.Action = new HelpWithNotes((HelpAction)help.Action!);
        }

        return root;
    }

    /// <summary>Runs the tool: the exit code is 0 when it did what was asked, 1 for a mistake in the call or a failure, 130 when cancelled.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var root = Root();
        var configuration = new InvocationConfiguration
        {
            Output = stdout,
            Error = stderr,
            EnableDefaultExceptionHandler = false,
            // Ctrl+C is handled by the caller's token, so a command can say what was left undone.
            ProcessTerminationTimeout = null,
        };

        if (args.Length == 0 || args[0] == "help")
        {
            await root.Parse(["--help"]).InvokeAsync(configuration, ct);
            return args.Length == 0 ? 1 : 0;
        }

        if (!args[0].StartsWith('-') && root.Subcommands.All(c => c.Name != args[0]))
        {
            await stderr.WriteLineAsync($"Unknown command '{args[0]}'.");
            await stderr.WriteLineAsync("Run with --help to see the commands.");
            return 1;
        }

        var parse = root.Parse(args);
        var name = parse.CommandResult.Command.Name;
        if (parse.Errors.Count > 0 && parse.Action is ParseErrorAction)
        {
            if (parse.UnmatchedTokens.Count > 0)
            {
                // Said as before System.CommandLine: "Unknown option --x." or "Unexpected argument 'x'".
                try
                {
                    CommandOptions.Parse(parse.UnmatchedTokens).ThrowIfAnyUnread();
                }
                catch (UsageException ex)
                {
                    await stderr.WriteLineAsync($"{name}: {ex.Message}");
                    await stderr.WriteLineAsync($"Run '{ToolName} {name} --help' to see its options.");
                    return 1;
                }
            }

            foreach (var error in parse.Errors) await stderr.WriteLineAsync($"{name}: {error.Message}");
            await stderr.WriteLineAsync($"Run '{ToolName} {name} --help' to see its options.");
            return 1;
        }

        try
        {
            return await parse.InvokeAsync(configuration, ct);
        }
        catch (UsageException ex)
        {
            await stderr.WriteLineAsync($"{name}: {ex.Message}");
            await stderr.WriteLineAsync($"Run '{ToolName} {name} --help' to see its options.");
            return 1;
        }
        catch (BackupException ex)
        {
            await stderr.WriteLineAsync($"{name}: {ex.Message}");
            return 1;
        }
        catch (DbException ex)
        {
            await stderr.WriteLineAsync($"{name}: the database could not be used: {ex.Message}");
            return 1;
        }
        catch (OperationCanceledException)
        {
            await stderr.WriteLineAsync($"{name}: cancelled; nothing was committed by the unfinished step.");
            return 130;
        }
    }

    /// <summary>
    /// A command of the tool: its options are read by the command's own code (<see cref="CommandOptions"/>), so a
    /// bad value is reported in the command's words. <paramref name="notes"/> are printed under the generated help.
    /// </summary>
    public static Command Create(string name, string description, IEnumerable<Option> options,
        Func<CommandOptions, CancellationToken, Task<int>> runAsync, string? notes = null)
    {
        var command = new Command(name, description);
        foreach (var option in options) command.Add(option);
        if (notes is not null) Notes.AddOrUpdate(command, notes);
        command.SetAction((parse, ct) => runAsync(CommandOptions.From(parse), ct));
        return command;
    }

    /// <summary>An option whose value the command reads as text; <paramref name="valueName"/> is what the help shows for the value.</summary>
    public static Option<string> Option(string name, string valueName, string description) =>
        new(name) { HelpName = valueName, Description = description };

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Command, string> Notes = [];

    /// <summary>The generated help, then the command's notes (what a reader needs to know beyond its options).</summary>
    private sealed class HelpWithNotes(HelpAction help) : SynchronousCommandLineAction
    {
        // As the help it wraps: asking for help is answered even when the rest of the line has a mistake.
        public override bool ClearsParseErrors => help.ClearsParseErrors;

        public override int Invoke(ParseResult parseResult)
        {
            var exit = help.Invoke(parseResult);
            if (Notes.TryGetValue(parseResult.CommandResult.Command, out var notes))
            {
                parseResult.InvocationConfiguration.Output.WriteLine(notes.TrimEnd());
                parseResult.InvocationConfiguration.Output.WriteLine();
            }

            return exit;
        }
    }
}
