using System.Runtime.CompilerServices;

namespace ShortBreaks.Core.Providers;

/// <summary>
/// The unused-hours report's SQL. <see cref="Lines"/> reads one row a package line of the packages the filter selects,
/// with the line's kept <see cref="PackageLine.DeliveredUnits"/> and the package's kept
/// <see cref="Package.ReturnsSubmitted"/> (less the few sessions dated and returns for months after the report's day), so
/// a year of a million sessions is neither read nor summed on each request; it reads the whole-number copies of the
/// figures the database keeps (<see cref="UnusedHoursColumns"/>: amounts in hundredths, days as numbers), so nothing is
/// parsed from text or numeric on the way. <see cref="UnusedHoursService"/> works each row out by
/// <see cref="UnusedHoursRules"/> (the one place the arithmetic lives) as it streams by. <see cref="Page"/> has the
/// database choose and order the page. On SQLite, the two small reads of what is dated after the report's day name the
/// index they range over: with no statistics, SQLite would otherwise read every session in line order to group them.
/// <paramref name="visibleChildIds"/> is the SQL of the children the person asking sees
/// (<see cref="Caseloads.ChildVisibility.VisibleChildIdsSql"/>), null when they see every child.
/// </summary>
internal sealed class UnusedHoursSql(bool postgres, DateOnly yearStart, DateOnly asOf, DateOnly lastDue, UnusedHoursFilter filter, string? visibleChildIds = null)
{
    private readonly List<object> _parameters = [];

    /// <summary>
    /// One row a line of each selected package (a row with no line for a package that has none), in <see cref="LineColumn"/>
    /// order.
    /// </summary>
    public FormattableString Lines()
    {
        var sql = $"""
            SELECT p."Id", p."ChildId", p."OrganisationId", p."State", p."{UnusedHoursColumns.FirstDay}", p."{UnusedHoursColumns.LastDay}",
              p."ReturnsSubmitted" - COALESCE(r.n, 0), CASE WHEN d."State" = 'Released' THEN d."Money" END,
              l."Unit", l."Frequency", CASE WHEN p."State" = 'Ended' AND l."Frequency" <> 'Total' THEN l."Quantity" END,
              l."{UnusedHoursColumns.TotalHundredths}", l."{UnusedHoursColumns.HoursEachHundredths}", l."{UnusedHoursColumns.PriceHundredths}",
              l."{UnusedHoursColumns.DeliveredHundredths}" - COALESCE(a.units, 0)
            FROM "Packages" p
            {LaterReturns()}
            LEFT JOIN "UnusedHoursDecisions" d ON d."PackageId" = p."Id" AND d."YearStart" = p."YearStart"
            LEFT JOIN "PackageLines" l ON l."PackageId" = p."Id"
            LEFT JOIN (
              SELECT s."PackageLineId" AS line, CAST(SUM({Hundredths("s.\"Quantity\"")}) AS BIGINT) AS units
              FROM "DeliveredSessions" s{(postgres ? "" : " INDEXED BY \"IX_DeliveredSessions_UnusedHours\"")}
              WHERE s."Date" > {Parameter(asOf)} AND s."Cancellation" IS NULL GROUP BY s."PackageLineId") a ON a.line = l."Id"
            WHERE {Where()}
            """;
        return FormattableStringFactory.Create(sql, [.. _parameters]);
    }

    /// <summary>
    /// Makes <paramref name="command"/> run <paramref name="sql"/> (from this class), each value a parameter: on SQLite a
    /// GUID as the upper-case text EF Core stores it as.
    /// </summary>
    public void Prepare(System.Data.Common.DbCommand command, FormattableString sql)
    {
        var names = new object[sql.ArgumentCount];
        for (var i = 0; i < names.Length; i++)
        {
            var name = "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            names[i] = name;
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = !postgres && sql.GetArgument(i) is Guid id ? id.ToString().ToUpperInvariant() : sql.GetArgument(i);
            command.Parameters.Add(parameter);
        }

        command.CommandText = string.Format(System.Globalization.CultureInfo.InvariantCulture, sql.Format, names);
    }

    /// <summary>The columns of <see cref="Lines"/>, by position.</summary>
    public enum LineColumn
    {
        PackageId, ChildId, OrganisationId, State, FirstDay, LastDay, ReturnsSubmittedDue, ReleasedMoney,
        Unit, Frequency, QuantityWhenEnded, TotalHundredths, HoursEachHundredths, PriceHundredths, DeliveredHundredths,
    }

    /// <summary>
    /// The ids of the packages the filter selects in the report's order (child's surname and name, child, provider,
    /// first day, package), <paramref name="take"/> of them from <paramref name="skip"/> (all when null).
    /// </summary>
    public FormattableString Page(int skip, int? take)
    {
        var text = postgres ? " COLLATE \"C\"" : "";
        var sql = $"""
            {Packages(filter.LateOnly)}
            SELECT pk.id AS "Value" FROM pk
            JOIN "Children" c ON c."Id" = pk.child
            JOIN "Organisations" o ON o."Id" = pk.org
            ORDER BY c."LastNameKey"{text}, c."NameKey"{text}, pk.child, o."Name"{text}, pk.starts_on, pk.id
            """ + (take is { } size ? $" LIMIT {Parameter(size)} OFFSET {Parameter(skip)}" : "");
        return FormattableStringFactory.Create(sql, [.. _parameters]);
    }

    /// <summary>
    /// The packages the filter selects (agreed provider packages of the year) as the CTE <c>pk</c>: with
    /// <paramref name="lateOnly"/>, only those with a month whose return is late (as <see cref="UnusedHoursRules.MonthsDue"/>
    /// counts them, in whole-number months).
    /// </summary>
    private string Packages(bool lateOnly)
    {
        if (!lateOnly)
        {
            return $"""
                WITH pk AS (
                  SELECT p."Id" AS id, p."ChildId" AS child, p."OrganisationId" AS org, p."StartsOn" AS starts_on FROM "Packages" p WHERE {Where()}
                )
                """;
        }

        var (least, greatest) = postgres ? ("LEAST", "GREATEST") : ("min", "max");
        var due = $"{greatest}(0, {least}(p.\"{UnusedHoursColumns.LastMonth}\", {Parameter(UnusedHoursColumns.MonthNumber(lastDue))}) - p.\"{UnusedHoursColumns.FirstMonth}\" + 1)";
        return $"""
            WITH pk AS (
              SELECT p."Id" AS id, p."ChildId" AS child, p."OrganisationId" AS org, p."StartsOn" AS starts_on
              FROM "Packages" p
              {LaterReturns()}
              WHERE {Where()} AND {due} > p."ReturnsSubmitted" - COALESCE(r.n, 0)
            )
            """;
    }

    /// <summary>A join to each package's submitted returns for months not yet due on the report's day (<c>r.n</c>).</summary>
    private string LaterReturns() => $"""
        LEFT JOIN (
          SELECT r."PackageId" AS package, COUNT(*) AS n
          FROM "DeliveryReturns" r{(postgres ? "" : " INDEXED BY \"IX_DeliveryReturns_Status_Month_PackageId\"")}
          WHERE r."Status" = 'Submitted' AND r."Month" > {Parameter(lastDue)} GROUP BY r."PackageId") r ON r.package = p."Id"
        """;

    /// <summary>The filter's conditions on packages <c>p</c>: agreed provider packages of the year, and what the filter asks.</summary>
    private string Where()
    {
        var conditions = new List<string>
        {
            $"p.\"YearStart\" = {Parameter(yearStart)}", "p.\"Route\" = 'Provider'", "p.\"OrganisationId\" IS NOT NULL",
            "p.\"State\" IN ('Accepted', 'Ended')",
        };
        if (filter.OrganisationId is { } org) conditions.Add($"p.\"OrganisationId\" = {Parameter(org)}");
        if (filter.ChildId is { } childId) conditions.Add($"p.\"ChildId\" = {Parameter(childId)}");
        // Written into a format string: its braces (in a team's name, say) are doubled to stay text.
        if (visibleChildIds is not null) conditions.Add($"p.\"ChildId\" IN ({visibleChildIds.Replace("{", "{{").Replace("}", "}}")})");
        if (filter.Child?.Trim() is { Length: > 0 } child)
        {
            var key = string.Join(' ', child.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
            var contains = postgres ? $"strpos(c.\"NameKey\", {Parameter(key)}) > 0" : $"instr(c.\"NameKey\", {Parameter(key)}) > 0";
            conditions.Add($"EXISTS (SELECT 1 FROM \"Children\" c WHERE c.\"Id\" = p.\"ChildId\" AND (c.\"Reference\" = {Parameter(child.ToUpperInvariant())} OR {contains}))");
        }

        return string.Join(" AND ", conditions);
    }

    /// <summary>A decimal column as whole hundredths.</summary>
    private string Hundredths(string column) =>
        postgres ? $"CAST({column} * 100 AS BIGINT)" : $"CAST(round(CAST({column} AS REAL) * 100) AS INTEGER)";

    private string Parameter(object value)
    {
        _parameters.Add(value);
        return $"{{{_parameters.Count - 1}}}";
    }
}
