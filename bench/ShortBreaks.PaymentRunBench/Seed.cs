using System.Globalization;

/// <summary>
/// The bench's data, made by the database itself (INSERT ... SELECT over a series of numbers), in the same column
/// formats EF Core writes: on SQLite ids and decimals as text, dates as yyyy-MM-dd; on PostgreSQL its own types. Ids
/// are made from the row's number, so every run makes the same rows.
/// </summary>
internal static class Seed
{
    private const int Providers = 100;

    /// <summary>
    /// <paramref name="schedules"/> children, each with an agreed direct payment, a confirmed bank account and one
    /// scheduled instalment due by the run's day (and, to be left out, one due after it); and <paramref name="invoices"/>
    /// approved invoices from 100 providers.
    /// </summary>
    public static IEnumerable<string> Statements(bool postgres, int schedules, int invoices)
    {
        var d = new Dialect(postgres);
        yield return d.Insert("Organisations", Providers,
            Cols("Id", "Email", "LegalName", "Name", "Phone", "RegisteredAt", "Status", "Town", "Version"),
            $"{d.Id(1, "i")}, 'provider@example.org', 'Provider ' || {d.Text("i")}, 'Provider ' || {d.Pad("i", 3)}, '0115 000 0000', {d.Timestamp("2025-01-01 09:00:00")}, 'Approved', 'Nottingham', 0");
        yield return d.Insert("Children", schedules,
            Cols("Id", "AddressLine1", "CreatedAt", "DateOfBirth", "DisabilityCodes", "FirstName", "HasEhcPlan", "LastName", "LastNameKey", "NameKey", "Postcode", "PostcodeKey", "Reference", "Tier", "Town", "Version"),
            $"{d.Id(3, "i")}, '1 High Street', {d.Timestamp("2025-01-01 09:00:00")}, {d.Date("2015-01-01")}, '', 'Child', {d.False}, " +
            $"'Name' || {d.Pad("i", 6)}, 'name' || {d.Pad("i", 6)}, 'child name' || {d.Pad("i", 6)}, 'NG1 1AA', 'NG11AA', 'B-' || {d.Text("i")}, 'TargetedShortBreaks', 'Nottingham', 0");
        yield return d.Insert("DirectPayments", schedules,
            Cols("Id", "ChildId", "Reference", "State", "RecipientName", "RecipientRelationship", "AnnualAmount", "RateHistory", "BodyHtml", "StartsOn", "SchemeVersion", "CreatedAt", "CreatedByName", "Version"),
            $"{d.Id(4, "i")}, {d.Id(3, "i")}, 'DP-' || {d.Pad("i", 6)}, 'Active', 'Parent ' || {d.Pad("i", 6)}, 'Mother', {d.Decimal("2600")}, '2026-04-01=2600.00', '<p>Agreement</p>', {d.Date("2026-04-01")}, '2026.1', " +
            $"{d.Timestamp("2026-03-20 09:00:00")}, 'Bench', 0");
        yield return d.Insert("DirectPaymentAccounts", schedules,
            Cols("Id", "DirectPaymentId", "ChildId", "Kind", "AccountName", "SortCode", "AccountNumber", "CreatedAt", "CreatedByName", "ConfirmedAt", "Version"),
            $"{d.Id(5, "i")}, {d.Id(4, "i")}, {d.Id(3, "i")}, 'BankAccount', 'Parent ' || {d.Pad("i", 6)}, '309430', {d.Pad("i", 8)}, " +
            $"{d.Timestamp("2026-03-20 09:00:00")}, 'Bench', {d.Timestamp("2026-03-21 09:00:00")}, 0");
        // One due by the run's day, one four weeks after it (left out).
        yield return d.Insert("DirectPaymentInstalments", schedules, 2,
            Cols("Id", "DirectPaymentId", "ChildId", "Kind", "DueOn", "Amount", "State", "Version"),
            $"{d.Id(6, "i * 2 + m")}, {d.Id(4, "i")}, {d.Id(3, "i")}, 'Regular', CASE WHEN m = 0 THEN {d.Date("2026-11-24")} ELSE {d.Date("2026-12-22")} END, " +
            $"{d.Decimal("199.23")}, 'Scheduled', 0");
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
