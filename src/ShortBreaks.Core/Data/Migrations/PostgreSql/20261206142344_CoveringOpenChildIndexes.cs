using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShortBreaks.Core.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class CoveringOpenChildIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Children_Open_KeyWorkerId_Tier",
                table: "Children");

            migrationBuilder.DropIndex(
                name: "IX_Children_Open_Tier",
                table: "Children");

            migrationBuilder.CreateIndex(
                name: "IX_Children_Open_KeyWorkerId_Tier",
                table: "Children",
                columns: new[] { "KeyWorkerId", "Tier", "MergedIntoChildId", "ClosedAt" },
                filter: "\"MergedIntoChildId\" IS NULL AND \"ClosedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Children_Open_Tier",
                table: "Children",
                columns: new[] { "Tier", "MergedIntoChildId", "ClosedAt" },
                filter: "\"MergedIntoChildId\" IS NULL AND \"ClosedAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Children_Open_KeyWorkerId_Tier",
                table: "Children");

            migrationBuilder.DropIndex(
                name: "IX_Children_Open_Tier",
                table: "Children");

            migrationBuilder.CreateIndex(
                name: "IX_Children_Open_KeyWorkerId_Tier",
                table: "Children",
                columns: new[] { "KeyWorkerId", "Tier" },
                filter: "\"MergedIntoChildId\" IS NULL AND \"ClosedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Children_Open_Tier",
                table: "Children",
                column: "Tier",
                filter: "\"MergedIntoChildId\" IS NULL AND \"ClosedAt\" IS NULL");
        }
    }
}
