using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShortBreaks.Core.Data.Migrations.PostgreSql
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
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<decimal>(
                name: "DeliveredUnits",
                table: "PackageLines",
                type: "numeric(12,2)",
                precision: 12,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            // The kept totals start from what is already returned: each line's sessions not cancelled and each
            // package's submitted returns.
            migrationBuilder.Sql("""
                UPDATE "PackageLines" l SET "DeliveredUnits" = s.total
                FROM (SELECT "PackageLineId", SUM("Quantity") AS total FROM "DeliveredSessions" WHERE "Cancellation" IS NULL GROUP BY "PackageLineId") s
                WHERE s."PackageLineId" = l."Id";
                """);
            migrationBuilder.Sql("""
                UPDATE "Packages" p SET "ReturnsSubmitted" = r.n
                FROM (SELECT "PackageId", COUNT(*)::integer AS n FROM "DeliveryReturns" WHERE "Status" = 'Submitted' GROUP BY "PackageId") r
                WHERE r."PackageId" = p."Id";
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
