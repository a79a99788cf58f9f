using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShortBreaks.Core.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ReviewDeciderAndFollowUp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DecidedByUserId",
                table: "Reviews",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "RasAssessmentId",
                table: "Reviews",
                type: "uuid",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DecidedByUserId",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "RasAssessmentId",
                table: "Reviews");
        }
    }
}
