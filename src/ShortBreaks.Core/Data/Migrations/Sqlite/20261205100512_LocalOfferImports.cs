using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShortBreaks.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LocalOfferImports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ImportedId",
                table: "Organisations",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ImportedId",
                table: "Locations",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_ImportedId",
                table: "Organisations",
                column: "ImportedId");

            migrationBuilder.CreateIndex(
                name: "IX_Locations_OrganisationId_ImportedId",
                table: "Locations",
                columns: new[] { "OrganisationId", "ImportedId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Organisations_ImportedId",
                table: "Organisations");

            migrationBuilder.DropIndex(
                name: "IX_Locations_OrganisationId_ImportedId",
                table: "Locations");

            migrationBuilder.DropColumn(
                name: "ImportedId",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "ImportedId",
                table: "Locations");
        }
    }
}
