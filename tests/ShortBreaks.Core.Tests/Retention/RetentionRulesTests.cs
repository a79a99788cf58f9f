using ShortBreaks.Core.Calendar;
using ShortBreaks.Core.Retention;
using ShortBreaks.Core.Schemes;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Core.Tests.Retention;

public sealed class RetentionRulesTests
{
    private static readonly RetentionSettings Defaults = RetentionSettings.Defaults;

    [Fact]
    public void CaseRecord_ClosedYoung_IsKeptUntilThe25thBirthday()
    {
        var (ends, rule) = RetentionRules.CaseRecord(new DateOnly(2010, 5, 10), new DateOnly(2020, 1, 1), Defaults);

        ends.ShouldBe(new DateOnly(2035, 5, 10));
        rule.ShouldStartWith("the 25th birthday");
    }

    [Fact]
    public void CaseRecord_ClosedAfter19_IsKeptSixYearsAfterClosure()
    {
        var (ends, rule) = RetentionRules.CaseRecord(new DateOnly(2000, 5, 10), new DateOnly(2020, 3, 1), Defaults);

        ends.ShouldBe(new DateOnly(2026, 3, 1));
        rule.ShouldStartWith("6 years after the case closed");
    }

    [Theory]
    [InlineData("2026-06-14", false)]
    [InlineData("2026-06-15", true)]
    public void CaseRecord_25thBirthdayOnTheSixthAnniversaryOfClosure_EndsThatDay(string today, bool past)
    {
        // Closed on the 19th birthday: both rules end on the same day.
        var (ends, _) = RetentionRules.CaseRecord(new DateOnly(2001, 6, 15), new DateOnly(2020, 6, 15), Defaults);

        ends.ShouldBe(new DateOnly(2026, 6, 15));
        RetentionRules.Past(ends, DateOnly.Parse(today)).ShouldBe(past);
    }

    [Theory]
    [InlineData("2026-06-16", "2026-06-16")] // closed a day after the 19th birthday: closure decides
    [InlineData("2026-06-14", "2026-06-15")] // closed a day before: the birthday decides
    public void CaseRecord_OneDayEitherSideOfTheBoundary_TakesTheLater(string closedSixYearsLater, string expected)
    {
        var closed = DateOnly.Parse(closedSixYearsLater).AddYears(-6);

        RetentionRules.CaseRecord(new DateOnly(2001, 6, 15), closed, Defaults).Ends.ShouldBe(DateOnly.Parse(expected));
    }

    [Fact]
    public void CaseRecord_LeapDayBirthday_In_A_CommonYear_EndsOnTheFirstOfMarch()
    {
        var (ends, _) = RetentionRules.CaseRecord(new DateOnly(2004, 2, 29), new DateOnly(2020, 1, 1), Defaults);

        ends.ShouldBe(new DateOnly(2029, 3, 1));
        RetentionRules.Past(ends, new DateOnly(2029, 2, 28)).ShouldBeFalse();
        RetentionRules.Past(ends, new DateOnly(2029, 3, 1)).ShouldBeTrue();
    }

    [Fact]
    public void CaseRecord_LeapDayBirthday_In_A_LeapYear_EndsOnTheDay()
    {
        RetentionRules.Birthday(new DateOnly(2004, 2, 29), 24).ShouldBe(new DateOnly(2028, 2, 29));
    }

    [Theory]
    [InlineData("2025-01-31", 12, "2026-01-31")]
    [InlineData("2025-01-31", 1, "2025-03-01")]
    [InlineData("2024-02-29", 12, "2025-03-01")]
    public void RefusedEvidence_IsKeptTheSchemesMonths_NeverEndingEarly(string decided, int months, string expected)
    {
        var settings = Defaults with { RefusedRequestEvidenceMonths = months };

        RetentionRules.RefusedEvidence(DateOnly.Parse(decided), settings).Ends.ShouldBe(DateOnly.Parse(expected));
    }

    [Fact]
    public void AuditMonth_EndsTheSchemesYearsAfterItsLastDay()
    {
        RetentionRules.AuditMonth(new DateOnly(2019, 11, 1), Defaults).Ends.ShouldBe(new DateOnly(2026, 12, 1));
        RetentionRules.OldestAuditMonthKept(new DateOnly(2026, 11, 30), Defaults).ShouldBe(new DateOnly(2019, 11, 1));
        RetentionRules.OldestAuditMonthKept(new DateOnly(2026, 12, 1), Defaults).ShouldBe(new DateOnly(2019, 12, 1));
    }

    [Fact]
    public void UkDate_JustAfterMidnightInSummer_IsTheNextDay()
    {
        UkCalendar.DateOf(new DateTime(2026, 7, 1, 23, 30, 0, DateTimeKind.Utc)).ShouldBe(new DateOnly(2026, 7, 2));
        UkCalendar.DateOf(new DateTime(2026, 12, 1, 23, 30, 0, DateTimeKind.Utc)).ShouldBe(new DateOnly(2026, 12, 1));
    }

    [Fact]
    public void RefusedOutcomes_AreSignpostingOnly()
    {
        RetentionRules.RefusedOutcomes.ShouldBe([Core.Requests.DecisionOutcome.Universal]);
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(28, true)]
    public void ScanDue_OnOrAfterTheSchemesDay(int day, bool dueOnThe28th)
    {
        RetentionRules.ScanDue(new DateOnly(2026, 12, 28), Defaults with { ScanDayOfMonth = day }).ShouldBe(dueOnThe28th);
        RetentionRules.ScanDue(new DateOnly(2026, 12, 27), Defaults with { ScanDayOfMonth = 28 }).ShouldBeFalse();
    }

    [Fact]
    public void SchemeWithoutRetention_UsesTheDefaults()
    {
        var scheme = ShippedSchemes.Scheme2026_1;

        scheme.Retention.ShouldBeNull();
        scheme.RetentionPeriods.ShouldBe(RetentionSettings.Defaults);
        (scheme.RetentionPeriods.CaseRecordUntilAgeYears, scheme.RetentionPeriods.CaseRecordYearsAfterClosure, scheme.RetentionPeriods.RefusedRequestEvidenceMonths,
            scheme.RetentionPeriods.AuditYears, scheme.RetentionPeriods.ScanDayOfMonth).ShouldBe((25, 6, 12, 7, 1));
    }

    [Fact]
    public void Validator_AcceptsTheDefaultsWrittenOut()
    {
        SchemeValidator.Validate(ShippedSchemes.Scheme2026_1 with { Retention = new RetentionSettings() }).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("caseRecordUntilAgeYears", "retention.caseRecordUntilAgeYears must be between ages.maximumAgeYearsExclusive (18) and 100.")]
    [InlineData("caseRecordYearsAfterClosure", "retention.caseRecordYearsAfterClosure must be between 1 and 100.")]
    [InlineData("refusedRequestEvidenceMonths", "retention.refusedRequestEvidenceMonths must be between 1 and 120.")]
    [InlineData("auditYears", "retention.auditYears must be between 1 and 100.")]
    [InlineData("scanDayOfMonth", "retention.scanDayOfMonth must be between 1 and 28, so that every month has it.")]
    public void Validator_RefusesAPeriodOfZero(string field, string error)
    {
        var bad = field switch
        {
            "caseRecordUntilAgeYears" => new RetentionSettings { CaseRecordUntilAgeYears = 0 },
            "caseRecordYearsAfterClosure" => new RetentionSettings { CaseRecordYearsAfterClosure = 0 },
            "refusedRequestEvidenceMonths" => new RetentionSettings { RefusedRequestEvidenceMonths = 0 },
            "auditYears" => new RetentionSettings { AuditYears = 0 },
            _ => new RetentionSettings { ScanDayOfMonth = 0 },
        };

        SchemeValidator.Validate(ShippedSchemes.Scheme2026_1 with { Retention = bad }).ShouldBe([error]);
    }

    [Fact]
    public void Validator_RefusesAScanDayNotEveryMonthHas()
    {
        SchemeValidator.Validate(ShippedSchemes.Scheme2026_1 with { Retention = new RetentionSettings { ScanDayOfMonth = 31 } })
            .ShouldBe(["retention.scanDayOfMonth must be between 1 and 28, so that every month has it."]);
    }

    [Fact]
    public void Catalog_ReadsARetentionSection()
    {
        var json = File.ReadAllText(Path.Combine(ShippedSchemes.Folder, "short-breaks-2026.1.json"));
        var withRetention = json.TrimEnd().TrimEnd('}') + ", \"retention\": { \"caseRecordYearsAfterClosure\": 8, \"auditYears\": 10 } }";

        var (scheme, errors) = SchemeCatalog.Parse(withRetention);

        errors.ShouldBeEmpty();
        scheme!.RetentionPeriods.CaseRecordYearsAfterClosure.ShouldBe(8);
        scheme.RetentionPeriods.AuditYears.ShouldBe(10);
        scheme.RetentionPeriods.RefusedRequestEvidenceMonths.ShouldBe(12);
    }
}
