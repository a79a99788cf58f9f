using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShortBreaks.Core.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class DirectPaymentsAndPaymentRuns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DirectPayments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PlanVersionId = table.Column<Guid>(type: "uuid", nullable: true),
                    PackageId = table.Column<Guid>(type: "uuid", nullable: true),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RecipientUserId = table.Column<Guid>(type: "uuid", maxLength: 450, nullable: true),
                    RecipientName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AnnualAmount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SchemeVersion = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    CreatedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectPayments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DirectPayments_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DirectPayments_Packages_PackageId",
                        column: x => x.PackageId,
                        principalTable: "Packages",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "PaymentRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PayOn = table.Column<DateOnly>(type: "date", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ItemCount = table.Column<int>(type: "integer", nullable: false),
                    Total = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    PreparedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PreparedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    PreparedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ApprovedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ApprovedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ApprovedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PaidAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CancelledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CancelledByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaymentRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProviderInvoices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ProviderReference = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Total = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SubmittedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    SubmittedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecidedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    DecidedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    RejectedReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    PaymentRunId = table.Column<Guid>(type: "uuid", nullable: true),
                    PaidAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProviderInvoices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProviderInvoices_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DirectPaymentAccounts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DirectPaymentId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AccountName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SortCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    AccountNumber = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    CardAccountReference = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    CreatedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ConfirmedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReplacedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectPaymentAccounts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DirectPaymentAccounts_DirectPayments_DirectPaymentId",
                        column: x => x.DirectPaymentId,
                        principalTable: "DirectPayments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DirectPaymentInstalments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DirectPaymentId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    CoversFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    CoversTo = table.Column<DateOnly>(type: "date", nullable: true),
                    YearStart = table.Column<DateOnly>(type: "date", nullable: true),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PaymentRunId = table.Column<Guid>(type: "uuid", nullable: true),
                    PaidAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectPaymentInstalments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DirectPaymentInstalments_DirectPayments_DirectPaymentId",
                        column: x => x.DirectPaymentId,
                        principalTable: "DirectPayments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PaymentRunItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PaymentRunId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    SourceId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: true),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordReference = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PaymentReference = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    PayeeName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: true),
                    Amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    BudgetHead = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PaidAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaymentRunItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PaymentRunItems_PaymentRuns_PaymentRunId",
                        column: x => x.PaymentRunId,
                        principalTable: "PaymentRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProviderInvoiceLines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InvoiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    PackageId = table.Column<Guid>(type: "uuid", nullable: false),
                    PackageLineId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    Unit = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Quantity = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    UnitPrice = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProviderInvoiceLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProviderInvoiceLines_Packages_PackageId",
                        column: x => x.PackageId,
                        principalTable: "Packages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProviderInvoiceLines_ProviderInvoices_InvoiceId",
                        column: x => x.InvoiceId,
                        principalTable: "ProviderInvoices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DirectPaymentAccounts_ChildId",
                table: "DirectPaymentAccounts",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_DirectPaymentAccounts_DirectPaymentId_CreatedAt",
                table: "DirectPaymentAccounts",
                columns: new[] { "DirectPaymentId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DirectPaymentInstalments_ChildId",
                table: "DirectPaymentInstalments",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_DirectPaymentInstalments_DirectPaymentId_DueOn",
                table: "DirectPaymentInstalments",
                columns: new[] { "DirectPaymentId", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_DirectPaymentInstalments_PaymentRunId",
                table: "DirectPaymentInstalments",
                column: "PaymentRunId");

            migrationBuilder.CreateIndex(
                name: "IX_DirectPaymentInstalments_State_DueOn",
                table: "DirectPaymentInstalments",
                columns: new[] { "State", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_DirectPayments_ChildId_State",
                table: "DirectPayments",
                columns: new[] { "ChildId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_DirectPayments_PackageId",
                table: "DirectPayments",
                column: "PackageId");

            migrationBuilder.CreateIndex(
                name: "IX_DirectPayments_PlanVersionId",
                table: "DirectPayments",
                column: "PlanVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_DirectPayments_Reference",
                table: "DirectPayments",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PaymentRunItems_ChildId",
                table: "PaymentRunItems",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_PaymentRunItems_OrganisationId",
                table: "PaymentRunItems",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_PaymentRunItems_PaymentReference",
                table: "PaymentRunItems",
                column: "PaymentReference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PaymentRunItems_PaymentRunId_Kind",
                table: "PaymentRunItems",
                columns: new[] { "PaymentRunId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_PaymentRunItems_SourceId",
                table: "PaymentRunItems",
                column: "SourceId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PaymentRuns_Reference",
                table: "PaymentRuns",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PaymentRuns_State_PayOn",
                table: "PaymentRuns",
                columns: new[] { "State", "PayOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ProviderInvoiceLines_ChildId",
                table: "ProviderInvoiceLines",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_ProviderInvoiceLines_InvoiceId",
                table: "ProviderInvoiceLines",
                column: "InvoiceId");

            migrationBuilder.CreateIndex(
                name: "IX_ProviderInvoiceLines_PackageId",
                table: "ProviderInvoiceLines",
                column: "PackageId");

            migrationBuilder.CreateIndex(
                name: "IX_ProviderInvoiceLines_PackageLineId",
                table: "ProviderInvoiceLines",
                column: "PackageLineId");

            migrationBuilder.CreateIndex(
                name: "IX_ProviderInvoices_OrganisationId_Month",
                table: "ProviderInvoices",
                columns: new[] { "OrganisationId", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_ProviderInvoices_PaymentRunId",
                table: "ProviderInvoices",
                column: "PaymentRunId");

            migrationBuilder.CreateIndex(
                name: "IX_ProviderInvoices_Reference",
                table: "ProviderInvoices",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProviderInvoices_State_Month",
                table: "ProviderInvoices",
                columns: new[] { "State", "Month" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DirectPaymentAccounts");

            migrationBuilder.DropTable(
                name: "DirectPaymentInstalments");

            migrationBuilder.DropTable(
                name: "PaymentRunItems");

            migrationBuilder.DropTable(
                name: "ProviderInvoiceLines");

            migrationBuilder.DropTable(
                name: "DirectPayments");

            migrationBuilder.DropTable(
                name: "PaymentRuns");

            migrationBuilder.DropTable(
                name: "ProviderInvoices");
        }
    }
}
