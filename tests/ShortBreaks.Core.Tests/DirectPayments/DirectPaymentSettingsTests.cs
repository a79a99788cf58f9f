using System.Text.Json;
using System.Text.Json.Nodes;
using ShortBreaks.Core.DirectPayments;
using ShortBreaks.Core.Schemes;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Core.Tests.DirectPayments;

public sealed class DirectPaymentSettingsTests
{
    private static readonly Scheme Shipped = ShippedSchemes.Scheme2026_1;

    private static IReadOnlyList<string> Errors(DirectPaymentSettings settings) => SchemeValidator.Validate(Shipped with { DirectPayments = settings });

    private static JsonNode ShippedJson() => JsonNode.Parse(File.ReadAllText(Path.Combine(ShippedSchemes.Folder, "short-breaks-2026.1.json")))!;

    [Fact]
    public void AVersionWithoutTheSection_UsesTheDefaults_AndKeepsItsFingerprint()
    {
        Shipped.DirectPayments.ShouldBeNull();
        Shipped.DirectPaymentRules.ShouldBeSameAs(DirectPaymentSettings.Defaults);
        JsonSerializer.Serialize(Shipped, SchemeCatalog.JsonOptions).ShouldNotContain("\"directPayments\"");
        SchemeCatalog.Parse(ShippedJson().ToJsonString()).Scheme!.ContentHash.ShouldBe(Shipped.ContentHash);
    }

    [Fact]
    public void TheDefaults_AreValid_AndFollowTheSeeds()
    {
        Errors(DirectPaymentSettings.Defaults).ShouldBeEmpty();
        var d = DirectPaymentSettings.Defaults;
        d.Schedule.ShouldBe(new ScheduleSettings(PaymentFrequency.FourWeekly, PaymentTiming.InAdvance, PaymentRounding.LastPaymentTakesRemainder));
        d.MonitoringReturnMonths.ShouldBe(6);
        d.SurplusThresholdWeeks.ShouldBe(8);
        d.AuditIntervalMonths.ShouldBe(12);
        d.RecoveryMethod.ShouldBe(RecoveryMethod.ReduceFuturePayments);
        d.Agreement.MayNotBuy.Select(i => i.Id).ShouldBe(["school-place", "residential-placement", "post-16-institution"]);
        d.HeadFor(SpendingKind.DirectPayment).Code.ShouldBe("SB-DP");
        d.HeadFor(SpendingKind.CommissionedServiceInvoice).Code.ShouldBe("SB-COMM");
        d.HeadFor(SpendingKind.OneOffPayment).Code.ShouldBe("SB-ONEOFF");
        d.HeadFor(SpendingKind.Recoupment).Code.ShouldBe("SB-DP");
        d.PaymentFile.Columns.Select(c => c.Field).ShouldContain(nameof(PaymentFileField.SortCode));
    }

    [Fact]
    public void ASchemeFileWithTheSection_ReadsIt_KeepsTheDefaultsForWhatItLeavesOut_AndValidatesIt()
    {
        var node = ShippedJson();
        node["directPayments"] = JsonNode.Parse("""
            {
              "frequency": "Monthly", "rounding": "FirstPaymentTakesRemainder", "recovery": "Invoice",
              "budgetHeads": [ { "code": "C1234/DP", "name": "Direct payments" }, { "code": "C1234/PR", "name": "Providers" } ],
              "spendingHeads": { "directPayment": "C1234/DP", "commissionedServiceInvoice": "C1234/PR", "oneOffPayment": "C1234/DP", "recoupment": "C1234/DP" },
              "paymentFile": { "columns": [ { "header": "Ref", "field": "PaymentReference" }, { "header": "Date", "field": "PaymentDate" },
                { "header": "Sort", "field": "SortCode" }, { "header": "Account", "field": "AccountNumber" }, { "header": "Pence", "field": "AmountPence" } ],
                "dateFormat": "yyyyMMdd" }
            }
            """);

        var (scheme, errors) = SchemeCatalog.Parse(node.ToJsonString());

        errors.ShouldBeEmpty();
        var rules = scheme!.DirectPaymentRules;
        rules.Schedule.ShouldBe(new ScheduleSettings(PaymentFrequency.Monthly, PaymentTiming.InAdvance, PaymentRounding.FirstPaymentTakesRemainder));
        rules.RecoveryMethod.ShouldBe(RecoveryMethod.Invoice);
        rules.HeadFor(SpendingKind.CommissionedServiceInvoice).Name.ShouldBe("Providers");
        rules.PaymentFile.HeaderRow.ShouldBeTrue();
        rules.SurplusThresholdWeeks.ShouldBe(8);
        rules.Agreement.MayNotBuy.Count.ShouldBe(3);
        scheme.ContentHash.ShouldNotBe(Shipped.ContentHash);

        node["directPayments"]!["frequency"] = "Daily";
        SchemeCatalog.Parse(node.ToJsonString()).Errors
            .ShouldBe(["directPayments.frequency must be one of Weekly, Fortnightly, FourWeekly, Monthly, Quarterly, not 'Daily'."]);
    }

    [Fact]
    public void AnUnknownSettingInTheSection_IsRefusedByName()
    {
        var node = ShippedJson();
        node["directPayments"] = JsonNode.Parse("""{ "surplusWeeks": 6 }""");

        var errors = SchemeCatalog.Parse(node.ToJsonString()).Errors;

        errors.Count.ShouldBe(1);
        errors[0].ShouldContain("surplusWeeks");
    }

    [Fact]
    public void BadFigures_AreEachNamed()
    {
        var errors = Errors(DirectPaymentSettings.Defaults with
        {
            Frequency = "2",
            Timing = "inAdvance",
            Rounding = "",
            Recovery = "Bailiffs",
            MonitoringReturnMonths = 0,
            SurplusThresholdWeeks = 53,
            ContingencyWeeks = 54,
            RecoveryDisputeDays = 7,
            AuditIntervalMonths = 37,
            Agreement = new DirectPaymentAgreementSettings { RecordsKeptYears = 0, EndNoticeDays = -1 },
            PrepaidCard = new PrepaidCardSettings { ReferenceMinimumLength = 5, ReferenceMaximumLength = 31 },
        });

        errors.ShouldBe(
        [
            "directPayments.frequency must be one of Weekly, Fortnightly, FourWeekly, Monthly, Quarterly, not '2'.",
            "directPayments.timing must be one of InAdvance, InArrears, not 'inAdvance'.",
            "directPayments.rounding must be one of LastPaymentTakesRemainder, FirstPaymentTakesRemainder, not ''.",
            "directPayments.recovery must be one of ReduceFuturePayments, Invoice, not 'Bailiffs'.",
            "directPayments.monitoringReturnMonths must be between 1 and 12.",
            "directPayments.surplusThresholdWeeks must be between 1 and 52.",
            "directPayments.contingencyWeeks must be between 0 and directPayments.surplusThresholdWeeks, so that an account flagged as holding a surplus has something to recover.",
            "directPayments.recoveryDisputeDays must be between 14 and 90.",
            "directPayments.auditIntervalMonths must be between 1 and 36.",
            "directPayments.agreement.recordsKeptYears must be between 1 and 10.",
            "directPayments.agreement.endNoticeDays must be between 0 and 365.",
            "directPayments.prepaidCard.referenceMinimumLength must be between 6 and 30.",
            "directPayments.prepaidCard.referenceMaximumLength must be between directPayments.prepaidCard.referenceMinimumLength and 30.",
        ]);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(8, true)]
    [InlineData(9, false)]
    public void TheContingency_MayNotBeMoreThanTheSurplusThreshold(int contingencyWeeks, bool valid) =>
        Errors(DirectPaymentSettings.Defaults with { ContingencyWeeks = contingencyWeeks }).Count.ShouldBe(valid ? 0 : 1);

    [Fact]
    public void TheAgreementsLists_NeedEntries_UniqueIds_AndWording()
    {
        var errors = Errors(DirectPaymentSettings.Defaults with
        {
            Agreement = new DirectPaymentAgreementSettings
            {
                MayNotBuy = [new("school-place", "A school place"), new("school-place", " "), null!, new("Post 16", "College")],
                RecordsToKeep = [],
            },
        });

        errors.ShouldBe(
        [
            "directPayments.agreement.mayNotBuy: entry 3 is empty (null): remove it or fill it in.",
            "directPayments.agreement.mayNotBuy: id 'school-place' is used more than once.",
            "directPayments.agreement.mayNotBuy 'school-place': text is required.",
            "directPayments.agreement.mayNotBuy: id 'Post 16' must be lower-case letters, digits and hyphens.",
            "directPayments.agreement.recordsToKeep must list at least one entry: the records a family keeps.",
        ]);
        Errors(DirectPaymentSettings.Defaults with { Agreement = null! }).ShouldBe(["directPayments.agreement is required: it is empty (null)."]);
        Errors(DirectPaymentSettings.Defaults with { PrepaidCard = null! }).ShouldBe(["directPayments.prepaidCard is required: it is empty (null)."]);
    }

    [Fact]
    public void BudgetHeads_NeedUniqueCodesOfTheFinanceSystemsForm_AndEveryKindOfSpendingMapsToOne()
    {
        var errors = Errors(DirectPaymentSettings.Defaults with
        {
            BudgetHeads = [new("SB-DP", "Direct payments"), new("SB-DP", "Again"), new("SB COMM", ""), new("SB-ONEOFF", "One-off")],
            SpendingHeads = new SpendingHeads { CommissionedServiceInvoice = "SB-COMM", Recoupment = null! },
        });

        errors.ShouldBe(
        [
            "directPayments.budgetHeads: code 'SB-DP' is used more than once.",
            "directPayments.budgetHeads: code 'SB COMM' must be 1 to 20 letters, digits, hyphens, full stops or forward slashes.",
            "directPayments.budgetHeads 'SB COMM': name is required.",
            "directPayments.spendingHeads.commissionedServiceInvoice: 'SB-COMM' is not a code of directPayments.budgetHeads.",
            "directPayments.spendingHeads.recoupment: '' is not a code of directPayments.budgetHeads.",
        ]);
        Errors(DirectPaymentSettings.Defaults with { BudgetHeads = [] }).ShouldContain("directPayments.budgetHeads must list at least one budget head.");
        Errors(DirectPaymentSettings.Defaults with { SpendingHeads = null! }).ShouldBe(["directPayments.spendingHeads is required: it is empty (null)."]);
    }

    [Fact]
    public void ThePaymentFile_NeedsKnownFieldsOnce_UniqueHeaders_TheColumnsAPaymentNeeds_AndADateFormatOfTheList()
    {
        var errors = Errors(DirectPaymentSettings.Defaults with
        {
            PaymentFile = new PaymentFileLayout
            {
                Columns = [new("Ref", "PaymentReference"), new("ref", "PaymentDate"), new("", "SortCode"), new("Child", "ChildName"), new("Again", "SortCode")],
                DateFormat = "MM/dd/yyyy",
            },
        });

        errors.ShouldBe(
        [
            "directPayments.paymentFile.columns: header 'Ref' is used more than once.",
            "directPayments.paymentFile.columns: column 3 needs a header.",
            "directPayments.paymentFile.columns 'Child': field 'ChildName' must be one of PaymentReference, PaymentDate, PayeeName, SortCode, AccountNumber, CardAccountReference, Amount, AmountPence, BudgetHead, Kind, RunReference, RecordReference.",
            "directPayments.paymentFile.columns: field 'SortCode' is used more than once.",
            "directPayments.paymentFile.columns must include AccountNumber, Amount or AmountPence: a payment cannot be made or matched back without them.",
            "directPayments.paymentFile.dateFormat must be one of dd/MM/yyyy, yyyy-MM-dd, dd-MM-yyyy, ddMMyyyy, yyyyMMdd.",
        ]);
        Errors(DirectPaymentSettings.Defaults with { PaymentFile = new PaymentFileLayout { Columns = [] } })
            .ShouldBe(["directPayments.paymentFile.columns must list at least one column."]);
        Errors(DirectPaymentSettings.Defaults with { PaymentFile = null! }).ShouldBe(["directPayments.paymentFile is required: it is empty (null)."]);
    }
}
