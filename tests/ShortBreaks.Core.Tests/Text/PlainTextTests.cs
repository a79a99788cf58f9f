using ShortBreaks.Core.Requests;
using ShortBreaks.Core.Text;

namespace ShortBreaks.Core.Tests.Text;

/// <summary>The one rule for text from anyone: characters a person can type.</summary>
public sealed class PlainTextTests
{
    [Theory]
    [InlineData("Maya")]
    [InlineData("Łukasz Nguyễn")]
    [InlineData("محمد علي")]
    [InlineData("আমিনুল ইসলাম")]
    [InlineData("O'Brien-Smith")]
    [InlineData("💥 emoji, a pair of surrogates")]
    [InlineData("")]
    public void TextPeopleType_IsAccepted(string text) => PlainText.IsAcceptable(text).ShouldBeTrue();

    [Theory]
    [InlineData("Ma\0ya", 2)]
    [InlineData("\u0001", 0)]
    [InlineData("bell\u0007", 4)]
    [InlineData("del\u007F", 3)]
    [InlineData("c1\u0085", 2)]
    [InlineData("c1\u009B", 2)]
    [InlineData("bad bytes \uFFFD", 10)]
    [InlineData("\uFFFF", 0)]
    [InlineData("one\nline", 3)]
    [InlineData("tab\there", 3)]
    [InlineData("cr\r", 2)]
    public void ControlCharactersAndBrokenText_AreRefused_AtTheFirstOne(string text, int at)
    {
        PlainText.IsAcceptable(text).ShouldBeFalse();
        PlainText.FirstRefused(text).ShouldBe(at);
    }

    /// <summary>Built here: a lone surrogate does not survive being written in a test's attribute.</summary>
    [Fact]
    public void UnpairedSurrogates_AreRefused_EvenInLongText_ButPairsAreText()
    {
        const char high = (char)0xD83D, low = (char)0xDCA5;
        PlainText.FirstRefused("lone " + high + " high").ShouldBe(5);
        PlainText.FirstRefused("lone " + low + " low").ShouldBe(5);
        PlainText.FirstRefused("end " + high).ShouldBe(4);
        PlainText.FirstRefused("swapped " + low + high).ShouldBe(8);
        PlainText.IsAcceptable("lone " + high, longText: true).ShouldBeFalse();
        PlainText.IsAcceptable("pair " + high + low).ShouldBeTrue();
    }

    [Theory]
    [InlineData("First line\nsecond line")]
    [InlineData("Windows\r\nline ends")]
    [InlineData("a\ttab")]
    public void LongText_MayHaveLineBreaksAndTabs(string text)
    {
        PlainText.IsAcceptable(text, longText: true).ShouldBeTrue();
        PlainText.IsAcceptable(text).ShouldBeFalse("one-line text may not");
    }

    [Theory]
    [InlineData("nul\0")]
    [InlineData("esc\u001B[31m")]
    public void LongText_StillRefusesOtherControlCharacters(string text) => PlainText.IsAcceptable(text, longText: true).ShouldBeFalse();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("?")]
    [InlineData("?page=2&channel=Online")]
    [InlineData("?q=%C5%81ukasz+Nguy%E1%BB%85n")]
    [InlineData("?q=Łukasz")]
    [InlineData("?flag&=x&&")]
    public void Queries_OfReadableText_AreAccepted(string? query) => PlainText.IsAcceptableQuery(query, out _).ShouldBeTrue();

    [Theory]
    [InlineData("?page=%00", "page")]
    [InlineData("?q=a%0Ab", "q")]
    [InlineData("?q=%C2%85", "q")]
    [InlineData("?q=%FF", "q")]
    [InlineData("?q=%C3", "q")]
    [InlineData("?q=%ED%A0%80", "q")]
    [InlineData("?ok=1&bad%00name=1", "")]
    public void Queries_WithControlCharactersOrBytesThatAreNotUtf8_AreRefused(string query, string name)
    {
        PlainText.IsAcceptableQuery(query, out var refused).ShouldBeFalse();
        refused.ShouldBe(name);
    }

    [Fact]
    public void TheRequestRules_RefuseHiddenCharacters_InEveryTextAnswer_WithTheSameWords()
    {
        var errors = new List<FieldError>();
        errors.AddRange(RequestRules.ChildName("Ma\0ya", "Ex\u0007ample"));
        errors.AddRange(RequestRules.Address("1 High\0 Street", "Flat\u00852", "Town\0", "DC1\0 2AB"));
        errors.AddRange(RequestRules.School(true, "School\0"));
        errors.AddRange(RequestRules.OwnWords("Needs\0 care"));
        errors.AddRange(RequestRules.Contact("Jess\0", "Mum\0", "jess\0@example.org", "01632\0960001", ContactMethod.Email));
        errors.AddRange(RequestRules.Siblings(1, "Details\0"));

        errors.Select(e => e.Field).ShouldBe(
        [
            "ChildFirstName", "ChildLastName", "AddressLine1", "AddressLine2", "Town", "Postcode", "School", "NeedsInOwnWords",
            "ContactName", "ContactRelationship", "ContactEmail", "ContactPhone", "SiblingDetails",
        ]);
        errors.ShouldAllBe(e => e.Message.EndsWith(" " + PlainText.Refusal));
        errors[0].Message.ShouldBe("First name must not include hidden characters such as control characters");
    }

    [Fact]
    public void TheRequestRules_AllowLineBreaksOnlyInLongText()
    {
        RequestRules.OwnWords("First line\r\nsecond line\tand a tab").ShouldBeEmpty();
        RequestRules.Siblings(2, "Sam, 4\nAlex, 9").ShouldBeEmpty();
        RequestRules.ChildName("Maya\nRose", "Example").ShouldHaveSingleItem().Field.ShouldBe("ChildFirstName");
        RequestRules.Address("1 High\nStreet", "", "Town", "DC1 2AB").ShouldHaveSingleItem().Field.ShouldBe("AddressLine1");
    }
}
