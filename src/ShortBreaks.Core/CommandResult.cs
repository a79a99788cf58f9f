namespace ShortBreaks.Core;

/// <summary>
/// The outcome of every service command: done, refused with reasons by field, or beaten by someone else's change
/// (<see cref="Conflict"/>, with words that say what was changed). A command that also makes something answers
/// <c>(T? Made, CommandResult Result)</c>, the thing being null unless it succeeded.
/// </summary>
public sealed record CommandResult(IReadOnlyList<FieldError> Errors, bool Conflict = false)
{
    public static readonly CommandResult Ok = new([]);

    public bool Succeeded => Errors.Count == 0 && !Conflict;

    public static CommandResult Fail(string field, string message) => new([new FieldError(field, message)]);

    public static CommandResult Fail(IReadOnlyList<FieldError> errors) => new(errors);

    /// <summary>Someone else changed a request while this person worked on it.</summary>
    public static readonly CommandResult Concurrent = Conflicted(
        "Someone else changed this request while you were working on it. Nothing you entered has been saved over their change: check the request as it is now and try again.");

    /// <summary>Someone else changed the thing first: nothing was saved, and <paramref name="message"/> tells the person what to do.</summary>
    public static CommandResult Conflicted(string message) => new([new FieldError("", message)], Conflict: true);
}
