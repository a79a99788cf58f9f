using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShortBreaks.Core.Data.Migrations.PostgreSql
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
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FamilyFinishedByName",
                table: "RasAssessments",
                type: "character varying(200)",
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
