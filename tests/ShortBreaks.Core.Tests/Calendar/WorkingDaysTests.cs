using ShortBreaks.Core.Calendar;
using ShortBreaks.TestCommon;

namespace ShortBreaks.Core.Tests.Calendar;

public class WorkingDaysTests
{
    private static readonly WorkingDays Shipped = ShippedSchemes.WorkingDays;

    [Theory]
    [InlineData("2026-12-24", true)] // Thursday
    [InlineData("2026-12-25", false)] // Christmas Day, Friday
    [InlineData("2026-12-26", false)] // Boxing Day, Saturday
    [InlineData("2026-12-28", false)] // substitute for Boxing Day
    [InlineData("2026-12-29", true)]
    [InlineData("2027-01-01", false)]
    [InlineData("2027-03-26", false)] // Good Friday
    [InlineData("2027-03-29", false)] // Easter Monday
    [InlineData("2027-03-30", true)]
    [InlineData("2027-05-31", false)] // spring bank holiday
    [InlineData("2027-06-05", false)] // Saturday
    [InlineData("2027-06-06", false)] // Sunday
    [InlineData("2027-06-07", true)]
    public void IsWorkingDay_KnowsWeekendsAndShippedBankHolidays(string day, bool expected)
    {
        Shipped.IsWorkingDay(DateOnly.Parse(day)).ShouldBe(expected);
    }

    [Fact]
    public void OverChristmas2026_OnlyTheDaysBetweenTheHolidaysCount()
    {
        var christmasEve = new DateOnly(2026, 12, 24);

        // 29, 30 and 31 December, then 4 January.
        Shipped.Between(christmasEve, new DateOnly(2027, 1, 4)).ShouldBe(4);
        Shipped.Add(christmasEve, 1).ShouldBe(new DateOnly(2026, 12, 29));
        Shipped.Add(christmasEve, 3).ShouldBe(new DateOnly(2026, 12, 31));
        Shipped.Add(christmasEve, 4).ShouldBe(new DateOnly(2027, 1, 4));
    }

    [Fact]
    public void TenWorkingDayTarget_FromAFridayBeforeChristmas2026()
    {
        // 21–24 and 29–31 December, then 4–6 January.
        Shipped.Add(new DateOnly(2026, 12, 18), 10).ShouldBe(new DateOnly(2027, 1, 6));
        Shipped.Between(new DateOnly(2026, 12, 18), new DateOnly(2027, 1, 6)).ShouldBe(10);
    }

    [Fact]
    public void OverEaster2027_GoodFridayAndEasterMondaySkipped()
    {
        var maundyThursday = new DateOnly(2027, 3, 25);

        Shipped.Add(maundyThursday, 1).ShouldBe(new DateOnly(2027, 3, 30));
        Shipped.Between(maundyThursday, new DateOnly(2027, 3, 30)).ShouldBe(1);
        Shipped.Between(new DateOnly(2027, 3, 19), new DateOnly(2027, 4, 2)).ShouldBe(8);
    }

    [Fact]
    public void Between_ToNotLaterThanFrom_IsZero()
    {
        var day = new DateOnly(2026, 6, 10);

        Shipped.Between(day, day).ShouldBe(0);
        Shipped.Between(day, day.AddDays(-30)).ShouldBe(0);
    }

    [Fact]
    public void Add_Zero_IsTheSameDay_EvenAtAWeekend()
    {
        var saturday = new DateOnly(2026, 6, 13);

        Shipped.Add(saturday, 0).ShouldBe(saturday);
        Shipped.Add(saturday, 1).ShouldBe(new DateOnly(2026, 6, 15));
    }

    [Fact]
    public void Between_HolidayListedOnAWeekend_IsNotTakenOffTwice()
    {
        var saturday = new DateOnly(2026, 6, 13);
        var calendar = new WorkingDays([saturday]);

        calendar.Between(new DateOnly(2026, 6, 12), new DateOnly(2026, 6, 19)).ShouldBe(5);
    }

    [Fact]
    public void Between_AgreesWithCountingDayByDay_ForEveryRangeOverChristmas()
    {
        var start = new DateOnly(2026, 12, 1);
        for (var from = start; from < start.AddDays(45); from = from.AddDays(1))
        {
            for (var to = from.AddDays(-3); to < start.AddDays(60); to = to.AddDays(1))
            {
                Shipped.Between(from, to).ShouldBe(NaiveBetween(from, to), $"{from} to {to}");
            }
        }
    }

    [Fact]
    public void Between_AgreesWithCountingDayByDay_ForRandomRanges()
    {
        var random = new Random(2026);
        for (var i = 0; i < 3000; i++)
        {
            var from = new DateOnly(2024, 12, 1).AddDays(random.Next(0, 4 * 365));
            var to = from.AddDays(random.Next(-10, 500));

            Shipped.Between(from, to).ShouldBe(NaiveBetween(from, to), $"{from} to {to}");
        }
    }

    [Fact]
    public void AddAndBetween_Agree()
    {
        var random = new Random(1225);
        for (var i = 0; i < 3000; i++)
        {
            var from = new DateOnly(2024, 12, 1).AddDays(random.Next(0, 3 * 365));
            var workingDays = random.Next(0, 120);

            var due = Shipped.Add(from, workingDays);

            Shipped.Between(from, due).ShouldBe(workingDays, $"{workingDays} from {from}");
            if (workingDays > 0)
            {
                Shipped.IsWorkingDay(due).ShouldBeTrue($"{workingDays} from {from} ends on {due}");
                Shipped.Between(from, due.AddDays(-1)).ShouldBe(workingDays - 1, $"{workingDays} from {from}");
            }
        }
    }

    private static int NaiveBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (Shipped.IsWorkingDay(day)) count++;
        }

        return count;
    }
}
