using System.Globalization;

namespace ShortBreaks.Core.Tests;

public class MoneyTests
{
    [Theory]
    [InlineData("1234", "£1,234")]
    [InlineData("1234.5", "£1,234.50")]
    [InlineData("0", "£0")]
    [InlineData("1234567.891", "£1,234,567.89")]
    [InlineData("-150", "-£150")]
    public void Format_IsTheBritishWay(string amount, string expected) => Money.Format(D(amount)).ShouldBe(expected);

    [Theory]
    [InlineData("1234", "£1,234.00")]
    [InlineData("0.5", "£0.50")]
    public void FormatPence_AlwaysShowsPence(string amount, string expected) => Money.FormatPence(D(amount)).ShouldBe(expected);

    [Theory]
    [InlineData("116.655", "£116.655")]
    [InlineData("1549.5", "£1,549.50")]
    [InlineData("3000", "£3,000")]
    [InlineData("43.20995", "£43.20995")]
    public void FormatExact_RoundsNothingAway(string amount, string expected) => Money.FormatExact(D(amount)).ShouldBe(expected);

    [Theory]
    [InlineData("150", "+£150")]
    [InlineData("-150", "\u2212£150")]
    [InlineData("0", "£0")]
    public void Signed_ShowsTheDirection(string change, string expected) => Money.Signed(D(change)).ShouldBe(expected);

    [Theory]
    [InlineData("2400", "2400")]
    [InlineData("2400.50", "2400.50")]
    [InlineData("£2,400.50", "2400.50")]
    [InlineData(" £2400 ", "2400")]
    [InlineData("1,234,567", "1234567")]
    [InlineData("-£5", "-5")]
    [InlineData("£-5", "-5")]
    [InlineData(".5", "0.5")]
    public void TryParse_ReadsWhatPeopleType(string text, string expected)
    {
        Money.TryParse(text, out var amount).ShouldBeTrue();
        amount.ShouldBe(D(expected));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("two thousand")]
    [InlineData("2.400,50")]
    [InlineData("2,40")]
    [InlineData("24,00.50")]
    [InlineData("2400.50.1")]
    [InlineData("£")]
    [InlineData("1e5")]
    [InlineData("$2400")]
    public void TryParse_RefusesWhatIsNotAnAmount(string? text) => Money.TryParse(text, out _).ShouldBeFalse();

    [Fact]
    public void FormatAndParse_DoNotDependOnTheServersCulture()
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Money.Format(1234.5m).ShouldBe("£1,234.50");
            Money.TryParse("2,400.50", out var amount).ShouldBeTrue();
            amount.ShouldBe(2400.50m);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    private static decimal D(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);
}
