using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShortBreaks.Core.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class SubjectAccessRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SubjectAccessRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: true),
                    FamilyUserId = table.Column<string>(type: "text", nullable: true),
                    SubjectName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    SubjectReference = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    RequestedBy = table.Column<string>(type: "text", nullable: false),
                    IdentityCheck = table.Column<string>(type: "text", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    LoggedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LoggedByUserId = table.Column<string>(type: "text", nullable: false),
                    LoggedByName = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ReleasedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReleasedByUserId = table.Column<string>(type: "text", nullable: true),
                    ReleasedByName = table.Column<string>(type: "text", nullable: true),
                    ReleaseRecordJson = table.Column<string>(type: "text", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubjectAccessRequests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SubjectAccessChoices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    ItemKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Choice = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "text", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DecidedByName = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubjectAccessChoices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SubjectAccessChoices_SubjectAccessRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "SubjectAccessRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SubjectAccessChoices_RequestId_ItemKey",
                table: "SubjectAccessChoices",
                columns: new[] { "RequestId", "ItemKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SubjectAccessRequests_ChildId",
                table: "SubjectAccessRequests",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_SubjectAccessRequests_FamilyUserId",
                table: "SubjectAccessRequests",
                column: "FamilyUserId");

            migrationBuilder.CreateIndex(
                name: "IX_SubjectAccessRequests_Status_DueOn",
                table: "SubjectAccessRequests",
                columns: new[] { "Status", "DueOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SubjectAccessChoices");

            migrationBuilder.DropTable(
                name: "SubjectAccessRequests");
        }
    }
}
