using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShortBreaks.Core.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class StaffTeamsAndCaseloads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Team",
                table: "AspNetUsers",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Requests_CreatedByUserId_Status",
                table: "Requests",
                columns: new[] { "CreatedByUserId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_DecidedByUserId_ChildId",
                table: "Decisions",
                columns: new[] { "DecidedByUserId", "ChildId" });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_Team",
                table: "AspNetUsers",
                column: "Team");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Requests_CreatedByUserId_Status",
                table: "Requests");

            migrationBuilder.DropIndex(
                name: "IX_Decisions_DecidedByUserId_ChildId",
                table: "Decisions");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_Team",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "Team",
                table: "AspNetUsers");
        }
    }
}
