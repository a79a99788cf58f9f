using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShortBreaks.Core.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Complaints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Complaints",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Subject = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SubjectRecordId = table.Column<Guid>(type: "uuid", nullable: true),
                    SubjectWorkerUserId = table.Column<string>(type: "text", nullable: true),
                    SubjectWorkerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DecisionMakerUserIds = table.Column<string>(type: "text", nullable: true),
                    MadeBy = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    MadeByUserId = table.Column<string>(type: "text", nullable: true),
                    MadeByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    MatterAroseOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Late = table.Column<bool>(type: "boolean", nullable: false),
                    Summary = table.Column<string>(type: "text", nullable: false),
                    OutcomeWanted = table.Column<string>(type: "text", nullable: true),
                    CurrentStage = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    CurrentDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Open = table.Column<bool>(type: "boolean", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    SchemeVersion = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Complaints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Complaints_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ComplaintStages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ComplaintId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    OwnerUserId = table.Column<string>(type: "text", nullable: true),
                    OwnerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    LatestDueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    PanelHeldOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PanelReportOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RespondedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RespondedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Response = table.Column<string>(type: "text", nullable: true),
                    RespondedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    LetterId = table.Column<Guid>(type: "uuid", nullable: true),
                    OverdueFoundOn = table.Column<DateOnly>(type: "date", nullable: true),
                    OverdueFoundBy = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComplaintStages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ComplaintStages_Complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "Complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ComplaintExtensions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StageId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    FromDueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ToDueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "text", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ByUserId = table.Column<string>(type: "text", nullable: true),
                    ByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComplaintExtensions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ComplaintExtensions_ComplaintStages_StageId",
                        column: x => x.StageId,
                        principalTable: "ComplaintStages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintExtensions_ChildId",
                table: "ComplaintExtensions",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintExtensions_StageId",
                table: "ComplaintExtensions",
                column: "StageId");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_ChildId_CreatedAt",
                table: "Complaints",
                columns: new[] { "ChildId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_CurrentDueOn_CreatedAt",
                table: "Complaints",
                columns: new[] { "CurrentDueOn", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_CurrentStage_CurrentDueOn",
                table: "Complaints",
                columns: new[] { "CurrentStage", "CurrentDueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_Outcome",
                table: "Complaints",
                column: "Outcome");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_Subject",
                table: "Complaints",
                column: "Subject");

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintStages_ChildId",
                table: "ComplaintStages",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintStages_ComplaintId_Kind",
                table: "ComplaintStages",
                columns: new[] { "ComplaintId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintStages_OverdueFoundBy",
                table: "ComplaintStages",
                column: "OverdueFoundBy");

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintStages_OwnerUserId",
                table: "ComplaintStages",
                column: "OwnerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintStages_RespondedOn_OverdueFoundOn_DueOn",
                table: "ComplaintStages",
                columns: new[] { "RespondedOn", "OverdueFoundOn", "DueOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ComplaintExtensions");

            migrationBuilder.DropTable(
                name: "ComplaintStages");

            migrationBuilder.DropTable(
                name: "Complaints");
        }
    }
}
