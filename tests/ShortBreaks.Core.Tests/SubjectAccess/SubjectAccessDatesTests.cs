using ShortBreaks.Core.Schemes;
using ShortBreaks.Core.SubjectAccess;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Core.Tests.SubjectAccess;

public sealed class SubjectAccessDatesTests
{
    [Theory]
    [InlineData("2026-03-03", "2026-04-03")]
    [InlineData("2026-01-31", "2026-02-28")]
    [InlineData("2028-01-31", "2028-02-29")]
    [InlineData("2026-01-29", "2026-02-28")]
    [InlineData("2026-08-31", "2026-09-30")]
    [InlineData("2026-12-15", "2027-01-15")]
    public void ARequest_IsDueOneCalendarMonthLater_OnTheLastDayWhenTheNextMonthIsShorter(string received, string due) =>
        SubjectAccessDates.DueOn(DateOnly.Parse(received), SubjectAccessSettings.Defaults).ShouldBe(DateOnly.Parse(due));

    [Fact]
    public void ASchemeMayGiveMoreMonths() =>
        SubjectAccessDates.DueOn(new DateOnly(2026, 11, 30), new SubjectAccessSettings { ResponseMonths = 3 }).ShouldBe(new DateOnly(2027, 2, 28));

    [Fact]
    public void ARequest_IsOverdueFromTheUkDayAfterItsDueDay_EvenJustAfterMidnightInSummer()
    {
        var due = new DateOnly(2026, 6, 10);

        // 23:30 UTC on 10 June is 00:30 on 11 June in the UK (British Summer Time).
        SubjectAccessDates.IsOverdue(due, new DateTime(2026, 6, 10, 22, 59, 0, DateTimeKind.Utc)).ShouldBeFalse();
        SubjectAccessDates.IsOverdue(due, new DateTime(2026, 6, 10, 23, 30, 0, DateTimeKind.Utc)).ShouldBeTrue();
    }

    [Fact]
    public void TheShippedSchemes_HaveNoSubjectAccessSection_SoTheyUseOneMonthAndKeepTheirFingerprints()
    {
        var scheme = ShippedSchemes.Scheme2026_1;

        scheme.SubjectAccess.ShouldBeNull();
        scheme.SubjectAccessRules.ResponseMonths.ShouldBe(1);
        System.Text.Json.JsonSerializer.Serialize(scheme).ShouldNotContain("subjectAccess", Case.Insensitive);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void ASchemeWithAResponsePeriodOutsideOneToThreeMonths_IsRefused(int months)
    {
        var scheme = ShippedSchemes.Scheme2026_1 with { SubjectAccess = new SubjectAccessSettings { ResponseMonths = months } };

        SchemeValidator.Validate(scheme).ShouldContain("subjectAccess.responseMonths must be between 1 and 3.");
    }
}
