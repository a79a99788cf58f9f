using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShortBreaks.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RequestHolders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "HeldByUserId",
                table: "Requests",
                type: "TEXT",
                nullable: true);

            // Every request's holder as the caseload view counted it before: whoever took it at the duty point, or else
            // the key worker of its child (see RequestHolders).
            migrationBuilder.Sql("""
                UPDATE "Requests" SET "HeldByUserId" = CASE
                    WHEN "Channel" = 'DutyPoint' THEN "CreatedByUserId"
                    ELSE (SELECT "c"."KeyWorkerId" FROM "Children" AS "c" WHERE "c"."Id" = "Requests"."ChildId")
                END;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Requests_Submitted_HeldByUserId",
                table: "Requests",
                column: "HeldByUserId",
                filter: "\"Status\" = 'Submitted'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Requests_Submitted_HeldByUserId",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "HeldByUserId",
                table: "Requests");
        }
    }
}
