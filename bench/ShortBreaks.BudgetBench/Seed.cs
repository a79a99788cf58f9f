using System.Globalization;

/// <summary>
/// The bench's data, made by the database itself (INSERT ... SELECT over a series of numbers), in the same column
/// formats EF Core writes: on SQLite ids and decimals as text, dates as yyyy-MM-dd; on PostgreSQL its own types. Ids
/// are made from the row's number, so every run makes the same rows.
/// </summary>
internal static class Seed
{
    private const int Providers = 100;

    /// <summary>Four-weekly payments from 1 April 2026: thirteen in the financial year 2026 to 2027.</summary>
    public const int Instalments = 13;

    /// <summary>
    /// <paramref name="children"/> children, each with an agreed direct payment of thirteen four-weekly instalments of
    /// £199.23 from 1 April 2026, the first <paramref name="paid"/> paid by ten payment runs (a run item each) and the rest
    /// scheduled; and <paramref name="invoices"/> approved provider invoices for October, not yet paid.
    /// </summary>
    public static IEnumerable<string> Statements(bool postgres, int children, int paid, int invoices)
    {
        var d = new Dialect(postgres);
        yield return d.Insert("Organisations", Providers,
            Cols("Id", "Email", "LegalName", "Name", "Phone", "RegisteredAt", "Status", "Town", "Version"),
            $"{d.Id(1, "i")}, 'provider@example.org', 'Provider ' || {d.Text("i")}, 'Provider ' || {d.Pad("i", 3)}, '0115 000 0000', {d.Timestamp("2025-01-01 09:00:00")}, 'Approved', 'Nottingham', 0");
        yield return d.Insert("Children", children,
            Cols("Id", "AddressLine1", "CreatedAt", "DateOfBirth", "DisabilityCodes", "FirstName", "HasEhcPlan", "LastName", "LastNameKey", "NameKey", "Postcode", "PostcodeKey", "Reference", "Tier", "Town", "Version"),
            $"{d.Id(3, "i")}, '1 High Street', {d.Timestamp("2025-01-01 09:00:00")}, {d.Date("2015-01-01")}, '', 'Child', {d.False}, " +
            $"'Name' || {d.Pad("i", 6)}, 'name' || {d.Pad("i", 6)}, 'child name' || {d.Pad("i", 6)}, 'NG1 1AA', 'NG11AA', 'B-' || {d.Text("i")}, 'TargetedShortBreaks', 'Nottingham', 0");
        yield return d.Insert("DirectPayments", children,
            Cols("Id", "ChildId", "Reference", "State", "RecipientName", "RecipientRelationship", "AnnualAmount", "RateHistory", "BodyHtml", "StartsOn", "SchemeVersion", "CreatedAt", "CreatedByName", "Version"),
            $"{d.Id(4, "i")}, {d.Id(3, "i")}, 'DP-' || {d.Pad("i", 6)}, 'Active', 'Parent ' || {d.Pad("i", 6)}, 'Mother', {d.Decimal("2589.99")}, '2026-04-01=2589.99', '<p>Agreement</p>', {d.Date("2026-04-01")}, '2026.1', " +
            $"{d.Timestamp("2026-03-20 09:00:00")}, 'Bench', 0");
        yield return d.Insert("PaymentRuns", paid,
            Cols("Id", "Reference", "PayOn", "State", "ItemCount", "Total", "PreparedAt", "PreparedByUserId", "PreparedByName", "PaidAt", "Version"),
            $"{d.Id(8, "i")}, 'RUN-' || {d.Pad("i", 3)}, {d.AddDays("2026-04-01", "i * 28")}, 'Paid', {children}, {d.Decimal("0")}, {d.Timestamp("2026-03-30 09:00:00")}, 'bench', 'Bench', {d.Timestamp("2026-03-30 09:00:00")}, 0");
        yield return d.Insert("DirectPaymentInstalments", children, Instalments,
            Cols("Id", "DirectPaymentId", "ChildId", "Kind", "DueOn", "Amount", "State", "PaymentRunId", "Version"),
            $"{d.Id(6, $"i * {Instalments} + m")}, {d.Id(4, "i")}, {d.Id(3, "i")}, 'Regular', {d.AddDays("2026-04-01", "m * 28")}, " +
            $"{d.Decimal("199.23")}, CASE WHEN m < {paid} THEN 'Paid' ELSE 'Scheduled' END, CASE WHEN m < {paid} THEN {d.Id(8, "m")} END, 0");
        yield return d.Insert("PaymentRunItems", children, paid,
            Cols("Id", "PaymentRunId", "Kind", "SourceId", "ChildId", "RecordReference", "PaymentReference", "PayeeName", "Amount", "BudgetHead", "PaidAt"),
            $"{d.Id(9, $"i * {paid} + m")}, {d.Id(8, "m")}, 'DirectPayment', {d.Id(6, $"i * {Instalments} + m")}, {d.Id(3, "i")}, 'DP-' || {d.Pad("i", 6)}, " +
            $"'RUN-' || {d.Pad("m", 3)} || '-' || {d.Pad("i", 6)}, 'Parent ' || {d.Pad("i", 6)}, {d.Decimal("199.23")}, 'SB-DP', {d.Timestamp("2026-03-30 09:00:00")}");
        yield return d.Insert("ProviderInvoices", invoices,
            Cols("Id", "OrganisationId", "Reference", "Month", "State", "Total", "SubmittedAt", "SubmittedByName", "Version"),
            $"{d.Id(7, "i")}, {d.Id(1, $"i % {Providers}")}, 'INV-202610-' || {d.Pad("i", 5)}, {d.Date("2026-10-01")}, 'Approved', {d.Decimal("1234.56")}, " +
            $"{d.Timestamp("2026-11-05 09:00:00")}, 'Bench', 0");
        yield return "ANALYZE";
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

        /// <summary>The day <paramref name="days"/> (an expression) after <paramref name="day"/>.</summary>
        public string AddDays(string day, string days) => postgres ? $"(date '{day}' + ({days})::int)" : $"date('{day}', '+' || ({days}) || ' days')";

        public string Decimal(string value) => postgres ? value : $"'{decimal.Parse(value, CultureInfo.InvariantCulture).ToString("0.0###", CultureInfo.InvariantCulture)}'";

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
