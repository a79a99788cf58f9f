namespace ShortBreaks.Core.Schemes;

/// <summary>
/// How reviews are found and listed: how far ahead the daily scan makes a review that is falling due (so the officer
/// has time to book it and the family time to send their views), the worklist's default window, and how much a field
/// of the review record may hold. The review intervals themselves are <see cref="ReviewSettings"/>. Optional in a
/// scheme version: without it, <see cref="Defaults"/>.
/// </summary>
public sealed record ReviewingSettings
{
    public static readonly ReviewingSettings Defaults = new();

    /// <summary>Weeks before a review is due that the scan puts it on the reviewing officers' worklist, 1 to 26 (default 8).</summary>
    public int LookAheadWeeks { get; init; } = 8;

    /// <summary>Weeks ahead the worklist shows when first opened, 1 to 52 (default 6).</summary>
    public int WorklistWeeks { get; init; } = 6;

    /// <summary>
    /// Working days before the review the family's views are asked to be back by (default 5): the letter and the
    /// family's page give that day, counted on the bank holiday calendar.
    /// </summary>
    public int ViewsDueWorkingDaysBefore { get; init; } = 5;
}
