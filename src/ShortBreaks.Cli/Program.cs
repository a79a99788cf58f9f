using System.Data.Common;
using ShortBreaks.Cli;
using ShortBreaks.Cli.Commands;

Command[] commands = [MigrateCommand.Command, DemoDataCommand.Command, RasScoreCommand.Command, RasSimulateCommand.Command, RasCalibrateCommand.Command, RasCalibrationSampleCommand.Command, DemoCodeCommand.Command];

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
{
    PrintHelp();
    return args.Length == 0 ? 1 : 0;
}

var command = commands.FirstOrDefault(c => c.Name == args[0]);
if (command is null)
{
    Console.Error.WriteLine($"Unknown command '{args[0]}'.");
    Console.Error.WriteLine("Run with --help to see the commands.");
    return 1;
}

try
{
    var options = CommandOptions.Parse(args[1..]);
    if (options.Help)
    {
        Console.WriteLine(command.Summary);
        Console.WriteLine();
        Console.WriteLine("Usage: ShortBreaks.Cli " + command.Usage);
        return 0;
    }

    return await command.RunAsync(options, cancellation.Token);
}
catch (UsageException ex)
{
    Console.Error.WriteLine($"{command.Name}: {ex.Message}");
    Console.Error.WriteLine($"Run 'ShortBreaks.Cli {command.Name} --help' to see its options.");
    return 1;
}
catch (DbException ex)
{
    Console.Error.WriteLine($"{command.Name}: the database could not be used: {ex.Message}");
    return 1;
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine($"{command.Name}: cancelled; nothing was committed by the unfinished step.");
    return 130;
}

void PrintHelp()
{
    Console.WriteLine("The short breaks service's command-line tool.");
    Console.WriteLine();
    Console.WriteLine("Usage: ShortBreaks.Cli <command> [options]");
    Console.WriteLine("       (from a clone: dotnet run --project src/ShortBreaks.Cli -- <command> [options])");
    Console.WriteLine();
    Console.WriteLine("Commands:");
    foreach (var c in commands)
    {
        Console.WriteLine($"  {c.Name,-24} {c.Summary}");
    }

    Console.WriteLine();
    Console.WriteLine("Run 'ShortBreaks.Cli <command> --help' for a command's options.");
}
