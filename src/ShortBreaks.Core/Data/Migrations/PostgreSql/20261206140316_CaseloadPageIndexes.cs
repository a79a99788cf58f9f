using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShortBreaks.Core.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class CaseloadPageIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Children_KeyWorkerId_Tier",
                table: "Children");

            migrationBuilder.CreateIndex(
                name: "IX_Requests_Submitted_ChildId_Channel",
                table: "Requests",
                columns: new[] { "ChildId", "Channel" },
                filter: "\"Status\" = 'Submitted'");

            migrationBuilder.CreateIndex(
                name: "IX_Children_KeyWorkerId_Tier_Id",
                table: "Children",
                columns: new[] { "KeyWorkerId", "Tier", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Requests_Submitted_ChildId_Channel",
                table: "Requests");

            migrationBuilder.DropIndex(
                name: "IX_Children_KeyWorkerId_Tier_Id",
                table: "Children");

            migrationBuilder.CreateIndex(
                name: "IX_Children_KeyWorkerId_Tier",
                table: "Children",
                columns: new[] { "KeyWorkerId", "Tier" });
        }
    }
}
