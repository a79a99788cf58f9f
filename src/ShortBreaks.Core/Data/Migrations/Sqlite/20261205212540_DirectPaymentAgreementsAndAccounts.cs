using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShortBreaks.Core.Data.Migrations.Sqlite
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

            migrationBuilder.AddColumn<DateTime>(
                name: "AgreedAt",
                table: "DirectPayments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AgreedByName",
                table: "DirectPayments",
                type: "TEXT",
                maxLength: 320,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AgreedOnBehalfMethod",
                table: "DirectPayments",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "AgreementLetterId",
                table: "DirectPayments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AgreementRecordedByName",
                table: "DirectPayments",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BodyHtml",
                table: "DirectPayments",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "PlanId",
                table: "DirectPayments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RateHistory",
                table: "DirectPayments",
                type: "TEXT",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "RecipientRelationship",
                table: "DirectPayments",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ConfirmationNote",
                table: "DirectPaymentAccounts",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConfirmedBy",
                table: "DirectPaymentAccounts",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConfirmedByName",
                table: "DirectPaymentAccounts",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConfirmedByUserId",
                table: "DirectPaymentAccounts",
                type: "TEXT",
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

            migrationBuilder.CreateIndex(
                name: "IX_DirectPayments_PackageId",
                table: "DirectPayments",
                column: "PackageId");
        }
    }
}
