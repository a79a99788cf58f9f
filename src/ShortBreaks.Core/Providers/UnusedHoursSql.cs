using System.Runtime.CompilerServices;

namespace ShortBreaks.Core.Providers;

/// <summary>One provider's packages in the unused-hours report, added up by the database (see <see cref="UnusedHoursSql"/>).</summary>
public sealed class UnusedHoursSums
{
    public Guid OrganisationId { get; set; }
    public long Children { get; set; }
    public long Packages { get; set; }
    public long ReturnsLate { get; set; }

    /// <summary>Hundredths of a pound released for others.</summary>
    public long Released { get; set; }

    // Units in hundredths, by unit: hours (H), nights (N), sessions (S).
    public long AgreedH { get; set; }
    public long AgreedN { get; set; }
    public long AgreedS { get; set; }
    public long SoFarH { get; set; }
    public long SoFarN { get; set; }
    public long SoFarS { get; set; }
    public long DeliveredH { get; set; }
    public long DeliveredN { get; set; }
    public long DeliveredS { get; set; }
    public long UnusedH { get; set; }
    public long UnusedN { get; set; }
    public long UnusedS { get; set; }
    public long ForecastH { get; set; }
    public long ForecastN { get; set; }
    public long ForecastS { get; set; }

    /// <summary>Ten-thousandths of an hour counted against children's hours.</summary>
    public long ChildHoursUnused { get; set; }

    // Money in hundredths of a pound, each line rounded to the penny before adding up.
    public long AgreedMoney { get; set; }
    public long DeliveredMoney { get; set; }
    public long UnusedMoney { get; set; }
    public long ForecastMoney { get; set; }

    public UnusedFigures Figures => new(
        Units(AgreedH, AgreedN, AgreedS), Units(SoFarH, SoFarN, SoFarS), Units(DeliveredH, DeliveredN, DeliveredS),
        Units(UnusedH, UnusedN, UnusedS), Units(ForecastH, ForecastN, ForecastS), ChildHoursUnused / 10000m,
        AgreedMoney / 100m, DeliveredMoney / 100m, UnusedMoney / 100m, ForecastMoney / 100m);

    private static UnitAmounts Units(long hours, long nights, long sessions) => new(hours / 100m, nights / 100m, sessions / 100m);
}

/// <summary>
/// The unused-hours report's SQL: <see cref="UnusedHoursRules"/> worked out by the database over one row a package line
/// (the line's kept <see cref="PackageLine.DeliveredUnits"/> and the package's kept
/// <see cref="Package.ReturnsSubmitted"/>, less the few sessions dated and returns for months after the report's day),
/// so a year of a million sessions is neither read nor summed on each request. Amounts are whole hundredths (every
/// decimal is stored to the hundredth), so the arithmetic is exact on both databases (SQLite holds decimals as text)
/// and rounds as <see cref="UnusedHoursRules"/> does: pro rata half away from zero, each line's money to the penny. Every
/// sum is cast back to a whole number (PostgreSQL sums whole numbers as numeric, which would divide with fractions).
/// Day and month arithmetic is per database. Each step is a materialized CTE, so a figure used by later ones is worked
/// out once a row rather than inlined into every expression that uses it.
/// </summary>
internal sealed class UnusedHoursSql(bool postgres, DateOnly yearStart, DateOnly asOf, DateOnly lastDue, UnusedHoursFilter filter)
{
    private readonly List<object> _parameters = [];

    /// <summary>Each provider's sums over the packages the filter selects.</summary>
    public FormattableString Providers()
    {
        var sql = $"""
            {Packages()},
            j AS MATERIALIZED (
              SELECT pk.org, l."Unit" AS unit, pk.run, pk.days,
                {Hundredths("l.\"DeliveredUnits\"")} - COALESCE(a.units, 0) AS delivered,
                {Hundredths("l.\"HoursEach\"")} AS hours_each, {Hundredths("l.\"UnitPrice\"")} AS price, {Agreed()} AS agreed
              FROM "PackageLines" l
              JOIN pk ON pk.id = l."PackageId"
              LEFT JOIN (
                SELECT s."PackageLineId" AS line, CAST(SUM({Hundredths("s.\"Quantity\"")}) AS BIGINT) AS units FROM "DeliveredSessions" s
                WHERE s."Date" > {Parameter(asOf)} AND s."Cancellation" IS NULL GROUP BY s."PackageLineId") a ON a.line = l."Id"
            ),
            k AS MATERIALIZED (
              SELECT org, unit, agreed, delivered, hours_each, price,
                CASE WHEN run <= 0 THEN 0 WHEN run >= days THEN agreed ELSE (2 * agreed * run + days) / (2 * days) END AS so_far
              FROM j
            ),
            f AS MATERIALIZED (
              SELECT org, unit, agreed, so_far, delivered, hours_each, price,
                CASE WHEN so_far - delivered > 0 THEN so_far - delivered ELSE 0 END AS unused,
                CASE WHEN delivered + agreed - so_far < agreed THEN delivered + agreed - so_far ELSE agreed END AS forecast
              FROM k
            ),
            line_sums AS (
              SELECT org,
                CAST(SUM(CASE WHEN unit = 'Hour' THEN agreed ELSE 0 END) AS BIGINT) AS "AgreedH",
                CAST(SUM(CASE WHEN unit = 'Night' THEN agreed ELSE 0 END) AS BIGINT) AS "AgreedN",
                CAST(SUM(CASE WHEN unit = 'Session' THEN agreed ELSE 0 END) AS BIGINT) AS "AgreedS",
                CAST(SUM(CASE WHEN unit = 'Hour' THEN so_far ELSE 0 END) AS BIGINT) AS "SoFarH",
                CAST(SUM(CASE WHEN unit = 'Night' THEN so_far ELSE 0 END) AS BIGINT) AS "SoFarN",
                CAST(SUM(CASE WHEN unit = 'Session' THEN so_far ELSE 0 END) AS BIGINT) AS "SoFarS",
                CAST(SUM(CASE WHEN unit = 'Hour' THEN delivered ELSE 0 END) AS BIGINT) AS "DeliveredH",
                CAST(SUM(CASE WHEN unit = 'Night' THEN delivered ELSE 0 END) AS BIGINT) AS "DeliveredN",
                CAST(SUM(CASE WHEN unit = 'Session' THEN delivered ELSE 0 END) AS BIGINT) AS "DeliveredS",
                CAST(SUM(CASE WHEN unit = 'Hour' THEN unused ELSE 0 END) AS BIGINT) AS "UnusedH",
                CAST(SUM(CASE WHEN unit = 'Night' THEN unused ELSE 0 END) AS BIGINT) AS "UnusedN",
                CAST(SUM(CASE WHEN unit = 'Session' THEN unused ELSE 0 END) AS BIGINT) AS "UnusedS",
                CAST(SUM(CASE WHEN unit = 'Hour' THEN forecast ELSE 0 END) AS BIGINT) AS "ForecastH",
                CAST(SUM(CASE WHEN unit = 'Night' THEN forecast ELSE 0 END) AS BIGINT) AS "ForecastN",
                CAST(SUM(CASE WHEN unit = 'Session' THEN forecast ELSE 0 END) AS BIGINT) AS "ForecastS",
                CAST(SUM(unused * hours_each) AS BIGINT) AS "ChildHoursUnused",
                CAST(SUM((agreed * price + 50) / 100) AS BIGINT) AS "AgreedMoney",
                CAST(SUM((delivered * price + 50) / 100) AS BIGINT) AS "DeliveredMoney",
                CAST(SUM((unused * price + 50) / 100) AS BIGINT) AS "UnusedMoney",
                CAST(SUM((forecast * price + 50) / 100) AS BIGINT) AS "ForecastMoney"
              FROM f GROUP BY org
            ),
            package_sums AS (
              SELECT org, CAST(COUNT(DISTINCT child) AS BIGINT) AS "Children", CAST(COUNT(*) AS BIGINT) AS "Packages",
                CAST(SUM(late) AS BIGINT) AS "ReturnsLate", CAST(SUM(released) AS BIGINT) AS "Released"
              FROM pk GROUP BY org
            )
            SELECT package_sums.org AS "OrganisationId", "Children", "Packages", "ReturnsLate", "Released",
              COALESCE("AgreedH", 0) AS "AgreedH", COALESCE("AgreedN", 0) AS "AgreedN", COALESCE("AgreedS", 0) AS "AgreedS",
              COALESCE("SoFarH", 0) AS "SoFarH", COALESCE("SoFarN", 0) AS "SoFarN", COALESCE("SoFarS", 0) AS "SoFarS",
              COALESCE("DeliveredH", 0) AS "DeliveredH", COALESCE("DeliveredN", 0) AS "DeliveredN", COALESCE("DeliveredS", 0) AS "DeliveredS",
              COALESCE("UnusedH", 0) AS "UnusedH", COALESCE("UnusedN", 0) AS "UnusedN", COALESCE("UnusedS", 0) AS "UnusedS",
              COALESCE("ForecastH", 0) AS "ForecastH", COALESCE("ForecastN", 0) AS "ForecastN", COALESCE("ForecastS", 0) AS "ForecastS",
              COALESCE("ChildHoursUnused", 0) AS "ChildHoursUnused", COALESCE("AgreedMoney", 0) AS "AgreedMoney",
              COALESCE("DeliveredMoney", 0) AS "DeliveredMoney", COALESCE("UnusedMoney", 0) AS "UnusedMoney", COALESCE("ForecastMoney", 0) AS "ForecastMoney"
            FROM package_sums LEFT JOIN line_sums ON line_sums.org = package_sums.org
            """;
        return FormattableStringFactory.Create(sql, [.. _parameters]);
    }

    /// <summary>
    /// The ids of the packages the filter selects in the report's order (child's surname and name, child, provider,
    /// first day, package), <paramref name="take"/> of them from <paramref name="skip"/> (all when null).
    /// </summary>
    public FormattableString Page(int skip, int? take)
    {
        var text = postgres ? " COLLATE \"C\"" : "";
        var sql = $"""
            {Packages()}
            SELECT pk.id AS "Value" FROM pk
            JOIN "Children" c ON c."Id" = pk.child
            JOIN "Organisations" o ON o."Id" = pk.org
            ORDER BY c."LastNameKey"{text}, c."NameKey"{text}, pk.child, o."Name"{text}, pk.starts_on, pk.id
            """ + (take is { } size ? $" LIMIT {Parameter(size)} OFFSET {Parameter(skip)}" : "");
        return FormattableStringFactory.Create(sql, [.. _parameters]);
    }

    /// <summary>
    /// The packages the filter selects (agreed provider packages of the year), with the days their pro rata runs on, the
    /// months whose return is late and money released for others; only those with a late return when the filter asks.
    /// </summary>
    private string Packages()
    {
        var conditions = new List<string>
        {
            $"p.\"YearStart\" = {Parameter(yearStart)}", "p.\"Route\" = 'Provider'", "p.\"OrganisationId\" IS NOT NULL",
            "p.\"State\" IN ('Accepted', 'Ended')",
        };
        if (filter.OrganisationId is { } org) conditions.Add($"p.\"OrganisationId\" = {Parameter(org)}");
        if (filter.ChildId is { } childId) conditions.Add($"p.\"ChildId\" = {Parameter(childId)}");
        if (filter.Child?.Trim() is { Length: > 0 } child)
        {
            var key = string.Join(' ', child.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
            var contains = postgres ? $"strpos(c.\"NameKey\", {Parameter(key)}) > 0" : $"instr(c.\"NameKey\", {Parameter(key)}) > 0";
            conditions.Add($"EXISTS (SELECT 1 FROM \"Children\" c WHERE c.\"Id\" = p.\"ChildId\" AND (c.\"Reference\" = {Parameter(child.ToUpperInvariant())} OR {contains}))");
        }

        var lastDueMonth = lastDue.Year * 12 + lastDue.Month;
        var (least, greatest) = postgres ? ("LEAST", "GREATEST") : ("min", "max");
        var due = $"{greatest}(0, {least}({Month("p.\"EndsOn\"")}, {lastDueMonth}) - {Month("p.\"StartsOn\"")} + 1)";
        var packages = $"""
            WITH q AS MATERIALIZED (
              SELECT p."Id" AS id, p."ChildId" AS child, p."OrganisationId" AS org, p."State" AS state, p."StartsOn" AS starts_on, p."EndsOn" AS ends_on,
                {Days("p.\"EndsOn\"", "p.\"StartsOn\"")} + 1 AS days, {Days(Parameter(asOf), "p.\"StartsOn\"")} + 1 AS run,
                ({due}) - (p."ReturnsSubmitted" - COALESCE(r.n, 0)) AS late,
                CASE WHEN d."State" = 'Released' THEN {Hundredths("d.\"Money\"")} ELSE 0 END AS released
              FROM "Packages" p
              LEFT JOIN (
                SELECT r."PackageId" AS package, COUNT(*) AS n FROM "DeliveryReturns" r
                WHERE r."Status" = 'Submitted' AND r."Month" > {Parameter(lastDue)} GROUP BY r."PackageId") r ON r.package = p."Id"
              LEFT JOIN "UnusedHoursDecisions" d ON d."PackageId" = p."Id" AND d."YearStart" = p."YearStart"
              WHERE {string.Join(" AND ", conditions)}
            ),
            pk AS MATERIALIZED (
              SELECT id, child, org, state, starts_on, ends_on, days, run, CASE WHEN late > 0 THEN late ELSE 0 END AS late, released FROM q
              {(filter.LateOnly ? "WHERE late > 0" : "")}
            )
            """;
        return packages;
    }

    /// <summary>
    /// The units agreed on a line in hundredths (<see cref="UnusedHoursRules.Agreed"/>): all of them, or for a package
    /// ended with notice what a weekly or monthly quantity bought to its last day (<see cref="AllowanceYears.TotalUnits"/>).
    /// </summary>
    private string Agreed()
    {
        var total = Hundredths("l.\"TotalUnits\"");
        var quantity = Hundredths("l.\"Quantity\"");
        // Whole months from the first day to the last: months to the day after the last, less one when that day of its
        // month comes before the first day's (or that month's last day).
        var next = postgres ? "(pk.ends_on + 1)" : "date(pk.ends_on, '+1 day')";
        var firstDay = postgres ? "CAST(extract(day from pk.starts_on) AS INTEGER)" : "CAST(strftime('%d', pk.starts_on) AS INTEGER)";
        var nextDay = postgres ? $"CAST(extract(day from {next}) AS INTEGER)" : $"CAST(strftime('%d', {next}) AS INTEGER)";
        var nextMonthDays = postgres
            ? $"CAST(extract(day from date_trunc('month', CAST({next} AS timestamp)) + interval '1 month - 1 day') AS INTEGER)"
            : $"CAST(strftime('%d', {next}, 'start of month', '+1 month', '-1 day') AS INTEGER)";
        var months = $"({Month(next)} - {Month("pk.starts_on")} - CASE WHEN (CASE WHEN {firstDay} < {nextMonthDays} THEN {firstDay} ELSE {nextMonthDays} END) <= {nextDay} THEN 0 ELSE 1 END)";
        var bought = $"(CASE WHEN pk.days <= 0 THEN 0 WHEN l.\"Frequency\" = 'Weekly' THEN {quantity} * (pk.days / 7) ELSE {quantity} * {months} END)";
        return $"CASE WHEN pk.state = 'Ended' AND l.\"Frequency\" <> 'Total' AND {bought} < {total} THEN {bought} ELSE {total} END";
    }

    /// <summary>A decimal column as whole hundredths.</summary>
    private string Hundredths(string column) =>
        postgres ? $"CAST({column} * 100 AS BIGINT)" : $"CAST(round(CAST({column} AS REAL) * 100) AS INTEGER)";

    /// <summary>Days from <paramref name="from"/> to <paramref name="to"/>.</summary>
    private string Days(string to, string from) =>
        postgres ? $"({to} - {from})" : $"CAST(julianday({to}) - julianday({from}) AS INTEGER)";

    /// <summary>A date's month as year times twelve plus month.</summary>
    private string Month(string date) =>
        postgres
            ? $"(CAST(date_part('year', {date}) AS INTEGER) * 12 + CAST(date_part('month', {date}) AS INTEGER))"
            : $"(CAST(substr({date}, 1, 4) AS INTEGER) * 12 + CAST(substr({date}, 6, 2) AS INTEGER))";

    private string Parameter(object value)
    {
        _parameters.Add(value);
        return $"{{{_parameters.Count - 1}}}";
    }
}
