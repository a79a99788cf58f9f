using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShortBreaks.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Reviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NextReviewKind",
                table: "SupportPlans",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Annual");

            // Plans made before the kind was kept: read it from the schedule's words, written by ReviewSchedules.
            migrationBuilder.Sql("UPDATE \"SupportPlans\" SET \"NextReviewKind\" = 'RasPackage' WHERE \"ReviewSchedule\" LIKE 'RAS package review%'");
            migrationBuilder.Sql("UPDATE \"SupportPlans\" SET \"NextReviewKind\" = 'Section17_6' WHERE \"ReviewSchedule\" LIKE 'Overnights in a residential unit%'");

            migrationBuilder.CreateTable(
                name: "Reviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OfficerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    OfficerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    BookedFor = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    BookedTime = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Meeting = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Place = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Invited = table.Column<string>(type: "TEXT", nullable: true),
                    BookedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    BookedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ViewsDueBy = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ChildViews = table.Column<string>(type: "TEXT", nullable: true),
                    FamilyViews = table.Column<string>(type: "TEXT", nullable: true),
                    ViewsSentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ViewsSentByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Attended = table.Column<string>(type: "TEXT", nullable: true),
                    ChildVoice = table.Column<string>(type: "TEXT", nullable: true),
                    WhatIsWorking = table.Column<string>(type: "TEXT", nullable: true),
                    WhatIsNotWorking = table.Column<string>(type: "TEXT", nullable: true),
                    BudgetAlreadyBuys = table.Column<string>(type: "TEXT", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ProgressJson = table.Column<string>(type: "TEXT", nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    DecisionReasons = table.Column<string>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    NextReviewDue = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LetterId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Reviews_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_ChildId_DueOn",
                table: "Reviews",
                columns: new[] { "ChildId", "DueOn" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_OfficerId_State_DueOn",
                table: "Reviews",
                columns: new[] { "OfficerId", "State", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_State_DueOn",
                table: "Reviews",
                columns: new[] { "State", "DueOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Reviews");

            migrationBuilder.DropColumn(
                name: "NextReviewKind",
                table: "SupportPlans");
        }
    }
}
