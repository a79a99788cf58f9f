namespace ShortBreaks.Core.LocalOffer;

/// <summary>
/// What a family or a feed reader narrows the listed services by, already checked (the search page and the feed each
/// turn what was typed into this, with their own errors). Every part is optional; the directory page and the HSDS-UK
/// feed test each listed service with the one <see cref="Matcher"/>, so both find the same services.
/// </summary>
public sealed record DirectoryFilter
{
    /// <summary>Words to find in the service's name or description, or its organisation's name (case ignored).</summary>
    public string? Text { get; init; }

    /// <summary>Taxonomy term ids (the scheme's words) of which the service must be classed under at least one.</summary>
    public IReadOnlyList<string> TermIds { get; init; } = [];

    /// <summary>A kind of service (<c>ProviderSettings.Kinds</c> id).</summary>
    public string? Kind { get; init; }

    /// <summary>A child's age in whole years the service must take.</summary>
    public int? ChildAge { get; init; }

    /// <summary>HSDS-UK <c>minimum_age</c>: services whose youngest age is at least this.</summary>
    public decimal? MinimumAgeAtLeast { get; init; }

    /// <summary>HSDS-UK <c>maximum_age</c>: services whose oldest age is at most this.</summary>
    public decimal? MaximumAgeAtMost { get; init; }

    /// <summary>RFC 5545 day code ("MO") the service runs on.</summary>
    public string? Day { get; init; }

    /// <summary>Services with a schedule opening at or after this (UK local time).</summary>
    public TimeOnly? OpensFrom { get; init; }

    /// <summary>Services with a schedule closing at or before this (UK local time).</summary>
    public TimeOnly? ClosesBy { get; init; }

    public Guid? OrganisationId { get; init; }

    /// <summary>Services changed at or after this moment (UTC).</summary>
    public DateTime? ModifiedAfter { get; init; }

    /// <summary>The RFC 5545 day codes, Monday first.</summary>
    public static readonly IReadOnlyList<string> DayCodes = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

    /// <summary>"MO" for Monday, "SU" for Sunday.</summary>
    public static string DayCode(DayOfWeek day) => DayCodes[((int)day + 6) % 7];

    /// <summary>"Monday" for "MO".</summary>
    public static string DayName(string code) => ((DayOfWeek)((Array.IndexOf(DayCodes.ToArray(), code) + 1) % 7)).ToString();

    /// <summary>
    /// The test a listed service must pass, made once per search: words in its name, description or organisation's name
    /// (case ignored, every word), classed under one of the terms (by its kind, its needs or a term of its own), of the
    /// kind, taking the age, running on the day and within the times, of the organisation, changed since.
    /// </summary>
    public Func<DirectoryEntry, bool> Matcher(ProviderSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var tests = new List<Func<DirectoryEntry, bool>>();
        if (!string.IsNullOrWhiteSpace(Text))
        {
            var words = Text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().Take(8).ToList();
            tests.Add(e => words.TrueForAll(w => e.NameLower.Contains(w, StringComparison.Ordinal) || e.DescriptionLower.Contains(w, StringComparison.Ordinal)
                                                 || e.OrganisationLower.Contains(w, StringComparison.Ordinal)));
        }

        if (TermIds.Count > 0)
        {
            var terms = TermIds.ToHashSet(StringComparer.Ordinal);
            var kinds = settings.Kinds.Where(k => terms.Contains(k.TermId)).Select(k => k.Id).ToHashSet(StringComparer.Ordinal);
            tests.Add(e => kinds.Contains(e.Kind) || e.TermRows.Any(terms.Contains) || e.Needs.Any(terms.Contains));
        }

        if (!string.IsNullOrEmpty(Kind))
        {
            var kind = Kind;
            tests.Add(e => e.Kind == kind);
        }

        if (ChildAge is { } age) tests.Add(e => (e.MinimumAgeYears == null || e.MinimumAgeYears <= age) && (e.MaximumAgeYears == null || e.MaximumAgeYears >= age));
        if (MinimumAgeAtLeast is { } min)
        {
            var least = (int)Math.Ceiling(Math.Clamp(min, -1000, 1000));
            tests.Add(e => e.MinimumAgeYears != null && e.MinimumAgeYears >= least);
        }

        if (MaximumAgeAtMost is { } max)
        {
            var most = (int)Math.Floor(Math.Clamp(max, -1000, 1000));
            tests.Add(e => e.MaximumAgeYears != null && e.MaximumAgeYears <= most);
        }

        if (!string.IsNullOrEmpty(Day))
        {
            var day = Day;
            tests.Add(e => e.Schedules.Any(x => x.Days.Contains(day, StringComparison.Ordinal)));
        }

        if (OpensFrom is { } from) tests.Add(e => e.Schedules.Any(x => x.OpensAt != null && x.OpensAt >= from));
        if (ClosesBy is { } by) tests.Add(e => e.Schedules.Any(x => x.ClosesAt != null && x.ClosesAt <= by));
        if (OrganisationId is { } organisation) tests.Add(e => e.OrganisationId == organisation);
        if (ModifiedAfter is { } after) tests.Add(e => e.UpdatedAt >= after);
        return e => tests.TrueForAll(t => t(e));
    }
}
