using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShortBreaks.Core.Data.Migrations.Sqlite
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

            migrationBuilder.CreateTable(
                name: "AccountAudits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DirectPaymentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuditedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodTo = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Checked = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    BalanceFound = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Findings = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AuditedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    AuditedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DirectPaymentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    FirstDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LastDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LinesAdded = table.Column<int>(type: "INTEGER", nullable: false),
                    LinesAlreadyImported = table.Column<int>(type: "INTEGER", nullable: false),
                    ClosingBalance = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ImportedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ImportedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DirectPaymentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PeriodFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodTo = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Spent = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    BalanceHeld = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmittedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    SubmittedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DirectPaymentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OnEnding = table.Column<bool>(type: "INTEGER", nullable: false),
                    BalanceHeld = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    Contingency = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ReducedFromPayments = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    InvoiceAmount = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    Reasons = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    LetterDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DisputeBy = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LetterId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    WithdrawnReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DateColumn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DescriptionColumn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AmountInColumn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AmountOutColumn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    BalanceColumn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DateFormat = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    UpdatedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatementColumnMappings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StatementLines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StatementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DirectPaymentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Row = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    AmountIn = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    AmountOut = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    Balance = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    Fingerprint = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    OutsidePlan = table.Column<bool>(type: "INTEGER", nullable: false),
                    OutsidePlanReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    MayNotBuyId = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    MarkedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    MarkedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReturnId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    KindId = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecoupmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstalmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AmountBefore = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    AmountAfter = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
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

            migrationBuilder.CreateIndex(
                name: "IX_DirectPayments_PackageId",
                table: "DirectPayments",
                column: "PackageId");
        }
    }
}
