using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShortBreaks.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PlansAndPanels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BudgetNotices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    ToNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    CurrentAnnualAmount = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    NewAnnualAmount = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    Reasons = table.Column<string>(type: "TEXT", nullable: false),
                    GivenAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    GivenByName = table.Column<string>(type: "TEXT", nullable: false),
                    TakesEffectOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LetterId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReconsiderationRequestedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BudgetNotices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BudgetNotices_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PanelItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PlanVersionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    BudgetNoticeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Summary = table.Column<string>(type: "TEXT", nullable: false),
                    AddedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AddedByName = table.Column<string>(type: "TEXT", nullable: false),
                    MeetingDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Reasons = table.Column<string>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PanelItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PanelItems_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SupportPlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", nullable: false),
                    LatestNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    ApprovedNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    EndedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PendingMove = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    NextReviewDue = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReviewSchedule = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupportPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupportPlans_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TierChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Move = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    ByName = table.Column<string>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TierChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TierChanges_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ChangeSummary = table.Column<string>(type: "TEXT", nullable: false),
                    WhatMattersToMe = table.Column<string>(type: "TEXT", nullable: true),
                    HowBestToSupportMe = table.Column<string>(type: "TEXT", nullable: true),
                    MyCommunication = table.Column<string>(type: "TEXT", nullable: true),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RasAssessmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    IndicativeBudget = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    AnnualCost = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    PeriodCost = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    Origin = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", nullable: false),
                    FamilyAgreedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FamilyAgreedByName = table.Column<string>(type: "TEXT", nullable: true),
                    OfficerAgreedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    OfficerAgreedByName = table.Column<string>(type: "TEXT", nullable: true),
                    ApprovalRoute = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ApprovalReason = table.Column<string>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", nullable: true),
                    DecisionReasons = table.Column<string>(type: "TEXT", nullable: true),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanVersions_SupportPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "SupportPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanOnCost",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanVersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    MonthlyAmount = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    Route = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanOnCost", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanOnCost_PlanVersions_PlanVersionId",
                        column: x => x.PlanVersionId,
                        principalTable: "PlanVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanOutcome",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanVersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    What = table.Column<string>(type: "TEXT", nullable: false),
                    Term = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ByWhen = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    HowWeWillKnow = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanOutcome", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanOutcome_PlanVersions_PlanVersionId",
                        column: x => x.PlanVersionId,
                        principalTable: "PlanVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanSupportLine",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanVersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Quantity = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    Frequency = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    UnitCost = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    Route = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    RateName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    ProviderId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ProvidedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanSupportLine", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanSupportLine_PlanVersions_PlanVersionId",
                        column: x => x.PlanVersionId,
                        principalTable: "PlanVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BudgetNotices_ChildId_GivenAt",
                table: "BudgetNotices",
                columns: new[] { "ChildId", "GivenAt" });

            migrationBuilder.CreateIndex(
                name: "IX_BudgetNotices_Status_TakesEffectOn",
                table: "BudgetNotices",
                columns: new[] { "Status", "TakesEffectOn" });

            migrationBuilder.CreateIndex(
                name: "IX_PanelItems_ChildId",
                table: "PanelItems",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_PanelItems_Status_AddedAt",
                table: "PanelItems",
                columns: new[] { "Status", "AddedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PlanOnCost_PlanVersionId",
                table: "PlanOnCost",
                column: "PlanVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanOutcome_PlanVersionId",
                table: "PlanOutcome",
                column: "PlanVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanSupportLine_PlanVersionId",
                table: "PlanSupportLine",
                column: "PlanVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanVersions_ChildId_Status",
                table: "PlanVersions",
                columns: new[] { "ChildId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_PlanVersions_PlanId_Number",
                table: "PlanVersions",
                columns: new[] { "PlanId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlanVersions_Status",
                table: "PlanVersions",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_SupportPlans_ChildId",
                table: "SupportPlans",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_SupportPlans_NextReviewDue",
                table: "SupportPlans",
                column: "NextReviewDue");

            migrationBuilder.CreateIndex(
                name: "IX_TierChanges_ChildId_At",
                table: "TierChanges",
                columns: new[] { "ChildId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BudgetNotices");

            migrationBuilder.DropTable(
                name: "PanelItems");

            migrationBuilder.DropTable(
                name: "PlanOnCost");

            migrationBuilder.DropTable(
                name: "PlanOutcome");

            migrationBuilder.DropTable(
                name: "PlanSupportLine");

            migrationBuilder.DropTable(
                name: "TierChanges");

            migrationBuilder.DropTable(
                name: "PlanVersions");

            migrationBuilder.DropTable(
                name: "SupportPlans");
        }
    }
}
