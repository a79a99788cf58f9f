namespace ShortBreaks.Web.Infrastructure;

// Unused hours: commissioning's and officers' report, its downloads, and the decision on one package.
public sealed partial class ShortBreaksLinks
{
    public string CommissioningUnusedHours(UnusedHoursQuery? query = null, string? handler = null) =>
        Page("/Commissioning/UnusedHours") + Query(UnusedHoursValues(query, handler));

    public string StaffUnusedHours(UnusedHoursQuery? query = null, string? handler = null) =>
        Page("/Staff/UnusedHours") + Query(UnusedHoursValues(query, handler));

    public string StaffPackageUnusedHours(Guid childId, Guid packageId, string? done = null) =>
        Page("/Staff/Children/Packages/UnusedHours", new { childId, packageId }) + Query(("done", done));

    private static (string, string?)[] UnusedHoursValues(UnusedHoursQuery? q, string? handler) =>
    [
        ("handler", handler), ("year", q?.Year?.ToString(CultureInfo.InvariantCulture)), ("provider", q?.Provider?.ToString()),
        ("child", string.IsNullOrWhiteSpace(q?.Child) ? null : q.Child.Trim()), ("late", q?.Late == true ? "true" : null),
        ("p", q?.Page is > 1 ? q.Page.Value.ToString(CultureInfo.InvariantCulture) : null),
    ];
}

/// <summary>The unused-hours report's filters as they travel in a link: the year's first calendar year, a provider, a child, late only, a page.</summary>
public sealed record UnusedHoursQuery(int? Year, Guid? Provider, string? Child, bool Late, int? Page = null);
