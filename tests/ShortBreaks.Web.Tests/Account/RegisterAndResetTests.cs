using System.Net;
using AngleSharp.Html.Dom;
using ShortBreaks.Core.Identity;
using ShortBreaks.TestCommon;
using ShortBreaks.Web.Tests.Infrastructure;

namespace ShortBreaks.Web.Tests.Account;

/// <summary>Creating an account and resetting a password never tell whether an address has an account.</summary>
public class RegisterAndResetTests(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task Register_WithANewOrAnExistingAddress_AnswersTheSame_AndTheEmailSaysWhich()
    {
        var existing = await app.CreateUserAsync(Roles.Family);
        var newAddress = $"new-{Guid.NewGuid():N}@example.org";

        var forNew = await RegisterAsync(newAddress);
        var forExisting = await RegisterAsync(existing.Email);

        forExisting.ShouldBe(forNew);
        forNew.ShouldBe("/account/check-email");
        TestMail.To(app.MailFolder, existing.Email).Single().Subject.ShouldBe("You already have an account");
        TestMail.To(app.MailFolder, newAddress).Single().Subject.ShouldBe("Confirm your email address");
        TestMail.LatestLink(app.MailFolder, newAddress, "/account/confirm-email").ShouldContain("code=");
    }

    [Fact]
    public async Task Register_ThenTheConfirmationLink_ConfirmsTheAddress_AndTheFamilySignsIn()
    {
        var address = $"confirm-{Guid.NewGuid():N}@example.org";
        (await RegisterAsync(address)).ShouldBe("/account/check-email");

        using var browser = app.NewBrowser();
        var page = await browser.GetDocumentAsync(TestMail.LatestLink(app.MailFolder, address, "/account/confirm-email"));

        page.QuerySelector("h1")!.TextContent.ShouldBe("Your email address is confirmed");
        await browser.SignInAsync(address, "a long family password");
        (await browser.GetAsync("/account")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("short-pass1", "Your password must be at least 12 characters")]
    [InlineData("password1234", "Your password is one that many people use")]
    [InlineData("1qaz2wsx3edc", "Your password is one that many people use")]
    [InlineData("my-rules-test-is-here", "Your password must not contain your email address")]
    public async Task Register_RefusesAPasswordBreakingTheRules(string password, string message)
    {
        using var browser = app.NewBrowser();
        var page = await browser.PostForPageAsync("/account/register",
            ("DisplayName", "Sam Parent"), ("Email", "rules-test@example.org"), ("Password", password), ("ConfirmPassword", password));

        page.QuerySelector("#Password-error")!.TextContent.ShouldContain(message);
        TestMail.To(app.MailFolder, "rules-test@example.org").ShouldBeEmpty();
    }

    [Fact]
    public async Task ForgottenPassword_AnswersTheSamePage_ForAKnownAndAnUnknownAddress()
    {
        var known = await app.CreateUserAsync(Roles.Family);
        var unknown = $"nobody-{Guid.NewGuid():N}@example.org";

        var forKnown = await AskForResetAsync(known.Email);
        var forUnknown = await AskForResetAsync(unknown);

        Text(forKnown).Replace(known.Email, "ADDRESS").ShouldBe(Text(forUnknown).Replace(unknown, "ADDRESS"));
        TestMail.To(app.MailFolder, known.Email).Single().Subject.ShouldBe("Reset your password");
        TestMail.To(app.MailFolder, unknown).Single().TextBody!.ShouldContain("There is no account with this address");
    }

    [Fact]
    public async Task ResetLink_ChangesThePassword_UnderTheRules_AndEndsEarlierSessions()
    {
        var family = await app.CreateUserAsync(Roles.Family);
        using var earlier = app.NewBrowser();
        await earlier.SignInAsync(family.Email, WebAppFactory.Password);
        await AskForResetAsync(family.Email);
        var link = TestMail.LatestLink(app.MailFolder, family.Email, "/account/reset-password");
        using var browser = app.NewBrowser();
        var form = await browser.GetDocumentAsync(link);
        var fields = new[] { ("userId", Value(form, "userId")), ("code", Value(form, "code")) };

        var common = await browser.PostForPageAsync("/account/reset-password", [.. fields, ("Password", "password1234"), ("ConfirmPassword", "password1234")]);
        common.QuerySelector("#Password-error")!.TextContent.ShouldContain("one that many people use");
        const string newPassword = "three words and some more";
        var done = await browser.PostForPageAsync("/account/reset-password", [.. fields, ("Password", newPassword), ("ConfirmPassword", newPassword)]);
        done.QuerySelector("h1")!.TextContent.ShouldBe("Your password has been changed");

        using (var old = await SignInSecurityTests.PostSignInAsync(app.NewBrowser(), family.Email))
        {
            old.StatusCode.ShouldBe(HttpStatusCode.OK, "the old password no longer works");
        }

        await app.NewBrowser().SignInAsync(family.Email, newPassword);
        using var stale = await earlier.GetAsync("/account");
        stale.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        stale.Headers.Location!.AbsolutePath.ShouldBe("/account/sign-in");
    }

    [Fact]
    public async Task ResetLink_ThatWasAltered_IsRefused_WithAMessage()
    {
        var family = await app.CreateUserAsync(Roles.Family);
        using var browser = app.NewBrowser();

        var page = await browser.PostForPageAsync("/account/reset-password",
            ("userId", family.Id), ("code", "bm90LWEtdG9rZW4"), ("Password", "three words and some more"), ("ConfirmPassword", "three words and some more"));

        page.QuerySelector(".govuk-error-summary")!.TextContent.ShouldContain("The link has expired or is not right");
        await browser.SignInAsync(family.Email, WebAppFactory.Password);
    }

    private async Task<string> RegisterAsync(string email)
    {
        using var browser = app.NewBrowser();
        return await browser.PostForRedirectAsync("/account/register",
            ("DisplayName", "Sam Parent"), ("Email", email), ("Password", "a long family password"), ("ConfirmPassword", "a long family password"));
    }

    private async Task<IHtmlDocument> AskForResetAsync(string email)
    {
        using var browser = app.NewBrowser();
        return await browser.PostForPageAsync("/account/forgot-password", ("Email", email));
    }

    private static string Text(IHtmlDocument page) =>
        string.Join(' ', page.QuerySelector("main")!.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Value(IHtmlDocument page, string name) =>
        page.QuerySelector($"input[name={name}]")!.GetAttribute("value")!;
}
