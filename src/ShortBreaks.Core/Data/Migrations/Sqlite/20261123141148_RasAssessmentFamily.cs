using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShortBreaks.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RasAssessmentFamily : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "FamilyFinishedAt",
                table: "RasAssessments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FamilyFinishedByName",
                table: "RasAssessments",
                type: "TEXT",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FamilyFinishedAt",
                table: "RasAssessments");

            migrationBuilder.DropColumn(
                name: "FamilyFinishedByName",
                table: "RasAssessments");
        }
    }
}
