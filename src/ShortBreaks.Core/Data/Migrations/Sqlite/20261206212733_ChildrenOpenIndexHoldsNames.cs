using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShortBreaks.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ChildrenOpenIndexHoldsNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Children_Open_KeyWorkerId_Tier",
                table: "Children");

            migrationBuilder.CreateIndex(
                name: "IX_Children_Open_KeyWorkerId_Tier",
                table: "Children",
                columns: new[] { "KeyWorkerId", "Tier", "MergedIntoChildId", "ClosedAt", "LastNameKey", "NameKey", "Id" },
                filter: "\"MergedIntoChildId\" IS NULL AND \"ClosedAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Children_Open_KeyWorkerId_Tier",
                table: "Children");

            migrationBuilder.CreateIndex(
                name: "IX_Children_Open_KeyWorkerId_Tier",
                table: "Children",
                columns: new[] { "KeyWorkerId", "Tier", "MergedIntoChildId", "ClosedAt" },
                filter: "\"MergedIntoChildId\" IS NULL AND \"ClosedAt\" IS NULL");
        }
    }
}
