using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShortBreaks.Core.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class DirectPaymentAgreementsAndMonitoring : Migration
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

            migrationBuilder.CreateTable(
                name: "AccountAudits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DirectPaymentId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuditedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodTo = table.Column<DateOnly>(type: "date", nullable: false),
                    Checked = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    BalanceFound = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Findings = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AuditedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    AuditedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccountAudits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AccountAudits_DirectPayments_DirectPaymentId",
                        column: x => x.DirectPaymentId,
                        principalTable: "DirectPayments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DirectPaymentStatements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DirectPaymentId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    Source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    FileName = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    FirstDate = table.Column<DateOnly>(type: "date", nullable: false),
                    LastDate = table.Column<DateOnly>(type: "date", nullable: false),
                    LinesAdded = table.Column<int>(type: "integer", nullable: false),
                    LinesAlreadyImported = table.Column<int>(type: "integer", nullable: false),
                    ClosingBalance = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ImportedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ImportedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectPaymentStatements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DirectPaymentStatements_DirectPayments_DirectPaymentId",
                        column: x => x.DirectPaymentId,
                        principalTable: "DirectPayments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MonitoringReturns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DirectPaymentId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    PeriodFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodTo = table.Column<DateOnly>(type: "date", nullable: false),
                    Spent = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    BalanceHeld = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    Notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SubmittedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    SubmittedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonitoringReturns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MonitoringReturns_DirectPayments_DirectPaymentId",
                        column: x => x.DirectPaymentId,
                        principalTable: "DirectPayments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Recoupments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DirectPaymentId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OnEnding = table.Column<bool>(type: "boolean", nullable: false),
                    BalanceHeld = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    Contingency = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    Method = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    ReducedFromPayments = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    InvoiceAmount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    Reasons = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    LetterDate = table.Column<DateOnly>(type: "date", nullable: false),
                    DisputeBy = table.Column<DateOnly>(type: "date", nullable: false),
                    LetterId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    CreatedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    WithdrawnReason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Recoupments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Recoupments_DirectPayments_DirectPaymentId",
                        column: x => x.DirectPaymentId,
                        principalTable: "DirectPayments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StatementColumnMappings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DateColumn = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DescriptionColumn = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AmountInColumn = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AmountOutColumn = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    BalanceColumn = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DateFormat = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    UpdatedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatementColumnMappings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StatementLines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StatementId = table.Column<Guid>(type: "uuid", nullable: false),
                    DirectPaymentId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    Row = table.Column<int>(type: "integer", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Description = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    AmountIn = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    AmountOut = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    Balance = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    Fingerprint = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    OutsidePlan = table.Column<bool>(type: "boolean", nullable: false),
                    OutsidePlanReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    MayNotBuyId = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    MarkedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    MarkedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatementLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StatementLines_DirectPaymentStatements_StatementId",
                        column: x => x.StatementId,
                        principalTable: "DirectPaymentStatements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MonitoringReturnEvidence",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReturnId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    KindId = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonitoringReturnEvidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MonitoringReturnEvidence_MonitoringReturns_ReturnId",
                        column: x => x.ReturnId,
                        principalTable: "MonitoringReturns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RecoupmentDeductions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RecoupmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    InstalmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AmountBefore = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    AmountAfter = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecoupmentDeductions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RecoupmentDeductions_DirectPaymentInstalments_InstalmentId",
                        column: x => x.InstalmentId,
                        principalTable: "DirectPaymentInstalments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RecoupmentDeductions_Recoupments_RecoupmentId",
                        column: x => x.RecoupmentId,
                        principalTable: "Recoupments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

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

            migrationBuilder.CreateIndex(
                name: "IX_AccountAudits_ChildId",
                table: "AccountAudits",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_AccountAudits_DirectPaymentId_AuditedOn",
                table: "AccountAudits",
                columns: new[] { "DirectPaymentId", "AuditedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_DirectPaymentStatements_ChildId",
                table: "DirectPaymentStatements",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_DirectPaymentStatements_DirectPaymentId_ImportedAt",
                table: "DirectPaymentStatements",
                columns: new[] { "DirectPaymentId", "ImportedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringReturnEvidence_ChildId",
                table: "MonitoringReturnEvidence",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringReturnEvidence_ReturnId",
                table: "MonitoringReturnEvidence",
                column: "ReturnId");

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringReturns_ChildId",
                table: "MonitoringReturns",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringReturns_DirectPaymentId_PeriodFrom",
                table: "MonitoringReturns",
                columns: new[] { "DirectPaymentId", "PeriodFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RecoupmentDeductions_ChildId",
                table: "RecoupmentDeductions",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_RecoupmentDeductions_InstalmentId",
                table: "RecoupmentDeductions",
                column: "InstalmentId");

            migrationBuilder.CreateIndex(
                name: "IX_RecoupmentDeductions_RecoupmentId",
                table: "RecoupmentDeductions",
                column: "RecoupmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Recoupments_ChildId",
                table: "Recoupments",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_Recoupments_DirectPaymentId_CreatedAt",
                table: "Recoupments",
                columns: new[] { "DirectPaymentId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_StatementColumnMappings_Source",
                table: "StatementColumnMappings",
                column: "Source",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StatementLines_ChildId",
                table: "StatementLines",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_StatementLines_DirectPaymentId_Date",
                table: "StatementLines",
                columns: new[] { "DirectPaymentId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_StatementLines_DirectPaymentId_Fingerprint",
                table: "StatementLines",
                columns: new[] { "DirectPaymentId", "Fingerprint" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StatementLines_StatementId",
                table: "StatementLines",
                column: "StatementId");

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

            migrationBuilder.DropTable(
                name: "AccountAudits");

            migrationBuilder.DropTable(
                name: "MonitoringReturnEvidence");

            migrationBuilder.DropTable(
                name: "RecoupmentDeductions");

            migrationBuilder.DropTable(
                name: "StatementColumnMappings");

            migrationBuilder.DropTable(
                name: "StatementLines");

            migrationBuilder.DropTable(
                name: "MonitoringReturns");

            migrationBuilder.DropTable(
                name: "Recoupments");

            migrationBuilder.DropTable(
                name: "DirectPaymentStatements");

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
