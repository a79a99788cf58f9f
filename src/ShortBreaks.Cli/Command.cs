namespace ShortBreaks.Cli;

/// <summary>One thing the tool does; each lives in its own file under Commands/.</summary>
internal sealed record Command(string Name, string Summary, string Usage, Func<CommandOptions, CancellationToken, Task<int>> RunAsync);
