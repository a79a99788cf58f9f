namespace ShortBreaks.Cli.Commands;

/// <summary>Prints the current second factor code of the demo staff logins, so a demonstration needs no phone.</summary>
internal static class DemoCodeCommand
{
    public static Command Create() => CommandLine.Create(
        "demo-code",
        "Prints the current authenticator code for the demo staff logins (the demo authenticator key).",
        [],
        RunAsync,
        $"""
        Demo staff logins sign in with a password and a code from an authenticator app. Their key is
        {Authenticator.DemoKey}: add it to an app, or run this command for the code it shows now. Each code
        lasts 30 seconds.
        """);

    private static Task<int> RunAsync(CommandOptions options, CancellationToken ct)
    {
        options.ThrowIfAnyUnread();
        Console.WriteLine(Authenticator.CurrentCode(Authenticator.DemoKey));
        Console.Error.WriteLine($"(changes in {Authenticator.SecondsLeft()} seconds)");
        return Task.FromResult(0);
    }
}
