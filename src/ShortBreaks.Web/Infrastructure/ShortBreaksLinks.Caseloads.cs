namespace ShortBreaks.Web.Infrastructure;

/// <summary>Caseloads, allocation and staff teams.</summary>
public sealed partial class ShortBreaksLinks
{
    /// <summary>Every worker's caseload against the guides, the capacity view and the children with no key worker.</summary>
    public string StaffCaseloads() => Page("/Staff/Caseloads/Index");

    /// <summary>
    /// A worker's key-worker children (or, with no worker, the children with no key worker), filtered and a page at a time,
    /// with the allocation forms; <paramref name="moved"/> says how many children the last allocation moved.
    /// </summary>
    public string StaffCaseloadChildren(string? worker = null, string? tier = null, string? name = null, int? page = null, int? moved = null) =>
        Page("/Staff/Caseloads/Children") + Query(("worker", worker), ("tier", tier), ("name", name),
            ("p", page?.ToString(CultureInfo.InvariantCulture)), ("moved", moved?.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Staff accounts and the team each is in, for administrators.</summary>
    public string StaffTeams() => Page("/Staff/Teams/Index");

    /// <summary>Setting one staff account's team.</summary>
    public string StaffTeam(string userId) => Page("/Staff/Teams/Edit", new { userId });
}
