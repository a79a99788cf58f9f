using ShortBreaks.Core.Demo;
using ShortBreaks.Core.Identity;

namespace ShortBreaks.Core.Tests.Identity;

public class PasswordRulesTests
{
    [Theory]
    [InlineData("password")]
    [InlineData("1qaz2wsx3edc")]
    [InlineData("Password1234")]
    [InlineData("qwerty123456!")]
    [InlineData("  Football2024  ")]
    public void IsCommon_ForAListedPasswordOrOneWithDigitsAdded_IsTrue(string password) =>
        PasswordRules.IsCommon(password).ShouldBeTrue();

    [Theory]
    [InlineData("correct horse battery staple")]
    [InlineData("a long family password")]
    [InlineData(DemoCounty.Password)]
    public void IsCommon_ForAnUnlistedPassword_IsFalse(string password) =>
        PasswordRules.IsCommon(password).ShouldBeFalse();

    [Theory]
    [InlineData("x-jess.carter@example.org-x", true)]
    [InlineData("JESS.CARTER and more words", true)]
    [InlineData("carter family password", false)]
    public void ContainsEmail_LooksForTheAddressAndThePartBeforeTheAt(string password, bool expected) =>
        PasswordRules.ContainsEmail(password, "jess.carter@example.org").ShouldBe(expected);

    [Fact]
    public void ContainsEmail_IgnoresALocalPartTooShortToMatter() =>
        PasswordRules.ContainsEmail("a jolly long password", "jo@example.org").ShouldBeFalse();

    [Fact]
    public void Problems_ForTheDemoPassword_AreNone() =>
        PasswordRules.Problems(DemoCounty.Password, "officer@demo.example").ShouldBeEmpty();

    [Theory]
    [InlineData("elevenchars", "at least 12 characters")]
    [InlineData("password12345", "one that many people use")]
    [InlineData("sam.parent-is-me", "must not contain your email address")]
    public void Problems_NameTheRuleBroken(string password, string words) =>
        PasswordRules.Problems(password, "sam.parent@example.org").ShouldHaveSingleItem().ShouldContain(words);
}

public class AuthenticatorTests
{
    // RFC 6238 appendix B: the SHA-1 secret "12345678901234567890" at 59 s gives 94287082 (6 digits: 287082).
    [Theory]
    [InlineData(59, "287082")]
    [InlineData(1111111109, "081804")]
    [InlineData(1234567890, "005924")]
    public void CurrentCode_MatchesTheRfc6238TestVectors(long unixSeconds, string code) =>
        Authenticator.CurrentCode("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", DateTimeOffset.FromUnixTimeSeconds(unixSeconds)).ShouldBe(code);

    [Fact]
    public void Readable_GroupsTheKeyInFours() =>
        Authenticator.Readable("ABCDEFGHIJ").ShouldBe("abcd efgh ij");
}
