using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShortBreaks.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SocialCareReferralsPassedOn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<Guid>(
                name: "RequestId",
                table: "Referrals",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AddColumn<DateTime>(
                name: "PassedOnAt",
                table: "Referrals",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PassedOnByName",
                table: "Referrals",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PassedOnByUserId",
                table: "Referrals",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PassedOnHow",
                table: "Referrals",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_Kind_PassedOnAt",
                table: "Referrals",
                columns: new[] { "Kind", "PassedOnAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Referrals_Kind_PassedOnAt",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "PassedOnAt",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "PassedOnByName",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "PassedOnByUserId",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "PassedOnHow",
                table: "Referrals");

            migrationBuilder.AlterColumn<Guid>(
                name: "RequestId",
                table: "Referrals",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);
        }
    }
}
