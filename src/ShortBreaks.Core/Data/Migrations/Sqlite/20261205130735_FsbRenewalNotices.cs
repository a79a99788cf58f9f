using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShortBreaks.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FsbRenewalNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SubmittedByName",
                table: "FsbRenewals",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "TakenByPhone",
                table: "FsbRenewals",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "RenewalNotices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RenewalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    ClaimedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LeaseUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RenewalNotices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RenewalNotices_FsbRenewals_RenewalId",
                        column: x => x.RenewalId,
                        principalTable: "FsbRenewals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RenewalNotices_RenewalId_Kind_Number",
                table: "RenewalNotices",
                columns: new[] { "RenewalId", "Kind", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RenewalNotices");

            migrationBuilder.DropColumn(
                name: "SubmittedByName",
                table: "FsbRenewals");

            migrationBuilder.DropColumn(
                name: "TakenByPhone",
                table: "FsbRenewals");
        }
    }
}
