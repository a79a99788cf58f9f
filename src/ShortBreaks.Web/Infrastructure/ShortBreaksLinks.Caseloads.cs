namespace ShortBreaks.Web.Infrastructure;

/// <summary>Caseloads, allocation and staff teams.</summary>
public sealed partial class ShortBreaksLinks
{
    /// <summary>
    /// Workers' caseloads against the guides, a page at a time: the manager's own team's when <paramref name="team"/> is
    /// left out, every team's when it is empty, or one team's; with the children with no key worker.
    /// </summary>
    public string StaffCaseloads(string? team = null, string? name = null, int? page = null) =>
        Page("/Staff/Caseloads/Index") + Query(("team", team), ("name", name), ("p", page?.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The capacity view: the caseload guides worked both ways over every open case in the county.</summary>
    public string StaffCaseloadCapacity() => Page("/Staff/Caseloads/Capacity");

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
