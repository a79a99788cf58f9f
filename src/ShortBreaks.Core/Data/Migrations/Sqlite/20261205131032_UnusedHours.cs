using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShortBreaks.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class UnusedHours : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "UnusedHoursDecisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PackageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    YearStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Hours = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    Money = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    AsOf = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnusedHoursDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UnusedHoursDecisions_Packages_PackageId",
                        column: x => x.PackageId,
                        principalTable: "Packages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Packages_YearStart_State",
                table: "Packages",
                columns: new[] { "YearStart", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_DeliveredSessions_UnusedHours",
                table: "DeliveredSessions",
                columns: new[] { "PackageId", "PackageLineId", "Date", "Quantity", "Cancellation" });

            migrationBuilder.CreateIndex(
                name: "IX_UnusedHoursDecisions_ChildId",
                table: "UnusedHoursDecisions",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_UnusedHoursDecisions_PackageId",
                table: "UnusedHoursDecisions",
                column: "PackageId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UnusedHoursDecisions_YearStart_OrganisationId",
                table: "UnusedHoursDecisions",
                columns: new[] { "YearStart", "OrganisationId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "UnusedHoursDecisions");

            migrationBuilder.DropIndex(
                name: "IX_Packages_YearStart_State",
                table: "Packages");

            migrationBuilder.DropIndex(
                name: "IX_DeliveredSessions_UnusedHours",
                table: "DeliveredSessions");
        }
    }
}
