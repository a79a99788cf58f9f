using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShortBreaks.Core.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class DirectPaymentAgreementsAndAccounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DirectPayments_PackageId",
                table: "DirectPayments");

            migrationBuilder.AlterColumn<string>(
                name: "RecipientUserId",
                table: "DirectPayments",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldMaxLength: 450,
                oldNullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "AgreedAt",
                table: "DirectPayments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AgreedByName",
                table: "DirectPayments",
                type: "character varying(320)",
                maxLength: 320,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AgreedOnBehalfMethod",
                table: "DirectPayments",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "AgreementLetterId",
                table: "DirectPayments",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AgreementRecordedByName",
                table: "DirectPayments",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BodyHtml",
                table: "DirectPayments",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "PlanId",
                table: "DirectPayments",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RateHistory",
                table: "DirectPayments",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "RecipientRelationship",
                table: "DirectPayments",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ConfirmationNote",
                table: "DirectPaymentAccounts",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConfirmedBy",
                table: "DirectPaymentAccounts",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConfirmedByName",
                table: "DirectPaymentAccounts",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConfirmedByUserId",
                table: "DirectPaymentAccounts",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_DirectPayments_PackageId",
                table: "DirectPayments",
                column: "PackageId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DirectPayments_PlanId",
                table: "DirectPayments",
                column: "PlanId",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_DirectPayments_SupportPlans_PlanId",
                table: "DirectPayments",
                column: "PlanId",
                principalTable: "SupportPlans",
                principalColumn: "Id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_DirectPayments_SupportPlans_PlanId",
                table: "DirectPayments");

            migrationBuilder.DropIndex(
                name: "IX_DirectPayments_PackageId",
                table: "DirectPayments");

            migrationBuilder.DropIndex(
                name: "IX_DirectPayments_PlanId",
                table: "DirectPayments");

            migrationBuilder.DropColumn(
                name: "AgreedAt",
                table: "DirectPayments");

            migrationBuilder.DropColumn(
                name: "AgreedByName",
                table: "DirectPayments");

            migrationBuilder.DropColumn(
                name: "AgreedOnBehalfMethod",
                table: "DirectPayments");

            migrationBuilder.DropColumn(
                name: "AgreementLetterId",
                table: "DirectPayments");

            migrationBuilder.DropColumn(
                name: "AgreementRecordedByName",
                table: "DirectPayments");

            migrationBuilder.DropColumn(
                name: "BodyHtml",
                table: "DirectPayments");

            migrationBuilder.DropColumn(
                name: "PlanId",
                table: "DirectPayments");

            migrationBuilder.DropColumn(
                name: "RateHistory",
                table: "DirectPayments");

            migrationBuilder.DropColumn(
                name: "RecipientRelationship",
                table: "DirectPayments");

            migrationBuilder.DropColumn(
                name: "ConfirmationNote",
                table: "DirectPaymentAccounts");

            migrationBuilder.DropColumn(
                name: "ConfirmedBy",
                table: "DirectPaymentAccounts");

            migrationBuilder.DropColumn(
                name: "ConfirmedByName",
                table: "DirectPaymentAccounts");

            migrationBuilder.DropColumn(
                name: "ConfirmedByUserId",
                table: "DirectPaymentAccounts");

            migrationBuilder.AlterColumn<Guid>(
                name: "RecipientUserId",
                table: "DirectPayments",
                type: "uuid",
                maxLength: 450,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(450)",
                oldMaxLength: 450,
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_DirectPayments_PackageId",
                table: "DirectPayments",
                column: "PackageId");
        }
    }
}
