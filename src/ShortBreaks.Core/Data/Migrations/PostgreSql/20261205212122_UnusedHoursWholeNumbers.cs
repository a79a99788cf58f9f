using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShortBreaks.Core.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class UnusedHoursWholeNumbers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "FirstDay",
                table: "Packages",
                type: "integer",
                nullable: false,
                computedColumnSql: "(\"StartsOn\" - DATE '2000-01-01')",
                stored: true);

            migrationBuilder.AddColumn<int>(
                name: "FirstMonth",
                table: "Packages",
                type: "integer",
                nullable: false,
                computedColumnSql: "(CAST(extract(year from \"StartsOn\") AS integer) * 12 + CAST(extract(month from \"StartsOn\") AS integer))",
                stored: true);

            migrationBuilder.AddColumn<int>(
                name: "LastDay",
                table: "Packages",
                type: "integer",
                nullable: false,
                computedColumnSql: "(\"EndsOn\" - DATE '2000-01-01')",
                stored: true);

            migrationBuilder.AddColumn<int>(
                name: "LastMonth",
                table: "Packages",
                type: "integer",
                nullable: false,
                computedColumnSql: "(CAST(extract(year from \"EndsOn\") AS integer) * 12 + CAST(extract(month from \"EndsOn\") AS integer))",
                stored: true);

            migrationBuilder.AddColumn<long>(
                name: "DeliveredHundredths",
                table: "PackageLines",
                type: "bigint",
                nullable: false,
                computedColumnSql: "CAST(\"DeliveredUnits\" * 100 AS bigint)",
                stored: true);

            migrationBuilder.AddColumn<long>(
                name: "HoursEachHundredths",
                table: "PackageLines",
                type: "bigint",
                nullable: false,
                computedColumnSql: "CAST(\"HoursEach\" * 100 AS bigint)",
                stored: true);

            migrationBuilder.AddColumn<long>(
                name: "PriceHundredths",
                table: "PackageLines",
                type: "bigint",
                nullable: false,
                computedColumnSql: "CAST(\"UnitPrice\" * 100 AS bigint)",
                stored: true);

            migrationBuilder.AddColumn<long>(
                name: "TotalHundredths",
                table: "PackageLines",
                type: "bigint",
                nullable: false,
                computedColumnSql: "CAST(\"TotalUnits\" * 100 AS bigint)",
                stored: true);
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
