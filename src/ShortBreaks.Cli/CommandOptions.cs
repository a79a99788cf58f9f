using System.CommandLine.Parsing;

namespace ShortBreaks.Cli;

/// <summary>A mistake in how the tool was called: shown as a message, never as a stack trace.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>
/// A command's options, written <c>--name value</c> or <c>--name=value</c>, as text. System.CommandLine declares
/// and parses them (<see cref="CommandLine"/>); the command reads and checks the values it knows, in its own words,
/// then calls <see cref="ThrowIfAnyUnread"/> so a mistyped option is reported, not ignored.
/// </summary>
internal sealed class CommandOptions
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    /// <summary>The options System.CommandLine matched to the command.</summary>
    public static CommandOptions From(ParseResult parse)
    {
        var options = new CommandOptions();
        foreach (var option in parse.CommandResult.Command.Options)
        {
            if (parse.GetResult(option) is OptionResult { Implicit: false, Tokens.Count: > 0 } result)
            {
                options.Add(option.Name[2..], result.Tokens[0].Value);
            }
            else if (option is Option<bool> && parse.GetResult(option) is OptionResult { Implicit: false })
            {
                // A switch such as --force: named, with no value.
                options.Add(option.Name[2..], "true");
            }
        }

        return options;
    }

    public static CommandOptions Parse(IReadOnlyList<string> args)
    {
        var options = new CommandOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                throw new UsageException($"Unexpected argument '{arg}': options are written --name value.");
            }

            string name, value;
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                name = arg[2..equals];
                value = arg[(equals + 1)..];
            }
            else
            {
                name = arg[2..];
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new UsageException($"Option --{name} needs a value.");
                }

                value = args[++i];
            }

            options.Add(name, value);
        }

        return options;
    }

    private void Add(string name, string value)
    {
        if (!_values.TryAdd(name, value))
        {
            throw new UsageException($"Option --{name} is given more than once.");
        }
    }

    public string? String(string name)
    {
        _read.Add(name);
        return _values.GetValueOrDefault(name);
    }

    /// <summary>A switch: true when it was given (as --name, or --name true).</summary>
    public bool Flag(string name)
    {
        var text = String(name);
        if (text is null) return false;
        if (!bool.TryParse(text, out var value))
        {
            throw new UsageException($"Option --{name} is a switch: give it alone, or as --{name} true|false, not '{text}'.");
        }

        return value;
    }

    public int Int(string name, int defaultValue, int minimum, int maximum)
    {
        var text = String(name);
        if (text is null) return defaultValue;
        if (!int.TryParse(text.Replace(",", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal),
                NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < minimum || value > maximum)
        {
            throw new UsageException($"Option --{name} must be a whole number from {minimum:N0} to {maximum:N0}, not '{text}'.");
        }

        return value;
    }

    public DateOnly? Date(string name)
    {
        var text = String(name);
        if (text is null) return null;
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            throw new UsageException($"Option --{name} must be a date written yyyy-MM-dd, not '{text}'.");
        }

        return value;
    }

    public void ThrowIfAnyUnread()
    {
        var unknown = _values.Keys.Where(k => !_read.Contains(k)).Select(k => "--" + k).ToList();
        if (unknown.Count > 0)
        {
            throw new UsageException($"Unknown option{(unknown.Count > 1 ? "s" : "")} {string.Join(", ", unknown)}.");
        }
    }
}
