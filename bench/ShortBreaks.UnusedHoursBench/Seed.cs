using System.Globalization;

/// <summary>
/// The bench's data, made by the database itself (INSERT ... SELECT over a series of numbers), in the same column
/// formats EF Core writes: on SQLite ids and decimals as text, dates as yyyy-MM-dd; on PostgreSQL its own types.
/// Ids are made from the row's number, so every run makes the same rows.
/// </summary>
internal static class Seed
{
    private const int Providers = 100;
    private const int Months = 8; // April to November: the months before the report's day

    public static IEnumerable<string> Statements(bool postgres, int children, int perChild)
    {
        var d = new Dialect(postgres);
        yield return d.Insert("Organisations", Providers,
            Cols("Id", "Email", "LegalName", "Name", "Phone", "RegisteredAt", "Status", "Town", "Version"),
            $"{d.Id(1, "i")}, 'provider@example.org', 'Provider ' || {d.Text("i")}, 'Provider ' || {d.Pad("i", 3)}, '0115 000 0000', {d.Timestamp("2025-01-01 09:00:00")}, 'Approved', 'Nottingham', 0");
        yield return d.Insert("Services", Providers,
            Cols("Id", "Description", "Kind", "Name", "Needs", "OrganisationId", "Status", "UpdatedAt", "Version"),
            $"{d.Id(2, "i")}, 'Day care', 'day-care', 'Day care', '', {d.Id(1, "i")}, 'Active', {d.Timestamp("2025-01-01 09:00:00")}, 0");
        yield return d.Insert("Children", children,
            Cols("Id", "AddressLine1", "CreatedAt", "DateOfBirth", "DisabilityCodes", "FirstName", "HasEhcPlan", "LastName", "LastNameKey", "NameKey", "Postcode", "PostcodeKey", "Reference", "Tier", "Town", "Version"),
            $"{d.Id(3, "i")}, '1 High Street', {d.Timestamp("2025-01-01 09:00:00")}, {d.Date("2015-01-01")}, '', 'Child', {d.False}, " +
            $"'Name' || {d.Pad("(i * 7919) % 100000", 6)}, 'name' || {d.Pad("(i * 7919) % 100000", 6)}, 'child name' || {d.Pad("(i * 7919) % 100000", 6)}, " +
            $"'NG1 1AA', 'NG11AA', 'B-' || {d.Text("i")}, 'FlexibleShortBreaks', 'Nottingham', 0");
        yield return d.Insert("Packages", children,
            Cols("Id", "ChildId", "Route", "OrganisationId", "Tier", "YearStart", "StartsOn", "EndsOn", "State", "SchemeVersion", "CreatedAt", "CreatedByName", "ReturnsSubmitted", "Version"),
            $"{d.Id(4, "i")}, {d.Id(3, "i")}, 'Provider', {d.Id(1, $"i % {Providers}")}, 'FlexibleShortBreaks', {d.Date("2026-04-01")}, {d.Date("2026-04-01")}, {d.Date("2027-03-31")}, " +
            $"'Accepted', '2026.1', {d.Timestamp("2026-03-20 09:00:00")}, 'Bench', 0, 0");
        yield return d.Insert("PackageLines", children,
            Cols("Id", "PackageId", "ChildId", "ServiceId", "ServiceName", "Unit", "Quantity", "Frequency", "TotalUnits", "HoursEach", "UnitPrice", "PriceEffectiveFrom", "DeliveredUnits"),
            $"{d.Id(5, "i")}, {d.Id(4, "i")}, {d.Id(3, "i")}, {d.Id(2, $"i % {Providers}")}, 'Day care', 'Hour', {d.Decimal("100")}, 'Total', {d.Decimal("100")}, {d.Decimal("1")}, {d.Decimal("18.5")}, {d.Date("2025-01-01")}, {d.Decimal("0")}");
        // A return for each month; one child in seven has sent none since July, and nobody has sent October's or November's.
        yield return d.Insert("DeliveryReturns", children, Months,
            Cols("Id", "PackageId", "ChildId", "OrganisationId", "Month", "DueOn", "Status", "SubmittedAt", "Version"),
            $"{d.Id(6, $"i * {Months} + m")}, {d.Id(4, "i")}, {d.Id(3, "i")}, {d.Id(1, $"i % {Providers}")}, {d.MonthStart("m")}, {d.DueOn("m")}, " +
            $"CASE WHEN m < 6 AND (m < 3 OR i % 7 <> 0) THEN 'Submitted' ELSE 'Open' END, " +
            $"CASE WHEN m < 6 AND (m < 3 OR i % 7 <> 0) THEN {d.Timestamp("2026-11-01 09:00:00")} ELSE NULL END, 0");
        // Two hours a session, each in its month's return; one child in three had the last session cancelled.
        yield return d.Insert("DeliveredSessions", children, perChild,
            Cols("Id", "ReturnId", "PackageId", "PackageLineId", "ChildId", "Date", "Unit", "Quantity", "Hours", "Staff", "Cancellation", "RecordedAt", "RecordedByName"),
            $"{d.Id(7, $"i * {perChild} + m")}, {d.Id(6, $"i * {Months} + m % {Months}")}, {d.Id(4, "i")}, {d.Id(5, "i")}, {d.Id(3, "i")}, " +
            $"{d.SessionDate($"m % {Months}", $"i % 10 + (m / {Months}) * 10")}, 'Hour', " +
            $"CASE WHEN m = {perChild - 1} AND i % 3 = 0 THEN {d.Decimal("0")} ELSE {d.Decimal("2")} END, " +
            $"CASE WHEN m = {perChild - 1} AND i % 3 = 0 THEN {d.Decimal("0")} ELSE {d.Decimal("2")} END, 'JW', " +
            $"CASE WHEN m = {perChild - 1} AND i % 3 = 0 THEN 'ChildUnwell' ELSE NULL END, {d.Timestamp("2026-11-01 09:00:00")}, 'Bench'");
        // The totals the report reads, kept by the service on every save, filled here from the rows just made (as the
        // migration that added them does).
        yield return postgres
            ? """UPDATE "PackageLines" l SET "DeliveredUnits" = s.total FROM (SELECT "PackageLineId", SUM("Quantity") AS total FROM "DeliveredSessions" WHERE "Cancellation" IS NULL GROUP BY "PackageLineId") s WHERE s."PackageLineId" = l."Id" """
            : """UPDATE "PackageLines" SET "DeliveredUnits" = s.total FROM (SELECT "PackageLineId", CAST(SUM(CAST(round(CAST("Quantity" AS REAL) * 100) AS INTEGER)) AS REAL) / 100 AS total FROM "DeliveredSessions" WHERE "Cancellation" IS NULL GROUP BY "PackageLineId") AS s WHERE s."PackageLineId" = "PackageLines"."Id" """;
        yield return postgres
            ? """UPDATE "Packages" p SET "ReturnsSubmitted" = r.n FROM (SELECT "PackageId", COUNT(*)::integer AS n FROM "DeliveryReturns" WHERE "Status" = 'Submitted' GROUP BY "PackageId") r WHERE r."PackageId" = p."Id" """
            : """UPDATE "Packages" SET "ReturnsSubmitted" = r.n FROM (SELECT "PackageId", COUNT(*) AS n FROM "DeliveryReturns" WHERE "Status" = 'Submitted' GROUP BY "PackageId") AS r WHERE r."PackageId" = "Packages"."Id" """;
        yield return "ANALYZE";
        if (postgres) yield return "VACUUM (ANALYZE) \"DeliveredSessions\", \"PackageLines\", \"Packages\", \"DeliveryReturns\"";
    }

    private static string Cols(params string[] names) => string.Join(", ", names.Select(n => $"\"{n}\""));

    private sealed class Dialect(bool postgres)
    {
        public string False => postgres ? "false" : "0";

        /// <summary>A GUID made from a kind (1 to 15) and a number.</summary>
        public string Id(int kind, string number) => postgres
            ? $"('{kind:X}0000000-0000-7000-8000-' || lpad(to_hex(({number})::bigint), 12, '0'))::uuid"
            : $"printf('{kind:X}0000000-0000-7000-8000-%012X', {number})";

        public string Text(string number) => postgres ? $"({number})::text" : $"CAST({number} AS TEXT)";

        public string Pad(string number, int width) => postgres ? $"lpad(({number})::text, {width}, '0')" : $"printf('%0{width}d', {number})";

        public string Timestamp(string utc) => postgres ? $"timestamptz '{utc}+00'" : $"'{utc}'";

        public string Date(string day) => postgres ? $"date '{day}'" : $"'{day}'";

        public string Decimal(string value) => postgres ? value : $"'{decimal.Parse(value, CultureInfo.InvariantCulture).ToString("0.0###", CultureInfo.InvariantCulture)}'";

        public string MonthStart(string month) => postgres ? $"(date '2026-04-01' + make_interval(months => {month}))::date" : $"date('2026-04-01', '+' || ({month}) || ' months')";

        public string DueOn(string month) => postgres ? $"(date '2026-05-10' + make_interval(months => {month}))::date" : $"date('2026-05-10', '+' || ({month}) || ' months')";

        public string SessionDate(string month, string day) => postgres
            ? $"(date '2026-04-01' + make_interval(months => {month}, days => {day}))::date"
            : $"date('2026-04-01', '+' || ({month}) || ' months', '+' || ({day}) || ' days')";

        public string Insert(string table, int count, string columns, string values) =>
            postgres
                ? $"INSERT INTO \"{table}\" ({columns}) SELECT {values} FROM generate_series(0, {count - 1}) AS n(i)"
                : $"WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < {count - 1}) INSERT INTO \"{table}\" ({columns}) SELECT {values} FROM n";

        /// <summary>A row for each number and each of <paramref name="each"/> (m, from 0).</summary>
        public string Insert(string table, int count, int each, string columns, string values) =>
            postgres
                ? $"INSERT INTO \"{table}\" ({columns}) SELECT {values} FROM generate_series(0, {count - 1}) AS n(i) CROSS JOIN generate_series(0, {each - 1}) AS k(m)"
                : $"WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < {count - 1}), k(m) AS (SELECT 0 UNION ALL SELECT m + 1 FROM k WHERE m < {each - 1}) " +
                  $"INSERT INTO \"{table}\" ({columns}) SELECT {values} FROM n CROSS JOIN k";
    }
}
