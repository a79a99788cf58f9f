using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShortBreaks.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FamilyLinkChecks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "IdentityCheck",
                table: "ChildFamilyMembers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LinkedByName",
                table: "ChildFamilyMembers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LinkedByUserId",
                table: "ChildFamilyMembers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ParentalResponsibilityCheck",
                table: "ChildFamilyMembers",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "IdentityCheck",
                table: "ChildFamilyMembers");

            migrationBuilder.DropColumn(
                name: "LinkedByName",
                table: "ChildFamilyMembers");

            migrationBuilder.DropColumn(
                name: "LinkedByUserId",
                table: "ChildFamilyMembers");

            migrationBuilder.DropColumn(
                name: "ParentalResponsibilityCheck",
                table: "ChildFamilyMembers");
        }
    }
}
