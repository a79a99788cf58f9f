namespace ShortBreaks.Cli.Commands;

/// <summary>The RAS version a command works under, read from the scheme files the way every RAS command reads it.</summary>
internal static class RasVersionFiles
{
    /// <summary>
    /// The version named, or the one in force today, from the <c>ras</c> folder under <paramref name="schemes"/>; null, with
    /// the reason written to <paramref name="stderr"/>, when the RAS files are not valid. A version that does not exist is a usage error.
    /// </summary>
    public static async Task<RasScheme?> LoadAsync(string schemes, string? version, TextWriter stderr)
    {
        RasSchemeCatalog catalog;
        try
        {
            catalog = RasSchemeCatalog.LoadFrom(Path.Combine(schemes, "ras"));
        }
        catch (RasSchemeValidationException ex)
        {
            await stderr.WriteLineAsync(ex.Message);
            return null;
        }

        return (version is null ? catalog.InForceOn(UkCalendar.DateOf(DateTime.UtcNow)) : catalog.Find(version))
               ?? throw new UsageException($"There is no RAS version '{version}'.");
    }
}
