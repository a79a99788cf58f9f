using ShortBreaks.Core.Providers;
using ShortBreaks.Core.Schemes;

namespace ShortBreaks.Core.Tests.Providers;

public sealed class ServicePricesAndAllowanceTests
{
    private static readonly ServicePrice April = new() { EffectiveFrom = new(2026, 4, 1), Unit = PriceUnit.Hour, Amount = 15m, SetAt = new(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc) };
    private static readonly ServicePrice October = new() { EffectiveFrom = new(2026, 10, 1), Unit = PriceUnit.Hour, Amount = 16.50m, SetAt = new(2026, 8, 1, 9, 0, 0, DateTimeKind.Utc) };

    [Theory]
    [InlineData(2026, 3, 31, null)]
    [InlineData(2026, 4, 1, 15.0)]
    [InlineData(2026, 9, 30, 15.0)]
    [InlineData(2026, 10, 1, 16.50)]
    [InlineData(2027, 6, 1, 16.50)]
    public void ThePriceInForce_IsTheNewestWhoseDayHasCome(int year, int month, int day, double? amount) =>
        (ServicePrices.InForce([October, April], new DateOnly(year, month, day))?.Amount).ShouldBe((decimal?)amount);

    [Fact]
    public void NoPriceBeforeTheFirst_AndAPriceRunsToTheDayBeforeTheNext()
    {
        ServicePrices.InForce([October, April], new DateOnly(2026, 3, 31)).ShouldBeNull();
        ServicePrices.ValidTo([April, October], April).ShouldBe(new DateOnly(2026, 9, 30));
        ServicePrices.ValidTo([April, October], October).ShouldBeNull();
    }

    [Fact]
    public void TwoPricesFromOneDay_TheOneSetLaterIsInForce()
    {
        var correction = new ServicePrice { EffectiveFrom = October.EffectiveFrom, Unit = PriceUnit.Hour, Amount = 16m, SetAt = October.SetAt.AddDays(1) };
        ServicePrices.InForce([correction, October, April], new DateOnly(2026, 11, 1))!.Amount.ShouldBe(16m);
    }

    [Theory]
    [InlineData(2026, 4, 1, 2026, 4, 1)]
    [InlineData(2027, 3, 31, 2026, 4, 1)]
    [InlineData(2026, 12, 25, 2026, 4, 1)]
    [InlineData(2026, 1, 5, 2025, 4, 1)]
    public void TheAllowanceYear_StartsOnTheSchemesMonth(int year, int month, int day, int startYear, int startMonth, int startDay)
    {
        var start = AllowanceYears.StartOf(new DateOnly(year, month, day), ProviderSettings.Defaults);
        start.ShouldBe(new DateOnly(startYear, startMonth, startDay));
        AllowanceYears.EndOf(start).ShouldBe(start.AddYears(1).AddDays(-1));
        AllowanceYears.StartOf(new DateOnly(2026, 3, 5), ProviderSettings.Defaults with { YearStartMonth = 1 }).ShouldBe(new DateOnly(2026, 1, 1));
    }

    [Fact]
    public void APartYear_GetsTheShareOfDaysLeft_HoursToTheHalfHour_MoneyToThePenny()
    {
        var yearStart = new DateOnly(2026, 4, 1);

        // 1 October 2026 to 31 March 2027: 182 of 365 days.
        var hours = AllowanceYears.ProRata(80, 1200m, yearStart, new DateOnly(2026, 10, 1));
        hours.ShouldBe(new PartYearAllowance(40m, 598.36m, 182, 365));
        AllowanceYears.ProRata(80, 750m, yearStart, new DateOnly(2026, 10, 1)).Money.ShouldBe(373.97m);
    }

    [Fact]
    public void TheWholeYear_BeforeOrOnItsFirstDay_AndNothingAfterItsLast()
    {
        var yearStart = new DateOnly(2026, 4, 1);
        AllowanceYears.ProRata(80, 1200m, yearStart, new DateOnly(2026, 2, 1)).ShouldBe(new PartYearAllowance(80m, 1200m, 365, 365));
        AllowanceYears.ProRata(80, 1200m, yearStart, yearStart).ShouldBe(new PartYearAllowance(80m, 1200m, 365, 365));
        AllowanceYears.ProRata(80, 1200m, yearStart, new DateOnly(2027, 3, 31)).ShouldBe(new PartYearAllowance(0m, 3.29m, 1, 365));
        AllowanceYears.ProRata(80, 1200m, yearStart, new DateOnly(2027, 4, 1)).ShouldBe(new PartYearAllowance(0m, 0m, 0, 365));
    }

    [Fact]
    public void ALeapYear_HasThreeHundredAndSixtySixDays()
    {
        var share = AllowanceYears.ProRata(80, 1200m, new DateOnly(2027, 4, 1), new DateOnly(2028, 2, 29));
        share.DaysInYear.ShouldBe(366);
        share.DaysLeft.ShouldBe(32);
        share.Hours.ShouldBe(7m);
        share.Money.ShouldBe(104.92m);
    }

    [Fact]
    public void TotalUnits_CountWholeWeeksAndMonths_BetweenTwoDays()
    {
        var from = new DateOnly(2026, 4, 1);
        AllowanceYears.TotalUnits(2, LineFrequency.Weekly, from, new DateOnly(2027, 3, 31)).ShouldBe(104m);
        AllowanceYears.TotalUnits(3, LineFrequency.Monthly, from, new DateOnly(2027, 3, 31)).ShouldBe(36m);
        AllowanceYears.TotalUnits(3, LineFrequency.Monthly, from, new DateOnly(2027, 3, 30)).ShouldBe(33m);
        AllowanceYears.TotalUnits(10, LineFrequency.Total, from, new DateOnly(2026, 4, 1)).ShouldBe(10m);
        AllowanceYears.TotalUnits(10, LineFrequency.Total, from, new DateOnly(2026, 3, 31)).ShouldBe(0m);
    }
}
