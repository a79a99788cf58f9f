using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShortBreaks.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class UnusedHoursKeptTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DeliveredSessions_UnusedHours",
                table: "DeliveredSessions");

            migrationBuilder.AddColumn<int>(
                name: "ReturnsSubmitted",
                table: "Packages",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<decimal>(
                name: "DeliveredUnits",
                table: "PackageLines",
                type: "TEXT",
                precision: 12,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            // The kept totals start from what is already returned: each line's sessions not cancelled (summed in
            // hundredths, as SQLite holds decimals as text) and each package's submitted returns, each table read once.
            migrationBuilder.Sql("""
                UPDATE "PackageLines" SET "DeliveredUnits" = s.total
                FROM (SELECT "PackageLineId", CAST(SUM(CAST(round(CAST("Quantity" AS REAL) * 100) AS INTEGER)) AS REAL) / 100 AS total
                      FROM "DeliveredSessions" WHERE "Cancellation" IS NULL GROUP BY "PackageLineId") AS s
                WHERE s."PackageLineId" = "PackageLines"."Id";
                """);
            migrationBuilder.Sql("""
                UPDATE "Packages" SET "ReturnsSubmitted" = r.n
                FROM (SELECT "PackageId", COUNT(*) AS n FROM "DeliveryReturns" WHERE "Status" = 'Submitted' GROUP BY "PackageId") AS r
                WHERE r."PackageId" = "Packages"."Id";
                """);

            migrationBuilder.CreateIndex(
                name: "IX_DeliveryReturns_Status_Month_PackageId",
                table: "DeliveryReturns",
                columns: new[] { "Status", "Month", "PackageId" });

            migrationBuilder.CreateIndex(
                name: "IX_DeliveredSessions_UnusedHours",
                table: "DeliveredSessions",
                columns: new[] { "Date", "PackageLineId", "Quantity", "Cancellation" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DeliveryReturns_Status_Month_PackageId",
                table: "DeliveryReturns");

            migrationBuilder.DropIndex(
                name: "IX_DeliveredSessions_UnusedHours",
                table: "DeliveredSessions");

            migrationBuilder.DropColumn(
                name: "ReturnsSubmitted",
                table: "Packages");

            migrationBuilder.DropColumn(
                name: "DeliveredUnits",
                table: "PackageLines");

            migrationBuilder.CreateIndex(
                name: "IX_DeliveredSessions_UnusedHours",
                table: "DeliveredSessions",
                columns: new[] { "PackageId", "PackageLineId", "Date", "Quantity", "Cancellation" });
        }
    }
}
