using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShortBreaks.Core.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class RetentionAndCaseClosure : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ClosedAt",
                table: "Children",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClosedByName",
                table: "Children",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClosedByUserId",
                table: "Children",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClosureReason",
                table: "Children",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "RetentionReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Month = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    StartedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ScannedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SchemeVersion = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ClaimedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    LeaseUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastDecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RetentionReviews", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RetentionItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReviewId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    TargetKey = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SubjectChildId = table.Column<Guid>(type: "uuid", nullable: true),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: true),
                    Reference = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Rule = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    RetentionEnds = table.Column<DateOnly>(type: "date", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecidedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    DecidedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Reason = table.Column<string>(type: "text", nullable: true),
                    KeepUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    ReleasedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReleasedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RetentionItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RetentionItems_RetentionReviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "RetentionReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Children_ClosedAt",
                table: "Children",
                column: "ClosedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Children_MergedIntoChildId",
                table: "Children",
                column: "MergedIntoChildId");

            migrationBuilder.CreateIndex(
                name: "IX_RetentionItems_Kind_TargetKey_Status",
                table: "RetentionItems",
                columns: new[] { "Kind", "TargetKey", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_RetentionItems_ReviewId_Kind_TargetKey",
                table: "RetentionItems",
                columns: new[] { "ReviewId", "Kind", "TargetKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RetentionReviews_Month",
                table: "RetentionReviews",
                column: "Month",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RetentionItems");

            migrationBuilder.DropTable(
                name: "RetentionReviews");

            migrationBuilder.DropIndex(
                name: "IX_Children_ClosedAt",
                table: "Children");

            migrationBuilder.DropIndex(
                name: "IX_Children_MergedIntoChildId",
                table: "Children");

            migrationBuilder.DropColumn(
                name: "ClosedAt",
                table: "Children");

            migrationBuilder.DropColumn(
                name: "ClosedByName",
                table: "Children");

            migrationBuilder.DropColumn(
                name: "ClosedByUserId",
                table: "Children");

            migrationBuilder.DropColumn(
                name: "ClosureReason",
                table: "Children");
        }
    }
}
