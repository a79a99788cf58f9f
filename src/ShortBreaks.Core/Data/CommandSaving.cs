namespace ShortBreaks.Core.Data;

/// <summary>
/// Saving a command's unit of work: done, or, when someone else saved a versioned row first (see
/// <see cref="ShortBreaksDbContext.ExpectVersion"/>), nothing saved and the person told with the command's own words.
/// </summary>
public static class CommandSaving
{
    /// <summary>Saves, or answers <paramref name="conflict"/> when someone else changed the same thing first.</summary>
    public static async Task<CommandResult> SaveOrConflictAsync(this ShortBreaksDbContext db, CommandResult conflict, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return CommandResult.Ok;
        }
        catch (DbUpdateConcurrencyException)
        {
            return conflict;
        }
    }

    /// <summary>
    /// Saves, or answers <paramref name="conflict"/> when someone else changed the same thing first. When the database
    /// refuses the save otherwise (a unique index: two people made the same thing at once), <paramref name="refused"/>
    /// says what to answer, or null when the refusal is not one it knows, which is then thrown on.
    /// </summary>
    public static async Task<CommandResult> SaveOrConflictAsync(this ShortBreaksDbContext db, CommandResult conflict,
        Func<DbUpdateException, Task<CommandResult?>> refused, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return CommandResult.Ok;
        }
        catch (DbUpdateConcurrencyException)
        {
            return conflict;
        }
        catch (DbUpdateException ex)
        {
            if (await refused(ex) is { } answer) return answer;
            throw;
        }
    }
}
