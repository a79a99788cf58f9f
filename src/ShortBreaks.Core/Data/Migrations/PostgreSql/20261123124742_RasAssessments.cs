using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShortBreaks.Core.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class RasAssessments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RasAssessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AgeYears = table.Column<int>(type: "integer", nullable: true),
                    PhaseId = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    LevelsJson = table.Column<string>(type: "text", nullable: false),
                    SupportJson = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "text", nullable: false),
                    RasVersion = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    TotalPoints = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    IndicativeAmount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    Band = table.Column<string>(type: "text", nullable: true),
                    Routing = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    CompletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CompletedByName = table.Column<string>(type: "text", nullable: true),
                    OverrideAmount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    OverrideReason = table.Column<string>(type: "text", nullable: true),
                    OverrideAgreedBy = table.Column<string>(type: "text", nullable: true),
                    OverrideRecordedByName = table.Column<string>(type: "text", nullable: true),
                    OverrideRecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RasAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RasAssessments_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RasAssessments_ChildId_CreatedAt",
                table: "RasAssessments",
                columns: new[] { "ChildId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RasAssessments_Status_RasVersion",
                table: "RasAssessments",
                columns: new[] { "Status", "RasVersion" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RasAssessments");
        }
    }
}
