using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using ShortBreaks.Core.Identity;
using ShortBreaks.Core.Requests;
using ShortBreaks.TestCommon;
using ShortBreaks.Web.Tests.Infrastructure;

namespace ShortBreaks.Web.Tests.Account;

/// <summary>Sessions, the second factor for staff, and signing in with an authenticator app or a recovery code.</summary>
public class SignInSecurityTests(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task SignOut_ThenReplayingACopyOfTheCookie_IsRefused()
    {
        var user = await app.CreateUserAsync(Roles.Family);
        var cookies = new CookieContainer();
        using var browser = new PageClient(app.CreateDefaultClient(new CookieContainerHandler(cookies)));
        await browser.SignInAsync(user.Email, WebAppFactory.Password);
        var copied = cookies.GetCookies(app.Server.BaseAddress)["shortbreaks"]!.Value;
        using (var before = await Replay(copied))
        {
            before.StatusCode.ShouldBe(HttpStatusCode.OK, "the copy works while the session lasts");
        }

        using (var signedOut = await browser.PostAsync("/account/sign-out"))
        {
            signedOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using var after = await Replay(copied);
        after.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        after.Headers.Location!.AbsolutePath.ShouldBe("/account/sign-in");
    }

    private async Task<HttpResponseMessage> Replay(string cookie)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account");
        request.Headers.Add("Cookie", $"shortbreaks={cookie}");
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Staff_WithoutAnAuthenticator_AreSentToSetOneUp_AndCannotReachStaffPagesOrTheApi()
    {
        var officer = await NotEnrolledAsync(Roles.PersonalisationOfficer);
        using var browser = app.NewBrowser();
        using var signIn = await PostSignInAsync(browser, officer.Email);

        signIn.Headers.Location!.OriginalString.ShouldStartWith("/account/authenticator");
        using var staff = await browser.GetAsync("/staff");
        staff.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        staff.Headers.Location!.OriginalString.ShouldBe("/account/authenticator?returnUrl=%2Fstaff");
        using var api = await browser.GetAsync("/api/requests");
        api.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await api.Content.ReadAsStringAsync()).ShouldContain("Set up an authenticator app");
    }

    [Fact]
    public async Task Enrolling_WithTheQrCodesKey_GivesRecoveryCodes_ThenSignInTakesACodeOrARecoveryCodeOnce()
    {
        var officer = await NotEnrolledAsync(Roles.PersonalisationOfficer);
        using var browser = app.NewBrowser();
        (await PostSignInAsync(browser, officer.Email)).Dispose();

        var setUp = await browser.GetDocumentAsync("/account/authenticator?returnUrl=%2Fstaff");
        setUp.QuerySelector("h1")!.TextContent.ShouldBe("Set up an authenticator app");
        setUp.QuerySelector("img")!.GetAttribute("src")!.ShouldStartWith("data:image/png;base64,");
        var key = setUp.QuerySelector("#authenticator-key")!.TextContent.Replace(" ", "").ToUpperInvariant();

        using (var wrong = await PostFormAsync(browser, "/account/authenticator", "/account/authenticator", ("Code", "000000"), ("returnUrl", "/staff")))
        {
            (await wrong.Content.ReadAsStringAsync()).ShouldContain("Enter the code your authenticator app shows now");
        }

        using var done = await PostFormAsync(browser, "/account/authenticator", "/account/authenticator", ("Code", Authenticator.CurrentCode(key)), ("returnUrl", "/staff"));
        var codes = (await PageClient.ParseAsync(done)).QuerySelectorAll("#recovery-codes li").Select(li => li.TextContent.Trim()).ToList();
        codes.Count.ShouldBe(10);
        (await browser.GetAsync("/staff")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Next time: password, then a code from the app.
        (await SignOutAsync(browser, "/account/authenticator")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using (var again = await PostSignInAsync(browser, officer.Email))
        {
            again.Headers.Location!.OriginalString.ShouldBe("/account/two-factor");
        }

        var refused = await PostCodeAsync(browser, "123456", recovery: false);
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("Enter the code your authenticator app shows now");
        (await PostCodeAsync(browser, Authenticator.CurrentCode(key), recovery: false)).Headers.Location!.OriginalString.ShouldBe("/staff");
        (await browser.GetAsync("/staff")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Without the phone: a recovery code works once.
        (await SignOutAsync(browser, "/account/authenticator")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PostSignInAsync(browser, officer.Email)).Dispose();
        (await PostCodeAsync(browser, codes[0], recovery: true)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await browser.GetAsync("/staff")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await SignOutAsync(browser, "/account/authenticator")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PostSignInAsync(browser, officer.Email)).Dispose();
        var reused = await PostCodeAsync(browser, codes[0], recovery: true);
        reused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await reused.Content.ReadAsStringAsync()).ShouldContain("Enter a recovery code you have not used before");
    }

    [Fact]
    public async Task Staff_SignInWithAPasswordAlone_DoesNotReachStaffPages()
    {
        var officer = await app.CreateUserAsync(Roles.PersonalisationOfficer);
        using var browser = app.NewBrowser();
        using var signIn = await PostSignInAsync(browser, officer.Email);

        signIn.Headers.Location!.OriginalString.ShouldBe("/account/two-factor");
        using var staff = await browser.GetAsync("/staff");
        staff.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        staff.Headers.Location!.AbsolutePath.ShouldBe("/account/sign-in");
    }

    [Fact]
    public async Task Family_MayEnrolAnAuthenticator_FromTheirAccount_AndThenSignsInWithACode()
    {
        var (browser, family) = await app.SignedInAsAsync();
        using (browser)
        {
            var account = await browser.GetDocumentAsync("/account");
            account.QuerySelector("a[href='/account/authenticator']").ShouldNotBeNull();
            var setUp = await browser.GetDocumentAsync("/account/authenticator");
            var key = setUp.QuerySelector("#authenticator-key")!.TextContent.Replace(" ", "").ToUpperInvariant();
            (await browser.PostForPageAsync("/account/authenticator", ("Code", Authenticator.CurrentCode(key))))
                .QuerySelectorAll("#recovery-codes li").Length.ShouldBe(10);

            using var other = app.NewBrowser();
            (await PostSignInAsync(other, family.Email)).Headers.Location!.OriginalString.ShouldBe("/account/two-factor");
            (await PostCodeAsync(other, Authenticator.CurrentCode(key), recovery: false)).Headers.Location!.OriginalString.ShouldBe("/account");
        }
    }

    [Fact]
    public async Task Family_WithoutAnAuthenticator_SignsInWithAPasswordAlone()
    {
        var family = await app.CreateUserAsync(Roles.Family);
        using var browser = app.NewBrowser();
        using var signIn = await PostSignInAsync(browser, family.Email);

        signIn.Headers.Location!.OriginalString.ShouldBe("/account");
        (await browser.GetAsync("/account")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task UnconfirmedFamily_SavesADraft_ButCannotSendIt_UntilTheyFollowTheConfirmationLink()
    {
        var family = await app.CreateUserAsync(Roles.Family, emailConfirmed: false);
        using var browser = app.NewBrowser();
        await browser.SignInAsync(family.Email, WebAppFactory.Password);
        var draft = await app.StartDraftAsync(family.Id);
        await app.UpdateDraftAsync(draft.Id, Answers.Complete);

        var refused = await browser.PostForPageAsync($"/apply/{draft.Id}/check-answers");
        refused.QuerySelector(".govuk-error-summary")!.TextContent.ShouldContain("Confirm your email address before you send your request");
        var resend = refused.QuerySelector("#confirm-email a")!.GetAttribute("href")!;
        resend.ShouldStartWith("/account/confirm-email/resend");
        (await app.FindRequestAsync(draft.Id))!.Status.ShouldBe(RequestStatus.Draft);

        (await browser.PostForPageAsync(resend)).QuerySelector("h1")!.TextContent.ShouldBe("We have sent the email again");
        var link = TestMail.LatestLink(app.MailFolder, family.Email, "/account/confirm-email");
        (await browser.GetDocumentAsync(link)).QuerySelector("h1")!.TextContent.ShouldBe("Your email address is confirmed");

        (await browser.PostForRedirectAsync($"/apply/{draft.Id}/check-answers")).ShouldBe($"/apply/{draft.Id}/confirmation");
    }

    [Fact]
    public async Task ConfirmationLink_ThatWasAltered_DoesNotConfirm()
    {
        var family = await app.CreateUserAsync(Roles.Family, emailConfirmed: false);

        var page = await app.NewBrowser().GetDocumentAsync($"/account/confirm-email?userId={family.Id}&code=bm90LWEtdG9rZW4");

        page.QuerySelector("h1")!.TextContent.ShouldBe("This link does not work");
        await app.WithServicesAsync(async s =>
        {
            var user = await s.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(family.Id);
            user!.EmailConfirmed.ShouldBeFalse();
            return 0;
        });
    }

    private async Task<TestUser> NotEnrolledAsync(string role)
    {
        var user = await app.CreateUserAsync(role);
        await app.WithServicesAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<AppUser>>();
            var account = await users.FindByIdAsync(user.Id);
            (await users.SetTwoFactorEnabledAsync(account!, false)).Succeeded.ShouldBeTrue();
            await users.RemoveAuthenticationTokenAsync(account!, "[AspNetUserStore]", "AuthenticatorKey");
            return 0;
        });
        return user;
    }

    [Theory]
    [InlineData(Roles.FinanceOfficer, "/finance")]
    [InlineData(Roles.CommissioningOfficer, "/commissioning")]
    [InlineData(Roles.PersonalisationOfficer, "/staff")]
    public async Task SigningIn_WithNoPageAsked_LandsOnTheRolesHome_AFinanceOfficerOnFinance(string role, string home)
    {
        var user = await app.CreateUserAsync(role);
        using var browser = app.NewBrowser();
        using (var signIn = await PostSignInAsync(browser, user.Email))
        {
            signIn.Headers.Location!.OriginalString.ShouldBe("/account/two-factor");
        }

        using var code = await PostCodeAsync(browser, TestAccounts.CurrentCode(), recovery: false);
        code.Headers.Location!.OriginalString.ShouldBe(home);
        (await browser.GetAsync(home)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>The first step of signing in, by hand, so a test sees where it leads.</summary>
    internal static async Task<HttpResponseMessage> PostSignInAsync(PageClient browser, string email, string password = WebAppFactory.Password)
    {
        var form = await browser.GetDocumentAsync("/account/sign-in");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await browser.Http.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    private static async Task<HttpResponseMessage> PostCodeAsync(PageClient browser, string code, bool recovery)
    {
        var url = recovery ? "/account/two-factor?recovery=true" : "/account/two-factor";
        var form = await browser.GetDocumentAsync(url);
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await browser.Http.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Code"] = code,
            ["recovery"] = recovery ? "true" : "false",
            ["__RequestVerificationToken"] = token,
        }));
    }

    /// <summary>Posts a form with the antiforgery token of a page the person can open now.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(PageClient browser, string tokenPage, string url, params (string Name, string Value)[] fields)
    {
        var form = await browser.GetDocumentAsync(tokenPage);
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await browser.Http.PostAsync(url, new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))
            .Append(new("__RequestVerificationToken", token))));
    }

    private static Task<HttpResponseMessage> SignOutAsync(PageClient browser, string tokenPage) =>
        PostFormAsync(browser, tokenPage, "/account/sign-out");
}
