using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShortBreaks.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WorklistAndComplaintListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reviews_DueOn_Id_State",
                table: "Reviews");

            migrationBuilder.DropIndex(
                name: "IX_Complaints_CurrentDueOn_CreatedAt",
                table: "Complaints");

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_Open_DueOn_Id_State",
                table: "Reviews",
                columns: new[] { "DueOn", "Id", "State" },
                filter: "\"State\" <> 'Completed'");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_Counts",
                table: "Complaints",
                columns: new[] { "Kind", "Subject", "CurrentStage", "Outcome", "CurrentDueOn", "SubjectWorkerUserId" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_List",
                table: "Complaints",
                columns: new[] { "CurrentDueOn", "CreatedAt", "Id", "SubjectWorkerUserId", "ChildId", "Kind", "Subject", "CurrentStage", "Outcome" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reviews_Open_DueOn_Id_State",
                table: "Reviews");

            migrationBuilder.DropIndex(
                name: "IX_Complaints_Counts",
                table: "Complaints");

            migrationBuilder.DropIndex(
                name: "IX_Complaints_List",
                table: "Complaints");

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_DueOn_Id_State",
                table: "Reviews",
                columns: new[] { "DueOn", "Id", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_CurrentDueOn_CreatedAt",
                table: "Complaints",
                columns: new[] { "CurrentDueOn", "CreatedAt" });
        }
    }
}
