using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using ShortBreaks.Core.Calendar;

namespace ShortBreaks.Core.Tests.Calendar;

/// <summary>The council's days are London's: the UTC date is a day behind for the first hour of every summer day.</summary>
public sealed class UkCalendarTests
{
    [Theory]
    [InlineData("2026-08-14T23:30:00Z", "2026-08-15")] // half past midnight, British Summer Time
    [InlineData("2026-08-14T22:59:59Z", "2026-08-14")]
    [InlineData("2026-12-31T23:30:00Z", "2026-12-31")] // winter: London is on UTC
    [InlineData("2026-03-29T00:30:00Z", "2026-03-29")] // clocks go forward at 01:00 UTC on 29 March 2026
    [InlineData("2026-03-28T23:30:00Z", "2026-03-28")]
    [InlineData("2026-10-24T23:30:00Z", "2026-10-25")] // the last night of summer time
    [InlineData("2026-10-25T23:30:00Z", "2026-10-25")] // back to GMT
    public void TheDayOfAMoment_IsTheDayInLondon(string instant, string day)
    {
        var utc = DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture).UtcDateTime;

        UkCalendar.DateOf(utc).ShouldBe(DateOnly.Parse(day, CultureInfo.InvariantCulture));
        UkCalendar.Today(new FakeTimeProvider(new DateTimeOffset(utc))).ShouldBe(DateOnly.Parse(day, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void ADayStarts_AtMidnightInLondon()
    {
        UkCalendar.DayStartUtc(new DateOnly(2026, 8, 15)).ShouldBe(new DateTime(2026, 8, 14, 23, 0, 0, DateTimeKind.Utc));
        UkCalendar.DayStartUtc(new DateOnly(2026, 12, 15)).ShouldBe(new DateTime(2026, 12, 15, 0, 0, 0, DateTimeKind.Utc));
        UkCalendar.DateOf(UkCalendar.DayStartUtc(new DateOnly(2026, 8, 15))).ShouldBe(new DateOnly(2026, 8, 15));
        UkCalendar.DateOf(UkCalendar.DayStartUtc(new DateOnly(2026, 8, 15)).AddTicks(-1)).ShouldBe(new DateOnly(2026, 8, 14));
    }

    [Fact]
    public void TheWallClockTime_IsLondons()
    {
        UkCalendar.LocalTime(new DateTime(2026, 8, 14, 23, 30, 0, DateTimeKind.Utc)).ShouldBe(new DateTime(2026, 8, 15, 0, 30, 0));
        UkCalendar.LocalTime(new DateTime(2026, 1, 14, 23, 30, 0, DateTimeKind.Utc)).ShouldBe(new DateTime(2026, 1, 14, 23, 30, 0));
    }
}
