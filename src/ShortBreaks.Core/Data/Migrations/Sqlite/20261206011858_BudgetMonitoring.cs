using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShortBreaks.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BudgetMonitoring : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "AmountPence",
                table: "PaymentRunItems",
                type: "INTEGER",
                nullable: false,
                computedColumnSql: "CAST(round(CAST(\"Amount\" AS REAL) * 100) AS INTEGER)",
                stored: true);

            migrationBuilder.AddColumn<long>(
                name: "AmountPence",
                table: "DirectPaymentInstalments",
                type: "INTEGER",
                nullable: false,
                computedColumnSql: "CAST(round(CAST(\"Amount\" AS REAL) * 100) AS INTEGER)",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "IX_PaymentRunItems_BudgetMonitoring",
                table: "PaymentRunItems",
                columns: new[] { "PaymentRunId", "BudgetHead", "PaidAt", "AmountPence" });

            migrationBuilder.CreateIndex(
                name: "IX_DirectPaymentInstalments_BudgetMonitoring",
                table: "DirectPaymentInstalments",
                columns: new[] { "State", "DueOn", "Kind", "AmountPence" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PaymentRunItems_BudgetMonitoring",
                table: "PaymentRunItems");

            migrationBuilder.DropIndex(
                name: "IX_DirectPaymentInstalments_BudgetMonitoring",
                table: "DirectPaymentInstalments");

            migrationBuilder.DropColumn(
                name: "AmountPence",
                table: "PaymentRunItems");

            migrationBuilder.DropColumn(
                name: "AmountPence",
                table: "DirectPaymentInstalments");
        }
    }
}
