using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShortBreaks.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class UnusedHoursWholeNumbers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // SQLite cannot add a stored generated column to a table that exists: these two no-op column changes make
            // the migration rebuild each table (a new table with every column, the rows copied, the old one dropped),
            // which gives it the model's new generated columns and works them out for every row already there.
            migrationBuilder.AlterColumn<string>(
                name: "SchemeVersion", table: "Packages", type: "TEXT", maxLength: 40, nullable: false,
                oldClrType: typeof(string), oldType: "TEXT", oldMaxLength: 40);
            migrationBuilder.AlterColumn<string>(
                name: "ServiceName", table: "PackageLines", type: "TEXT", maxLength: 200, nullable: false,
                oldClrType: typeof(string), oldType: "TEXT", oldMaxLength: 200);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FirstDay",
                table: "Packages");

            migrationBuilder.DropColumn(
                name: "FirstMonth",
                table: "Packages");

            migrationBuilder.DropColumn(
                name: "LastDay",
                table: "Packages");

            migrationBuilder.DropColumn(
                name: "LastMonth",
                table: "Packages");

            migrationBuilder.DropColumn(
                name: "DeliveredHundredths",
                table: "PackageLines");

            migrationBuilder.DropColumn(
                name: "HoursEachHundredths",
                table: "PackageLines");

            migrationBuilder.DropColumn(
                name: "PriceHundredths",
                table: "PackageLines");

            migrationBuilder.DropColumn(
                name: "TotalHundredths",
                table: "PackageLines");
        }
    }
}
